"""One resolution per possible reference day, merged into one value with its uncertainty.

News articles are often dated to the month only, so a relative expression is
resolved against every day the reference could be (one for a day-precise
date, 28..31 for a month, 365 for a year). Identical results give an exact
value; otherwise the union range, granularity ``<unit>-uncertain``, and as
value the TimeML value of the smallest calendar unit that contains the union.
"""

from __future__ import annotations

from datetime import date, timedelta

from veille.analyze.temporal.calendar import Resolved
from veille.core.model import DateRange


def reference_days(ref: DateRange) -> list[date | None]:
    if ref.start is None:
        return [None]
    end = ref.end or ref.start
    n = (end - ref.start).days
    if n < 0 or n > 400:
        return [ref.start]
    return [ref.start + timedelta(days=i) for i in range(n + 1)]


def merge(results: list[Resolved | None]) -> Resolved | None:
    got = [r for r in results if r is not None]
    if not got:
        return None
    first = got[0]
    if all(r == first for r in got):
        return first
    starts = [r.start for r in got if r.start is not None]
    ends = [r.end for r in got if r.end is not None]
    s = min(starts) if starts else None
    e = max(ends) if ends else None
    gran = (first.granularity or "day") + "-uncertain"
    if all(r.value == first.value for r in got):
        # same value (PRESENT_REF, a duration), only the covered days vary
        return Resolved(first.type, first.value, s, e, gran)
    if s is None or e is None:
        return Resolved(first.type, None, None, None, first.granularity)
    if (s.year, s.month) == (e.year, e.month):
        value = f"{s.year:04d}-{s.month:02d}"
    else:
        value = f"{s.isoformat()}/{e.isoformat()}"
    return Resolved(first.type, value, s, e, gran)
