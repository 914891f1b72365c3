"""What an expression hangs on in the parse, where that changes what it says.

"would be redeemed in five years" dates a point ahead, but "would be the first time in
48 years" and "the lowest level in a decade" say how long: the preposition hangs on a
noun or an adjective, not on the verb. "a Cubs Halloween plane ride", "their Christmas
lights" name a holiday to qualify a thing: the clock time told next ("At 12:47 a.m.")
is not that holiday's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.labels import token_of

_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "PRON", "NUM"})


def hangs_on_noun(c: Candidate, parses: Sequence[tuple[int, Any]]) -> bool:
    """The object of a preposition that qualifies a noun or an adjective."""
    tok = token_of(parses, c.start, c.end)
    if tok is None or tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    return bool(tok.head.head.pos_ in _NOMINAL)


def qualifies_noun(c: Candidate, parses: Sequence[tuple[int, Any]]) -> bool:
    """A name in a compound before a common noun ("Halloween plane ride")."""
    tok = token_of(parses, c.start, c.end)
    if tok is None or tok.dep_ not in ("compound", "nmod") or tok.head.i <= tok.i:
        return False
    return bool(tok.head.pos_ == "NOUN")
