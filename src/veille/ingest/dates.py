"""Publication dates as ranges at their own precision.

``2023-06`` stays a month (June 1..30); a full timestamp keeps its day. We
never invent a day that the source did not give.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from veille.core.errors import VeilleError
from veille.core.model import DateRange

_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def month_range(year: int, month: int) -> DateRange:
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        raise VeilleError("E006", f"{year:04d}-{month:02d} is not a valid year and month")
    last = calendar.monthrange(year, month)[1]
    return DateRange(date(year, month, 1), date(year, month, last), "month")


def parse_date(value: object) -> DateRange:
    """Parse YYYY, YYYY-MM, YYYY-MM-DD or an ISO/RFC timestamp into a range.

    Raises VeilleError(E012) for anything else, so the caller can reject the
    record with a reason instead of guessing.
    """
    if value is None or value == "":
        return DateRange.unknown()
    if isinstance(value, datetime):
        return DateRange(value.date(), value.date(), "day")
    if isinstance(value, date):
        return DateRange(value, value, "day")
    if not isinstance(value, str):
        raise VeilleError("E012", f"date must be a string, got {type(value).__name__}")
    text = value.strip()
    if m := _YEAR.match(text):
        y = int(m.group(1))
        if y < 1:
            raise VeilleError("E012", f"{value!r} is not a valid year")
        return DateRange(date(y, 1, 1), date(y, 12, 31), "year")
    if m := _MONTH.match(text):
        try:
            return month_range(int(m.group(1)), int(m.group(2)))
        except VeilleError as exc:
            raise VeilleError("E012", exc.reason) from None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        rfc = _rfc822(text)
        if rfc is None:
            raise VeilleError(
                "E012", f"{value!r} is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD or ISO 8601)"
            ) from None
        parsed = rfc
    return DateRange(parsed.date(), parsed.date(), "day")


def _rfc822(text: str) -> datetime | None:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
