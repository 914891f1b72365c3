"""What makes two quantities comparable, for every stage that sets them side by side.

Why in core: the story builder (``stories/``) compares "how many" across articles in
several languages and units, and stages do not import each other; the rule is a pure
function of the ``Quantity`` dataclass, so it lives beside it. ``comparable`` gives
the key (what is counted or measured) and the stated interval in that key's unit:
"more than 80 miles" and "129 kilomètres" are both metres, "plus de 200 morts" and
"at least 200 dead" are intervals that overlap rather than unequal values.

Keys: a measure by its SI base unit (pint's, set by the analysis) and, for a
position ("730 miles east of Hokkaido"), the place it is counted from; money by its
currency code (no conversion: rates change daily), a count by the lemma of its
counted noun (the parse's), a percentage, fraction or age by its kind and noun
("percent:vote" never meets a count of votes).
"""

from __future__ import annotations

from dataclasses import dataclass

from veille.core.model import Quantity

__all__ = ["Comparable", "comparable", "comparable_pair", "overlap"]

#: kinds whose value is not a count of the noun: keyed apart from counts
_KIND_KEYED = ("percent", "fraction", "age")


@dataclass(frozen=True)
class Comparable:
    key: str  # noun lemma ("soldat"), SI unit ("m", "kg"), currency ("USD"), "percent:vote"
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
    noun = (q.noun_lemma or q.noun or "").lower()
    if q.kind in ("measure", "money") and q.si_unit:
        key = q.si_unit if q.kind == "measure" else q.si_unit.upper()
        if q.kind == "measure" and q.anchor:
            # "730 miles east of Hokkaido" is a position: compared with distances from the
            # same place only, never with a distance travelled ("flew 1,677 miles")
            key = f"{key}@{q.anchor.split()[-1].lower()}"
    elif q.kind in _KIND_KEYED:
        key, factor = f"{q.kind}:{noun}", 1.0
    elif noun:
        key, factor = noun, 1.0
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


def comparable_pair(a: Quantity, b: Quantity) -> bool:
    """Whether ``a`` and ``b`` state the same thing: the same counted noun, or units of
    one dimension (miles and kilometres), or one currency, or the same kind and noun."""
    ca, cb = comparable(a), comparable(b)
    return ca is not None and cb is not None and ca.key == cb.key


def overlap(a: Quantity, b: Quantity, tolerance: float = 0.0) -> bool | None:
    """Whether the intervals ``a`` and ``b`` state can both be true (None: not
    comparable). ``tolerance`` (a share, e.g. 0.1) widens each closed side of an
    approximate value: "about 200" meets "210" at 0.1, never "300"."""
    ca, cb = comparable(a), comparable(b)
    if ca is None or cb is None or ca.key != cb.key:
        return None

    def widen(c: Comparable) -> tuple[float, float]:
        lo = c.low if c.low is not None else float("-inf")
        hi = c.high if c.high is not None else float("inf")
        if c.approximate and tolerance:
            lo -= abs(lo) * tolerance if c.low is not None else 0.0
            hi += abs(hi) * tolerance if c.high is not None else 0.0
        return lo, hi

    (la, ha), (lb, hb) = widen(ca), widen(cb)
    return la <= hb and lb <= ha
