"""A light tense guess for the clause around a time expression.

Relative expressions ("vendredi", "le 21 juin", "en mars") point to the past
or the future depending on the verb that governs them. A POS tagger is not
available at this stage (``extract_times`` receives text only, and must stay
cheap), so this looks for the nearest verbal cue with the regexes of the
text's language pack (``TimeWords.tense``: French compound past, imperfect,
simple future, "aller + infinitive"; English -ed / will / going to). It
returns ``None`` when nothing points either way, or when the language has no
tense cues, and callers then fall back to the closest reading.
"""

from __future__ import annotations

import re
from functools import lru_cache

from veille.analyze.temporal.lexicon import alt, tw
from veille.lang.time_words import TenseCues

_CLAUSE_STOP = re.compile(r"[.;!?\n]")
# a clause boundary in any language veille knows: the cue beyond it governs another clause
_SUBORDINATOR = re.compile(rf"\b{alt(tw(lambda t: t.tense.subordinators))}\b", re.IGNORECASE)
_DEADLINE = re.compile(alt(tw(lambda t: t.tense.deadline_before)))
_MAX_GAP = 80  # a verb further away governs another clause
_COMMA_COST = 200


@lru_cache(maxsize=8)
def _cues(cues: TenseCues) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None,
                                    re.Pattern[str] | None]:
    def rx(p: str) -> re.Pattern[str] | None:
        return re.compile(p, re.IGNORECASE) if p else None
    return rx(cues.future), rx(cues.past), rx(cues.future_false)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around [start, end) up to the nearest sentence/clause punctuation."""
    lo = max(0, start - 300)
    stops = [m.end() for m in _CLAUSE_STOP.finditer(text, lo, start)]
    left = stops[-1] if stops else lo
    m2 = _CLAUSE_STOP.search(text, end, min(len(text), end + 300))
    right = m2.start() if m2 else min(len(text), end + 300)
    return left, right


def guess_tense(text: str, start: int, end: int, cues: TenseCues | None) -> str | None:
    """'past', 'future' or None, from the verbal cue nearest to the expression."""
    if cues is None:
        return None
    left, right = clause_bounds(text, start, end)
    found: list[tuple[int, str]] = []
    fut, past, false_future = _cues(cues)
    if fut is not None:
        for m in fut.finditer(text, left, right):
            if m.start() < end and m.end() > start:
                continue
            if false_future is not None and false_future.match(m.group(0)):
                continue
            found.append((_distance(m.start(), m.end(), start, end, text), "future"))
    if past is not None:
        for m in past.finditer(text, left, right):
            if m.start() < end and m.end() > start:
                continue
            found.append((_distance(m.start(), m.end(), start, end, text), "past"))
    near = [c for c in found if c[0] <= _MAX_GAP or _COMMA_COST <= c[0] <= _COMMA_COST + _MAX_GAP]
    # a far verb of the same clause still governs when nothing closer does
    found = near or [c for c in found if c[0] < _COMMA_COST]
    if not found:
        return None
    if _DEADLINE.search(fold_prefix(text[max(0, start - 12) : start])):
        return "future"  # a deadline: "d'ici le 30 juin", "a donné jusqu'au 30 juin"
    found.sort()
    return found[0][1]


def fold_prefix(s: str) -> str:
    return s.lower().replace("’", "'").replace("à", "a")


def _distance(a: int, b: int, start: int, end: int, text: str = "") -> int:
    """Characters between cue and expression; a comma in between costs 200 (other clause)."""
    lo, hi = (b, start) if b <= start else (end, a)
    gap = hi - lo
    if text and ("," in text[lo:hi] or _SUBORDINATOR.search(text, lo, hi)):
        gap += _COMMA_COST
    return gap
