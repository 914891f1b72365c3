""""Islam will one day be ...": "one day" the parse shows is *when*, not how long.

The grammar reads "one day" as a duration (P1D), right for "had been in the job
one day" or "in one day". Where it is an adverb of a verb that looks ahead (a
modal or "will" on it, or "to one day run"), TimeML writes the unspecified
future, FUTURE_REF (TimeBank: "Islam will one day be the second largest
religion"). Only the parse can tell "will take one day" (an object of time) from
"will one day take": so with no parse nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.fold import fold_same_length
from veille.analyze.temporal.labels import token_of
from veille.analyze.temporal.lexicon import UNITS, parse_number

_VERBS = ("VERB", "AUX")


def _looks_ahead(verb: Any) -> bool:
    """A modal ("will", "could") or the infinitive marker on the verb."""
    return any(ch.dep_ in ("aux", "auxpass") and ch.tag_ in ("MD", "TO") for ch in verb.children)


def is_someday(c: Candidate, parses: Sequence[tuple[int, Any]]) -> bool:
    g = c.g
    if c.kind != "duration" or not parses or g.get("det") or g.get("adj") or g.get("mod"):
        return False
    if UNITS.get(fold_same_length(g.get("unit") or "")) != "D":
        return False
    if parse_number(fold_same_length(g.get("num") or "")) != 1.0:
        return False
    tok = token_of(parses, c.start, c.end)
    if tok is None:
        return False
    head = tok.head
    if head.pos_ in _VERBS and any(
        ch.tag_ == "MD" and ch.i < tok.i < head.i for ch in head.children
    ):
        return True  # "Islam will one day be": between the modal and its verb, whatever
        # the parser calls it (it makes this one a subject)
    if tok.dep_ == "npadvmod" and head.pos_ in _VERBS:
        # a bare infinitive looks ahead too when its "to" or modal is on the verb it is
        # coordinated with ("meant to return astronauts to the moon and also get them one
        # day to Mars": the parser hangs "get" on "meant"), when something stands between
        # the verb and "one day" ("and stay one day" is how long)
        return _looks_ahead(head) or (head.tag_ == "VB" and head.dep_ == "conj"
                                      and tok.left_edge.i > head.i + 1)
    # "hopes to one day run": the parser hangs "one day" on "to" as a preposition whose
    # head is the bare verb right after it
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (tok.dep_ == "pobj" and nxt is not None and nxt.tag_ == "VB"
            and tok.head.head.i == nxt.i and tok.head.i < tok.i)
