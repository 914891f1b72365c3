"""Rank the matches of a query from per-phrase bm25 terms kept per process.

FTS5's ``bm25()`` of a row is ``-(0.0 + t_0 + t_1 + ... + t_{n-1})`` summed
in the order of the query's phrases, where phrase i's term
``t_i = idf_i * (f_i * (k1 + 1)) / (f_i + k1 * (1 - b + b * D / avgdl))``
depends only on that phrase (its idf counts the rows holding it in the
whole table), the row (its weighted frequency f_i and length D) and the
table (row count, mean length): not on the other phrases of the query
(``fts5Bm25Function`` in SQLite's ``fts5_aux.c``). So a one-phrase query's
score of a row is exactly ``-t_i``, and the score of a many-phrase query is
the same float additions done in numpy, in the same order: byte-identical,
not an approximation (``tests/search/test_search_plan.py`` compares every
score with FTS5's on real news).

Scoring every match of a common word was most of an uncached search's CPU
(``the``: 36k matches, ~50 ms of bm25 against ~2 ms to list them; issue 20).
Each phrase's terms are computed once per process and store state (the
search generation, migration 0019: any change of the index can move every
idf and the mean length, so the whole cache is dropped) and reused by every
later query holding the phrase; a query then costs the list of its matches
(one cheap FTS5 pass that also gives the facets) plus a lookup per phrase.
A phrase's terms are computed after a query with many matches holds it
(``query.FILL_MIN_MATCHES``); a query with a phrase not held is ranked by
FTS5.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from threading import Lock
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np
from sqlalchemy import Connection, Engine

#: Bytes of phrase terms kept per engine (12 bytes per (row, phrase) pair:
#: the commonest word of the 100k bench store is ~0.4 MB), least recently
#: used dropped first.
BUDGET_BYTES = 64 * 1024 * 1024
#: A phrase matching more rows than this is not kept (its terms would hold
#: most of the budget); its query is ranked by FTS5 as before.
MAX_ROWS = 400_000

# unicode61 makes a token of letters and digits (Unicode L*, N*): a quoted
# string without one is a phrase of no token, which FTS5 numbers differently.
_HAS_TOKEN = re.compile(r"[^\W_]")


@dataclass
class _Terms:
    seqs: np.ndarray  # int32, ascending: the rows holding the phrase
    terms: np.ndarray  # float64: the phrase's bm25 term (positive) for each

    @property
    def nbytes(self) -> int:
        return int(self.seqs.nbytes + self.terms.nbytes) + 200


@dataclass
class _Cache:
    gen: int
    size: int = 0
    phrases: OrderedDict[str, _Terms] = field(default_factory=OrderedDict)


_CACHES: WeakKeyDictionary[Engine, _Cache] = WeakKeyDictionary()
_LOCK = Lock()


def usable(phrases: Sequence[str]) -> bool:
    """Whether every phrase is a plain quoted string with a token in it
    (what :func:`veille.search.query.fts5_expression` writes)."""
    return bool(phrases) and all(
        len(p) >= 2 and p[0] == '"' and p[-1] == '"' and _HAS_TOKEN.search(p) for p in phrases)


def _get(engine: Engine, gen: int, phrase: str) -> _Terms | None:
    with _LOCK:
        cache = _CACHES.get(engine)
        if cache is None or cache.gen != gen:
            return None
        got = cache.phrases.get(phrase)
        if got is not None:
            cache.phrases.move_to_end(phrase)
        return got


def _put(engine: Engine, gen: int, phrase: str, terms: _Terms) -> None:
    with _LOCK:
        cache = _CACHES.get(engine)
        if cache is None or cache.gen != gen:
            # Another generation: every term may have moved (idf, mean length).
            # Generations are not ordered across a migration down and up (0019
            # starts at a random number), so the last one read is kept.
            cache = _CACHES[engine] = _Cache(gen)
        if phrase in cache.phrases:
            return
        cache.phrases[phrase] = terms
        cache.size += terms.nbytes
        while cache.size > BUDGET_BYTES and cache.phrases:
            _, old = cache.phrases.popitem(last=False)
            cache.size -= old.nbytes


def _fits(seqs: np.ndarray) -> bool:
    """Whether the seqs are held exactly by int32 (a third less memory)."""
    return not len(seqs) or (int(np.min(seqs)) >= 0 and int(np.max(seqs)) <= np.iinfo(np.int32).max)


def _raw(conn: Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    cur = conn.connection.cursor()
    try:
        cur.execute(sql, params)
        return list(cur.fetchall())
    finally:
        cur.close()


def _fill(conn: Connection, phrase: str, gen: int, weights: tuple[float, float]) -> _Terms | None:
    """The phrase's terms from FTS5 itself (a one-phrase query: its score is
    minus the term), read in the same statement as the search generation;
    None when the store moved on from ``gen`` or the phrase is too common."""
    rows = _raw(conn, (
        "WITH p AS MATERIALIZED (SELECT article_fts.rowid AS seq, "
        f"bm25(article_fts, {weights[0]}, {weights[1]}) AS score "
        "FROM article_fts WHERE article_fts MATCH :p) "
        "SELECT seq, score FROM p UNION ALL SELECT NULL, (SELECT gen FROM search_generation)"),
        {"p": phrase})
    *hits, (_, now) = rows
    if int(now) != gen or len(hits) > MAX_ROWS:
        return None
    seqs = np.fromiter((h[0] for h in hits), dtype=np.int64, count=len(hits))
    if not _fits(seqs):
        return None
    terms = -np.fromiter((h[1] for h in hits), dtype=np.float64, count=len(hits))
    if len(seqs) > 1 and not bool(np.all(seqs[1:] > seqs[:-1])):
        order = np.argsort(seqs, kind="stable")
        seqs, terms = seqs[order], terms[order]
    return _Terms(seqs.astype(np.int32), terms)


def held(engine: Engine, phrases: Sequence[str]) -> bool:
    """Whether every phrase's terms are held (at the generation last read)."""
    with _LOCK:
        cache = _CACHES.get(engine)
        return cache is not None and all(p in cache.phrases for p in phrases)


def fill(conn: Connection, phrases: Sequence[str], gen: int, weights: tuple[float, float]) -> None:
    """Compute and keep the terms of the phrases not held at generation ``gen``."""
    if not usable(phrases):
        return
    for phrase in dict.fromkeys(phrases):
        if _get(conn.engine, gen, phrase) is None:
            got = _fill(conn, phrase, gen, weights)
            if got is None:
                return  # the store moved on, or too common to keep
            _put(conn.engine, gen, phrase, got)


def scores(conn: Connection, phrases: Sequence[str], seqs: np.ndarray, gen: int) -> np.ndarray | None:
    """FTS5's bm25 of every row in ``seqs`` (the matches of the query whose
    phrases, in the expression's order, are ``phrases``), or None when a
    phrase's terms are not held at generation ``gen`` (the caller then asks
    FTS5 as before)."""
    if not _fits(seqs):
        return None
    terms_of = [_get(conn.engine, gen, phrase) for phrase in phrases]
    total = np.zeros(len(seqs), dtype=np.float64)
    seqs = seqs.astype(np.int32)
    for got in terms_of:
        if got is None:
            return None
        if not len(got.seqs) or not len(seqs):
            continue  # adds +0.0 to every row: nothing
        at = np.searchsorted(got.seqs, seqs)
        np.minimum(at, len(got.seqs) - 1, out=at)
        hit = got.seqs[at] == seqs
        # A row without the phrase adds +0.0, which leaves a sum unchanged,
        # as in fts5Bm25Function; the additions run in phrase order.
        total += np.where(hit, got.terms[at], 0.0)
    return -1.0 * total


def clear() -> None:
    """Forget every engine's terms (tests)."""
    with _LOCK:
        _CACHES.clear()
