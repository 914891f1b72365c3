"""Keep the search index in step with the articles table.

``index_articles`` runs inside the ingest transaction of a batch, so an
article is searchable exactly when it is committed; ``ensure_indexed`` catches
up on articles stored before the index existed (or by another path).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Connection, text

from veille.lang.stemmers import PG_CONFIGS
from veille.search.text import stem_text
from veille.search.wordindex import PREFIX, encode
from veille.store import Store
from veille.store.core import write_lock

_CHUNK = 500


Row = tuple[int, str, str | None, str, str | None, str | None, str | None, str | None]


def _rows(conn: Connection, uids: Sequence[str]) -> list[Row]:
    out = []
    for i in range(0, len(uids), _CHUNK):
        chunk = list(uids[i:i + _CHUNK])
        params = {f"u{j}": u for j, u in enumerate(chunk)}
        marks = ", ".join(f":u{j}" for j in range(len(chunk)))
        out += [tuple(r) for r in conn.execute(
            text("SELECT seq, uid, title, text, language, source, published_start, published_end "
                 f"FROM articles WHERE uid IN ({marks})"), params)]
    return out


#: (uid, title, text, language, (stemmed title, stemmed body, word index of the body)) computed
#: elsewhere. Titles have none: cut from a title of ten words, highlights cost less than reading one.
Stemmed = tuple[str, str | None, str, str | None, tuple[str, str, bytes]]


def index_articles(conn: Connection, uids: Iterable[str],
                   stems: Iterable[Stemmed] | None = None) -> int:
    """(Re)index these articles; returns how many were written.

    ``stems``: stems already computed (ingest has its workers do it), used
    for a stored article only when its title, text and language are the ones
    they were computed from; SQLite only, other articles are stemmed here.
    """
    return index_rows(conn, _rows(conn, list(uids)), stems)


def index_rows(conn: Connection, rows: Sequence[Row], stems: Iterable[Stemmed] | None = None,
               *, new: bool = False) -> int:
    """``index_articles`` for rows already in hand (ingest has just written
    them: no need to read them back). ``new``: these seqs were allocated in
    this transaction, so no index row can exist for them yet."""
    if not rows:
        return 0
    done: dict[str, list[Stemmed]] = {}
    for st in stems or ():
        done.setdefault(st[0], []).append(st)
    _write_word_index(conn, rows, done, new=new)
    if conn.dialect.name == "postgresql":
        conn.execute(text("DELETE FROM article_search WHERE seq = ANY(:s)"), {"s": [r[0] for r in rows]})
        conn.execute(text(
            "INSERT INTO article_search (seq, uid, config, tsv, source, language, day_start, day_end) "
            "VALUES (:seq, :uid, CAST(:cfg AS regconfig), "
            "setweight(to_tsvector(CAST(:cfg AS regconfig), :title), 'A') "
            "|| setweight(to_tsvector(CAST(:cfg AS regconfig), :body), 'B'), :source, :lang, :ds, :de)"
        ), [{"seq": seq, "uid": uid, "cfg": PG_CONFIGS.get(lang or "", "simple"), "title": title or "",
             "body": body, "source": src, "lang": lang, "ds": ds, "de": de}
            for seq, uid, title, body, lang, src, ds, de in rows])
        return len(rows)
    # Straight to the driver's executemany (positional parameters): the
    # ingest writer is the throughput ceiling and SQLAlchemy's per-row
    # parameter handling was a visible part of it.
    if not new:
        seqs = [(r[0],) for r in rows]
        conn.exec_driver_sql("DELETE FROM article_fts WHERE rowid = ?", seqs)
        conn.exec_driver_sql("DELETE FROM search_facets WHERE seq = ?", seqs)
    conn.exec_driver_sql(
        "INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)",
        [_fts_row(seq, uid, title, body, lang, done)
         for seq, uid, title, body, lang, _src, _ds, _de in rows],
    )
    cells = _cells(conn, {(src, lang, None if ds is None else ds[:7])
                          for _seq, _uid, _title, _body, lang, src, ds, _de in rows})
    conn.exec_driver_sql(
        "INSERT INTO search_facets (seq, source, language, day_start, day_end, cell) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(seq, src, lang, ds, de, cells[(src, lang, None if ds is None else ds[:7])])
         for seq, _uid, _title, _body, lang, src, ds, de in rows],
    )
    return len(rows)


def _write_word_index(conn: Connection, rows: Sequence[Row], done: Mapping[str, list[Stemmed]],
                      *, new: bool, fill: bool = False) -> None:
    """Each article's word index (migration 0021), which snippets are cut
    from; made by ingest's workers when they made it of this very text.
    ``fill``: only where none is stored yet (several server workers may
    fill an old store at once; the first one's rows stay)."""
    made = [(seq, _word_index(uid, title, body, lang, done))
            for seq, uid, title, body, lang, _src, _ds, _de in rows]
    if conn.dialect.name == "postgresql":
        if not fill:
            conn.execute(text("DELETE FROM search_words WHERE seq = ANY(:s)"), {"s": [r[0] for r in rows]})
        conn.execute(text("INSERT INTO search_words (seq, body) VALUES (:seq, :body)"
                          + (" ON CONFLICT (seq) DO NOTHING" if fill else "")),
                     [{"seq": seq, "body": body} for seq, body in made])
        return
    if not new and not fill:
        conn.exec_driver_sql("DELETE FROM search_words WHERE seq = ?", [(r[0],) for r in rows])
    conn.exec_driver_sql(f"INSERT {'OR IGNORE ' if fill else ''}INTO search_words (seq, body) VALUES (?, ?)",
                         made)


def _drop_stale_word_index(conn: Connection) -> None:
    """Drop the word indexes another definition of a word made (a language
    pack's new elided word, a new format): snippets ignore them, so they are
    made again. The oldest row tells whether any is stale (one row read)."""
    oldest = conn.execute(text("SELECT body FROM search_words ORDER BY seq LIMIT 1")).scalar()
    if oldest is None or bytes(oldest[:len(PREFIX)]) == PREFIX:
        return
    head = "substring(body from 1 for :n)" if conn.dialect.name == "postgresql" else "substr(body, 1, :n)"
    conn.execute(text(f"DELETE FROM search_words WHERE {head} <> :p"), {"n": len(PREFIX), "p": PREFIX})


def _missing_word_index(conn: Connection, after: int, limit: int) -> list[tuple[int, str]]:
    """(seq, uid) of articles past ``after`` without a word index (indexed
    before migration 0021), in ingest order: the caller walks the store once."""
    return [(int(seq), uid) for seq, uid in conn.execute(text(
        "SELECT a.seq, a.uid FROM articles a WHERE a.seq > :after AND NOT EXISTS "
        "(SELECT 1 FROM search_words w WHERE w.seq = a.seq) ORDER BY a.seq LIMIT :n"),
        {"after": after, "n": limit})]


Cell = tuple[str | None, str | None, str | None]


def _cells(conn: Connection, wanted: set[Cell]) -> dict[Cell, int]:
    """The cell id of each (source, language, month), made when new
    (migration 0018: a search groups its matches by this one integer).
    SQLite's ``json_array`` spells the key, as in the migration's backfill."""
    triples = sorted(wanted, key=repr)
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO search_cells (key, source, language, month) "
        "VALUES (json_array(?, ?, ?), ?, ?, ?)", [t + t for t in triples])
    out: dict[Cell, int] = {}
    for t in triples:
        row = conn.exec_driver_sql(
            "SELECT cell FROM search_cells WHERE key = json_array(?, ?, ?)", t).first()
        assert row is not None  # inserted just above, in this transaction
        out[t] = int(row[0])
    return out


def _word_index(uid: str, title: str | None, body: str, lang: str | None,
                done: Mapping[str, list[Stemmed]]) -> bytes:
    for _uid, t, b, lg, (_st_title, _st_body, index) in done.get(uid, ()):
        if t == title and b == body and lg == lang:
            return index
    return encode(body, lang)


def _fts_row(seq: int, uid: str, title: str | None, body: str, lang: str | None,
             done: Mapping[str, list[Stemmed]]) -> tuple[int, str, str]:
    for _uid, t, b, lg, (st_title, st_body, _index) in done.get(uid, ()):
        if t == title and b == body and lg == lang:
            return (seq, st_title, st_body)
    return (seq, stem_text(title or "", lang), stem_text(body, lang))


def unindexed(conn: Connection, limit: int = 10_000) -> list[str]:
    """Articles missing from the index, in ingest order."""
    table = "article_search" if conn.dialect.name == "postgresql" else "article_fts"
    key = "seq" if table == "article_search" else "rowid"
    return list(conn.execute(text(
        f"SELECT a.uid FROM articles a WHERE NOT EXISTS "
        f"(SELECT 1 FROM {table} f WHERE f.{key} = a.seq) ORDER BY a.seq LIMIT :n"), {"n": limit}
    ).scalars())


def ensure_indexed(store: object) -> int:
    """Index every article not yet in the index (a no-op when all are), and
    write the word index of articles indexed before it existed (0021)."""

    assert isinstance(store, Store)
    done = 0
    while True:
        with store.begin() as conn:
            missing = unindexed(conn)
            if not missing:
                break
            done += index_articles(conn, missing)
    with store.begin() as conn:
        _drop_stale_word_index(conn)
    after = -1
    while True:  # the word indexes of articles indexed before they existed (or dropped)
        with store.begin() as conn:
            lacking = _missing_word_index(conn, after, 2_000)
            if not lacking:
                return done
            _write_word_index(conn, _rows(conn, [uid for _seq, uid in lacking]), {}, new=False, fill=True)
            after = lacking[-1][0]


def fts_segments(conn: Connection) -> int | None:
    """How many b-trees (segments) the SQLite index is made of; None on
    PostgreSQL. Each MATCH sets up an iterator per segment: fewer segments,
    cheaper searches. Read from the index's own page index (one row per leaf
    page at 100k articles: ~30k rows, a few ms)."""
    if conn.dialect.name != "sqlite":
        return None
    return int(conn.exec_driver_sql("SELECT count(DISTINCT segid) FROM article_fts_idx").scalar() or 0)


def optimize_index(store: object) -> tuple[int | None, int | None]:
    """Merge the SQLite index into one segment (FTS5 ``optimize``); returns
    the segment counts before and after.

    Why an explicit step: every ingest commit writes a segment and FTS5 only
    merges them in fours, so a store carries ~8 of them; one segment costs
    ~10 % less per search statement (docs/measured/performance-serve.md,
    sessions 12-13), but rewriting the whole index (~1 s of CPU per 100k
    articles) belongs after a large ingest, not in each search or commit.
    PostgreSQL's GIN index keeps itself (autovacuum empties its pending
    list): nothing to do there, (None, None).
    """
    assert isinstance(store, Store)
    with store.begin() as conn:
        if conn.dialect.name != "sqlite":
            return None, None
        write_lock(conn)  # an ingest commit between the count and the merge would add a segment
        before = fts_segments(conn)
        if before is not None and before > 1:
            conn.exec_driver_sql("INSERT INTO article_fts(article_fts) VALUES('optimize')")
        return before, fts_segments(conn)
