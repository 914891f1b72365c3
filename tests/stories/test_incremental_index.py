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
