"""Bare hours of a range said right after a day: "le 17 de 14 à 16", "lundi entre 9 et 11".

"de 14 à 16" alone could be anything (ages, pages, scores), and the clock rules need an
"h" or "heures" on one end ("de 14 à 16 heures", ``clock_range_start``). Right after a
day the language names ("le 17", "lundi", "demain"), with nothing after the second
number, the two are the hours of that day (TimeML writes each end as a TIME); the
day then anchors them as it anchors "le 17 à 14 h".
"""

from __future__ import annotations

import re

from veille.analyze.temporal.candidate import Candidate
from veille.lang.time_words import TimeWords

#: kinds of candidates naming one day
_DAY_KINDS = frozenset({"day_only", "day_month", "month_day", "weekday", "relative_day",
                        "day_month_numeric", "numeric_date"})


def day_clock_ranges(cands: list[Candidate], folded: str, own: TimeWords) -> list[Candidate]:
    """Two clock candidates per bare-hour range right after a day candidate."""
    if not own.day_clock_range:
        return []
    day_ends = {c.end for c in cands if c.kind in _DAY_KINDS}
    if not day_ends:
        return []
    out: list[Candidate] = []
    for m in re.finditer(own.day_clock_range, folded):
        gap = folded[: m.start()]
        lead = len(gap) - len(gap.rstrip(" ,"))
        if m.start() - lead not in day_ends or lead > 2:
            continue
        h1, h2 = int(m.group("h1")), int(m.group("h2"))
        if not h1 < h2 <= 24:
            continue  # "de 16 à 14" names no stretch of one day
        for k in ("h1", "h2"):
            out.append(Candidate(m.start(k), m.end(k), "clock",
                                 {"h": m.group(k), "m": None, "pre": None, "loc": None}, 1))
    return out
