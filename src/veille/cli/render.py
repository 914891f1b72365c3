"""Plain-text views of one article and of a story's articles, for the terminal.

Every line is made safe with :func:`printable` here (titles, names and quotes
are untrusted article text), so the commands write the lines as they are.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from veille.cli.base import printable

#: Entities shown by name in an article's view (the rest are counted): a long
#: article names hundreds, and the view is read, not searched.
MAX_ENTITIES = 40


def _section(title: str, items: Sequence[str], count: str | None = None) -> list[str]:
    head = f"{title} ({count if count is not None else len(items)})"
    return ["", head, *(f"  {i}" for i in items)] if items else []


def _entity_counts(mentions: Sequence[Mapping[str, Any]]) -> Counter[tuple[str, str, str]]:
    counts: Counter[tuple[str, str, str]] = Counter()
    for m in mentions:
        name = str(m.get("canonical") or m.get("text") or "")
        counts[(name, str(m.get("label") or "?"), str(m.get("entity_id") or ""))] += 1
    return counts


def _entities(counts: Counter[tuple[str, str, str]]) -> list[str]:
    """One line per entity (not per mention): name, label, id, how often named."""
    lines = [f"{name} · {label}" + (f" · {eid}" if eid else "") + (f" · ×{n}" if n > 1 else "")
             for (name, label, eid), n in counts.most_common(MAX_ENTITIES)]
    if len(counts) > MAX_ENTITIES:
        lines.append(f"… and {len(counts) - MAX_ENTITIES} more (--json lists them all)")
    return lines


def _quote(q: Mapping[str, Any]) -> str:
    who = q.get("speaker_canonical") or q.get("speaker") or "unknown speaker"
    kind = q.get("kind")
    return f"{who}: « {q.get('text', '')} »" + (f" ({kind})" if kind else "")


def _time(t: Mapping[str, Any]) -> str:
    value = t.get("value")
    span = (f"{t['range_start']} .. {t['range_end']}"
            if t.get("range_start") and t.get("range_end") and t["range_start"] != t["range_end"]
            else t.get("range_start"))
    return f"{t.get('text', '')} → {value or '?'}" + (f" ({span})" if span and span != value else "")


def _number(v: float) -> str:
    """A value as a reader writes it: 11,500,000 and 12.8, never 1.15e+07."""
    if not math.isfinite(v):
        return str(v)
    return format(Decimal(repr(float(v))).normalize(), ",f")


def _quantity(q: Mapping[str, Any]) -> str:
    value, vmax = q.get("value"), q.get("value_max")
    shown = _number(value) if isinstance(value, int | float) else str(value or "?")
    if isinstance(vmax, int | float) and vmax != value:
        shown += f"–{_number(vmax)}"
    what = " ".join(str(x) for x in (q.get("unit"), q.get("noun")) if x)
    return f"{q.get('text', '')} → {shown}" + (f" {what}" if what else "")


def article_lines(art: Mapping[str, Any]) -> list[str]:
    """The article as `veille article ID` prints it: heading, text, then its analysis."""
    lines = [str(art.get("title") or art.get("id")),
             f"{art.get('source') or 'unknown source'} · {art.get('published') or 'undated'} · "
             f"{art.get('language') or '?'} · {art.get('id')}"]
    if art.get("url"):
        lines.append(str(art["url"]))
    body = [printable(line) for line in str(art.get("text") or "").split("\n")]
    analysis = art.get("analysis") or {}
    tail: list[str] = []
    if analysis.get("status") == "pending" and "entities" not in art:
        tail = ["", "analysis: not yet done (`veille analyze`)"]
    else:
        mentions = art.get("entities") or []
        counts = _entity_counts(mentions)
        tail += _section("entities", _entities(counts),
                         f"{len(counts)}, named {len(mentions)} times")
        tail += _section("quotes", [_quote(q) for q in art.get("quotes") or []])
        tail += _section("times", [_time(t) for t in art.get("times") or []])
        tail += _section("quantities", [_quantity(q) for q in art.get("quantities") or []])
        if not tail:
            tail = ["", "analysis: no entity, quote, time or quantity found"]
        for note in analysis.get("notes") or []:
            tail.append(f"note: {note}")
    return ([printable(line) for line in lines] + ["", *body]
            + [printable(line) for line in tail])


def article_rows(articles: Sequence[Mapping[str, Any]], *, score: str | None = None) -> list[str]:
    """Articles one a line, as `veille story` and `veille similar` list them:
    (the ``score`` field, e.g. similarity,) date, language, outlet, title, then
    the id (to give `veille article`)."""
    out = []
    for a in articles:
        head = f"{float(a.get(score) or 0.0):.3f}  " if score else ""
        # an article without a headline by its first line, as the pages name it
        title = a.get("title") or (f"{a['first_line']} (first line)" if a.get("first_line")
                                   else "(untitled)")
        out.append(printable(
            f"  {head}{a.get('published') or 'undated':<10}  {a.get('language') or '?':<2}  "
            f"{a.get('outlet') or a.get('source') or '?'} · {title}  "
            f"[{a.get('id')}]"))
    return out


def story_article_lines(articles: Sequence[Mapping[str, Any]]) -> list[str]:
    """A story's articles by publication date, oldest first, undated ones last
    (:func:`article_rows`), as the story page lists them: in the order they
    joined, a story's articles read as shuffled (session-21 audit)."""
    return article_rows(sorted(articles, key=lambda a: (a.get("published") is None,
                                                        str(a.get("published") or ""))))


def story_rows(found: Sequence[Mapping[str, Any]]) -> list[str]:
    """Stories one a line, as `veille similar --story` lists them: similarity,
    size, dates, title, then the id (to give `veille story`)."""
    return [printable(
        f"  {float(s.get('similarity') or 0.0):.3f}  {s.get('size') or 0:>4} art.  "
        f"{s.get('first_published') or '?'} .. {s.get('last_published') or '?'}  "
        f"{s.get('title') or '(untitled)'}  [#{s.get('story_id')}]") for s in found]
