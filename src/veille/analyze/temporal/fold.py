"""The folded copy of a text the time and quantity grammars run on.

:func:`fold_same_length` (in ``veille.core.text``) lower-cases and strips accents one
character for one, so offsets found in the folded text are valid in the original.
"""

from __future__ import annotations

import re

from veille.core.text import fold_same_length

__all__ = ["NEEDS_IGNORECASE", "fold_same_length", "sentence_start"]


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
