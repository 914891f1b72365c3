"""The interval a number states: "plus de 15", "up to 3,000", "environ 500", "500 ou plus".

Why a pass after the grammar: the words that bound a number sit around it, not in
it, and a story comparing "plus de 200 morts" with "at least 200 dead" needs the
interval (``low``/``high``, ``None`` = open), not the bare 200. The words are the
language packs' (``lang/*/numbers.py``: ``more_than``, ``at_least``...), matched
on the folded text; each pack's alternatives are read for every language, as
the number grammar does, since quotes and names cross languages.

Two one-sided bounds joined by "et"/"and"/"," ("supérieur à 20 et inférieur à 35")
make one range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veille.core.model import Quantity
from veille.lang.number_words import COMPARISON_SIGNS, NumberWords

#: modifier name -> (sets low, sets high); "approx" keeps the value on both sides
_SIDES = {
    "more_than": (True, False), "at_least": (True, False), "less_than": (False, True),
    "at_most": (False, True), "up_to": (False, True), "or_more": (True, False),
    "or_less": (False, True),
}  # fmt: skip
#: a negated bound states the other side: "n'est pas supérieur à 50" is at most 50
_NEGATED = {"more_than": "at_most", "at_most": "more_than", "at_least": "less_than",
            "less_than": "at_least"}


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(sorted(dict.fromkeys(words), key=len, reverse=True)) or r"(?!x)x"


@dataclass(frozen=True)
class BoundWords:
    before: re.Pattern[str]  # a bound word ending right before the number
    after: re.Pattern[str]  # a bound word right after the number (or its unit/noun)
    joiner: re.Pattern[str]
    negation: re.Pattern[str]  # ends right before a bound word it negates
    only: re.Pattern[str]  # "ne ... plus que": ends right before a number it restricts


def bound_words(packs: tuple[NumberWords, ...]) -> BoundWords:
    """Built once per language grammar (the caller caches it)."""

    def u(name: str) -> tuple[str, ...]:
        return (*(w for p in packs for w in getattr(p, name)), *COMPARISON_SIGNS.get(name, ()))

    before = "|".join(
        f"(?P<{name}>{_alt(u(name))})"
        for name in ("at_least", "at_most", "more_than", "less_than", "up_to", "approx",
                     "exactly")
    )
    after = "|".join(
        f"(?P<{name}>{_alt(u(name))})" for name in ("or_more", "or_less", "approx_after")
    )
    return BoundWords(
        # a bound word starts a word, or follows an elided "d'"/"qu'" ("d'au moins 30")
        before=re.compile(rf"(?:(?<![\w'])|(?<=\bd')|(?<=\bqu'))(?:{before})\s*$"),
        after=re.compile(rf"\s*(?:{after})(?![\w])"),
        joiner=re.compile(rf"\s*(?:{_alt(u('bound_joiners'))})?\s*$"),
        negation=re.compile(rf"(?:{_alt(u('bound_negations'))})\Z"),
        only=re.compile(rf"(?:{_alt(u('only_before'))})\Z"),
    )


def apply_bounds(q: Quantity, folded: str, words: BoundWords, floor: int) -> Quantity:
    """Fill ``low``/``high``/``modifier``/``approximate`` of ``q`` from the words around
    it in ``folded`` (the folded text, same offsets); widen its span over them.
    ``floor`` is where the previous quantity ended: a bound word is not read across it."""
    lo, hi = q.value, q.value_max if q.value_max is not None else q.value
    if q.value is None:
        return q  # unresolved (see ``note``): no interval to state
    window = folded[max(floor, q.start - 60) : q.start]
    # "il ne reste plus que 100 habitants": 100, not more than 100
    m = None if words.only.search(window) else words.before.search(window)
    if m is not None and m.lastgroup:
        kind = m.lastgroup
        bound_at = q.start - (len(window) - m.start())
        neg = words.negation.search(folded, max(floor, bound_at - 40), bound_at) if (
            kind in _NEGATED) else None
        if neg is not None:  # the span keeps the negation: the bound means nothing without it
            kind, bound_at = _NEGATED[kind], neg.start()
        q.start = bound_at
        if kind == "approx":
            q.approximate = True
            q.modifier = q.modifier or "approx"
        elif kind == "exactly":
            q.modifier = q.modifier or "exactly"
        elif q.value_max is None:  # "plus de 10 à 20" keeps the range
            q.modifier = kind
            sets_low, sets_high = _SIDES[kind]
            lo, hi = (q.value if sets_low else None), (q.value if sets_high else None)
    a = words.after.match(folded, q.end)
    if a is not None and a.lastgroup:
        kind = a.lastgroup
        q.end = a.end()
        if kind == "approx_after":
            q.approximate = True
            q.modifier = q.modifier or "approx"
        elif q.value_max is None and q.modifier in (None, "exactly"):
            q.modifier = kind
            sets_low, sets_high = _SIDES[kind]
            lo, hi = (q.value if sets_low else None), (q.value if sets_high else None)
    q.low, q.high = lo, hi
    return q


def merge_bounds(qs: list[Quantity], folded: str, words: BoundWords) -> list[Quantity]:
    """Join a lower-only and an upper-only bound separated by a joiner alone into one range:
    "supérieur à 100 et inférieur à 300" -> [100, 300]; "plus de 40 et moins de 10"
    (lower above upper) stays two quantities."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev is not None and _one_sided(prev) and _one_sided(q) and (
            (prev.low is None) != (q.low is None)
        ) and prev.unit == q.unit and words.joiner.fullmatch(folded, prev.end, q.start):
            low = prev.low if prev.low is not None else q.low
            high = prev.high if prev.high is not None else q.high
            if low is not None and high is not None and low <= high:
                prev.low, prev.high = low, high
                prev.value, prev.value_max = low, high
                prev.modifier = "range"
                prev.end = q.end
                prev.noun = prev.noun or q.noun
                prev.sentence = max(prev.sentence, q.sentence)  # a provisional bound joined
                continue
        out.append(q)
    return out


def _one_sided(q: Quantity) -> bool:
    return (q.low is None) != (q.high is None)
