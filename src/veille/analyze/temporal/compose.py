"""Two resolved expressions that name one day together.

Some days are said in two pieces, each an expression of its own: a weekday and
the week it falls in ("mardi de la semaine prochaine", "next week Tuesday"), an
amount counted from a day ("deux jours avant hier", "two weeks after March 3",
"16 jours à partir du 01/02/2018"). Read apart, the weekday is taken in the
wrong week and the amount is a bare duration, so a timeline misplaces the
event or loses it. The words that join the pieces are the language pack's
(``TimeWords.offset_links``, ``week_links``); this pass runs after resolution
and joins only what both pieces resolved to one day or one ISO week.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from veille.analyze.temporal.adjacent import join_adjacent
from veille.analyze.temporal.calendar import add_months, clamp_day
from veille.analyze.temporal.clock_parts import hour_in_part
from veille.analyze.temporal.fold import fold_same_length
from veille.analyze.temporal.lexicon import ANCHOR_DAYS, alt
from veille.analyze.temporal.resolve import holiday_date
from veille.core.model import TimeRef
from veille.lang.time_words import TimeWords

_DURATION = re.compile(r"P(\d+)([DWMY])")
_WEEK = re.compile(r"(\d{4})-W(\d\d)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def compose(out: list[TimeRef], text: str, words: TimeWords | None,
            verb_between: Callable[[int, int], bool | None] = lambda s, e: None,
            ) -> list[TimeRef]:
    """``out`` with each such pair replaced by one expression (order kept).
    ``verb_between`` reads the parse: whether a verb stands between two offsets (None:
    no parse says)."""
    if words is not None and words.week_of_leads:
        lead = re.compile(rf"(?:{alt(words.week_of_leads)})\s+$")
        out = [_week_of(t, text, lead) for t in out]
    out = _restated_weekdays(out, text)
    out = _years_ago_after_day(out, text, verb_between)
    if words is None or len(out) < 2 or not (words.offset_links or words.week_links):
        return out
    offset_gap = (re.compile(rf"\s+(?P<link>{alt(list(words.offset_links))})\s+")
                  if words.offset_links else None)
    week_gap = (re.compile(rf"\s*(?:-\s*|(?:{alt(words.week_links)})\s+)?")
                if words.week_links else None)
    anchor_gap = (re.compile(rf"\s+(?:{alt(words.anchor_of_links)})\s*")
                  if words.anchor_of_links else None)

    def join(a: TimeRef, b: TimeRef, raw_gap: str) -> TimeRef | None:
        gap = fold_same_length(raw_gap)
        joined = None
        if offset_gap is not None:
            m = offset_gap.fullmatch(gap)
            if m is not None:
                joined = _offset(a, b, text, _link_sign(m.group("link"), words))
        if joined is None and gap.strip() == "":
            joined = (_day_from(a, b, text, words) or _holiday_in_year(a, b, text)
                      or _period_back(a, b, text))
        if joined is None and _CLOCK_SET_GAP.fullmatch(gap):
            joined = _clock_set(a, b, text, words) or _clock_set(b, a, text, words) \
                or _hours_on_day(a, b, text, gap, words)
        if joined is None and anchor_gap is not None and anchor_gap.fullmatch(gap):
            joined = _anchor_of(a, b, text)
        if joined is None and week_gap is not None and week_gap.fullmatch(gap):
            joined = _weekday_in_week(a, b, text) or _weekday_in_week(b, a, text)
        return joined

    return join_adjacent(out, text, join)



_BRACKET_GAP = re.compile(r"\s*[(\[]\s*")
#: what may stand between a day of the year and the years ago that date it: a few words
#: of the same clause ("on New Year's Eve in several German cities two years ago")
_AGO_GAP = re.compile(r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,5}")
#: a day of the year said without its year
_DAY_OF_YEAR = ("grammar:holiday", "grammar:dmy", "grammar:mdy")


def _years_ago_after_day(out: list[TimeRef], text: str,
                         verb_between: Callable[[int, int], bool | None]) -> list[TimeRef]:
    """"occurred on New Year's Eve in several German cities two years ago", "Cologne's
    New Year's Eve celebrations two years ago": a day of the year said without its year
    takes the year of the "years ago" closing its clause, as "June 12 last year" takes
    last year's (read apart, the day was the one nearest the paper, the Cologne attacks of
    2015 put on the paper's New Year's Eve). So does a date with its year that is the
    same day ("before New Year's Eve celebrations on Dec. 31, 2016", a caption). Both stay
    expressions (TimeML tags "two years ago" alone). Only when the parse shows no verb
    between them: "celebrate on New Year's Eve the deal signed two years ago" dates the
    deal."""
    res = list(out)
    for k in range(len(res) - 1):
        a, b = res[k], res[k + 1]
        if a.method not in _DAY_OF_YEAR or a.granularity != "day" or not a.range_start \
                or re.search(r"\d{4}", a.text):
            continue
        ago = (b.method or "").endswith(":ago") and b.granularity == "year" \
            and (b.value or "").isdigit()
        dated = b.method in _DAY_OF_YEAR and b.granularity == "day" and b.range_start \
            and b.range_start == b.range_end and re.search(r"\d{4}", b.text) is not None
        if not (ago or dated):
            continue
        gap = text[a.end:b.start].strip()
        if gap and not _AGO_GAP.fullmatch(gap):
            continue
        if gap and verb_between(a.end, b.start) is not False:
            continue
        year = int(b.value or 0) if ago else int((b.range_start or "0")[:4])
        if a.method == "grammar:holiday":
            day = holiday_date(fold_same_length(a.text).lower(), year)
        else:
            was = date.fromisoformat(a.range_start)
            day = clamp_day(year, was.month, was.day)
        if day is None or day.isoformat() == a.range_start \
                or (dated and day.isoformat() != b.range_start):
            continue  # a date of another day names another event
        res[k] = replace(a, value=day.isoformat(), range_start=day.isoformat(),
                         range_end=day.isoformat())
    return res


def _restated_weekdays(out: list[TimeRef], text: str) -> list[TimeRef]:
    """"Ce jeudi (13 février)", "on Thursday (Feb. 13)": the date in brackets says which
    Thursday; the weekday read alone took the one of the paper's week, a week off when the
    paper is dated after it. Both stay expressions; the weekday takes the bracket's day
    when that day is the same weekday (another weekday is no restatement)."""
    res = list(out)
    for k in range(len(res) - 1):
        w, d = res[k], res[k + 1]
        wday, day = _one_day(w), _one_day(d)
        if (wday is None or day is None or wday == day or w.value is None
                or d.value is None or len(d.value) != 10
                or not (w.method or "").endswith(":wd") or wday.weekday() != day.weekday()
                or not w.end <= d.start or not _BRACKET_GAP.fullmatch(text[w.end : d.start])):
            continue
        res[k] = replace(w, value=day.isoformat() + w.value[10:],
                         range_start=day.isoformat(), range_end=day.isoformat())
    return res


def _week_of(t: TimeRef, text: str, lead: re.Pattern[str]) -> TimeRef:
    """"a hearing the week of March 6": the ISO week holding the day, not the day."""
    day = _one_day(t)
    if day is None or t.value is None or len(t.value) != 10:
        return t
    lo = max(0, t.start - 20)
    m = lead.search(fold_same_length(text[lo : t.start]).lower())
    if m is None:
        return t
    s = lo + m.start()
    y, w, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return replace(t, text=text[s : t.end], start=s, value=f"{y}-W{w:02d}",
                   range_start=monday.isoformat(),
                   range_end=(monday + timedelta(days=6)).isoformat(), granularity="week")


def _link_sign(link: str, words: TimeWords) -> int:
    for pattern, sign in words.offset_links.items():
        if re.fullmatch(pattern, link):
            return sign
    return 0


def _one_day(t: TimeRef) -> date | None:
    if t.range_start is None or t.range_start != t.range_end or not t.value:
        return None
    if not _DAY.match(t.value):
        return None
    return date.fromisoformat(t.range_start)


def _offset(d: TimeRef, b: TimeRef, text: str, sign: int) -> TimeRef | None:
    """"deux jours avant hier": the day ``d``'s amount before/after the day ``b``."""
    m = _DURATION.fullmatch(d.value or "") if d.type == "DURATION" else None
    day = _one_day(b)
    if m is None or day is None or sign == 0 or b.value is None or len(b.value) != 10:
        return None
    n, unit = int(m.group(1)) * sign, m.group(2)
    if unit in ("D", "W"):
        new: date | None = day + timedelta(days=n * (7 if unit == "W" else 1))
    else:
        y, mo = add_months(day.year, day.month, n * (12 if unit == "Y" else 1))
        new = clamp_day(y, mo, day.day)
    if new is None:
        return None
    return _joined(d, b, text, new.isoformat(), new, "day", b.method)


#: between a clock time and the set or day it goes with: "à", "at", a comma
_CLOCK_SET_GAP = re.compile(r"\s*,?\s*(?:(?:a|at|vers|around)\s+)?")
_CLOCK = re.compile(r"(?:\d{4}-\d\d-\d\d)?(T\d\d:\d\d(?::\d\d)?)")
_SET_DAYS = re.compile(r"XXXX-WXX-\d(?:T(?:MO|AF|EV|NI))?|P1D|T(?:MO|AF|EV|NI)")
_HOURS = re.compile(r"PT(\d{1,2})H")


def _clock_set(c: TimeRef, s: TimeRef, text: str, words: TimeWords) -> TimeRef | None:
    """"les mardis à 9 h", "tous les soirs à 19h13", "15 heures tous les jours": one set
    with its time of day (XXXX-WXX-2T09:00, T19:13), not a set and a one-off clock."""
    # not "16 heures chaque lundi": "il travaille 8 heures tous les jours" is a span
    m = _CLOCK.fullmatch(c.value or "") if c.type == "TIME" else None
    if m is None or s.type != "SET" or not _SET_DAYS.fullmatch(s.value or ""):
        return None
    clock = m.group(1)
    sv = s.value or ""
    part = sv[sv.index("T") + 1:] if "T" in sv else ""  # "TEV", "XXXX-WXX-2TEV"
    # "tous les soirs à 7 h" 19:00, "toutes les nuits à 2 h" 02:00 (clock_parts' rule)
    hour = hour_in_part(int(clock[1:3]), part, words)
    clock = f"T{hour:02d}{clock[3:]}"
    value = (sv[:10] if sv.startswith("XXXX") else "") + clock
    lo, hi = min(c.start, s.start), max(c.end, s.end)
    return TimeRef(text=text[lo:hi], start=lo, end=hi, sentence=min(c.sentence, s.sentence),
                   type="SET", value=value, granularity="set", method=s.method)


def _hours_on_day(a: TimeRef, b: TimeRef, text: str, gap: str,
                  words: TimeWords) -> TimeRef | None:
    """"Dix heures mercredi matin": hours opening a sentence before a weekday are its clock
    time (read alone, "dix heures" is a span; "il a dormi dix heures lundi" stays one)."""
    h = _HOURS.fullmatch(a.value or "") if a.type == "DURATION" else None
    day = _one_day(b)
    if h is None or day is None or gap.strip() or int(h.group(1)) > 23 or b.value is None \
            or not (b.method or "").endswith(":wd") or text[:a.start].strip()[-1:] not in (
                "", ".", "!", "?", "\n", ":"):
        return None
    hour = hour_in_part(int(h.group(1)), b.value[10:].lstrip("T"), words)
    return _joined(a, b, text, f"{day.isoformat()}T{hour:02d}:00", day, "time", b.method)


def _day_from(a: TimeRef, b: TimeRef, text: str, words: TimeWords) -> TimeRef | None:
    """"the day before last Tuesday's hearing", "the day after tomorrow": the anchored
    day ``a`` counted from the day ``b`` names, not from the last day the text named."""
    day = _one_day(b)
    if day is None or not (a.method or "").endswith(":anchor") or b.value is None \
            or len(b.value) != 10:
        return None
    last = fold_same_length(a.text).lower().split()[-1:]
    sign = _link_sign(last[0], words) if last else 0
    if sign == 0:
        return None
    new = day + timedelta(days=sign)
    return _joined(a, b, text, new.isoformat(), new, "day", b.method)


def _holiday_in_year(a: TimeRef, b: TimeRef, text: str) -> TimeRef | None:
    """"the 2015 New Year's Eve events", "the 2016 Thanksgiving weekend": a year said
    before a named day is that day's year (read apart, the day was the one nearest the
    paper, a Cologne attack of 2015 put on the paper's New Year's Eve)."""
    if a.method != "grammar:year" or b.method != "grammar:holiday" or a.value is None \
            or not a.value.isdigit() or len(a.value) != 4:
        return None
    day = holiday_date(fold_same_length(b.text).lower(), int(a.value))
    if day is None:
        return None
    return _joined(a, b, text, day.isoformat(), day, "day", b.method)


def _period_back(a: TimeRef, b: TimeRef, text: str) -> TimeRef | None:
    """"the quarter a year ago", "the period a year earlier": the period ``a`` names, the
    amount ``b`` back (which has already counted from that quarter); read apart, the
    quarter was the one reported and the comparison lost its noun."""
    if a.granularity != "quarter" or b.granularity != "quarter" or b.value is None \
            or not (b.method or "").endswith(":ago") or b.range_start is None:
        return None
    day = date.fromisoformat(b.range_start)
    joined = _joined(a, b, text, b.value, day, "quarter", a.method)
    return replace(joined, type="DATE", range_end=b.range_end)


_PART = re.compile(r"\d{4}-\d\d-\d\dT(MO|AF|EV|NI)")


def _night_days(b: TimeRef) -> date | None:
    """The first of two days running into each other ("la nuit du 3 au 4 mars")."""
    if not (b.range_start and b.range_end and b.value and "/" in b.value):
        return None
    lo, hi = date.fromisoformat(b.range_start), date.fromisoformat(b.range_end)
    return lo if hi - lo == timedelta(days=1) else None


def _anchor_of(a: TimeRef, b: TimeRef, text: str) -> TimeRef | None:
    """"la veille de Noël", "le lendemain du 3 mars": the anchored day ``a`` counted from
    the day ``b`` names (read apart, "la veille" was the day before the last day told)."""
    day = _one_day(b)
    part = _PART.fullmatch(a.value or "")
    if part is not None and (a.method or "").endswith(":partbare"):
        # "dans la soirée du 3 mars", "la nuit du 3 au 4 mars": that day's part
        two = _night_days(b) if part.group(1) == "NI" else None
        on = day or two
        if on is None:
            return None
        return _joined(a, b, text, f"{on.isoformat()}T{part.group(1)}", on, a.granularity,
                       b.method)
    if day is None or not (a.method or "").endswith(":anchor") or b.value is None \
            or len(b.value) != 10 or not a.value:
        return None
    words = fold_same_length(a.text).lower().split()
    grams = (" ".join(words[k:j]) for k in range(len(words))
             for j in range(len(words), k, -1))  # "la veille au soir": "veille"
    off = next((ANCHOR_DAYS[g] for g in grams if g in ANCHOR_DAYS), None)
    if not off:
        return None
    new = day + timedelta(days=off)
    return _joined(a, b, text, new.isoformat() + a.value[10:], new, a.granularity, b.method)


def _weekday_in_week(w: TimeRef, k: TimeRef, text: str) -> TimeRef | None:
    """"mardi de la semaine prochaine": the weekday ``w`` names, in the ISO week ``k``."""
    day = _one_day(w)
    m = _WEEK.fullmatch(k.value or "")
    if day is None or m is None or w.value is None or not (w.method or "").endswith(":wd"):
        return None
    try:
        new = date.fromisocalendar(int(m.group(1)), int(m.group(2)), day.isoweekday())
    except ValueError:
        return None
    value = new.isoformat() + w.value[10:]  # keeps a part of day ("TEV")
    return _joined(w, k, text, value, new, w.granularity, w.method)


def _joined(a: TimeRef, b: TimeRef, text: str, value: str, day: date,
            granularity: str | None, method: str | None) -> TimeRef:
    s, e = min(a.start, b.start), max(a.end, b.end)
    return TimeRef(
        text=text[s:e], start=s, end=e, sentence=min(a.sentence, b.sentence),
        type="TIME" if "T" in value else "DATE", value=value,
        range_start=day.isoformat(), range_end=day.isoformat(),
        granularity=granularity, method=method, mod=a.mod or b.mod,
    )
