"""The grammar of time expressions: one regex rule per form, over folded text.

Each rule has a readable name (the candidate's ``kind``) and a short ``tag``,
the name it has always had in the output (``TimeRef.method ==
"grammar:<tag>"``, kept so stored analyses compare). Every word comes from
the language packs (``veille.lang.<code>.time``):

- a *shared* rule matches the words of every pack (news mixes languages'
  calendar words, and the grammar has always done so);
- an *own* rule exists only for a language whose pack has the form (clock
  times with "h", "June 12, 2023", "quinquennat") and uses that pack.

A language with no time words gets only :data:`NUMERIC_DATE_ONLY`.
Rule order matters: candidates of equal length and priority keep it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from veille.analyze.temporal.lexicon import (
    ABBR_MONTHS,
    ANCHOR_DAYS,
    CALENDAR_UNITS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    FREQUENCIES,
    FULL_MONTHS,
    HOLIDAY_OFFSETS,
    NOON_WORDS,
    NTH_WEEKDAY_HOLIDAYS,
    NUMBER_WORDS,
    PERIOD_MODIFIERS,
    QUARTERS,
    RELATIVE_DAYS,
    SEASON_WORDS,
    TIME_PACKS,
    UNITS,
    WEEKDAYS,
    YEAR_RELATIVES,
    alt,
    alt_longest,
    time_words,
    tw,
)
from veille.analyze.temporal.named_days import calendar_names
from veille.lang.time_words import TimeWords

# --- shared fragments (union of the packs) -------------------------------------

MON_FULL = alt_longest(FULL_MONTHS)
MON_ANY = rf"(?:{MON_FULL}|{alt_longest(ABBR_MONTHS)}\.?)"
WD = alt_longest(WEEKDAYS)
NUM = rf"(?:\d+(?:[.,]\d+)?|{NUMBER_WORDS})"
UNIT = alt_longest(UNITS)
PART = alt(tw(lambda t: t.part_pattern))
REL_AFTER = alt(tw(lambda t: t.relative_after))
FIRST_DAY = alt(tw(lambda t: t.first_day))
#: named days from the packs' calendars ("election day"), longest first
CALENDAR_NAMES = tuple(sorted(calendar_names(), key=len, reverse=True))
ORDINAL = alt(tw(lambda t: t.ordinal_suffixes))
_FIRST_ONLY = set(tw(lambda t: t.first_only_ordinals))
SECOND_ORDINAL = alt(o for o in tw(lambda t: t.ordinal_suffixes) if o not in _FIRST_ONLY)
YEAR2_OK = rf"(?=\s*(?:[,.;:)]|$|\s{alt(tw(lambda t: t.year_followers))}\b))"
# "June 12 last year", "le 3 mars de l'an dernier": the year is the reference's, shifted
YEAR_REL = (rf"(?:\s+(?:{alt(tw(lambda t: t.year_relative_leads))}\s+)?"
            rf"(?P<yrel>{alt(YEAR_RELATIVES)})(?![a-z]))?")
MOD_PRE = (rf"(?:(?P<mod>{alt(PERIOD_MODIFIERS)})\s*"
           rf"(?:{alt(tw(lambda t: t.modifier_links))})?)")
MONTH_LEAD = rf"(?:{alt(tw(lambda t: t.month_leads))})?"
PART_MOD = (rf"(?:(?P<pmod>{alt(tw(lambda t: t.part_modifiers))})\s+"
            rf"(?:{alt(tw(lambda t: t.part_modifier_link))})?)?")
DAY_JOINERS = alt([*tw(lambda t: t.day_list_joiners), *tw(lambda t: t.day_range_joiners),
                   "-", ","])


@dataclass(frozen=True)
class Rule:
    """One form of time expression; ``pattern`` gives its regex for a language's pack
    (None: the language has no such form)."""

    name: str
    tag: str
    priority: int  # lower wins between candidates of equal length
    pattern: Callable[[TimeWords], str | None]
    gate: tuple[str, ...] | None = None  # one of these is in every match (see candidates)


def _shared(pattern: str) -> Callable[[TimeWords], str | None]:
    return lambda _own: pattern


def _day_month(_own: TimeWords) -> str:
    """'le 21 juin 2023', 'les 6 et 13 avril', 'on the 3rd of May', '12 juin dernier'."""
    return (
        rf"(?:{alt(tw(lambda t: t.date_leads))}\s+)?"
        rf"(?P<span>(?:(?P<art>{alt(tw(lambda t: t.date_articles))})\s+)?(?:(?P<wd>{WD}),?\s+)?"
        # not the month of a numeric date ("le 20/11, 12 novembre": "11, 12 novembre")
        rf"(?<![\d/])(?P<d1>{FIRST_DAY}|\d{{1,2}}){ORDINAL}?"
        rf"(?:\s*(?P<conj>{DAY_JOINERS})\s*(?:{alt(tw(lambda t: t.repeated_article))}\s+)?"
        rf"(?P<d2>\d{{1,2}}){SECOND_ORDINAL}?)?"
        rf"(?:\s+{alt(tw(lambda t: t.month_of))})?\s+(?P<mon>{MON_ANY})(?![a-z])"
        rf"(?:\s+(?P<year>\d{{4}}(?!\d)|'?\d{{2}}{YEAR2_OK}))?"
        rf"(?:\s+(?P<rel>{REL_AFTER}))?{YEAR_REL})"
    )


def _month_day(own: TimeWords) -> str | None:
    """Own: 'June 12, 2023', 'Monday, May 3rd', 'March 5-7' (month before day)."""
    if not own.month_day_order:
        return None
    return (
        rf"(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MON_ANY})\s+(?P<d1>\d{{1,2}}){alt(own.ordinal_suffixes)}?"
        rf"(?!\d)(?:\s*(?P<conj>{alt(['-', *own.day_list_joiners, *own.day_range_joiners])})"
        rf"\s*(?P<d2>\d{{1,2}}))?(?:,?\s+(?P<year>\d{{4}}))?(?!\d|:\d){YEAR_REL}"
    )


#: "the end of 1994", "the beginning of October": kept in the span, the word a mod
PERIOD_OF = rf"(?:(?P<ppmod>{alt(tw(lambda t: t.period_of_leads))})\s+)?"
MONTH_YEAR = (
    rf"{PERIOD_OF}{MOD_PRE}?{MONTH_LEAD}(?P<mon>{MON_FULL}|{alt_longest(ABBR_MONTHS)}\.)"
    rf"(?:\s+{alt(tw(lambda t: t.month_of))})?,?\s+"
    rf"(?P<year>\d{{4}}(?!\d)|'?\d{{2}}{YEAR2_OK})"
)
#: "(in March) of that year", "(January) of the same year": the story's year
STORY_YEAR = rf"(?:\s+(?P<syear>{alt(tw(lambda t: t.story_year_links))})(?![a-z]))?"
MONTH = (
    rf"{PERIOD_OF}(?:(?P<pre>{alt(tw(lambda t: t.month_pre))})\s+)?{MOD_PRE}?{MONTH_LEAD}"
    rf"(?P<mon>{MON_FULL})(?![a-z'-])(?:\s+(?P<rel>{REL_AFTER}))?{YEAR_REL}{STORY_YEAR}"
)
YEAR = (
    rf"{PERIOD_OF}{MOD_PRE}?(?:(?P<pre>{alt(tw(lambda t: t.year_leads))})\s+)?(?<![\d.,])"
    r"(?P<year>1\d{3}|2\d{3})(?![\d%])"  # past 2099 only after a preposition (accept)
)
_DECADE_FORMS = [
    *([rf"{alt(tw(lambda t: t.decade_nouns))}\s+(?P<dec>(?:19|20)?\d0)(?!\d)"]
      if tw(lambda t: t.decade_nouns) else []),
    *([r"(?P<dec2>(?:19|20)?\d0|'\d0)'?s\b"] if any(t.decade_suffix_s for t in TIME_PACKS)
      else []),
]
DECADE = (rf"{MOD_PRE}?(?:{alt(tw(lambda t: t.decade_articles))}\s+)?"
          rf"{alt(_DECADE_FORMS)}")
CENTURY = (
    rf"(?:{alt(tw(lambda t: t.century_articles))}\s+)?(?P<cen>[xvi]{{1,6}}|\d{{1,2}})"
    rf"{alt(tw(lambda t: t.century_ordinals))}\s+{alt(tw(lambda t: t.century_words))}"
)
#: "early Tuesday", "later today", "earlier this month": kept in the span
NEAR = rf"(?:(?P<near>{alt(tw(lambda t: t.near_modifiers))})\s+)?"
RELATIVE_DAY = (
    rf"{NEAR}(?P<rd>{alt(RELATIVE_DAYS)})"
    rf"(?:,?\s+(?P<wd>{WD})(?![a-z]))?"
    rf"(?:\s+(?:{alt(tw(lambda t: t.part_leads))}\s+)?{PART_MOD}(?P<part>{PART}))?"
)
THIS_PART = (rf"{NEAR}(?:(?P<det>{alt(tw(lambda t: t.this_part_determiners))})\s+"
             rf"(?P<part>{alt(tw(lambda t: t.this_parts))})(?![a-z])"
             # "la nuit dernière": the part, then the word that puts it the day before
             rf"|(?:{alt(tw(lambda t: t.same_part_articles))})\s+"
             rf"(?P<lpart>{alt(tw(lambda t: t.this_parts))})\s+"
             rf"(?P<prev>{alt(tw(lambda t: t.previous_part_words))})(?![a-z])"
             # not "la nuit dernière de l'année", "du festival" (the last one of a period)
             rf"(?!\s+(?:{alt(tw(lambda t: t.period_part_links))})))")
ANCHORED_DAY = (
    rf"(?:{alt(tw(lambda t: t.anchor_articles))}\s+)?(?P<an>{alt(ANCHOR_DAYS)})"
    rf"(?:\s+(?:{alt(tw(lambda t: t.anchor_part_leads))}\s+)?(?P<part>{PART}))?"
    rf"|{alt(tw(lambda t: t.same_part_articles))}\s+(?P<part2>{alt(tw(lambda t: t.same_parts))})"
    rf"\s+{alt(tw(lambda t: t.same_word))}"
)
# "lundi 13h00" is a clock, not Monday the 13th: an "h" glued to minutes stops the day too
_DAY_STOPS = alt(["h(?:\\b|\\d)", *tw(lambda t: t.weekday_day_stops), "%"])
WEEKDAY = (
    rf"{NEAR}(?:(?P<art>{alt(tw(lambda t: t.weekday_leads))})\s+)?"
    rf"(?:{alt(tw(lambda t: t.weekday_same))}\s+)?(?P<wd>{WD})(?![a-z])"
    rf"(?:\s+(?P<dom>{FIRST_DAY}|[0-3]?\d)(?![\d:/]|[.,]\d|\s*{_DAY_STOPS}|\s+[a-z]{{2,}}[sx]\b))?"
    rf"(?:\s+(?P<rel>{alt(tw(lambda t: t.weekday_relatives))}))?(?:\s+(?P<part>{PART}))?"
)
RELATIVE_UNIT = (
    rf"{PERIOD_OF}{NEAR}(?:(?P<det>{alt(tw(lambda t: t.unit_determiners))})\s*)"
    rf"(?P<unit>{alt(CALENDAR_UNITS)})(?![a-z])"
    rf"(?P<ci>{alt(tw(lambda t: t.this_suffix))})?"
    rf"(?:\s+(?P<rel>{alt(tw(lambda t: t.unit_relatives))}))?"
)
PERIOD_PART = (
    rf"(?P<mod>{alt(tw(lambda t: t.period_part_modifiers))})\s+"
    rf"{alt(tw(lambda t: t.period_part_links))}\s*"
    rf"(?P<unit>{alt(tw(lambda t: t.period_part_units))})(?![a-z])"
    rf"(?:\s+(?P<rel>{alt(tw(lambda t: t.period_part_relatives))}))?"
)
SEASON = (
    rf"(?:(?P<pdet>{alt(tw(lambda t: t.season_leads))})\s+)?"
    rf"(?P<span>(?:(?P<det>{alt(tw(lambda t: t.season_determiners))})\s*"
    rf"|(?P<sart>{alt(tw(lambda t: t.season_specific_articles))})\s+)?"
    # "the early summer", "late winter"
    rf"(?:(?P<mod>{alt(tw(lambda t: t.period_modifiers))})(?:\s+|(?<=-)))?"
    rf"(?P<season>{alt(SEASON_WORDS)})(?![a-z])"
    rf"(?:\s+(?:{alt(tw(lambda t: t.season_year_links))}\s+)?(?P<year>\d{{4}})(?!\d)"
    rf"|\s+(?P<rel>{alt(tw(lambda t: t.season_relatives))}))?)"
)
_ADJ = alt(tw(lambda t: t.duration_adjectives))
DURATION = (
    # "over the next two years": a preposition, not "more than" (a modifier is not
    # followed by a determiner)
    rf"(?:(?P<mod>{alt(tw(lambda t: t.amount_modifiers))})\s*"
    rf"(?!(?:{alt(tw(lambda t: t.duration_determiners))})\s))?"
    rf"(?:(?P<det>{alt(tw(lambda t: t.duration_determiners))})\s+)?"
    rf"(?:(?P<adj>{_ADJ})\s+)?"
    rf"(?<!/)(?P<num>{alt_longest(k for t in TIME_PACKS for k in t.counted_amounts)}"
    rf"|{NUM}|{alt(tw(lambda t: t.vague_amounts))}|{alt(tw(lambda t: t.indefinite_articles))}"
    rf"|{alt(tw(lambda t: t.partitive_article))}(?=\s+{alt(tw(lambda t: t.plural_units))}))"
    # "2 1/2 years", "1½ hours": and a half
    r"(?P<frac>(?<=\d)(?:\s+1/2|\s*½))?"
    r"(?:\s+|-|(?<=\d)(?=[a-z])|(?<='))"  # "une dizaine d'années": elided to the unit
    rf"(?:(?P<adj2>{alt(tw(lambda t: t.duration_adjectives_after))})\s+)?"
    rf"(?P<unit>{UNIT})(?![a-z])(?P<half>{alt(tw(lambda t: t.half_suffixes))})?"
    rf"(?P<quarter>{alt(tw(lambda t: t.quarter_suffixes))})?"
    rf"(?:\s+(?P<adj3>{alt(tw(lambda t: t.duration_relatives_after))})(?![a-z]))?"
)
# "nearly four years ago", "a week or so ago", "il y a plus de dix ans": an amount
# modifier or an approximation does not make the point in time a duration
_AGO_MOD = rf"(?:(?:{alt(tw(lambda t: t.amount_modifiers))})\s*)?"
AGO = (
    rf"{alt(tw(lambda t: t.ago_prefixes))}\s+{_AGO_MOD}"
    rf"(?P<num>{alt_longest(k for t in TIME_PACKS for k in t.counted_amounts)}|{NUM}"
    rf"|{alt(tw(lambda t: t.ago_prefix_amounts))})(?:\s+|(?<='))(?P<unit>{UNIT})(?![a-z])"
    rf"|{_AGO_MOD}(?P<num2>{alt_longest(k for t in TIME_PACKS for k in t.counted_amounts)}"
    rf"|{NUM}|{alt(tw(lambda t: t.ago_suffix_amounts))})\s+(?P<unit2>{UNIT})"
    rf"(?:\s+{alt(tw(lambda t: t.ago_approx))})?\s+{alt(tw(lambda t: t.ago_suffixes))}"
)
NOON = (rf"(?:{alt(tw(lambda t: t.noon_leads))}\s+)"
        rf"(?P<nn>{alt(NOON_WORDS)})")
def _reference(own: TimeWords) -> str | None:
    """Own: 'actuellement', 'recently' -- the text's language only ("future" is no
    French "futur", and these words are not mixed into another language's news)."""
    words = [*own.references, *own.reference_patterns]
    return rf"(?P<ref>{alt(words)})(?![a-z'-])" if words else None

FREQUENCY = (
    # "each July", "every summer": a month or season every year (TimeML XXXX-07, XXXX-SU)
    rf"{alt(tw(lambda t: t.every_words))}\s+(?:(?P<fmon>{MON_FULL})|(?P<fseason>"
    rf"{alt(SEASON_WORDS)}))(?![a-z])"
    # "every two years", "once every 108 years", "tous les deux ans": a counted set (P2Y)
    rf"|{alt(tw(lambda t: t.every_words))}\s+(?P<fnum>{NUM})\s+(?P<funit>{UNIT})(?![a-z])"
    rf"|{alt(tw(lambda t: t.every_words))}\s+(?P<unit>{UNIT}|{WD}s?"
    # "tous les mardis soir", "chaque samedi matin": the weekday's part (XXXX-WXX-2TEV)
    rf"(?:\s+(?P<fpart>{'|'.join(tw(lambda t: t.set_parts))})(?![a-z]))?|"
    rf"{'|'.join(tw(lambda t: t.set_parts))})(?![a-z])"
    rf"|{alt(tw(lambda t: t.plural_weekday_article))}\s+(?P<wdpl>{WD})s(?![a-z])"
    rf"(?:\s+(?P<fpart2>{'|'.join(tw(lambda t: t.set_parts))})(?![a-z]))?"
    rf"|(?P<adj>{alt(tw(lambda t: t.frequency_adjectives))})(?![a-z])"
)
HOLIDAY = (
    rf"(?:(?P<hdet>{alt(tw(lambda t: t.holiday_leads))})\s*)?"
    rf"(?P<span>(?:(?P<hrel>{alt(tw(lambda t: t.holiday_relatives))})\s+)?"
    rf"(?:{alt(tw(lambda t: (t.holiday_prefix,) if t.holiday_prefix else ()))})?"
    rf"(?P<hol>{alt([*tw(lambda t: t.holidays), *map(re.escape, CALENDAR_NAMES)])})(?![a-z])"
    rf"(?:\s+(?P<year>\d{{4}})(?!\d))?)"
)


def _period_part_short(own: TimeWords) -> str | None:
    """Own: 'début d'année', 'fin de mois' (no article), 'fin de semaine dernière' (the
    part of the week before, as 'la fin de la semaine dernière')."""
    if not own.period_part_short_link:
        return None
    rel = (rf"(?:\s+(?P<rel>{alt(own.period_part_relatives)})(?![a-z]))?"
           if own.period_part_relatives else "")
    return (rf"(?P<mod>{alt(own.period_part_modifiers)})\s+{alt(own.period_part_short_link)}"
            rf"(?P<unit>{alt(own.period_part_units)})(?![a-z]){rel}")


VAGUE_DURATION = (
    rf"{alt(tw(lambda t: t.vague_determiners))}\s+"
    rf"(?P<rel>{alt(tw(lambda t: t.vague_relatives))})"
    rf"\s+(?P<unit>{alt(tw(lambda t: t.vague_units))})(?![a-z])"
    # "in recent weeks", "in coming months": no determiner needed
    rf"|(?P<rel2>{alt(tw(lambda t: t.bare_vague_relatives))})"
    rf"\s+(?P<unit2>{alt(tw(lambda t: t.vague_units))})(?![a-z])"
    # "for years", "within weeks": a bare plural unit after these; "Days later", "Hours
    # earlier": before these
    rf"|(?:(?P<lead3>{alt(tw(lambda t: t.bare_plural_leads))})\s+"
    rf"(?=(?:{alt(tw(lambda t: t.vague_units))})(?![a-z'-])))?(?<![\w-])"
    rf"(?P<span>(?P<unit3>{alt(tw(lambda t: (*t.vague_units, *t.bare_plural_follow_units)))}))"
    rf"(?![a-z'-])(?(lead3)|(?=\s+{alt(tw(lambda t: t.bare_plural_follows))}\b))"
)
_QREL = [k for t in TIME_PACKS for k, v in t.quarter_relatives.items() if v]
QUARTER = (
    rf"(?:{alt(tw(lambda t: t.quarter_leads))}\s+)?"
    rf"(?P<span>(?:{alt(tw(lambda t: t.quarter_articles))}\s+)?"
    # "the 1988 third quarter", "the year-ago third quarter"
    rf"(?:(?P<year0>(?:19|20)\d\d)\s+|(?P<qrel0>{alt(_QREL)})\s+"
    rf"|(?P<yrel0>{alt(YEAR_RELATIVES)})['’]s\s+)?"  # "next year's first quarter"
    rf"(?P<q>{alt(QUARTERS)})(?:\s+|-)"
    rf"{alt(tw(lambda t: t.quarter_words))}"
    rf"(?:\s+{alt(tw(lambda t: t.quarter_year_links))}?(?P<year>\d{{4}}))?)"
)


def _half(own: TimeWords) -> str | None:
    """Own: 'the first half of 1990', "this year's second half", 'the second half of the
    year' (the year must be said: "the second half" alone is mostly a match's)."""
    if not own.halves:
        return None
    return (rf"(?:{alt(own.quarter_articles)}\s+)?(?:(?P<yrel0>{alt(own.year_relatives)})['’]s\s+)?"
            rf"(?P<hn>{alt(own.halves)})\s+{alt(own.half_words)}(?![a-z-])"
            # the year's digits may follow with no link ("au premier semestre 2019")
            rf"(?:\s+(?:{alt(own.quarter_year_links)})?(?P<year>\d{{4}})(?!\d)"
            rf"|\s+{alt(own.quarter_year_links)}(?:(?P<yrel>{alt(own.year_relatives)})"
            rf"|(?P<theyear>{alt(own.year_nouns)})(?![a-z-])))?")


def _period_code(own: TimeWords) -> str | None:
    """Own: 'T3 2019', 'q1 de 2017', '2019-H2', 'trimestre1' (labels, not words: the
    quarter and half rules read "premier trimestre")."""
    if not own.period_codes:
        return None
    letters = [k for k in own.period_codes if len(k) == 1]
    nouns = [k for k in own.period_codes if len(k) > 1]
    year = r"(?:19|20)\d\d(?!\d)"
    links = rf"(?:{alt(own.quarter_year_links)})?" if own.quarter_year_links else ""
    label = (rf"(?:(?P<pc>{alt(letters)})(?P<pn>[1-4])|(?P<pw>{alt_longest(nouns)})\s?(?P<pwn>[1-4]))"
             if nouns else rf"(?P<pc>{alt(letters)})(?P<pn>[1-4])")
    return (rf"(?P<span>{label}(?![\w.,])(?:(?:\s+|-|/){links}(?P<year>{year}))?"
            rf"|(?P<year2>{year})[-\s](?P<pc2>{alt(letters)})(?P<pn2>[1-4]))(?![\w-])")


def _week_number(own: TimeWords) -> str | None:
    """Own: 'semaine 10', 'la semaine 12 de 2020' (an ISO week by its number; not "la
    semaine 35 heures", a working week's length)."""
    if not own.week_number_words:
        return None
    links = rf"(?:{alt(own.quarter_year_links)})?" if own.quarter_year_links else ""
    art = rf"(?:{alt(own.week_articles)}\s+)?" if own.week_articles else ""
    # the article inside the span: "la semaine" alone is the relative unit's, shorter
    return (rf"(?<![\w-])(?P<span>{art}{alt(own.week_number_words)}\s+(?P<wk>5[0-3]|[1-4]\d|0?[1-9])"
            rf"(?![\w,.:/-]|\s*(?:h\b|heures?\b|jours?\b|semaines?\b|mois\b|ans?\b|%)"
            # "la semaine 4 du procès": a week of something, counted from its start
            rf"|\s+(?:du|des|de\s+la|de\s+l'|d')(?![\w]))"
            rf"(?:\s+{links}(?P<year>(?:19|20)\d\d)(?!\d))?)")


def _month_week(own: TimeWords) -> str | None:
    """Own: 'la dernière semaine de juillet', "la 1ère semaine d'octobre 2017", 'la
    première semaine de 2015', "la dernière semaine de l'année (prochaine)"."""
    if not own.week_ordinals:
        return None
    return (rf"(?P<span>(?:{alt(own.week_articles)}\s+)?"
            rf"(?P<wn>{alt(own.week_ordinals)})\s+{alt(own.week_words)}\s+"
            rf"{alt(own.week_of_links)}(?:(?P<mon>{MON_FULL})(?![a-z'-])"
            rf"(?:\s+(?P<year>\d{{4}})(?!\d))?|(?P<wyear>\d{{4}})(?![\d%])"
            rf"|(?P<yrel>{alt(own.year_relatives)})(?![a-z])"
            rf"|(?P<theyear>{alt(own.year_nouns)})(?![a-z-])))")


def _nth_weekday(own: TimeWords) -> str | None:
    """Own: 'le premier lundi de septembre', 'le dernier dimanche de mai 2019', 'le
    deuxième mardi soir du mois prochain' (one day of that month, not the nearest
    Monday)."""
    if not own.weekday_ordinals:
        return None
    month_unit = (rf"|(?P<munit>{alt(own.month_unit_links)})(?![a-z-])"
                  rf"(?:\s+(?P<mrel>{alt(own.unit_relatives)})(?![a-z-]))?"
                  if own.month_unit_links else "")
    return (rf"(?P<wn>{alt_longest(own.weekday_ordinals)})\s+(?P<wd>{WD})"
            rf"(?:\s+(?P<part>{PART}))?\s+"
            rf"(?:(?:{alt(own.week_of_links)})(?P<mon>{MON_FULL})(?![a-z'-])"
            rf"(?:\s+(?P<year>\d{{4}})(?!\d))?{month_unit})")


def _relative_quarter(own: TimeWords) -> str | None:
    """Own: 'the quarter', 'the latest quarter', 'the year-ago quarter' (financial news:
    the quarter being reported, i.e. the last one completed)."""
    if not own.quarter_relatives:
        return None
    quarter = (rf"(?:{alt(own.quarter_articles)})\s+(?:(?P<qrel>{alt(own.quarter_relatives)})\s+)?"
               rf"(?:{alt(own.quarter_words)})(?![a-z-]|\s+(?:{alt(own.quarter_year_links)})"
               rf"(?!\d))")
    if not own.report_period_nouns:
        return quarter
    # "the latest period", "the 1989 period": the quarter being reported (resolve.py)
    zero = [k for k, v in own.quarter_relatives.items() if v == 0]
    return (rf"{quarter}|(?:{alt(own.quarter_articles)})\s+(?:(?P<prel>{alt(zero)})"
            rf"|(?P<pyear>(?:1[89]|20)\d\d))\s+(?:{alt(own.report_period_nouns)})(?![a-z-])")


PART_OF_DAY = (
    rf"{alt(tw(lambda t: t.bare_part_leads))}\s+(?P<span>{PART_MOD}"
    rf"{alt(tw(lambda t: t.bare_part_articles))}?"
    rf"(?P<part>{alt(tw(lambda t: t.bare_parts))})"
    rf"(?:\s+{alt(tw(lambda t: t.part_weekday_links))}\s*(?P<wd>{WD})"
    rf"(?:\s+{alt(tw(lambda t: t.part_weekday_joiners))}\s+(?P<wd2>{WD}))?)?)"
    r"(?![a-z-])"
)
PER_UNIT = (rf"{alt(tw(lambda t: t.per_words))}\s+"
            rf"(?P<span>(?P<unit>{alt(tw(lambda t: t.per_units))}))(?![a-z])")
_NUMERIC = (r"(?<![\d/.-])(?:(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})"
            r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\d/.-]\d)")
# numeric dates written with the month's name or abbreviation between the separators
# ("23/Sep/2020", "01/août/2019", "23-sept.-2020") or with spaces between two-digit day
# and month ("18 08 1978", forms and scans): dateparser reads the order and the words
_NUMERIC_WORDS = (rf"|(?<![\d/.-])[0-3]?\d(?P<sep>[/-]){MON_ANY}(?P=sep)(?:19|20)\d\d(?![\d/.-]\d)"
                  r"|(?<![\d/.-])(?<!\d\s)(?:0[1-9]|[12]\d|3[01])\s(?:0[1-9]|1[0-2])\s(?:19|20)\d\d"
                  r"(?!\d|\s\d)")
NUMERIC_DATE = (rf"(?:(?:{alt(tw(lambda t: t.numeric_weekday_article))}\s+)?(?P<wd>{WD})\s+)?"
                rf"(?:{_NUMERIC}{_NUMERIC_WORDS})")
#: what a language without time words gets: written-out numeric dates (12.05.2023, 2023-05-12)
NUMERIC_DATE_ONLY = _NUMERIC


def _lexical_duration(own: TimeWords) -> str | None:
    """Own: 'quinquennat' (a five-year term)."""
    if not own.lexical_durations:
        return None
    return rf"(?P<lex>{alt(own.lexical_durations)})(?![a-z])"


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")


def _spoken_year(own: TimeWords) -> str | None:
    """Own: 'nineteen ninety-six', 'January nineteen ninety-seven', 'the year two
    thousand' (broadcast transcripts write years as said). A thousands year needs its
    lead ("two thousand people" is a count)."""
    if not own.spoken_centuries:
        return None
    rest = rf"(?:{alt(_TENS)})(?:[\s-]+{alt(_UNITS_WORDS)})?|{alt(_TEENS)}"
    lead = alt(own.spoken_year_leads)
    return (rf"(?:(?:(?P<mon>{alt_longest(own.months)})\s+)?(?:{lead}\s+)?"
            rf"(?P<cen>{alt(own.spoken_centuries)})[\s-]+(?P<rest>{rest})"
            rf"|{lead}\s+(?P<k>{alt(own.spoken_thousands)})"
            rf"(?:\s+(?:and\s+)?(?P<rest2>{alt(_UNITS_WORDS)}|{alt(_TEENS)}))?)(?![a-z-])")


def _decade_words(own: TimeWords) -> str | None:
    """Own: 'the nineties', 'the nineteen-eighties'."""
    if not own.decade_words:
        return None
    cen = rf"(?:(?P<cen>{alt(own.spoken_centuries)})[\s-]+)?" if own.spoken_centuries else ""
    return (rf"(?:{alt(own.decade_articles)}\s+)?{MOD_PRE}?{cen}"
            rf"(?P<decw>{alt(own.decade_words)})(?![a-z])")


def _long_duration(own: TimeWords) -> str | None:
    """Own: 'day-long', 'decades-long', 'a two-year-long strike', 'weeklong'."""
    if not own.long_suffixes:
        return None
    # the language's own units only: French "an" is no English unit ("Anlong Veng")
    return (rf"(?:(?P<num>{NUM})[\s-]+)?(?P<unit>{alt_longest(own.units)})-?"
            rf"(?:{alt(own.long_suffixes)})(?![a-z])")


def _own(field: str) -> Callable[[TimeWords], str | None]:
    return lambda own: getattr(own, field) or None


def _day_month_numeric(own: TimeWords) -> str | None:
    """Own: '12/5', 'vendredi 12/05' (the weekday says which year's 12 May)."""
    if not own.day_month_pattern:
        return None
    return rf"(?:(?P<wd>{WD})\s+)?(?:{own.day_month_pattern})"


_HOLIDAY_NAMES = (*FIXED_HOLIDAYS, *EASTER_HOLIDAYS, *NTH_WEEKDAY_HOLIDAYS, *HOLIDAY_OFFSETS,
                  *CALENDAR_NAMES)

RULES: tuple[Rule, ...] = (
    # 'le 21 juin 2023', 'les 6 et 13 avril', 'the 3rd of May'
    Rule("day_month", "dmy", 1, _day_month),
    # 'June 12, 2023' (own)
    Rule("month_day", "mdy", 1, _month_day),
    # 'mars 2022', 'début juin 2021', 'Sept. 2019'
    Rule("month_year", "my", 2, _shared(MONTH_YEAR)),
    # 'en mars', 'juin dernier', 'last March', 'mi-juillet'
    Rule("month", "mon", 3, _shared(MONTH)),
    # '2019', "l'année 1998", 'fin 2020'
    Rule("year", "year", 4, _shared(YEAR)),
    # 'les années 80', 'the 1990s'
    Rule("decade", "decade", 2, _shared(DECADE),
         gate=(*tw(lambda t: t.decade_nouns), "0s", "0's")),
    # 'au XXe siècle', 'the 19th century'
    Rule("century", "century", 2, _shared(CENTURY), gate=tw(lambda t: t.century_words)),
    # 'hier soir', 'demain matin', 'yesterday', 'aujourd'hui, jeudi'
    Rule("relative_day", "reld", 1, _shared(RELATIVE_DAY), gate=tuple(RELATIVE_DAYS)),
    # 'ce matin', 'this evening', 'last night'
    Rule("this_part", "thispart", 2, _shared(THIS_PART), gate=tw(lambda t: t.this_parts)),
    # 'le lendemain', 'la veille au soir', 'the next day', 'le soir même'
    Rule("anchored_day", "anchor", 2, _shared(ANCHORED_DAY),
         gate=(*ANCHOR_DAYS, *tw(lambda t: t.same_word))),
    # 'vendredi', 'ce lundi', 'jeudi 16', 'mardi dernier', 'last Monday'
    Rule("weekday", "wd", 3, _shared(WEEKDAY), gate=tuple(WEEKDAYS)),
    # 'la semaine dernière', 'cette année', 'next month', 'ce week-end'
    Rule("relative_unit", "relunit", 2, _shared(RELATIVE_UNIT)),
    # 'fin de la semaine', 'au milieu du mois', 'the end of the year'
    Rule("period_part", "unitpart", 2, _shared(PERIOD_PART),
         gate=tw(lambda t: t.period_part_units)),
    # "l'été 2019", 'au printemps', 'last winter'
    Rule("season", "season", 3, _shared(SEASON)),
    # 'trois jours', 'plus de 20 ans', 'the past two weeks', 'deux heures et demie'
    Rule("duration", "dur", 3, _shared(DURATION)),
    # own: 'day-long', 'decades-long' (how long, as an adjective)
    Rule("long_duration", "longdur", 2, _long_duration,
         gate=tuple(k for t in TIME_PACKS for k in t.long_suffixes)),
    # 'il y a trois ans', 'two weeks ago'
    Rule("ago", "ago", 1, _shared(AGO),
         gate=(*tw(lambda t: t.ago_prefixes), *tw(lambda t: t.ago_suffixes))),
    # own: '16 h 30', 'vers 0 h 40', '20:30'
    Rule("clock", "time", 1, _own("clock_pattern")),
    # own: '4 p.m.', 'around 10:30'
    Rule("clock_ampm", "timeen", 1, _own("clock_ampm_pattern")),
    # 'à midi', 'vers minuit', 'at noon'
    Rule("noon", "noon", 2, _shared(NOON), gate=tuple(NOON_WORDS)),
    # 'actuellement', 'recently', "l'avenir" (TimeML PRESENT_REF / PAST_REF / FUTURE_REF)
    Rule("reference", "ref", 4, _reference),
    # 'chaque lundi', 'les mardis', 'quotidiennement', 'every week'
    Rule("frequency", "set", 2, _shared(FREQUENCY),
         gate=(*tw(lambda t: t.every_words), *WEEKDAYS, *FREQUENCIES)),
    # 'à Noël', 'Pâques 2020', 'Christmas Eve'
    Rule("holiday", "holiday", 2, _shared(HOLIDAY), gate=_HOLIDAY_NAMES),
    # own: "début d'année", 'fin de mois'
    Rule("period_part_short", "unitpart2", 2, _period_part_short,
         gate=tw(lambda t: t.period_part_units)),
    # 'ces derniers mois', 'the past few weeks'
    Rule("vague_duration", "vaguedur", 3, _shared(VAGUE_DURATION),
         gate=(*tw(lambda t: t.vague_relatives), *tw(lambda t: t.bare_vague_relatives),
               *tw(lambda t: t.bare_plural_leads), *tw(lambda t: t.bare_plural_follows))),
    # 'au premier trimestre 2022', 'the third quarter'
    Rule("quarter", "quarter", 2, _shared(QUARTER), gate=tw(lambda t: t.quarter_words)),
    # own: 'the first half of 1990', "this year's second half"
    Rule("half", "half", 2, _half, gate=tw(lambda t: t.half_words)),
    # own: 'T3 2019', '2019-H2', 'trimestre1'
    Rule("period_code", "periodcode", 2, _period_code),
    # own: 'semaine 10', 'la semaine 12 de 2020'
    Rule("week_number", "weeknum", 1, _week_number, gate=tw(lambda t: t.week_number_words)),
    # own: 'la dernière semaine de juillet', 'la première semaine de 2015'
    Rule("month_week", "monthweek", 1, _month_week, gate=tw(lambda t: t.week_words)),
    # own: 'le premier lundi de septembre', 'le dernier dimanche du mois'
    Rule("nth_weekday", "nthweekday", 1, _nth_weekday,
         gate=tuple(k for t in TIME_PACKS for k in t.weekday_ordinals)),
    # own: 'the quarter', 'the year-ago quarter'
    Rule("relative_quarter", "relquarter", 3, _relative_quarter,
         gate=(*tw(lambda t: t.quarter_words), *tw(lambda t: t.report_period_nouns))),
    # own: 'toute la journée' (a whole unit: how long)
    Rule("whole_unit", "whole", 2, _own("whole_unit_pattern")),
    # own: 'le 23.' (a day of the month alone)
    Rule("day_only", "dayonly", 3, _own("day_only_pattern")),
    # own: '12/5' (day and month, no year)
    Rule("day_month_numeric", "daymonth", 2, _day_month_numeric, gate=("/",)),
    # 'dans la nuit de samedi à dimanche', 'during the afternoon'
    Rule("part_of_day", "partbare", 3, _shared(PART_OF_DAY), gate=tw(lambda t: t.bare_parts)),
    # 'par jour', 'per year'
    Rule("per_unit", "perunit", 3, _shared(PER_UNIT)),
    # own: 'quinquennat'
    Rule("lexical_duration", "lexdur", 3, _lexical_duration,
         gate=tuple(k for t in TIME_PACKS for k in t.lexical_durations)),
    # own: "year's end", 'year-end'
    Rule("unit_end", "unitend", 2, _own("unit_end_pattern"), gate=("end",)),
    # own: 'nineteen ninety-six', 'the year two thousand'
    Rule("spoken_year", "spokenyear", 2, _spoken_year,
         gate=tuple(k for t in TIME_PACKS for k in (*t.spoken_centuries, *t.spoken_thousands))),
    # own: 'the nineties'
    Rule("decade_words", "decadew", 2, _decade_words,
         gate=tuple(k for t in TIME_PACKS for k in t.decade_words)),
    # own: 'the year-ago period', 'year-earlier results'
    Rule("year_ago", "yearago", 2, _own("year_ago_pattern"), gate=("year-",)),
    # own: 'for the year ended March 31' (financial reports: a year's length)
    Rule("ended_year", "yearended", 2, _own("ended_year_pattern"), gate=("ended", "ending")),
    # '12/05/2023', '2023-05-12', 'lundi 12.05.2023'
    Rule("numeric_date", "numeric", 1, _shared(NUMERIC_DATE)),
)

TAGS: dict[str, str] = {r.name: r.tag for r in RULES}
GATES: dict[str, tuple[str, ...]] = {r.name: r.gate for r in RULES if r.gate is not None}


@lru_cache(maxsize=16)
def compiled_rules(language: str, ignore_case: bool = True) -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    """(kind, priority, regex) of the rules a text in ``language`` is scanned with."""
    flags = re.IGNORECASE if ignore_case else 0
    own = time_words(language)
    if own is None:
        return (("numeric_date", 1, re.compile(rf"(?<![a-z0-9])(?:{NUMERIC_DATE_ONLY})", flags)),)
    out = []
    for rule in RULES:
        pat = rule.pattern(own)
        if pat is not None:
            out.append((rule.name, rule.priority, re.compile(rf"(?<![a-z0-9])(?:{pat})", flags)))
    return tuple(out)
