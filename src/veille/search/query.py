"""Parse a query, rank matching articles, cut snippets and count facets.

Ranking: BM25 over the FTS5 table (title weighted 4x the body) on SQLite,
``ts_rank_cd`` with title weight A / body weight B on PostgreSQL. Results are
paged by keyset on (score, seq), so a cursor stays valid while articles are
added (a new article can only appear at its place by score, never shift pages).
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from threading import Lock
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np
from sqlalchemy import Connection, Engine, text

from veille.search.snippets import snippet, whole_highlights
from veille.search.text import query_forms, tokens
from veille.search.wordindex import snippet_from_index

TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0  # a hit in the headline says more about the article
FACET_SIZE = 10
FACET_SAMPLE = 200  # matches the entity facet counts over (see facet_counts)
MAX_TERMS = 16  # longer queries are cut: every term costs an index lookup
#: A query matching more articles than this is ranked over its newest
#: RANK_WINDOW matches (by ingest order); its total and facets still count
#: every match. FTS5's bm25 reads each match's positions: ranking every match
#: of a common word cost 15-55 ms of CPU at 100k articles ("the": 36k matches)
#: where the window costs ~3 (issue 20 item 7, docs/measured/performance-serve.md).
RANK_WINDOW = 2_000

_PHRASE = re.compile(r'"([^"]*)"')


class QueryError(ValueError):
    """The query holds no searchable word."""


@dataclass
class ParsedQuery:
    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    def forms(self) -> set[str]:
        out: set[str] = set()
        for w in self.words + [w for p in self.phrases for w in p]:
            out.update(query_forms(w))
        return out


def parse(q: str) -> ParsedQuery:
    """Words are ANDed; "quoted words" must be adjacent; -word excludes."""
    pq = ParsedQuery()
    for phrase in _PHRASE.findall(q):
        ws = [w for w, _, _ in tokens(phrase)]
        if len(ws) == 1:
            pq.words.append(ws[0])
        elif ws:
            pq.phrases.append(ws[:MAX_TERMS])
    rest = _PHRASE.sub(" ", q)
    for raw in rest.split():
        neg = raw.startswith("-") and len(raw) > 1
        for w, _, _ in tokens(raw):
            (pq.excluded if neg else pq.words).append(w)
    pq.words = pq.words[:MAX_TERMS]
    if not pq.words and not pq.phrases:
        raise QueryError("the query has no word to search for")
    return pq


def _q(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def fts5_expression(pq: ParsedQuery) -> str:
    """An FTS5 MATCH string; every token is quoted, so user input is never syntax."""
    parts = ["(" + " OR ".join(_q(f) for f in query_forms(w)) + ")" for w in pq.words]
    for ph in pq.phrases:
        # One phrase per stemming (raw, French, English): a phrase is read in one language.
        forms = [query_forms(w) for w in ph]
        variants = [[f[min(k, len(f) - 1)] for f in forms] for k in range(max(map(len, forms)))]
        uniq = {" ".join(v) for v in variants}
        parts.append("(" + " OR ".join(_q(v) for v in sorted(uniq)) + ")")
    expr = " AND ".join(parts)
    for w in pq.excluded:
        expr += " NOT (" + " OR ".join(_q(f) for f in query_forms(w)) + ")"
    return expr


def _pg_tsquery(pq: ParsedQuery, params: dict[str, Any]) -> str:
    """A tsquery expression: each word in the simple, french and english configurations."""
    parts = []
    n = 0

    def each(fn: str, value: str) -> str:
        nonlocal n
        n += 1
        params[f"t{n}"] = value
        return ("(" + " || ".join(f"{fn}('{cfg}', :t{n})" for cfg in ("simple", "french", "english"))
                + ")")

    parts = [each("plainto_tsquery", w) for w in pq.words]
    parts += [each("phraseto_tsquery", " ".join(p)) for p in pq.phrases]
    expr = " && ".join(parts)
    for w in pq.excluded:
        expr += " && !!" + each("plainto_tsquery", w)
    return expr


@dataclass
class Filters:
    source: str | None = None
    language: str | None = None
    entity: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    # Any of these stored source values (what a user's "rt.com" or outlet name
    # resolves to, services.queries.source_values); an empty tuple matches nothing.
    sources: tuple[str, ...] | None = None

    def sql(self, params: dict[str, Any]) -> str:
        cond = []
        if self.source:
            cond.append("m.source = :f_source")
            params["f_source"] = self.source
        if self.sources is not None:
            names = [f"f_src{i}" for i in range(len(self.sources))]
            cond.append(f"m.source IN ({', '.join(':' + n for n in names)})" if names else "1=0")
            params.update(zip(names, self.sources, strict=True))
        if self.language:
            cond.append("m.language = :f_language")
            params["f_language"] = self.language
        if self.entity:
            cond.append("m.seq IN (SELECT a.seq FROM mentions mn JOIN articles a ON a.uid = mn.article_uid "
                        "WHERE mn.entity_id = :f_entity)")
            params["f_entity"] = self.entity
        if self.since:
            cond.append("m.day_end >= :f_since")
            params["f_since"] = self.since
        if self.until:
            cond.append("m.day_start <= :f_until")
            params["f_until"] = self.until
        return "".join(" AND " + c for c in cond)


def _matches_cte(conn: Connection, pq: ParsedQuery, params: dict[str, Any], *,
                 facet_columns: bool = True) -> str:
    """The matches as ``m`` (seq, score and, with ``facet_columns``, the facet
    columns and, on SQLite, the cell). Without them (no filter to apply) SQLite
    ranks from the FTS5 table alone: a ``search_facets`` row found for every
    match only to be dropped was a third of the ranking's cost at 100k."""
    if conn.dialect.name == "postgresql":
        tsq = _pg_tsquery(pq, params)
        return (f"WITH q AS (SELECT {tsq} AS query), "
                "m AS (SELECT s.seq, CAST(-ts_rank_cd(s.tsv, q.query) AS float8) AS score, "
                "s.source, s.language, s.day_start, s.day_end "
                "FROM article_search s, q "
                "WHERE s.tsv @@ q.query)")
    params["match"] = fts5_expression(pq)
    score = f"bm25(article_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})"
    if not facet_columns:
        return (f"WITH m AS (SELECT article_fts.rowid AS seq, {score} AS score "
                "FROM article_fts WHERE article_fts MATCH :match)")
    # Facet columns come from search_facets (a short row found by rowid), never
    # from the FTS5 row, which FTS5 reads whole, stemmed text included.
    return (f"WITH m AS (SELECT article_fts.rowid AS seq, {score} AS score, "
            "sf.source, sf.language, sf.day_start, sf.day_end, sf.cell "
            "FROM article_fts JOIN search_facets sf ON sf.seq = article_fts.rowid "
            "WHERE article_fts MATCH :match)")


def _cells_sql(conn: Connection, cte: str, where: str) -> str:
    """Match counts by (source, language, month): the total and three facets
    in one pass. SQLite groups by the integer cell (migration 0018), named
    afterwards from a per-process table (:func:`_tally_cells`); grouping by
    the three text values was the costliest part of a distinct search at
    100k (issue 20)."""
    if conn.dialect.name == "postgresql":
        return (f"{cte} SELECT m.source, m.language, substr(m.day_start, 1, 7) AS month, count(*) AS c "
                f"FROM m WHERE 1=1 {where} GROUP BY 1, 2, 3")
    return f"{cte} SELECT coalesce(m.cell, 0), count(*) FROM m WHERE 1=1 {where} GROUP BY m.cell"


class _CellNames:
    """A store's facet cells as arrays: for each facet, the code of every cell
    id (0: no value) and the values the codes stand for. Cells are only ever
    added (``search.index._cells``) and a reader sees committed ones only, so
    a cell id once read keeps its meaning; an id not seen yet reloads the
    table (a few thousand rows). Kept per engine: a store is migrated when it
    is opened (``Store.open``), before its engine serves a search."""

    def __init__(self) -> None:
        self.size = 1  # cell ids below this are known; 0 is "no cell"
        self.codes = np.zeros((3, 1), dtype=np.int64)
        self.values: list[list[str]] = [[""], [""], [""]]  # code 0 (no value) is never named
        # Each code's place in the sorted values (Python's order of str): the
        # tie-break of facet counts, taken in numpy (:func:`_tally_cell_counts`).
        self.rank: list[np.ndarray] = [np.zeros(1, dtype=np.int64)] * 3

    def load(self, conn: Connection) -> None:
        rows = conn.execute(text("SELECT cell, source, language, month FROM search_cells")).all()
        size = max((int(r[0]) for r in rows), default=0) + 1
        codes = np.zeros((3, size), dtype=np.int64)
        values: list[list[str]] = [[""], [""], [""]]
        for f in range(3):
            index: dict[str, int] = {}
            for r in rows:
                v = r[f + 1]
                if v is not None:
                    codes[f, int(r[0])] = index.setdefault(v, len(index) + 1)
            values[f] += list(index)
        rank = []
        for vals in values:
            pos = np.zeros(len(vals), dtype=np.int64)
            pos[sorted(range(1, len(vals)), key=vals.__getitem__)] = np.arange(1, len(vals))
            rank.append(pos)
        self.codes, self.values, self.rank, self.size = codes, values, rank, size


_CELL_NAMES: WeakKeyDictionary[Engine, _CellNames] = WeakKeyDictionary()
_CELL_LOCK = Lock()


def _tally_cells(conn: Connection, rows: Sequence[Any]
                 ) -> tuple[int, tuple[Counter[str], Counter[str], Counter[str]]]:
    """``_tally`` of (cell id, count) rows: counted per facet with numpy from
    the cells' codes (a few thousand cells for a common word)."""
    if not rows:
        return 0, (Counter(), Counter(), Counter())
    pairs = np.array(rows, dtype=np.int64).reshape(-1, 2)
    return _tally_cell_counts(conn, pairs[:, 0], pairs[:, 1])


def _tally_cell_counts(conn: Connection, ids: np.ndarray, n: np.ndarray
                       ) -> tuple[int, tuple[Counter[str], Counter[str], Counter[str]]]:
    """``_tally_cells`` of the cell ids and their match counts as arrays.

    Only the FACET_SIZE values a facet shows are named (most matches, then
    the value's order): a common word matches thousands of sources, and a
    Counter of them all, sorted in Python, was ~0.7 ms of a search (issue 20)."""
    counts: tuple[Counter[str], Counter[str], Counter[str]] = (Counter(), Counter(), Counter())
    if not len(ids):
        return 0, counts
    with _CELL_LOCK:
        names = _CELL_NAMES.get(conn.engine)
        if names is None or int(ids.max()) >= names.size:
            names = _CellNames()
            names.load(conn)
            _CELL_NAMES[conn.engine] = names
    ids = np.where(ids < names.size, ids, 0)  # a cell committed after the reload: total only
    for f, out in enumerate(counts):
        by_code = np.bincount(names.codes[f][ids], weights=n, minlength=len(names.values[f]))
        values = names.values[f]
        named = np.flatnonzero(by_code[1:]) + 1
        if len(named) > FACET_SIZE:
            named = named[np.lexsort((names.rank[f][named], -by_code[named]))[:FACET_SIZE]]
        out.update({values[i]: int(by_code[i]) for i in named.tolist()})
    return int(n.sum()), counts


def _raw_rows(conn: Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    """Plain tuples from the DB-API cursor (SQLite takes ``:name`` parameters):
    a SQLAlchemy Row per cell cost more than counting the cells."""
    cur = conn.connection.cursor()
    try:
        cur.execute(sql, params)
        return list(cur.fetchall())
    finally:
        cur.close()


def search(
    conn: Connection, q: str, filters: Filters | None = None, *, limit: int = 20,
    after: tuple[float, int] | None = None, facets: bool = True, order: str = "relevance",
) -> dict[str, Any]:
    """One page of results (best first), the total, facets and the next cursor key.

    ``order`` "date" gives the newest first (undated last) instead of the best
    ranked; its pages have no cursor (``next`` is None)."""
    pq = parse(q)
    filters = filters or Filters()
    params: dict[str, Any] = {"limit": limit + 1}
    where = filters.sql(params)
    # The common case, unfiltered and by relevance, reads every match once on
    # SQLite (:func:`_one_pass`); filters and date order keep the statements below.
    fast = (_one_pass(conn, pq, limit, after)
            if conn.dialect.name == "sqlite" and not where and order != "date" else None)
    cte = _matches_cte(conn, pq, params) if fast is None else ""
    if fast is not None:
        keys: Sequence[Any] = fast.keys
    else:
        # No filter and ranked by score: nothing but the FTS5 table is needed to rank.
        rank_cte = cte if where or order == "date" else _matches_cte(conn, pq, params, facet_columns=False)
        page_where = where
        if after is not None:
            page_where += " AND (m.score > :a_score OR (m.score = :a_score AND m.seq > :a_seq))"
            params["a_score"], params["a_seq"] = after
        # Rank on (seq, score) alone, then read the few articles shown: sorting
        # thousands of matches with their text attached is what costs.
        ranking = ("ORDER BY m.score, m.seq" if order != "date" else
                   "ORDER BY COALESCE(m.day_end, '') DESC, m.score, m.seq")
        keys = [(int(k.seq), float(k.score)) for k in conn.execute(text(
            f"{rank_cte} SELECT m.seq, m.score FROM m WHERE 1=1 {page_where} "
            f"{ranking} LIMIT :limit"), params)]
    shown = [seq for seq, _ in keys]
    detail: dict[int, Any] = {}
    if shown:
        detail = {int(r[1]): r for r in _detail_rows(conn, shown)}
    rows = [(detail[seq], seq, score) for seq, score in keys if seq in detail]
    more = len(rows) > limit
    rows = rows[:limit]
    forms = pq.forms()
    results = []
    for (uid, _seq, title, body, source, language, published, precision, url, dup, story_id, words
         ), _, score in rows:
        results.append({
            "id": uid, "title": title, "source": source, "language": language,
            "published": published, "date_precision": precision, "url": url,
            "duplicate_of": dup, "story_id": story_id,
            "score": float(f"{-score:.6g}"),
            "title_highlights": whole_highlights(title, forms, language) if title else [],
            # From the article's word index (0021); cut from the text when it has none.
            "snippet": snippet_from_index(body, words, forms, language) or snippet(body, forms, language),
        })
    out: dict[str, Any] = {
        "query": q, "terms": sorted(forms), "results": results,
        "next": (rows[-1][2], rows[-1][1]) if more and rows and order != "date" else None,
    }
    fparams = {k: v for k, v in params.items() if not k.startswith("a_") and k != "limit"}
    sample: Sequence[int] | None = None
    if fast is not None:
        total, counts = _tally_cell_counts(conn, fast.cell_ids, fast.cell_counts)
        sample = fast.newest
    elif conn.dialect.name == "postgresql":
        cells: Sequence[Any] = conn.execute(text(_cells_sql(conn, cte, where)), fparams).all()
        total, counts = _tally(cells)
    else:
        total, counts = _tally_cells(conn, _raw_rows(conn, _cells_sql(conn, cte, where), fparams))
    out["total"] = total
    # How many matches the ranking chose from: every one, or the newest
    # RANK_WINDOW of a query matching more (:func:`_one_pass`).
    out["ranked_over"] = min(total, fast.window) if fast is not None and fast.window else total
    if facets:
        # The entity sample needs only seqs: from the FTS5 table alone when unfiltered.
        sample_cte = (cte if where or sample is not None
                      else _matches_cte(conn, pq, fparams, facet_columns=False))
        out["facets"] = facet_counts(conn, sample_cte, where, fparams, (), tally=(total, counts),
                                     sample=sample)
    return out


_DETAIL = ("SELECT a.uid, a.seq, a.title, a.text, a.source, a.language, a.published, "
           "a.date_precision, a.url, a.duplicate_of, sa.story_id, {words} FROM articles a "
           "LEFT JOIN story_articles sa ON sa.article_uid = a.uid {join}WHERE a.seq IN {{seqs}}")


def _detail_rows(conn: Connection, seqs: Sequence[int]) -> Sequence[Any]:
    """The articles shown, each with its word index (None when it has none).
    A SQLite store not migrated to 0021 yet (a test's downgrade) has no
    ``search_words``: its snippets are cut from the text."""
    sql = _DETAIL.format(words="sw.body", join="LEFT JOIN search_words sw ON sw.seq = a.seq ")
    if conn.dialect.name != "sqlite":
        return _rows(conn, sql, seqs)
    try:
        return _rows(conn, sql, seqs)
    except sqlite3.OperationalError as exc:
        if "search_words" not in str(exc):
            raise
    return _rows(conn, _DETAIL.format(words="NULL", join=""), seqs)


@dataclass
class _Pass:
    """What one read of every match gives: the page's (seq, score) keys, the
    match counts by facet cell and the newest matches (the entity sample)."""
    keys: list[tuple[int, float]]
    cell_ids: np.ndarray
    cell_counts: np.ndarray
    newest: list[int]
    window: int | None = None  # the matches ranked were the newest ``window`` ones (None: all)


def _one_pass(conn: Connection, pq: ParsedQuery, limit: int,
              after: tuple[float, int] | None) -> _Pass | None:
    """Rank, count and sample in one statement over the FTS5 table (SQLite,
    unfiltered, by relevance). The matches are read once into a materialised
    table: the page comes from it by (score, seq), and every match's seq comes
    back as one ``group_concat`` string (parsed by numpy, no Python object per
    match). Each seq's facet cell is then looked up in a per-process array
    (:func:`_seq_cells`) instead of a join per match, which cost as much as
    the ranking for a common word (issue 20). The same statement reads the
    store's search generation (migration 0019), so the array used is the one
    of the very snapshot the matches came from; when a write lands between
    the two reads the pass is tried again, and after three tries the answer
    comes from the separate statements (None).

    A query matching more than RANK_WINDOW articles is ranked over its
    newest RANK_WINDOW matches only: bm25 of a match costs ~1.5 us (it reads
    the match's positions and length), listing one ~0.1 us, so a common word
    cost 15-55 ms at 100k articles and made the tail of a loaded server. A
    probe (FTS5 walks the matches, no scoring; :data:`_ONE_PASS`) finds the
    window's lowest seq; the scores inside it are FTS5's own (idf over the
    whole table), the total, facets and entity sample still come from every
    match, and the answer says how many were ranked (``ranked_over``)."""
    match = fts5_expression(pq)
    params: dict[str, Any] = {"match": match, "limit": limit + 1, "cap": RANK_WINDOW + 1,
                              "n": RANK_WINDOW}
    page = ""
    if after is not None:
        page = " AND (score > :a_score OR (score = :a_score AND seq > :a_seq))"
        params["a_score"], params["a_seq"] = after
    for _ in range(3):
        try:
            got = _raw_rows(conn, _ONE_PASS.format(page=page), params)
        except sqlite3.OperationalError as exc:  # a store not migrated to 0019
            if "search_generation" in str(exc):
                return None
            raise
        *ranked, (_, floor, concat, gen) = got
        seqs = (np.fromstring(concat, dtype=np.int64, sep=",") if concat
                else np.zeros(0, dtype=np.int64))
        seq_cells = _seq_cells(conn, int(gen))
        if seq_cells is None or (len(seqs) and int(np.max(seqs)) >= len(seq_cells)):
            continue  # written meanwhile: read the matches again
        counts = np.bincount(seq_cells[seqs])
        cell_ids = np.flatnonzero(counts)
        keys = sorted(((int(s), float(sc)) for s, sc, _, _ in ranked), key=lambda k: (k[1], k[0]))
        newest = (np.sort(seqs)[-FACET_SAMPLE:] if len(seqs) > FACET_SAMPLE else seqs).tolist()
        return _Pass(keys, cell_ids, counts[cell_ids], newest,
                     None if floor is None else RANK_WINDOW)
    return None


#: The one-pass statement (:func:`_one_pass`). ``f`` is the window's floor:
#: the seq below the newest RANK_WINDOW matches, NULL when there are no more
#: than that. Whether there are is asked first in rowid order, counting at
#: most RANK_WINDOW + 1 matches and scoring none; only then does FTS5 walk the
#: doclists newest first to find the floor. Walking them backwards costs more
#: (FTS5 loads each term's doclist to reverse it): the backward probe alone
#: was 0.30 ms per distinct query at 100k, the forward count 0.20, and most
#: queries are under the window (session 12, docs/measured/performance-serve.md).
#: Under the window every match's seq comes from the ranked table ``m``;
#: above it they are listed apart (no bm25), in the same statement, so the
#: floor, the ranking, the listing and the generation are one snapshot.
_ONE_PASS = (
    "WITH f AS MATERIALIZED (SELECT CASE WHEN (SELECT count(*) FROM (SELECT 1 FROM article_fts "
    "WHERE article_fts MATCH :match LIMIT :cap)) >= :cap THEN (SELECT rowid FROM article_fts "
    "WHERE article_fts MATCH :match ORDER BY rowid DESC LIMIT 1 OFFSET :n) END AS floor), "
    "m AS MATERIALIZED (SELECT article_fts.rowid AS seq, "
    f"bm25(article_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
    "FROM article_fts WHERE article_fts MATCH :match "
    "AND article_fts.rowid > coalesce((SELECT floor FROM f), -1)) "
    "SELECT * FROM (SELECT seq, score, NULL, NULL FROM m WHERE 1=1{page} "
    "ORDER BY score, seq LIMIT :limit) "
    "UNION ALL SELECT NULL, (SELECT floor FROM f), "
    "CASE WHEN (SELECT floor FROM f) IS NULL THEN (SELECT group_concat(seq) FROM m) "
    "ELSE (SELECT group_concat(rowid) FROM article_fts WHERE article_fts MATCH :match) END, "
    "(SELECT gen FROM search_generation)")


@dataclass
class _SeqCells:
    gen: int
    table: np.ndarray  # seq -> cell id (0: none)
    top: int  # the highest seq in the table (-1: none)


_SEQ_CELLS: WeakKeyDictionary[Engine, _SeqCells] = WeakKeyDictionary()


def _seq_cells(conn: Connection, gen: int) -> np.ndarray | None:
    """Each seq's facet cell (0: none) at search generation ``gen``, kept per
    engine; None when the generation moved again while it was read.

    When the generation has moved the rows above the highest seq held are
    read (one statement with the generation): if they are exactly as many as
    the generation moved, every change was one of them being appended (each
    insert, delete or update moves it by one, 0019), as an ingest does, and
    the array is extended; otherwise (a re-indexed article, a deletion) it is
    read whole (~20 ms at 100k). An ingest batch then costs a reader the new
    rows only, not the whole store again. The generation starts at a random
    number (0019), so a store migrated down and up again is not taken for
    the old one."""
    with _CELL_LOCK:
        held = _SEQ_CELLS.get(conn.engine)
    if held is not None and held.gen == gen:
        return held.table
    grown, whole = None, False
    if held is not None and held.gen < gen:
        seqs, cells, n, now = _facet_rows(conn, held.top)
        if now != gen:
            return None
        if n == gen - held.gen:
            top = max(held.top, int(np.max(seqs)) if n else -1)
            table = np.zeros(top + 1, dtype=np.int32)
            table[:len(held.table)] = held.table
            table[seqs] = cells
            grown = _SeqCells(gen, table, top)
    if grown is None:
        seqs, cells, n, now = _facet_rows(conn, -1)
        if now != gen:
            return None
        top = int(np.max(seqs)) if n else -1
        table = np.zeros(top + 1, dtype=np.int32)
        table[seqs] = cells
        grown, whole = _SeqCells(gen, table, top), True
    with _CELL_LOCK:
        held = _SEQ_CELLS.get(conn.engine)
        if held is None or held.gen != gen:
            _SEQ_CELLS[conn.engine] = grown
            if whole:
                # The cells' names are read again too: cells are only ever
                # added while the table lives, but a store migrated down and
                # up again numbers them anew (and starts another generation).
                _CELL_NAMES.pop(conn.engine, None)
    return grown.table


def _facet_rows(conn: Connection, above: int) -> tuple[np.ndarray, np.ndarray, int, int]:
    """The (seq, cell) of the facet rows with seq above ``above``, their
    number and the search generation, read in one statement (one snapshot)."""
    (seq_text, cell_text, n, now), = _raw_rows(conn, (
        "SELECT group_concat(seq), group_concat(coalesce(cell, 0)), count(*), "
        "(SELECT gen FROM search_generation) FROM search_facets WHERE seq > :above"), {"above": above})
    seqs = np.fromstring(seq_text, dtype=np.int64, sep=",") if seq_text else np.zeros(0, np.int64)
    cells = np.fromstring(cell_text, dtype=np.int64, sep=",") if cell_text else np.zeros(0, np.int64)
    return seqs, cells, int(n), int(now)


def _run(conn: Connection, sql: str, params: dict[str, Any]) -> Sequence[Any]:
    """Plain tuples on SQLite (:func:`_raw_rows`), SQLAlchemy rows elsewhere."""
    if conn.dialect.name == "sqlite":
        return _raw_rows(conn, sql, params)
    return conn.execute(text(sql), params).all()


def _rows(conn: Connection, sql: str, seqs: Sequence[int]) -> Sequence[Any]:
    """``sql`` with ``{seqs}`` standing for a list of article seqs. SQLite gets
    them as one JSON parameter (``json_each``): the statement's text stays the
    same, so the prepared statement is reused; a literal list made SQLite
    compile a new statement per search (0.24 -> 0.08 ms for the 21 articles
    of a page, 0.62 -> 0.15 ms for the 200 of the entity sample, issue 20)."""
    if conn.dialect.name == "sqlite":
        return _raw_rows(conn, sql.format(seqs="(SELECT value FROM json_each(:seqs))"),
                         {"seqs": "[" + ",".join(str(int(s)) for s in seqs) + "]"})
    # integers from the index, not user input
    return conn.execute(text(sql.format(seqs="(" + ", ".join(str(int(s)) for s in seqs) + ")"))).all()


def _tally(cells: Sequence[Any]) -> tuple[int, tuple[Counter[str], Counter[str], Counter[str]]]:
    """The total and the counts by source, language and month, in one pass over the cells."""
    total = 0
    counts: tuple[Counter[str], Counter[str], Counter[str]] = (Counter(), Counter(), Counter())
    by_source, by_language, by_month = counts
    for source, language, month, c in cells:
        c = int(c)
        total += c
        if source is not None:
            by_source[source] += c
        if language is not None:
            by_language[language] += c
        if month is not None:
            by_month[month] += c
    return total, counts


def facet_counts(conn: Connection, cte: str, where: str, params: dict[str, Any],
                 cells: Sequence[Any], *,
                 tally: tuple[int, tuple[Counter[str], ...]] | None = None,
                 sample: Sequence[int] | None = None) -> dict[str, Any]:
    """Counts of matching articles by source, language, month and entity.

    ``cells`` are the match counts grouped by (source, language, month), read
    in the same pass as the total: one index scan serves three facets
    (``tally``: those cells already counted by ``_tally`` or ``_tally_cells``).
    ``sample``: the seqs of the entity sample when already known (the newest
    FACET_SAMPLE matches, :func:`_one_pass`), instead of finding them again.
    """
    total, counts = tally if tally is not None else _tally(cells)
    out: dict[str, Any] = {}
    for name, by_value in zip(("source", "language", "month"), counts, strict=True):
        top = sorted(by_value.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE]
        out[name] = [{"value": v, "count": c} for v, c in top]
    out["month"].sort(key=lambda f: f["value"], reverse=True)
    # Entities: over the FACET_SAMPLE (200) most recently ingested matches (every
    # match when there are fewer): each article brings tens of mentions, and
    # an exact count over 10,000 matches would cost more than the search.
    if sample is None:
        head = (f"{cte}, top AS (SELECT m.seq FROM m WHERE 1=1 {where} "
                f"ORDER BY m.seq DESC LIMIT {FACET_SAMPLE}) ")
    else:
        head = "WITH top(seq) AS (SELECT value FROM json_each(:seqs)) "
        params = {"seqs": "[" + ",".join(str(int(s)) for s in sample) + "]"}
    out["entity"] = [
        {"value": eid, "label": name, "count": int(c)} for eid, name, c in _run(conn, (
            f"{head}SELECT mn.entity_id, e.canonical, count(DISTINCT a.seq) AS c "
            "FROM top JOIN articles a ON a.seq = top.seq JOIN mentions mn ON mn.article_uid = a.uid "
            "JOIN entities e ON e.entity_id = mn.entity_id "
            "GROUP BY mn.entity_id, e.canonical, e.n_mentions "
            f"ORDER BY c DESC, e.n_mentions DESC, mn.entity_id LIMIT {FACET_SIZE}"), params)
    ]
    out["entity_sampled"] = total > FACET_SAMPLE
    return out
