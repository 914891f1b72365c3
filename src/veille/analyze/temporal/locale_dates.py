"""Dates in languages with no time grammar, from dateparser's locale data.

A language listed in :mod:`veille.lang.time_locales` gets absolute dates
("12. März 2023", "12 de marzo de 2023", "marzo 2023"), a month name after a
preposition ("im März", "en marzo"), and the relative days dateparser's
locale names ("gestern", "ayer", "вчера": "1 day ago"). Month and day words
are dateparser's (the library's own locale files); the arithmetic and the
output (candidates resolved like the grammar's, into TimeRefs) are ours, so a
date without year or a relative day is resolved against a reference *range*
like every other expression. Weekdays and durations are not covered (they
need tense and number words).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from veille.analyze.temporal.calendar import (
    Resolved,
    clamp_day,
    day_res,
    month_res,
    weekday_near,
    year_res,
)
from veille.analyze.temporal.candidate import Candidate
from veille.lang.time_locales import locale_time

_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
_RELATIVE_DAY = re.compile(r"^(?:(?P<back>\d+) day ago|in (?P<fwd>\d+) day)$")

#: the method tags of the kinds below (``TimeRef.method == "locale:<tag>"``)
TAGS = {"locale_day_month": "dmy", "locale_month_year": "my", "locale_month": "mon",
        "locale_relative_day": "reld", "locale_weekday": "wd", "locale_year": "year"}
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_YEAR = r"(?:1[89]|20)\d\d"


@lru_cache(maxsize=16)
def _locale_words(code: str) -> tuple[dict[str, int], dict[str, int]]:
    """(month word -> month, relative-day word -> day offset), lower case, from dateparser."""
    # lazy: dateparser's locale loader is heavy, and only texts in these languages need it
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(code).info
    months: dict[str, int] = {}
    for i, key in enumerate(_MONTH_KEYS, start=1):
        for w in info.get(key, []):
            if len(w) >= 3:
                months.setdefault(w.lower().rstrip("."), i)
    rel: dict[str, int] = {}
    for key, words in info.get("relative-type", {}).items():
        m = _RELATIVE_DAY.match(key)
        if m is None:
            continue
        off = -int(m.group("back")) if m.group("back") else int(m.group("fwd") or 0)
        if abs(off) <= 2:
            for w in words:
                rel.setdefault(w.lower(), off)
    return months, rel


@lru_cache(maxsize=16)
def _weekdays(code: str) -> dict[str, int]:
    """Weekday full names (each day's longest word in dateparser's locale) -> 0..6."""
    from dateparser.languages.loader import default_loader  # lazy: see _locale_words

    info = default_loader.get_locale(code).info
    out: dict[str, int] = {}
    for i, key in enumerate(_WEEKDAY_KEYS):
        words = [w.lower() for w in info.get(key, []) if len(w) >= 4]
        if words:
            out[max(words, key=len)] = i
    return out


def _longest(months: dict[str, int], month: int) -> str:
    """The month's full name (its longest word): the one a month alone is written with."""
    return max((w for w, m in months.items() if m == month), key=len)


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=16)
def _rules(code: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    lt = locale_time(code)
    assert lt is not None
    months, rel = _locale_words(code)
    mon = _alt(list(months))
    link = rf"(?:\s+{_alt(lt.month_link)})?" if lt.month_link else ""
    b, e = r"(?<!\w)", r"(?!\w)"
    day_month = (rf"{b}(?P<d>[0-3]?\d){lt.day_suffix}{link}\s+(?P<mon>{mon})\.?{e}"
                 rf"(?:{link},?\s+(?P<year>\d{{4}}){e})?")
    month_year = rf"{b}(?P<mon>{mon}){e}\.?{link},?\s+(?P<year>\d{{4}}){e}"
    full = [_longest(months, i) for i in range(1, 13)]
    month = (rf"{b}(?:{_alt(lt.month_leads)})\s+(?P<span>(?P<mon>{_alt(full)})){e}"
             if lt.month_leads and full else None)
    out = [("locale_day_month", re.compile(day_month, re.IGNORECASE)),
           ("locale_month_year", re.compile(month_year, re.IGNORECASE))]
    if month:
        out.append(("locale_month", re.compile(month, re.IGNORECASE)))
    wds = _weekdays(code)
    if wds:
        out.append(("locale_weekday", re.compile(rf"{b}(?P<wd>{_alt(list(wds))}){e}",
                                                 re.IGNORECASE)))
    if lt.year_leads:
        joiners = _alt(lt.list_joiners) if lt.list_joiners else "(?!)"
        sep = rf"(?:\s*,\s*|\s*-\s*|\s+{joiners}\s+)"
        years = rf"(?P<span>{_YEAR}(?:{sep}{_YEAR})*)(?![\d.,]\d|\d|%)"
        out.append(("locale_year", re.compile(
            rf"{b}(?:{_alt(lt.year_leads)})\s+{years}|\((?P<span2>{_YEAR}(?:{sep}{_YEAR})+)\)",
            re.IGNORECASE)))
    if rel:
        flags = 0 if lt.lower_case_relative_days else re.IGNORECASE
        out.append(("locale_relative_day", re.compile(rf"{b}(?P<rd>{_alt(list(rel))}){e}", flags)))
    return tuple(out)


def locale_candidates(text: str, language: str) -> list[Candidate]:
    """Every match of the language's locale rules (overlaps included: the caller selects)."""
    lt = locale_time(language)
    if lt is None:
        return []
    not_after = re.compile(lt.relative_day_not_after, re.IGNORECASE) \
        if lt.relative_day_not_after else None
    out: list[Candidate] = []
    for kind, rx in _rules(lt.code):
        for m in rx.finditer(text):
            g = m.groupdict()
            if kind == "locale_year":  # a list of years: one expression each
                grp = "span" if g.get("span") is not None else "span2"
                for y in re.finditer(_YEAR, text[m.start(grp) : m.end(grp)]):
                    ys = m.start(grp) + y.start()
                    out.append(Candidate(ys, ys + 4, kind, {"year": y.group(0),
                                                            "lang": lt.code}, 4))
                continue
            s, e = m.span("span") if g.get("span") is not None else m.span()
            if kind == "locale_relative_day" and not_after is not None and \
                    not_after.search(text[max(0, s - 12) : s]):
                continue
            if e > s and text[e - 1] == "." and g.get("mon") and not g.get("year"):
                months, _ = _locale_words(lt.code)
                word = (g.get("mon") or "").lower()
                if word == _longest(months, months[word]):
                    e -= 1  # "3. Mai.": the sentence's full stop, not an abbreviation's
            prio = {"locale_day_month": 1, "locale_month_year": 2}.get(kind, 3)
            out.append(Candidate(s, e, kind, dict(g, lang=lt.code), prio))
    return out


def _month_number(c: Candidate) -> int:
    months, _ = _locale_words(c.g.get("lang") or "")
    return months[(c.g.get("mon") or "").lower().rstrip(".")]


def resolve_locale(c: Candidate, day: date | None,
                   pick_year: Callable[[int, int | None], int | None],
                   tense: str | None = None) -> Resolved | None:
    """``day``: one reference day or None; ``pick_year(month, dom)``: the year of a date
    written without one (the grammar's rule, see ``resolve.pick_year``)."""
    if c.kind == "locale_relative_day":
        _, rel = _locale_words(c.g.get("lang") or "")
        off = rel[(c.g.get("rd") or "").lower()]
        return day_res(day + timedelta(days=off)) if day is not None else \
            Resolved("DATE", None, None, None, "day")
    if c.kind == "locale_year":
        return year_res(int(c.g.get("year") or 0))
    if c.kind == "locale_weekday":
        wd = _weekdays(c.g.get("lang") or "")[(c.g.get("wd") or "").lower()]
        if day is None:
            return Resolved("DATE", f"XXXX-WXX-{wd + 1}", None, None, "day")
        if tense == "past":
            return day_res(weekday_near(day, wd, -1)) if day.weekday() != wd else day_res(day)
        if tense == "future":
            return day_res(weekday_near(day, wd, 1)) if day.weekday() != wd else day_res(day)
        back, fwd = weekday_near(day, wd, -1), weekday_near(day, wd, 1)
        return day_res(day if day.weekday() == wd else back if day - back <= fwd - day else fwd)
    mon = _month_number(c)
    year_s = c.g.get("year")
    if c.kind in ("locale_month_year", "locale_month"):
        if year_s:
            return month_res(int(year_s), mon)
        y = pick_year(mon, None)
        return month_res(y, mon) if y else Resolved("DATE", f"XXXX-{mon:02d}", None, None,
                                                    "month")
    dom = int(c.g.get("d") or 0)
    y = int(year_s) if year_s else pick_year(mon, dom)
    if not y:
        return Resolved("DATE", f"XXXX-{mon:02d}-{dom:02d}", None, None, "day")
    d = clamp_day(y, mon, dom)
    return day_res(d) if d is not None else None
