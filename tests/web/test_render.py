"""article_segments against its definition: a segment carries exactly the spans
that cover it (the sweep must give what testing every span against every
segment gives), on random overlapping, nested, empty and out-of-range spans."""

from __future__ import annotations

import random
from typing import Any

from veille.web.render import article_segments


def _covering(text: str, analysis: dict[str, Any], cite: tuple[int, int] | None,
              terms: list[tuple[int, int]]) -> list[tuple[str, list[tuple[str, Any]]]]:
    """The definition, brute force: for each segment, the valid spans that cover
    it, in the order annotations are listed (entities, quotes, times, hits, cite)."""
    n = len(text)
    spans = [(m["start"], m["end"], "ent", m["entity_id"]) for m in analysis["entities"]]
    spans += [(q["start"], q["end"], "quote", q["speaker"]) for q in analysis["quotes"]]
    spans += [(t["start"], t["end"], "time", t["value"]) for t in analysis["times"]]
    spans += [(a, b, "hit", None) for a, b in terms] + ([(*cite, "cite", None)] if cite else [])
    spans = [sp for sp in spans if 0 <= sp[0] < sp[1] <= n]
    cuts = sorted({0, n, *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    return [(text[a:b], [(k, v) for s, e, k, v in spans if s <= a and e >= b])
            for a, b in zip(cuts, cuts[1:], strict=False)]


def _expected_flags(cover: list[tuple[str, Any]]) -> dict[str, Any]:
    first: dict[str, Any] = {}
    for kind, value in cover:
        first.setdefault(kind, value)
    return first


def test_segments_match_the_brute_force_definition() -> None:
    rng = random.Random(6)
    for _ in range(2000):
        text = "".join(rng.choice("ab é\u202e") for _ in range(rng.randint(1, 50)))
        n = len(text)

        def pair(n: int = n) -> tuple[int, int]:
            return rng.randint(-2, n + 2), rng.randint(-2, n + 2)

        analysis: dict[str, Any] = {
            "entities": [dict(zip(("start", "end"), pair(), strict=True), entity_id=f"e{j}", label="PER")
                         for j in range(rng.randint(0, 8))],
            "quotes": [dict(zip(("start", "end"), pair(), strict=True), speaker=f"s{j}")
                       for j in range(rng.randint(0, 3))],
            "times": [dict(zip(("start", "end"), pair(), strict=True), value=f"t{j}")
                      for j in range(rng.randint(0, 3))]}
        terms = [pair() for _ in range(rng.randint(0, 3))]
        cite = pair() if rng.random() < 0.5 else None
        got = article_segments(text, analysis, cite, terms)
        want = _covering(text, analysis, cite, terms)
        assert "".join(s["text"] for s in got) == text
        assert [s["text"] for s in got] == [t for t, _ in want]
        for seg, (_t, cover) in zip(got, want, strict=True):
            flags = _expected_flags(cover)
            assert (seg.get("ent") or {}).get("id") == flags.get("ent")
            assert (seg.get("quote") or {}).get("speaker") == flags.get("quote")
            assert (seg.get("time") or {}).get("value") == flags.get("time")
            assert bool(seg.get("hit")) == ("hit" in flags)
            assert bool(seg.get("cite")) == ("cite" in flags)


def test_citations_keep_the_languages_a_summary_sentence_is_stated_in() -> None:
    """A sentence whose fact was stated in Polish and English says so on the page."""
    from veille.web.render import citations

    view = {"articles": [{"uid": "en1"}, {"uid": "pl1"}],
            "facts": [{"id": "f1", "members": [{"article": "pl1", "start": 5, "end": 40}]}],
            "summary": [{"text": "A fact.", "article": "en1", "start": 0, "end": 7, "fact": "f1",
                         "citations": ["en1", "pl1"], "n_sources": 2, "languages": ["en", "pl"]},
                        {"text": "Another.", "article": "en1", "start": 8, "end": 16}]}
    out, numbers = citations(view)
    assert out[0]["languages"] == ["en", "pl"] and out[1]["languages"] == []
    assert [(c["n"], c["start"]) for c in out[0]["links"]] == [(1, 0), (2, 5)]
    assert numbers == {"en1": 1, "pl1": 2}
