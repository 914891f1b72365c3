"""What dateparser's locale files say about time, read once per language.

dateparser ships, for 200+ locales, the month and weekday names, the time
units with their plural forms, and the words of relative dates ("gestern",
"letztes Jahr", "hace", "fa"). The date and span rules of the languages with
no grammar of their own (:mod:`locale_dates`, :mod:`locale_spans`) take
their words from here, lower case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.lang.time_locales import locale_time

_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
_RELATIVE_DAY = re.compile(r"^(?:(?P<back>\d+) day ago|in (?P<fwd>\d+) day)$")
#: dateparser's unit keys -> TimeML unit codes (calendar.duration_value)
_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "MIN",
          "second": "S"}
_RELATIVE = re.compile(r"^(?:(?P<back>\d+) (?P<u1>year|month|week) ago|in (?P<fwd>\d+) "
                       r"(?P<u2>year|month|week))$")
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _info(code: str) -> dict[str, Any]:
    # lazy: dateparser's locale loader is heavy, and only texts in these languages need it
    from dateparser.languages.loader import default_loader

    info: dict[str, Any] = default_loader.get_locale(code).info
    return info


@lru_cache(maxsize=16)
def dates_words(code: str) -> tuple[dict[str, int], dict[str, int]]:
    """(month word -> month, relative-day word -> day offset), lower case, from dateparser."""
    info = _info(code)
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
def weekday_words(code: str) -> dict[str, int]:
    """Weekday full names (each day's longest word in dateparser's locale) -> 0..6."""
    info = _info(code)
    out: dict[str, int] = {}
    for i, key in enumerate(_WEEKDAY_KEYS):
        words = [w.lower() for w in info.get(key, []) if len(w) >= 4]
        if words:
            out[max(words, key=len)] = i
    return out


@dataclass(frozen=True)
class SpanWords:
    """A language's words for time spans, from its dateparser locale file."""

    units: dict[str, str]  # unit word -> TimeML unit code ("jahre" -> "Y")
    now: frozenset[str]  # "jetzt", "ahora"
    relative: dict[str, tuple[int, str]]  # "letztes jahr" -> (-1, "year")
    ago_before: tuple[str, ...]  # "vor 3 Tagen", "hace 3 días"
    ago_after: tuple[str, ...]  # "3 giorni fa", "3 dagen geleden"


@lru_cache(maxsize=16)
def span_words(code: str) -> SpanWords:
    """The unit, "now", relative-unit and "ago" words of ``code``, lower case. Whether
    "ago" comes before the amount or after it is read off dateparser's own pattern
    for "N days ago" ("vor (\\d+) tag", "(\\d+) g fa")."""
    info = _info(code)
    units: dict[str, str] = {}
    for key, unit in _UNITS.items():
        for w in info.get(key, []):
            if len(w) >= 3:  # "j", "m", "a", "d": abbreviations that are words of their own
                units.setdefault(w.lower().rstrip("."), unit)
    now: set[str] = set()
    rel: dict[str, tuple[int, str]] = {}
    for key, words in info.get("relative-type", {}).items():
        if key == "0 second ago":
            now.update(w.lower() for w in words)
            continue
        m = _RELATIVE.match(key)
        if m is None:
            continue
        off = -int(m.group("back")) if m.group("back") else int(m.group("fwd"))
        for w in words:
            rel.setdefault(w.lower(), (off, m.group("u1") or m.group("u2")))
    # CLDR's full unit words beside dateparser's: decades, centuries and quarters
    # ("Jahrzehnte", "secoli", "tre trimestri"), which dateparser does not name
    forms = unit_forms(code)
    lt = locale_time(code)
    endings = lt.plural_endings if lt is not None else ()
    plural = {**forms.plural, **{w + x: u for w, u in forms.plural.items() for x in endings
                                 if not w.endswith(x)}}  # German dative "Jahrzehnten"
    for w, u in {**forms.singular, **plural}.items():
        if " " not in w and len(w) >= 3:
            units.setdefault(w, u)
    before: list[str] = []
    after: list[str] = []
    for pattern in info.get("relative-type-regex", {}).get("\\1 day ago", [])[:1]:
        head, _, tail = pattern.partition("(")
        for w in info.get("ago", []):
            if head.strip() == w.lower():
                before.append(w.lower())
            elif tail.split()[-1:] == [w.lower()]:
                after.append(w.lower())
    return SpanWords(units, frozenset(now), rel, tuple(before), tuple(after))


#: CLDR's duration units -> TimeML unit codes (DE, CE: decade, century)
_CLDR_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H",
               "minute": "MIN", "second": "S", "decade": "DE", "century": "CE",
               "quarter": "Q"}


@dataclass(frozen=True)
class UnitForms:
    """A language's time units as CLDR writes them (babel's locale data): the singular
    ("Jahr", "anno") and plural ("Jahre", "anni") words, and the "per unit" phrases
    ("pro Jahr", "al giorno"), lower case, each -> its TimeML unit code."""

    singular: dict[str, str]
    plural: dict[str, str]
    per: dict[str, str]


@lru_cache(maxsize=16)
def unit_forms(code: str) -> UnitForms:
    """From CLDR's long unit patterns ("{0} Jahr" one, "{0} Jahre" other, "{0} pro Jahr"
    per). babel exposes these patterns only through the locale's data mapping (as its
    own ``babel.units`` reads them); a locale babel lacks gives no words."""
    from babel import Locale, UnknownLocaleError  # lazy: only these languages need it

    try:
        patterns = Locale.parse(code)._data["unit_patterns"]
    except (UnknownLocaleError, ValueError, KeyError):
        return UnitForms({}, {}, {})
    singular: dict[str, str] = {}
    plural: dict[str, str] = {}
    per: dict[str, str] = {}
    for key, unit in _CLDR_UNITS.items():
        forms = patterns.get(f"duration-{key}", {}).get("long", {})
        for count in forms:
            word = " ".join(str(forms[count]).replace("{0}", " ").split()).lower()
            if not word or "{" in word:
                continue
            if count == "per":
                per.setdefault(word, unit)
            elif count == "one":
                singular.setdefault(word, unit)
            else:  # other, few, many: the plurals
                plural.setdefault(word, unit)
    return UnitForms(singular, plural, per)


@dataclass(frozen=True)
class RelativeWords:
    """dateparser's "last / this / next" words taken apart from their unit ("letztes" of
    "letztes jahr", "scorso" of "anno scorso") so that any unit takes them, in either
    order where the language puts them after the unit too ("lo scorso anno")."""

    modifiers: dict[str, int]  # "letztes" -> -1, "quest'" -> 0
    after_unit: bool  # the language writes "anno scorso"


@lru_cache(maxsize=16)
def relative_words(code: str) -> RelativeWords:
    info = _info(code)
    # the full words only: dateparser pairs its abbreviations ("sem ant", "próx sem")
    forms = unit_forms(code)
    units = {w for w, u in {**forms.singular, **forms.plural}.items()
             if u in ("Y", "Q", "M", "W")}
    mods: dict[str, int] = {}
    after = False
    for key, words in info.get("relative-type", {}).items():
        m = _RELATIVE.match(key)
        if m is None and key not in ("this year", "this month", "this week"):
            continue
        off = 0 if m is None else (-int(m.group("back")) if m.group("back")
                                   else int(m.group("fwd")))
        if abs(off) != 1 and off != 0:
            continue
        for w in words:
            w = w.lower().replace("’", "'")
            parts = w.split()
            if len(parts) == 3:  # "el año pasado", "w zeszłym roku": the article apart
                parts = parts[1:]
            if len(parts) == 1 and "'" in w:  # "quest'anno"
                head, _, tail = w.partition("'")
                if tail in units:
                    mods.setdefault(head + "'", off)
                continue
            if len(parts) != 2:
                continue
            if parts[1] in units and parts[0] not in units:
                mods.setdefault(parts[0], off)
            elif parts[0] in units and parts[1] not in units:
                mods.setdefault(parts[1], off)
                after = True
    return RelativeWords(mods, after)
