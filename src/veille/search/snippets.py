"""Highlight snippets cut from the original text (not the stemmed index copy).

A word is a hit when one of its stems (in the article's language) is among the
query's forms, so "déployer" lights up for a search on "déploiement".

Cut for twenty results on every uncached search, so the per-word work is done
at C level (issue 20: a distinct search spent ~80 % of its time here, walking
every word of each result's text through a Python generator and two cached
calls): the words come from one ``findall`` (elisions blanked first, the same
words :func:`~veille.search.text.tokens` yields), the hit words are found
by set operations on an index of the words met so far (folded form and stem
-> words, per language), the hits are mapped with ``dict.get``, and only the
hit positions are tried as window starts. The output is :func:`snippet_reference`'s, word for word
(tests/search/test_snippets_fast.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import compress, islice

from veille.search.text import WORD, blank_elisions, fold, stem, tokens

SNIPPET_WORDS = 32  # window length: about two lines of a result list
_MAX_CACHED = 200_000


def hit_spans(text: str, forms: set[str], language: str | None) -> list[tuple[int, int]]:
    """Character spans of every word of ``text`` matching a query form."""
    spans = []
    for w, s, e in tokens(text):
        if fold(w) in forms or stem(w, language) in forms:
            spans.append((s, e))
    return spans


class _Words:
    """The words of one language met so far: each word's key (its stem) and, for
    every folded form and stem, the words that have it. A query's hit words are
    then one set union over its few forms, intersected with a text's words:
    set operations in C, no Python step per word once a word has been seen.

    Shared by the server's threads: a full cache is replaced, never emptied in
    place, and a caller works on the dicts :meth:`learn` returns."""

    def __init__(self) -> None:
        self.key: dict[str, str] = {}
        self.by_form: dict[str, set[str]] = {}

    def learn(self, words: set[str], language: str | None) -> tuple[dict[str, str], dict[str, set[str]]]:
        if len(self.key) > _MAX_CACHED:
            self.key, self.by_form = {}, {}
        key, by_form = self.key, self.by_form
        for w in words.difference(key):  # C: a set minus a dict's keys, no copy
            st = stem(w, language)
            key[w] = st
            by_form.setdefault(fold(w), set()).add(w)
            by_form.setdefault(st, set()).add(w)
        return key, by_form


@lru_cache(maxsize=64)
def _words_of(language: str | None) -> _Words:
    return _Words()


def _hit_keys(words: list[str], forms: set[str], language: str | None) -> dict[str, str]:
    """The hit words among ``words`` and their key (stem in ``language``)."""
    uniq = set(words)
    key, by_form = _words_of(language).learn(uniq, language)
    found = set().union(*(by_form.get(f, ()) for f in forms)) & uniq
    return {w: key[w] for w in found}


def best_window_start(hit_starts: list[int], n: int, width: int, most: int,
                      distinct: Callable[[int], int]) -> int:
    """Where the shown window of ``width`` words starts: the most distinct query
    terms, then the earliest. ``hit_starts`` are the words holding a hit (a
    window worth showing starts on one, or at 0), ``distinct(i)`` the distinct
    terms of the window starting at word ``i``, ``most`` those of the whole
    text: no window holds more, so the first that holds them all is the
    answer. One rule for both cutters (:func:`snippet`, and
    ``search.wordindex.snippet_from_index``), whose snippets must be the same."""
    best, best_score = 0, -1.0
    last = max(1, n - width + 1)  # window starts: 0 .. last - 1
    for i in [0, *hit_starts] if not hit_starts or hit_starts[0] else hit_starts:
        if i >= last:
            break
        count = distinct(i)
        score = count * 100 - i / n  # most distinct terms, then earliest
        if score > best_score:
            best, best_score = i, score
            if count == most:
                break
    return best


def snippet(text: str, forms: set[str], language: str | None,
            width: int = SNIPPET_WORDS) -> dict[str, object]:
    """The window of ``width`` words holding the most distinct hits.

    Returns ``{"text", "start", "end", "highlights": [[s, e], ...]}`` with
    highlight offsets relative to the snippet text and start/end in the article.
    """
    plain = blank_elisions(text)
    words = WORD.findall(plain)
    n = len(words)
    if not n:
        return {"text": "", "start": 0, "end": 0, "highlights": []}
    hits = _hit_keys(words, forms, language)
    keys = list(map(hits.get, words))  # None: no hit
    # No window can hold more distinct terms than the whole text: the first
    # window that holds them all is the answer (most distinct, then earliest),
    # so a common word's hundred hits no longer each build a window's set.
    hit_at = list(compress(range(n), keys))

    def distinct(i: int) -> int:
        window = set(keys[i:i + width])
        window.discard(None)
        return len(window)

    best = best_window_start(hit_at, n, width, len(set(hits.values())), distinct)
    lo = max(0, best - 4) if best else 0
    hi = min(n, lo + width)
    spans = [m.span() for m in islice(WORD.finditer(plain), lo, hi)]
    start, end = spans[0][0], spans[-1][1]
    highlights = [[s - start, e - start] for (s, e), k in zip(spans, keys[lo:hi], strict=True)
                  if k is not None]
    return {"text": text[start:end], "start": start, "end": end, "highlights": highlights,
            "prefix": lo > 0, "suffix": hi < n}


def whole_highlights(text: str, forms: set[str], language: str | None,
                     width: int = 10_000) -> list[list[int]]:
    """``snippet(text, forms, language, width)["highlights"]`` for a text of
    at most ``width`` words (a title): the window is the whole text, so only
    the hit words' offsets are needed, from its first word (no window is
    tried, no key list is built; cut for 20 titles on every search)."""
    plain = blank_elisions(text)
    words = WORD.findall(plain)
    if len(words) > width:
        return snippet(text, forms, language, width)["highlights"]  # type: ignore[return-value]
    if not words:
        return []
    hits = _hit_keys(words, forms, language)
    if not hits:
        return []
    spans = [m.span() for m in WORD.finditer(plain)]
    start = spans[0][0]
    return [[s - start, e - start] for (s, e), w in zip(spans, words, strict=True) if w in hits]


def snippet_reference(text: str, forms: set[str], language: str | None,
                      width: int = SNIPPET_WORDS) -> dict[str, object]:
    """The plain statement of :func:`snippet` (word by word through ``tokens``),
    kept as the definition the fast one is tested against."""
    toks = list(tokens(text))
    if not toks:
        return {"text": "", "start": 0, "end": 0, "highlights": []}
    hits = [fold(w) in forms or stem(w, language) in forms for w, _, _ in toks]
    keys = [stem(w, language) if h else None for (w, _, _), h in zip(toks, hits, strict=True)]
    best, best_score = 0, -1.0
    for i in range(0, max(1, len(toks) - width + 1)):
        if not hits[i] and i:
            continue  # a window worth showing starts on a hit (or at the top)
        window = {k for k in keys[i:i + width] if k}
        score = len(window) * 100 - i / len(toks)  # most distinct terms, then earliest
        if score > best_score:
            best, best_score = i, score
    lo = max(0, best - 4) if best else 0
    hi = min(len(toks), lo + width)
    start, end = toks[lo][1], toks[hi - 1][2]
    highlights = [[s - start, e - start] for (_, s, e), h in zip(toks[lo:hi], hits[lo:hi], strict=True)
                  if h]
    return {"text": text[start:end], "start": start, "end": end, "highlights": highlights,
            "prefix": lo > 0, "suffix": hi < len(toks)}
