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
    nearest_weekday,
    weekday_near,
    year_res,
)
from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.lexicon import alt_longest
from veille.analyze.temporal.locale_holidays import holiday_candidates, resolve_holiday
from veille.analyze.temporal.locale_spans import TAGS as SPAN_TAGS
from veille.analyze.temporal.locale_spans import resolve_span, span_candidates
from veille.analyze.temporal.locale_words import dates_words as _locale_words
from veille.analyze.temporal.locale_words import weekday_words as _weekdays
from veille.lang.time_locales import LocaleTime, locale_time

#: the method tags of the kinds below (``TimeRef.method == "locale:<tag>"``)
TAGS = {"locale_day_month": "dmy", "locale_month_year": "my", "locale_month": "mon",
        "locale_relative_day": "reld", "locale_weekday": "wd", "locale_year": "year",
        "locale_holiday": "holiday", **SPAN_TAGS}
_YEAR = r"(?:1[89]|20)\d\d"


def _longest(months: dict[str, int], month: int) -> str:
    """The month's full name (its longest word): the one a month alone is written with."""
    return max((w for w, m in months.items() if m == month), key=len)


@lru_cache(maxsize=16)
def _rules(code: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    lt = locale_time(code)
    assert lt is not None
    months, rel = _locale_words(code)
    mon = alt_longest(list(months))
    link = rf"(?:\s+{alt_longest(lt.month_link)})?" if lt.month_link else ""
    b, e = r"(?<!\w)", r"(?!\w)"
    day_month = (rf"{b}(?P<d>[0-3]?\d){lt.day_suffix}{link}\s+(?P<mon>{mon})\.?{e}"
                 rf"(?:{link},?\s+(?P<year>\d{{4}}){e})?")
    month_year = rf"{b}(?P<mon>{mon}){e}\.?{link},?\s+(?P<year>\d{{4}}){e}"
    full = [_longest(months, i) for i in range(1, 13)]
    month = (rf"{b}(?:{alt_longest(lt.month_leads)})\s+(?P<span>(?P<mon>{alt_longest(full)})){e}"
             # a range of months ("aprile-giugno", "julio-septiembre")
             rf"|{b}(?P<span5>(?P<mon5>{alt_longest(full)})\s*[-–]\s*(?P<mon6>{alt_longest(full)})){e}"
             if lt.month_leads and full else None)
    out = [("locale_day_month", re.compile(day_month, re.IGNORECASE)),
           ("locale_month_year", re.compile(month_year, re.IGNORECASE))]
    if month:
        out.append(("locale_month", re.compile(month, re.IGNORECASE)))
    wds = _weekdays(code)
    if wds:
        out.append(("locale_weekday", re.compile(rf"{b}(?P<wd>{alt_longest(list(wds))}){e}",
                                                 re.IGNORECASE)))
    if lt.year_leads:
        joiners = alt_longest(lt.list_joiners) if lt.list_joiners else "(?!)"
        sep = rf"(?:\s*,\s*|\s*-\s*|\s+{joiners}\s+)"
        years = rf"(?P<span>{_YEAR}(?:{sep}{_YEAR})*)(?![\d.,]\d|\d|%)"
        # after a lead ("seit 2015"); a list in brackets ("(2006, 2009 y 2015)") or
        # of three or more ("1993, 1997, 2000, 2004 y 2018"); and, in a language
        # that says how a counted noun looks (``plural_noun_after``), a number from
        # 1900 to 2099 standing alone, as the French and English grammars read it
        # ("Pekín 2008", "das Fußballjahr 2020"; not "2000 Meter")
        bare = (rf"|{b}(?P<span4>(?:19|20)\d\d)(?![\d.,/-]\d|\d|%|\s*[€$£]|-\w)"
                if lt.plural_noun_after else "")
        out.append(("locale_year", re.compile(
            rf"{b}(?:{alt_longest(lt.year_leads)})\s+{years}|\((?P<span2>{_YEAR}(?:{sep}{_YEAR})+)\)"
            rf"|{b}(?P<span3>{_YEAR}(?:{sep}{_YEAR}){{2,}})(?![\d.,]\d|\d|%){bare}",
            re.IGNORECASE)))
    if rel:
        flags = 0 if lt.lower_case_relative_days else re.IGNORECASE
        out.append(("locale_relative_day", re.compile(rf"{b}(?P<rd>{alt_longest(list(rel))}){e}", flags)))
    return tuple(out)


def locale_candidates(text: str, language: str) -> list[Candidate]:
    """Every match of the language's locale rules (overlaps included: the caller selects)."""
    lt = locale_time(language)
    if lt is None:
        return []
    not_after = re.compile(lt.relative_day_not_after, re.IGNORECASE) \
        if lt.relative_day_not_after else None
    every = re.compile(rf"(?<!\w)(?:{alt_longest(lt.every_words)})\s+$", re.IGNORECASE) \
        if lt.every_words else None
    out: list[Candidate] = []
    for kind, rx in _rules(lt.code):
        for m in rx.finditer(text):
            g = m.groupdict()
            if kind == "locale_year":  # a list of years: one expression each
                grp = next(k for k in ("span", "span2", "span3", "span4") if g.get(k) is not None)
                if grp == "span4" and not _bare_year(text, m.start(grp), m.end(grp), lt):
                    continue
                for y in re.finditer(_YEAR, text[m.start(grp) : m.end(grp)]):
                    ys = m.start(grp) + y.start()
                    out.append(Candidate(ys, ys + 4, kind, {"year": y.group(0),
                                                            "lang": lt.code}, 4))
                continue
            if g.get("span5") is not None:  # a range of months: resolved from its first
                g["mon"] = g["mon5"]
            s, e = m.span("span") if g.get("span") is not None else m.span()
            if kind == "locale_relative_day" and not_after is not None and \
                    not_after.search(text[max(0, s - 12) : s]):
                continue
            lead = every.search(text[max(0, s - 12) : s]) \
                if kind == "locale_weekday" and every is not None else None
            if lead is not None:  # "jeden Sonntag", "ogni lunedì": how often
                g = dict(g, every="1")
                s = max(0, s - 12) + lead.start()
            if e > s and text[e - 1] == "." and g.get("mon") and not g.get("year"):
                months, _ = _locale_words(lt.code)
                word = (g.get("mon") or "").lower()
                if word == _longest(months, months[word]):
                    e -= 1  # "3. Mai.": the sentence's full stop, not an abbreviation's
            prio = {"locale_day_month": 1, "locale_month_year": 2}.get(kind, 3)
            out.append(Candidate(s, e, kind, dict(g, lang=lt.code), prio))
    return out + span_candidates(text, lt) + holiday_candidates(text, lt)


def _bare_year(text: str, start: int, end: int, lt: LocaleTime) -> bool:
    """A four-figure number alone is a year unless it is part of a longer number
    ("1.2000", "3 2000") or counts the noun after it ("2000 Meter", "2000 personas")."""
    if re.search(r"\d[\s\u00a0\u202f.,]$", text[max(0, start - 2):start]):
        return False
    # the noun a number counts follows it in the same sentence: after two spaces or a
    # line break ("erholt sich frühestens 2022  Mit 151 Millionen") a new one begins
    return re.match(rf"[ \u00a0](?:{lt.plural_noun_after})", text[end:end + 40]) is None


def _month_number(c: Candidate, group: str = "mon") -> int:
    months, _ = _locale_words(c.g.get("lang") or "")
    return months[(c.g.get(group) or "").lower().rstrip(".")]


def _month_range(year: int | None, first: int, last: int) -> Resolved | None:
    """"aprile-giugno": from the first month's first day to the last's last day (the
    last month in the next year when it comes earlier: "novembre-febbraio")."""
    if not year:
        return Resolved("DATE", f"XXXX-{first:02d}/XXXX-{last:02d}", None, None, "month")
    a = month_res(year, first)
    b = month_res(year + (last < first), last)
    return Resolved("DATE", f"{a.value}/{b.value}", a.start, b.end, "month")


def resolve_locale(c: Candidate, day: date | None,
                   pick_year: Callable[[int, int | None], int | None],
                   tense: str | None = None, anchor: date | None = None,
                   period: tuple[date, str] | None = None) -> Resolved | None:
    """``day``: one reference day or None; ``pick_year(month, dom)``: the year of a date
    written without one (the grammar's rule, see ``resolve.pick_year``); ``period``: the
    first day and the granularity of the last period the text named ("im März"); ``anchor``:
    the day the text named last (a clock or a part of the day takes it)."""
    if c.kind in SPAN_TAGS:
        return resolve_span(c, day, anchor, period)
    if c.kind == "locale_holiday":
        lt = locale_time(c.g.get("lang"))
        return resolve_holiday(c, lt, day) if lt is not None else None
    if c.kind == "locale_relative_day":
        _, rel = _locale_words(c.g.get("lang") or "")
        off = rel[(c.g.get("rd") or "").lower()]
        return day_res(day + timedelta(days=off)) if day is not None else \
            Resolved("DATE", None, None, None, "day")
    if c.kind == "locale_year":
        return year_res(int(c.g.get("year") or 0))
    if c.kind == "locale_weekday":
        wd = _weekdays(c.g.get("lang") or "")[(c.g.get("wd") or "").lower()]
        if c.g.get("every"):
            return Resolved("SET", f"XXXX-WXX-{wd + 1}", None, None, "set")
        if day is None:
            return Resolved("DATE", f"XXXX-WXX-{wd + 1}", None, None, "day")
        if tense == "past":
            return day_res(weekday_near(day, wd, -1)) if day.weekday() != wd else day_res(day)
        if tense == "future":
            return day_res(weekday_near(day, wd, 1)) if day.weekday() != wd else day_res(day)
        return day_res(nearest_weekday(day, wd))
    mon = _month_number(c)
    year_s = c.g.get("year")
    if c.kind in ("locale_month_year", "locale_month"):
        if year_s:
            return month_res(int(year_s), mon)
        y = pick_year(mon, None)
        if c.g.get("mon6"):
            return _month_range(y, mon, _month_number(c, "mon6"))
        return month_res(y, mon) if y else Resolved("DATE", f"XXXX-{mon:02d}", None, None,
                                                    "month")
    dom = int(c.g.get("d") or 0)
    y = int(year_s) if year_s else pick_year(mon, dom)
    if not y:
        return Resolved("DATE", f"XXXX-{mon:02d}-{dom:02d}", None, None, "day")
    d = clamp_day(y, mon, dom)
    return day_res(d) if d is not None else None


def share_locale_year(a: Candidate, b: Candidate, between: str) -> None:
    """"da gennaio a dicembre 2019", "vom 3. bis 10. März 2020": the year
    written once at the end belongs to both ends (the year before for a start
    later in the year than the end: "de noviembre a febrero de 2020")."""
    lt = locale_time(a.g.get("lang"))
    if lt is None or not lt.range_joiners or a.g.get("year") or a.g.get("mon6"):
        return
    if a.kind not in ("locale_month", "locale_day_month") or b.g.get("lang") != lt.code \
            or b.kind not in ("locale_month_year", "locale_day_month") or not b.g.get("year"):
        return
    if not re.fullmatch(rf"\s*(?:[-–]|{alt_longest(list(lt.range_joiners))})\s*", between, re.IGNORECASE):
        return
    year = int(b.g.get("year") or 0)
    if (_month_number(a), int(a.g.get("d") or 0)) > (_month_number(b), int(b.g.get("d") or 0)):
        year -= 1
    a.g = dict(a.g, year=str(year))
    if a.kind == "locale_month":
        a.kind = "locale_month_year"

