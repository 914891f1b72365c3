"""Folding text for comparison: one module, each variant named for what it keeps.

veille compares text in several places (index and query words, names, quote
wording, alert terms, time expressions). They need slightly different keys,
and the differences are deliberate, so they are spelled out here as named
functions instead of eight private copies that drift:

- :func:`fold` — lower case, accents dropped ("Biélorussie" -> "bielorussie").
  ``compatibility=True`` (NFKD) also maps compatibility characters (the "ﬁ"
  ligature -> "fi", "²" -> "2"): right for matching names and words across
  outlets. Search keeps canonical decomposition (NFD) because its stored
  index was built that way; changing it would need a re-index.
- :func:`fold_words` — the word characters only, lower-cased and single-spaced:
  two renderings of a sentence that differ in punctuation compare equal.
- :func:`fold_terms` — :func:`fold` with case folding ("ß" -> "ss") and every
  run of non-word characters a single space: alert terms and watched phrases.
- :func:`fold_name` — names: accents dropped, apostrophes, dashes, slashes and
  dots as spaces, other punctuation removed ("Jean-Yves Le Drian" ->
  "jean yves le drian").
- :func:`fold_same_length` — one character for one, so a pattern matched on
  the folded text gives offsets valid in the original (time expressions).

Language-specific normalisation (stemming, elisions) lives in ``veille.lang``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORDS = re.compile(r"\w+")
_NON_WORD_RUNS = re.compile(r"[\W_]+")
_NAME_SEPARATORS = re.compile(r"[’'`\-‐–/.]")
_NAME_PUNCT = re.compile(r"[^\w\s]")


def strip_marks(text: str, *, compatibility: bool = True) -> str:
    """``text`` decomposed (NFKD, or NFD) with its combining marks dropped; case kept."""
    decomposed = unicodedata.normalize("NFKD" if compatibility else "NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str, *, compatibility: bool = True) -> str:
    """Lower case without accents: 'Biélorussie' and 'Bielorussie' meet."""
    return strip_marks(text.lower(), compatibility=compatibility)


@lru_cache(maxsize=200_000)  # word frequencies are Zipfian: a small cache serves most words
def fold_word(word: str) -> str:
    """:func:`fold` of one word with canonical decomposition (the search index's key)."""
    return fold(word, compatibility=False)


def fold_words(text: str) -> str:
    """Word characters only, lower-cased, single-spaced: punctuation-blind comparison."""
    return " ".join(_WORDS.findall(text.lower()))


def fold_terms(text: str) -> str:
    """Case-folded, accents removed, apostrophes, dashes and other non-word runs as one space."""
    return _NON_WORD_RUNS.sub(" ", strip_marks(text.casefold())).strip()


def fold_name(name: str) -> str:
    """A name's comparison key: accents dropped, lower case, separators as spaces."""
    s = (name if name.isascii() else strip_marks(name)).lower()  # ASCII has no marks to strip
    s = _NAME_SEPARATORS.sub(" ", s)
    s = _NAME_PUNCT.sub("", s)
    return " ".join(s.split())


# code point -> folded char, grown lazily: ``str.translate`` with it is ~10x faster than
# a per-character Python call (the text is folded once per extractor call and per quantity)
_FOLD_TABLE: dict[int, str] = {}
_FOLD_TABLE_LIMIT = 50_000  # bound the memory a hostile input can pin


def _fold_char(ch: str) -> str:
    """One character's same-length fold: lower case, accent dropped, apostrophes,
    no-break spaces and dashes to their ASCII form; unchanged when folding would
    change the length."""
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = strip_marks(low)
    if len(base) != 1:
        base = low
    if base in "’‘`´":
        return "'"
    if base in "\u00a0\u202f\u2009":
        return " "
    if base in "–—‑":
        return "-"
    return base


def fold_same_length(text: str) -> str:
    """Lower-case, strip accents and normalise apostrophes, one char for one char.

    Keeping the length lets a grammar match ASCII patterns while the offsets
    stay valid in the original text.
    """
    table = _FOLD_TABLE
    missing = [c for c in set(text) if ord(c) not in table]
    if missing:
        if len(table) > _FOLD_TABLE_LIMIT:
            table.clear()
            missing = list(set(text))
        for c in missing:
            table[ord(c)] = _fold_char(c)
    return text.translate(table)
