"""Calendar arithmetic for time expressions: intervals and their TimeML values.

Kept apart from the grammar so the arithmetic (weeks, seasons, decades,
month lengths) can be tested on its own and reused by the TimeBank scorer.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

SEASONS = {
    # TimeML season codes; meteorological-astronomical compromise used by HeidelTime.
    "SP": ((3, 21), (6, 20)),
    "SU": ((6, 21), (9, 22)),
    "FA": ((9, 23), (12, 20)),
    "WI": ((12, 21), (3, 20)),
}


@dataclass(frozen=True)
class Resolved:
    """One resolution of an expression against one possible reference day."""

    type: str  # DATE / TIME / DURATION / SET
    value: str | None
    start: date | None = None
    end: date | None = None
    granularity: str | None = None


@lru_cache(maxsize=8192)  # called per reference day (365 for a year-dated article)
def clamp_day(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12) or year < 1 or year > 9999:
        return None
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return None
    return date(year, month, day)


def day_res(d: date, type_: str = "DATE", suffix: str = "") -> Resolved:
    return Resolved(type_, d.isoformat() + suffix, d, d, "day" if not suffix else "time")


def month_res(year: int, month: int) -> Resolved:
    last = calendar.monthrange(year, month)[1]
    return Resolved(
        "DATE", f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last), "month"
    )


def year_res(year: int) -> Resolved:
    return Resolved("DATE", f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")


def week_res(d: date) -> Resolved:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Resolved(
        "DATE", f"{iso[0]:04d}-W{iso[1]:02d}", monday, monday + timedelta(days=6), "week"
    )


def nth_week_res(first: date, last: date, n: int) -> Resolved | None:
    """The ``n``-th week (``-1``: the last) whose Thursday lies in ``first``..``last``.

    ISO 8601 gives a year the weeks whose Thursday is in it; a month's weeks are read
    by the same rule, so "la première semaine de 2015" is 2015-W01 and "la dernière
    semaine de juillet" 2016 the week of 25-31 July (2016-W30)."""
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    weeks = []
    while thursday <= last:
        weeks.append(thursday)
        thursday += timedelta(days=7)
    if not weeks or not (-len(weeks) <= (n - 1 if n > 0 else n) < len(weeks)):
        return None
    return week_res(weeks[n - 1 if n > 0 else n])


def weekend_res(d: date) -> Resolved:
    iso = d.isocalendar()
    saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return Resolved(
        "DATE", f"{iso[0]:04d}-W{iso[1]:02d}-WE", saturday, saturday + timedelta(days=1), "week"
    )


def season_res(year: int, code: str) -> Resolved:
    (m1, d1), (m2, d2) = SEASONS[code]
    start = date(year, m1, d1)
    end = date(year + 1 if code == "WI" else year, m2, d2)
    return Resolved("DATE", f"{year:04d}-{code}", start, end, "season")


def decade_res(decade_start: int) -> Resolved:
    return Resolved(
        "DATE",
        f"{decade_start // 10:03d}X",
        date(decade_start, 1, 1),
        date(decade_start + 9, 12, 31),
        "decade",
    )


def century_res(century: int) -> Resolved:
    """``century`` as written (20 for 'XXe siècle'); TimeML value is its first two digits."""
    first = (century - 1) * 100
    return Resolved(
        "DATE", f"{century - 1:02d}", date(max(first, 1), 1, 1), date(first + 99, 12, 31), "century"
    )


def quarter_res(year: int, q: int) -> Resolved:
    m1 = 3 * (q - 1) + 1
    return Resolved(
        "DATE",
        f"{year:04d}-Q{q}",
        date(year, m1, 1),
        date(year, m1 + 2, calendar.monthrange(year, m1 + 2)[1]),
        "quarter",
    )


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def weekday_near(ref: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (0=Monday) before (-1), after (+1) or in the week of (0) ``ref``.

    Direction -1 / +1 never return ``ref`` itself: "vendredi" said on a Friday
    in the past tense is last week's Friday only in rare cases, so callers
    decide about the same-day reading before calling this.
    """
    if direction < 0:
        delta = (ref.weekday() - weekday) % 7 or 7
        return ref - timedelta(days=delta)
    if direction > 0:
        delta = (weekday - ref.weekday()) % 7 or 7
        return ref + timedelta(days=delta)
    return ref - timedelta(days=ref.weekday()) + timedelta(days=weekday)


def nearest_weekday(ref: date, weekday: int) -> date:
    """The ``weekday`` closest to ``ref`` (``ref`` itself on that weekday; the one
    before on a tie, which cannot happen with 7 days): a weekday said with no
    tense to tell which way."""
    if ref.weekday() == weekday:
        return ref
    back, fwd = weekday_near(ref, weekday, -1), weekday_near(ref, weekday, 1)
    return back if ref - back <= fwd - ref else fwd


def duration_value(amount: float | None, unit: str) -> str:
    """TimeML duration value: P3M, PT24H, P1.5Y; ``None`` amount gives PXM (unspecified)."""
    time_units = {"H", "MIN", "S"}
    code = "M" if unit == "MIN" else unit
    prefix = "PT" if unit in time_units else "P"
    if amount is None:
        # "decades" PXY as "two decades" P20Y (AQUAINT writes "decades-long" PXY)
        return f"{prefix}X{'Y' if unit in _IN_YEARS else code}"
    if unit in _IN_YEARS:
        # "two decades" is P20Y: ISO 8601 has no decade or century unit (TimeBank writes
        # P20Y, AQUAINT P10Y, P100Y)
        amount, code = amount * _IN_YEARS[unit], "Y"
    if not float(amount).is_integer() and unit in _SMALLER:
        # "two and a half years" is P2Y6M, "a minute and a half" PT1M30S (TimeML)
        smaller, factor = _SMALLER[unit]
        part = (amount - int(amount)) * factor
        if float(part).is_integer():
            whole = f"{int(amount)}{code}" if int(amount) else ""
            small = "M" if smaller == "MIN" else smaller
            return f"{prefix}{whole}{int(part)}{small}"
    num = str(int(amount)) if float(amount).is_integer() else f"{amount:g}"
    return f"{prefix}{num}{code}"


#: units written as years in a counted duration
_IN_YEARS = {"DE": 10, "CE": 100}

#: the next smaller unit and how many of it make one (for fractional amounts)
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "H": ("MIN", 60), "MIN": ("S", 60)}
