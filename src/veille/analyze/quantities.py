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
import re
from collections.abc import Sequence
from typing import Any

from veille.analyze.temporal import (
    _NEEDS_IGNORECASE,
    extract_times,
    fold_same_length,
    sentence_index,
)
from veille.analyze.temporal_lexicon import NUMBER_WORDS, parse_number
from veille.core.model import DateRange, Quantity, Sentence, TimeRef

__all__ = ["extract_quantities"]

_DIGITS = (
    r"(?<![\d,.])(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d])(?:[.,]\d+)?"
    r"|\d{1,3}(?:\.\d{3})+,\d+"
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d])"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
    r"|\d+(?:[.,]\d+)?)"
)
# "un"/"une"/"one" count only before a scale word ("un million"), see _NUMW
_WORDS = rf"(?:{NUMBER_WORDS})(?![a-z])"
_NUM = rf"(?:{_DIGITS}|{_WORDS})"
_SCALE = (
    r"(?:milliers|millions?|milliards?|billions?|thousands?|trillions?|douzaines?|dizaines?"
    r"|centaines?|mds?|md|bn|k|m)"
)
_CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "€": "EUR", "dollar": "USD", "dollars": "USD", "$": "USD",
    "livre": "GBP", "livres": "GBP", "£": "GBP", "pound": "GBP", "pounds": "GBP",
    "franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB", "yuan": "CNY",
    "yuans": "CNY", "yen": "JPY", "yens": "JPY", "hryvnia": "UAH", "hryvnias": "UAH",
}  # fmt: skip
_UNITS = {
    "%": "percent", "pour cent": "percent", "pourcent": "percent", "percent": "percent",
    "per cent": "percent", "km/h": "km/h", "km2": "km2", "km²": "km2", "km": "km",
    "kilometres": "km", "kilometre": "km", "kilomètres": "km", "kilomètre": "km", "m": "m",
    "metres": "m", "metre": "m", "mètres": "m", "mètre": "m", "cm": "cm", "mm": "mm",
    "kg": "kg", "kilos": "kg", "kilo": "kg", "g": "g", "grammes": "g", "t": "t",
    "tonnes": "t", "tonne": "t", "tons": "t", "l": "l", "litres": "l", "litre": "l",
    "hectares": "ha", "hectare": "ha", "ha": "ha", "degres": "°", "degrés": "°", "°c": "°C",
    "°": "°", "millimetres": "mm", "millimetre": "mm", "millimètres": "mm", "millimètre": "mm",
    "centimetres": "cm", "centimetre": "cm", "centimètres": "cm", "centimètre": "cm",
    "tonnes metriques": "t", "tonnes métriques": "t", "miles": "mile", "mile": "mile",
    "mw": "MW", "gw": "GW", "kwh": "kWh",
    "twh": "TWh",
}  # fmt: skip
_UNIT_RX = "|".join(
    sorted((re.escape(fold_same_length(u)) for u in list(_UNITS) + list(_CURRENCY_WORDS)),
           key=len, reverse=True)
)
_SEP = r"(?:a|au|-|et|to|and|ou|or)"

_QTY_PATTERN = (
    rf"(?<![\w-])(?:(?P<pre>entre|de|between|from)\s+)?"
    rf"(?P<cur1>[€$£])?\s?(?:(?<![\w.,-])(?P<neg>-)\s?)?(?P<n1>{_NUM})(?:\s*(?P<sc1>{_SCALE})(?![a-z]))?"
    rf"(?:\s*(?P<sep>{_SEP})\s*(?P<cur2>[€$£])?\s?(?P<n2>{_NUM})(?:\s*(?P<sc2>{_SCALE})(?![a-z]))?)?"
    rf"(?:\s*(?:d['e]\s*|of\s+)?(?P<unit>{_UNIT_RX})(?![a-z\d]))?"
)
_QTY = re.compile(_QTY_PATTERN, re.IGNORECASE)
# the same on folded text with no character that IGNORECASE would equate with an ASCII
# letter (the pattern is lower-case): identical matches, about twice as fast
_QTY_FOLDED = re.compile(_QTY_PATTERN)
_PARTITIVE = re.compile(rf"\s+(?:des|d'entre|of|of the|sur)\s+(?P<tot>{_NUM})(?![\w])", re.I)
_PARTITIVE_NOUN = re.compile(r"\s+(?:des|d'entre les|of the)\s+", re.I)

_STOP_NEXT = {
    # words after a number that are not what it counts
    "de", "d'", "des", "du", "et", "a", "au", "aux", "en", "le", "la", "les", "l'", "pour", "par",
    "sur", "dans", "qui", "que", "qu'", "ont", "sont", "est", "etaient", "avaient", "seront",
    "ou", "mais", "avec", "sans", "selon", "contre", "vers", "chez", "ne", "n'", "se", "s'", "il",
    "elle", "ils", "elles", "on", "y", "fois", "the", "of", "and", "to", "in", "at", "for",
    "with", "by", "from", "is", "are", "was", "were", "have", "has", "had", "will", "would",
    "that", "which", "who", "or", "but", "as", "it", "they", "he", "she", "we", "you",
    # frequent verb forms that follow a pronoun-like number ("les deux ont", "par deux aient")
    "ait", "aient", "soit", "soient", "peuvent", "doivent", "vont", "font", "fait", "sera",
    "aura", "serait", "auraient", "seraient", "pourraient", "devraient", "restent", "reste",
    "etait", "avait", "sont-ils", "ont-ils", "semblent", "viennent", "doit", "peut", "va",
}  # fmt: skip
_PRENOMINAL = {
    "nouveaux", "nouvelles", "premiers", "premieres", "derniers", "dernieres", "autres",
    "grands", "grandes", "petits", "petites", "jeunes", "vieux", "principaux", "principales",
    "bons", "bonnes", "mauvais", "gros", "grosses", "anciens", "anciennes", "new", "other",
    "more", "large", "small", "young", "old", "big", "major", "additional",
}  # fmt: skip
_WORD = re.compile(r"\s*([^\W\d_](?:[\w’'-]*[^\W\d_])?)", re.UNICODE)


def _to_number(s: str | None, lang: str) -> float | None:
    if not s:
        return None
    t = s.strip()
    if re.fullmatch(r"[\d \u00a0\u202f\u2009.,]+", t):
        t = re.sub(r"[ \u00a0\u202f\u2009]", "", t)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", t):
            t = t.replace(".", "").replace(",", ".")  # 1.458.000,00
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", t) or (
            lang == "fr" and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t)
        ):
            t = t.replace(".", "")  # French thousands dots: 70.000 habitants
        elif lang == "en" or re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", t):
            t = t.replace(",", "")  # English grouping commas
        else:
            t = t.replace(",", ".")
        try:
            return float(t)
        except ValueError:
            return None
    return parse_number(t, lang)


def _scale(s: str | None, lang: str = "fr") -> float:
    if not s:
        return 1.0
    f = s.lower()
    if f.startswith("douzaine"):
        return 12.0
    if f.startswith("dizaine"):
        return 10.0
    if f.startswith("centaine"):
        return 100.0
    if f.startswith("billion") and lang == "fr":
        return 1e12  # French "billion" is a million millions
    if f.startswith(("millier", "thousand")) or f == "k":
        return 1e3
    if f.startswith("million") or f == "m":
        return 1e6
    if f.startswith(("milliard", "md", "bn")) or (f.startswith("billion")):
        return 1e9
    if f.startswith("trillion"):
        return 1e12
    return 1.0


def _noun_from_doc(doc: Any, end: int, starts: list[int] | None = None) -> tuple[str | None, int]:
    """The counted noun from spaCy: first NOUN after ``end`` (past one adjective).

    ``starts`` (the tokens' ``idx``, increasing) finds the first token at or after
    ``end`` by bisection instead of walking the whole Doc for every number.
    """
    if starts is None:
        starts = [t.idx for t in doc]
    first = bisect.bisect_left(starts, end)
    toks = [doc[i] for i in range(first, min(first + 4, len(starts)))]  # at most 4 are read
    for k, tok in enumerate(toks[:3]):
        if tok.is_punct:
            return None, end
        if tok.pos_ in ("NOUN", "PROPN"):
            text = tok.text
            stop = tok.idx + len(tok.text)
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            past_part = nxt is not None and (
                ("Part" in nxt.morph.get("VerbForm") and "Past" in nxt.morph.get("Tense"))
                or re.search(r"(?:é|ée|és|ées|ed)$", nxt.text) is not None
            )
            if nxt is not None and past_part and nxt.pos_ in ("ADJ", "VERB"):
                # "véhicules blindés", "soldats tués" (not "brigades totalisant")
                text = doc.text[tok.idx : nxt.idx + len(nxt.text)]
                stop = nxt.idx + len(nxt.text)
            return text, stop
        if tok.pos_ in ("ADJ",) and k == 0:
            continue
        if tok.lower_ in ("de", "d'", "d’", "of") and k == 0:
            continue
        return None, end
    return None, end


def _noun_from_text(text: str, end: int, lang: str = "fr") -> tuple[str | None, int]:
    """Without a parse: the next word unless it is a function word; skip one pre-nominal adj.

    English puts adjectives first ("21 armored vehicles"): there the phrase runs
    to the first plural-looking word within three words.
    """
    pos = end
    if lang == "en":
        words = []
        for _ in range(3):
            m = _WORD.match(text, pos)
            if m is None or fold_same_length(m.group(1)) in _STOP_NEXT or m.group(1)[:1].isupper():
                break
            words.append(m)
            pos = m.end()
            if m.group(1).endswith("s"):
                break
        if not words:
            return None, end
        if not words[-1].group(1).endswith("s"):
            words = words[:1]
        if len(words) == 1 and words[0].group(1).endswith("ed"):
            return None, end  # "37.78 based on": a participle, nothing counted
        return text[words[0].start(1) : words[-1].end()], words[-1].end()
    for _ in range(2):
        m = _WORD.match(text, pos)
        if m is None:
            return None, end
        word = m.group(1)
        key = fold_same_length(word)
        if key in _PRENOMINAL:
            pos = m.end()
            continue
        if key in _STOP_NEXT or word[:1].isupper():
            return None, end
        stop = m.end()
        m2 = _WORD.match(text, stop)
        if m2 and re.search(r"(?:é|ée|és|ées|ed)$", m2.group(1)) and not m2.group(1)[:1].isupper():
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
    lang = "en" if (language or "").lower().startswith("en") else "fr"
    folded = fold_same_length(text)
    if not skip_times:
        time_spans: list[tuple[int, int]] = []
    elif times is not None:
        time_spans = [(t.start, t.end) for t in times]
    else:
        time_spans = [(t.start, t.end) for t in extract_times(text, [], DateRange.unknown(), lang)]
    qty_rx = _QTY if _NEEDS_IGNORECASE.search(folded) else _QTY_FOLDED
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
        if _is_ordinal_or_id(text, m.start("n1"), m.end("n1")):
            continue
        words_only = not re.search(r"\d", n1_text)
        if words_only and re.fullmatch(
            r"(?:millions|milliards|milliers|billions|hundreds|thousands|millions)",
            fold_same_length(n1_text).strip(),
        ):
            continue  # "plusieurs millions d'articles": a scale word alone counts nothing exact
        if words_only and fold_same_length(n1_text).strip() in ("un", "une", "one", "a") and not (
            m.group("sc1")
        ):
            continue
        v1 = _to_number(n1_text, lang)
        if v1 is None:
            continue
        if m.group("neg"):
            v1 = -v1
        sc1, sc2 = _scale(m.group("sc1"), lang), _scale(m.group("sc2"), lang)
        v2 = _to_number(text[m.start("n2") : m.end("n2")], lang) if m.group("n2") else None
        sep = (m.group("sep") or "").lower()
        if v2 is not None and (sep in ("et", "and", "ou", "or") and not m.group("pre")):
            v2 = None  # "2 et 3" is two numbers unless introduced by "entre"/"between"
        end = m.end()
        if v2 is None and m.group("n2"):
            end = m.end("n1") if not m.group("sc1") else m.end("sc1")
            sc2 = 1.0
            pos = end  # the second number is read again on its own
        if v2 is not None:
            if sc2 != 1.0 and sc1 == 1.0:
                sc1 = sc2
            v2 *= sc2 if sc2 != 1.0 else sc1
        v1 *= sc1
        if v2 is not None and v2 < v1:
            v2 = None
            end = m.end("n1") if not m.group("sc1") else m.end("sc1")
            pos = end
        unit_raw = m.group("unit") if end >= m.end() else None
        cur = m.group("cur1") or m.group("cur2")
        unit = None
        if unit_raw:
            key = unit_raw.lower().strip()
            unit = _CURRENCY_WORDS.get(key) or _UNITS.get(key)
        if cur and not unit:
            unit = _CURRENCY_WORDS.get(cur)
        start = m.start("pre") if (m.group("pre") and v2 is not None) else m.start("n1")
        if m.group("cur1") and m.start("cur1") < start:
            start = m.start("cur1")
        if m.group("cur1") is None and text[start : start + 1].isspace():
            start += 1
        of_total = None
        noun = None
        stop = end
        pm = _PARTITIVE.match(folded, end)
        if unit is None and pm:
            tot = _to_number(text[pm.start("tot") : pm.end("tot")], lang)
            if tot is not None and tot >= v1:
                of_total = tot
                stop = pm.end()
        elif unit is None:
            pn = _PARTITIVE_NOUN.match(folded, end)
            if pn:
                stop = pn.end()
            elif m.group("sc1") or re.search(
                r"(?:millions?|milliards?|milliers?|douzaines?|dizaines?|centaines?)$",
                fold_same_length(n1_text),
            ):
                sm = re.compile(r"\s*(?:de\s+|d')").match(folded, end)
                if sm:
                    stop = sm.end()  # "trois millions de personnes"
        if unit is None or unit_raw is None:
            if doc is not None and tok_starts is None:
                tok_starts = [t.idx for t in doc]
            n, nstop = (
                _noun_from_doc(doc, stop, tok_starts)
                if doc is not None
                else _noun_from_text(text, stop, lang)
            )
            if n is None and doc is not None:
                n, nstop = _noun_from_text(text, stop, lang)
            if n is not None:
                noun, end = n, nstop
        if noun is None and unit is None and not keep_bare:
            continue  # a bare number: nothing counted or measured
        if noun is None and of_total is not None:
            end = stop
        if m.group("sc1") and not noun and unit is None and not keep_bare:
            continue
        last_end = end
        out.append(
            Quantity(
                text=text[start:end],
                start=start,
                end=end,
                sentence=sentence_index(sentences, start, sent_starts),
                value=v1,
                value_max=v2,
                unit=unit,
                noun=noun,
                of_total=of_total,
            )
        )
    return out


def _is_ordinal_or_id(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 4) : s]
    after = text[e : e + 4]
    if re.match(r"^(?:e|er|ère|re|eme|ème|es|st|nd|rd|th)\b", after):
        return True  # 35e, 1er, 19es, 2nd
    if re.search(r"[A-Za-z]-?$", before) or re.match(r"^-?[A-Za-z]\d", after):
        return True  # RS-24, A320, F-16
    if re.search(r"(?:n°|N°|#)\s*$", before):
        return True
    if re.search(r"\d[/.]\d+\s$", text[max(0, s - 12) : s]):
        return True  # "01/588 77-256": a phone number
    return bool(re.match(r"^[.:/]\d", after))  # phone numbers, clock times, fractions
