"""The update's word index over stored fact statements (``incremental._fact_index``)
reads all statements in one regex pass: it must give exactly the postings of
reading each statement on its own (the update's candidates, and so the view,
depend on them)."""

from __future__ import annotations

import re
from pathlib import Path

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


def test_one_pass_index_equals_reading_each_statement() -> None:
    statements = _statements()
    words = [w for s in statements[::3] for w in WORD.findall(s.lower())]
    wanted = set(words[::2]) | {"οδυσσευς", "istanbul", "absent-word"}
    got = _fact_index([{"statement": s} for s in statements], wanted)
    ref = _reference(statements, wanted)
    assert got == ref
    assert len(got) > 50 and any(len(v) > 3 for v in got.values())


def test_a_statement_holding_the_separator_is_read_on_its_own() -> None:
    statements = ["Le conseil\x00municipal a voté", "le conseil a voté", "municipal"]
    wanted = {"conseil", "municipal", "voté"}
    got = _fact_index([{"statement": s} for s in statements], wanted)
    assert got == _reference(statements, wanted)
    assert got["municipal"] == [0, 2]
