"""Language-aware term extraction for story clustering.

Why stems and not spaCy lemmas: clustering must stay cheap per article (it
runs on every ingest, and the benchmark goes to 100k articles); Snowball
stemmers cover the languages we meet (incl. French, Arabic, Russian, Polish,
Turkish) in microseconds, while a spaCy pass costs ~100x more.  Stop-word lists
come from spaCy's language data (no model needed).  Terms carry their language
as a prefix (``fr:deploi``) so that words shared by two languages by accident
never count as evidence; cross-language evidence goes through entities,
numbers and dates instead.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from veille.core.text import fold
from veille.lang.stemmers import NO_SPACE, STEMMERS

WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)
NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:[  .,]\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?")
CAP_SEQ_RE = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w’'\-]+)(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w’'\-]+))*", re.UNICODE)
_SENT_START_RE = re.compile(r"(?:^|[.!?«»\"“”:]\s+|\n\s*)$")
MAX_CHARS = 20_000


def norm_lang(language: str | None) -> str:
    if not language:
        return "xx"
    return language.split("-")[0].split("_")[0].lower()[:3] or "xx"


@lru_cache(maxsize=64)
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop-word list for the language (a plain set in its own file).

    Importing ``spacy.lang.fr.stop_words`` runs the package's ``__init__``
    first, which compiles the language's tokenizer exceptions: ~2.8 s per
    process for a list of words, paid by every unanalysed ingest.  So the one
    file is loaded on its own when spaCy ships it; the import is the fallback.
    """
    if not re.fullmatch(r"[a-z]{2,3}", language):
        return frozenset()
    try:
        spec = importlib.util.find_spec("spacy")
        origin = spec.origin if spec else None
        path = Path(origin).parent / "lang" / language / "stop_words.py" if origin else None
        if path is not None and path.is_file():
            file_spec = importlib.util.spec_from_file_location(f"_veille_stop_words_{language}", path)
            if file_spec and file_spec.loader:
                mod = importlib.util.module_from_spec(file_spec)
                file_spec.loader.exec_module(mod)
                return frozenset(w.lower() for w in mod.STOP_WORDS)
        mod = importlib.import_module(f"spacy.lang.{language}.stop_words")
        return frozenset(w.lower() for w in mod.STOP_WORDS)
    except Exception:  # unknown language: no list is better than a wrong one
        return frozenset()


@lru_cache(maxsize=64)
def _stemmer(language: str) -> snowballstemmer.stemmer | None:
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


def _split_elision(token: str) -> str:
    # French/Italian elision: l'armée -> armée, d’Ukraine -> Ukraine.
    for sep in ("'", "’"):
        if sep in token:
            head, _, tail = token.partition(sep)
            if len(head) <= 2 and tail:
                return tail
    return token


def terms(text: str, language: str | None) -> Counter[str]:
    """Stemmed content-word counts, keyed ``lang:stem``."""
    lang = norm_lang(language)
    text = text[:MAX_CHARS]
    out: Counter[str] = Counter()
    if lang in NO_SPACE:
        chars = [c for c in text if c.isalpha()]
        for a, b in zip(chars, chars[1:], strict=False):
            out[f"{lang}:{a}{b}"] += 1
        return out
    stops = stop_words(lang)
    stemmer = _stemmer(lang)
    words = [_split_elision(m.group(0).lower()) for m in WORD_RE.finditer(text)]
    words = [w for w in words if len(w) > 1 and w not in stops]
    stems = stemmer.stemWords(words) if stemmer else words
    for s in stems:
        out[f"{lang}:{s}"] += 1
    return out


def capitalised_names(text: str, language: str | None) -> Counter[str]:
    """Proper-noun keys when no entity analysis is available.

    A heuristic fallback (the analysis stage's canonical entity ids are
    preferred): capitalised words not at a sentence start, accent-folded so the
    same name written in two languages with the same letters matches
    ('Zelensky', 'Trump', 'Sotchi'/'Sochi' does not).  Each word of a
    multi-word name is a key too, so 'Vladimir Poutine' and 'Poutine' meet.
    """
    lang = norm_lang(language)
    stops = stop_words(lang)
    text = text[:MAX_CHARS]
    out: Counter[str] = Counter()
    for m in CAP_SEQ_RE.finditer(text):
        words = m.group(0).split()
        if _SENT_START_RE.search(text[max(0, m.start() - 3) : m.start()]) or m.start() == 0:
            words = words[1:]  # the first word may just be capitalised by position
        words = [_split_elision(w).strip("'’-") for w in words]
        words = [w for w in words if len(w) > 2 and w.lower() not in stops and not w.isupper()]
        for w in words:
            out[f"n:{fold(w)}"] += 1
    # Acronyms (UN, DPRK, NATO, OTAN) are strong signals regardless of position.
    for m in re.finditer(r"\b[A-ZÀ-Þ]{2,6}\b", text):
        if m.group(0).lower() not in stops:
            out[f"n:{fold(m.group(0))}"] += 1
    return out


def numbers(text: str) -> Counter[str]:
    """Numbers as written (normalised), excluding small counts and years.

    Years are kept under a separate ``y:`` key because every article in a given
    year mentions that year; shared specific figures (129 passengers, 21
    vehicles) are much stronger evidence.
    """
    out: Counter[str] = Counter()
    for m in NUMBER_RE.finditer(text[:MAX_CHARS]):
        raw = re.sub(r"[  .,](?=\d{3}\b)", "", m.group(0)).replace(",", ".")
        try:
            value = float(raw)
        except ValueError:
            continue
        if value.is_integer() and 1900 <= value <= 2100 and "." not in raw:
            out[f"y:{int(value)}"] += 1
        elif value >= 10:
            out[f"q:{value:g}"] += 1
    return out
