"""Named days in languages with no time grammar, from the ``holidays`` package.

The countries a locale pack names (``LocaleTime.holiday_calendars``: Germany,
Austria, Switzerland for German; Italy for Italian) give their days' names in
the language ("Neujahr", "Weihnachten", "Karfreitag", "Capodanno", "Santo
Stefano") and their date in any year, so movable feasts (Easter and the days
counted from it) are the library's arithmetic, not ours. Names are matched as
the calendar writes them (capitalised): "natale" in lower case is an adjective
("la città natale"). A day the calendars date once (a jubilee) is not a name.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

import holidays

from veille.analyze.temporal.calendar import Resolved, day_res
from veille.analyze.temporal.candidate import Candidate
from veille.lang.time_locales import LocaleTime

#: the years the names are read over (as named_days does for the packs' calendars)
_YEARS = range(2010, 2031)


@lru_cache(maxsize=16)
def _names(code: str, countries: tuple[str, ...],
           not_names: tuple[str, ...] = ()) -> dict[str, tuple[str, str]]:
    """Name -> (country, the calendar's name) for every day named in at least two years;
    a name two calendars date differently ("Nationalfeiertag": 26 October in Austria,
    1 August in Switzerland) names no one day and is left out."""
    out: dict[str, tuple[str, str]] = {}
    dropped: set[str] = set(not_names)
    for country in countries:
        cats = holidays.country_holidays(country).supported_categories
        try:
            cal = holidays.country_holidays(country, years=_YEARS, language=code,
                                            categories=cats)
        except (NotImplementedError, ValueError, KeyError):
            continue
        seen: dict[str, set[int]] = {}
        for day, names in cal.items():
            for name in names.split("; "):
                seen.setdefault(name.strip(), set()).add(day.year)
        for name, years in seen.items():
            if len(years) < 2 or "(" in name or not name[:1].isupper() or name in dropped:
                continue
            if name in out and _dates(code, out[name][0], name, 2020) \
                    != _dates(code, country, name, 2020):
                dropped.add(name)
                del out[name]
                continue
            out.setdefault(name, (country, name))
    return out


@lru_cache(maxsize=512)
def _dates(code: str, country: str, name: str, year: int) -> date | None:
    try:
        cal = holidays.country_holidays(country, years=year, language=code,
                                        categories=holidays.country_holidays(
                                            country).supported_categories)
    except (NotImplementedError, ValueError, KeyError, OverflowError):
        return None
    return next((d for d, names in sorted(cal.items()) if name in names.split("; ")), None)


@lru_cache(maxsize=16)
def _pattern(code: str, countries: tuple[str, ...], not_names: tuple[str, ...],
             eve_leads: tuple[str, ...], day_parts: tuple[str, ...]) -> re.Pattern[str] | None:
    names = _names(code, countries, not_names)
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    eve = "|".join(re.escape(w).replace("'", "['’]")
                   for w in sorted(eve_leads, key=len, reverse=True))
    lead = rf"(?:(?i:(?P<eve>{eve}))\s*)?" if eve else ""
    # "Silvesternacht", "Neujahrsmorgen": a part of the day glued to the name, where the
    # language glues it to a weekday too ("Montagabend")
    parts = "|".join(sorted(day_parts, key=len, reverse=True))
    glued = rf"(?:s?(?P<hpart>{parts}))?" if parts else ""
    return re.compile(rf"(?<!\w){lead}(?P<hol>{alt}){glued}(?!\w)")


def holiday_candidates(text: str, lt: LocaleTime) -> list[Candidate]:
    if not lt.holiday_calendars:
        return []
    parts = tuple(lt.day_parts) if lt.weekday_part_compounds else ()
    rx = _pattern(lt.code, lt.holiday_calendars, lt.holiday_not_names, lt.eve_leads, parts)
    if rx is None:
        return []
    return [Candidate(m.start(), m.end(), "locale_holiday",
                      {"hol": m.group("hol"), "eve": m.groupdict().get("eve"),
                       "hpart": m.groupdict().get("hpart"), "lang": lt.code},
                      2) for m in rx.finditer(text)]


def resolve_holiday(c: Candidate, lt: LocaleTime, day: date | None) -> Resolved | None:
    """The day nearest the reference day; with none, the month and day when the calendar
    keeps one date every year ("Weihnachten": XXXX-12-25), else no value (Easter). The
    eve ("la vigilia di Natale") is the day before."""
    r = _holiday(c, lt, day)
    part = lt.day_parts.get(c.g.get("hpart") or "")
    if r is not None and part is not None:  # "Silvesternacht": that day's night
        return Resolved("TIME", f"{r.value}T{part}" if r.value else None, r.start, r.end,
                        "day-part")
    if r is None or not c.g.get("eve") or r.value is None:
        return r
    if r.start is not None:
        return day_res(r.start - timedelta(days=1))
    month, dom = int(r.value[5:7]), int(r.value[8:10])
    before = date(2001, month, dom) - timedelta(days=1)  # 2001: no 29 February
    return Resolved("DATE", f"XXXX-{before.month:02d}-{before.day:02d}", None, None, "day")


def _holiday(c: Candidate, lt: LocaleTime, day: date | None) -> Resolved | None:
    where = _names(lt.code, lt.holiday_calendars, lt.holiday_not_names).get(c.g.get("hol") or "")
    if where is None:
        return None
    country, name = where
    if day is None:
        days = {(d.month, d.day) for y in (2019, 2020, 2021)
                if (d := _dates(lt.code, country, name, y)) is not None}
        if len(days) == 1:
            month, dom = days.pop()
            return Resolved("DATE", f"XXXX-{month:02d}-{dom:02d}", None, None, "day")
        return Resolved("DATE", None, None, None, "day")
    near = [d for y in (day.year - 1, day.year, day.year + 1)
            if (d := _dates(lt.code, country, name, y)) is not None]
    if not near:
        return None
    return day_res(min(near, key=lambda d: (abs((d - day).days), d)))
