"""Who said what, and quotes rendered differently by different outlets.

The story's quotes are grouped by statement (:mod:`veille.stories.quote_matching`);
each group is listed under its speaker with every rendering, and a group whose
direct renderings word the statement differently is a disagreement to show
side by side.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from veille.core.model import Quote
from veille.core.text import fold_words
from veille.stories.quote_matching import (
    StoryQuote,
    differing_renderings,
    group_story_quotes,
    quote_from_stored,
    speaker_key,
)
from veille.stories.units import Unit

#: Quote kinds that are no statement (see veille.analyze.quotes.extract.non_speech_kind).
NOT_SPEECH = frozenset({"title", "term"})


def collect_quotes(units: Sequence[Unit]) -> list[StoryQuote]:
    """Every quote of the story, except one nested in another quote of its
    sentence with the same (or no) speaker: 'Johnson said he was "horrified"
    by ...' is one statement, not that and "horrified" again."""
    out = []
    for u in units:
        kept: list[Quote] = []
        for q in sorted(map(quote_from_stored, u.quotes), key=lambda q: (q.start, -q.end)):
            if not (q.text or "").strip() or q.kind in NOT_SPEECH:
                continue  # a title or a scare-quoted term is nobody's statement
            if any(o.start <= q.start and q.end <= o.end
                   and speaker_key(q) in (None, speaker_key(o)) for o in kept):
                continue
            kept.append(q)
            out.append(StoryQuote(q, u))
    return out


def build_speakers(
    units: Sequence[Unit],
    keys: Mapping[str, Mapping[str, Any]],
    entities: Mapping[str, Any],
    *,
    copies: Mapping[str, Sequence[str]] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(who said what, quote disagreements). ``copies``: articles folded as
    copies of a built one, whose sources count for its quotes too."""
    copies = copies or {}
    quotes = collect_quotes(units)
    groups = group_story_quotes(quotes)
    by_speaker: dict[str, dict[str, Any]] = {}
    disagreements: list[dict[str, Any]] = []
    for g in groups:
        items = [quotes[i] for i in g]
        spk_id = next((x.quote.speaker_entity_id for x in items if x.quote.speaker_entity_id), None)
        spk_name = next((x.quote.speaker_canonical or x.quote.speaker for x in items
                         if x.quote.speaker_canonical or x.quote.speaker), None)
        if spk_id and spk_id in entities:
            rec = entities[spk_id]
            spk_name = _get(rec, "canonical") or spk_name
        key = spk_id or (f"name:{spk_name}" if spk_name else "unknown")
        entry = by_speaker.setdefault(
            key,
            {"speaker": spk_name or "unknown speaker", "entity_id": spk_id, "quotes": [],
             "sources": set()},
        )
        renderings = []
        for x in items:
            q, u = x.quote, x.unit
            renderings.append({
                "text": q.text,
                "kind": q.kind,
                "verb": q.verb,
                "article": u.uid,
                "source": keys[u.uid]["key"],
                "sentence": u.text,
            })
        srcs = sorted({r["source"] for r in renderings}
                      | {keys[c]["key"] for r in renderings for c in copies.get(r["article"], ())})
        entry["quotes"].append({
            "text": renderings[0]["text"],
            "renderings": _shown(renderings),
            "n_renderings": len(renderings),
            "n_sources": len(srcs),
            "sources": srcs,
        })
        entry["sources"].update(srcs)
        direct = differing_renderings([r for r in renderings if r["kind"] in ("direct", "partial")])
        if direct:
            disagreements.append({
                "kind": "quote_wording",
                "about": spk_name or "unknown speaker",
                "fact": None,
                "sides": [{"value": r["text"], "text": r["sentence"], "article": r["article"],
                           "source": r["source"]} for r in direct],
            })
    _join_surnames(by_speaker)
    out = []
    for entry in by_speaker.values():
        entry["sources"] = sorted(entry["sources"])
        entry["n_quotes"] = len(entry["quotes"])
        out.append(entry)
    out.sort(key=lambda e: (e["speaker"] == "unknown speaker", -e["n_quotes"], e["speaker"]))
    return out, disagreements


def _join_surnames(by_speaker: dict[str, dict[str, Any]]) -> None:
    """A speaker named by one word joins the one full name of the story that
    ends with it ("Borissow" -> "Bojko Borissow", "Trump" -> "Donald Trump").

    The linker joins a surname to a full name within an article; across
    articles a lone surname can stay apart (a recogniser that called "Trump"
    an organisation, a language with no entity pipeline), and the page then
    showed one person as two speakers. Within one story, a surname that ends
    exactly one full speaker name is that person (or exactly one linked
    person, when a recogniser's misread also ends with it: "Earlier Trump").
    Two people ending with it ("Boris Johnson", "Stanley Johnson") leave it
    apart: which one is meant, the page cannot know."""
    full: dict[str, list[str]] = {}
    for key, e in by_speaker.items():
        words = fold_words(str(e["speaker"])).split()
        if len(words) >= 2 and _person_like(e):
            full.setdefault(words[-1], []).append(key)
    for key in list(by_speaker):
        e = by_speaker[key]
        name = str(e["speaker"])
        words = fold_words(name).split()
        if key == "unknown" or len(words) != 1 or not name[:1].isupper() \
                or str(e.get("entity_id") or "").startswith("loc:"):
            continue  # "officials", a place ("Seoul" is no surname of "Soyoung Kim Seoul")
        cands = full.get(words[0], [])
        if len(cands) > 1:  # "Donald Trump" and a misread "Earlier Trump": the person
            cands = [k for k in cands if str(by_speaker[k].get("entity_id") or "").startswith("per:")]
        if len(cands) != 1:
            continue
        into = by_speaker[cands[0]]
        into["quotes"].extend(e["quotes"])
        into["sources"].update(e["sources"])
        del by_speaker[key]


def _person_like(e: dict[str, Any]) -> bool:
    """A linked person, or an unlinked name of capitalised words only ("Bojko
    Borissow"; not "any strike near Pyongyang", "A spokesman for Microsoft")."""
    eid = str(e.get("entity_id") or "")
    if eid:
        return eid.startswith("per:")
    words = str(e["speaker"]).split()
    return all(w[:1].isupper() and not any(c.isdigit() for c in w) for w in words)


MAX_RENDERINGS_SHOWN = 50


def _shown(renderings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """At most MAX_RENDERINGS_SHOWN renderings: one per source first, then the others
    in order (a dispatch quoted by thousands of sites keeps a bounded view)."""
    if len(renderings) <= MAX_RENDERINGS_SHOWN:
        return renderings
    first: dict[str, int] = {}
    for k, r in enumerate(renderings):
        first.setdefault(r["source"], k)
    keep = sorted(first.values())[:MAX_RENDERINGS_SHOWN]
    rest = [k for k in range(len(renderings)) if k not in set(keep)]
    keep = sorted(keep + rest[:MAX_RENDERINGS_SHOWN - len(keep)])
    return [renderings[k] for k in keep]


def _get(rec: Any, name: str) -> Any:
    return rec.get(name) if isinstance(rec, Mapping) else getattr(rec, name, None)
