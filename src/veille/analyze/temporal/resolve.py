"""Resolution: one candidate against one possible reference day -> a TimeML value.

One resolver per rule (:data:`RESOLVERS`, keyed by the rule's name). A
resolver reads the candidate's groups, the reference day (None when the
article date is unknown), the document anchor (the last day mentioned, for
"22 h", "le lendemain") and the tense of the governing verb. What a word
means (which month, which offset, last or next) comes from the language
packs through :mod:`veille.analyze.temporal.lexicon`.

Rules worth knowing (also in docs/measured/quality-time.md):
- a month name alone takes the year of the reference, moved one year back
  when the governing verb is in the past and the month is later than the
  reference month, and one year forward in the symmetric future case;
- a day and month without year ("le 21 juin") picks, among the three
  candidate years, the latest on/before the reference in past tense, the
  earliest on/after it in future tense, the closest otherwise;
- a weekday ("vendredi") is the previous/next such day by tense; without a
  tense cue, the closer of the two.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.easter import easter

from veille.analyze.temporal.calendar import (
    Resolved,
    add_months,
    century_res,
    clamp_day,
    day_res,
    decade_res,
    duration_value,
    month_res,
    nth_week_res,
    quarter_res,
    season_res,
    week_res,
    weekday_near,
    weekend_res,
    year_res,
)
from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.fold import fold_same_length
from veille.analyze.temporal.lexicon import (
    ANCHOR_DAYS,
    CALENDAR_UNITS,
    DAY_PARTS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    FREQUENCIES,
    HOLIDAY_OFFSETS,
    MONTHS,
    NOON_WORDS,
    NTH_WEEKDAY_HOLIDAYS,
    ONE_WORDS,
    QUARTERS,
    REFERENCE_PREFIXES,
    REFERENCES,
    RELATIVE_DAY_PARTS,
    RELATIVE_DAYS,
    SEASON_WORDS,
    TIME_PACKS,
    UNITS,
    VAGUE_AMOUNTS,
    WEEKDAYS,
    YEAR_RELATIVES,
    first_day_number,
    merged,
    number_words,
    parse_number,
    sense,
    tw,
)
from veille.analyze.temporal.locale_dates import TAGS as LOCALE_TAGS
from veille.analyze.temporal.locale_dates import resolve_locale
from veille.analyze.temporal.named_days import calendar_date
from veille.lang.time_words import TimeWords

_BACK = ("last", "previous")
_NEAR_DAYS = 62  # two months: a month name this close across the year end is that one
_FAR_DAYS = 183  # half a year
_FORWARD = ("next", "following")
#: relative to the story's own time line, not to the telling ("the following year",
#: "le mois précédent", "the previous Friday")
_NARRATIVE = ("following", "previous")
#: the language's "this" words: "this coming weekend" is the first weekend ahead
_THIS_WORDS = tuple(w for w, m in merged(lambda t: t.relative_senses, TIME_PACKS).items()
                    if m == "this")
_PREVIOUS_DAY_DETERMINERS = frozenset(tw(lambda t: t.previous_day_determiners))
_ANCHORED_WEEKDAY_LEADS = frozenset(tw(lambda t: t.anchored_weekday_leads))
_UNANCHORED = frozenset(tw(lambda t: t.unanchored_determiners))
_PM_PARTS = tw(lambda t: t.pm_part_suffixes)
_LEXICAL_DURATIONS = merged(lambda t: t.lexical_durations, TIME_PACKS)
QUARTER_RELATIVES = merged(lambda t: t.quarter_relatives, TIME_PACKS)
COUNTED_AMOUNTS = merged(lambda t: t.counted_amounts, TIME_PACKS)


@dataclass
class Ctx:
    day: date | None  # one possible reference day (None: unknown)
    anchor: date | None  # last day mentioned, for "22 h", "le lendemain"
    tense: str | None
    language: str  # the text's language code
    words: TimeWords | None  # its pack's time words
    period: Resolved | None = None  # the last period named before (a quarter, a year...)
    story: date | None = None  # start of the last date named by name ("in 1995")
    frame: int | None = None  # the past year the sentence opened with ("In 2008, ...")


def _num(s: str | None, language: str) -> float | None:
    if s is None:
        return None
    f = fold_same_length(s).strip()
    if f in VAGUE_AMOUNTS:
        return None
    if f in COUNTED_AMOUNTS:
        return float(COUNTED_AMOUNTS[f])
    if f in ONE_WORDS:
        return 1.0
    own = number_words(language)
    grouped = f.replace("\u202f", "").replace("\u00a0", "").strip()
    if own is not None and (
        (own.comma_thousands and re.fullmatch(r"\d{1,3}(?:,\d{3})+", grouped))
        or (own.dot_thousands and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", grouped))
    ):
        # "8,000 years ago", "il y a 2.000 ans": a thousands separator, not a decimal mark
        # (parse_number reads both marks as decimal, for "1,5 an" and "2.5 years")
        return float(re.sub(r"[.,]", "", grouped))
    return parse_number(f, language)


#: an untensed month name is read as the closest such month within this many months
_NO_TENSE_MONTHS = 6


def _months_apart(a: date, b: date) -> int:
    return (a.year - b.year) * 12 + a.month - b.month


def pick_year(month: int, dom: int | None, ctx: Ctx, rel: str | None) -> int | None:
    """Year for a day/month without year, by tense or explicit 'dernier/prochain'."""
    if ctx.day is None:
        return None
    if ctx.frame is not None and not rel and ctx.tense in ("past", None):
        # "In 2008, he was arrested in December": the sentence's year (temporal/frame.py)
        return ctx.frame
    ref = ctx.day
    direction = 0
    if rel:
        direction = -1 if sense(rel) in _BACK else 1
    elif ctx.tense == "past":
        direction = -1
    elif ctx.tense == "future":
        direction = 1
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if dom is None:
            key = date(y, month, 1)
            refkey = date(ref.year, ref.month, 1)
        else:
            d = clamp_day(y, month, dom)
            if d is None:
                continue
            key, refkey = d, ref
        cands.append((y, key, refkey))
    if not cands:
        return None
    if direction and not rel and dom is not None and month == ref.month:
        # the tense moves a date by a year only across a month boundary: "was extended
        # to Nov. 16" in a paper of 2 November is this November (a past verb often
        # reports a plan), as HeidelTime's news strategy does
        return ref.year
    if dom is None:
        # months are compared in months: "in April" in an October paper is six months
        # either way, a tie the past wins (news tell what happened: "in Blacksburg in
        # April. He kills 27 students" in a list of past shootings), not 182 vs 183 days
        closest = min(cands, key=lambda c: (abs(_months_apart(c[1], c[2])), c[1] > c[2]))
    else:
        closest = min(cands, key=lambda c: (abs((c[1] - c[2]).days), c[1] > c[2]))
    chosen = None
    if direction < 0:
        past = [c for c in cands if c[1] <= c[2]]
        chosen = max(past, key=lambda c: c[1]) if past else None
    elif direction > 0:
        fut = [c for c in cands if c[1] >= c[2]]
        chosen = min(fut, key=lambda c: c[1]) if fut else None
    if direction:
        if chosen is None:
            return ref.year
        if (not rel and dom is not None and abs((chosen[1] - chosen[2]).days) > _FAR_DAYS
                and abs((closest[1] - closest[2]).days) <= _NEAR_DAYS):
            # "payable Dec. 1" in a paper of November: a verb's tense does not send a
            # day two months away ten months back (news name the year of such a day)
            return closest[0]
        return chosen[0]
    # no tense: the closest occurrence ("December" in a paper of 3 January is the one
    # just gone, "in October" in January too: a month name without a year is within
    # half a year of the telling in news)
    if dom is None and abs(_months_apart(closest[1], closest[2])) > _NO_TENSE_MONTHS:
        return ref.year
    return closest[0]


def two_digit_year(s: str, ctx: Ctx) -> int:
    """'98' in a 1999 article is 1998; '25' in a 2023 article is 2025 (up to 10 years ahead)."""
    yy = int(s.strip("'"))
    ref_year = ctx.day.year if ctx.day else 2000
    y = (ref_year // 100) * 100 + yy
    if y > ref_year + 10:
        y -= 100
    return y


def part_suffix(part: str | None) -> str | None:
    if not part:
        return None
    return DAY_PARTS.get(fold_same_length(part).replace(" ", "-"))


def with_part(d: date, part: str | None) -> Resolved:
    code = part_suffix(part)
    if code is None:
        return day_res(d)
    return Resolved("TIME", f"{d.isoformat()}T{code}", d, d, "day-part")


def day_month(c: Candidate, ctx: Ctx) -> Resolved | None:
    g = c.g
    d1 = first_day_number(g["d1"])
    d2 = int(g["d2"] or 0) if g.get("d2") else None
    mon = MONTHS[(g["mon"] or "").rstrip(".")]
    if g.get("year"):
        ys = g["year"] or ""
        year: int | None = int(ys) if len(ys) == 4 else two_digit_year(ys, ctx)
    elif g.get("yrel") and ctx.day is not None:
        year = ctx.day.year + YEAR_RELATIVES.get(g["yrel"] or "", 0)
    else:
        # a day of a list ("les 3 et 12 septembre") takes the year of the list's last day
        list_day = c.extra.get("year_day")
        year = pick_year(mon, int(list_day) if isinstance(list_day, str) else d1, ctx,
                         g.get("rel"))
        if year is not None and not d2 and not g.get("rel") and g.get("wd"):
            year = _year_of_weekday(year, mon, d1, WEEKDAYS.get(fold_same_length(
                g["wd"] or "").lower()), ctx)
    if year is None:
        if d2:
            return Resolved("DATE", f"XXXX-{mon:02d}-{d1:02d}/XXXX-{mon:02d}-{d2:02d}", None, None, "day")
        return Resolved("DATE", f"XXXX-{mon:02d}-{d1:02d}", None, None, "day")
    start = clamp_day(year, mon, d1)
    if start is None:
        return None
    if d2:
        end = clamp_day(year, mon, d2)
        if end is None or end < start:
            return None
        return Resolved("DATE", f"{start.isoformat()}/{end.isoformat()}", start, end, "day")
    return day_res(start)


#: a weekday disagreeing with a date this close to the telling is a slip, not a year
_WEEKDAY_SLIP_DAYS = 14
#: how many years either way a weekday may send a date: a date comes back to a weekday
#: every 5, 6 or 11 years, and news name recent years ("Monday, Jan. 3" in a paper of
#: February 2018 is no 2011 nor 2022: a slip, its year kept)
_WEEKDAY_YEARS = 6


def _year_of_weekday(year: int, mon: int, dom: int, wd: int | None, ctx: Ctx) -> int:
    """"Monday, August 3" said in a paper of February 2018 is 3 August 2015: the weekday
    names the year the date was on it (2017's 3 August was a Thursday). Galleries, "related
    stories" lists and dated quotations name days years from the paper's; the nearest
    year whose date falls on that weekday, on the side the verb's tense says. A date
    within two weeks of the telling keeps its year (a weekday off by one is a slip)."""
    day = ctx.day
    if day is None or wd is None:
        return year
    d = clamp_day(year, mon, dom)
    if d is None or d.weekday() == wd or abs((d - day).days) <= _WEEKDAY_SLIP_DAYS:
        return year
    options = []
    for y in range(day.year - _WEEKDAY_YEARS, day.year + _WEEKDAY_YEARS + 1):
        o = clamp_day(y, mon, dom)
        if o is None or o.weekday() != wd or o.day != dom:
            continue
        if (ctx.tense == "past" and o > day) or (ctx.tense == "future" and o < day):
            continue
        options.append(o)
    if not options:
        return year
    return min(options, key=lambda o: abs((o - day).days)).year


def month(c: Candidate, ctx: Ctx) -> Resolved | None:
    g = c.g
    mon = MONTHS[(g["mon"] or "").rstrip(".")]
    if c.kind == "month_year":
        ys = g["year"] or ""
        year = int(ys) if len(ys) == 4 else two_digit_year(ys, ctx)
        return month_res(year, mon)
    if ctx.day is None:
        return Resolved("DATE", f"XXXX-{mon:02d}", None, None, "month")
    pre = sense(g.get("pre"))  # "last March"
    relation = pre if pre in ("last", "next", "this") else sense(g.get("rel"))
    if g.get("syear"):  # "in late January of that year": the story's, or none said
        if ctx.story is None:
            return Resolved("DATE", f"XXXX-{mon:02d}", None, None, "month")
        return month_res(ctx.story.year, mon)
    if g.get("yrel"):  # "in June last year"
        y = ctx.day.year + YEAR_RELATIVES.get(g["yrel"] or "", 0)
    elif relation == "this":
        # "this September": the one nearest the telling, by the verb's tense when it says
        # ("takes effect this January" in a December paper is the coming one)
        y = pick_year(mon, None, ctx, None) or ctx.day.year
    elif relation == "last":
        y = ctx.day.year if mon < ctx.day.month else ctx.day.year - 1
    elif relation == "next":
        y = ctx.day.year if mon > ctx.day.month else ctx.day.year + 1
    else:
        y = pick_year(mon, None, ctx, None) or ctx.day.year
    return month_res(y, mon)


def year(c: Candidate, ctx: Ctx) -> Resolved | None:
    return year_res(int(c.g["year"] or 0))


def decade(c: Candidate, ctx: Ctx) -> Resolved | None:
    s = (c.g.get("dec") or c.g.get("dec2") or "").strip("'")
    v = int(s)
    if v < 100:
        ref_year = ctx.day.year if ctx.day else 1999
        v += (ref_year // 100) * 100
        if v > ref_year:
            v -= 100
    r = decade_res(v - v % 10)
    if ctx.words is not None and not ctx.words.decade_x and r.value:
        r = replace(r, value=r.value.rstrip("X"))  # TimeML 1.2: "the 1990s" is "199"
    return r


def _spoken_number(words: str | None, language: str) -> int | None:
    if not words:
        return 0
    n = parse_number(words.replace("-", " ").replace("  ", " "), language)
    return int(n) if n is not None else None


def spoken_year(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'nineteen ninety-six' = 19 * 100 + 96; 'the year two thousand (and one)'."""
    w = ctx.words
    if w is None:
        return None
    if c.g.get("k"):
        base = w.spoken_thousands.get(" ".join((c.g["k"] or "").split()), 0)
        rest = _spoken_number(c.g.get("rest2"), ctx.language)
    else:
        base = 100 * w.spoken_centuries.get(c.g.get("cen") or "", 0)
        rest = _spoken_number(c.g.get("rest"), ctx.language)
    if not base or rest is None or not 0 <= rest < 100:
        return None
    if c.g.get("mon"):
        return month_res(base + rest, MONTHS[c.g["mon"] or ""])
    return year_res(base + rest)


def decade_words(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'the nineties': the century said, else the latest such decade not after the
    reference ('the twenties' in 2023 are the 2020s)."""
    w = ctx.words
    if w is None:
        return None
    tens = w.decade_words.get(c.g.get("decw") or "", 0)
    cen = w.spoken_centuries.get(c.g.get("cen") or "")
    if cen is None:
        ref_year = ctx.day.year if ctx.day else 1999
        start = (ref_year // 100) * 100 + tens * 10
        if start > ref_year:
            start -= 100
    else:
        start = cen * 100 + tens * 10
    return decade(Candidate(c.start, c.end, "decade", {"dec": str(start)}, c.prio), ctx)


def year_ago(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'the year-ago period': as 'a year earlier' (the quarter being reported, a year
    back, when one was named)."""
    return ago(Candidate(c.start, c.end, "ago", {"num2": "1", "unit2": "year"}, c.prio), ctx)


def ended_year(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'for the year ended March 31': how long the reported year is (TimeBank P1Y)."""
    return Resolved("DURATION", "P1Y", None, None, "duration")


_ROMAN = {"i": 1, "v": 5, "x": 10}


def century(c: Candidate, ctx: Ctx) -> Resolved | None:
    s = c.g["cen"] or ""
    if s.isdigit():
        n = int(s)
    else:
        n, prev = 0, 0
        for ch in reversed(s):
            v = _ROMAN[ch]
            n = n - v if v < prev else n + v
            prev = max(prev, v)
    if not 1 <= n <= 21:
        return None
    return century_res(n)


def relative_day(c: Candidate, ctx: Ctx) -> Resolved | None:
    rd = c.g["rd"] or ""
    off = RELATIVE_DAYS[rd]
    part = c.g.get("part") or RELATIVE_DAY_PARTS.get(rd)
    if ctx.day is None:
        return Resolved("TIME" if part else "DATE", None, None, None, "day")
    d = ctx.day + timedelta(days=off)
    if off == 0 and not part and not c.g.get("wd") and c.extra.get("generic"):
        # "Aujourd'hui, la ville a changé": clause-initial and set off by a comma, the
        # generic present (TimeML PRESENT_REF) rather than the publication day
        return Resolved(reference_type(ctx), "PRESENT_REF", d, d, "day")
    return with_part(d, part)


def this_part(c: Candidate, ctx: Ctx) -> Resolved | None:
    if ctx.day is None:
        return None
    if c.g.get("lpart"):  # "la nuit dernière"
        return with_part(ctx.day - timedelta(days=1), c.g["lpart"])
    d = ctx.day - timedelta(days=1) if (c.g.get("det") or "") in _PREVIOUS_DAY_DETERMINERS else ctx.day
    return with_part(d, c.g["part"])


def anchored_day(c: Candidate, ctx: Ctx) -> Resolved | None:
    base = ctx.anchor or ctx.day
    if base is None:
        return None
    an = fold_same_length(c.g.get("an") or "")
    words = an.split()
    if (ctx.words is not None and words[:1] and words[0] in ctx.words.anchor_needs_story
            and ctx.story is None and ctx.anchor == ctx.day):
        return None  # "that day" with no day named before it: which day is not said
    off = ANCHOR_DAYS.get(an, 0)
    if off and ctx.anchor == ctx.day and ctx.story is not None and ctx.day is not None \
            and abs((ctx.story - ctx.day).days) > 7:
        # "In March 1990 the factory was bombed. The next day, ...": only a month or a
        # year far from the paper's was named, not the day it follows
        return Resolved("DATE", "XXXX-XX-XX", None, None, "day")
    # "the next morning", "that night": the key names its part of the day
    part = c.g.get("part") or c.g.get("part2") or (words[-1] if words[-1:] and
                                                  part_suffix(words[-1]) else None)
    return with_part(base + timedelta(days=off), part)


def narrative_base(ctx: Ctx, unit: str) -> date | None:
    """The day the story has reached for "the following <unit>": the last period named
    when it is such a unit ("last year ... the previous year"), else the last date named
    by name ("on May 2, 1995 ... the following year"), else the reference ("next year"
    or "two weeks ago" are the telling's: "le trimestre précédent" after them is too)."""
    p = ctx.period
    if p is not None and p.start is not None and p.granularity == unit:
        return p.start
    return ctx.story or ctx.day


def weekday(c: Candidate, ctx: Ctx) -> Resolved | None:
    wd = WEEKDAYS[c.g["wd"] or ""]
    if ctx.day is None:
        return Resolved("DATE", f"XXXX-WXX-{wd + 1}", None, None, "day")
    rel = sense(c.g.get("rel"))
    art = c.g.get("art") or ""
    lead = sense(art)
    ref = ctx.day
    if c.g.get("dom"):
        # "jeudi 16": the month around the reference where the 16th is a Thursday
        dom = first_day_number(c.g["dom"])
        options = []
        for k in range(-6, 7):
            y, m = add_months(ref.year, ref.month, k)
            d0 = clamp_day(y, m, dom)
            if d0 is not None and d0.weekday() == wd:
                options.append(d0)
        if options:
            return with_part(min(options, key=lambda x: (abs((x - ref).days), x < ref)),
                             c.g.get("part"))
        return None
    if (rel in _NARRATIVE or lead in _NARRATIVE) and ctx.anchor == ref and ctx.story is not None \
            and abs((ctx.story - ref).days) > 7:
        # "In March 1990 the factory was bombed. The following Monday, ...": no day was
        # named, only a month or a year far from the paper's: which Monday is not said
        return Resolved("DATE", f"XXXX-WXX-{wd + 1}", None, None, "day")
    if (rel in _NARRATIVE or lead in _NARRATIVE) and ctx.anchor is not None:
        # "the previous Friday", "le samedi suivant": from the day just named
        d = weekday_near(ctx.anchor, wd, -1 if "previous" in (rel, lead) else 1)
    elif rel in _BACK or lead == "last":
        d = weekday_near(ref, wd, -1)
    elif rel in _FORWARD or lead == "next":
        d = weekday_near(ref, wd, 1)
    elif ref.weekday() == wd and ctx.tense != "future" and sense(art) is None \
            and art not in _ANCHORED_WEEKDAY_LEADS:
        d = ref  # "released on Wednesday morning" in a Wednesday paper: that very day
    elif ctx.anchor is not None and ctx.anchor != ref and abs((ctx.anchor - ref).days) <= 7 and (
        art in _ANCHORED_WEEKDAY_LEADS or c.g.get("part")
    ) and _tense_allows(_closest_weekday(ctx.anchor, wd), ref, ctx.tense):
        # the such day closest to the day just named ("Sunday night ... Monday night"),
        # unless the verb says otherwise ("there was a debate Saturday night" after "the
        # week before Christmas" in a Wednesday paper is not the Saturday after Christmas)
        d = _closest_weekday(ctx.anchor, wd)
    elif ref.weekday() == wd:
        d = ref  # "a déclaré vendredi" in a Friday paper: that very day
    elif ctx.tense == "past":
        d = weekday_near(ref, wd, -1)
    elif ctx.tense == "future":
        d = weekday_near(ref, wd, 1)
    else:
        back, fwd = weekday_near(ref, wd, -1), weekday_near(ref, wd, 1)
        d = back if (ref - back) <= (fwd - ref) else fwd
    return with_part(d, c.g.get("part"))


def _closest_weekday(anchor: date, wd: int) -> date:
    back, fwd = weekday_near(anchor, wd, -1), weekday_near(anchor, wd, 1)
    return anchor if anchor.weekday() == wd else (
        back if (anchor - back) <= (fwd - anchor) else fwd)


def _tense_allows(d: date, ref: date, tense: str | None) -> bool:
    """A day after the telling is no past verb's. (A future verb may take the day before
    the paper's date: copy written the evening before is dated the next morning, "On
    Monday night, the full moon will peak" in a Tuesday paper.)"""
    return not (tense == "past" and d > ref)


def relative_unit(c: Candidate, ctx: Ctx) -> Resolved | None:
    g = c.g
    det = g.get("det")
    rel = g.get("rel")
    if not rel and det in _UNANCHORED and not g.get("ci"):
        return None  # "la semaine" alone is not anchored
    if ctx.day is None:
        return None
    step = 0
    if sense(rel) in _BACK or sense(det) in _BACK:
        step = -1
    elif sense(rel) in _FORWARD or sense(det) in _FORWARD:
        step = 1
    ref = ctx.day
    unit = CALENDAR_UNITS.get(g["unit"] or "", "year")
    if sense(rel) in _NARRATIVE or sense(det) in _NARRATIVE:
        # "the following year", "l'année précédente": the year after / before the one
        # the story is in, not the telling's
        ref = narrative_base(ctx, unit) or ref
    if (det and fold_same_length(det).split()[:1] == ["in"] and ctx.story is not None
            and abs((ctx.story - ref).days) <= 366):
        # "later in the year" after "will launch in June" (2018, in a December 2017
        # paper): the year the story is in, as "earlier this year" is the telling's; a
        # story years away ("in 2007 ... Earlier in the week, Timberlake held") says no
        # week or month of its own: the telling's
        ref = ctx.story
    this_way = (det or "").startswith(_THIS_WORDS)  # "this past", "this coming"
    if unit == "week":
        if this_way and step < 0 and ref.weekday() >= 5:
            step = 0  # "this past week" in a Saturday or Sunday paper: the week ending
        return week_res(ref + timedelta(days=7 * step))
    if unit == "weekend":
        if this_way and ((step > 0 and ref.weekday() < 5) or (step < 0 and ref.weekday() == 6)):
            # "this coming weekend" in a Wednesday paper: the one ahead, not the next;
            # "this past weekend" in a Sunday paper: the one ending
            step = 0
        if step == 0 and ref.weekday() < 5 and (
            ctx.tense == "past"
            # "the weekend" in a Monday or Tuesday paper, no verb saying otherwise: the
            # one just gone (news reports what happened)
            or (sense(det) is None and det and ctx.tense != "future" and ref.weekday() <= 1)
        ):
            step = -1
        return weekend_res(ref + timedelta(days=7 * step))
    if unit == "month":
        y, m = add_months(ref.year, ref.month, step)
        return month_res(y, m)
    if unit == "decade":  # "the last decade": the 1980s in 1998 (TimeML 1.2 "198")
        return decade(Candidate(c.start, c.end, "decade",
                                {"dec": str(ref.year - ref.year % 10 + 10 * step)}, c.prio), ctx)
    if unit == "quarter":
        q = (ref.month - 1) // 3 + step
        y = ref.year + (q // 4)
        return quarter_res(y, q % 4 + 1)
    return year_res(ref.year + step)


def period_part(c: Candidate, ctx: Ctx) -> Resolved | None:
    """The unit it is part of, as 'cette semaine' would give (the mod says which part)."""
    return relative_unit(Candidate(c.start, c.end, "relative_unit",
                                   dict(c.g, det=None, ci=None), c.prio), ctx)


def unit_end(c: Candidate, ctx: Ctx) -> Resolved | None:
    """"by year's end" (the year, mod END); "year-end" the year's last day (TimeBank);
    the one gone when told in the past ("since year-end")."""
    if ctx.day is None:
        return None
    unit = CALENDAR_UNITS.get(c.g.get("unit") or "", "year")
    back = ctx.tense == "past"
    if unit == "month":
        y, m = add_months(ctx.day.year, ctx.day.month, -1 if back else 0)
        if c.g.get("hy"):
            y2, m2 = add_months(y, m, 1)
            return day_res(date(y2, m2, 1) - timedelta(days=1))
        return month_res(y, m)
    y = ctx.day.year - (1 if back else 0)
    return day_res(date(y, 12, 31)) if c.g.get("hy") else year_res(y)


def season(c: Candidate, ctx: Ctx) -> Resolved | None:
    code = SEASON_WORDS[c.g["season"] or ""]
    if c.g.get("year"):
        return season_res(int(c.g["year"] or 0), code)
    if ctx.day is None:
        return Resolved("DATE", f"XXXX-{code}", None, None, "season")
    ref = ctx.day
    rel = sense(c.g.get("rel"))
    det = sense(c.g.get("det"))
    y = ref.year - 1 if code == "WI" and ref.month <= 3 else ref.year
    cur = season_res(y, code)
    assert cur.start is not None and cur.end is not None
    if rel == "last" or det == "last":
        return cur if cur.end < ref else season_res(y - 1, code)
    if rel == "next" or det == "next":
        return cur if cur.start > ref else season_res(y + 1, code)
    if c.g.get("sart") and not (det or rel) and ctx.tense not in ("past", "future"):
        # "the summer" (English): one summer, by the verb's tense (below), else the nearest
        prev, nxt = season_res(y - 1, code), season_res(y + 1, code)
        if cur.start <= ref <= cur.end:
            return cur
        options = [prev, cur, nxt]
        return min(options, key=lambda s: min(abs(((s.start or ref) - ref).days),
                                              abs(((s.end or ref) - ref).days)))
    if not (det or rel):
        # "l'été", "in summer" with no determiner saying which: one summer only when the
        # verb tells of one event (past: the last begun; future: the next not over);
        # a present or habitual clause speaks of summers in general (TimeML XXXX-SU)
        if ctx.tense == "past":
            return cur if cur.start <= ref else season_res(y - 1, code)
        if ctx.tense == "future":
            return cur if cur.end >= ref else season_res(y + 1, code)
        return Resolved("DATE", f"XXXX-{code}", None, None, "season")
    return cur


def duration(c: Candidate, ctx: Ctx) -> Resolved | None:
    g = c.g
    if g.get("someday"):  # "will one day be": when, not how long (someday.py)
        return Resolved(reference_type(ctx), "FUTURE_REF", None, None, None)
    if g.get("ahead_if_future") and ctx.tense == "future" and ctx.day is not None:
        # "the stock would be redeemed in five years" (TimeBank: 1994); "the first title
        # in 108 years" (no future) stays a duration
        return ago(Candidate(c.start, c.end, "ago", dict(g, ahead="1"), c.prio), ctx)
    if "minutes" in g:  # "2h30" read as how long (accept.py)
        m = int(g.get("minutes") or 0)
        return Resolved("DURATION", f"PT{int(g['num'] or 0)}H" + (f"{m}M" if m else ""),
                        None, None, "duration")
    unit = UNITS[fold_same_length(g["unit"] or "")]
    if re.fullmatch(r"1[89]\d\d|20\d\d", (g.get("num") or "").strip()) and unit in ("Q", "Y"):
        # "the 1988 quarter", "the 1989 year": a year naming the period, not 1,988 of them
        y = int((g.get("num") or "").strip())
        if unit == "Y":
            return year_res(y)
        if ctx.period is not None and ctx.period.granularity == "quarter":
            return quarter_res(y, int((ctx.period.value or "Q1")[-1]))  # the quarter being reported
        if ctx.day is not None:  # as "the quarter": the last one completed
            return quarter_res(y, ((ctx.day.month - 1) // 3 - 1) % 4 + 1)
        return Resolved("DATE", f"{y:04d}-QX", date(y, 1, 1), date(y, 12, 31), "year")
    amount = _num(g["num"], ctx.language)
    if amount is not None and (g.get("half") or g.get("frac")):
        amount += 0.5
    if amount is not None and g.get("quarter"):
        amount += 0.25  # "un an et un quart", "two years and a quarter"
    if unit == "SEM":
        unit, amount = "M", (amount * 6 if amount is not None else None)
    if unit == "N":
        unit = "D"
    start, end = _anchored_span(g, unit, amount, ctx.day)
    return Resolved("DURATION", duration_value(amount, unit), start, end, "duration")


#: calendar units a counted stretch up to or from the telling is laid out in (months:
#: the same day n months away; years and their multiples: the same day n years away)
_SPAN_DAYS = {"D": 1, "W": 7}
_SPAN_MONTHS = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}


def _anchored_span(g: dict[str, str | None], unit: str, amount: float | None,
                   day: date | None) -> tuple[date | None, date | None]:
    """"the past three years", "les 2 derniers mois", "the next two weeks": a duration
    that ends or starts at the telling says where it lies (TimeML anchors it there);
    its days, so that a reader (or a scorer) knows the months are the two before, not
    the two after. Sub-day units and uncounted amounts give no days."""
    way = sense(g.get("adj")) or sense(g.get("adj2")) or sense(g.get("adj3"))
    if day is None or amount is None or not float(amount).is_integer() or way not in (
            "last", "next"):
        return None, None
    n = int(amount) * (-1 if way == "last" else 1)
    if unit in _SPAN_DAYS:
        other = day + timedelta(days=n * _SPAN_DAYS[unit])
    elif unit in _SPAN_MONTHS:
        y, m = add_months(day.year, day.month, n * _SPAN_MONTHS[unit])
        if not 1 <= y <= 9999:
            return None, None
        other = date(y, m, min(day.day, monthrange(y, m)[1]))  # 31 May - 3 months: 28 Feb
    else:
        return None, None
    return (other, day) if n < 0 else (day, other)


def ago(c: Candidate, ctx: Ctx) -> Resolved | None:
    unit = UNITS[fold_same_length(c.g.get("unit") or c.g.get("unit2") or "")]
    amount = _num(c.g.get("num") or c.g.get("num2"), ctx.language)
    if ctx.day is None:
        return Resolved("DATE", None, None, None, None)
    ref = ctx.day
    if amount is None:
        return Resolved("DATE", "PAST_REF", None, ref, "unknown")
    n = int(amount)
    if _anaphoric(c, ctx):
        # "the suspect had been arrested two days earlier" (after "said on Monday"), "five
        # years earlier" (after "founded in 1990"): from the time the story has reached,
        # the last day named, or for months and years the last period or date named
        ref = (ctx.anchor or ref) if unit in ("D", "N", "W") else (
            narrative_base(ctx, "month" if unit == "M" else "year") or ref)
    if c.g.get("ahead"):
        n = -n  # "dans trois ans": ahead of the telling, not before it
    if unit in ("D", "N"):
        return day_res(ref - timedelta(days=n))
    if unit == "W":
        # "six weeks ago" is not said to the day: the week it falls in where the language's
        # corpora write so (English TimeML 1999-W47); "a week ago" is a week to the day
        d = ref - timedelta(days=7 * n)
        as_week = ctx.words is not None and ctx.words.weeks_ago_as_week
        return week_res(d) if as_week and n >= 2 else day_res(d)  # ahead: a day
    if unit == "M":
        y, m = add_months(ref.year, ref.month, -n)
        return month_res(y, m)
    if unit == "Y":
        p = ctx.period
        if p is not None and p.granularity == "quarter" and p.value and "-Q" in p.value:
            # "profit rose in the third quarter from $5 million a year earlier": the
            # same quarter, n years before (the period the text compares with)
            py, pq = p.value.split("-Q")
            return quarter_res(int(py) - n, int(pq))
        if ref.year - n < 1:
            # "about 8,000 years ago": before the common era, TimeML's "BC" years
            # (astronomical year 0 is 1 BC); no calendar range
            return Resolved("DATE", f"BC{n - ref.year + 1:04d}", None, None, None)
        return year_res(ref.year - n)
    if unit in ("H", "MIN", "S"):
        # "il y a 48 heures", "72 hours ago": whole days before the telling (its clock time
        # is unknown, so a part of a day stays on its day)
        per_day = {"H": 24, "MIN": 1440, "S": 86400}[unit]
        return day_res(ref - timedelta(days=n // per_day))
    return None


def _anaphoric(c: Candidate, ctx: Ctx) -> bool:
    """An amount before "earlier" (not "ago") counts from the story's time."""
    if ctx.words is None or not ctx.words.anaphoric_suffixes or c.g.get("ahead"):
        return False
    surface = fold_same_length(str(c.extra.get("surface") or "")).rstrip()
    return surface.endswith(ctx.words.anaphoric_suffixes)


def clock(c: Candidate, ctx: Ctx) -> Resolved | None:
    g = c.g
    if g.get("nn"):
        h, mi = NOON_WORDS[g["nn"] or ""], 0
    elif g.get("h2"):
        h, mi = int(g["h2"] or 0), int(g["m2"] or 0)
        ampm = (g.get("ampm") or "").replace(".", "")
        if ((g.get("part") or "").endswith(_PM_PARTS) or ampm == "pm") and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
    else:
        h, mi = int(g["h"] or 0), int(g.get("m") or 0)
        ampm = (g.get("ampm") or "").replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
    if h > 24:
        return None
    base = ctx.anchor or ctx.day
    hhmm = f"T{h:02d}:{mi:02d}" + (f":{g['s2']}" if g.get("s2") else "")
    if base is None:
        return Resolved("TIME", "XXXX-XX-XX" + hhmm, None, None, "minute")
    return Resolved("TIME", base.isoformat() + hhmm, base, base, "minute")


def reference_type(ctx: Ctx) -> str:
    """TimeML type of PRESENT_REF & co: the language's annotation convention."""
    return ctx.words.reference_type if ctx.words is not None else "DATE"


def reference(c: Candidate, ctx: Ctx) -> Resolved | None:
    w = c.g["ref"] or ""
    v = next((val for prefix, val in REFERENCE_PREFIXES.items() if w.startswith(prefix)),
             REFERENCES.get(w, "PRESENT_REF"))
    d = ctx.day
    if v == "PRESENT_REF":
        return Resolved(reference_type(ctx), v, d, d, "day" if d else None)
    return Resolved(reference_type(ctx), v, None, None, None)


def frequency(c: Candidate, ctx: Ctx) -> Resolved | None:
    adj = c.g.get("adj")
    if adj:
        for k, v in FREQUENCIES.items():
            if adj.startswith(k):
                return Resolved("SET", v, None, None, "set")
        return None
    if c.g.get("fmon"):
        return Resolved("SET", f"XXXX-{MONTHS[fold_same_length(c.g['fmon'] or '')]:02d}", None, None,
                        "set")
    if c.g.get("fseason"):
        return Resolved("SET", f"XXXX-{SEASON_WORDS[fold_same_length(c.g['fseason'] or '')]}", None,
                        None, "set")
    if c.g.get("fnum"):
        n = _num(c.g["fnum"], ctx.language)
        fu = UNITS.get(fold_same_length(c.g.get("funit") or ""))
        if n is None or fu is None or not n.is_integer():
            return None
        return Resolved("SET", duration_value(int(n), "D" if fu == "N" else fu), None, None,
                        "set")
    unit = fold_same_length(c.g.get("unit") or c.g.get("wdpl") or "")
    if c.g.get("fpart"):  # "mardis soir": the weekday, its part read below
        unit = unit[: len(unit) - len(c.g["fpart"] or "")].strip()
    wd = WEEKDAYS.get(unit.rstrip("s"))
    if wd is not None:
        part = part_suffix(fold_same_length(c.g.get("fpart") or c.g.get("fpart2") or "")
                           .rstrip("s"))
        return Resolved("SET", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""), None, None,
                        "set")
    code = part_suffix(unit.rstrip("s"))
    if code and unit.rstrip("s") not in UNITS:
        return Resolved("SET", f"T{code}", None, None, "set")
    u = UNITS.get(unit, UNITS.get(unit.rstrip("s"), "D"))
    if u == "N":
        return Resolved("SET", "TNI", None, None, "set")
    return Resolved("SET", duration_value(1, u), None, None, "set")


def holiday_date(hol: str, year: int) -> date | None:
    if hol in FIXED_HOLIDAYS:
        m, d = FIXED_HOLIDAYS[hol]
        return date(year, m, d)
    if hol in EASTER_HOLIDAYS:
        return easter(year) + timedelta(days=EASTER_HOLIDAYS[hol])
    if hol in NTH_WEEKDAY_HOLIDAYS:  # "thanksgiving": the fourth Thursday of November
        m, wd, n = NTH_WEEKDAY_HOLIDAYS[hol]
        first = date(year, m, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    if hol in HOLIDAY_OFFSETS:  # "black friday": the day after Thanksgiving
        base, days = HOLIDAY_OFFSETS[hol]
        day = holiday_date(base, year)
        return day + timedelta(days=days) if day is not None else None
    return calendar_date(hol, year)  # "election day": the packs' calendars


def holiday(c: Candidate, ctx: Ctx) -> Resolved | None:
    hol = c.g["hol"] or ""
    if c.g.get("year"):
        d = holiday_date(hol, int(c.g["year"] or 0))
        return day_res(d) if d else None
    if c.g.get("story_det") and ctx.story is not None:
        # "in 2015, ... that chaotic New Year's Eve": the one of the year the story is in
        d = holiday_date(hol, ctx.story.year)
        return day_res(d) if d else None
    if ctx.day is None:
        return None
    if ctx.frame is not None and not c.g.get("hrel") and ctx.tense in ("past", None):
        # "Two years ago, ... celebrating New Year's Eve": the sentence's year
        d = holiday_date(hol, ctx.frame)
        return day_res(d) if d else None
    cands = [d for y in (ctx.day.year - 1, ctx.day.year, ctx.day.year + 1)
             if (d := holiday_date(hol, y)) is not None]
    if not cands:
        return None
    rel = sense(c.g.get("hrel"))
    if rel == "last":  # "last Thanksgiving": the one before the telling's day
        before = [d for d in cands if d < ctx.day]
        return day_res(max(before)) if before else None
    if rel == "next":
        after = [d for d in cands if d > ctx.day]
        return day_res(min(after)) if after else None
    if rel == "this":  # "this Christmas": the telling's year's
        same = [d for d in cands if d.year == ctx.day.year]
        return day_res(same[0]) if same else None
    if ctx.tense == "past":
        past = [d for d in cands if d <= ctx.day]
        return day_res(max(past)) if past else None
    if ctx.tense == "future":
        fut = [d for d in cands if d >= ctx.day]
        return day_res(min(fut)) if fut else None
    return day_res(min(cands, key=lambda d: abs((d - ctx.day).days)))  # type: ignore[operator]


def long_duration(c: Candidate, ctx: Ctx) -> Resolved | None:
    """"a three-day-long meeting" P3D; "day-long" one day; "decades-long" some decades."""
    word = fold_same_length(c.g.get("unit") or "")
    unit = UNITS[word]
    if c.g.get("num"):
        amount = _num(c.g["num"], ctx.language)
    else:
        amount = None if word.endswith("s") and word[:-1] in UNITS else 1.0
    return Resolved("DURATION", duration_value(amount, unit), None, None, "duration")


def vague_duration(c: Candidate, ctx: Ctx) -> Resolved | None:
    unit = UNITS.get(fold_same_length(c.g.get("unit") or c.g.get("unit2") or c.g.get("unit3")
                                      or ""), "D")
    return Resolved("DURATION", duration_value(None, unit), None, None, "duration")


def quarter(c: Candidate, ctx: Ctx) -> Resolved | None:
    q = QUARTERS.get(c.g["q"] or "", 1)
    if c.g.get("year") or c.g.get("year0"):
        year = int(c.g.get("year") or c.g.get("year0") or 0)
    elif ctx.day is not None:
        year = ctx.day.year
    else:
        return None
    back = QUARTER_RELATIVES.get(fold_same_length(c.g.get("qrel0") or ""), 0)
    year += back  # "the year-ago third quarter"
    if c.g.get("yrel0") and ctx.day is not None:  # "next year's first quarter"
        year = ctx.day.year + YEAR_RELATIVES.get(fold_same_length(c.g["yrel0"] or ""), 0)
    if q == 0:  # "le dernier trimestre": the last one of the year named, or the one before
        if c.g.get("year") or c.g.get("year0") or ctx.day is None:
            return quarter_res(year, 4)
        cur = (ctx.day.month - 1) // 3 + 1
        return quarter_res(year - 1, 4) if cur == 1 else quarter_res(year, cur - 1)
    if (not (c.g.get("year") or c.g.get("year0") or c.g.get("yrel0") or back)
            and ctx.day is not None and ctx.tense == "past" and 3 * q - 2 > ctx.day.month):
        # "profits fell in the fourth quarter" in a January paper: a quarter not yet
        # begun this year, told in the past, is last year's
        year -= 1
    return quarter_res(year, q)


def period_code(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'T3 2019' -> 2019-Q3, '2019-H2' -> 2019-H2; a label word with no year
    ('trimestre1') is this year's, a letter with no year nothing."""
    words = ctx.words
    if words is None:
        return None
    code = fold_same_length(c.g.get("pc") or c.g.get("pc2") or c.g.get("pw") or "").lower()
    unit = words.period_codes.get(code)
    n = int(c.g.get("pn") or c.g.get("pn2") or c.g.get("pwn") or 0)
    if unit is None or n < 1 or (unit == "H" and n > 2):
        return None
    said = c.g.get("year") or c.g.get("year2")
    if said:
        y = int(said)
    elif c.g.get("pw") and ctx.day is not None:
        y = ctx.day.year
    else:
        return None
    if unit == "Q":
        return quarter_res(y, n)
    m1 = 1 if n == 1 else 7
    return Resolved("DATE", f"{y:04d}-H{n}", date(y, m1, 1), date(y, m1 + 5, 30 if n == 1 else 31),
                    "half")


def week_number(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'semaine 10' -> that ISO week of the year said, else of the telling's year."""
    said = c.g.get("year")
    if said:
        y = int(said)
    elif ctx.day is not None:
        y = ctx.day.year
    else:
        return None
    n = int(c.g.get("wk") or 0)
    try:
        return week_res(date.fromisocalendar(y, n, 1))
    except ValueError:
        return None  # "semaine 53" of a year with 52


def month_week(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'la dernière semaine de juillet': that ISO week of the month the month rule reads."""
    words = ctx.words
    n = words.week_ordinals.get(fold_same_length(c.g.get("wn") or ""), 0) if words else 0
    mon = c.g.get("mon")
    if mon:
        m = month_res(int(c.g["year"] or 0), MONTHS[mon]) if c.g.get("year") else month(c, ctx)
    elif c.g.get("wyear"):
        m = year_res(int(c.g["wyear"] or 0))
    elif ctx.day is None:
        return None
    else:
        m = year_res(ctx.day.year + YEAR_RELATIVES.get(fold_same_length(c.g.get("yrel") or ""), 0))
    if n == 0 or m is None or m.start is None or m.end is None:
        return None
    return nth_week_res(m.start, m.end, n)


def nth_weekday(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'le premier lundi de septembre': that day of the month the month rule reads;
    'le dernier dimanche du mois prochain': of the month the relative says."""
    words = ctx.words
    n = words.weekday_ordinals.get(fold_same_length(c.g.get("wn") or "").lower(), 0) if words else 0
    wd = WEEKDAYS[c.g["wd"] or ""]
    if c.g.get("mon"):
        mon = MONTHS[c.g["mon"] or ""]
        m = month_res(int(c.g["year"] or 0), mon) if c.g.get("year") else month(c, ctx)
    elif ctx.day is None:
        return None
    else:
        mrel = sense(c.g.get("mrel"))
        base = ctx.anchor if mrel in _NARRATIVE and ctx.anchor is not None else ctx.day
        step = -1 if mrel in _BACK else 1 if mrel in _FORWARD else 0
        m = month_res(*add_months(base.year, base.month, step))
    if n == 0 or m is None or m.start is None or m.end is None:
        return None
    if n > 0:
        d = m.start + timedelta(days=(wd - m.start.weekday()) % 7 + 7 * (n - 1))
    else:
        d = m.end - timedelta(days=(m.end.weekday() - wd) % 7)
    if not m.start <= d <= m.end:
        return None  # "le cinquième lundi" of a month with four
    return with_part(d, c.g.get("part"))


def half(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'the first half of 1990' -> 1990-H1 (TimeML)."""
    words = ctx.words
    n = words.halves.get(fold_same_length(c.g.get("hn") or ""), 1) if words is not None else 1
    if not (c.g.get("year") or c.g.get("yrel") or c.g.get("yrel0") or c.g.get("theyear")):
        return None  # "the second half" alone: of a match, a film, a season
    if c.g.get("year"):
        y = int(c.g["year"] or 0)
    elif ctx.day is None:
        return None
    else:
        rel = c.g.get("yrel0") or c.g.get("yrel")
        y = ctx.day.year + (YEAR_RELATIVES.get(fold_same_length(rel), 0) if rel else 0)
    m1 = 1 if n == 1 else 7
    return Resolved("DATE", f"{y:04d}-H{n}", date(y, m1, 1), date(y, m1 + 5, 30 if n == 1 else 31),
                    "half")


def relative_quarter(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'the quarter': the one being reported, the last completed (the current one when
    the verb is future); 'the year-ago quarter' the same one a year before."""
    if c.g.get("prel") or c.g.get("pyear"):
        return _report_period(c, ctx)
    if ctx.day is None:
        return None
    words = ctx.words
    qrel = fold_same_length(c.g.get("qrel") or "")
    back = words.quarter_relatives.get(qrel, 0) if words is not None else 0
    q = (ctx.day.month - 1) // 3  # 0-based current quarter
    if ctx.tense != "future" and sense(qrel) != "this":
        q -= 1
    y = ctx.day.year + q // 4 + back
    return quarter_res(y, q % 4 + 1)


def _report_period(c: Candidate, ctx: Ctx) -> Resolved | None:
    """'the latest period' is the quarter named before it (an earnings report's), 'the 1988
    period' that quarter in 1988; with no quarter named, the year alone (or nothing)."""
    p = ctx.period
    quarter = (p is not None and p.granularity == "quarter" and p.value is not None
               and re.fullmatch(r"\d{4}-Q[1-4]", p.value) is not None)
    year_s = c.g.get("pyear")
    if not quarter or p is None or p.value is None:
        return year_res(int(year_s)) if year_s else None
    if not year_s:
        return p
    return quarter_res(int(year_s), int(p.value[-1]))


def whole_unit(c: Candidate, ctx: Ctx) -> Resolved | None:
    """"toute la journée", "tout le mois": one whole unit, how long (P1D, P1M)."""
    unit = UNITS.get(fold_same_length(c.g.get("unit") or ""), "D")
    return Resolved("DURATION", duration_value(1, unit), None, None, "duration")


def day_only(c: Candidate, ctx: Ctx) -> Resolved | None:
    """"le 23": that day of the reference's month, or of the month before / after when
    the tense (or "dernier"/"prochain") points there and the day is already gone / to come."""
    d = first_day_number(c.g["d1"])
    if ctx.day is None:
        return Resolved("DATE", f"XXXX-XX-{d:02d}", None, None, "day")
    ref = ctx.day
    if c.g.get("munit"):
        # "le 15 du mois prochain", "le 3 du mois précédent" (from the month just told)
        mrel = sense(c.g.get("mrel"))
        base = ctx.anchor if mrel in _NARRATIVE and ctx.anchor is not None else ref
        step = -1 if mrel in _BACK else 1 if mrel in _FORWARD else 0
        day = clamp_day(*add_months(base.year, base.month, step), d)
        return day_res(day) if day is not None else None
    direction = 0
    if c.g.get("rel"):
        direction = -1 if sense(c.g["rel"]) in _BACK else 1
    elif ctx.tense == "past":
        direction = -1
    elif ctx.tense == "future":
        direction = 1
    days = [x for k in (-1, 0, 1) if (x := clamp_day(*add_months(ref.year, ref.month, k), d))]
    if direction < 0:
        days = [x for x in days if x <= ref]
    elif direction > 0:
        days = [x for x in days if x >= ref]
    if not days:
        return None
    near = ctx.anchor if direction == 0 and ctx.anchor is not None else ref  # "le 21 et le 23"
    return day_res(min(days, key=lambda x: (abs((x - near).days), x > near)))


def day_month_numeric(c: Candidate, ctx: Ctx) -> Resolved | None:
    d, m = int(c.g["d"] or 0), int(c.g["m"] or 0)
    if not (1 <= d <= 31 and 1 <= m <= 12):
        return None
    year = pick_year(m, d, ctx, None)
    if year is None:
        return Resolved("DATE", f"XXXX-{m:02d}-{d:02d}", None, None, "day")
    if c.g.get("wd"):
        # "vendredi 12/05": the year around the telling whose 12 May is a Friday, if any
        wd = WEEKDAYS[c.g["wd"] or ""]
        named = [y for y in (year, year - 1, year + 1)
                 if (x := clamp_day(y, m, d)) is not None and x.weekday() == wd]
        year = named[0] if named else year
    day = clamp_day(year, m, d)
    if day is None:  # 29/2 outside a leap year: the closest leap year around the reference
        for y in (year, year - 1, year + 1, year - 2, year + 2, year - 3, year + 3):
            if clamp_day(y, m, d):
                return day_res(date(y, m, d))
        return None
    return day_res(day)


def part_of_day(c: Candidate, ctx: Ctx) -> Resolved | None:
    if c.g.get("wd"):
        # "la nuit de samedi à dimanche": the night that starts on the first day named
        r = weekday(Candidate(c.start, c.end, "weekday", {"wd": c.g["wd"]}, c.prio), ctx)
        if r is None or r.start is None:
            return r
        return with_part(r.start, c.g.get("part"))
    base = ctx.anchor or ctx.day
    if base is None:
        return None
    return with_part(base, c.g.get("part"))


def per_unit(c: Candidate, ctx: Ctx) -> Resolved | None:
    u = UNITS[fold_same_length(c.g["unit"] or "")]
    if u == "SEM":
        return Resolved("SET", "P6M", None, None, "set")
    return Resolved("SET", duration_value(1, u), None, None, "set")


def lexical_duration(c: Candidate, ctx: Ctx) -> Resolved | None:
    years = _LEXICAL_DURATIONS.get(c.g["lex"] or "")
    return Resolved("DURATION", duration_value(years, "Y"), None, None, "duration")


def numeric_date(c: Candidate, ctx: Ctx) -> Resolved | None:
    import dateparser  # handles day/month order per language well; heavy (start-up time)

    raw = c.extra.get("surface")
    assert isinstance(raw, str)
    words = ctx.words
    slash_order = words.slash_date_order if words is not None else "DMY"
    order = slash_order if "/" in raw else ("YMD" if re.search(r"\d{4}-", raw) else "DMY")
    languages = [words.dateparser_language] if words and words.dateparser_language else None
    parsed = dateparser.parse(
        raw, languages=languages, settings={"STRICT_PARSING": True, "DATE_ORDER": order}
    )
    if parsed is None:
        return None
    return day_res(parsed.date())


def locale_date(c: Candidate, ctx: Ctx) -> Resolved | None:
    """Dates of a language with no grammar (dateparser's locale words, see locale_dates)."""
    period = (ctx.period.start, ctx.period.granularity or "") if ctx.period is not None \
        and ctx.period.start is not None else None
    return resolve_locale(c, ctx.day, lambda mon, dom: pick_year(mon, dom, ctx, None), ctx.tense,
                          ctx.anchor, period)


RESOLVERS: dict[str, Callable[[Candidate, Ctx], Resolved | None]] = {
    "day_month": day_month, "month_day": day_month, "month_year": month, "month": month,
    "half": half, "year": year, "decade": decade, "century": century, "relative_day": relative_day,
    "this_part": this_part, "anchored_day": anchored_day, "weekday": weekday,
    "relative_unit": relative_unit, "period_part": period_part, "season": season,
    "duration": duration, "long_duration": long_duration, "ago": ago, "clock": clock,
    "clock_ampm": clock, "noon": clock,
    "reference": reference, "frequency": frequency, "numeric_date": numeric_date,
    "part_of_day": part_of_day, "per_unit": per_unit, "lexical_duration": lexical_duration,
    "day_month_numeric": day_month_numeric, "holiday": holiday, "day_only": day_only,
    "whole_unit": whole_unit,
    "period_part_short": period_part, "vague_duration": vague_duration, "quarter": quarter,
    "unit_end": unit_end,
    "relative_quarter": relative_quarter, "spoken_year": spoken_year, "month_week": month_week,
    "nth_weekday": nth_weekday, "period_code": period_code, "week_number": week_number,
    "decade_words": decade_words, "year_ago": year_ago, "ended_year": ended_year,
    **{kind: locale_date for kind in LOCALE_TAGS},
}  # fmt: skip

#: kinds resolved by the tense of the governing verb
NEEDS_TENSE = {"day_only", "day_month", "month_day", "month", "relative_day", "weekday",
               "relative_unit",
               "season", "day_month_numeric", "holiday", "relative_quarter", "locale_weekday",
               "locale_day_month", "locale_month", "duration", "quarter", "unit_end",
               "month_week", "nth_weekday"}
#: kinds whose resolver reads only the candidate and the language, never the day
DAY_FREE_KINDS = {"year", "locale_year", "century", "duration", "long_duration", "frequency",
                  "ended_year",
                  "per_unit", "lexical_duration",
                  "vague_duration", "numeric_date"}


def day_free(c: Candidate) -> bool:
    if c.kind == "duration" and c.g.get("ahead_if_future"):
        return False  # "will be redeemed in five years": a point after the reference
    if c.kind == "duration" and any(sense(c.g.get(k)) in ("last", "next")
                                    for k in ("adj", "adj2", "adj3")):
        return False  # "the past three years": its days count from each reference day
    if c.kind in DAY_FREE_KINDS:
        return True
    # a 4-digit year written out: day_month / month never look at the reference day
    return c.kind in ("day_month", "month_day", "month_year") and len(c.g.get("year") or "") == 4
