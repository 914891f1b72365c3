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

The small hours of the next day count as its date does: "Hollande said in a televised
address early Friday" on a page dated Thursday, "North Korea conducted a missile launch
over Japan early Tuesday morning" on an American page dated Monday. The start of a day
is the part of it that is still the paper's day west of where it happened, while the
same weekday a week back would be "last Friday" beside a text that tells of the
paper's own day; a weekday said with the start of the day (TimeML ``mod`` START, the
pack's "early"), alone or in its morning, told in the past, moves the text as its date
would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from veille.core.model import DateRange, TimeRef

#: methods of expressions that name a day by its date, which no reference day moves
_BY_DATE = ("grammar:dmy", "grammar:mdy", "grammar:numeric")
#: the method suffix of a weekday said alone ("on Sunday", "Friday afternoon", "dimanche")
_WEEKDAY = ":wd"
#: the parts of a day its start can be said of ("early Tuesday morning")
_SMALL_HOURS = ("MO",)


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
        if not (t.method in _BY_DATE and t.range_start == nxt and t.range_end == nxt) \
                and not _small_hours_of(t, later):
            continue
        told = tense(t.start, t.end)
        if told == "past" or (told == "present" and not schedule(t.start, t.end)):
            return later
    return None


def _small_hours_of(t: TimeRef, day: date) -> bool:
    """Whether ``t`` is the start of a weekday said alone that is ``day``'s weekday."""
    if t.mod != "START" or not (t.method or "").endswith(_WEEKDAY) or not t.range_start \
            or not t.value:
        return False
    part = t.value.partition("T")[2]
    if part and part not in _SMALL_HOURS:
        return False  # "early Sunday afternoon": past the night that is the paper's day
    try:
        return date.fromisoformat(t.range_start[:10]).weekday() == day.weekday()
    except ValueError:
        return False


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
