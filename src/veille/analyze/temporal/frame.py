"""The year a sentence-opening time adverbial sets for the rest of its sentence.

"Two years ago, hundreds of women reported being attacked while celebrating New Year's
Eve", "In 2008, he was arrested in December": a time named at the head of a sentence
frames everything the sentence tells, so its undated month, day or holiday is that
year's, not the one nearest the paper's date (which put the Cologne attacks of 2015 on
the New Year's Eve of the paper). Only a fronted adverbial frames: in "Smith, who
joined in 2010, resigned in March" the year dates a relative clause, and the March is
the telling's. The frame ends with its sentence, and only a past year frames (a
sentence set in the telling's year changes nothing the nearest-date rule would not do).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date

from veille.analyze.temporal.calendar import Resolved
from veille.analyze.temporal.fold import sentence_start

#: a sentence's end: its stop (before closing quotes or brackets) and a space, or a line
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s|\n")
#: the one short word a fronted adverbial may open with ("In 2008", "En 2008", "By 2015")
_LEAD_WORD = re.compile(r"(\S{1,5})\s+$")


def opens_sentence(text: str, start: int) -> bool:
    """Whether the expression at ``start`` heads its sentence, alone or after one short
    word (its preposition)."""
    if sentence_start(text, start):
        return True
    m = _LEAD_WORD.search(text[max(0, start - 7) : start])
    return m is not None and sentence_start(text, start - len(m.group(0)))


#: how far a sentence is looked for its end (a text of one long line stays linear)
_REACH = 1500


def sentence_end(text: str, pos: int, parsed_ends: Sequence[int] = ()) -> int:
    """The offset where the sentence holding ``pos`` ends. ``parsed_ends`` (sorted) are
    where the parse ends its sentences: a stop after an abbreviation ("at 9 p.m. on Dec.
    3") ends none there, where the stop-and-space test ended the frame at "p.m."; a line
    break still ends it (the parse may run a headline into its text)."""
    line = text.find("\n", pos, pos + _REACH)
    line = line if line >= 0 else min(len(text), pos + _REACH)
    i = bisect.bisect_left(parsed_ends, pos + 1)
    if i < len(parsed_ends):
        return min(parsed_ends[i], line)
    m = _SENTENCE_END.search(text, pos, pos + _REACH)
    return m.start() if m else min(len(text), pos + _REACH)


#: what a frame may be: a stretch of time that can hold a month or a holiday
_FRAMES = frozenset({"year", "half", "quarter", "season", "month"})
#: a day frames only when it is this far back (not "yesterday" in a 1 January paper)
_FAR_DAY = 31


#: a year said in digits ("In 2008", "In December 2015", "On Dec. 30, 2015")
_DIGIT_YEAR = re.compile(r"\d{4}")


def frame_year(r: Resolved | None, day: date | None, surface: str) -> int | None:
    """The year ``r`` (said as ``surface``) frames: a date within one year before the
    telling's year (a day only when a month or more back), whose year the words say or
    count ("Last year", "Two years ago"); "From November to January" only guessed it."""
    if (r is None or day is None or r.type != "DATE" or r.start is None or r.end is None
            or r.start.year != r.end.year or r.start.year >= day.year):
        return None
    if r.granularity != "year" and not _DIGIT_YEAR.search(surface):
        return None
    if r.granularity not in _FRAMES and not (
            r.granularity == "day" and (day - r.start).days > _FAR_DAY):
        return None
    return r.start.year
