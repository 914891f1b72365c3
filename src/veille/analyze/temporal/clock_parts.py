"""A clock hour said with its part of the day is in that part.

"ce soir à 8 heures", "mardi soir à 7h30", "samedi après-midi à 3 heures", "à 8
heures du soir": French (and English without "p.m.") write the hour of a 12-hour dial
and let the part of the day say which half. Read alone, "8 heures" is 08:00, so a
timeline put the evening's match in the morning. Two expressions stay two (TimeML
writes "ce soir" and "8 heures" apart); only the clock's hour moves, and only when the
part and the clock fall on the same day, side by side (the pack's ``noon_leads``, "à",
"vers", between them), or when the part follows the clock ("du soir", the pack's
``clock_part_suffixes``, then kept in the clock's span).
"""

from __future__ import annotations

import re
from dataclasses import replace

from veille.analyze.temporal.fold import fold_same_length
from veille.analyze.temporal.lexicon import alt
from veille.core.model import TimeRef
from veille.lang.time_words import TimeWords

#: hours of a 12-hour dial a part of the day puts in the afternoon or evening: "le soir à
#: 8 heures" is 20:00, "cette nuit à 2 heures" stays 02:00, "l'après-midi à 3 heures" 15:00
_PM_HOURS = {"EV": range(5, 12), "AF": range(1, 8), "NI": range(7, 12)}
_CLOCK = re.compile(r"(\d{4}-\d\d-\d\d|XXXX-XX-XX)?T(\d\d):(\d\d)(.*)")
_PART = re.compile(r"(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)")


def _pm(t: TimeRef, part: str) -> TimeRef | None:
    m = _CLOCK.fullmatch(t.value or "") if t.type == "TIME" else None
    if m is None or int(m.group(2)) not in _PM_HOURS.get(part, ()):
        return None
    return replace(t, value=f"{m.group(1) or ''}T{int(m.group(2)) + 12:02d}:{m.group(3)}"
                   f"{m.group(4)}")


def clocks_in_parts(out: list[TimeRef], text: str, words: TimeWords | None) -> list[TimeRef]:
    """``out`` (text order) with each clock hour set in the half its part of day names."""
    if words is None or len(out) < 1:
        return out
    res = list(out)
    folded = fold_same_length(text).lower()
    gap = re.compile(rf"\s*,?\s*(?:(?:{alt(words.noon_leads)})\s+)?") if words.noon_leads \
        else re.compile(r"\s*,?\s*")
    for k in range(len(res) - 1):
        a, b = res[k], res[k + 1]
        part = _PART.fullmatch(a.value or "")
        clock = _CLOCK.fullmatch(b.value or "")
        if part is None or clock is None or clock.group(1) != part.group(1):
            continue
        if b.start < a.end or not gap.fullmatch(folded[a.end : b.start]):
            continue
        moved = _pm(b, part.group(2))
        if moved is not None:
            res[k + 1] = moved
    if not words.clock_part_suffixes:
        return res
    suffix = re.compile(rf"\s+(?P<w>{alt(list(words.clock_part_suffixes))})(?![\w'])")
    for k, t in enumerate(res):
        m = suffix.match(folded, t.end) if t.type == "TIME" and _CLOCK.fullmatch(
            t.value or "") else None
        if m is None or (k + 1 < len(res) and res[k + 1].start < m.end()):
            continue
        code = words.clock_part_suffixes[m.group("w")]
        t = _pm(t, code) or t
        res[k] = replace(t, text=text[t.start : m.end()], end=m.end())
    return res
