"""One comparable form per quantity, for stories that set articles side by side.

Why here: the story builder (stories/facts.py) compares "what" and "how many" across
articles in several languages and units; the quantity knows best how to say both.
``comparable`` gives the key (the counted noun's lemma from the parse, else the SI
unit or currency code) and the stated interval in that unit, so "more than 80 miles"
and "129 kilomètres" are both metres, and "plus de 200 morts" / "at least 200 dead"
are intervals that overlap rather than unequal values.
"""

from __future__ import annotations

from dataclasses import dataclass

from veille.core.model import Quantity


@dataclass(frozen=True)
class Comparable:
    key: str  # noun lemma ("soldat"), SI unit ("m", "kg") or currency code ("USD")
    low: float | None  # None: open below
    high: float | None  # None: open above
    approximate: bool


def comparable(q: Quantity) -> Comparable | None:
    """The comparable form of ``q``; None when it has no value or nothing to key it by."""
    if q.value is None:
        return None
    if q.low is not None or q.high is not None:
        low, high = q.low, q.high
    else:
        low, high = q.value, q.value_max if q.value_max is not None else q.value
    factor = q.si_factor if q.si_factor is not None else 1.0
    if q.kind in ("measure", "money") and q.si_unit:
        key = q.si_unit if q.kind == "measure" else q.si_unit.upper()
    elif q.noun_lemma or q.noun:
        key = (q.noun_lemma or q.noun or "").lower()
        factor = 1.0
    elif q.unit:
        key, factor = q.unit, 1.0
    else:
        return None
    return Comparable(
        key=key,
        low=None if low is None else low * factor,
        high=None if high is None else high * factor,
        approximate=q.approximate,
    )
