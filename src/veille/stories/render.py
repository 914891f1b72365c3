"""Plain-text rendering of a story view for the terminal (`veille story ID`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from veille.stories.units import is_question


def _src(sources: list[str]) -> str:
    return ", ".join(s.split(":", 1)[-1] for s in sources)


def _n(count: int, noun: str) -> str:
    """"1 quote", "2 quotes": counts are read, not parsed."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def clip(text: str, width: int) -> str:
    """At most ``width`` characters, cut at a word boundary and marked "…"
    when cut, so a truncated quote never reads as if the speaker said less."""
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def render_lines(view: Mapping[str, Any], *, max_items: int = 10,
                 all_events: bool = False) -> list[str]:
    """The view as readable lines: every section, and what is missing.
    ``all_events``: every timeline line of the story's own dates, not the
    compact default (the events several sources carry), which is what a
    reader asks for first; the rest is one option away, not only in JSON."""
    out: list[str] = []
    title = view.get("title") or {}
    out.append(title.get("text") or "(no title)")
    out.append(f"{_n(view.get('n_articles', 0), 'article')}, "
               f"{_n(view.get('n_independent_sources', 0), 'independent source')}")
    out.append("")
    out.append("Summary")
    for s in view.get("summary") or []:
        out.append(f"  - {s['text']}  [{', '.join(s['citations'])}]")
    # a question several outlets ask (a shared subhead: "What are the Panama
    # Papers?") corroborates nothing: kept in the view's facts, not listed here
    facts = [f for f in view.get("facts") or []
             if f["n_sources"] > 1 and not is_question(f["statement"])]
    out.append("")
    out.append(f"Corroborated facts ({len(facts)})")
    for f in facts[:max_items]:
        langs = f.get("languages") or []
        in_langs = f" in {', '.join(langs)}" if len(langs) > 1 else ""
        out.append(f"  {f['n_sources']} sources{in_langs}: {f['statement']}  ({_src(f['sources'])})")
    dis = view.get("disagreements") or []
    if dis:
        out.append("")
        out.append(f"Disagreements ({len(dis)})")
        for d in dis[:max_items]:
            out.append(f"  {d['kind']}: {d['about']}")
            for side in d["sides"]:
                val = side["value"]
                if isinstance(val, list):
                    val = ", ".join(str(v.get("text")) for v in val)
                out.append(f"    {side['source'].split(':', 1)[-1]}: {val}")
    every = [e for e in view.get("timeline") or [] if not e.get("background")]
    own = [e for e in every if not e.get("restates_publication_date")]
    background = [e for e in view.get("timeline") or [] if e.get("background")]

    def entry(e: Mapping[str, Any]) -> str:
        # "unknown" told a reader nothing: the article the date comes from is undated
        rel = e["relative_to_publication"]
        rel = "article undated" if rel == "unknown" else rel
        return (f"  {e['date']:<23} ({e['precision']}, {rel}) "
                f"{clip(e['sentence'], 100)}  [{e['n_sources']} src]")

    out.append("")
    out.append("Timeline")
    # the compact default: events several sources carry (views since builder 5
    # mark them); older stored views show their first entries
    # (a line dated by its article's own date, "today", is among the rest
    # unless the day is named: TimelineEntry.names_publication_day)
    shown = [e for e in every if e.get("compact")] if any("compact" in e for e in every) else []
    shown = every if all_events else shown or own[:max_items * 2]
    out.extend(entry(e) for e in shown)
    if len(every) > len(shown):
        out.append(f"  … {len(every) - len(shown)} more events (--all-events)")
    if background:
        out.append(f"  Background: {_n(len(background), 'earlier date')}")
        # the latest context first: the closest to the story
        out.extend(entry(e) for e in background[::-1][:max_items // 2])
    out.append("")
    out.append("Who said what")
    for sp in (view.get("speakers") or [])[:max_items]:
        out.append(f"  {sp['speaker']} ({_n(sp['n_quotes'], 'quote')})")
        for q in sp["quotes"][:3]:
            out.append(f"    « {clip(q['text'], 100)} »  ({_src(q['sources'])})")
    if view.get("missing"):
        out.append("")
        out.append("Missing")
        out.extend(f"  - {m}" for m in view["missing"])
    return out
