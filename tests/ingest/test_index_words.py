"""``index_words`` (the words of the full-text index and of the near-duplicate
shingles, split in one pass) gives exactly the words ``tokens`` yields, and
exactly what the previous splitting regex (kept here as the reference) gave:
stored stems and signatures do not change.

Real text: the seed articles (examples/); generated strings mixing elisions,
apostrophes, look-alike letters and word characters.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veille.search.text import index_words, tokens

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))
# The splitting regex before the one-pass version (commit 424fcc63).
_REFERENCE = re.compile(
    r"(?<!\w)(?:[lL]|[dD]|[jJ]|[mM]|[nN]|[sS]|[tT]|[cC]|[qQ][uU]|[jJ][uU][sS][qQ][uU]"
    r"|[lL][oO][rR][sS][qQ][uU]|[pP][uU][iI][sS][qQ][uU])(?=['’])|(\w+)"
)


def _reference(text: str) -> list[str]:
    return [w for w in _REFERENCE.findall(text) if w]


@pytest.mark.skipif(not EXAMPLES, reason="examples/ absent")
def test_index_words_on_real_text() -> None:
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        for t in [text, text.replace("'", "’"), text.upper(), *text.splitlines()]:
            assert index_words(t) == _reference(t) == [w for w, _, _ in tokens(t)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["l", "L", "d", "qu", "QU", "jusqu", "Lorsqu", "puisqu", "puİsqu",
                                 "ſ", "\u212a", "aujourd", "hui", "_", "3", "État", "'", "’",
                                 " ", "-", "\n", "é"]), max_size=30))
def test_index_words_generated(parts: list[str]) -> None:
    text = "".join(parts)
    assert index_words(text) == _reference(text) == [w for w, _, _ in tokens(text)]
