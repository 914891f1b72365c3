"""The time words of every language pack, gathered for the grammar.

News text mixes languages' calendar words ("le 3 May", "Monday soir"), and
the grammar has always matched the shared forms with the words of every
language it knows: here is that union, built from the packs in
``veille.lang.PACKS`` (in their order, words deduplicated). What each word
means comes from the pack too (``MONTHS["juin"] == 6``). A language without
a pack gets none of it (see :func:`time_words`).

Number words ("trois jours", "twenty-one") are converted with ``text_to_num``
(text2num), which handles French compounds ("quatre-vingt-dix").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import TypeVar

from text_to_num import text2num

from veille.core.text import fold as fold_text
from veille.lang import PACKS, language_data
from veille.lang.number_words import NumberWords
from veille.lang.time_words import TimeWords

T = TypeVar("T")
V = TypeVar("V")

#: the time words of each language with a pack, in ``PACKS`` order
TIME_PACKS: tuple[TimeWords, ...] = tuple(p.time for p in PACKS.values() if p.time is not None)
NUMBER_PACKS: tuple[NumberWords, ...] = tuple(
    p.numbers for p in PACKS.values() if p.numbers is not None
)


def time_words(language: str | None) -> TimeWords | None:
    """The pack's time words, or None for a language veille has no time words for."""
    return language_data(language).time


def number_words(language: str | None) -> NumberWords | None:
    return language_data(language).numbers


def fold(s: str) -> str:
    """Lower-case without accents, so "Août", "aout" and "AOÛT" share one key."""
    return fold_text(s).replace("’", "'")


def union(get: Callable[[T], Iterable[str]], packs: Iterable[T]) -> tuple[str, ...]:
    """Every pack's items of one field, in pack order, each once."""
    return tuple(dict.fromkeys(w for p in packs for w in get(p)))


def merged(get: Callable[[T], Mapping[str, V]], packs: Iterable[T]) -> dict[str, V]:
    """Every pack's entries of one mapping field (an earlier pack wins a shared key)."""
    out: dict[str, V] = {}
    for p in packs:
        for k, v in get(p).items():
            out.setdefault(k, v)
    return out


def tw(get: Callable[[TimeWords], Iterable[str]]) -> tuple[str, ...]:
    """The union of one TimeWords field over the packs."""
    return union(get, TIME_PACKS)


def nw(get: Callable[[NumberWords], Iterable[str]]) -> tuple[str, ...]:
    """The union of one NumberWords field over the packs."""
    return union(get, NUMBER_PACKS)


def alt(items: Iterable[str]) -> str:
    """Regex alternatives as one group, in order; a group that never matches if empty."""
    items = list(items)
    return "(?:" + "|".join(items) + ")" if items else "(?:(?!))"


def alt_longest(words: Iterable[str]) -> str:
    """Plain words as a regex group, longest first (so "mars" is tried before "mar")."""
    return alt(sorted((re.escape(w) for w in words), key=len, reverse=True))


# --- calendar words (union over the packs) -----------------------------------

MONTHS: dict[str, int] = merged(lambda t: {**t.months, **t.month_abbreviations}, TIME_PACKS)
FULL_MONTHS: tuple[str, ...] = tw(lambda t: t.months)
ABBR_MONTHS: tuple[str, ...] = tuple(m for m in MONTHS if m not in FULL_MONTHS)
WEEKDAYS: dict[str, int] = merged(lambda t: t.weekdays, TIME_PACKS)
UNITS: dict[str, str] = merged(lambda t: t.units, TIME_PACKS)
DAY_PARTS: dict[str, str] = merged(lambda t: t.day_parts, TIME_PACKS)
SEASON_WORDS: dict[str, str] = merged(lambda t: t.seasons, TIME_PACKS)
RELATIVE_DAYS: dict[str, int] = merged(lambda t: t.relative_days, TIME_PACKS)
RELATIVE_DAY_PARTS: dict[str, str] = merged(lambda t: t.relative_day_parts, TIME_PACKS)
ANCHOR_DAYS: dict[str, int] = merged(lambda t: t.anchor_days, TIME_PACKS)
NOON_WORDS: dict[str, int] = merged(lambda t: t.noon_words, TIME_PACKS)
YEAR_RELATIVES: dict[str, int] = merged(lambda t: t.year_relatives, TIME_PACKS)
QUARTERS: dict[str, int] = merged(lambda t: t.quarters, TIME_PACKS)
CALENDAR_UNITS: dict[str, str] = merged(lambda t: t.calendar_units, TIME_PACKS)
MODIFIERS: dict[str, str | None] = merged(lambda t: t.modifier_values, TIME_PACKS)
PERIOD_MODIFIERS: dict[str, str | None] = merged(lambda t: t.period_modifiers, TIME_PACKS)
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = merged(lambda t: t.fixed_holidays, TIME_PACKS)
EASTER_HOLIDAYS: dict[str, int] = merged(lambda t: t.easter_holidays, TIME_PACKS)
NTH_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = merged(
    lambda t: t.nth_weekday_holidays, TIME_PACKS
)
HOLIDAY_OFFSETS: dict[str, tuple[str, int]] = merged(lambda t: t.holiday_offsets, TIME_PACKS)
FREQUENCIES: dict[str, str] = merged(lambda t: t.frequency_values, TIME_PACKS)
REFERENCES: dict[str, str] = merged(lambda t: t.references, TIME_PACKS)
REFERENCE_PREFIXES: dict[str, str] = merged(lambda t: t.reference_prefixes, TIME_PACKS)
SENSES: dict[str, str] = merged(lambda t: t.relative_senses, TIME_PACKS)
#: "this past" (Monday) is "last", not the "this" it starts with
_SENSES_LONGEST_FIRST = sorted(SENSES.items(), key=lambda kv: len(kv[0]), reverse=True)
#: words every article of one of these languages starts a count with ("un", "a")
ONE_WORDS: tuple[str, ...] = tw(lambda t: t.indefinite_articles)
#: amounts that say none ("plusieurs jours", "des semaines")
VAGUE_AMOUNTS: tuple[str, ...] = tuple(
    w for w in (*tw(lambda t: t.vague_amounts), *tw(lambda t: t.ago_prefix_amounts),
                *tw(lambda t: t.ago_suffix_amounts), *tw(lambda t: t.partitive_article))
    if w not in ONE_WORDS  # "a year ago" is one year
)
#: (amount word, unit) that never make a duration: "a min"
ARTICLE_UNIT_EXCLUSIONS: frozenset[tuple[str, str]] = frozenset(
    (a, u) for t in TIME_PACKS for a in t.indefinite_articles for u in t.units_not_after_article
)


def sense(word: str | None) -> str | None:
    """'last', 'previous', 'next', 'following' or 'this' for a relative word, else None."""
    if not word:
        return None
    for prefix, meaning in _SENSES_LONGEST_FIRST:
        if word.startswith(prefix):
            return meaning
    return None


_FIRST_DAY: tuple[str, ...] = tw(lambda t: t.first_day)


def first_day_number(d1: str | None) -> int:
    """'1er' -> 1, '21' -> 21."""
    s = d1 or ""
    return 1 if s.startswith(_FIRST_DAY) else int(s or 0)


@lru_cache(maxsize=16)
def own_months(language: str) -> frozenset[str]:
    """Month words a text of this language may use: its own full names and every pack's
    abbreviations ("jan.", "sept.", "déc." are shared: both languages' writers use them).
    An English text's "Mars" is the planet, not mars (March); a French text's "May" a name."""
    words = time_words(language)
    if words is None:
        return frozenset()
    return frozenset(words.months) | frozenset(ABBR_MONTHS)


# --- number words ------------------------------------------------------------

_NUM_TOKEN = alt(sorted(set(nw(lambda n: n.words)), key=len, reverse=True))
_JOINERS = "|".join(rf"{j}[\s-]+" for j in nw(lambda n: n.joiners))
# "dix-huit", "vingt et un", "quatre-vingt-dix", "twenty-one"
NUMBER_WORDS = rf"{_NUM_TOKEN}(?:(?:[\s-]+(?:{_JOINERS})?){_NUM_TOKEN})*"
NUMBER_WORDS_RE = re.compile(rf"^{NUMBER_WORDS}$", re.IGNORECASE)
_TEXT2NUM_LANGUAGES = [n.text2num_language for n in NUMBER_PACKS if n.text2num_language]
_ONE = frozenset(nw(lambda n: n.one_words))


def parse_number(s: str, language: str | None = None) -> float | None:
    """Digits ("15", "30,4", "1.5") or number words ("dix-huit", "twenty-one").

    Number words are read in the text's language first, then in the others'.
    """
    t = s.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    words = fold(s.strip())
    if not NUMBER_WORDS_RE.match(words):
        return None
    if words in _ONE:
        return 1.0
    own = number_words(language)
    first = [own.text2num_language] if own is not None and own.text2num_language else []
    for lang in first + [x for x in _TEXT2NUM_LANGUAGES if x not in first]:
        try:
            return float(text2num(words, lang))
        except ValueError:
            continue
    return None
