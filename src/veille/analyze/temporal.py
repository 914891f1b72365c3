"""Time expressions in French and English news, resolved against the article date.

Why a grammar of our own: the libraries at hand either parse one string that
is already known to be a date (``dateparser.parse``) or search free text
with far too many false hits and no notion of an imprecise reference
(``dateparser.search.search_dates`` turns "mai" in "Mai 68" or "été" in
"a été" into dates and always needs a single reference *day*). News articles
are often dated to the month only (the seeds: ``2023-06``), so every relative
expression must be resolved against a *range* of possible reference days and
keep that uncertainty. This module therefore:

1. finds candidate expressions with a small regex grammar over an
   accent-folded copy of the text (same length, so offsets carry over);
2. keeps the longest non-overlapping candidates;
3. resolves each candidate once per possible reference day (one day for a
   day-precise date, 28..31 for a month, 365 for a year), carrying a
   document anchor (the last day mentioned) for "22 h", "le lendemain";
4. merges the per-day resolutions: identical -> exact value; otherwise the
   union range with granularity ``<unit>-uncertain`` and, as value, the
   TimeML value of the smallest calendar unit that contains the union.

``dateparser`` is used where it is good: to parse fully specified numeric
dates (12/05/2023, 2023-05-12) with the language's day/month order.

Rules worth knowing (also in docs/quality-time.md):
- a month name alone takes the year of the reference, moved one year back
  when the governing verb is in the past and the month is later than the
  reference month ("en mars" in a June article, past tense -> March of the
  same year; "en octobre", past tense, in June -> October of last year), and
  one year forward in the symmetric future case;
- a day and month without year ("le 21 juin") picks, among the three
  candidate years, the latest on/before the reference in past tense, the
  earliest on/after it in future tense, the closest otherwise;
- a weekday ("vendredi") is the previous/next such day by tense; without a
  tense cue, the closer of the two;
- "N ans" after a name and a comma ("Poutine, 70 ans,") or after "âgé de" is
  an age, not a time expression (it is kept as a quantity instead);
- "depuis <event>" is not a date: only calendar words make a time expression.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from veille.analyze.temporal_calendar import (
    Resolved,
    add_months,
    century_res,
    clamp_day,
    day_res,
    decade_res,
    duration_value,
    month_res,
    quarter_res,
    season_res,
    week_res,
    weekday_near,
    weekend_res,
    year_res,
)
from veille.analyze.temporal_lexicon import (
    DAY_PARTS,
    MONTHS,
    MONTHS_BY_LANG,
    NUMBER_WORDS,
    SEASON_WORDS,
    UNITS,
    WEEKDAYS,
    parse_number,
)
from veille.analyze.temporal_tense import guess_tense
from veille.core.model import DateRange, Sentence, TimeRef

__all__ = ["extract_times", "fold_same_length", "sentence_index"]


def fold_same_length(text: str) -> str:
    """Lower-case, strip accents and normalise apostrophes, one char for one char.

    Keeping the length lets the grammar match ASCII patterns while the
    offsets stay valid in the original text.
    """
    table = _FOLD_TABLE
    missing = [c for c in set(text) if ord(c) not in table]
    if missing:
        if len(table) > 50_000:  # bound the memory a hostile input can pin
            table.clear()
            missing = list(set(text))
        for c in missing:
            table[ord(c)] = _fold_char(c)
    return text.translate(table)


# code point -> folded char, grown lazily: ``str.translate`` with it is ~10x faster than
# a per-character Python call (the text is folded once per extractor call and per quantity)
_FOLD_TABLE: dict[int, str] = {}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    if len(base) != 1:
        base = low
    if base in "’‘`´":
        return "'"
    if base in "\u00a0\u202f\u2009":
        return " "
    if base in "–—‑":
        return "-"
    return base


# --- grammar -----------------------------------------------------------------

_FULL_MONTHS = [
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
    "octobre", "novembre", "decembre", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]


def _alt(words: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + ")"


MON_FULL = _alt(_FULL_MONTHS)
MON_ANY = rf"(?:{MON_FULL}|{_alt(_ABBR_MONTHS)}\.?)"
WD = _alt(WEEKDAYS)
NUM = rf"(?:\d+(?:[.,]\d+)?|{NUMBER_WORDS})"
UNIT = _alt(UNITS)
PART = r"(?:matin(?:ee)?|apres-midi|soir(?:ee)?|nuit|morning|afternoon|evening|night)"
REL_AFTER = r"(?:derniers?|dernieres?|prochains?|prochaines?|passee?s?|suivante?s?|precedente?s?)"
YEAR2_OK = r"(?=\s*(?:[,.;:)]|$|\s(?:a|au|en|et|dans|pour|par|lors|at|in|and)\b))"
# "June 12 last year", "le 3 mars de l'an dernier": the year is the reference's,
# shifted (folded text: no accents).
YEAR_REL = (r"(?:\s+(?:de\s+)?(?P<yrel>last year|next year|this year|l'an dernier|l'an passe"
            r"|l'annee derniere|l'annee passee|l'an prochain|l'annee prochaine|cette annee)(?![a-z]))?")
MOD_PRE = r"(?:(?P<mod>debut|fin|mi-|mi|courant|milieu|early|late|mid-|mid)\s*(?:d[e']\s*|of\s+)?)"


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    g: dict[str, str | None]
    prio: int = 5
    extra: dict[str, object] = field(default_factory=dict)


_RULES: list[tuple[str, int, str, tuple[str, ...]]] = [
    # kind, priority (lower wins on equal length), pattern, languages
    (
        "dmy", 1,
        rf"(?:(?:du|au|on|jusqu'au)\s+)?(?P<span>(?:(?P<art>le|les|the)\s+)?(?:(?P<wd>{WD}),?\s+)?"
        rf"(?P<d1>1er|\d{{1,2}})(?:er|st|nd|rd|th)?"
        rf"(?:\s*(?P<conj>et|-|a|au|and|to|,)\s*(?:le\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?"
        rf"(?:\s+of)?\s+(?P<mon>{MON_ANY})(?![a-z])"
        rf"(?:\s+(?P<year>\d{{4}}(?!\d)|'?\d{{2}}{YEAR2_OK}))?"
        rf"(?:\s+(?P<rel>{REL_AFTER}))?{YEAR_REL})",
        ("fr", "en"),
    ),
    (
        "mdy", 1,
        rf"(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MON_ANY})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
        rf"(?:\s*(?P<conj>-|and|to)\s*(?P<d2>\d{{1,2}}))?(?:,?\s+(?P<year>\d{{4}}))?(?![\d:]){YEAR_REL}",
        ("en",),
    ),
    (
        "my", 2,
        rf"{MOD_PRE}?(?:(?:le\s+)?mois\s+d[e']\s*)?(?P<mon>{MON_FULL}|{_alt(_ABBR_MONTHS)}\.)"
        rf"(?:\s+of)?,?\s+"
        rf"(?P<year>\d{{4}}(?!\d)|'?\d{{2}}{YEAR2_OK})",
        ("fr", "en"),
    ),
    (
        "mon", 3,
        rf"(?:(?P<pre>last|next|this)\s+)?{MOD_PRE}?(?:(?:le\s+)?mois\s+d[e']\s*)?"
        rf"(?P<mon>{MON_FULL})(?![a-z'-])(?:\s+(?P<rel>{REL_AFTER}))?",
        ("fr", "en"),
    ),
    (
        "year", 4,
        rf"{MOD_PRE}?(?:(?P<pre>l'annee|l'an|annee|the year)\s+)?(?<![\d.,])"
        r"(?P<year>1\d{3}|20\d{2})(?![\d%])",
        ("fr", "en"),
    ),
    (
        "decade", 2,
        rf"{MOD_PRE}?(?:(?:les|des|aux|the)\s+)?(?:annees\s+(?P<dec>(?:19|20)?\d0)(?!\d)"
        rf"|(?P<dec2>(?:19|20)?\d0|'\d0)'?s\b)",
        ("fr", "en"),
    ),
    (
        "century", 2,
        r"(?:(?:le|au|du|the)\s+)?(?P<cen>[xvi]{1,6}|\d{1,2})(?:e|eme|er|th|st|nd|rd)\s+(?:siecle|century)",
        ("fr", "en"),
    ),
    (
        "reld", 1,
        rf"(?P<rd>avant-hier|apres-demain|hier|aujourd'hui|demain|yesterday|today|tomorrow|tonight)"
        rf"(?:,?\s+(?P<wd>{WD})(?![a-z]))?"
        rf"(?:\s+(?:(?:en|au)\s+)?(?:(?P<pmod>debut|fin)\s+(?:d[e']\s*)?)?(?P<part>{PART}))?",
        ("fr", "en"),
    ),
    (
        "thispart", 2,
        r"(?P<det>ce|cet|cette|this|last)\s+(?P<part>matin|midi|apres-midi|soir|nuit|morning|afternoon"
        r"|evening|night)(?![a-z])",
        ("fr", "en"),
    ),
    (
        "anchor", 2,
        rf"(?:le\s+|la\s+|the\s+)?(?P<an>lendemain|surlendemain|veille|meme jour|jour meme|next day"
        rf"|following day|day before|previous day|same day)(?:\s+(?:au\s+)?(?P<part>{PART}))?"
        rf"|(?:le|la)\s+(?P<part2>matin|soiree|soir|nuit)\s+meme",
        ("fr", "en"),
    ),
    (
        "wd", 3,
        rf"(?:(?P<art>ce|le|this|last|next|on)\s+)?(?:meme\s+)?(?P<wd>{WD})(?![a-z])"
        rf"(?:\s+(?P<dom>1er|[0-3]?\d)(?![\d:/]|[.,]\d|\s*(?:h\b|heures?|%|er\b)|\s+[a-z]{{2,}}[sx]\b))?"
        rf"(?:\s+(?P<rel>dernier|prochain|suivant|precedent))?(?:\s+(?P<part>{PART}))?",
        ("fr", "en"),
    ),
    (
        "relunit", 2,
        r"(?:(?P<det>la|le|l'|cette|ce|cet|this|last|next|the past|the coming)\s*)"
        r"(?P<unit>semaine|mois|annee|an|trimestre|week-end|weekend|week|month|year|quarter)(?![a-z])"
        r"(?P<ci>-ci)?(?:\s+(?P<rel>derniere?|prochaine?|passee?|suivante?|precedente?|en cours))?",
        ("fr", "en"),
    ),
    (
        "unitpart", 2,
        r"(?P<mod>debut|fin|milieu|beginning|end|middle)\s+(?:de\s+la|du|de\s+l'|of\s+the|of)\s*"
        r"(?P<unit>semaine|mois|annee|week|month|year)(?![a-z])(?:\s+(?P<rel>derniere?|prochaine?|passee?))?",
        ("fr", "en"),
    ),
    (
        "season", 3,
        r"(?:(?P<pdet>au|en|in)\s+)?(?P<span>(?:(?P<det>l'|le|cet|ce|cette|this|last|next)\s*)?"
        r"(?P<season>printemps|ete|automne|hiver|spring|summer|autumn|fall|winter)(?![a-z])"
        r"(?:\s+(?P<year>\d{4})(?!\d)|\s+(?P<rel>dernier|prochain|last|next))?)",
        ("fr", "en"),
    ),
    (
        "dur", 3,
        r"(?:(?P<mod>pres d[e']|environ|plus d[e']|moins d[e']|au moins|about|nearly|almost|more than"
        r"|over|less than|at least|around|some)\s*)?"
        r"(?:(?P<det>ces|les|des|the|these|this)\s+)?"
        r"(?:(?P<adj>dernieres?|derniers?|prochaines?|prochains?|premieres?|premiers?|last|past|next"
        r"|first)\s+)?"
        rf"(?P<num>{NUM}|plusieurs|quelques|several|a few|many|un|une|a|an"
        r"|des(?=\s+(?:jours|semaines|mois|annees|decennies|siecles|days|weeks|months|years"
        r"|decades)))(?:\s+|(?<=\d)(?=[a-z]))"
        r"(?:(?P<adj2>dernieres?|derniers?|prochaines?|prochains?|premieres?|premiers?)\s+)?"
        rf"(?P<unit>{UNIT})(?![a-z])(?P<half>\s+et\s+demie?|\s+and\s+a\s+half)?",
        ("fr", "en"),
    ),
    (
        "ago", 1,
        rf"(?:il y a|voici|voila)\s+(?P<num>{NUM}|quelques|plusieurs)\s+(?P<unit>{UNIT})(?![a-z])"
        rf"|(?P<num2>{NUM}|a few|several)\s+(?P<unit2>{UNIT})\s+ago",
        ("fr", "en"),
    ),
    (
        "time", 1,
        r"(?:(?P<pre>vers|around|about|at)\s+)?(?P<h>[01]?\d|2[0-4])\s*h\s*(?P<m>[0-5]\d)?"
        r"(?![a-z\d])(?:\s+(?P<loc>locales?))?"
        r"|(?:(?P<pre2>vers)\s+)?(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?::(?P<s2>[0-5]\d))?(?![\d:])"
        r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z])|\s+(?P<part>du matin|du soir|de l'apres-midi))?",
        ("fr",),
    ),
    (
        "timeen", 1,
        r"(?:(?P<pre>around|about)\s+)?(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*"
        r"(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])|(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?![\d:])",
        ("en",),
    ),
    (
        "noon", 2,
        r"(?:(?:a|vers|at|around)\s+)(?P<nn>midi|minuit|noon|midnight)",
        ("fr", "en"),
    ),
    (
        "ref", 4,
        r"(?P<ref>maintenant|actuellement|desormais|a present|en ce moment|pour le moment"
        r"|pour l'instant|l'avenir|auparavant|autrefois|jadis|recemment|nowadays|currently"
        r"|at present|at the moment|in the future|formerly|previously|recently"
        r"|actuel(?:le)?s?|futur(?:e)?s?|now)(?![a-z'-])",
        ("fr", "en"),
    ),
    (
        "set", 2,
        rf"(?:chaque|tous les|toutes les|every|each)\s+(?P<unit>{UNIT}|{WD}s?|soirs?|matins?|nuits?"
        r"|morning|evening|night)(?![a-z])"
        rf"|les\s+(?P<wdpl>{WD})s(?![a-z])"
        r"|(?P<adj>quotidien(?:ne)?s?|quotidiennement|hebdomadaires?|hebdomadairement|mensuel(?:le)?s?"
        r"|mensuellement|annuel(?:le)?s?|annuellement"
        r"|daily|weekly|monthly|annually|yearly)(?![a-z])",
        ("fr", "en"),
    ),
    (
        "holiday", 2,
        r"(?:(?P<hdet>la|le|l'|a|pour|de|depuis|the)\s*)?(?P<span>(?:(?:la\s+)?fete\s+d[eu]\s+(?:la\s+)?)?"
        r"(?P<hol>noel|paques|pentecote|toussaint|ascension|assomption|nouvel an|jour de l'an"
        r"|saint-sylvestre|14[- ]juillet|christmas(?: day| eve)?|easter|new year's (?:day|eve)"
        r"|halloween|thanksgiving)(?![a-z])(?:\s+(?P<year>\d{4})(?!\d))?)",
        ("fr", "en"),
    ),
    (
        "unitpart2", 2,
        r"(?P<mod>debut|fin|milieu)\s+d[e']\s*(?P<unit>semaine|mois|annee)(?![a-z])",
        ("fr",),
    ),
    (
        "vaguedur", 3,
        r"(?:ces|les|these|the)\s+(?P<rel>derniers|dernieres|prochains|prochaines|last|past|next|coming)"
        r"\s+(?P<unit>jours|semaines|mois|annees|decennies|days|weeks|months|years|decades)(?![a-z])",
        ("fr", "en"),
    ),
    (
        "quarter", 2,
        r"(?:(?:au|du)\s+)?(?P<span>(?:(?:le|the)\s+)?(?P<q>premier|1er|deuxieme|2e|second|troisieme|3e|quatrieme|4e"
        r"|dernier|first|third|fourth|last)\s+(?:trimestre|quarter)"
        r"(?:\s+(?:de\s+|of\s+)?(?P<year>\d{4}))?)",
        ("fr", "en"),
    ),
    (
        "daymonth", 2,
        r"(?<![\d/.,-])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?![\d/.,-]|\s*(?:h|%|km|ans?)\b)",
        ("fr",),
    ),
    (
        "partbare", 3,
        r"(?:dans|pendant|durant|en|et|toute|during|in)\s+(?P<span>(?:(?P<pmod>debut|fin)\s+(?:d[e']\s*)?)?"
        r"(?:la\s+|l'|the\s+)?(?P<part>soiree|nuit|matinee|apres-midi|evening|night|afternoon|morning)"
        rf"(?:\s+(?:de|du|d')\s*(?P<wd>{WD})(?:\s+(?:a|au)\s+(?P<wd2>{WD}))?)?)"
        r"(?![a-z-])",
        ("fr", "en"),
    ),
    (
        "perunit", 3,
        r"(?:par|per)\s+(?P<span>(?P<unit>jour|semaine|mois|an|annee|semestre|trimestre|day|week|month|year))"
        r"(?![a-z])",
        ("fr", "en"),
    ),
    (
        "lexdur", 3,
        r"(?P<lex>quinquennat|septennat|mandature)(?![a-z])",
        ("fr",),
    ),
    (
        "numeric", 1,
        rf"(?:(?:le\s+)?(?P<wd>{WD})\s+)?(?<![\d/.-])(?:(?P<d>\d{{1,2}})[/.](?P<m>\d{{1,2}})[/.](?P<y>\d{{4}}|\d{{2}})"
        r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\d/.-]\d)",
        ("fr", "en"),
    ),
]


# Rules that cannot match unless the folded text contains one of these substrings (each
# is a mandatory word of the rule's pattern above): a substring test is far cheaper than a
# regex scan, and these words are absent from most articles. Valid for the case-sensitive
# scan only (see _NEEDS_IGNORECASE).
_GATES: dict[str, tuple[str, ...]] = {
    "ago": ("il y a", "voici", "voila", "ago"),
    "holiday": ("noel", "paques", "pentecote", "toussaint", "ascension", "assomption",
                "nouvel an", "jour de l'an", "saint-sylvestre", "juillet", "christmas", "easter",
                "new year's", "halloween", "thanksgiving"),
    "century": ("siecle", "century"),
    "decade": ("annees", "0s", "0's"),
    "quarter": ("trimestre", "quarter"),
    "noon": ("midi", "minuit", "noon", "midnight"),
    "wd": tuple(WEEKDAYS),
    "reld": ("hier", "demain", "aujourd'hui", "yesterday", "today", "tomorrow", "tonight"),
    "lexdur": ("quinquennat", "septennat", "mandature"),
    "daymonth": ("/",),
    "anchor": ("lendemain", "veille", "meme", "next day", "following day", "day before",
               "previous day", "same day"),
    "thispart": ("matin", "midi", "soir", "nuit", "morning", "afternoon", "evening", "night"),
    "partbare": ("soiree", "nuit", "matinee", "apres-midi", "evening", "night", "afternoon",
                 "morning"),
    "vaguedur": ("dernier", "prochain", "last", "past", "next", "coming"),
    "unitpart": ("semaine", "mois", "annee", "week", "month", "year"),
    "unitpart2": ("semaine", "mois", "annee"),
    "set": ("chaque", "tous les", "toutes les", "every", "each", *WEEKDAYS, "quotidien",
            "hebdomadaire", "mensuel", "annuel", "daily", "weekly", "monthly", "annually",
            "yearly"),
}  # fmt: skip


@lru_cache(maxsize=8)
def _compiled(lang: str, ignore_case: bool = True) -> list[tuple[str, int, re.Pattern[str]]]:
    flags = re.IGNORECASE if ignore_case else 0
    return [
        (kind, prio, re.compile(rf"(?<![a-z0-9])(?:{pat})", flags))
        for kind, prio, pat, langs in _RULES
        if lang in langs
    ]


# The grammar runs on the folded text, which is lower case except for the few characters
# that case-insensitive matching would still equate with an ASCII letter (upper-case
# ASCII left by compatibility forms such as "ℌ", dotless "ı"). Without any of them,
# IGNORECASE changes no match (the rules are lower-case ASCII) and costs half the scan,
# so it is kept only for texts that contain one.
_NEEDS_IGNORECASE = re.compile(r"(?i:[a-z])(?<![a-z])")


_AGE_BEFORE = re.compile(
    r"(?:age[es]?\s+de|a l'age de|aged|ages? de|,)\s*$|(?:[A-Z][\w'-]+|\))\s*,\s*$"
)
_AGE_AFTER = re.compile(r"^\s*(?:,|\)|-old|d'age|old\b|ans?\s+plus\s+tot)")
_TEMPORAL_PREP = re.compile(
    r"(?:\b(?:en|de|depuis|des|d'ici|jusqu'en|vers|avant|apres|in|since|of|from|until|by|"
    r"before|after|circa|l'an|annee|au)\s*|['’])$",
    re.IGNORECASE,
)
_UNIT_AFTER_YEAR = re.compile(
    r"^\s*(?:%|€|\$|£|euros?|dollars?|francs?|km|kilo|m\b|kg|t\b|tonnes?|personnes|habitants"
    r"|hommes|soldats|morts|victimes|points?|voix|metres?|people|men|troops)",
    re.IGNORECASE,
)
_PLURAL_NOUN_AFTER = re.compile(r"^\s+[a-zàâçéèêëîïôûù]{3,}[sx]\b")
_TIME_PREP_BEFORE = re.compile(
    r"(?:\b(?:a|à|des|dès|jusqu'a|jusqu'à|avant|apres|après|de|et|vers|alentours de|autour de)\s+)$"
)


@lru_cache(maxsize=4)
def _selected(text: str, lang: str) -> tuple[_Cand, ...]:
    """The chosen candidates of ``text``, before resolution (which does not alter them).

    Cached because the quantity extractor asks for the time expressions of the
    text the pipeline has just resolved: the scan is most of the cost. Callers
    get copies (see :func:`_fresh`), never these objects.
    """
    return tuple(_select(_candidates(text, fold_same_length(text), lang)))


def _fresh(c: _Cand) -> _Cand:
    return _Cand(c.start, c.end, c.kind, dict(c.g), c.prio, dict(c.extra))


def _candidates(text: str, folded: str, lang: str) -> list[_Cand]:
    cands: list[_Cand] = []
    ignore_case = _NEEDS_IGNORECASE.search(folded) is not None
    for kind, prio, rx in _compiled(lang, ignore_case):
        gate = None if ignore_case else _GATES.get(kind)
        if gate is not None and not any(w in folded for w in gate):
            continue
        for m in rx.finditer(folded):
            if m.end() <= m.start():
                continue
            g = m.groupdict()
            s, e = m.span("span") if g.get("span") is not None else m.span()
            # drop trailing spaces/commas that optional groups may leave
            while e > s and folded[e - 1] in " ,":
                e -= 1
            cand = _Cand(s, e, kind, g, prio)
            if _accept(cand, text, folded, lang):
                cands.extend(_split(cand, folded))
    return cands


def _accept(c: _Cand, text: str, folded: str, lang: str) -> bool:
    """Filters a regex cannot express cheaply: capitalised month names, bare years, ages."""
    g = c.g
    before = text[max(0, c.start - 40) : c.start]
    after = text[c.end : c.end + 40]
    surface = text[c.start : c.end]
    mon_word = g.get("mon")
    if mon_word and mon_word.rstrip(".") not in MONTHS_BY_LANG.get(lang, MONTHS):
        return False  # another language's month word ("Destination is Mars orbit")
    if c.kind == "mon":
        mon = g["mon"] or ""
        i = folded.find(mon, c.start)
        orig = text[i : i + len(mon)]
        if lang == "en" and mon == "may":
            return orig == "May" and bool(
                re.search(
                    r"(?:in|of|since|until|by|early|late|mid|last|next|this)\s+$", before, re.I
                )
            )
        if lang == "en" and mon == "march":
            return orig == "March"
        if lang == "fr" and orig[:1].isupper() and not _sentence_start(text, i):
            # "Mars" the planet, "Mai 68" is kept by the year rule; French months are lower case
            return bool(g.get("rel") or g.get("mod"))
        # "mars Climate Orbiter"-like names aside, a month is a month
        return not (lang == "fr" and mon == "mars" and re.match(r"^\s*[A-Z]", after))
    if c.kind == "year":
        y = int(g["year"] or 0)
        pre = g.get("pre") or g.get("mod")
        if re.search(r"\d[\s\u00a0\u202f.,]$", before) or re.match(r"^[\s\u00a0\u202f]\d{3}", after):
            return False  # part of 50 000 / 1 945 000
        if re.search(r"(?:[€$£]|n°|no\.|num[ée]ro|page|p\.|art\.|article|code|tel\.?)\s*$",
                      before, re.IGNORECASE):
            return False
        if (
            re.search(r"[-/]$", before) and not re.search(r"\d{4}\s*[-/]$", before)
        ) or _UNIT_AFTER_YEAR.match(after):
            return False
        prep = bool(_TEMPORAL_PREP.search(before)) or bool(pre)
        if 1900 <= y <= 2099:
            return prep or not _PLURAL_NOUN_AFTER.match(after)
        return prep and y >= 1000
    if c.kind == "dur" and (g["unit"] or "") in ("an", "ans", "year", "years") and _is_age(
        before, after, fold_same_length(g.get("mod") or "")
    ):
        return False
    if c.kind == "dur":
        num = fold_same_length(g["num"] or "")
        if (
            num in ("a", "an", "un", "une")
            and not g.get("adj")
            and not g.get("mod")
            and (g["unit"] or "") in ("jour", "day")
        ):
            return False  # "un jour" / "a day" are mostly idioms
        if (g["unit"] or "") in ("min", "sec", "mois") and num in ("a", "an"):
            return False
        hours = parse_number(num, lang) if num else None
        if _TIME_PREP_BEFORE.search(fold_same_length(before)) and (g["unit"] or "").startswith(
            "heure"
        ) and hours is not None and hours.is_integer() and 0 <= hours <= 24 and not g.get("mod"):
            c.kind = "time"  # "à 16 heures", "à seize heures": a clock time
            c.g = {"h": str(int(hours)), "m": None, "pre": None, "loc": None}
        if (g["unit"] or "") in ("min",) and not re.fullmatch(r"\d+", num):
            return False
    if c.kind == "season" and (g["season"] or "") == "ete":
        det = g.get("det")
        if not det and not g.get("year") and not g.get("rel"):
            # bare "été" is nearly always the participle ("a été"); "en été", "l'été",
            # a capitalised "Été" opening a sentence are the season
            fb = fold_same_length(before)
            return bool(re.search(r"(?:\ben\s|\bl'|\bcet\s)$", fb)) or (
                text[c.start].isupper() and _sentence_start(text, c.start)
            )
    if c.kind == "season" and (g["season"] or "") == "fall" and not (g.get("det") or g.get("year")):
        return False
    if c.kind == "season" and (g.get("det") or "") in ("d'",):
        return False
    if c.kind == "set" and (g.get("adj") or "").startswith("quotidien"):
        if (g.get("adj") or "").endswith("s") or re.search(r"\bpresse\s+$", fold_same_length(before)):
            return False  # "les quotidiens": newspapers
        if re.search(r"\b(?:le|du|au|un|ce|son|leur|notre|votre)\s+$", fold_same_length(before)):
            return False  # "le quotidien Le Monde": the newspaper
    if c.kind == "ref":
        w = g["ref"] or ""
        if w in ("now",) and lang != "en":
            return False
        if w.startswith("futur") and re.search(r"\b(?:le|du|au)\s+$", fold_same_length(before)):
            return False  # "le futur" as a noun is fine, but mostly grammatical tense talk
    if c.kind == "wd" and (g.get("art") or "") == "on" and lang != "en":
        return False
    if c.kind == "wd" and re.match(r"^\s+(?:Saint|Santo|Noir|Good)\b", after):
        return False  # "Vendredi Saint", "Jeudi Noir": names of days, not dates
    if c.kind == "season" and not g.get("year") and (
        re.search(r"(?:\bd'|\bde\s|\bdu\s)$", fold_same_length(before))
        or re.match(r"^\s+(?:de\s+l['’]|du\s|des\s|de\s+la\s)", after)
    ):
        return False  # "Jeux d'hiver", "printemps de l'environnement": names, not dates
    if c.kind == "dmy":
        d1 = 1 if (g["d1"] or "").startswith("1er") else int(g["d1"] or 0)
        if not 1 <= d1 <= 31:
            return False
        mon = g["mon"] or ""
        if mon in _ABBR_MONTHS and not surface.rstrip().endswith(".") and len(mon) < 4:
            # "5 mar" is fine in tables but "3 dec" or "2 jan" mostly too; keep abbreviations
            return True
    if c.kind == "reld" and (g["rd"] or "") == "tonight":
        return lang == "en"
    return True


_NOT_AGE_NOUNS = {
    "terme", "bout", "cours", "periode", "duree", "peine", "espace", "plus", "moins", "pres",
    "environ", "pendant", "depuis", "apres", "avant", "delai", "retard", "mandat", "contrat",
    "absence", "prison", "reclusion", "detention", "emprisonnement", "sursis", "attente",
    "travail", "carriere", "guerre", "conflit", "plan", "programme", "bail", "intervalle",
    "moyenne", "age", "ages", "agee", "agees", "minimum", "maximum", "total", "ordre", "lors",
}  # fmt: skip


_PERSON_NOUNS = "|".join([
    "homme", "femme", "garcon", "fille", "fillette", "enfant", "adolescent", "adolescente",
    "ado", "jeune", "bebe", "nourrisson", "patient", "patiente", "victime", "retraite",
    "retraitee", "mere", "pere", "fils", "individu", "personne", "conducteur", "conductrice",
    "automobiliste", "pieton", "pietonne", "motard", "cycliste", "champion", "championne",
    "joueur", "joueuse", "athlete", "etudiant", "etudiante", "eleve", "lyceen", "lyceenne",
    "collegien", "collegienne", "suspect", "suspecte", "detenu", "detenue", "ouvrier",
    "ouvriere", "agriculteur", "electricien", "salarie", "salariee", "militaire", "soldat",
    "policier", "policiere", "gendarme", "pompier", "chauffeur", "prevenu", "prevenue",
    "accuse", "accusee", "mineur", "mineure", "majeur", "majeure", "habitant", "habitante",
    "resident", "residente", "vieillard", "dame", "monsieur", "auteur", "autrice", "artiste",
    "chanteur", "chanteuse", "acteur", "actrice", "ecrivain", "peintre", "musicien",
    "musicienne", "sportif", "sportive", "boy", "girl", "man", "woman", "child",
])


def _is_age(before: str, after: str, mod: str) -> bool:
    """'Poutine, 70 ans,', 'une fillette de 6 ans', 'les 6-16 ans', 'a 37-year-old' are ages.

    An age describes a person, not the time of an event, so it is left to the
    quantity extractor. 'N ans de prison / de négociations' stays a duration.
    """
    fb = fold_same_length(before)
    has_mod = bool(mod)
    if mod in ("moins de", "plus de", "under", "over") and re.search(r"\b(?:les|des|aux|the)\s*$", fb):
        return True  # "les moins de 17 ans": an age group
    if re.match(r"^(?:-old|\s*old\b|\s+d'age)", after):
        return True
    if re.search(r"(?:\bages?|\bagee?s?)\s+de\s*$|a l'age de\s*$|\baged\s*$", fb):
        return True
    if re.search(r"(?:[A-Z][\w'-]+|\))\s*,\s*$", before) and re.match(r"^\s*[,)]", after):
        return True
    if re.search(r"\b(?:les|des|aux)\s+(?:moins|plus)\s+de\s*$|\d\s*-\s*$|\bde\s+\d+\s+a\s*$", fb):
        return True
    if has_mod or re.match(r"^\s*(?:de\b|d'|d’)", after):
        return False  # "plus de 20 ans", "10 ans de prison": durations
    # "une fillette de 6 ans", "un électricien allemand de 37 ans", "une Alsacienne de 6 ans"
    if re.search(rf"\b(?:{_PERSON_NOUNS})s?(?:\s+[a-z-]+)?\s+de\s*$", fb):
        return True
    return bool(re.search(r"(?<![.!?]\s)\b[A-Z][a-zà-ÿ]+e?s?\s+de\s*$", before))


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t«\"'(\u00a0":
        j -= 1
    return j < 0 or text[j] in ".!?\n:»"


def _split(c: _Cand, folded: str) -> list[_Cand]:
    """'les 6 et 13 avril' names two days; 'les 7 et 8 juillet' one two-day range."""
    if c.kind != "dmy" or not c.g.get("d2"):
        return [c]
    d1 = 1 if (c.g["d1"] or "").startswith("1er") else int(c.g["d1"] or 0)
    d2 = int(c.g["d2"] or 0)
    conj = (c.g.get("conj") or "").strip()
    if conj in ("-", "a", "au", "to") or d2 == d1 + 1:
        return [c] if d2 > d1 else []
    # separate days: first part ends after d1
    m = re.compile(r"\d{1,2}|1er").search(folded, c.start)
    assert m is not None
    first_end = m.end()
    m2 = re.compile(r"\d{1,2}").search(folded, first_end)
    assert m2 is not None
    g1 = dict(c.g, d2=None, conj=None)
    g2 = dict(c.g, d1=c.g["d2"], d2=None, conj=None, art=None, wd=None)
    return [
        _Cand(c.start, first_end, "dmy", g1, c.prio),
        _Cand(m2.start(), c.end, "dmy", g2, c.prio),
    ]


_RANGE_GLUE = re.compile(r"\s*(?:,\s*)?(?:au|a|-|et|jusqu'au|jusqu'a|to|and|until|through)\s*(?:le\s+)?$")


def _share_years(cands: list[_Cand], folded: str) -> None:
    """'du 18 novembre au 19 décembre 2015', 'de janvier à février 2017': the year
    written once at the end belongs to both ends."""
    for a, b in zip(cands, cands[1:], strict=False):
        if a.kind not in ("dmy", "mon") or a.g.get("year") or a.g.get("rel"):
            continue
        if b.kind not in ("dmy", "my") or not b.g.get("year"):
            continue
        if not _RANGE_GLUE.fullmatch(folded[a.end : b.start] + ""):
            continue
        a.g = dict(a.g, year=b.g["year"])
        if a.kind == "mon":
            a.kind = "my"


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest non-overlapping candidates; priority breaks ties."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    # Taken spans never overlap, so sorted by (start, end) their ends never decrease: the
    # only one that can overlap [c.start, c.end) is the last one starting before c.end.
    # (A linear scan of all taken spans per candidate was quadratic on long texts.)
    taken: list[tuple[int, int]] = []
    out: list[_Cand] = []
    for c in cands:
        i = bisect.bisect_left(taken, c.end, key=lambda t: t[0])
        if i > 0 and c.start < taken[i - 1][1]:
            continue
        bisect.insort(taken, (c.start, c.end))
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


# --- resolution ----------------------------------------------------------------


@dataclass
class _Ctx:
    day: date | None  # one possible reference day (None: unknown)
    anchor: date | None  # last day mentioned, for "22 h", "le lendemain"
    tense: str | None
    lang: str


def _num(s: str | None, lang: str) -> float | None:
    if s is None:
        return None
    f = fold_same_length(s).strip()
    if f in ("plusieurs", "quelques", "several", "a few", "many", "des"):
        return None
    if f in ("un", "une", "a", "an"):
        return 1.0
    return parse_number(f, lang)


def _pick_year(month: int, dom: int | None, ctx: _Ctx, rel: str | None) -> int | None:
    """Year for a day/month without year, by tense or explicit 'dernier/prochain'."""
    if ctx.day is None:
        return None
    ref = ctx.day
    direction = 0
    if rel:
        direction = -1 if rel.startswith(("dernier", "derniere", "passe", "last", "preceden")) else 1
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
    if direction < 0:
        past = [c for c in cands if c[1] <= c[2]]
        return max(past, key=lambda c: c[1])[0] if past else ref.year
    if direction > 0:
        fut = [c for c in cands if c[1] >= c[2]]
        return min(fut, key=lambda c: c[1])[0] if fut else ref.year
    if dom is None:
        return ref.year
    return min(cands, key=lambda c: (abs((c[1] - c[2]).days), c[1] > c[2]))[0]


def _two_digit_year(s: str, ctx: _Ctx) -> int:
    """'98' in a 1999 article is 1998; '25' in a 2023 article is 2025 (up to 10 years ahead)."""
    yy = int(s.strip("'"))
    ref_year = ctx.day.year if ctx.day else 2000
    y = (ref_year // 100) * 100 + yy
    if y > ref_year + 10:
        y -= 100
    return y


def _part_suffix(part: str | None) -> str | None:
    if not part:
        return None
    return DAY_PARTS.get(fold_same_length(part).replace(" ", "-"))


def _with_part(d: date, part: str | None) -> Resolved:
    code = _part_suffix(part)
    if code is None:
        return day_res(d)
    return Resolved("TIME", f"{d.isoformat()}T{code}", d, d, "day-part")


def _res_dmy(c: _Cand, ctx: _Ctx) -> Resolved | None:
    g = c.g
    d1 = 1 if (g["d1"] or "").startswith("1er") else int(g["d1"] or 0)
    d2 = int(g["d2"] or 0) if g.get("d2") else None
    mon = MONTHS[(g["mon"] or "").rstrip(".")]
    if g.get("year"):
        ys = g["year"] or ""
        year: int | None = int(ys) if len(ys) == 4 else _two_digit_year(ys, ctx)
    elif g.get("yrel") and ctx.day is not None:
        yrel = g["yrel"] or ""
        shift = -1 if yrel.startswith(("last", "l'an d", "l'an p", "l'annee d", "l'annee pa")) else (
            1 if yrel.startswith(("next", "l'an prochain", "l'annee prochaine")) else 0)
        year = ctx.day.year + shift
    else:
        year = _pick_year(mon, d1, ctx, g.get("rel"))
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


def _res_month(c: _Cand, ctx: _Ctx) -> Resolved | None:
    g = c.g
    mon = MONTHS[(g["mon"] or "").rstrip(".")]
    if c.kind == "my":
        ys = g["year"] or ""
        year = int(ys) if len(ys) == 4 else _two_digit_year(ys, ctx)
        return month_res(year, mon)
    rel = g.get("rel")
    pre = g.get("pre")
    if pre == "last":
        rel = "dernier"
    elif pre == "next":
        rel = "prochain"
    if ctx.day is None:
        return Resolved("DATE", f"XXXX-{mon:02d}", None, None, "month")
    if rel and rel.startswith(("dernier", "derniere", "passe")):
        y = ctx.day.year if mon < ctx.day.month else ctx.day.year - 1
    elif rel and rel.startswith("prochain"):
        y = ctx.day.year if mon > ctx.day.month else ctx.day.year + 1
    else:
        y = _pick_year(mon, None, ctx, None) or ctx.day.year
    return month_res(y, mon)


def _res_year(c: _Cand, ctx: _Ctx) -> Resolved | None:
    return year_res(int(c.g["year"] or 0))


def _res_decade(c: _Cand, ctx: _Ctx) -> Resolved | None:
    s = (c.g.get("dec") or c.g.get("dec2") or "").strip("'")
    v = int(s)
    if v < 100:
        ref_year = ctx.day.year if ctx.day else 1999
        v += (ref_year // 100) * 100
        if v > ref_year:
            v -= 100
    return decade_res(v - v % 10)


_ROMAN = {"i": 1, "v": 5, "x": 10}


def _res_century(c: _Cand, ctx: _Ctx) -> Resolved | None:
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


_RELD = {
    "avant-hier": -2, "hier": -1, "yesterday": -1, "aujourd'hui": 0, "today": 0, "tonight": 0,
    "demain": 1, "tomorrow": 1, "apres-demain": 2,
}  # fmt: skip


def _res_reld(c: _Cand, ctx: _Ctx) -> Resolved | None:
    rd = c.g["rd"] or ""
    off = _RELD[rd]
    part = c.g.get("part") or ("night" if rd == "tonight" else None)
    if ctx.day is None:
        return Resolved("TIME" if part else "DATE", None, None, None, "day")
    d = ctx.day + timedelta(days=off)
    if off == 0 and not part and not c.g.get("wd") and c.extra.get("generic"):
        # "Aujourd'hui, la ville a changé": clause-initial and set off by a comma, the
        # generic present (TimeML PRESENT_REF) rather than the publication day
        return Resolved("TIME", "PRESENT_REF", d, d, "day")
    return _with_part(d, part)


def _res_thispart(c: _Cand, ctx: _Ctx) -> Resolved | None:
    if ctx.day is None:
        return None
    d = ctx.day - timedelta(days=1) if (c.g.get("det") or "") == "last" else ctx.day
    return _with_part(d, c.g["part"])


def _res_anchor(c: _Cand, ctx: _Ctx) -> Resolved | None:
    base = ctx.anchor or ctx.day
    if base is None:
        return None
    an = c.g.get("an") or ""
    off = {"lendemain": 1, "surlendemain": 2, "veille": -1, "next day": 1, "following day": 1,
           "day before": -1, "previous day": -1}.get(an, 0)  # fmt: skip
    return _with_part(base + timedelta(days=off), c.g.get("part") or c.g.get("part2"))


def _res_wd(c: _Cand, ctx: _Ctx) -> Resolved | None:
    wd = WEEKDAYS[c.g["wd"] or ""]
    if ctx.day is None:
        return Resolved("DATE", f"XXXX-WXX-{wd + 1}", None, None, "day")
    rel = c.g.get("rel") or ""
    art = c.g.get("art") or ""
    ref = ctx.day
    if c.g.get("dom"):
        # "jeudi 16": the month around the reference where the 16th is a Thursday
        dom = 1 if (c.g["dom"] or "").startswith("1er") else int(c.g["dom"] or 0)
        options = []
        for k in range(-6, 7):
            y, m = add_months(ref.year, ref.month, k)
            d0 = clamp_day(y, m, dom)
            if d0 is not None and d0.weekday() == wd:
                options.append(d0)
        if options:
            return _with_part(min(options, key=lambda x: (abs((x - ref).days), x < ref)),
                              c.g.get("part"))
        return None
    if rel in ("dernier", "precedent") or art == "last":
        d = weekday_near(ref, wd, -1)
    elif rel in ("prochain", "suivant") or art == "next":
        d = weekday_near(ref, wd, 1)
    elif ctx.anchor is not None and ctx.anchor != ref and abs((ctx.anchor - ref).days) <= 7 and (
        art == "ce" or c.g.get("part")
    ):
        d = weekday_near(ctx.anchor, wd, 0)
    elif ref.weekday() == wd:
        d = ref  # "a déclaré vendredi" in a Friday paper: that very day
    elif ctx.tense == "past":
        d = weekday_near(ref, wd, -1)
    elif ctx.tense == "future":
        d = weekday_near(ref, wd, 1)
    else:
        back, fwd = weekday_near(ref, wd, -1), weekday_near(ref, wd, 1)
        d = back if (ref - back) <= (fwd - ref) else fwd
    return _with_part(d, c.g.get("part"))


def _res_relunit(c: _Cand, ctx: _Ctx) -> Resolved | None:
    g = c.g
    det = g.get("det") or ""
    rel = g.get("rel") or ""
    unit = g["unit"] or ""
    if not rel and det in ("la", "le", "l'") and not g.get("ci"):
        return None  # "la semaine" alone is not anchored
    if ctx.day is None:
        return None
    step = 0
    if rel.startswith(("dernier", "derniere", "passe", "preceden")) or det in ("last", "the past"):
        step = -1
    elif rel.startswith(("prochain", "suivant")) or det in ("next", "the coming"):
        step = 1
    ref = ctx.day
    if unit in ("semaine", "week"):
        return week_res(ref + timedelta(days=7 * step))
    if unit in ("week-end", "weekend"):
        if step == 0 and ctx.tense == "past" and ref.weekday() < 5:
            step = -1
        return weekend_res(ref + timedelta(days=7 * step))
    if unit in ("mois", "month"):
        y, m = add_months(ref.year, ref.month, step)
        return month_res(y, m)
    if unit in ("trimestre", "quarter"):
        q = (ref.month - 1) // 3 + step
        y = ref.year + (q // 4)
        return quarter_res(y, q % 4 + 1)
    return year_res(ref.year + step)


def _res_unitpart(c: _Cand, ctx: _Ctx) -> Resolved | None:
    c2 = _Cand(c.start, c.end, "relunit", dict(c.g, det="ce", ci=None), c.prio)
    return _res_relunit(c2, ctx)


def _res_season(c: _Cand, ctx: _Ctx) -> Resolved | None:
    code = SEASON_WORDS[c.g["season"] or ""]
    if c.g.get("year"):
        return season_res(int(c.g["year"] or 0), code)
    if ctx.day is None:
        return Resolved("DATE", f"XXXX-{code}", None, None, "season")
    ref = ctx.day
    rel = c.g.get("rel") or ""
    det = c.g.get("det") or ""
    y = ref.year - 1 if code == "WI" and ref.month <= 3 else ref.year
    cur = season_res(y, code)
    assert cur.start is not None and cur.end is not None
    if rel in ("dernier", "last") or det == "last":
        return cur if cur.end < ref else season_res(y - 1, code)
    if rel in ("prochain", "next") or det == "next":
        return cur if cur.start > ref else season_res(y + 1, code)
    return cur


def _res_dur(c: _Cand, ctx: _Ctx) -> Resolved | None:
    g = c.g
    unit = UNITS[fold_same_length(g["unit"] or "")]
    amount = _num(g["num"], ctx.lang)
    if amount is not None and g.get("half"):
        amount += 0.5
    if unit == "SEM":
        unit, amount = "M", (amount * 6 if amount is not None else None)
    if unit == "N":
        unit = "D"
    return Resolved("DURATION", duration_value(amount, unit), None, None, "duration")


def _res_ago(c: _Cand, ctx: _Ctx) -> Resolved | None:
    unit = UNITS[fold_same_length(c.g.get("unit") or c.g.get("unit2") or "")]
    amount = _num(c.g.get("num") or c.g.get("num2"), ctx.lang)
    if ctx.day is None:
        return Resolved("DATE", None, None, None, None)
    ref = ctx.day
    if amount is None:
        return Resolved("DATE", "PAST_REF", None, ref, "unknown")
    n = int(amount)
    if unit in ("D", "N"):
        return day_res(ref - timedelta(days=n))
    if unit == "W":
        return day_res(ref - timedelta(days=7 * n))
    if unit == "M":
        y, m = add_months(ref.year, ref.month, -n)
        return month_res(y, m)
    if unit == "Y":
        return year_res(ref.year - n)
    if unit in ("H", "MIN", "S"):
        return day_res(ref)
    return None


def _res_time(c: _Cand, ctx: _Ctx) -> Resolved | None:
    g = c.g
    if g.get("nn"):
        nn = g["nn"] or ""
        h, mi = (12, 0) if nn in ("midi", "noon") else (0, 0)
    elif g.get("h2"):
        h, mi = int(g["h2"] or 0), int(g["m2"] or 0)
        ampm = (g.get("ampm") or "").replace(".", "")
        if ((g.get("part") or "").endswith(("soir", "midi")) or ampm == "pm") and h < 12:
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


_REF_VALUES = {
    "maintenant": "PRESENT_REF", "actuellement": "PRESENT_REF", "desormais": "PRESENT_REF",
    "a present": "PRESENT_REF", "en ce moment": "PRESENT_REF", "pour le moment": "PRESENT_REF",
    "pour l'instant": "PRESENT_REF", "nowadays": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "now": "PRESENT_REF",
    "l'avenir": "FUTURE_REF", "in the future": "FUTURE_REF", "auparavant": "PAST_REF",
    "autrefois": "PAST_REF", "jadis": "PAST_REF", "recemment": "PAST_REF",
    "formerly": "PAST_REF", "previously": "PAST_REF", "recently": "PAST_REF",
}  # fmt: skip


def _res_ref(c: _Cand, ctx: _Ctx) -> Resolved | None:
    w = c.g["ref"] or ""
    if w.startswith("actuel"):
        v = "PRESENT_REF"
    elif w.startswith("futur"):
        v = "FUTURE_REF"
    else:
        v = _REF_VALUES.get(w, "PRESENT_REF")
    d = ctx.day
    if v == "PRESENT_REF":
        return Resolved("TIME", v, d, d, "day" if d else None)
    return Resolved("TIME", v, None, None, None)


_SET_ADJ = {
    "quotid": "P1D", "daily": "P1D", "hebdo": "P1W", "weekly": "P1W", "mensu": "P1M",
    "monthly": "P1M", "annu": "P1Y", "yearly": "P1Y",
}  # fmt: skip


def _res_set(c: _Cand, ctx: _Ctx) -> Resolved | None:
    adj = c.g.get("adj")
    if adj:
        for k, v in _SET_ADJ.items():
            if adj.startswith(k):
                return Resolved("SET", v, None, None, "set")
        return None
    unit = fold_same_length(c.g.get("unit") or c.g.get("wdpl") or "")
    wd = WEEKDAYS.get(unit.rstrip("s"))
    if wd is not None:
        return Resolved("SET", f"XXXX-WXX-{wd + 1}", None, None, "set")
    code = _part_suffix(unit.rstrip("s"))
    if code and unit.rstrip("s") not in UNITS:
        return Resolved("SET", f"T{code}", None, None, "set")
    u = UNITS.get(unit, UNITS.get(unit.rstrip("s"), "D"))
    if u == "N":
        return Resolved("SET", "TNI", None, None, "set")
    return Resolved("SET", duration_value(1, u), None, None, "set")


_FIXED_HOLIDAYS = {
    "noel": (12, 25), "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "toussaint": (11, 1), "assomption": (8, 15), "nouvel an": (1, 1), "jour de l'an": (1, 1),
    "new year's day": (1, 1), "saint-sylvestre": (12, 31), "new year's eve": (12, 31),
    "14-juillet": (7, 14), "14 juillet": (7, 14), "halloween": (10, 31),
}  # fmt: skip
_EASTER_OFFSETS = {"paques": 0, "easter": 0, "ascension": 39, "pentecote": 49}


def _holiday_date(hol: str, year: int) -> date | None:
    if hol in _FIXED_HOLIDAYS:
        m, d = _FIXED_HOLIDAYS[hol]
        return date(year, m, d)
    if hol in _EASTER_OFFSETS:
        from dateutil.easter import easter  # the Gregorian computus, not worth rewriting

        return easter(year) + timedelta(days=_EASTER_OFFSETS[hol])
    if hol == "thanksgiving":  # fourth Thursday of November (US)
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return None


def _res_holiday(c: _Cand, ctx: _Ctx) -> Resolved | None:
    hol = (c.g["hol"] or "").replace("14 juillet", "14-juillet")
    if c.g.get("year"):
        d = _holiday_date(hol, int(c.g["year"] or 0))
        return day_res(d) if d else None
    if ctx.day is None:
        return None
    cands = [d for y in (ctx.day.year - 1, ctx.day.year, ctx.day.year + 1)
             if (d := _holiday_date(hol, y)) is not None]
    if not cands:
        return None
    if ctx.tense == "past":
        past = [d for d in cands if d <= ctx.day]
        return day_res(max(past)) if past else None
    if ctx.tense == "future":
        fut = [d for d in cands if d >= ctx.day]
        return day_res(min(fut)) if fut else None
    return day_res(min(cands, key=lambda d: abs((d - ctx.day).days)))  # type: ignore[operator]


def _res_vaguedur(c: _Cand, ctx: _Ctx) -> Resolved | None:
    unit = UNITS.get(fold_same_length(c.g["unit"] or ""), "D")
    return Resolved("DURATION", duration_value(None, unit), None, None, "duration")


_QUARTERS = {"premier": 1, "1er": 1, "first": 1, "deuxieme": 2, "2e": 2, "second": 2,
             "troisieme": 3, "3e": 3, "third": 3, "quatrieme": 4, "4e": 4, "fourth": 4}  # fmt: skip


def _res_quarter(c: _Cand, ctx: _Ctx) -> Resolved | None:
    q = c.g["q"] or ""
    if c.g.get("year"):
        year = int(c.g["year"] or 0)
    elif ctx.day is not None:
        year = ctx.day.year
    else:
        return None
    if q in ("dernier", "last"):
        if c.g.get("year") or ctx.day is None:
            return quarter_res(year, 4)
        cur = (ctx.day.month - 1) // 3 + 1
        return quarter_res(year - 1, 4) if cur == 1 else quarter_res(year, cur - 1)
    return quarter_res(year, _QUARTERS.get(q, 1))


def _res_daymonth(c: _Cand, ctx: _Ctx) -> Resolved | None:
    d, m = int(c.g["d"] or 0), int(c.g["m"] or 0)
    if not (1 <= d <= 31 and 1 <= m <= 12):
        return None
    year = _pick_year(m, d, ctx, None)
    if year is None:
        return Resolved("DATE", f"XXXX-{m:02d}-{d:02d}", None, None, "day")
    day = clamp_day(year, m, d)
    if day is None:  # 29/2 outside a leap year: the closest leap year around the reference
        for y in (year, year - 1, year + 1, year - 2, year + 2, year - 3, year + 3):
            if clamp_day(y, m, d):
                return day_res(date(y, m, d))
        return None
    return day_res(day)


def _res_partbare(c: _Cand, ctx: _Ctx) -> Resolved | None:
    if c.g.get("wd"):
        # "la nuit de samedi à dimanche": the night that starts on the first day named
        r = _res_wd(_Cand(c.start, c.end, "wd", {"wd": c.g["wd"]}, c.prio), ctx)
        if r is None or r.start is None:
            return r
        return _with_part(r.start, c.g.get("part"))
    base = ctx.anchor or ctx.day
    if base is None:
        return None
    return _with_part(base, c.g.get("part"))


def _res_perunit(c: _Cand, ctx: _Ctx) -> Resolved | None:
    u = UNITS[fold_same_length(c.g["unit"] or "")]
    if u == "SEM":
        return Resolved("SET", "P6M", None, None, "set")
    return Resolved("SET", duration_value(1, u), None, None, "set")


def _res_lexdur(c: _Cand, ctx: _Ctx) -> Resolved | None:
    lex = c.g["lex"] or ""
    years = {"quinquennat": 5, "septennat": 7}.get(lex)
    return Resolved("DURATION", duration_value(years, "Y"), None, None, "duration")


def _res_numeric(c: _Cand, ctx: _Ctx) -> Resolved | None:
    import dateparser  # a library that handles day/month order per language well

    raw = c.extra.get("surface")
    assert isinstance(raw, str)
    langs = [ctx.lang] if ctx.lang in ("fr", "en") else ["fr"]
    order = "MDY" if ctx.lang == "en" and "/" in raw else ("YMD" if "-" in raw else "DMY")
    parsed = dateparser.parse(
        raw, languages=langs, settings={"STRICT_PARSING": True, "DATE_ORDER": order}
    )
    if parsed is None:
        return None
    return day_res(parsed.date())


_RESOLVERS: dict[str, Callable[[_Cand, _Ctx], Resolved | None]] = {
    "dmy": _res_dmy, "mdy": _res_dmy, "my": _res_month, "mon": _res_month, "year": _res_year,
    "decade": _res_decade, "century": _res_century, "reld": _res_reld,
    "thispart": _res_thispart, "anchor": _res_anchor, "wd": _res_wd, "relunit": _res_relunit,
    "unitpart": _res_unitpart, "season": _res_season, "dur": _res_dur, "ago": _res_ago,
    "time": _res_time, "timeen": _res_time, "noon": _res_time, "ref": _res_ref, "set": _res_set,
    "numeric": _res_numeric, "partbare": _res_partbare, "perunit": _res_perunit,
    "lexdur": _res_lexdur, "daymonth": _res_daymonth, "holiday": _res_holiday,
    "unitpart2": _res_unitpart, "vaguedur": _res_vaguedur, "quarter": _res_quarter,
}  # fmt: skip

_NEEDS_TENSE = {"dmy", "mdy", "mon", "reld", "wd", "relunit", "season", "daymonth", "holiday"}
_MOD = {
    "debut": "START", "early": "START", "beginning": "START", "fin": "END", "late": "END",
    "end": "END", "mi-": "MID", "mi": "MID", "mid": "MID", "mid-": "MID", "milieu": "MID",
    "middle": "MID", "courant": None, "environ": "APPROX", "pres de": "APPROX",
    "pres d'": "APPROX", "vers": "APPROX", "about": "APPROX", "around": "APPROX",
    "nearly": "APPROX", "almost": "APPROX", "some": "APPROX", "plus de": "MORE_THAN",
    "plus d'": "MORE_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "moins de": "LESS_THAN", "moins d'": "LESS_THAN", "less than": "LESS_THAN",
    "au moins": "EQUAL_OR_MORE", "at least": "EQUAL_OR_MORE",
}  # fmt: skip


# kinds whose resolver reads only the candidate and ctx.lang
_DAY_FREE_KINDS = {"year", "century", "dur", "set", "perunit", "lexdur", "vaguedur", "numeric"}


def _day_free(c: _Cand) -> bool:
    if c.kind in _DAY_FREE_KINDS:
        return True
    # a 4-digit year written out: _res_dmy / _res_month never look at the reference day
    return c.kind in ("dmy", "mdy", "my") and len(c.g.get("year") or "") == 4


def _reference_days(ref: DateRange) -> list[date | None]:
    if ref.start is None:
        return [None]
    end = ref.end or ref.start
    n = (end - ref.start).days
    if n < 0 or n > 400:
        return [ref.start]
    return [ref.start + timedelta(days=i) for i in range(n + 1)]


def _merge(results: list[Resolved | None]) -> Resolved | None:
    got = [r for r in results if r is not None]
    if not got:
        return None
    first = got[0]
    if all(r == first for r in got):
        return first
    starts = [r.start for r in got if r.start is not None]
    ends = [r.end for r in got if r.end is not None]
    s = min(starts) if starts else None
    e = max(ends) if ends else None
    gran = (first.granularity or "day") + "-uncertain"
    if all(r.value == first.value for r in got):
        # same value (PRESENT_REF, a duration), only the covered days vary
        return Resolved(first.type, first.value, s, e, gran)
    if s is None or e is None:
        return Resolved(first.type, None, None, None, first.granularity)
    if (s.year, s.month) == (e.year, e.month):
        value = f"{s.year:04d}-{s.month:02d}"
    else:
        value = f"{s.isoformat()}/{e.isoformat()}"
    return Resolved(first.type, value, s, e, gran)


def sentence_index(sentences: list[Sentence], offset: int, starts: list[int] | None = None) -> int:
    """``starts`` (the sentences' start offsets) can be passed by callers asking for many
    offsets, so it is built once rather than once per expression."""
    if not sentences:
        return 0
    if starts is None:
        starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return sentences[0].index
    return sentences[i].index


def extract_times(
    text: str, sentences: list[Sentence], ref: DateRange, language: str | None
) -> list[TimeRef]:
    """Time expressions of ``text`` resolved against ``ref`` at its own precision.

    ``language`` 'fr' or 'en' (anything else is treated as French, the
    engine's first language). Never raises on odd input: a resolver that
    fails on one expression drops that expression only.
    """
    if not text:
        return []
    lang = "en" if (language or "").lower().startswith("en") else "fr"
    folded = fold_same_length(text)
    cands = [_fresh(c) for c in _selected(text, lang)]
    _share_years(cands, folded)
    for c in cands:
        c.extra["surface"] = text[c.start : c.end]
        if c.kind == "reld":
            before = folded[max(0, c.start - 3) : c.start]
            after = folded[c.end : c.end + 2]
            c.extra["generic"] = after.startswith(",") and (
                _sentence_start(text, c.start) or before.rstrip().endswith(",")
            )
    tenses = [
        guess_tense(text, c.start, c.end, lang) if c.kind in _NEEDS_TENSE else None for c in cands
    ]
    per_cand: list[list[Resolved | None]] = [[] for _ in cands]
    # "Vers 0 h 40, jeudi, ...": a clock time takes the day named right after it
    lookahead = {
        i: i + 1
        for i, c in enumerate(cands[:-1])
        if c.kind in ("time", "timeen", "noon")
        and cands[i + 1].kind in ("wd", "dmy", "mdy", "reld")
        and re.fullmatch(r"[\s,]{0,3}", text[c.end : cands[i + 1].start])
    }
    # resolved once, not once per reference day: their resolvers read neither the day nor
    # the anchor (a year ref has 365 days; "numeric" would call dateparser each time)
    day_free = {i for i, c in enumerate(cands) if _day_free(c)}
    fixed: dict[int, Resolved | None] = {}
    for day in _reference_days(ref):
        anchor = day
        for i, c in enumerate(cands):
            if i in fixed:
                r = fixed[i]
            else:
                ctx = _Ctx(day, anchor, tenses[i], lang)
                try:
                    if i in lookahead:
                        j = lookahead[i]
                        nxt = _RESOLVERS[cands[j].kind](cands[j], _Ctx(day, anchor, tenses[j], lang))
                        if nxt is not None and nxt.start is not None and nxt.start == nxt.end:
                            ctx = _Ctx(day, nxt.start, tenses[i], lang)
                    r = _RESOLVERS[c.kind](c, ctx)
                except (ValueError, KeyError, OverflowError, TypeError, AssertionError, IndexError):
                    r = None
                if i in day_free:
                    fixed[i] = r
            per_cand[i].append(r)
            if (
                r is not None
                and r.type in ("DATE", "TIME")
                and r.start is not None
                and r.start == r.end
                and r.value not in ("PRESENT_REF",)
            ):
                anchor = r.start
    out: list[TimeRef] = []
    sent_starts = [s.start for s in sentences]
    for c, results in zip(cands, per_cand, strict=True):
        r = _merge(results)
        if r is None:
            continue
        mod_word = fold_same_length(c.g.get("mod") or c.g.get("pmod") or c.g.get("pre") or "")
        out.append(
            TimeRef(
                text=text[c.start : c.end],
                start=c.start,
                end=c.end,
                sentence=sentence_index(sentences, c.start, sent_starts),
                type=r.type,  # type: ignore[arg-type]
                value=r.value,
                range_start=r.start.isoformat() if r.start else None,
                range_end=r.end.isoformat() if r.end else None,
                granularity=r.granularity,
                method=f"grammar:{c.kind}",
                mod=_MOD.get(mod_word.strip()),
            )
        )
    return out
