"""Fractions: "trois quarts", "deux tiers des électeurs", "un cinquième", "2 1/4", "½",
"un et demi", "half of".

Why here and not in the number grammar: a fraction's last word is an ordinal or a
fraction word ("cinquième", "quarts"), which the grammar would otherwise read as
the counted noun of "trois". Ordinal words are turned into digits by text2num's
``alpha2digit`` ("vingt-cinquième" -> "25ème", "twenty-fifth" -> "25th"), so no
ordinal table is written here; the fraction words ("demi", "tiers", "half") are
the language packs'. An ordinal word counts as a denominator only after a
numerator ("un cinquième"), never alone ("le cinquième jour" is an ordinal).
Unicode vulgar fractions are read through ``unicodedata.numeric``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from text_to_num import alpha2digit

from veille.analyze.temporal import fold_same_length
from veille.analyze.temporal.lexicon import NUMBER_WORDS, number_words, parse_number
from veille.lang.number_words import NumberWords

_VULGAR = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"  # values from unicodedata.numeric
#: a singular ordinal followed by a word other than a partitive is an adjective
_ORDINAL_BEFORE_NOUN = re.compile(r"\s+(?!(?:de|des|du|d'|of|the)\b)[a-z]")
#: an ordinal as text2num writes it: the suffix glued to the digits ("5ème", "32nd");
#: "1000000000 worth" ("$5 billion worth of bonds") is a number and a word, no ordinal
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:[a-zè]+)$")


@dataclass(frozen=True)
class Fraction:
    start: int
    end: int
    value: float
    noun: str | None = None  # the noun between a ratio's numbers ("un Français sur trois")


@dataclass(frozen=True)
class FractionGrammar:
    rx: re.Pattern[str]
    words: dict[str, float]
    languages: tuple[str, ...]
    scale_values: dict[str, float]
    scale_after: re.Pattern[str]
    negative_before: re.Pattern[str]
    joined_units: frozenset[str] = frozenset()
    time_after: re.Pattern[str] = re.compile(r"(?!x)x")
    decimal: re.Pattern[str] = re.compile(r"(?!x)x")
    one_idioms: frozenset[str] = frozenset()
    one_words: frozenset[str] = frozenset()
    scaled_values: dict[str, float] = field(default_factory=dict)
    slash_date_before: re.Pattern[str] = re.compile(r"(?!x)x")
    period_before: re.Pattern[str] = re.compile(r"(?!x)x")


def _alt(words: list[str]) -> str:
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True)) or r"(?!x)x"


@lru_cache(maxsize=8)
def _compile(words_key: tuple[tuple[str, float], ...], joiners: tuple[str, ...],
             scales: str, ratio: str, ratio_noun: str, big_scales: str) -> re.Pattern[str]:
    num = rf"(?:\d+|(?:{NUMBER_WORDS})(?![a-z]))"
    # "3 millions et demi", "2,5 milliards et un quart": digits with their scale word
    whole = rf"(?:\d+(?:[.,]\d+)?[ \u00a0]+(?:{big_scales})(?![a-z])|{num})"
    fw = _alt([w for w, _ in words_key])
    # "cinquièmes", "trente et unièmes", "twenty-fifths"; English "first/second/third"
    # only hyphenated ("thirty-seconds"): alone they are "one second", "a third party"
    ordinal = (r"(?:(?:[a-z]+[\s-]+(?:et[\s-]+)?)?[a-z]+(?:ieme|th)"
               r"|[a-z]+-(?:first|second|third))s?")
    joiner = _alt(list(joiners))
    return re.compile(
        rf"(?<![\w/])(?:"
        # un sur trois, one in five, three out of four: a ratio read as a fraction
        rf"(?P<rnum>{num})\s+(?:(?:{ratio})"
        rf"|(?P<rnoun>[^\W\d_][\w'’-]*)\s+(?:{ratio_noun}))\s+(?P<rden>{num})(?![\w.,]\d|[\w])"
        rf"|"
        # 2 1/4, 3/4 (a date or a score has a second slash or a larger numerator)
        rf"(?:(?P<dwhole>\d+)[ \u00a0]+)?(?P<dnum>\d+)/(?P<dden>\d+)(?![\d/])"
        rf"|(?:(?P<vwhole>\d+)\s*)?(?P<vulgar>[{_VULGAR}])"
        # half a million, un demi-million
        rf"|(?:(?:a|un|une)\s+)?(?P<scaled>{fw})[\s-]+(?:(?:a|an|un|une)\s+)?"
        rf"(?P<scale>{scales})(?![a-z])"
        # un et demi, trois et un cinquieme, cent et trois quarts
        rf"|(?:(?P<whole>{whole})\s+(?:{joiner})\s+)?"
        rf"(?:(?P<num>{num})[\s-]+(?P<den>{fw}|{ordinal})(?![a-z])"
        rf"|(?P<half>demie?|(?<=and )a half)(?![a-z-]))"
        # la moitie des, half of, half the: a fraction word alone, before its partitive
        rf"|(?:la\s+|a\s+|le\s+)?(?P<alone>{fw})(?=\s+(?:de|des|du|d'|of|the)\b)"
        rf")",
    )


def fraction_grammar(packs: tuple[NumberWords, ...]) -> FractionGrammar:
    words: dict[str, float] = {}
    for p in packs:
        for k, v in p.fraction_words.items():
            words.setdefault(k, v)
    joiners = tuple(dict.fromkeys(j for p in packs for j in p.joiners))
    langs = tuple(p.text2num_language for p in packs if p.text2num_language)
    scale_values = {k: v for p in packs for k, v in p.scale_values.items() if v >= 1e3}
    scales = _alt([k + "s" for k in scale_values] + list(scale_values))
    # "une demi-douzaine", "half a dozen": a fraction of any scale word, collective ones too
    scaled_values = {k: v for p in packs for k, v in p.scale_values.items() if v >= 10}
    any_scale = _alt([k + "s" for k in scaled_values] + list(scaled_values))
    # the packs' negative words are regex alternatives ("(?<!au )moins"), not plain words
    negatives = "|".join(dict.fromkeys(w for p in packs for w in p.negative_words)) or r"(?!x)x"
    ratio = "|".join(dict.fromkeys(r for p in packs for r in p.ratio_joiners)) or r"(?!x)x"
    ratio_noun = "|".join(dict.fromkeys(
        r for p in packs for r in p.ratio_joiners_after_noun)) or r"(?!x)x"
    time_nouns = _alt([w for p in packs for w in p.time_nouns])
    dates = list(dict.fromkeys(re.escape(w) for p in packs for w in p.slash_date_before))
    periods = list(dict.fromkeys(re.escape(w) for p in packs for w in p.period_before_fraction))
    return FractionGrammar(
        _compile(tuple(sorted(words.items())), joiners, any_scale, ratio, ratio_noun, scales),
        words,
        langs,
        scale_values,
        re.compile(rf"\s+(?:de\s+|d'|of\s+)?(?P<s>{scales})(?![a-z])"),
        re.compile(rf"(?:(?<![\w-])-\s*|(?<![\w])(?:{negatives})\s+)\Z"),
        frozenset(w for p in packs for w in p.joined_units),
        re.compile(rf"\s+(?:{time_nouns})(?![\w])"),
        _decimal_rx(tuple(dict.fromkeys(w for p in packs for w in p.decimal_words))),
        frozenset(w for p in packs for w in p.one_idioms),
        frozenset(w for p in packs for w in p.one_words),
        scaled_values,
        re.compile(rf"(?<![\w-])(?:{'|'.join(dates)})\s*\Z") if dates else re.compile(r"(?!x)x"),
        re.compile(rf"(?<![\w-])(?:{'|'.join(periods)})\s+\Z") if periods
        else re.compile(r"(?!x)x"),
    )


@lru_cache(maxsize=8)
def _decimal_rx(words: tuple[str, ...]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(
        rf"(?<![\w-])(?P<whole>(?:{NUMBER_WORDS}))\s+(?P<word>{_alt(list(words))})\s+"
        rf"(?P<tail>(?:{NUMBER_WORDS}))(?![\w-])")


#: "virgule zéro cinq": digit words read one by one
_DIGIT_VALUES = frozenset(str(d) for d in range(10))


def find_spoken_decimals(text: str, folded: str, gr: FractionGrammar, language: str
                         ) -> list[Fraction]:
    """"douze virgule cinq" (12.5), "twelve point zero five" (12.05): a number said
    aloud. The digits after the word are read one by one when each is a digit word,
    else as one number ("virgule vingt-cinq" = .25). "at one point" is no number."""
    out = []
    for m in gr.decimal.finditer(folded):
        whole_raw = text[m.start("whole") : m.end("whole")]
        if fold_same_length(whole_raw).strip().lower() in gr.one_words and (
                m.group("word") in gr.one_idioms):
            continue
        whole = parse_number(whole_raw, language)
        if whole is None:
            continue
        digits: list[str] = []
        tail_end = m.start("tail")
        for w in re.finditer(r"[^\s-]+", text[m.start("tail") : m.end("tail")]):
            d = parse_number(w.group(), language)
            if d is not None and d >= 1000:
                break  # "deux virgule cinq millions": the scale is read below
            digits.append(str(int(d)) if d is not None and d == int(d) else "x")
            tail_end = m.start("tail") + w.end()
        if not digits:
            continue
        if not all(d in _DIGIT_VALUES for d in digits):
            tail = parse_number(text[m.start("tail") : tail_end], language)
            if tail is None or tail != int(tail):
                continue
            digits = [str(int(tail))]
        value, end = float(f"{int(whole)}.{''.join(digits)}"), tail_end
        sm = gr.scale_after.match(folded, end)
        if sm is not None and not sm.group(0).lstrip().startswith(("de", "d'", "of")):
            value *= gr.scale_values.get(sm.group("s").rstrip("s"), 1.0)  # "… millions"
            end = sm.end()
        start = m.start()
        neg = gr.negative_before.search(folded, max(0, start - 20), start)
        if neg is not None:  # "moins zéro virgule cinq", "négatif deux virgule cinq"
            value, start = -value, neg.start()
        out.append(Fraction(start, end, value))
    return out


def _scale_of_last_word(folded: str, gr: FractionGrammar) -> float:
    """The scale a number written out ends on ("deux millions" -> 1e6), else 1: "deux
    millions et demi" is two and a half *millions*, not two millions and a half."""
    last = folded.split()[-1] if folded.split() else ""
    best = ""
    for k in gr.scale_values:
        if last.startswith(k) and len(k) > len(best):
            best = k
    return gr.scale_values[best] if best else 1.0


_DIGITS_SCALE = re.compile(r"(\d+(?:[.,]\d+)?)[ \u00a0]+([^\W\d_]+)")


def _whole_value(raw: str, gr: FractionGrammar, language: str) -> float | None:
    """The whole part before "et demi": words text2num reads, or digits with their scale
    word ("3 millions"), which it does not."""
    value = parse_number(raw, language)
    m = _DIGITS_SCALE.fullmatch(raw.strip())
    if value is None and m is not None:
        scale = gr.scale_values.get(fold_same_length(m.group(2)).lower().rstrip("s"))
        if scale is not None:
            value = float(m.group(1).replace(",", ".")) * scale
    return value


_SCORE_BEFORE = re.compile(r"\d\s?[-\u2013]\s?\Z")


@lru_cache(maxsize=16)
def _tens_unit(language: str) -> tuple[str, re.Pattern[str]] | None:
    own = number_words(language)
    if own is None or not own.joiners or not own.joined_units:
        return None
    tens = [w for w in own.words if (v := parse_number(w)) and 20 <= v < 100 and v % 10 == 0]
    if not tens:
        return None
    pat = rf"(?<![\w])({'|'.join(tens)})[\s-]+(?=(?:{'|'.join(own.joined_units)})(?![\w]))"
    return own.joiners[0], re.compile(pat, re.I)


def read_words(s: str, language: str | None) -> float | None:
    """``parse_number``, and "vingt-un", the older spelling text2num does not read: a
    tens word written straight before a unit the language joins with its joiner
    ("vingt et un") is read with the joiner put back."""
    value = parse_number(s, language)
    if value is not None or not language:
        return value
    found = _tens_unit(language)
    if found is None or not found[1].search(s):
        return None
    joiner, pat = found
    return parse_number(pat.sub(lambda m: f"{m.group(1)}-{joiner}-", s), language)


def _ratio(m: re.Match[str], text: str, folded: str, gr: FractionGrammar, language: str
           ) -> float | None:
    """"un sur trois" = 1/3; not when the numerator is not below the denominator ("douze
    sur dix": two numbers), the denominator is a year ("one in 2016") or a time follows
    ("3 in 12 minutes": a rate, not a share)."""
    num = read_words(text[m.start("rnum") : m.end("rnum")], language)
    den_raw = m.group("rden")
    den = read_words(text[m.start("rden") : m.end("rden")], language)
    if num is None or den is None or not 0 < num < den:
        return None
    if _SCORE_BEFORE.search(text, max(0, m.start("rnum") - 4), m.start("rnum")):
        return None  # "beat the Indians 8-7 in 10 innings": a score's second half
    if re.fullmatch(r"1\d{3}|20\d{2}", den_raw):
        return None
    if gr.time_after.match(folded, m.end()):
        return None
    return num / den


def _denominator(raw: str, folded: str, gr: FractionGrammar, own: str) -> float | None:
    key = folded.strip()
    if key in gr.words:
        return gr.words[key]
    for lang in dict.fromkeys((own, *gr.languages)):
        if not lang:
            continue
        stem = raw.strip()
        if lang == "fr" and stem.endswith("s"):
            stem = stem[:-1]  # alpha2digit reads the singular only
        stem = re.sub(r"ieme$", "ième", stem)  # unaccented French ordinals
        if lang == "en" and stem.endswith("s"):
            stem = stem[:-1]  # "fifths", "thirty-seconds"
        m = _ORDINAL_DIGITS.fullmatch(alpha2digit(stem, lang).strip())
        if m:
            return float(m.group(1))
    return None


def _split_compound(num_raw: str, sep: str, den_raw: str, gr: FractionGrammar,
                    language: str) -> tuple[str | None, float | None]:
    """Move number words from the numerator into the ordinal until both read; the
    numerator's text (the caller reads it, maybe joined to a whole) and the denominator."""
    words = num_raw.split()
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        den_text = " ".join(words[k:]) + (sep or "-") + den_raw
        den = _denominator(den_text, fold_same_length(den_text), gr, language)
        if parse_number(head, language) is not None and den is not None:
            return head, den
    return None, None


def _joined_whole(whole_raw: str | None, num_raw: str, text_between: str, gr: FractionGrammar,
                  language: str) -> float | None:
    """The numerator when "whole joiner num" is one number ("vingt et un", "deux cent
    trente et un"): ``num`` one of the pack's ``joined_units`` after a number ending on
    a tens word, and the whole read as one number."""
    if not whole_raw or fold_same_length(num_raw).strip().lower() not in gr.joined_units:
        return None
    whole = parse_number(whole_raw, language)
    if whole is None or whole != int(whole) or not (whole % 100 >= 20 and whole % 10 == 0):
        return None
    return parse_number(whole_raw + text_between + num_raw, language)


def find_fractions(text: str, folded: str, gr: FractionGrammar, language: str
                   ) -> list[Fraction]:
    """Fractions in ``text`` (``folded`` is its same-length fold), left to right."""
    out: list[Fraction] = []
    for m in gr.rx.finditer(folded):
        value: float | None = None
        joined: float | None = None
        if m.group("rnum"):
            value = _ratio(m, text, folded, gr, language)
            if value is None:
                continue
        elif m.group("dnum"):
            n, d = float(m.group("dnum")), float(m.group("dden"))
            if not 1 < d <= 16 or n >= d:  # "21/30" slideshow counters, dates, scores
                continue
            if re.match(r"\s+[A-Z]", text[m.end() : m.end() + 3]):
                continue  # "2/8 Police officers walk...": a photo counter before a caption
            if not m.group("dwhole") and d <= 12 and gr.slash_date_before.search(
                    folded, max(0, m.start() - 8), m.start()):
                continue  # "the 9/11 attacks", "since 9/11": a date's name
            value = n / d + (float(m.group("dwhole")) if m.group("dwhole") else 0.0)
        elif m.group("vulgar"):
            value = unicodedata.numeric(m.group("vulgar"))
            if m.group("vwhole"):
                value += float(m.group("vwhole"))
        elif m.group("scaled"):
            scale = m.group("scale").rstrip("s")
            value = gr.scaled_values.get(scale, 0.0) / gr.words[m.group("scaled")]
            if not value:
                continue
        elif m.group("alone"):
            if gr.period_before.search(folded, max(0, m.start("alone") - 14), m.start("alone")):
                continue  # "the first half of this year", "la seconde moitié": a period
            value = 1.0 / gr.words[m.group("alone")]
        else:
            if m.group("half"):
                n, d = 1.0, 2.0
            else:
                num_raw = text[m.start("num") : m.end("num")]
                den_raw = text[m.start("den") : m.end("den")]
                num = parse_number(num_raw, language)
                den = _denominator(den_raw, m.group("den"), gr, language)
                sep = text[m.end("num") : m.start("den")]
                if num is None or den is None or (sep == "-" and " " in num_raw.strip()):
                    # "un vingt-cinquième", "quatre vingt-septièmes" (4/27, not 80/7),
                    # "neuf vingt et unièmes": a compound ordinal is hyphenated or joined
                    # by "et", so the numerator ends at a space before it
                    head, d2 = _split_compound(num_raw, sep, den_raw, gr, language)
                    if head is not None:
                        num_raw, den = head, d2
                        num = parse_number(num_raw, language)
                if m.group("whole"):  # "vingt et un cinquièmes": 21 fifths
                    joined = _joined_whole(
                        text[m.start("whole") : m.end("whole")], num_raw,
                        text[m.end("whole") : m.start("num")], gr, language)
                    if joined is not None:
                        num = joined
                if num is None or den is None or den < 2:
                    continue
                if m.group("den") not in gr.words and _ORDINAL_BEFORE_NOUN.match(folded, m.end()):
                    continue  # "une cinquième personne": an ordinal, not a fifth
                n, d = num, den
            value = n / d
            if m.group("whole") and not (m.group("num") and joined is not None):
                whole = _whole_value(text[m.start("whole") : m.end("whole")], gr, language)
                if whole is None:
                    continue
                value = whole + value * _scale_of_last_word(m.group("whole"), gr)
            elif m.group("half"):
                continue  # "demi" alone is not a number in running text
        if value is None:
            continue
        start, end = m.start(), m.end()
        sm = gr.scale_after.match(folded, end)
        if sm is not None and not m.group("scaled"):  # "deux tiers de million"
            value *= gr.scale_values.get(sm.group("s").rstrip("s"), 1.0)
            end = sm.end()
        neg = gr.negative_before.search(folded, max(0, start - 20), start)
        if neg is not None:  # "-4/5", "négative un sur vingt"
            value, start = -value, neg.start()
        noun = None
        if m.group("rnoun"):
            noun = text[m.start("rnoun") : m.end("rnoun")]
            if gr.time_after.match(" " + fold_same_length(noun).lower()):
                continue  # "8 jours sur 10": a frequency
        out.append(Fraction(start, end, value, noun))
    return out
