"""Named days in languages with no time grammar: matched and resolved here, read from
the ``holidays`` calendars by :mod:`.named_days`.

The countries a locale pack names (``LocaleTime.holiday_calendars``: Germany,
Austria, Switzerland for German; Italy for Italian) give their days' names in
the language ("Neujahr", "Weihnachten", "Karfreitag", "Capodanno", "Santo
Stefano") and their date in any year, so movable feasts (Easter and the days
counted from it) are the library's arithmetic, not ours. Names are matched as
the calendar writes them (capitalised): "natale" in lower case is an adjective
("la città natale").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from veille.analyze.temporal.calendar import Resolved, day_res
from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.named_days import Reading, date_of, names
from veille.lang.time_locales import LocaleTime


def _reading(lt: LocaleTime) -> Reading:
    """The pack's calendars, their names in its language, as written."""
    return Reading(tuple((country, lt.code) for country in lt.holiday_calendars),
                   folded=False, not_names=tuple(lt.holiday_not_names))


@lru_cache(maxsize=16)
def _pattern(reading: Reading, eve_leads: tuple[str, ...],
             day_parts: tuple[str, ...]) -> re.Pattern[str] | None:
    known = names(reading)
    if not known:
        return None
    alt = "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
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
    rx = _pattern(_reading(lt), tuple(lt.eve_leads), parts)
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
    reading, name = _reading(lt), c.g.get("hol") or ""
    if name not in names(reading):
        return None
    if day is None:
        days = {(d.month, d.day) for y in (2019, 2020, 2021)
                if (d := date_of(reading, name, y)) is not None}
        if len(days) == 1:
            month, dom = days.pop()
            return Resolved("DATE", f"XXXX-{month:02d}-{dom:02d}", None, None, "day")
        return Resolved("DATE", None, None, None, "day")
    near = [d for y in (day.year - 1, day.year, day.year + 1)
            if (d := date_of(reading, name, y)) is not None]
    if not near:
        return None
    return day_res(min(near, key=lambda d: (abs((d - day).days), d)))
