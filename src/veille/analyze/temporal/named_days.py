"""Named days ("Election Day", "Fête du Travail", "Karfreitag") from a maintained calendar.

The one reader of the ``holidays`` package for every language. The packs list the few
holidays their language names in many shapes ("Christmas", "Noël", "le 14-Juillet")
with the rule of their date. Every other named day comes from the calendars of the
countries a pack names (``holiday_calendars``: the parsed languages' ``TimeWords``, the
locale languages' ``LocaleTime``): their names in the pack's language and their date
for any year, so the rules (n-th weekday, Easter offsets, law changes) are the
library's, not ours.

The two kinds of language match the names differently, so each gets its own table of
the same calendars (:class:`Reading`):

- the grammar of a parsed language scans folded text, so its names are folded and of
  several words: one word is also a common noun or an event ("depuis l'armistice de
  1918"); :func:`calendar_names`, :func:`calendar_date`;
- a language without a grammar matches names as the calendar writes them,
  capitalised: "natale" in lower case is an adjective ("la città natale"); one word
  ("Karfreitag") is a name there (``locale_holidays``).

In both, a name the calendars date once (a coronation, a jubilee) names an event, not
a day of the calendar, "(observed)" is the day off, not the day, and a name two
calendars date differently ("Nationalfeiertag": 26 October in Austria, 1 August in
Switzerland) names no one day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import holidays

from veille.analyze.temporal.lexicon import TIME_PACKS
from veille.core.text import fold_same_length

#: the years the names are read over (a country's names change with its laws)
_NAME_YEARS = range(1990, 2036)
#: the year two calendars' dates of one name are compared in
_COMPARE_YEAR = 2020
#: categories that close offices rather than name a day: a government's extra day off
#: ("Day After Christmas"), a half-day closing
_CLOSINGS = ("government", "half_day")


@dataclass(frozen=True)
class Reading:
    """The calendars one kind of language reads, and how it matches their names."""

    calendars: tuple[tuple[str, str | None], ...]  # (country, language of the names)
    folded: bool  # the grammar's folded names of several words, else as written
    not_names: tuple[str, ...] = ()  # names the pack says are also words ("Auffahrt")


def _variants(name: str, folded: bool) -> set[str]:
    """The name as matched, and the short forms news write ("Martin Luther King Day", "St.")."""
    if not folded:
        return {name}
    n = " ".join(fold_same_length(name).split())
    out = {n}
    if " jr." in n:
        out |= {n.replace(" jr.", ""), n.replace(" jr.", " jr")}
    if n.startswith("saint "):
        out |= {"st. " + n[6:], "st " + n[6:]}
    return out


def _categories(country: str) -> tuple[str, ...]:
    """Every category the calendar keeps that names days: public, unofficial ("Election
    Day", "Mother's Day"), a church's or a bank's ("Heiliger Abend" in Austria)."""
    supported = holidays.country_holidays(country).supported_categories
    return tuple(c for c in supported if c not in _CLOSINGS)


@lru_cache(maxsize=1024)
def _year(country: str, language: str | None, year: int, folded: bool) -> dict[str, date]:
    """Name as matched -> its first day in ``year``."""
    try:
        cal = holidays.country_holidays(country, years=year, language=language,
                                        categories=_categories(country))
        days = sorted(cal.items())
    except (NotImplementedError, ValueError, KeyError, OverflowError):
        return {}
    out: dict[str, date] = {}
    for day, names in days:
        for name in names.split("; "):
            if "(" not in name:
                for v in _variants(name.strip(), folded):
                    out.setdefault(v, day)
    return out


@lru_cache(maxsize=64)
def _seen(country: str, language: str | None) -> dict[str, set[int]]:
    """Calendar name -> the years it dates, over ``_NAME_YEARS``."""
    try:
        cal = holidays.country_holidays(country, years=_NAME_YEARS, language=language,
                                        categories=_categories(country))
        items = list(cal.items())
    except (NotImplementedError, ValueError, KeyError):
        return {}
    years: dict[str, set[int]] = {}
    for day, names in items:
        for name in names.split("; "):
            years.setdefault(name.strip(), set()).add(day.year)
    return years


@lru_cache(maxsize=16)
def names(reading: Reading) -> dict[str, tuple[str, str | None]]:
    """Name as matched -> (country, language) of the calendar that dates it.

    Calendars in the reading's order; a name a later calendar dates on another day
    is dropped (see the module's doc).
    """
    out: dict[str, tuple[str, str | None]] = {}
    dropped = set(reading.not_names)
    for country, language in reading.calendars:
        for name, seen in _seen(country, language).items():
            if "(" in name or len(seen) < 2:
                continue
            if reading.folded and " " not in name:
                continue
            if not reading.folded and not name[:1].isupper():
                continue
            for v in _variants(name, reading.folded):
                if v in dropped:
                    continue
                if v in out:
                    if out[v] != (country, language) and _date_in(out[v], v, reading) \
                            != _date_in((country, language), v, reading):
                        dropped.add(v)
                        del out[v]
                    continue
                out[v] = (country, language)
    return out


def _date_in(where: tuple[str, str | None], name: str, reading: Reading) -> date | None:
    return _year(where[0], where[1], _COMPARE_YEAR, reading.folded).get(name)


def date_of(reading: Reading, name: str, year: int) -> date | None:
    """The day ``name`` (as matched) falls on in ``year``, or None.

    A year the calendar does not keep the day in (a midterm's Election Day) gets it by
    the rule the calendar's other years follow (:func:`_rule`).
    """
    where = names(reading).get(name)
    if where is None or not 1 <= year <= 9999:
        return None
    day = _year(where[0], where[1], year, reading.folded).get(name)
    if day is not None:
        return day
    rule = _rule(reading, name)
    if rule is None:
        return None
    month, weekday, first = rule
    start = date(year, month, first)
    if weekday < 0:
        return start
    return date.fromordinal(start.toordinal() + (weekday - start.weekday()) % 7)


@lru_cache(maxsize=256)
def _rule(reading: Reading, name: str) -> tuple[int, int, int] | None:
    """(month, weekday or -1, first possible day) of a name the calendar dates some years.

    The US calendar keeps "Election Day" in presidential years only; the midterms' is the
    same Tuesday of November. When every year the calendar dates it falls on one weekday
    within one week of one month, that is its rule; None if it follows none.
    """
    country, language = names(reading)[name]
    days = [d for y in _NAME_YEARS
            if (d := _year(country, language, y, reading.folded).get(name))]
    if days and len({(d.month, d.day) for d in days}) == 1:
        return days[0].month, -1, days[0].day  # one day of the year ("Juneteenth")
    if not days or len({(d.month, d.weekday()) for d in days}) != 1:
        return None
    first = min(d.day for d in days)
    if max(d.day for d in days) - first > 6:
        return None
    return days[0].month, days[0].weekday(), first


#: the parsed languages' grammar: every pack's calendars in one table, packs in
#: ``PACKS`` order, calendars in each pack's order
PACK_READING = Reading(
    tuple((country, pack.holiday_calendar_language or None)
          for pack in TIME_PACKS for country in pack.holiday_calendars),
    folded=True)


def calendar_names() -> dict[str, tuple[str, str | None]]:
    """Folded name of several words -> (country, language) of the calendar naming it."""
    return names(PACK_READING)


def calendar_date(name: str, year: int) -> date | None:
    """The day ``name`` (folded) falls on in ``year``, or None."""
    return date_of(PACK_READING, name, year)
