"""A clock hour said with its part of the day is in that part.

"ce soir à 8 heures", "mardi soir à 7h30", "samedi après-midi à 3 heures", "à 8
heures du soir": French (and English without "p.m.") write the hour of a 12-hour dial
and let the part of the day say which half. Read alone, "8 heures" is 08:00, so a
timeline put the evening's match in the morning. Two expressions stay two (TimeML
writes "ce soir" and "8 heures" apart); only the clock's hour moves, and only when the
part and the clock fall on the same day, side by side (the pack's ``noon_leads``, "à",
"vers", between them), or when the part follows the clock ("du soir", the pack's
``clock_part_suffixes``, then kept in the clock's span), or when the clock comes first
("à 8 heures ce soir", "at 8:30 this evening", "at 4:30 in the afternoon").

``hour_in_part`` is the one rule of which half a part of the day puts a dial hour in; the
weekly sets ("toutes les nuits à 2 h", compose.py), the hours opening a sentence before a
weekday ("Dix heures mercredi soir") and a clock that takes the day named after it ("at
9:30 Tuesday night", extract.py) read it too, so that a night's 2 o'clock is 02:00 on every
path (the set path had made it 14:00).
"""

from __future__ import annotations

import re
from dataclasses import replace

from veille.analyze.temporal.fold import fold_same_length
from veille.analyze.temporal.lexicon import alt
from veille.core.model import TimeRef
from veille.lang.time_words import TimeWords

#: hours of a 12-hour dial a part of the day puts after noon: "l'après-midi à 3 heures"
#: 15:00, "le soir à 8 heures" 20:00 (an evening's 1 to 3 are the small hours, not 13:00 to
#: 15:00), "la nuit à 11 heures" 23:00 but "cette nuit à 2 heures" 02:00; a night's first
#: evening hour is the pack's (``night_evening_from``: English "at 6:30 tonight" is 18:30,
#: French "cette nuit à 6 h 30" 06:30); a morning's hours stay
_PM_HOURS = {"AF": range(1, 12), "EV": range(4, 12)}
_CLOCK = re.compile(r"(\d{4}-\d\d-\d\d|XXXX-XX-XX)?T(\d\d):(\d\d)(.*)")
_PART = re.compile(r"(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)")
#: a clock that says its own half ("7:30 a.m.", "1 h du matin") is not moved by a part
_OWN_HALF = re.compile(r"(?<![a-z])[ap]\.?m\b", re.IGNORECASE)


def hour_in_part(hour: int, part: str, words: TimeWords | None) -> int:
    """The 24-hour hour of a dial ``hour`` said with the part of the day ``part`` (TimeML
    code MO AF EV NI)."""
    if part == "NI":
        start = words.night_evening_from if words is not None else 7
        return hour + 12 if start <= hour < 12 else hour
    return hour + 12 if hour in _PM_HOURS.get(part, ()) else hour


def says_its_half(surface: str) -> bool:
    """"7:30 a.m.", "2pm": the clock's own text names its half of the day."""
    return _OWN_HALF.search(surface) is not None


def in_part(value: str, part: str, words: TimeWords | None) -> str | None:
    """``value`` (a TimeML clock value, with or without its day) with its hour in the half
    ``part`` names, or None when it does not move."""
    m = _CLOCK.fullmatch(value)
    if m is None:
        return None
    hour = hour_in_part(int(m.group(2)), part, words)
    if hour == int(m.group(2)):
        return None
    return f"{m.group(1) or ''}T{hour:02d}:{m.group(3)}{m.group(4)}"


def _pm(t: TimeRef, part: str, words: TimeWords | None) -> TimeRef | None:
    moved = in_part(t.value or "", part, words) if t.type == "TIME" else None
    return None if moved is None else replace(t, value=moved)


def clocks_in_parts(out: list[TimeRef], text: str, words: TimeWords | None) -> list[TimeRef]:
    """``out`` (text order) with each clock hour set in the half its part of day names."""
    if words is None or len(out) < 1:
        return out
    res = list(out)
    folded = fold_same_length(text).lower()
    own = _suffixed(res, text, folded, words)
    own |= {k for k, t in enumerate(res) if says_its_half(t.text)}
    before = re.compile(rf"\s*,?\s*(?:(?:{alt(words.noon_leads)})\s+)?") if words.noon_leads \
        else re.compile(r"\s*,?\s*")
    after = re.compile(rf"\s*,?\s*(?:(?:{alt(words.bare_part_leads)})\s+)?") \
        if words.bare_part_leads else re.compile(r"\s*,?\s*")
    for k in range(len(res) - 1):
        a, b = res[k], res[k + 1]
        if b.start < a.end:
            continue
        # "ce soir à 8 heures" (part, then clock) or "à 8 heures ce soir" (clock, then part)
        for p, c, gap, at in ((a, b, before, k + 1), (b, a, after, k)):
            part = _PART.fullmatch(p.value or "")
            clock = _CLOCK.fullmatch(c.value or "")
            if (part is None or clock is None or clock.group(1) != part.group(1) or at in own
                    or not gap.fullmatch(folded[a.end : b.start])):
                continue
            res[at] = _pm(c, part.group(2), words) or c
    return res


def _suffixed(res: list[TimeRef], text: str, folded: str, words: TimeWords) -> set[int]:
    """"8 heures du soir": each clock followed by a part of the day takes it into its span
    and its half; returns their indices (their half is said, no other part moves them)."""
    if not words.clock_part_suffixes:
        return set()
    done: set[int] = set()
    suffix = re.compile(rf"\s+(?P<w>{alt(list(words.clock_part_suffixes))})(?![\w'])")
    for k, t in enumerate(res):
        m = suffix.match(folded, t.end) if t.type == "TIME" and _CLOCK.fullmatch(
            t.value or "") else None
        if m is None or (k + 1 < len(res) and res[k + 1].start < m.end()):
            continue
        code = words.clock_part_suffixes[m.group("w")]
        t = _pm(t, code, words) or t
        res[k] = replace(t, text=text[t.start : m.end()], end=m.end())
        done.add(k)
    return done
