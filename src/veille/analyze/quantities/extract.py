"""Numbers that count or measure something: "12 brigades", "50 000 à 60 000 hommes".

Why hand-written: no installed library extracts French quantities with the
counted noun (quantulum3 is English-only and not installed; Recognizers-Text
has no maintained Python French number-with-unit model). Number *words*
are converted with ``text_to_num`` (text2num), which handles French
compounds ("quatre-vingt-dix", "vingt et un"); the rest is a regex grammar
for French and English number formats (thin/non-breaking spaces or dots as
thousands separators, decimal commas, "5,2 milliards de dollars"), ranges,
partitives ("quatre des six missiles"), percentages and currencies.

What is *not* a quantity here: anything inside a time expression
(``extract_times`` recognises years, dates, clock times and durations such as
"15 mois" — those are time, not counts), ordinals (35e, 1er), identifiers
(RS-24, n° 5), and bare numbers with nothing counted or measured.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.analyze.quantities.bounds import (
    BoundWords,
    apply_bounds,
    bound_words,
    merge_bounds,
)
from veille.analyze.quantities.compound import find_feet_and_inches, find_split_amounts
from veille.analyze.quantities.fractions import (
    Fraction,
    FractionGrammar,
    find_fractions,
    find_spoken_decimals,
    fraction_grammar,
    read_words,
)
from veille.analyze.quantities.locale_numbers import locale_numbers, qualified_currency_names
from veille.analyze.quantities.points import mark_percentage_points
from veille.analyze.quantities.units import classify, si_of
from veille.analyze.temporal import extract_times, fold_same_length, sentence_index
from veille.analyze.temporal import fold as _fold
from veille.analyze.temporal.lexicon import (
    FULL_MONTHS,
    NUMBER_PACKS,
    alt,
    alt_longest,
    parse_number,
)
from veille.core.model import DateRange, Quantity, Sentence, TimeRef
from veille.lang import language_data
from veille.lang.number_words import NumberWords
from veille.lang.stop_words import spacy_stop_words

__all__ = ["extract_quantities"]

_DIGITS = (
    r"(?<![\d,.])(?:\d+(?:[.,]\d+)?[eE][+-]?\d+(?![\w])"  # scientific: 1e10, 12,32e+14
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d])(?:[.,]\d+)?"
    r"|\d{1,3}(?:['’]\d{3})+(?![\d])(?:[.,]\d+)?"  # Swiss grouping: 10'000, 1’250’000
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])"  # Indian grouping: 12,34,567.89
    r"|\d{1,3}(?:\.\d{3})+,\d+"
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d])"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
    r"|\d+(?:[.,]\d+)?"
    r"|(?<![\w])\.\d+(?![\d.,]))"  # ".25": a decimal with no whole part
)
# language-free: symbols and SI abbreviations (the words are in the packs)
_SYMBOL_SCALES = ("k", "m")
_SYMBOL_SCALE_VALUES = {"k": 1e3, "m": 1e6}
_SYMBOL_CURRENCIES = {"€": "EUR", "$": "USD", "£": "GBP",
                      # CLDR's symbols of the dollars news names ("US$5 million", "A$2bn")
                      "us$": "USD", "a$": "AUD", "ca$": "CAD", "c$": "CAD", "hk$": "HKD",
                      "nz$": "NZD", "s$": "SGD"}
_CURRENCY_SIGNS = r"(?:(?<![\w$])(?:us|a|ca|c|hk|nz|s)\$|[€$£])"
_SYMBOL_UNITS = {
    "%": "percent", "km/h": "km/h", "km2": "km2", "km²": "km2", "km": "km", "m": "m",
    "m2": "m2", "m²": "m2", "m3": "m3", "m³": "m3", "cm3": "cm3", "cm³": "cm3", "km3": "km3",
    "km³": "km3", "kb": "kB", "mb": "MB", "gb": "GB", "tb": "TB",
    "cm": "cm", "mm": "mm", "kg": "kg", "g": "g", "t": "t", "l": "l", "ha": "ha", "°c": "°C",
    "°": "°", "mw": "MW", "gw": "GW", "kwh": "kWh", "twh": "TWh",
}  # fmt: skip
_EMPTY = NumberWords()


@dataclass(frozen=True)
class _Grammar:
    """The number grammar for one language.

    A language with a pack matches the number words of every pack (as the time
    grammar does: the union, built from ``veille.lang.PACKS``) and reads
    separators, scales and nouns by its own conventions; a language without
    one gets digits with symbols and SI units only.
    """

    own: NumberWords
    packs: tuple[NumberWords, ...]  # whose words are matched
    qty: re.Pattern[str]
    qty_folded: re.Pattern[str]
    partitive: re.Pattern[str]
    partitive_noun: re.Pattern[str]
    scale_link: re.Pattern[str]
    bare_scale: re.Pattern[str]
    scale_ending: re.Pattern[str]
    ordinal: re.Pattern[str]
    participle: re.Pattern[str]
    currencies: dict[str, str]
    units: dict[str, str]
    one_words: frozenset[str]
    list_joiners: frozenset[str]
    alternative_joiners: frozenset[str]
    pair_openers: frozenset[str]
    stop_next: frozenset[str]
    prenominal: frozenset[str]
    noun_links: frozenset[str]
    bounds: BoundWords
    fractions: FractionGrammar
    unit_noun_link: re.Pattern[str]
    fraction_link: re.Pattern[str]
    vague_before: re.Pattern[str]
    negative_before: re.Pattern[str]
    one_before: re.Pattern[str]
    time_nouns: frozenset[str]
    unit_after: re.Pattern[str]
    subunits: dict[str, tuple[str, float]]
    approx_scale: re.Pattern[str]
    one_idioms: frozenset[str]
    approx_suffix: re.Pattern[str]
    age_suffix: re.Pattern[str]
    senses: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
    position: re.Pattern[str] = re.compile(r"(?!x)x")
    phone_before: re.Pattern[str] = re.compile(r"(?!x)x")
    counter_nouns: frozenset[str] = frozenset()
    #: the packs' languages' function words: a capitalised one before a number opens a
    #: headline or a line ("… la couronne Avec 474 décès"), it names nothing
    function_words: frozenset[str] = frozenset()
    temperature_cue: re.Pattern[str] = re.compile(r"(?!x)x")
    age_verb: re.Pattern[str] = re.compile(r"(?!x)x")
    year_determiner: re.Pattern[str] = re.compile(r"(?!x)x")
    #: what stands between the two bounds of a range: "-", "à", "to"
    range_between: re.Pattern[str] = re.compile(r"(?!x)x")
    list_between: re.Pattern[str] = re.compile(r"(?!x)x")
    pair_opener: re.Pattern[str] = re.compile(r"(?!x)x")
    range_opener: re.Pattern[str] = re.compile(r"(?!x)x")  # "entre ", "between " just before
    #: a verb of change just before a range's opener: "est passé de", "rose from"
    change_before: re.Pattern[str] = re.compile(r"(?!x)x")
    change_openers: frozenset[str] = frozenset()
    #: "a dozen": an article (not a number word) before a collective scale word
    collective: re.Pattern[str] = re.compile(r"(?!x)x")
    #: an ISO 4217 code in capitals after or before a number ("500 000 CHF", "USD 500
    #: million"), matched on the text itself: folded, "ils", "mad", "try" are words
    iso_after: re.Pattern[str] = re.compile(r"(?!x)x")
    iso_before: re.Pattern[str] = re.compile(r"(?!x)x")
    scale_next: re.Pattern[str] = re.compile(r"(?!x)x")  # "500 million": a scale word next
    #: a pack built from CLDR (``locale_numbers``): digits, scales, money and units only,
    #: no number words, no guess at a counted noun
    derived: bool = False


@lru_cache(maxsize=8)
def _grammar(code: str) -> _Grammar:
    own = language_data(code).numbers
    packs = NUMBER_PACKS if own is not None else ()
    derived = False
    if own is None:  # no hand pack: CLDR's separators, scales, currency and unit names
        own = locale_numbers(code)
        packs = (own,) if own is not None else ()
        derived = own is not None

    def u(get: Any) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w for p in packs for w in get(p)))

    currencies = dict(_SYMBOL_CURRENCIES)
    units = dict(_SYMBOL_UNITS)
    for p in packs:
        for k, v in p.currencies.items():
            currencies.setdefault(k, v)
        for k, v in p.units.items():
            units.setdefault(k, v)
    if not derived:  # "30,000 Egyptian pounds": CLDR's names of a currency with its country
        for k, v in qualified_currency_names(code, own.noun_phrase_head if own else "").items():
            currencies.setdefault(k, v)
    subunits: dict[str, tuple[str, float]] = {}
    for p in packs:
        for k, sv in p.currency_subunits.items():
            subunits.setdefault(k, sv)
    unit_rx = "|".join(
        sorted((re.escape(fold_same_length(w)) for w in [*units, *currencies, *subunits]),
               key=len, reverse=True)
    )
    # "un"/"une"/"one" count only before a scale word ("un million"), see extract_quantities
    num = (rf"(?:{_DIGITS}|(?:{_number_words(packs)})(?![a-z]))" if packs and not derived
           else rf"(?:{_DIGITS})")
    scale = alt([*u(lambda p: p.scales), *_SYMBOL_SCALES])
    # "de moins 10 à moins 2 (degrés)": the second bound's minus said in words
    negative = alt(u(lambda p: p.negative_words))
    total_bound = alt(u(lambda p: (*p.more_than, *p.at_least, *p.less_than, *p.at_most,
                                   *p.approx)))
    # "15- to 50 cents": a hyphen left hanging before the range word
    sep = alt([rf"-\s*{alt(u(lambda p: p.range_joiners))}(?![\w])",
               *u(lambda p: p.range_joiners), *u(lambda p: p.list_joiners), "-"])
    pattern = (
        rf"(?<![\w-])(?:(?P<pre>{alt(u(lambda p: p.range_openers))})\s+)?"
        rf"(?P<cur1>{_CURRENCY_SIGNS})?\s?(?:(?<![\w.,\u2212-])(?P<neg>[-\u2212])\s?)?(?P<n1>{num})"
        rf"(?:\s*(?P<sc1>{scale})(?![a-z\d²³]))?"
        rf"(?:\s*(?P<sep>{sep})\s*(?P<cur2>[€$£])?\s?"
        rf"(?:(?<![\w.,\u2212-])(?P<neg2>[-\u2212](?=\d)|{negative}\s+))?(?P<n2>{num})"
        rf"(?:\s*(?P<sc2>{scale})(?![a-z]))?)?"
        rf"(?:(?:\s*{alt(u(lambda p: p.unit_links))}?|-)(?P<unit>{unit_rx})(?![a-z\d]))?"
    )
    articles = [w for w in (own.one_words if own is not None else ())
                if own is not None and w not in own.words]
    iso = "|".join(sorted(c for c in set(currencies.values()) if re.fullmatch(r"[A-Z]{3}", c)))
    iso = iso or r"(?!x)x"
    return _Grammar(
        counter_nouns=frozenset(u(lambda p: p.counter_nouns)),
        function_words=frozenset(w for p in packs for w in spacy_stop_words(p.text2num_language)),
        temperature_cue=re.compile(rf"(?<![\w]){alt(u(lambda p: p.temperature_cues))}(?![\w])"
                                   if any(p.temperature_cues for p in packs) else r"(?!x)x"),
        age_verb=re.compile(rf"(?<![\w]){alt(u(lambda p: p.age_verbs))}\s+\Z"
                            if any(p.age_verbs for p in packs) else r"(?!x)x"),
        year_determiner=re.compile(
            # one modifier may stand between: "the big-money 2016 players"
            rf"(?<![\w]){alt(u(lambda p: p.year_determiners))}\s+(?:[a-z][\w-]*\s+)?\Z"
            if any(p.year_determiners for p in packs) else r"(?!x)x"),
        phone_before=re.compile(
            rf"(?<![\w]){alt(u(lambda p: p.phone_before))}\s+(?:(?:le|the|on|au)\s+)?\Z"
            if any(p.phone_before for p in packs) else r"(?!x)x"),
        range_between=re.compile(
            rf"\s*(?:[-\u2013]|{alt(u(lambda p: p.range_joiners))}(?![\w]))\s*"),
        list_between=re.compile(rf"\s*{alt(u(lambda p: p.list_joiners))}\s+"),
        range_opener=re.compile(rf"(?<![\w]){alt(u(lambda p: p.range_openers))}\s+\Z"),
        change_before=re.compile(rf"(?<![\w]){alt(u(lambda p: p.change_verbs))}"
                                 rf"(?:\s+(?:by\s+\S+\s+|d'environ\s+)?)?\s+\Z")
        if any(p.change_verbs for p in packs) else re.compile(r"(?!x)x"),
        change_openers=frozenset(u(lambda p: p.change_openers)),
        pair_opener=re.compile(
            rf"(?<![\w]){alt(u(lambda p: p.pair_openers or p.range_openers))}\s+\Z"),
        collective=re.compile(
            rf"(?<![\w']){alt(articles)}\s+(?P<sc>{alt(own.approx_scales)})(?![\w])"
            if articles and own is not None and own.approx_scales else r"(?!x)x"),
        position=re.compile(rf"\s+(?:{alt(u(lambda p: p.position_links))})(?:(?<=')|(?![\w]))\s*"
                            if any(p.position_links for p in packs) else r"(?!x)x"),
        derived=derived,
        own=own or _EMPTY,
        packs=packs,
        qty=re.compile(pattern, re.IGNORECASE),
        # the same on folded text with no character that IGNORECASE would equate with an
        # ASCII letter (the pattern is lower-case): identical matches, about twice as fast
        qty_folded=re.compile(pattern),
        # "quatre des six missiles"; the total may carry its own bound ("21 of the more
        # than 200 schoolgirls", "21 des plus de 200 lycéennes": 21 are counted, not "more")
        partitive=re.compile(
            rf"\s+{alt(u(lambda p: p.partitives))}\s+"
            rf"(?:{total_bound}\s*)?"
            rf"(?P<tot>{num})(?![\w])", re.I
        ),
        partitive_noun=re.compile(rf"\s+{alt(u(lambda p: p.partitive_nouns))}\s+", re.I),
        scale_link=re.compile(rf"\s*{alt(u(lambda p: p.scale_links))}"),
        bare_scale=re.compile(alt(u(lambda p: p.bare_scales))),
        scale_ending=re.compile(rf"{alt(u(lambda p: p.scale_endings))}$"),
        ordinal=re.compile(rf"^{alt(u(lambda p: p.ordinal_suffixes))}\b"),
        participle=re.compile(rf"{alt(u(lambda p: p.participle_endings))}$"),
        currencies=currencies,
        units=units,
        one_words=frozenset(u(lambda p: p.one_words)),
        list_joiners=frozenset(u(lambda p: p.list_joiners)),
        alternative_joiners=frozenset(u(lambda p: p.alternative_joiners)),
        pair_openers=frozenset(u(lambda p: p.pair_openers or p.range_openers)),
        stop_next=frozenset(u(lambda p: p.stop_next)),
        prenominal=frozenset(u(lambda p: p.prenominal)),
        noun_links=frozenset(u(lambda p: p.noun_links)),
        bounds=bound_words(packs),
        fractions=fraction_grammar(packs),
        unit_noun_link=re.compile(
            rf"\s+(?:{alt(u(lambda p: p.measure_links))})(?:(?<=')|(?![\w]))\s*"),
        fraction_link=re.compile(
            rf"\s+(?:{alt(u(lambda p: p.fraction_links))})(?:(?<=')|(?![\w]))\s*"),
        time_nouns=frozenset(u(lambda p: p.time_nouns)),
        unit_after=re.compile(
            # "un demi-litre", "half-mile": a fraction's unit may be hyphenated to it
            rf"(?:-|\s*{alt(u(lambda p: p.unit_links))}?)(?P<unit>{unit_rx})(?![a-z\d])", re.I),
        senses=_senses(packs),
        subunits=subunits,
        approx_scale=re.compile(alt(u(lambda p: p.approx_scales)), re.I),
        one_idioms=frozenset(u(lambda p: p.one_idioms)),
        approx_suffix=re.compile(alt(u(lambda p: p.approx_suffixes)), re.I),
        age_suffix=re.compile(alt(u(lambda p: p.age_suffixes)), re.I),
        # the text's own article only: French "à" folds to English "a"
        one_before=re.compile(rf"(?<![\w'])(?:{alt(own.one_words)})\s+\Z"
                              if own is not None and own.one_words else r"(?!x)x"),
        negative_before=re.compile(
            rf"(?<![\w'])(?:{alt(u(lambda p: p.negative_words))})\s+\Z"
            if any(p.negative_words for p in packs) else r"(?!x)x"),
        vague_before=re.compile(rf"(?<![\w'])(?:{alt(u(lambda p: p.vague_before))})\s+\Z"
                                if any(p.vague_before for p in packs) else r"(?!x)x"),
        # not inside a run of capitals (a headline, "PHP 7 RELEASE"): the word beyond the
        # code is no capitalised word
        iso_after=re.compile(rf"[ \u00a0]?(?P<iso>{iso})(?![\w])(?![ \u00a0]*[A-Z]{{2}})"),
        iso_before=re.compile(rf"(?<![A-Z]{{2}} )(?<![\w])(?P<iso>{iso})[ \u00a0]\Z"),
        scale_next=re.compile(rf"\s*(?:{scale})(?![a-z])", re.I),
    )


def _number_words(packs: tuple[NumberWords, ...]) -> str:
    """Number words as one number: the time grammar's pattern, except that a joiner
    ("et", "and") joins only where it makes one number: after a tens word before a
    unit ("vingt et un", "soixante et onze") or after a hundred or larger ("one hundred
    and two", "mille et un"). So "entre vingt et trente", "between two and three" are
    two numbers, a range, not one word group text2num cannot read."""
    words = sorted({w for p in packs for w in p.words}, key=len, reverse=True)
    token = alt(re.escape(w) for w in words)
    values = {w: parse_number(w) for w in words}
    tens = [w for w, v in values.items() if v and 20 <= v < 100 and v % 10 == 0]
    big = [w for w, v in values.items() if v and v >= 100]
    joiners = alt(re.escape(j) for p in packs for j in p.joiners)
    units = alt(re.escape(u) for p in packs for u in p.joined_units)

    def after(ws: list[str]) -> str:
        return "|".join(f"(?<={re.escape(w)}{sep})" for w in ws for sep in (" ", "-")) or "(?!)"

    # after a hundred or larger, not before a number ending on a scale as large: "entre
    # cent et deux cents", "between a thousand and two thousand" are two numbers
    small = alt(re.escape(w) for w in words if w not in big)
    after_big = "|".join(
        rf"(?:{after([w])}){joiners}[\s-]+(?!(?:(?:{small})[\s-]+)*?"
        rf"(?:{alt(re.escape(b) for b in big if (values[b] or 0) <= (values[w] or 0))})"
        rf"(?![a-z]))" for w in big) or "(?!)"
    join = (rf"(?:(?:{after(tens)}){joiners}[\s-]+(?={units}(?![a-z]))"
            rf"|{after_big})")
    return rf"{token}(?:[\s-]+(?:{join})?{token})*"


def _shared_scale(text: str, m: re.Match[str], gr: _Grammar) -> float:
    """The scale word that ends a range's second number written out when the first has
    none ("entre deux et trois millions", "between one and two million"): the first
    counts in it too; 0 when there is no such word."""
    if not m.group("n2") or m.group("sc1") or m.group("sc2"):
        return 0.0
    last2 = fold_same_length(text[m.start("n2") : m.end("n2")]).lower().split()
    last1 = fold_same_length(text[m.start("n1") : m.end("n1")]).lower().split()
    scales = gr.fractions.scale_values
    if not last2 or not last1 or last1[-1].rstrip("s") in scales:
        return 0.0
    return scales.get(last2[-1].rstrip("s"), 0.0)


def _senses(packs: tuple[NumberWords, ...]
            ) -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    out: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}
    for p in packs:
        for word, senses in p.unit_senses.items():
            out.setdefault(word, tuple(
                (code, re.compile(rf"(?<![\w]){alt(cues)}(?![\w])", re.I))
                for code, cues in senses))
    return out


#: a number right before a month name is a day of a date ("le 4 mai"), even where the
#: caller asked for no time expressions (number benchmarks)
_MONTH_AFTER = re.compile(rf"\s+{alt_longest(FULL_MONTHS)}(?![\w])", re.I)
#: 1,1^+23, 2,5^-1, 10^6: a power, read as one number
_POWER = re.compile(r"(?<![\w.,^])(?P<neg>-\s?)?(?P<base>\d+(?:[.,]\d+)?)\s?\^\s?"
                    r"(?P<sign>[-+]*)(?P<exp>\d+(?:[.,]\d+)?)(?![\d])")
#: how far around a unit word its sentence's cues are read (``unit_senses``)
_SENSE_WINDOW = 150


def _sense(key: str, unit: str | None, folded: str, start: int, end: int, gr: _Grammar
           ) -> str | None:
    """The unit an ambiguous word means here: "24 degrés" next to "température" is °C,
    "25 livres" next to "poids" pounds of weight; else the sense the article's other
    sentences give it; else the word's default."""
    senses = gr.senses.get(key)
    if not senses:
        return unit
    lo = max(0, start - _SENSE_WINDOW)
    window = folded[lo : end + _SENSE_WINDOW]
    cut = start - lo
    # the sentence only: from the last full stop before the number to the next after it
    left = max(window.rfind(". ", 0, cut), window.rfind("\n", 0, cut))
    right_at = [i for i in (window.find(". ", end - lo), window.find("\n", end - lo)) if i >= 0]
    window = window[left + 1 : min(right_at) if right_at else len(window)]
    for code, cue in senses:
        if cue.search(window):
            return code
    # no cue in the sentence: the article's own ("Jusqu'à 30 degrés mardi" as a headline
    # over "il fait environ 30 degrés"), when it speaks of one sense only
    hits = [code for code, cue in senses if cue.search(folded)]
    return hits[0] if len(hits) == 1 else unit


def _find_powers(text: str) -> list[Fraction]:
    out = []
    for m in _POWER.finditer(text):
        base = float(m.group("base").replace(",", "."))
        exp = float(m.group("exp").replace(",", "."))
        if m.group("sign").count("-") % 2:
            exp = -exp
        try:
            value = base**exp
        except OverflowError:
            value = math.inf
        if m.group("neg"):
            value = -value
        out.append(Fraction(m.start(), m.end(), value))
    return out


#: the rest of a compound ordinal after the number words the grammar read
#: ("vingt-et-unième", "twenty-first", and French "vingt et unième" written with spaces)
_ORDINAL_TAIL = re.compile(
    r"(?:-(?:[a-z]+-)*|\s+et\s+)[a-z]*(?:iemes?|first|second|third|th)(?![\w])")
_WORD_DASH_NUMBER = re.compile(r"(?<=[^\W\d_])[\u2014\u2013](?=\d)")
_PROVISIONAL = -2  # ``sentence`` of a bare bound kept only if a later bound joins it
_NOT_WORD = re.compile(r"[^\w\s'’-]")
_WORD = re.compile(r"\s*([^\W\d_](?:[\w’'-]*[^\W\d_])?)", re.UNICODE)


def _to_number(s: str | None, gr: _Grammar, code: str) -> float | None:
    if not s:
        return None
    t = s.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?[eE][+-]?\d+", t):
        try:
            return float(t.replace(",", "."))  # 1e400 is inf: kept unresolved, with a note
        except OverflowError:
            return math.inf
    if re.fullmatch(r"[\d \u00a0\u202f\u2009.,'’]+", t):
        t = re.sub(r"[ \u00a0\u202f\u2009'’]", "", t)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", t):
            t = t.replace(".", "").replace(",", ".")  # 1.458.000,00
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", t) or (
            gr.own.dot_thousands and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t)
        ):
            t = t.replace(".", "")  # thousands dots: 70.000 habitants
        elif gr.own.comma_thousands or re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", t) or (
                re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?", t)) or (
                re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", t)):  # two commas: never a decimal
            t = t.replace(",", "")  # grouping commas
        else:
            t = t.replace(",", ".")
        try:
            return float(t)
        except ValueError:
            return None
    return read_words(t, code)


def _decimal(x: float) -> float:
    """``x`` as the decimal a reader wrote: "$2.07 billion" is 2,070,000,000, not the
    2,069,999,999.9999998 a binary product gives (a story comparing amounts across
    outlets, a reader shown the figure). Fifteen significant digits keep every figure news
    write."""
    return float(f"{x:.15g}")


def _scale(s: str | None, gr: _Grammar) -> float:
    """The value of a scale word, by the text's language first (French "billion" is a
    million millions, English one a thousand millions), then by the others'."""
    if not s:
        return 1.0
    f = s.lower()
    for p in (gr.own, *gr.packs):
        for prefix, value in p.scale_values.items():
            if f.startswith(prefix):
                return value
    return _SYMBOL_SCALE_VALUES.get(f, 1.0)


def _noun_from_doc(doc: Any, end: int, gr: _Grammar, starts: list[int] | None = None,
                   linked: bool = False) -> tuple[str | None, int]:
    """The counted noun from spaCy: the first common noun after ``end``.

    Adjectives and proper-noun modifiers are passed ("15 NFL seasons", "three Equifax
    executives", "two curious polar bears"); a compound runs to its head ("two side
    cores", "209,000 US credit card numbers"); a proper noun stands as the noun only
    when nothing else follows ("10 Americans"), never after "of" ("67 of Slidell" is
    an age and a town; ``linked``: the caller passed a "de"/"of" already, as in "140 km
    de Sanaa"). ``starts`` (the tokens' ``idx``, increasing) finds the first
    token at or after ``end`` by bisection instead of walking the whole Doc.
    """
    if starts is None:
        starts = [t.idx for t in doc]
    first = bisect.bisect_left(starts, end)
    toks = [doc[i] for i in range(first, min(first + 7, len(starts)))]  # at most 7 are read
    # The text of those tokens only: ``doc.text`` joins every token of the
    # Doc on each access (it was a fifth of the analysis CPU, called per number).
    base = toks[0].idx if toks else 0
    local = "".join(t.text_with_ws for t in toks)
    proper: Any = None
    for k, tok in enumerate(toks[:5]):
        if tok.like_num and k > 0 and toks[k - 1].pos_ == "PROPN" and not tok.is_punct and (
                k + 1 < len(toks) and toks[k + 1].pos_ in ("NOUN", "ADJ")):
            continue  # "18 Boeing 747 jumbo jets", "two Falcon 9 rockets": a model's number
        if tok.is_punct or tok.like_num:
            break
        if tok.pos_ == "NOUN" or (tok.pos_ == "ADJ" and k == 0 and "Plur" in tok.morph.get(
                "Number") and any(c.like_num and c.dep_ == "nummod" and c.i < tok.i
                                  for c in tok.children)):
            # a plural adjective the parse makes the head of the number is the noun
            # counted ("200 lycéennes enlevées": the tagger's ADJ for a substantive; not
            # "tous deux excité", a participle)
            if (fold_same_length(tok.lemma_ or tok.text).lower() in gr.time_nouns
                    and k > 0 and not any(c.like_num for c in tok.children)):
                # "Palmer turned 38 last week": a time noun the number does not modify
                # dates the clause; it is not what the number counts
                return None, end
            head = k
            while head + 1 < len(toks) and toks[head].dep_ == "compound" and (
                toks[head + 1].pos_ in ("NOUN", "PROPN")
                # "three quarterback hits": a compound's head is nominal whatever its tag
                or toks[head].head.i == toks[head + 1].i and toks[head + 1].tag_ == "VBZ"
            ):
                head += 1
            later = _modified_noun(tok, toks, k)
            if later is not None:  # "crime-fighters", "current or former members"
                head = later
            last = toks[head]
            stop = last.idx + len(last.text)
            cut = _NOT_WORD.search(local, tok.idx - base, stop - base)  # "accomplishments—1"
            if cut is not None and cut.start() + base > tok.idx and later is None:
                stop = cut.start() + base
            text = local[tok.idx - base : stop - base]
            nxt = toks[head + 1] if head + 1 < len(toks) else None
            past_part = nxt is not None and not gr.own.adjectives_before_noun and (
                ("Part" in nxt.morph.get("VerbForm") and "Past" in nxt.morph.get("Tense"))
                or gr.participle.search(nxt.text) is not None
            )
            if nxt is not None and past_part and nxt.pos_ in ("ADJ", "VERB"):
                # "véhicules blindés", "soldats tués" (not "brigades totalisant")
                text = local[tok.idx - base : nxt.idx + len(nxt.text) - base]
                stop = nxt.idx + len(nxt.text)
            if fold_same_length(text.split()[0]).lower() in gr.stop_next:
                return None, end  # "three times": a frequency, nothing counted
            return text, stop
        if tok.pos_ == "PROPN":
            if k + 1 < len(toks) and toks[k + 1].tag_ == "POS":
                continue  # "three of Trump's advisers": a possessor, what follows is counted
            if linked:
                return None, end
            proper = proper or tok
            continue
        if tok.pos_ in ("ADJ", "ADV"):
            continue
        if tok.tag_ == "POS" and k > 0 and toks[k - 1].pos_ == "PROPN":
            continue  # "two of the Heavy's boosters": the possessor is no count's noun
        if tok.pos_ == "CCONJ" and k + 1 < len(toks) and toks[k + 1].pos_ == "ADJ" and k > 0:
            continue  # "eight current or former members"
        if tok.lower_ in gr.noun_links and k == 0:
            linked = True
            continue
        if linked and tok.pos_ == "DET" and k <= 1 or linked and tok.pos_ == "PRON" and k == 1:
            continue  # "six of its patents"
        break
    if proper is not None and proper.i == first + (1 if linked else 0):
        nxt_i = proper.i + 1
        if nxt_i >= len(doc) or doc[nxt_i].pos_ not in ("PROPN", "NOUN"):
            # a token the tokenizer left glued to a dash and more ("accomplishments—1")
            # ends at the dash
            cut = _NOT_WORD.search(proper.text)
            name = proper.text[: cut.start()] if cut is not None and cut.start() > 0 else proper.text
            return name, proper.idx + len(name)
    return None, end


#: the place after a position link: capitalised words ("Hokkaido", "Cape Erimo", "la
#: Libye"), else one word ("the border"), on the original text
_PLACE = re.compile(
    r"(?:(?:the|la|le|les|l['’])\s*)?"
    # a common noun naming the place's kind before its name: "the cape of Erimo"
    r"(?:[^\W\d_A-Z][\w'’-]*\s+(?:of|de|du|des|d['’])\s*(?=[^\W\d_a-z]))?"
    r"(?:[^\W\d_a-z][\w'’-]*(?:\s+(?:(?:of|de|du|des|del)\s+)?"
    r"[^\W\d_a-z][\w'’-]*){0,3}|[^\W\d_][\w'’-]*)")
#: a conversion in brackets between a distance and its place ("1,180 km (735 miles) east
#: of"), or the bracket closing after the converted one ("(735 miles) east of")
_BRACKETED = re.compile(r"\s*(?:\([^()]{0,80}\)|\))")


def _anchor(text: str, folded: str, end: int, unit: str | None, gr: _Grammar) -> str | None:
    """"east of Hokkaido" in "730 miles east of Hokkaido": a distance from a place is a
    position; the place keeps it apart from distances travelled ("flew 1,677 miles")."""
    if unit is None:
        return None
    si = si_of(unit)
    if si is None or si[0] != "m":
        return None
    m = gr.position.match(folded, end)
    if m is None and (b := _BRACKETED.match(folded, end)) is not None:
        m = gr.position.match(folded, b.end())
    if m is None:
        return None
    place = _PLACE.match(text, m.end())
    if place is None or not place.group().strip():
        return None
    return " ".join(text[m.start() : place.end()].split())


def _labels_a_noun(doc: Any, starts: list[int], start: int, gr: _Grammar) -> bool:
    """A number right after a common noun names it ("season 1", "game 3", "le vol
    175"), as one the parse hangs on a proper noun before it does ("Flight 175",
    "Apollo 11"); it counts nothing. Not after a currency word ("Rs 314")."""
    i = bisect.bisect_left(starts, start)
    if i == 0 or i >= len(starts) or starts[i] != start:
        return False
    tok, prev = doc[i], doc[i - 1]
    if prev.idx + len(prev.text) == tok.idx:
        return False  # glued: "US$5", "-3"
    key = fold_same_length(prev.text).lower()
    if key in gr.currencies or key in gr.units or key in gr.subunits:
        return False
    # the parse may hang the name on its number instead ("when Chang’e 3 was launched":
    # "Chang’e" a compound of "3")
    names_it = prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == tok.i
    if not names_it and (tok.head.i != prev.i
                         or tok.dep_ not in ("nummod", "nmod", "appos", "compound")):
        return False  # "compte 10 épisodes": the number counts the noun after it
    if prev.pos_ == "NOUN":
        return prev.text[:1].islower()
    return prev.pos_ == "PROPN" and prev.ent_type_ not in ("PERSON", "PER")


def _modified_noun(tok: Any, toks: list[Any], k: int) -> int | None:
    """The noun a first "noun" only modifies, as the parse says: "six of its biggest
    crime-fighters" counts fighters, "eight current or former members" members (the
    small English model tags "current" a noun). Only across modifiers, conjunctions
    and hyphens, at most four tokens on; the index in ``toks``, or None."""
    if tok.dep_ not in ("compound", "amod", "nmod", "npadvmod"):
        return None
    head = tok.head
    while head.i > tok.i and head.i - tok.i <= 4 and head.pos_ != "NOUN" or (
            head.pos_ == "NOUN" and head.dep_ == "compound" and head.i > tok.i):
        if head.pos_ not in ("NOUN", "ADJ", "VERB") or head.dep_ not in (
                "compound", "amod", "npadvmod") or head.head.i <= head.i:
            return None
        head = head.head  # "tram-related accidents": tram -> related -> accidents
    if head.pos_ != "NOUN" or not (0 < head.i - tok.i <= 4):
        return None
    j = k + (head.i - tok.i)
    if j >= len(toks) or toks[j].i != head.i:
        return None
    between = toks[k + 1 : j]
    if not all(t.pos_ in ("ADJ", "CCONJ", "NOUN", "ADV") or t.text in ("-", "‐")
               or (t.pos_ == "VERB" and t.dep_ == "amod")
               for t in between):
        return None
    return j


def _noun_from_text(text: str, end: int, gr: _Grammar) -> tuple[str | None, int]:
    """Without a parse: the next word unless it is a function word; skip one pre-nominal adj.

    Where adjectives come first ("21 armored vehicles", ``adjectives_before_noun``) the
    phrase runs to the first plural-looking word within three words.
    """
    pos = end
    own = gr.own
    if not gr.packs or gr.derived:
        return None, end  # no function words known for the language: no guess
    if own.adjectives_before_noun:
        plural = own.plural_endings
        words = []
        for _ in range(3):
            m = _WORD.match(text, pos)
            if m is None or fold_same_length(m.group(1)) in gr.stop_next or m.group(1)[:1].isupper():
                break
            words.append(m)
            pos = m.end()
            if m.group(1).endswith(plural):
                break
        if not words:
            return None, end
        if not words[-1].group(1).endswith(plural):
            words = words[:1]
        if len(words) == 1 and words[0].group(1).endswith(own.participle_endings):
            return None, end  # "37.78 based on": a participle, nothing counted
        return text[words[0].start(1) : words[-1].end()], words[-1].end()
    for _ in range(2):
        m = _WORD.match(text, pos)
        if m is None:
            return None, end
        word = m.group(1)
        key = fold_same_length(word)
        if key in gr.prenominal:
            pos = m.end()
            continue
        if key in gr.stop_next or word[:1].isupper():
            return None, end
        stop = m.end()
        m2 = _WORD.match(text, stop)
        if m2 and gr.participle.search(m2.group(1)) and not m2.group(1)[:1].isupper():
            return text[m.start(1) : m2.end()], m2.end()  # "véhicules blindés"
        return word, stop
    return None, end


def extract_quantities(
    text: str,
    sentences: list[Sentence],
    language: str | None,
    doc: Any = None,
    *,
    keep_bare: bool = False,
    skip_times: bool = True,
    times: Sequence[TimeRef] | None = None,
) -> list[Quantity]:
    """Counts and measures in ``text``; offsets into ``text``; never raises on odd input.

    ``keep_bare`` also returns numbers with nothing counted (for number-only
    benchmarks); ``skip_times`` drops numbers inside time expressions, found by
    ``extract_times`` unless the caller passes the ``times`` it already has.
    """
    if not text:
        return []
    code = language_data(language).code
    gr = _grammar(code)
    folded = fold_same_length(text)
    if "\u2014" in text or "\u2013" in text:
        # "Cruz—35 to 12 percent": a dash between a word and a number is punctuation, not
        # the hyphen of a name's number ("F-16"), which the fold would make of it
        chars = list(folded)
        for d in _WORD_DASH_NUMBER.finditer(text):
            chars[d.start()] = " "
        folded = "".join(chars)
    if not skip_times:
        time_spans: list[tuple[int, int]] = []
    elif times is not None:
        time_spans = [(t.start, t.end) for t in times]
    else:
        time_spans = [(t.start, t.end) for t in extract_times(text, [], DateRange.unknown(), code)]
    fractions = (find_fractions(text, folded, gr.fractions, code)
                 if gr.packs and not gr.derived else [])
    powers = _find_powers(text) if "^" in text else []
    if gr.packs and not gr.derived:  # "douze virgule cinq": a number, not a fraction
        powers.extend(find_spoken_decimals(text, folded, gr.fractions, code))
        # "1 milliard 200 millions": one amount, read whole
        powers.extend(find_split_amounts(folded, gr.fractions.scale_values,
                                         tuple(w for p in gr.packs for w in p.hundred_words)))
        for c in gr.collective.finditer(folded):  # "a dozen people": about twelve
            fractions.append(Fraction(c.start(), c.end(), _scale(c.group("sc"), gr)))
    heights = find_feet_and_inches(folded, gr.units) if gr.packs and not gr.derived else []
    time_spans.extend((h.start, h.end) for h in heights)  # "6-foot-5": read below
    fractions.extend(powers)
    time_spans.extend((f.start, f.end) for f in fractions)  # read below, not as numbers
    qty_rx = gr.qty if _fold.NEEDS_IGNORECASE.search(folded) else gr.qty_folded
    # time spans sorted by start with the running maximum of their ends: a number overlaps
    # one iff the spans starting before its end reach past its start (bisection, where a
    # scan of every span per number was quadratic on long texts)
    time_spans.sort()
    span_starts = [a for a, _ in time_spans]
    reach: list[int] = []
    for _, b in time_spans:
        reach.append(max(b, reach[-1]) if reach else b)
    sent_starts = [x.start for x in sentences]
    tok_starts: list[int] | None = None  # token offsets of ``doc``, built on first use
    out: list[Quantity] = []
    last_end = 0
    pos = 0
    while pos < len(folded):
        m = qty_rx.search(folded, pos)
        if m is None:
            break
        pos = max(m.end(), pos + 1)
        if not m.group("n1") or m.start("n1") < last_end:
            continue
        num_start = m.start("n1")
        num_end = m.end("n2") if m.group("n2") else m.end("n1")
        k = bisect.bisect_left(span_starts, num_end)
        if k > 0 and num_start < reach[k - 1]:
            continue
        n1_text = text[m.start("n1") : m.end("n1")]
        first = re.match(r"[^\W\d_]+", fold_same_length(n1_text).lower())
        if first is not None and doc is not None and gr.own.words and (
                first.group() not in gr.own.words):
            # another language's number word the parse reads as a word of this one
            # (English "seize" is French sixteen): read on from the next word
            if tok_starts is None:
                tok_starts = [t.idx for t in doc]
            i = bisect.bisect_right(tok_starts, num_start) - 1
            if i >= 0 and doc[i].idx == num_start and doc[i].pos_ in _NOT_NUMBER_POS:
                pos = num_start + first.end()
                continue
        if _is_ordinal_or_id(text, m.start("n1"), m.end("n1"), gr):
            if m.group("n2"):  # "Cruz 35 to 12 percent": the name's number alone is out
                pos = max(m.end("n1"), m.start() + 1)
            continue
        if doc is not None and m.group("cur1") is None:
            if tok_starts is None:
                tok_starts = [t.idx for t in doc]
            if _labels_a_noun(doc, tok_starts, m.start("n1"), gr) and not (
                    gr.age_verb.search(folded, max(0, num_start - 16), num_start)
                    and gr.bounds.before.search(folded, max(0, num_start - 60), num_start)):
                continue  # "Flight 175", "season 1 episode 7", "turn three": a label
                # ("under age 2", an age's bound, is none)
        if not m.group("n2") and _MONTH_AFTER.match(folded, m.end("n1")):
            continue  # "le 4 mai": a date
        words_only = not re.search(r"\d", n1_text)
        if words_only and _in_a_name(text, num_start, num_end, _to_number(n1_text, gr, code)):
            continue  # "the Million Mask March", "Three Mile Island": a name's word
        if (not m.group("n2") and not m.group("sc1") and not m.group("cur1")
                and not m.group("unit") and _YEAR.fullmatch(n1_text)
                and gr.year_determiner.search(folded, max(0, num_start - 30), num_start)):
            continue  # "the 2015 assaults", "its 2016 report": a year, not a count
        if words_only and _ORDINAL_TAIL.match(folded, num_end):
            continue  # "vingt-et-unième", "twenty-first": an ordinal, not twenty
        if (words_only or m.group("sc1")) and gr.vague_before.search(
                folded, max(0, num_start - 30), num_start):
            continue  # "a couple of hundred", "several hundred": no number is stated
            # ("des quelques 10 à 15.000 enfants" states one, roughly)
        if (words_only and gr.bare_scale.fullmatch(fold_same_length(n1_text).strip())
                and not gr.one_before.search(folded, max(0, num_start - 6), num_start)):
            continue  # "plusieurs millions d'articles": a scale word alone counts nothing exact
        negated = gr.negative_before.search(folded, max(0, num_start - 20), num_start)
        shared_scale = _shared_scale(text, m, gr)
        either = (m.group("sep") or "").lower() in gr.alternative_joiners
        if words_only and fold_same_length(n1_text).strip() in gr.one_words and not (
            m.group("sc1") or negated or shared_scale or either
            # "au moins un mort", "plus d'une victime": after a bound, "un" is a number;
            # not after an approximation ("près d'une colonie" is where, not about one)
            or _bounded_one(gr.bounds.before.search(folded, max(0, num_start - 60), num_start))
        ):
            if doc is not None and tok_starts is None:
                tok_starts = [t.idx for t in doc]
            if not _one_counts(doc, tok_starts, num_start, gr):
                continue
        v1 = _to_number(n1_text, gr, code)
        if v1 is None:
            continue
        negative = bool(m.group("neg")) and not words_only  # "- Quatre mineurs": a bullet
        if negative and m.start("neg") > 0 and folded[m.end("neg") : m.end("neg") + 1].isspace():
            negative = False  # "- 3.5mm headphone jack": a list's dash, not a minus
        negative = negative or negated is not None  # "négative cinq", "moins 5 °C"
        if negative:
            v1 = -v1
        sc1, sc2 = _scale(m.group("sc1"), gr), _scale(m.group("sc2"), gr)
        # "1,80 m.", "100 m de haut": metres; "$5m", "5m people": millions; the metre's
        # symbol is a small m, a capital M is mega ("80M", "1,2M de followers")
        metre = (m.group("sc1") is not None and text[m.start("sc1") : m.end("sc1")] == "m"
                 and not m.group("cur1") and not m.group("unit") and not m.group("n2")
                 and _ends_phrase(folded, m.end("sc1"), gr))
        if metre:
            sc1 = 1.0
        v2 = _to_number(text[m.start("n2") : m.end("n2")], gr, code) if m.group("n2") else None
        if v2 is not None and m.group("neg2"):
            # "entre -20 et -10": a minus after an opener; "de moins 10 à moins 2": after a
            # first bound said negative
            v2 = -v2 if m.group("pre") or negative else None
        sep = (m.group("sep") or "").lower()
        either = either and v2 is not None and not m.group("pre") and v1 < v2
        if v2 is not None and sep in gr.list_joiners and not either and (
                not m.group("pre") or m.group("pre").lower() not in gr.pair_openers):
            v2 = None  # "2 et 3" is two numbers unless introduced by "entre"/"between"
        end = m.end()
        if v2 is None and m.group("n2"):
            end = m.end("n1") if not m.group("sc1") else m.end("sc1")
            sc2 = 1.0
            pos = end  # the second number is read again on its own
        if v2 is not None:
            if sc2 != 1.0 and sc1 == 1.0:
                sc1 = sc2
            elif sc1 == 1.0 and shared_scale and v1 < v2 / shared_scale:
                v1 *= shared_scale  # "entre deux et trois millions": both are millions
            elif sc2 == 1.0 and sc1 == 1.0 and _thousands_shorthand(
                    n1_text, text[m.start("n2") : m.end("n2")], v1, v2):
                v1 *= 1000  # "10 à 15.000 enfants", "between 20 and 30,000 protesters"
            v2 = _decimal(v2 * (sc2 if sc2 != 1.0 else sc1))
        v1 = _decimal(v1 * sc1)
        # "réduite de 39 à 17 appareils", "fell from 39 to 17 aircraft": a change, two counts
        # of the noun after the second (not a range)
        falling = False
        if v2 is not None and (v2 < v1 or (
                m.group("pre") and sep not in gr.list_joiners
                and fold_same_length(m.group("pre")).lower().strip() in gr.change_openers
                and gr.change_before.search(folded, max(0, m.start("pre") - 40), m.start("pre"))
        )):
            # "est passé de 12 à 15 morts", "rose from 3% to 5%": a change, not a range
            v2 = None
            end = m.end("n1") if not m.group("sc1") else m.end("sc1")
            pos = end
            falling = bool(m.group("pre")) and sep not in gr.list_joiners
        unit_raw = m.group("unit") if end >= m.end() else None
        if (unit_raw is None and m.group("unit") and m.group("n2") and not m.group("sc1")
                and not m.group("cur1") and (not m.group("pre") or sep in gr.list_joiners)
                and folded[m.start("unit") - 1 : m.start("unit")] != "-"):
            # "35 to 12 percent", "2 et 3 %", "des taux de 1,1 et 1,2 %": the unit after
            # the second number is both's
            unit_raw = m.group("unit")
        cur = m.group("cur1") or m.group("cur2")
        unit = None
        if unit_raw:
            key = unit_raw.lower().strip()
            if folded[m.start("unit") - 1 : m.start("unit")] == "-":
                # "400-pound gorilla", "55-ton": a compound adjective measures, money rarely
                unit = gr.units.get(key) or gr.currencies.get(key)
            else:
                unit = gr.currencies.get(key) or gr.units.get(key)
            unit = _sense(key, unit, folded, m.start("n1"), m.end(), gr)
            if unit is None and key in gr.subunits:  # "75 cents": USD 0.75
                unit, factor = gr.subunits[key]
                v1 = round(v1 * factor, 10)
                v2 = round(v2 * factor, 10) if v2 is not None else None
        if cur and not unit:
            unit = gr.currencies.get(cur)
        if metre and not unit:
            unit = "m"
        if unit is None and (im := gr.iso_after.match(text, end)) is not None:
            unit, end = im.group("iso"), im.end()  # "une amende de 500 000 CHF"
        start = m.start("pre") if (m.group("pre") and v2 is not None) else m.start("n1")
        if m.group("cur1") and m.start("cur1") < start:
            start = m.start("cur1")
        if negative and m.group("neg") and m.start("neg") < start:
            start = m.start("neg")  # "-30": the sign is part of the number
        elif negative and negated is not None:
            start = negated.start()
        elif words_only:
            one = gr.one_before.search(folded, max(0, start - 6), start)
            word = fold_same_length(n1_text).strip().lower()
            if one is not None and v1 >= 100 and (
                    gr.bare_scale.fullmatch(word) or word in gr.fractions.scale_values):
                # "a thousand people", "more than a million migrants": the article is
                # the number's (and the bound before it reaches the number)
                start = one.start()
        if m.group("cur1") is None and text[start : start + 1].isspace():
            start += 1
        if unit is None and (ib := gr.iso_before.search(text, max(0, start - 4), start)) and (
                _amount_after_code(text, num_start, m.end("n1"), gr)):
            unit, start = ib.group("iso"), ib.start()  # "USD 500 million"
        of_total = None
        noun = None
        stop = end
        pm = gr.partitive.match(folded, end)
        if unit is None and pm:
            tot = _to_number(text[pm.start("tot") : pm.end("tot")], gr, code)
            if tot is not None and tot >= v1:
                of_total = tot
                stop = pm.end()
        elif unit is None:
            pn = gr.partitive_noun.match(folded, end)
            if pn:
                stop = pn.end()
            elif m.group("sc1") or gr.scale_ending.search(fold_same_length(n1_text)) or (
                    v2 is not None and (m.group("sc2") or gr.scale_ending.search(
                        fold_same_length(text[m.start("n2") : m.end("n2")])))):
                # "trois millions de personnes", "de 2 à 3 millions de personnes"
                sm = gr.scale_link.match(folded, end)
                if sm:
                    stop = sm.end()
        if stop == end and unit is None and (qm := _QUOTED_WORDS.match(text, end)):
            stop = qm.end()  # '28 "serious" attacks': a quoted modifier before the noun
        approx_suffix = gr.approx_suffix.match(folded, stop) if unit is None else None
        if approx_suffix is not None:
            stop = approx_suffix.end()  # "100-odd humans"
        age = gr.age_suffix.match(folded, stop) if unit is None else None
        link = gr.unit_noun_link.match(folded, stop) if unit is not None else None
        if link is not None:
            stop = link.end()  # "34 inches of snow": what is measured
        if age is not None:  # "the 29-year-old singer"
            noun, end = text[age.start() : age.end()].lstrip("- "), age.end()
        elif unit is None or link is not None:
            if doc is not None and tok_starts is None:
                tok_starts = [t.idx for t in doc]
            n, nstop = (
                _noun_from_doc(doc, stop, gr, tok_starts, linked=link is not None)
                if doc is not None
                else _noun_from_text(text, stop, gr)
            )
            if n is None and doc is not None:
                n, nstop = _noun_from_text(text, stop, gr)
                if n is not None and not _parse_allows_noun(doc, tok_starts, nstop, v1):
                    n = None  # "turned 17 just a day before", "90 percent of what"
            if n is not None and nstop > 0:
                t = bisect.bisect_left(span_starts, nstop - 1)
                if t > 0 and nstop - 1 < reach[t - 1]:
                    n = None  # "turned 38 last week": the noun belongs to a time expression
            if n is not None and doc is not None and _symbol_scale_name(
                    m, text, doc, tok_starts, nstop):
                continue  # "a 4K TV", "2K resolution", "a 10K run": a format's name, no count
            if n is not None and _gallery_counter(text, num_start, nstop, n, gr, doc, tok_starts):
                continue  # "Hide Caption 3 of 25 Photos", "(2 Images)": page furniture
            if n is not None and (label := _box_label(text, num_start, nstop)) is not None:
                n, nstop = label, num_end  # "Stages: 2 Boosters: 2": 2 stages, 2 boosters
            if n is not None:
                noun, end = n, nstop
        if noun is None and unit is None and doc is not None and tok_starts is not None:
            # "le nombre de morts s'élève à 45": what is counted is the subject's
            noun = _subject_counts(doc, tok_starts, num_start,
                                   m.end("sc1") if m.group("sc1") else num_end, gr)
        provisional = False
        # "who turned 17", "people ages 55 to 65", "aged between 18 and 35": an age (a
        # range too, its opener between the verb and the number)
        age_at = m.start("pre") if m.group("pre") and v2 is not None else num_start
        turned = (unit is None and not rough_scale(m, gr) and 0 < v1 < 1000
                  and any(gr.age_verb.search(folded, max(0, at - 16), at) is not None
                          for at in {age_at, num_start})
                  and (noun is None or fold_same_length(noun.split()[0]).lower()
                       not in gr.time_nouns))
        if turned:
            noun, end = None, num_end  # "turns 300 Trading place": the next heading's words
        if noun is None and unit is None and not keep_bare and (
                _COUNTER_OF.search(text, max(0, num_start - 12), num_start)
                or _COUNTER_AT.match(text, num_start)) and _COUNTER_END.match(text, num_end):
            continue  # "Hide Caption 4 of 59 | Photos", "1 of 26 Full Screen": a counter
        if noun is None and unit is None and not keep_bare and _NAME_BRACKET.search(
                text, max(0, num_start - 30), num_start) and text[num_end : num_end + 1] == ")":
            continue  # "Joe Haden (21)": a player's number (or an age) in a caption
        if noun is None and unit is None and not keep_bare and gr.phone_before.search(
                folded, max(0, num_start - 25), num_start):
            continue  # "call 911", "composez le 15": a telephone number, nothing counted
        if noun is None and unit is None and not keep_bare and not turned and not _stands_for_a_noun(
            doc, tok_starts, num_start, num_end, m.group("sc1") is not None, gr
        ) and not _age_apposition(doc, tok_starts, num_start, v1):
            if falling:
                provisional = True  # counts what the second number counts (_share_falling)
            elif not gr.bounds.before.search(folded, max(0, start - 60), start):
                continue  # a bare number: nothing counted or measured
            # "supérieur à 100 et inférieur à 300 soldats": a bound kept until the join
            provisional = True
        if noun is None and of_total is not None:
            end = stop
        if m.group("sc1") and not noun and unit is None and not keep_bare and not falling:
            continue
        if (doc is not None and not keep_bare and unit is None and age is None and not words_only
                and not m.group("sc1") and not m.group("cur1") and (
                    (v2 is not None and sep == "-" and noun is not None
                     and _singular_after(doc, tok_starts, m.end("n2"), gr))
                    or (_indefinite_before(doc, tok_starts, num_start) and (
                        (v2 is not None and sep == "-" and noun is None)
                        or (v2 is None and noun is None and v1 != 1))))):
            # a pair of numbers before a singular noun counts nothing: "a 4-12 season",
            # "their 0-16 season", "an 8-8 record" are a team's wins and losses (a range
            # counts plural things: "4-12 people"); after an indefinite article a bare
            # number is a model's name ("could lift a 737 into orbit"); "a 12 point
            # lead", "a 3-5 year sentence", "a million voters" keep theirs
            continue
        last_end = end
        note = None
        if not math.isfinite(v1) or (v2 is not None and not math.isfinite(v2)):
            # "10000…0" (hundreds of digits) overflows a float: kept, unresolved, said why
            v1, v2, note = None, None, "number too large to resolve"
        if approx_suffix is not None:
            end = max(end, approx_suffix.end())
        rough = either or approx_suffix is not None or (
            m.group("sc1") is not None and gr.approx_scale.fullmatch(m.group("sc1").lower())
            is not None)  # "une trentaine de morts": about thirty
        kind = "count"
        # the head of a compound noun says what is counted: "5 Best Day Spas" counts spas
        head = (noun.split()[-1] if noun is not None and gr.own.adjectives_before_noun
                else noun.split()[0] if noun is not None else "")
        if noun is not None and (age is not None
                                 or fold_same_length(head).lower() in gr.time_nouns):
            # "Poutine, 70 ans": what the time grammar left of "N ans" is an age (a
            # duration with a preposition, "pendant 15 mois", is a time expression)
            kind = "age"
            if rough and not keep_bare and not _after_noun_link(folded, start, gr):
                continue  # "une quinzaine de jours plus tard": a duration ("un homme
                # d'une trentaine d'années" is an age)
        elif noun is None and unit is None and _age_apposition(doc, tok_starts, num_start, v1):
            kind = "age"  # "Martin Bamford, 30, was travelling"
        elif turned:
            kind = "age"  # "the gorilla, who turned 17 a day before"
        out.append(
            Quantity(
                text=text[start:end],
                start=start,
                end=end,
                sentence=_PROVISIONAL if provisional
                else sentence_index(sentences, start, sent_starts),
                value=v1,
                value_max=v2,
                unit=unit,
                noun=noun,
                of_total=of_total,
                note=note,
                kind=kind,
                approximate=rough,
                modifier="approx" if rough else None,
                anchor=_anchor(text, folded, end, unit, gr) if noun is None else None,
            )
        )
    out = _share_falling(out, folded, gr, sentences, sent_starts)
    out.extend(Quantity(text=text[h.start : h.end], start=h.start, end=h.end,
                        sentence=sentence_index(sentences, h.start, sent_starts),
                        value=h.value, unit="foot") for h in heights)
    out.extend(_glued_temperatures(text, folded, gr, span_starts, reach, sentences,
                                   sent_starts))
    for f in fractions:
        fq = _fraction_quantity(f, text, folded, gr, doc, keep_bare)
        if f in powers:
            fq.kind = "count"
            if not math.isfinite(f.value):
                fq.value, fq.note = None, "number too large to resolve"
        out.append(fq)
    out = sorted((q for q in out if q.sentence != -1), key=lambda q: q.start)
    return _finish(out, text, folded, gr, sentences, sent_starts, doc)


#: a temperature written the British and American way: "30C", "-5C", "95F"
_GLUED_TEMPERATURE = re.compile(r"(?<![\w.,])(?P<neg>[-\u2212])?(?P<n>\d{1,3}(?:[.,]\d)?)"
                                r"(?P<u>[CF])(?![\w°])")


def _glued_temperatures(text: str, folded: str, gr: _Grammar, span_starts: list[int],
                        reach: list[int], sentences: list[Sentence], sent_starts: list[int]
                        ) -> list[Quantity]:
    """"30C", "95F" where the sentence speaks of weather or heat (the pack's
    ``temperature_cues``); the main pass leaves a number glued to a capital letter out
    ("3D", "5G", "4F" a grade)."""
    out: list[Quantity] = []
    if "C" not in text and "F" not in text:
        return out
    for m in _GLUED_TEMPERATURE.finditer(text):
        k = bisect.bisect_left(span_starts, m.end())
        if k > 0 and m.start() < reach[k - 1]:
            continue  # inside a time expression
        lo = max(0, m.start() - _SENSE_WINDOW)
        window = folded[lo : m.end() + _SENSE_WINDOW]
        cut = m.start() - lo
        left = max(window.rfind(". ", 0, cut), window.rfind("\n", 0, cut))
        right = [i for i in (window.find(". ", m.end() - lo), window.find("\n", m.end() - lo))
                 if i >= 0]
        if not gr.temperature_cue.search(window[left + 1 : min(right) if right else None]):
            continue
        value = float(m.group("n").replace(",", "."))
        if m.group("neg"):
            value = -value
        elif re.search(r"(?<![\w])minus\s+\Z", folded[max(0, m.start() - 8) : m.start()]):
            value = -value  # "minus 10C"
        out.append(Quantity(text=m.group(), start=m.start(), end=m.end(),
                            sentence=sentence_index(sentences, m.start(), sent_starts),
                            value=value, unit="°" + m.group("u"), kind="measure"))
    return out


def _fraction_quantity(f: Fraction, text: str, folded: str, gr: _Grammar, doc: Any,
                       keep_bare: bool) -> Quantity:
    """A fraction and what it is a fraction of ("deux tiers des électeurs"); one with
    nothing after it is kept for number benchmarks only (``sentence`` -1 drops it)."""
    stop = f.end
    um = gr.unit_after.match(folded, f.end)
    unit = None
    if um is not None and f.noun is None:  # "deux millions et demi d'euros"
        key = um.group("unit").lower().strip()
        unit = gr.currencies.get(key) or gr.units.get(key)
    if unit is not None and um is not None:
        q = Quantity(text=text[f.start : um.end()], start=f.start, end=um.end(), sentence=0,
                     value=f.value, unit=unit, kind="fraction")
        return q
    if f.noun is not None:  # "un Français sur trois": the noun sits inside the ratio
        noun: str | None = f.noun
        end = f.end
    else:
        pn = gr.fraction_link.match(folded, stop)
        if pn:
            stop = pn.end()
        noun, end = (_noun_from_doc(doc, stop, gr, linked=pn is not None) if doc is not None
                     else _noun_from_text(text, stop, gr))
    if noun is None:
        end = f.end
    # a share is below one; "half a million people", "une demi-douzaine de blessés" and
    # "deux et demi" are amounts (counts, the collective ones approximate)
    share = abs(f.value) < 1
    rough = not share and gr.approx_scale.search(folded, f.start, f.end) is not None
    q = Quantity(text=text[f.start : end], start=f.start, end=end, sentence=0,
                 value=f.value, noun=noun, kind="fraction" if share else "count",
                 approximate=rough, modifier="approx" if rough else None)
    if noun is None and not keep_bare:
        q.sentence = -1
    return q


_GROUPED_THOUSANDS = re.compile(r"\d{1,3}[ .,\u00a0\u202f'’]\d{3}")


def _thousands_shorthand(raw1: str, raw2: str, v1: float, v2: float) -> bool:
    """A range's first number said in thousands the second writes out: "10 à 15.000",
    "20 to 30,000": a small whole number before a grouped one of the same order of
    thousands (not "de 1 à 10 000": ten times apart, literal)."""
    return (raw1.strip().isdigit() and 0 < v1 < 1000 and _GROUPED_THOUSANDS.fullmatch(
        raw2.strip()) is not None and v1 * 1000 < v2 < v1 * 10000)


def _share_falling(out: list[Quantity], folded: str, gr: _Grammar, sentences: list[Sentence],
                   sent_starts: list[int]) -> list[Quantity]:
    """"de 39 à 17 appareils": the first number of a falling pair, kept provisional,
    counts what the second counts; a provisional bound is left for ``merge_bounds``."""
    for q, nxt in zip(out, out[1:], strict=False):
        if (q.sentence == _PROVISIONAL and q.noun is None and q.unit is None
                and (nxt.noun is not None or nxt.unit is not None)
                and nxt.value is not None and q.value is not None
                and (nxt.value < q.value or _after_change(folded, q.start, gr))
                and gr.range_between.fullmatch(folded, q.end, nxt.start)
                and gr.range_opener.search(folded, max(0, q.start - 12), q.start)):
            q.noun, q.unit = nxt.noun, nxt.unit
            q.sentence = sentence_index(sentences, q.start, sent_starts)
    return out


def _after_change(folded: str, start: int, gr: _Grammar) -> bool:
    """A number opened by "de"/"from" after a verb of change ("est passé de 12 à 15",
    "went from 3% to 5%"): the value before the change, not a range's lower bound."""
    op = gr.range_opener.search(folded, max(0, start - 12), start)
    return op is not None and folded[op.start() : op.end()].strip() in gr.change_openers and (
        gr.change_before.search(folded, max(0, op.start() - 40), op.start()) is not None)


def _join_unit_ranges(out: list[Quantity], folded: str, gr: _Grammar) -> list[Quantity]:
    """"20%-30%", "de 3 % à 5 %", "5 km to 10 km": a unit written after each bound
    makes two quantities of the grammar; joined by a range word they are one range."""
    joined: list[Quantity] = []
    for q in out:
        prev = joined[-1] if joined else None
        if (prev is not None and q.unit is not None and prev.unit == q.unit
                and prev.value_max is None and q.value_max is None and prev.noun is None
                and prev.value is not None and q.value is not None):
            value: float | None = None
            if gr.range_between.fullmatch(folded, prev.end, q.start) or (
                    gr.list_between.fullmatch(folded, prev.end, q.start)
                    and gr.pair_opener.search(folded, max(0, prev.start - 12), prev.start)):
                value = q.value  # "de 3 % à 5 %", "-5 °C to -2 °C", "between 5% and 10%"
            elif folded[q.start : q.start + 1] == "-" and gr.range_between.fullmatch(
                    folded, prev.end, q.start + 1):
                value = -q.value  # "20%-30%": the dash is the range's, not a minus
            if value is not None and value > prev.value and not _after_change(
                    folded, prev.start, gr):
                prev.value_max, prev.end = value, q.end
                prev.noun, prev.kind = q.noun, q.kind
                continue
        joined.append(q)
    return joined


def _finish(out: list[Quantity], text: str, folded: str, gr: _Grammar,
            sentences: list[Sentence], sent_starts: list[int], doc: Any = None
            ) -> list[Quantity]:
    """Bounds ("plus de", "environ"), joined one-sided bounds, kind, SI unit, and the
    lemma of the counted noun's head from the parse ("soldats tués" -> "soldat"), the
    key a story compares counts by."""
    if not out:
        return out
    out = _join_unit_ranges(out, folded, gr)
    words = gr.bounds
    floor = 0
    for q in out:
        apply_bounds(q, folded, words, floor)
        floor = q.end
    out = [q for q in merge_bounds(out, folded, words) if q.sentence != _PROVISIONAL]
    currencies = set(gr.currencies.values())
    for q in out:
        q.text = text[q.start : q.end]
        q.sentence = sentence_index(sentences, q.start, sent_starts)
        classify(q, currencies)
        if doc is not None and q.noun:
            q.noun_lemma = _head_lemma(doc, text, q)
    mark_percentage_points(out, folded, gr.own)
    return out


def _head_lemma(doc: Any, text: str, q: Quantity) -> str | None:
    assert q.noun is not None
    at = text.rfind(q.noun, q.start, q.end)
    if at < 0:
        return None
    span = doc.char_span(at, at + len(q.noun), alignment_mode="expand")
    if span is None or not len(span):
        return None
    return str(span.root.lemma_ or span.root.text).lower()


_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


def _subject_counts(doc: Any, starts: list[int], start: int, end: int,
                    gr: _Grammar) -> str | None:
    """The noun a number counts when the sentence names it in its subject: "Le nombre
    de morts s'élève à 45", "le nombre de décès est de 192", "the number of deaths rose
    to 813" (the number is an argument of the verb whose subject is the packs'
    ``count_nouns`` with its "de"/"of" noun). None otherwise."""
    lemmas = {w for p in gr.packs for w in p.count_nouns}
    i = bisect.bisect_left(starts, start)
    if not lemmas or i >= len(starts) or starts[i] != start:
        return None
    tok = doc[i]
    while tok.dep_ == "nummod" and tok.i < tok.head.i and tok.head.idx < end:
        tok = tok.head  # "3,5 millions": the scale word carries the number's role
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        verb = tok.head.head  # "rose to 813"
    else:
        verb = tok if tok.dep_ == "ROOT" else tok.head  # "est de 192", "s'élève à 45"
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < tok.i
                    and c.lemma_.lower() in lemmas), None)
    if subject is None:
        return None
    for c in subject.children:
        if c.i < subject.i:
            continue
        if c.dep_ == "nmod" and c.pos_ == "NOUN":
            return str(c.text)  # "nombre de morts"
        if c.dep_ == "prep":  # "number of deaths"
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if obj is not None:
                return str(obj.text)
    return None


#: dependency labels of a number that stands for what it counts ("51 were taken to
#: hospital", "Trump tells 3,000", "Michael Neu, 67,"): UD and spaCy's English labels
_STANDS_FOR = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "appos"})


def _token_at(doc: Any, starts: list[int] | None, at: int) -> int | None:
    """The index of the token of ``doc`` that holds character ``at``."""
    if starts is None:
        starts = [t.idx for t in doc]
    i = bisect.bisect_right(starts, at) - 1
    return i if 0 <= i < len(doc) else None


def _indefinite_before(doc: Any, starts: list[int] | None, start: int) -> bool:
    """The parse's indefinite article right before the number ("a", "an", "un", "une")."""
    i = _token_at(doc, starts, start)
    if i is None or i == 0 or doc[i].idx != start:
        return False
    art = doc[i - 1]
    return "Ind" in art.morph.get("Definite") and "Art" in art.morph.get("PronType")


def _singular_after(doc: Any, starts: list[int] | None, at: int, gr: _Grammar) -> bool:
    """The word after ``at`` is a singular noun heading its phrase, of no unit of time, in
    the parse ("a 4-12 season"; not "a 3-5 year sentence", a span of years, nor "a 10-15
    cars pileup", "4-5 child deaths")."""
    i = _token_at(doc, starts, at)
    while i is not None and i < len(doc) and doc[i].idx < at:
        i += 1
    if i is None or i >= len(doc):
        return False
    tok = doc[i]
    return (tok.pos_ == "NOUN" and "Sing" in tok.morph.get("Number")
            and tok.dep_ != "compound"  # "4-5 child deaths" counts deaths
            and fold_same_length(tok.text).lower() not in gr.time_nouns)


def _stands_for_a_noun(doc: Any, starts: list[int] | None, start: int, end: int,
                       scaled: bool, gr: _Grammar | None = None) -> bool:
    """A number with no noun after it still counts something when the parse makes it
    a subject, an object or an apposition of its own (not a modifier of another word),
    or the complement of a noun by "of"/"de" ("a crew of seven", "une famille de quatre")."""
    if doc is None or starts is None or scaled:
        return False
    i = bisect.bisect_left(starts, start)
    if i >= len(starts) or starts[i] != start:
        return False
    tok = doc[i]
    last = doc[max(i, bisect.bisect_left(starts, end) - 1)]
    head = last if last.i >= tok.i else tok
    if tok.pos_ not in ("NUM", "PRON"):
        return False
    if tok.pos_ == "NUM" and head.dep_ in _STANDS_FOR:
        return True
    if gr is None:
        return False
    # English: pobj of "of" under a noun; UD (French): nmod of a noun with its case "de"
    if head.dep_ == "pobj" and head.head.lower_ in gr.noun_links:
        return head.head.head.pos_ == "NOUN" and head.head.head.i < head.head.i
    if head.dep_ == "nmod" and head.head.pos_ == "NOUN" and head.head.i < head.i:
        return any(c.dep_ == "case" and c.lower_ in gr.noun_links for c in head.children)
    return False


#: parts of speech the word-by-word fallback may not take as the counted noun
_NOT_NUMBER_POS = frozenset({"VERB", "AUX", "ADJ", "ADV", "ADP", "PRON", "DET", "CCONJ",
                             "SCONJ", "PART"})
_NOT_NOUN_POS = frozenset({"ADV", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART",
                           "VERB", "NUM", "PUNCT"})


_QUOTED_WORDS = re.compile(r"[ \u00a0]+[\"“«‘]\s?[^\"”»’\n]{1,30}?\s?[\"”»’](?=[ \u00a0]+[^\W\d_])")
_NAME_BRACKET = re.compile(r"[A-Z][\w'’.-]*[ \u00a0]\(\Z")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def rough_scale(m: re.Match[str], gr: _Grammar) -> bool:
    """A collective scale word ("une trentaine"): a rough number, never an age verb's."""
    sc = m.group("sc1")
    return sc is not None and gr.approx_scale.fullmatch(sc.lower()) is not None


_LABEL_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w-]*):[ \u00a0]*\Z")


def _box_label(text: str, start: int, stop: int) -> str | None:
    """In a fact box ("Stages: 2 Boosters: 2 Cores: 3") the word after a number is the
    next field's label: the number counts the label before its colon."""
    m = _LABEL_BEFORE.search(text, max(0, start - 30), start)
    if m is None or not text[stop - 1 : stop].isalpha():
        return None
    if text[stop : stop + 1] == ":":
        return m.group(1)
    # the last field: its label capitalised after the number, the label before it
    # itself a field's value ("Engines: 27 Payload to LEO")
    noun_start = text.rfind(" ", start, stop) + 1
    if text[noun_start : noun_start + 1].isupper() and _FIELD_BEFORE.search(
            text, max(0, m.start() - 20), m.start()):
        return m.group(1)
    return None


_FIELD_BEFORE = re.compile(r"\d[\w.,]*[ \u00a0]+\Z")


_COUNTER_BEFORE = re.compile(r"(?:\d+\s+(?:of|sur|de|/)\s+|\(\s*)\Z")


def _gallery_counter(text: str, start: int, stop: int, noun: str, gr: _Grammar,
                     doc: Any = None, starts: list[int] | None = None) -> bool:
    """"3 of 25 Photos", "(2 Images)": a gallery's counter, when the noun is one of the
    pack's ``counter_nouns`` and the number follows "N of" or stands in brackets; or,
    with the parse, any capitalised singular word after "N of M" ("1 of 41 Skip in Skip
    x Embed", "41 of 41 Last Video": a video player's)."""
    counter_noun = fold_same_length(noun).lower().split()[-1] in gr.counter_nouns
    noun_start = stop - len(noun)
    in_counter = (_COUNTER_FORM.search(text, max(0, start - 12), noun_start) is not None
                  or _COUNTER_AT.match(text, start) is not None
                  or _COUNTER_OF.search(text, max(0, start - 12), start) is not None)
    if not counter_noun:
        if not in_counter or not noun[:1].isupper() or doc is None or starts is None:
            return False
        i = bisect.bisect_right(starts, stop - 1) - 1
        return i >= 0 and "Sing" in doc[i].morph.get("Number")
    if in_counter and noun[:1].isupper():
        return True  # "3 of 25 Photos" (prose: "released 3 of 25 photos")
    if _COUNTER_BEFORE.search(text, max(0, start - 12), start) is None:
        return False
    return text[start - 1 : start] != "(" or text[stop : stop + 1] == ")"


#: "3 of 25 ", "41 of 41 ": a counter's numbers before its label
_COUNTER_FORM = re.compile(r"(?<![\w,.])\d+\s+(?:of|sur|/)\s+\d+\s+\Z")
_COUNTER_OF = re.compile(r"(?<![\w,.])\d+\s+(?:of|sur|/)\s+\Z")
#: what follows a gallery counter's total: a bar, a line break, the end or a label
_COUNTER_END = re.compile(r"(?:\s+of\s+\d+)?[ \u00a0]*(?:[|\n]|\Z|[A-Z])")
_COUNTER_AT = re.compile(r"\d+\s+(?:of|sur|/)\s+\d+\s+(?=[A-Z])")


def _symbol_scale_name(m: re.Match[str], text: str, doc: Any, starts: list[int] | None,
                       stop: int) -> bool:
    """A number with a glued symbol scale ("4K") before a singular noun names a format
    or an event ("4K TV", "10K run"); thousands of something are plural ("10K
    followers"). One digit and a capital K is a display resolution ("4K TVs")."""
    sc = m.group("sc1")
    if not sc or sc.lower() not in _SYMBOL_SCALES or m.start("sc1") != m.end("n1"):
        return False
    if len(m.group("n1")) == 1 and text[m.start("sc1") : m.end("sc1")] == "K":
        return True  # "4K TVs", "8K screens": a display's resolution before any noun
    if starts is None:
        return False
    i = bisect.bisect_right(starts, stop - 1) - 1
    return i >= 0 and "Sing" in doc[i].morph.get("Number")


def _parse_allows_noun(doc: Any, starts: list[int] | None, stop: int,
                       value: float | None = None) -> bool:
    """The fallback's last word is a noun unless the parse says it is a function word,
    an adverb or a verb, or an adjective in the singular after a number above one
    ("ils ont tous deux excité leurs partisans": a participle the parse calls ADJ)."""
    if starts is None:
        return True
    i = bisect.bisect_right(starts, stop - 1) - 1
    if i < 0:
        return True
    tok = doc[i]
    if tok.pos_ == "ADJ" and value is not None and abs(value) > 1 and (
            "Sing" in tok.morph.get("Number")):
        return False
    if tok.pos_ == "VERB" and any(c.i < tok.i and c.like_num and c.dep_ in ("nummod", "det")
                                  for c in tok.children):
        return True  # "111.058 déplacés internes": a participle a number counts is a noun
    if tok.tag_ == "VBZ" and value is not None and abs(value) != 1 and i > 0 and (
            doc[i - 1].like_num and doc[i - 1].dep_ != "nsubj"
            and not (i > 1 and doc[i - 2].pos_ in ("PROPN", "NOUN"))):
        # "with 14 carries": no verb agrees in the singular with 14 things (not a name's
        # number, "Apollo 11 launches today")
        return True
    return tok.pos_ not in _NOT_NOUN_POS


def _ends_phrase(folded: str, at: int, gr: _Grammar) -> bool:
    """Nothing counted follows ``at``: punctuation, the end, or a function word."""
    nxt = re.match(r"\s*([^\W\d_][\w']*|[^\w\s]|$)", folded[at : at + 30])
    if nxt is None:
        return False
    word = nxt.group(1).lower()
    return not word or not word[0].isalpha() or word in gr.stop_next or word.rstrip("'") + "'" in gr.stop_next


def _after_noun_link(folded: str, start: int, gr: _Grammar) -> bool:
    """Whether a "de"/"of" stands right before ``start`` ("un homme d'une trentaine")."""
    before = folded[max(0, start - 6) : start].rstrip().lower()
    return any(before.endswith(link) and (len(before) == len(link)
                                          or not before[-len(link) - 1].isalnum())
               for link in gr.noun_links)


def _age_apposition(doc: Any, starts: list[int] | None, start: int, value: float | None
                    ) -> bool:
    """A whole number between commas in apposition to a person's name is their age
    ("Hannah Collier, 23, said"): the parse's ``appos`` (or UD ``appos``/``amod``) on a
    PROPN head before it that the entity recogniser calls a person ("Paris, 12, rue"
    is an address)."""
    if doc is None or starts is None or value is None or not (0 < value < 125) or (
            value != int(value)):
        return False
    i = bisect.bisect_left(starts, start)
    if i >= len(starts) or starts[i] != start or i == 0:
        return False
    tok = doc[i]
    # a semicolon closes one person of a list ("Irene G. Steinberg, 51; and their sons")
    if doc[i - 1].text != "," or (i + 1 < len(doc) and doc[i + 1].text not in (",", ".", ";")):
        return False
    head = tok.head
    if tok.dep_ not in ("appos", "amod", "nummod") or head.i >= tok.i:
        return False
    if head.pos_ == "PROPN":
        # the English NER marks an age as DATE ("Ahed Tamimi, 16,") where it misses
        # the name
        return head.ent_type_ in ("PERSON", "PER") or tok.ent_type_ == "DATE"
    # "The tram driver, 42, from Beckenham", "His mother, 67, said": a common noun
    # with its determiner, a number alone between commas after it, is a person's age
    return head.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss", "nmod:poss") for c in head.children)


def _bounded_one(bound: re.Match[str] | None) -> bool:
    """A bound before "un"/"one" makes it a number ("au moins un mort"); an approximation
    does not: nobody rounds to one ("près d'une colonie", "near a checkpoint" say where),
    so the parse decides as for a bare "un"."""
    return bound is not None and bound.lastgroup != "approx"


def _one_counts(doc: Any, starts: list[int] | None, start: int, gr: _Grammar) -> bool:
    """"one" counts when the parse makes it the numeral of a noun after it ("just one
    candidate", "One man was killed"), not in set phrases ("at one point", "one day"),
    nor where it is an article (French "un": a determiner in the parse, never counted)."""
    if doc is None or starts is None:
        return False
    i = bisect.bisect_left(starts, start)
    if i >= len(starts) or starts[i] != start:
        return False
    tok = doc[i]
    if tok.pos_ != "NUM" or tok.dep_ != "nummod":
        return False
    head = tok.head
    if head.pos_ != "NOUN" or head.i <= tok.i or head.i - tok.i > 3:
        return False
    lemma = fold_same_length(head.lemma_ or head.text).lower()
    return lemma not in gr.one_idioms and lemma not in gr.time_nouns


#: three or more groups of digits separated by single spaces (a telephone or account
#: number) when they are not one number's thousands groups (those are read as one)
_DIGIT_RUN = re.compile(r"(?<![\d,.])\d+(?:[ \u00a0]\d+){2,}(?![\d,.])")


def _in_digit_run(text: str, s: int, e: int) -> bool:
    lo = max(0, s - 40)
    for m in _DIGIT_RUN.finditer(text, lo, min(len(text), e + 40)):
        if m.start() <= s and e <= m.end() and (m.start(), m.end()) != (s, e):
            return True
    return False


#: a capitalised word after a number word (on the original text)
_CAPITALISED_NEXT = re.compile(r"[ \u00a0]+[A-Z][a-z]")


def _in_a_name(text: str, s: int, e: int, value: float | None = None) -> bool:
    """A number word capitalised inside a sentence before another capitalised word is
    part of a name ("during the Million Mask March", "near Three Mile Island"); at a
    sentence's or a line's start it is a count ("Seven people died"), except zero, which
    counts nothing there ("Zero Hedge said", "Zero Dark Thirty")."""
    if not text[s:s + 1].isupper() or not _CAPITALISED_NEXT.match(text, e):
        return False
    if value == 0:
        return True
    before = text[max(0, s - 3) : s].rstrip(" \u00a0")
    return bool(before) and before[-1] not in ".!?:;\"“”'‘’(|\n-–—•*"


_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
#: a time zone's abbreviation after a number: GMT, UTC, EST, CEST...
_ZONE_AFTER = re.compile(r"[ \u00a0]?(?:GMT|UTC|Z|[A-Z]{1,3}T)(?![\w])")


# the guards of ``_is_ordinal_or_id``, compiled once (it runs on every number)
_LETTER_END = re.compile(r"[A-Za-z]-?\Z")
#: letters glued between two numbers: "RS-24"'s kin after the number ("A320", "9to5Mac",
#: a name, not nine of anything)
_LETTER_DIGIT = re.compile(r"-?[A-Za-z]{1,3}\d")
_NUMERO_END = re.compile(r"(?:n°|N°|#|\bNo\.|\bno\.)\s*\Z")
_ID_LABEL_END = re.compile(r"(?<![\w])(?:number|num[eé]ro|no|id|ref)\s*:\s*\Z", re.IGNORECASE)
_PHONE_PART_END = re.compile(r"\d[/.]\d+\s\Z")
_CAPITAL_AFTER = re.compile(r"[A-JLN-Z]\b")
#: not across a line; a name may open a quotation ("the ‘Pick 4 Midday’ game")
_NAME_END = re.compile(r"(?:[A-Za-z,]\s+|[‘“«(](?<!\s[‘“«(]\s))[A-Z][a-z]+[ \u00a0]\Z")
_ROAD_END = re.compile(r"l['’][A-Z]{1,2}[ \u00a0]?\Z")
_AM_PM = re.compile(r"\s?[ap]\.?m\b", re.IGNORECASE)
_PLUS_PHONE = re.compile(r"[-. ]?\d")
_CODE_END = re.compile(r"(?:^|[^.!?\s]\s*\s)(?:[A-Z][a-z]*[A-Z]\w*|[A-Z]{2,})[ \u00a0]\Z")
_DASHED_RUN = re.compile(r"(?<![\w])\(?\d{2,4}\)?[-\u2011]\d{2,4}[-\u2011]\d{2,5}(?![\d])")
_SEPARATED_DIGIT = re.compile(r"[.:/]\d")


def _amount_after_code(text: str, s: int, e: int, gr: _Grammar) -> bool:
    """After a currency code, an amount as money is written ("USD 500 million", "CHF
    2'500", "EUR 1,200"), not a version or a catalogue number ("PHP 7", "PHP 8.1")."""
    whole = re.sub(r"[.,]\d{1,2}$", "", text[s:e])  # "1.5", "2,50": a decimal's whole part
    return (len(re.sub(r"\D", "", whole)) >= 3
            or gr.scale_next.match(text, e) is not None)


def _is_ordinal_or_id(text: str, s: int, e: int, gr: _Grammar) -> bool:
    before = text[max(0, s - 4) : s]
    after = text[e : e + 4]
    if gr.ordinal.match(after):
        return True  # 35e, 1er, 19es, 2nd
    # \Z, not $: "$" also matches before a final newline, and a number opening a line
    # after a word ("the stop\nSeven people") is no code
    if _LETTER_END.search(before) or _LETTER_DIGIT.match(after):
        return True  # RS-24, A320, F-16
    if _NUMERO_END.search(text[max(0, s - 6) : s]):
        return True
    if _ID_LABEL_END.search(text[max(0, s - 10) : s]):
        return True  # "Registration Number: 130349": an identifier
    if _PHONE_PART_END.search(text[max(0, s - 12) : s]):
        return True  # "01/588 77-256": a phone number
    if _CAPITAL_AFTER.match(after):
        return True  # 5G, 4K, 3D (k and M are scales: 10k, 10M)
    # "USD 500 million", "CHF 2'500": a currency's code, not a name's ("PHP 7", "NGC 346")
    iso = gr.iso_before.search(text, max(0, s - 4), s) is not None and _amount_after_code(
        text, s, e, gr)
    if not iso and (nm := _NAME_END.search(text[max(0, s - 30) : s])) and (
            re.findall(r"[A-Za-z]+", nm.group(0))[-1].lower() not in gr.function_words):
        return True  # "the Falcon 9", "Flight 1943", "Patriot 125": a name's number
    if _ROAD_END.search(text[max(0, s - 5) : s]):
        return True  # "l'A 10", "l'A6": a road
    if _AM_PM.match(text[e : e + 5]):
        return True  # "11.30am": a clock time the time grammar did not take
    if any(r.start() <= s and e <= r.end() for r in _DASHED_RUN.finditer(
            text, max(0, s - 16), min(len(text), e + 16))):
        return True  # "(339)-368-6001": a telephone number's group
    if _in_digit_run(text, s, e):
        return True  # "call 0207 782 4368": one group of a telephone number
    if before.endswith("+") and _PLUS_PHONE.match(after):
        return True  # +1-222-2222: a telephone number
    if before.endswith("/"):
        return True  # 24/7, "11/30" slideshow counters: a ratio's second part
    if re.search(r"\d:\Z", before):
        return True  # "an 18:9 screen", "won 3:1": a ratio's or a score's second part
    if not iso and _CODE_END.search(text[max(0, s - 12) : s]):
        return True  # "NGC 346", "AngoSat 1": a number after a capitalised code names it
    if _HHMM.fullmatch(text[s:e]) and _ZONE_AFTER.match(text, e):
        return True  # "(1830 GMT)": a clock time written without a colon
    if before.endswith("^") or after.startswith("^"):
        return True  # 10^400: a power, not a count
    return bool(_SEPARATED_DIGIT.match(after))  # phone numbers, clock times, fractions
