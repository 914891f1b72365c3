"""Who said what, and quotes rendered differently by different outlets.

Two outlets translating or trimming one statement give two wordings
(« Tout se déroule comme prévu » / « tout est comme prévu, tout est stable »).
Quotes are matched across articles when the speaker agrees (same entity, or one
side unattributed) and their content words overlap; a matched pair whose
wording differs is a disagreement to show side by side. When the analysis
package provides ``match_quotes_across`` its grouping is used instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from veille.stories.units import Unit

_WORD = re.compile(r"\w{3,}", re.UNICODE)
MIN_WORDS = 3
MIN_OVERLAP = 0.5
# two quotes of one speaker sharing a name ("Pixel Visual Core") are not one statement:
# a rendering must also share a good part of the union of words
MIN_JACCARD = 0.3


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "")}


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def _speaker_key(q: Mapping[str, Any]) -> str | None:
    return q.get("speaker_entity_id") or q.get("speaker_canonical") or q.get("speaker")


def _speaker(q: Mapping[str, Any]) -> Any:
    return q.get("speaker_entity_id") or q.get("speaker_canonical") or q.get("speaker")


def collect_quotes(units: Sequence[Unit]) -> list[dict[str, Any]]:
    """Every quote of the story, except one nested in another quote of its
    sentence with the same (or no) speaker: 'Johnson said he was "horrified"
    by ...' is one statement, not that and "horrified" again."""
    out = []
    for u in units:
        kept: list[Mapping[str, Any]] = []
        for q in sorted(u.quotes, key=lambda q: (q.get("start", 0), -q.get("end", 0))):
            if not (q.get("text") or "").strip():
                continue
            if any(o.get("start", 0) <= q.get("start", 0) and q.get("end", 0) <= o.get("end", 0)
                   and _speaker(q) in (None, _speaker(o)) for o in kept):
                continue
            kept.append(q)
            out.append({"q": q, "unit": u})
    return out


def match_quotes(quotes: Sequence[Mapping[str, Any]]) -> list[list[int]]:
    """Groups of indices into ``quotes`` that render one statement (union-find)."""
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words = [_words(x["q"]["text"]) for x in quotes]
    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            qi, qj = quotes[i], quotes[j]
            if qi["unit"].uid == qj["unit"].uid:
                continue
            si, sj = _speaker_key(qi["q"]), _speaker_key(qj["q"])
            if si and sj and si != sj:
                continue
            wi, wj = words[i], words[j]
            if len(wi) < MIN_WORDS or len(wj) < MIN_WORDS:
                continue
            shared = wi & wj
            if len(shared) >= 2 and len(shared) / min(len(wi), len(wj)) >= MIN_OVERLAP:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(quotes)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _analysis_matcher(quotes: Sequence[Mapping[str, Any]]) -> list[list[int]] | None:
    """Groups from ``veille.analyze.quotes.match_quotes_across`` when that exists."""
    try:
        from veille.analyze.quotes import match_quotes_across
        from veille.core.model import Analysis, Quote
    except ImportError:
        return None
    fields = set(Quote.__dataclass_fields__)
    by_uid: dict[str, Any] = {}
    where: dict[tuple[str, int], int] = {}
    for k, x in enumerate(quotes):
        uid = x["unit"].uid
        an = by_uid.setdefault(uid, Analysis(article_uid=uid, language=x["unit"].language))
        where[(uid, len(an.quotes))] = k
        an.quotes.append(Quote(**{f: v for f, v in x["q"].items() if f in fields}))
    try:
        groups = match_quotes_across(list(by_uid.values()))
    except Exception:  # a colleague's matcher failing must not break the view
        return None
    seen: set[int] = set()
    out: list[list[int]] = []
    for g in groups:
        idx = [where[(u, i)] for u, i in g if (u, i) in where]
        seen.update(idx)
        out.append(idx)
    out.extend([k] for k in range(len(quotes)) if k not in seen)
    return out


def _differing_renderings(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Renderings taking part in a pair from two sources that words the same statement
    differently: overlapping content words, neither a mere excerpt of the other."""
    keep: set[int] = set()
    for i in range(len(rs)):
        for j in range(i + 1, len(rs)):
            a, b = rs[i], rs[j]
            if a["source"] == b["source"]:
                continue
            na, nb = _norm(a["text"]), _norm(b["text"])
            if na == nb or na in nb or nb in na:
                continue
            wa, wb = _words(a["text"]), _words(b["text"])
            if len(wa) < MIN_WORDS or len(wb) < MIN_WORDS:
                continue
            shared = wa & wb
            if (len(shared) >= 2 and len(shared) / min(len(wa), len(wb)) >= MIN_OVERLAP
                    and len(shared) / len(wa | wb) >= MIN_JACCARD):
                keep.update((i, j))
    return [rs[k] for k in sorted(keep)]


def build_speakers(
    units: Sequence[Unit],
    keys: Mapping[str, Mapping[str, Any]],
    entities: Mapping[str, Any],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(who said what, quote disagreements)."""
    quotes = collect_quotes(units)
    groups = _analysis_matcher(quotes)
    if groups is None or not any(len(g) > 1 for g in groups):
        # the analysis matcher needs linked speakers; fall back to ours otherwise
        groups = match_quotes(quotes)
    by_speaker: dict[str, dict[str, Any]] = {}
    disagreements: list[dict[str, Any]] = []
    for g in groups:
        items = [quotes[i] for i in g]
        spk_id = next((x["q"].get("speaker_entity_id") for x in items
                       if x["q"].get("speaker_entity_id")), None)
        spk_name = next((x["q"].get("speaker_canonical") or x["q"].get("speaker") for x in items
                         if x["q"].get("speaker_canonical") or x["q"].get("speaker")), None)
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
            q, u = x["q"], x["unit"]
            renderings.append({
                "text": q["text"],
                "kind": q.get("kind", "direct"),
                "verb": q.get("verb"),
                "article": u.uid,
                "source": keys[u.uid]["key"],
                "sentence": u.text,
            })
        srcs = sorted({r["source"] for r in renderings})
        entry["quotes"].append({
            "text": renderings[0]["text"],
            "renderings": renderings,
            "n_sources": len(srcs),
            "sources": srcs,
        })
        entry["sources"].update(srcs)
        direct = _differing_renderings([r for r in renderings if r["kind"] == "direct"])
        if direct:
            disagreements.append({
                "kind": "quote_wording",
                "about": spk_name or "unknown speaker",
                "fact": None,
                "sides": [{"value": r["text"], "text": r["sentence"], "article": r["article"],
                           "source": r["source"]} for r in direct],
            })
    out = []
    for entry in by_speaker.values():
        entry["sources"] = sorted(entry["sources"])
        entry["n_quotes"] = len(entry["quotes"])
        out.append(entry)
    out.sort(key=lambda e: (e["speaker"] == "unknown speaker", -e["n_quotes"], e["speaker"]))
    return out, disagreements


def _get(rec: Any, name: str) -> Any:
    return rec.get(name) if isinstance(rec, Mapping) else getattr(rec, name, None)
