"""Named days ("Election Day", "Memorial Day", "Fête du Travail") from a maintained calendar.

The packs list the few holidays their language names in many shapes ("Christmas",
"Noël", "le 14-Juillet") with the rule of their date. Every other named day comes
from the ``holidays`` package (public and unofficial days of the countries a pack
names in ``holiday_calendars``): its names, in the pack's language, and its date for
any year, so the rules (n-th weekday, Easter offsets, law changes) are the library's,
not ours. A name of one word ("Armistice", "Juneteenth") is left out: one word is
also a common noun or an event ("depuis l'armistice de 1918").
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays

from veille.analyze.temporal.lexicon import TIME_PACKS
from veille.core.text import fold_same_length

#: the years the names are read over (a country's names change with its laws)
_NAME_YEARS = range(1990, 2036)


def _variants(name: str) -> set[str]:
    """The folded name and the short forms news write ("Martin Luther King Day", "St.")."""
    n = " ".join(fold_same_length(name).split())
    out = {n}
    if " jr." in n:
        out |= {n.replace(" jr.", ""), n.replace(" jr.", " jr")}
    if n.startswith("saint "):
        out |= {"st. " + n[6:], "st " + n[6:]}
    return out


def _categories(country: str) -> tuple[str, ...]:
    """Public days, and the unofficial ones ("Election Day", "Mother's Day") if any."""
    supported = holidays.country_holidays(country).supported_categories
    return tuple(c for c in ("public", "unofficial") if c in supported)


@lru_cache(maxsize=256)
def _year(country: str, language: str | None, year: int) -> dict[str, date]:
    """Folded name -> its date in ``year``; "(observed)" days off are not the day."""
    cal = holidays.country_holidays(country, years=year, language=language,
                                    categories=_categories(country))
    out: dict[str, date] = {}
    for day, names in sorted(cal.items()):
        for name in names.split("; "):
            if "(" not in name:
                for v in _variants(name):
                    out.setdefault(v, day)
    return out


@lru_cache(maxsize=1)
def calendar_names() -> dict[str, tuple[str, str | None]]:
    """Folded name of several words -> (country, language) of the first calendar naming it.

    Packs in ``PACKS`` order, calendars in each pack's order: a name two countries
    date differently ("Labour Day") is the first calendar's.
    """
    out: dict[str, tuple[str, str | None]] = {}
    for pack in TIME_PACKS:
        for country in pack.holiday_calendars:
            language = pack.holiday_calendar_language or None
            cal = holidays.country_holidays(country, years=_NAME_YEARS, language=language,
                                            categories=_categories(country))
            years: dict[str, set[int]] = {}
            for day, names in cal.items():
                for name in names.split("; "):
                    years.setdefault(name, set()).add(day.year)
            for name, seen in years.items():
                # a day off once (a coronation, a jubilee) names an event, not a day of
                # the calendar; "(observed)" is the day off, not the day
                if "(" in name or " " not in name.strip() or len(seen) < 2:
                    continue
                for v in _variants(name):
                    out.setdefault(v, (country, language))
    return out


@lru_cache(maxsize=128)
def _rule(name: str) -> tuple[int, int, int] | None:
    """(month, weekday or -1, first possible day) of a name the calendar dates some years.

    The US calendar keeps "Election Day" in presidential years only; the midterms' is the
    same Tuesday of November. When every year the calendar dates it falls on one weekday
    within one week of one month, that is its rule; None if it follows none.
    """
    where = calendar_names()[name]
    days = [d for y in _NAME_YEARS if (d := _year(where[0], where[1], y).get(name))]
    if days and len({(d.month, d.day) for d in days}) == 1:
        return days[0].month, -1, days[0].day  # one day of the year ("Juneteenth")
    if not days or len({(d.month, d.weekday()) for d in days}) != 1:
        return None
    first = min(d.day for d in days)
    if max(d.day for d in days) - first > 6:
        return None
    return days[0].month, days[0].weekday(), first


def calendar_date(name: str, year: int) -> date | None:
    """The day ``name`` (folded) falls on in ``year``, or None.

    A year the calendar does not keep the day in (a midterm's Election Day) gets it by
    the rule the calendar's other years follow (:func:`_rule`).
    """
    where = calendar_names().get(name)
    if where is None or not 1 <= year <= 9999:
        return None
    try:
        day = _year(where[0], where[1], year).get(name)
    except (NotImplementedError, ValueError, OverflowError):
        return None
    if day is not None:
        return day
    rule = _rule(name)
    if rule is None:
        return None
    month, weekday, first = rule
    start = date(year, month, first)
    if weekday < 0:
        return start
    return date.fromordinal(start.toordinal() + (weekday - start.weekday()) % 7)
