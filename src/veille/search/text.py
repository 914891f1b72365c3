"""Tokens and stems, the same for indexing, querying and highlighting.

Snowball stemmers (the ``snowballstemmer`` package, the algorithms Lucene and
PostgreSQL use) are chosen by the article's language, so "déployer",
"déploiement" and "déploie" meet in French and "deploys"/"deployed" in
English. A query has no reliable language, so each query word matches any of
its stems (raw, French, English): a mixed-language corpus is searched at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import snowballstemmer

from veille.core.text import fold_word
from veille.lang import PACKS, SUPPORTED
from veille.lang.stemmers import STEMMERS

# The languages a query is stemmed in besides its raw form (the corpus languages).
QUERY_LANGUAGES = SUPPORTED

# Words: letters/digits, keeping inner apostrophes out (l'Ukraine -> l, ukraine).
_WORD = re.compile(r"\w+", re.UNICODE)
# Elided words of every language pack (a query has no language, and an index
# word list is the same for every article).
_ELISION = frozenset().union(*(pack.elisions for pack in PACKS.values()))


#: Lower-case without diacritics (canonical decomposition): what both the index and
#: the query compare. One definition for the whole code base, in core.text.
fold = fold_word


@lru_cache(maxsize=64)
def _stemmer(language: str) -> snowballstemmer.basestemmer.BaseStemmer | None:
    algo = STEMMERS.get(language)
    return snowballstemmer.stemmer(algo) if algo else None


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for every word of ``text``, French elisions dropped."""
    for m in _WORD.finditer(text):
        w = m.group()
        if w.lower() in _ELISION and m.end() < len(text) and text[m.end()] in "'’":
            continue
        yield w, m.start(), m.end()


@lru_cache(maxsize=200_000)
def stem(word: str, language: str | None) -> str:
    """The folded stem of one word in ``language`` (folded word when unknown)."""
    st = _stemmer(language) if language else None
    low = word.lower()
    return fold(st.stemWord(low) if st else low)


# Elisions found from their apostrophe, in the reversed text: there an
# elided word is an apostrophe, the word spelled backwards, then a non-word
# character or the end (a maximal run of \w always starts after a non-word
# character). A pattern that starts with a two-character class is scanned
# with re's fast first-character loop, so one substitution over the reversed
# text blanks every elision (keeping the apostrophe, a non-word character)
# and one ``\w+`` pass gives the words: ~20 % cheaper than a ``\w+['’]?``
# pass filtered word by word in Python (0.076 -> 0.059 ms on a 2 kB article).
# A word is elided exactly when it is one of ``_ELISION`` spelled in ASCII
# letters of any case and an apostrophe follows it: the words ``tokens``
# yields. Letters are spelled out, not lower-cased: "ſ" or the Kelvin sign
# are not "s" or "k" (``tokens`` compares ``w.lower()``, which keeps them).
_ELIDED_REVERSED = re.compile(
    "['’](?:"
    + "|".join("".join(f"[{c}{c.upper()}]" for c in reversed(e)) for e in sorted(_ELISION))
    + r")(?!\w)"
)


def index_words(text: str) -> list[str]:
    """The words the index holds, in order: ``tokens`` without positions.
    Ingest also builds its near-duplicate shingles from them."""
    if "'" not in text and "’" not in text:
        return _WORD.findall(text)
    return _WORD.findall(_ELIDED_REVERSED.sub("'", text[::-1])[::-1])


WORD = _WORD  # what a word is, for callers that need positions (snippets)
ELISIONS = _ELISION  # the elided words WORD's callers drop (the word index signs with them)


def _blank(m: re.Match[str]) -> str:
    g = m.group()
    return g[0] + " " * (len(g) - 1)


def blank_elisions(text: str) -> str:
    """``text`` with every elided word (the ones ``tokens`` drops) turned into spaces:
    same length and offsets, and ``WORD`` finds exactly the words ``tokens`` yields."""
    if "'" not in text and "’" not in text:
        return text
    return _ELIDED_REVERSED.sub(_blank, text[::-1])[::-1]


def stem_text(text: str, language: str | None) -> str:
    """The text as a space-separated string of stems: what the index holds."""
    return stem_words(index_words(text), language)


_MAX_CACHED_STEMS = 200_000


def stem_words(words: list[str], language: str | None) -> str:
    """``stem_text`` of the text these ``index_words`` came from."""
    return " ".join(word_stems(words, language))


def word_stems(words: list[str], language: str | None) -> list[str]:
    """The stems of ``words``. A plain dict per language caches them (word
    frequencies are Zipfian): one C-level lookup per word, no function call;
    a miss (KeyError) sends the list through the stemmer for what is missing.
    The word index asks for an article's distinct words just after ingest's
    workers stemmed all of them, so there every lookup hits."""
    cache = _stem_cache(language)
    if len(cache) > _MAX_CACHED_STEMS:
        cache.clear()
    try:
        return list(map(cache.__getitem__, words))
    except KeyError:
        return [cache[w] if w in cache else _stem_miss(cache, w, language) for w in words]


@lru_cache(maxsize=64)
def _stem_cache(language: str | None) -> dict[str, str]:
    return {}


def _stem_miss(cache: dict[str, str], word: str, language: str | None) -> str:
    cache[word] = st = stem(word, language)
    return st


def query_forms(word: str, languages: tuple[str, ...] = QUERY_LANGUAGES) -> list[str]:
    """Every form a query word may take in the index, most literal first."""
    forms = [fold(word)]
    for lang in languages:
        s = stem(word, lang)
        if s and s not in forms:
            forms.append(s)
    return forms
