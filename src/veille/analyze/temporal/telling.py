"""The day a text is told on, when the paper's date is a day behind its text.

A page dated 6 February that tells, in the past, of a launch "on Feb. 7" (a wire story
from Asia dated by an American desk, an update filed after midnight) cannot have been
told on the 6th: nothing is reported as done before it happens. Read against the 6th,
its "North Korea on Sunday declared" is the Sunday a week before and its "Today's
success" the day before the launch, so a timeline puts the story's main event a week
early. The text's own frame is the later day: its weekdays, "today" and "yesterday"
count from there.

Only a day named by its date (day and month, with or without the year) counts, told in
the past or in a present that is no schedule (a photo caption's "is seen on Feb. 7";
"the vote is on Feb. 7" is a day ahead), and only the day right after the paper's: a
date further on told in the past is more likely a slip than a paper two days behind.
The text's own weekdays must also speak for the later day: one of them (a weekday said
alone, not inside a date) names its weekday. A flight that "left Auckland at 12:05 am,
January 1st" in a paper of 31 December counts its "Sunday" from the 31st (the date is
another time zone's), and an agency's "criticizing Saturday, Dec. 31" written on the
30th named a weekday of its own day; neither moves the text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from veille.core.model import DateRange, TimeRef

#: methods of expressions that name a day by its date, which no reference day moves
_BY_DATE = ("grammar:dmy", "grammar:mdy", "grammar:numeric")
#: the method suffix of a weekday said alone ("on Sunday", "Friday afternoon", "dimanche")
_WEEKDAY = ":wd"


def telling_day(out: Sequence[TimeRef], ref: DateRange,
                tense: Callable[[int, int], str | None],
                schedule: Callable[[int, int], bool]) -> date | None:
    """The day after ``ref`` when ``out`` names it by its date in the past (see above),
    else None. ``tense`` and ``schedule`` read the verb an expression hangs on."""
    if ref.start is None or (ref.end is not None and ref.end != ref.start) \
            or ref.start >= date.max:  # a paper of 9999-12-31 has no next day
        return None
    later = ref.start + timedelta(days=1)
    if not _weekday_named(out, later):
        return None
    nxt = later.isoformat()
    for t in out:
        if t.method not in _BY_DATE or t.range_start != nxt or t.range_end != nxt:
            continue
        told = tense(t.start, t.end)
        if told == "past" or (told == "present" and not schedule(t.start, t.end)):
            return later
    return None


def _weekday_named(out: Sequence[TimeRef], day: date) -> bool:
    """Whether a weekday said alone in ``out`` is ``day``'s, wherever it was resolved to."""
    for t in out:
        if not (t.method or "").endswith(_WEEKDAY) or t.range_start is None:
            continue
        try:
            if date.fromisoformat(t.range_start[:10]).weekday() == day.weekday():
                return True
        except ValueError:
            continue
    return False
