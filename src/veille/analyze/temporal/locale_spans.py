"""Durations, clock times, parts of the day and "now" in languages with no time grammar.

:mod:`locale_dates` gives German, Spanish, Italian, Portuguese, Dutch, Polish
and Russian their calendar dates; this module gives them the rest of what a
reader marks as a time: "neun Jahre", "zwei Minuten und elf Sekunden", "12
años", "da 34 anni" (durations), "17.45 Uhr", "a las 10", "alle 15"
(clocks), "Montagabend", "am Abend", "por la noche" (parts of the day),
"jetzt", "ahora", "derzeit" (the present).

Where the words come from: the time units ("Jahre", "años", "anni"), the
words for "now" and for "this / last / next year" are dateparser's locale
data (the library's own locale files); spelled numbers are read by text2num
("zwei", "veinticinco", "trentaquattro"); what neither says (the words that
lead a clock or a part of the day, the few present-time adverbs, how an age
is written) is in :mod:`veille.lang.time_locales`. Values follow TimeML as
the grammars' do (P9Y, PT2M11S, XXXX-XX-XXTEV, PRESENT_REF).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from veille.analyze.temporal.calendar import (
    Resolved,
    add_months,
    day_res,
    duration_value,
    month_res,
    nearest_weekday,
    week_res,
    year_res,
)
from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.lexicon import alt
from veille.analyze.temporal.locale_words import span_words as _locale
from veille.analyze.temporal.locale_words import weekday_words
from veille.lang.time_locales import LocaleTime, locale_time

#: the method tags of the kinds below (``TimeRef.method == "dateparser:<tag>"``)
TAGS = {"locale_duration": "dur", "locale_clock": "clock", "locale_part": "part",
        "locale_now": "now", "locale_relative_unit": "relu", "locale_ago": "ago"}

_ORDER = ("Y", "M", "W", "D", "H", "MIN", "S")
#: a number as digits, with a thousands mark ("3.000") or a decimal ("1,5")
_DIGITS = r"\d{1,3}(?:[.\u00a0]\d{3})+|\d+(?:[.,]\d+)?"


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """The lexicon's longest-first alternatives, an apostrophe matching both its
    forms ("quest'anno", "quest’anno")."""
    return alt(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))


class _Checks(NamedTuple):
    """The context tests of a language's spans, compiled once (None: the pack
    says nothing, so the test never applies)."""

    every: re.Pattern[str] | None  # "ogni" before a duration
    one_lead: re.Pattern[str] | None  # "durante" before "un año"
    one_follow: re.Pattern[str] | None  # "después" after it
    age_after: re.Pattern[str] | None
    age_before: re.Pattern[str] | None
    age_noun: re.Pattern[str] | None
    age_of: re.Pattern[str] | None
    clock_word_after: re.Pattern[str]
    now_blocked: re.Pattern[str] | None


@lru_cache(maxsize=16)
def _checks(code: str) -> _Checks:
    lt = locale_time(code)
    assert lt is not None

    def rx(words: tuple[str, ...], pattern: str) -> re.Pattern[str] | None:
        return re.compile(pattern.format(_alt(words)), re.IGNORECASE) if words else None

    return _Checks(
        every=rx(lt.every_words, r"(?<!\w){}\s+$"),
        one_lead=rx(lt.one_leads, r"(?<!\w){}\s+$"),
        one_follow=rx(lt.one_follows, r"^\s*{}(?!\w)"),
        age_after=rx(lt.age_after, r"^\s*{}(?!\w)"),
        age_before=rx(lt.age_before, r"(?<!\w){}\s*$"),
        age_noun=rx(lt.age_nouns, r"(?<!\w){}(?!\w)(?:\W+\w+){{0,4}}\W*$"),
        age_of=(re.compile(rf"(?P<w>[^\W\d_]+)[\s,]+{_alt(lt.age_of)}\s*$")
                if lt.age_of else None),
        clock_word_after=re.compile(rf"^\s+{_alt(lt.clock_units)}(?!\w)", re.IGNORECASE),
        now_blocked=re.compile(lt.now_not_after, re.IGNORECASE) if lt.now_not_after else None,
    )


def _number(word: str, lt: LocaleTime) -> float | None:
    """The amount a number word or figure says, or None."""
    w = word.lower()
    if w in lt.one_words:
        return 1.0
    if w[:1].isdigit():
        if re.fullmatch(r"\d{1,3}(?:[.\u00a0]\d{3})+", w):
            return float(re.sub(r"\D", "", w))
        return float(w.replace(",", "."))
    if lt.code not in _TEXT2NUM:
        return None
    from text_to_num import text2num  # lazy: only texts in these languages need it

    try:
        n = float(text2num(w, lt.code))
    except ValueError:
        return None
    # text2num reads "unos" / "unas" ("some") as one: only the language's own
    # words for one count one
    return None if n == 1 else n


#: the languages text2num reads spelled numbers in
_TEXT2NUM = frozenset({"de", "es", "it", "pt", "nl", "fr", "en"})


@lru_cache(maxsize=16)
def _rules(code: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    lt = locale_time(code)
    assert lt is not None
    words = _locale(code)
    units, now, rel = words.units, words.now, words.relative
    b, e = r"(?<!\w)", r"(?!\w)"
    num = rf"(?:{_DIGITS}|[^\W\d_]+['’]?)"  # a figure or one word (checked by _number)
    unit = _alt(list(units))
    def one(i: int) -> str:
        return rf"(?P<n{i}>{num})\s+(?P<u{i}>{unit}){e}"

    joiner = _alt(lt.list_joiners) if lt.list_joiners else "(?!)"
    duration = (rf"{b}{one(1)}(?:\s+{joiner}\s+{one(2)})?"
                rf"|{b}(?P<lo>\d+)\s*[-–]\s*(?P<n3>\d+)\s+(?P<u3>{unit}){e}")
    out: list[tuple[str, re.Pattern[str]]] = []
    if lt.age_before or lt.age_of:
        # only where the pack says how an age is written: "45 anos" in a language
        # without would be a duration of every person's age
        out.append(("locale_duration", re.compile(duration, re.IGNORECASE)))
    hh = r"(?P<h>[012]?\d)(?:[.:h](?P<mi>[0-5]\d))?"
    ampm = r"(?:\s*(?P<ap>[ap])\.?\s?m\.?(?!\w))?"
    tail = rf"(?:\s*{_alt(lt.clock_units)}{e})?" if lt.clock_units else ""
    # a clock after its lead ("a las 10", "alle 15.30"), one with minutes before a
    # clock word ("18:30 horas"), or an hour alone before one where the word is
    # only said of clocks ("17 Uhr"); "6:00 p.m." anywhere
    clock = [rf"{b}(?P<h2>[012]?\d)[:.](?P<mi2>[0-5]\d)\s?(?P<ap2>[ap])\.\s?m\."]
    if lt.clock_leads:
        clock.append(rf"{b}{_alt(lt.clock_leads)}\s+{hh}{ampm}{tail}(?![\d.,:]\d|\w)")
    if lt.clock_units:
        alone = "?" if lt.clock_unit_alone else ""
        clock.append(rf"{b}(?P<h3>[012]?\d)(?:[.:h](?P<mi3>[0-5]\d)){alone}\s*"
                     rf"{_alt(lt.clock_units)}{e}")
    out.append(("locale_clock", re.compile("|".join(clock), re.IGNORECASE)))
    if lt.day_parts:
        part = _alt(list(lt.day_parts))
        forms = [rf"{b}(?:{_alt(lt.part_leads)})\s+(?P<part>{part}){e}"] if lt.part_leads else []
        wd = _alt(list(weekday_words(code)))
        if lt.weekday_part_compounds:  # "Montagabend"
            forms.append(rf"{b}(?P<wd>{wd})(?P<part2>{part}){e}")
        else:  # "martedì sera", "el lunes por la noche"
            lead = rf"(?:{_alt(lt.part_leads)}\s+)?" if lt.part_leads else ""
            forms.insert(0, rf"{b}(?P<wd>{wd})\s+{lead}(?P<part2>{part}){e}")
        if forms:
            out.append(("locale_part", re.compile("|".join(forms), re.IGNORECASE)))
    now_words = [*now, *lt.now_words]
    if now_words:
        out.append(("locale_now", re.compile(rf"{b}(?P<now>{_alt(now_words)}){e}",
                                             re.IGNORECASE)))
    if rel:
        out.append(("locale_relative_unit",
                    re.compile(rf"{b}(?P<rel>{_alt(list(rel))}){e}", re.IGNORECASE)))
    if words.ago_before or words.ago_after:
        n_unit = rf"(?P<n>{num})\s+(?P<u>{unit})"
        fill = rf"(?:{_alt(lt.ago_fillers)}\s+)?" if lt.ago_fillers else ""
        forms = [rf"{b}{_alt(words.ago_before)}\s+{fill}{n_unit}{e}"] if words.ago_before else []
        if words.ago_after:
            forms.append(rf"{b}{n_unit}\s+{_alt(words.ago_after)}{e}")
        out.append(("locale_ago", re.compile("|".join(forms), re.IGNORECASE)))
    return tuple(out)


def span_candidates(text: str, lt: LocaleTime) -> list[Candidate]:
    """Every match of the rules above that reads as a time (overlaps included)."""
    out: list[Candidate] = []
    units = _locale(lt.code).units
    checks = _checks(lt.code)
    for kind, rx in _rules(lt.code):
        for m in rx.finditer(text):
            g: dict[str, str | None] = dict(m.groupdict(), lang=lt.code)
            s, e = m.span()
            before, after = text[max(0, s - 40):s], text[e:e + 30]
            if kind == "locale_duration":
                if g.get("lo") is None and not _durations_read(g, lt, units):
                    continue
                if (g.get("n1") or "").lower() in lt.one_words \
                        and not _one_counts(before, after, checks):
                    continue  # "no ha sido un año fácil": a year, not how long
                if checks.every is not None and checks.every.search(before):
                    g["every"] = "1"
                if _is_age(g, before, after, checks, units, lt):
                    continue
            elif kind == "locale_ago":
                if _number(g.get("n") or "", lt) is None:
                    continue
            elif kind == "locale_clock":
                if int(_clock_part(g, "h") or 99) > 24:
                    continue
                if g.get("h") is not None and g.get("mi") is None and not g.get("ap") \
                        and re.match(r"^\s+[^\W\d_]", after) \
                        and not checks.clock_word_after.match(after):
                    continue  # "alle 3 squadre": "to the three teams", no clock
            elif kind == "locale_now" and checks.now_blocked is not None \
                    and checks.now_blocked.search(before):
                continue  # "un'ora": an hour, not "now"
            prio = {"locale_ago": 1, "locale_clock": 2, "locale_part": 2}.get(kind, 3)
            out.append(Candidate(s, e, kind, g, prio))
    return out


def _clock_part(g: dict[str, str | None], name: str) -> str | None:
    """The hour (``h``) or minutes (``mi``) of whichever clock form matched."""
    return g.get(name) or g.get(f"{name}2") or g.get(f"{name}3")


def _one_counts(before: str, after: str, checks: _Checks) -> bool:
    """"un año" is a length of time after a word that measures one ("durante casi un
    año", "noch ungefähr eine Minute", "después de un mes") or before one that says
    it passed ("un día después"); elsewhere it is a year, a day ("un año fácil")."""
    if checks.one_lead is not None and checks.one_lead.search(before):
        return True
    return bool(checks.one_follow is not None and checks.one_follow.match(after))


def _durations_read(g: dict[str, str | None], lt: LocaleTime, units: dict[str, str]) -> bool:
    """Each amount of a duration is a number ("zwei", "12", "eine"); the second unit is
    smaller than the first ("zwei Minuten und elf Sekunden", not "drei Jahre und zwei")."""
    if _number(g.get("n1") or "", lt) is None:
        return False
    if g.get("n2") is not None:
        if _number(g.get("n2") or "", lt) is None:
            return False
        u1, u2 = units[(g.get("u1") or "").lower()], units[(g.get("u2") or "").lower()]
        if _ORDER.index(u2) <= _ORDER.index(u1):
            return False
    return True


def _is_age(g: dict[str, str | None], before: str, after: str, checks: _Checks,
            units: dict[str, str], lt: LocaleTime) -> bool:
    """"tiene 31 años", "Billy Enríquez de 41 años", "l'uomo di 70 anni", "Poppy, 17
    anni," are ages: they describe a person, not the time of an event."""
    u = units.get((g.get("u1") or g.get("u3") or "").lower())
    if u != "Y" or checks.age_before is None and checks.age_after is None:
        return False
    if checks.age_after is not None and checks.age_after.match(after):
        return True
    if checks.age_before is not None and checks.age_before.search(before):
        return True
    if checks.age_noun is not None and checks.age_noun.search(before):
        return True  # "di età pari o superiore a 65 anni": the age noun a few words before
    if re.search(r"[A-ZÀ-Þ][\w'-]*,\s*$", before) and re.match(r"^\s*[,)]", after):
        return True  # "Poppy, 17 anni,": an apposition after a name
    if checks.age_of is not None:
        m = checks.age_of.search(before)
        if m and m.group("w").lower() not in lt.age_of_not_after:
            # "de 41 años" after a name or a noun; "más de 12 años", "después de un mes"
            # are durations
            return True
    return False


def resolve_span(c: Candidate, day: date | None, anchor: date | None) -> Resolved | None:
    """``day``: the reference day (or None); ``anchor``: the day the text named last."""
    lt = locale_time(c.g.get("lang"))
    if lt is None:
        return None
    words = _locale(lt.code)
    units, rel = words.units, words.relative
    g = c.g
    if c.kind == "locale_duration":
        if g.get("lo") is not None:
            return Resolved("DURATION", None, None, None, "duration")  # "3-4 anni"
        u1 = units[(g.get("u1") or "").lower()]
        value = duration_value(_number(g.get("n1") or "", lt), u1)
        if g.get("n2") is not None:
            u2 = units[(g.get("u2") or "").lower()]
            second = duration_value(_number(g.get("n2") or "", lt), u2)
            # "PT2M" + "PT11S" -> "PT2M11S"; "P1Y" + "P6M" -> "P1Y6M"; "P2D" + "PT3H"
            tail = second[2:] if second.startswith("PT") and "T" in value else second[1:]
            value += tail
        if g.get("every"):  # "ogni sei minuti", "cada dos semanas": how often
            return Resolved("SET", value, None, None, "set")
        return Resolved("DURATION", value, None, None, "duration")
    if c.kind == "locale_clock":
        h = int(_clock_part(g, "h") or 0)
        mi = int(_clock_part(g, "mi") or 0)
        if (g.get("ap") or g.get("ap2") or "").lower() == "a" and h == 12:
            h = 0  # "12:16 a.m.": sixteen past midnight
        elif (g.get("ap") or g.get("ap2") or "").lower() == "p" and h < 12:
            h += 12
        if h == 24 and mi == 0:
            h = 0
        if h > 23:
            return None
        suffix = f"T{h:02d}:{mi:02d}"
        base = anchor or day
        if base is None:
            return Resolved("TIME", f"XXXX-XX-XX{suffix}", None, None, "time")
        return day_res(base, "TIME", suffix)
    if c.kind == "locale_part":
        word = (g.get("part") or g.get("part2") or "").lower()
        code = lt.day_parts.get(word)
        if code is None:
            return None
        base = anchor or day
        if g.get("wd"):
            wd = weekday_words(lt.code)[(g.get("wd") or "").lower()]
            if day is None:
                return Resolved("TIME", f"XXXX-WXX-{wd + 1}T{code}", None, None, "day-part")
            base = nearest_weekday(day, wd)
        if base is None:
            return Resolved("TIME", f"XXXX-XX-XXT{code}", None, None, "day-part")
        return Resolved("TIME", f"{base.isoformat()}T{code}", base, base, "day-part")
    if c.kind == "locale_now":
        return Resolved("DATE", "PRESENT_REF", day, day, "day" if day else None)
    if day is None:
        return None
    if c.kind == "locale_relative_unit":
        off, unit = rel[(g.get("rel") or "").lower().replace("’", "'")]
        return _shifted(day, off, unit)
    if c.kind == "locale_ago":
        n = _number(g.get("n") or "", lt)
        u = units[(g.get("u") or "").lower()]
        if n is None or not n.is_integer() or u in ("H", "MIN", "S"):
            return None
        unit = {"Y": "year", "M": "month", "W": "week", "D": "day"}[u]
        return _shifted(day, -int(n), unit)
    return None


def _shifted(day: date, off: int, unit: str) -> Resolved | None:
    """The year, month, week (or, for "vor 3 Tagen", the day) ``off`` units from ``day``."""
    if unit == "year":
        return year_res(day.year + off)
    if unit == "month":
        y, m = add_months(day.year, day.month, off)
        return month_res(y, m)
    if unit == "week":
        return week_res(day + timedelta(days=7 * off))
    if unit == "day":
        return day_res(day + timedelta(days=off))
    return None
