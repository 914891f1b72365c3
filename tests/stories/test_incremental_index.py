"""The update's word index over stored fact statements (``incremental._fact_index``)
keeps each statement's words between updates: it must give exactly the
postings of reading each statement afresh (the update's candidates, and so
the view, depend on them), and stay bounded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from veille.stories import incremental
from veille.stories.incremental import _fact_index

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WORD = re.compile(r"\w{3,}", re.UNICODE)


def _reference(statements: list[str], wanted: set[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for k, s in enumerate(statements):
        for w in sorted(wanted.intersection(WORD.findall(s.lower()))):
            out.setdefault(w, []).append(k)
    return out


def _statements() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts, "examples/*.txt missing"
    out = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    # a final sigma is lowercased by its neighbours; a dotted capital I grows
    return [*out, "ΟΔΥΣΣΕΥΣ ΣΑ", "İstanbul İSTANBUL", "", "ab cd", out[0]]


def test_cached_index_equals_reading_each_statement() -> None:
    statements = _statements()
    words = [w for s in statements[::3] for w in WORD.findall(s.lower())]
    wanted = set(words[::2]) | {"οδυσσευς", "istanbul", "absent-word"}
    facts = [{"statement": s} for s in statements]
    incremental._WORDS_OF.clear()
    cold = _fact_index(facts, wanted)
    warm = _fact_index(facts, wanted)  # the second update of the story, cached
    assert cold == warm == _reference(statements, wanted)
    assert len(cold) > 50 and any(len(v) > 3 for v in cold.values())


def test_the_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(incremental, "WORDS_CACHE_MAX", 50)
    incremental._WORDS_OF.clear()
    statements = _statements()[:200]
    got = _fact_index([{"statement": s} for s in statements], {"the", "said"})
    assert len(incremental._WORDS_OF) <= 50
    assert got == _reference(statements, {"the", "said"})


def test_a_later_update_cuts_only_the_statements_it_has_not_seen() -> None:
    """The cache is what spares a later update the regex pass over the whole
    story: counted, not timed (the second update of a story in one process
    cuts only the statements the first update added, every other from cache)."""
    statements = _statements()
    stored, added = statements[:-40], statements[-40:]
    incremental._WORDS_OF.clear()
    before = incremental.WORDS_CUT["statements"]
    first = _fact_index([{"statement": s} for s in stored], {"the", "said"})
    cut_first = incremental.WORDS_CUT["statements"] - before
    assert cut_first == len(set(stored))
    later = _fact_index([{"statement": s} for s in stored + added], {"the", "said"})
    assert incremental.WORDS_CUT["statements"] - before - cut_first == len(set(added) - set(stored))
    assert later == _reference(stored + added, {"the", "said"})
    assert {w: old for w, ks in later.items()
            if (old := [k for k in ks if k < len(stored)])} == first


def _cross_reference(facts: list[dict[str, object]], langs: set[str]) -> list[int]:
    """Session 14's ``_cross_candidates``: every fact sorted, then filtered."""
    def langs_of(f: dict[str, object]) -> list[object]:
        return f.get("languages") or [f["representative"].get("language")]  # type: ignore[attr-defined, return-value]

    return [k for k in sorted(range(len(facts)), key=lambda k: -facts[k]["n_sources"])  # type: ignore[operator]
            if langs_of(facts[k]) and set(langs_of(facts[k])) - langs][:incremental.INC_FACTS]


@pytest.mark.parametrize("ordered", [True, False])
def test_cross_language_candidates_stop_early_and_keep_the_order(ordered: bool) -> None:
    """The update walks the facts most carried first and stops at INC_FACTS;
    the facts a stored view holds are in that order, and out of it (a view
    from elsewhere) the stable sort still gives the positions of the old code."""
    import random

    rng = random.Random(7)
    facts: list[dict[str, object]] = []
    for s in _statements() * 4:  # ~170 facts, more than INC_FACTS of each kind
        langs = rng.choice([["en"], ["fr"], ["en", "fr"], [], ["de"]])
        facts.append({"statement": s, "n_sources": rng.randint(1, 6), "languages": langs,
                      "representative": {"language": rng.choice(["en", "fr", None])}})
    if ordered:
        facts.sort(key=lambda f: -f["n_sources"])  # type: ignore[operator]
    sizes = []
    for langs in ({"en"}, {"fr"}, {"en", "fr"}, set()):
        got = incremental._cross_candidates(facts, langs)
        assert got == _cross_reference(facts, langs)
        sizes.append(len(got))
    assert incremental.INC_FACTS in sizes and min(sizes) < incremental.INC_FACTS  # both ends
