"""The folded copy of a text the time and quantity grammars run on."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["NEEDS_IGNORECASE", "fold_same_length", "sentence_start"]


def fold_same_length(text: str) -> str:
    """Lower-case, strip accents and normalise apostrophes, one char for one char.

    Keeping the length lets the grammar match ASCII patterns while the
    offsets stay valid in the original text.
    """
    table = _FOLD_TABLE
    missing = [c for c in set(text) if ord(c) not in table]
    if missing:
        if len(table) > 50_000:  # bound the memory a hostile input can pin
            table.clear()
            missing = list(set(text))
        for c in missing:
            table[ord(c)] = fold_char(c)
    return text.translate(table)


# code point -> folded char, grown lazily: ``str.translate`` with it is ~10x faster than
# a per-character Python call (the text is folded once per extractor call and per quantity)
_FOLD_TABLE: dict[int, str] = {}


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    if len(base) != 1:
        base = low
    if base in "’‘`´":
        return "'"
    if base in "\u00a0\u202f\u2009":
        return " "
    if base in "–—‑":
        return "-"
    return base


# The grammars run on the folded text, which is lower case except for the few characters
# that case-insensitive matching would still equate with an ASCII letter (upper-case
# ASCII left by compatibility forms such as "ℌ", dotless "ı"). Without any of them,
# IGNORECASE changes no match (the rules are lower-case ASCII) and costs half the scan,
# so it is kept only for texts that contain one.
NEEDS_IGNORECASE = re.compile(r"(?i:[a-z])(?<![a-z])")


def sentence_start(text: str, i: int) -> bool:
    """Whether only opening punctuation separates offset ``i`` from a sentence start."""
    j = i - 1
    while j >= 0 and text[j] in " \t«\"'(\u00a0":
        j -= 1
    return j < 0 or text[j] in ".!?\n:»"
