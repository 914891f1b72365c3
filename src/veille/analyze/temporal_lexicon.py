"""Words of time in French and English: months, weekdays, units, number words.

The closed vocabularies live here so the grammar in ``temporal.py`` reads as
patterns. Nothing here names any article's content: these are the calendar
words of each language.
"""

from __future__ import annotations

import re
import unicodedata

from text_to_num import text2num


def fold(s: str) -> str:
    """Lower-case without accents, so "Août", "aout" and "AOÛT" share one key."""
    nfkd = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in nfkd if not unicodedata.combining(c)).replace("’", "'")


MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "janvier janv january jan",
        "fevrier fevr fev february feb",
        "mars march mar",
        "avril avr april apr",
        "mai may",
        "juin june jun",
        "juillet juil july jul",
        "aout august aug",
        "septembre sept september sep",
        "octobre oct october",
        "novembre nov november",
        "decembre dec december",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _i

# Month names by language: an English text's "Mars" is the planet, not mars
# (March); a French text's "May" is a name. Abbreviations ("jan.", "sept.",
# "déc.") are shared: both languages' writers use them.
_FULL_NAMES = {
    "fr": "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "en": "january february march april may june july august september october november december",
}
_ABBREVIATIONS = set(MONTHS) - {n for names in _FULL_NAMES.values() for n in names.split()}
MONTHS_BY_LANG: dict[str, frozenset[str]] = {
    lang: frozenset(names.split()) | _ABBREVIATIONS for lang, names in _FULL_NAMES.items()
}

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "lundi monday",
        "mardi tuesday",
        "mercredi wednesday",
        "jeudi thursday",
        "vendredi friday",
        "samedi saturday",
        "dimanche sunday",
    ]
):
    for _n in _names.split():
        WEEKDAYS[_n] = _i

# Duration units -> TimeML unit code.
UNITS: dict[str, str] = {
    "seconde": "S", "secondes": "S", "sec": "S", "second": "S", "seconds": "S",
    "minute": "MIN", "minutes": "MIN", "min": "MIN",
    "heure": "H", "heures": "H", "hour": "H", "hours": "H",
    "jour": "D", "jours": "D", "journee": "D", "journees": "D", "day": "D", "days": "D",
    "nuit": "N", "nuits": "N", "night": "N", "nights": "N",
    "semaine": "W", "semaines": "W", "week": "W", "weeks": "W",
    "mois": "M", "month": "M", "months": "M",
    "trimestre": "Q", "trimestres": "Q", "quarter": "Q", "quarters": "Q",
    "semestre": "SEM", "semestres": "SEM",
    "an": "Y", "ans": "Y", "annee": "Y", "annees": "Y", "year": "Y", "years": "Y",
    "decennie": "DE", "decennies": "DE", "decade": "DE", "decades": "DE",
    "siecle": "CE", "siecles": "CE", "century": "CE", "centuries": "CE",
}

# Part of day -> TimeML suffix.
DAY_PARTS: dict[str, str] = {
    "matin": "MO", "matinee": "MO", "morning": "MO",
    "midi": "MI", "noon": "MI",
    "apres-midi": "AF", "afternoon": "AF",
    "soir": "EV", "soiree": "EV", "evening": "EV",
    "nuit": "NI", "night": "NI", "tonight": "NI",
}

SEASON_WORDS: dict[str, str] = {
    "printemps": "SP", "spring": "SP",
    "ete": "SU", "summer": "SU",
    "automne": "FA", "autumn": "FA", "fall": "FA",
    "hiver": "WI", "winter": "WI",
}

_FR_NUMS = [
    "zero", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts",
    "trente", "quarante", "cinquante", "soixante", "septante", "huitante", "octante",
    "nonante", "cent", "cents", "mille", "million", "millions", "milliard", "milliards",
]
_EN_NUMS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million",
]
_NUM_ALT = "|".join(sorted(set(_FR_NUMS + _EN_NUMS), key=len, reverse=True))
_NUM_TOKEN = rf"(?:{_NUM_ALT})"
# "dix-huit", "vingt et un", "quatre-vingt-dix", "twenty-one"
NUMBER_WORDS = rf"{_NUM_TOKEN}(?:(?:[\s-]+(?:et[\s-]+|and[\s-]+)?){_NUM_TOKEN})*"
NUMBER_WORDS_RE = re.compile(rf"^{NUMBER_WORDS}$", re.IGNORECASE)


def parse_number(s: str, language: str | None = None) -> float | None:
    """Digits ("15", "30,4", "1.5") or number words ("dix-huit", "twenty-one")."""
    t = s.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    words = fold(s.strip())
    if not NUMBER_WORDS_RE.match(words):
        return None
    if words in ("un", "une", "one"):
        return 1.0
    langs = [language] if language in ("fr", "en") else ["fr", "en"]
    for lang in langs + [x for x in ("fr", "en") if x not in langs]:
        try:
            return float(text2num(words, lang))
        except ValueError:
            continue
    return None


def alternation(words: dict[str, object] | list[str]) -> str:
    """A regex alternation that also accepts the accented spellings of folded keys."""
    out = set()
    for w in words:
        out.add(_accent_tolerant(w))
    return "(?:" + "|".join(sorted(out, key=len, reverse=True)) + ")"


_ACCENTS = {
    "e": "[eéèêë]",
    "a": "[aàâ]",
    "u": "[uûù]",
    "i": "[iîï]",
    "o": "[oô]",
    "c": "[cç]",
}


def _accent_tolerant(word: str) -> str:
    return "".join(_ACCENTS.get(ch, re.escape(ch)) for ch in word)
