"""A per-article word index, written with the search index, that snippets are cut from.

Cutting a snippet from the text itself means finding every word of the
article on each search (a ``\\w+`` scan, the word set, the hit lookup): 40 %
of an uncached search at 100k articles, 20 bodies per page (issue 20). The
words of a text never change, so the index is made once, when the article is
indexed, and holds:

- the article's distinct *entries*, a word's folded form and its stem in the
  article's language (the two keys a query form is compared with), as one
  string ``" fold fold\\tstem ... "`` (the stem only when it differs);
- for each word of the text, the number of its entry (``ids``), the
  characters between it and the word before (``gaps``) and its length
  (``lengths``): every word's offsets follow by a cumulative sum.

A search finds a query form among the entries with ``str.find`` (a C scan of
one short string, no Python step per word) and the places of the hit entries
with numpy, then tries only those places as window starts.

The words are exactly the ones :func:`veille.search.text.tokens` yields
(``WORD`` over the text with elisions blanked) and the keys the ones
:func:`veille.search.snippets.snippet` compares, so a snippet cut from the
index is :func:`veille.search.snippets.snippet_reference`'s, word for word
(``tests/search/test_wordindex.py``). An index is used only for the text,
language and definition of a word it was made from (its header keeps the
text's length, the language and a signature of the word pattern and the
elided words); any other index is ignored and the snippet is cut from the
text as before.
"""

from __future__ import annotations

import operator
import struct
import zlib
from bisect import bisect_left
from itertools import compress
from typing import Any

import numpy as np

from veille.search.snippets import SNIPPET_WORDS, best_window_start
from veille.search.text import ELISIONS, WORD, fold, index_words, word_stems

_VERSION = 1
#: What a word is when the index is written; an index of another signature is not read.
SIGNATURE = zlib.crc32(("\n".join([WORD.pattern, *sorted(ELISIONS)])).encode("utf-8"))
# version, signature, text length, language, words, entries, widths of ids, gaps, lengths
_HEAD = struct.Struct("<BIIIIIBBB")
#: The first bytes of every index this code writes and reads (version, signature).
PREFIX = struct.pack("<BI", _VERSION, SIGNATURE)
_DTYPES: dict[int, np.dtype[Any]] = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 4: np.dtype("<u4")}


def _width(top: int) -> int:
    return 1 if top < 1 << 8 else 2 if top < 1 << 16 else 4


def _language_key(language: str | None) -> int:
    return zlib.crc32((language or "").encode("utf-8"))


def _word_chars() -> np.ndarray:
    """1 where a character of the Basic Multilingual Plane is a ``WORD``
    character, 0 elsewhere: one ``finditer`` over the plane (~9 ms, once per
    process), so that a text's words are found by a table lookup."""
    plane = "".join(map(chr, range(0x10000)))
    table = np.zeros(0x10000, dtype=np.int8)
    for m in WORD.finditer(plane):
        table[m.start():m.end()] = 1
    return table


_WORD_CHARS: np.ndarray | None = None


_LONGEST_ELISION = max(map(len, ELISIONS))


def _elided(word: str) -> bool:
    """Whether a word followed by an apostrophe is one ``blank_elisions``
    blanks: an elided word spelled in ASCII letters of any case."""
    return word.isascii() and word.lower() in ELISIONS


def _spans(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Where each word of ``text`` starts and ends (the ``WORD`` runs of the
    text with its elisions blanked), from a per-character lookup and numpy's
    ``diff``: half the cost of ``re.split`` building a string per word and
    separator (issue 8: ~0.1 ms of an ingest worker's ~1.2 ms per article).
    The elided words are the short runs an apostrophe follows that spell an
    elision, checked one by one (a few per article) instead of a pass of
    ``blank_elisions`` over the text (``index_words`` made one already)."""
    global _WORD_CHARS
    if _WORD_CHARS is None:
        _WORD_CHARS = _word_chars()
    if text.isascii():
        points = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
        is_word = _WORD_CHARS[points]
    else:
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        is_word = _WORD_CHARS[np.minimum(points, 0xFFFF)]
        astral = np.flatnonzero(points > 0xFFFF)  # outside the table: asked of re
        if astral.size:
            is_word[astral] = [WORD.fullmatch(chr(c)) is not None for c in points[astral].tolist()]
    edged = np.zeros(len(is_word) + 2, dtype=np.int8)
    edged[1:-1] = is_word
    edges = np.flatnonzero(edged[1:] - edged[:-1])  # a word starts, ends, starts, ...
    starts, ends = edges[0::2], edges[1::2]
    if len(starts) and ("'" in text or "’" in text):
        after = points[np.minimum(ends, len(points) - 1)]  # the character after each word
        maybe = np.flatnonzero(((after == 0x27) | (after == 0x2019)) & (ends < len(points))
                               & (ends - starts <= _LONGEST_ELISION))
        drop = [k for k in maybe.tolist() if _elided(text[starts[k]:ends[k]])]
        if drop:
            keep = np.ones(len(starts), dtype=bool)
            keep[drop] = False
            starts, ends = starts[keep], ends[keep]
    return starts, ends


def encode(text: str, language: str | None, words: list[str] | None = None) -> bytes:
    """The word index of ``text`` read in ``language``; ``words`` is
    ``index_words(text)`` when the caller has it (ingest's workers split the
    text once for shingles, stems and this index). The stems come from
    ``stem_words``'s per-language cache (the workers have just filled it
    stemming the same words for the full-text index), asked once per distinct
    word; the folded forms from ``str.lower`` (an ASCII word has no mark to
    strip) or ``fold`` for the few other words; the offsets from
    :func:`_spans`: no Python call per word."""
    if words is None:
        words = index_words(text)
    distinct = list(dict.fromkeys(words))  # first occurrences, in order
    stems = word_stems(distinct, language)
    folds = list(map(str.lower, distinct))
    for i in compress(range(len(distinct)), map(operator.not_, map(str.isascii, distinct))):
        folds[i] = fold(distinct[i])
    entries = [f if f == st else f"{f}\t{st}" for f, st in zip(folds, stems, strict=True)]
    uniq = list(dict.fromkeys(entries))  # case variants of a word share their entry
    number = dict(zip(uniq, range(len(uniq)), strict=True))
    of_word = dict(zip(distinct, map(number.__getitem__, entries), strict=True))
    n = len(words)
    ids = np.fromiter(map(of_word.__getitem__, words), dtype=np.int64, count=n)
    starts, ends = _spans(text)
    if len(starts) != n:
        raise ValueError(f"encode: {n} words given, the text has {len(starts)}: not index_words(text)")
    lengths = ends - starts
    gaps = starts.copy()
    gaps[1:] -= ends[:-1]
    columns: tuple[np.ndarray, ...] = (ids, gaps, lengths)
    iw, gw, lw = (_width(int(a.max()) if n else 0) for a in columns)
    # Not compressed: zlib's fastest level saves 40 % (2.1 -> 1.3 kB for a
    # 1.6 kB text) but reading it back cost ~10 us of the ~60 a snippet takes.
    return b"".join((
        _HEAD.pack(_VERSION, SIGNATURE, len(text), _language_key(language), n, len(number), iw, gw, lw),
        ids.astype(_DTYPES[iw]).tobytes(), gaps.astype(_DTYPES[gw]).tobytes(),
        lengths.astype(_DTYPES[lw]).tobytes(), (" " + " ".join(uniq) + " ").encode("utf-8"),
    ))


def _hits(entries: str, forms: set[str]) -> dict[int, str]:
    """The entries holding a query form (as folded word or stem), by number,
    with their key (the stem). An entry's number is the count of spaces
    before it; forms hold no space or tab (they are folded ``\\w`` runs)."""
    out: dict[int, str] = {}
    for f in forms:
        for probe in (f" {f} ", f" {f}\t", f"\t{f} "):
            at = entries.find(probe)
            while at >= 0:
                begin = entries.rfind(" ", 0, at + 1)  # the space that opens the entry
                k = entries.count(" ", 0, begin)
                if k not in out:
                    end = entries.index(" ", begin + 1)
                    entry = entries[begin + 1:end]
                    out[k] = entry[entry.find("\t") + 1:]  # the stem (the fold when alone)
                at = entries.find(probe, at + 1)
    return out


def snippet_from_index(text: str, index: bytes | None, forms: set[str], language: str | None,
                       width: int = SNIPPET_WORDS) -> dict[str, object] | None:
    """:func:`~veille.search.snippets.snippet` of ``text`` from its word index;
    None when there is no usable index (made from another text, language or
    definition of a word): the caller cuts the snippet from the text."""
    if not index or len(index) < _HEAD.size:
        return None
    version, sig, n_chars, lang, n, n_entries, iw, gw, lw = _HEAD.unpack_from(index)
    if version != _VERSION or sig != SIGNATURE or n_chars != len(text) or lang != _language_key(language):
        return None
    if not n:
        return {"text": "", "start": 0, "end": 0, "highlights": []}
    payload = bytes(index)  # PostgreSQL's driver may give a memoryview
    at = _HEAD.size
    ids = np.frombuffer(payload, dtype=_DTYPES[iw], count=n, offset=at)
    at += n * iw
    gaps = np.frombuffer(payload, dtype=_DTYPES[gw], count=n, offset=at)
    at += n * gw
    lengths = np.frombuffer(payload, dtype=_DTYPES[lw], count=n, offset=at)
    hits = _hits(payload[at + n * lw:].decode("utf-8"), forms)
    at_hits: list[int] = []
    keys_at: list[str] = []
    if hits:
        is_hit = np.zeros(n_entries, dtype=bool)
        is_hit[list(hits)] = True
        at_hits = np.flatnonzero(is_hit[ids]).tolist()
        keys_at = list(map(hits.__getitem__, ids[at_hits].tolist()))
    # A window worth showing starts on a hit with a non-empty key (as snippet()).
    starts_at = at_hits if all(keys_at) else [i for i, k in zip(at_hits, keys_at, strict=True) if k]

    def distinct(i: int) -> int:
        j = bisect_left(at_hits, i)
        return len(set(keys_at[j:bisect_left(at_hits, i + width, j)]))

    best = best_window_start(starts_at, n, width, len(set(hits.values())), distinct)
    lo = max(0, best - 4) if best else 0
    hi = min(n, lo + width)
    # Each word ends after the gaps and words before it and its own gap and length.
    ends = np.cumsum(gaps[:hi] + lengths[:hi].astype(np.int64))
    starts = (ends[lo:] - lengths[lo:hi]).tolist()
    ends_l = ends[lo:].tolist()
    start, end = starts[0], ends_l[-1]
    highlights = [[starts[k - lo] - start, ends_l[k - lo] - start]
                  for k in at_hits[bisect_left(at_hits, lo):bisect_left(at_hits, hi)]]
    return {"text": text[start:end], "start": start, "end": end, "highlights": highlights,
            "prefix": lo > 0, "suffix": hi < n}
