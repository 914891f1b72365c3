"""``index_words`` drops elisions found from their apostrophe in the reversed
text: the same words as ``tokens`` when elisions touch each other, repeat
apostrophes, mix cases or sit at the very start or end of the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.search.text import index_words, tokens

_PARTS = ["l", "L", "d", "D", "s", "c", "qu", "Qu", "qU", "jusqu", "JUSQU", "lorsqu", "puisqu",
          "uq", "squ", "xl", "lx", "ſ", "\u212a", "_", "7", "été", "Ünd", "'", "’", "''", "’’",
          " ", "-", "\n", "\u0301"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=30).map("".join))
def test_index_words_are_the_words_tokens_yields(text: str) -> None:
    assert index_words(text) == [w for w, _, _ in tokens(text)]


def test_adjacent_elisions() -> None:
    assert index_words("d'l'été l’qu’x jusqu''a L'") == ["été", "x", "a"]
