"""The search's query plan changed for speed (issue 20: ranking from the FTS5
table alone when nothing filters, facets grouped by integer cells, migration
0018); what a search answers must not. Each answer is compared with the plain
statement of it, written here as the plan was before: every match ranked by
bm25 joined to its facet row, facets counted over the facet rows' own values.

Real text: the first 150 articles of ../shared/data/news-clusters (English
news of 2017-2018 from many outlets) and the two French seed articles.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, text

from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.search.index import index_articles
from veille.search.query import BODY_WEIGHT, FACET_SIZE, TITLE_WEIGHT, Filters, fts5_expression, parse, search
from veille.search.snippets import hit_spans, snippet_reference
from veille.store import Store
from veille.store.core import _alembic_config

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("VEILLE_SHARED_DATA", REPO.parent / "shared" / "data"))
NEWS = SHARED / "news-clusters" / "news_cluster.jsonl"


@pytest.fixture(scope="module")
def news_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    if not NEWS.exists():
        pytest.skip("../shared/data absent: news-clusters is needed for real ranked text")
    tmp = tmp_path_factory.mktemp("plan")
    lines = NEWS.read_text(encoding="utf-8").splitlines()[:150]
    jl = tmp / "news.jsonl"
    jl.write_text("\n".join(json.dumps({k: r[k] for k in ("id", "url", "source", "published", "title",
                                                          "text", "language") if r.get(k)})
                            for r in map(json.loads, lines)), encoding="utf-8")
    store = Store.open(str(tmp / "v.db"))
    ingest_items(store, read_paths([str(jl), str(REPO / "examples")], SourceOptions()))
    yield store
    store.close()


def _queries(conn: Connection) -> list[str]:
    """Words of the stored titles (1-3 of one title, as a reader types them),
    plus phrases and exclusions."""
    titles = [t for (t,) in conn.execute(text("SELECT title FROM articles WHERE title IS NOT NULL "
                                              "ORDER BY seq"))]
    out = []
    for i, t in enumerate(titles[:60]):
        words = re.findall(r"\w{3,}", t)
        if words:
            out.append(" ".join(words[i % 3: i % 3 + 1 + i % 3]) or words[0])
    return out + ['"Security Council"', "missile -Japan", "president", "the", "Korea said",
                  "Poutine", "nucléaires"]


def _reference(conn: Connection, q: str, f: Filters, limit: int) -> dict[str, Any]:
    """Every match ranked with its facet row, counted in Python."""
    params: dict[str, Any] = {"match": fts5_expression(parse(q))}
    where = f.sql(params)
    rows = conn.execute(text(
        f"SELECT * FROM (SELECT article_fts.rowid AS seq, bm25(article_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) "
        "AS score, sf.source, sf.language, sf.day_start, sf.day_end FROM article_fts "
        "JOIN search_facets sf ON sf.seq = article_fts.rowid WHERE article_fts MATCH :match) m "
        f"WHERE 1=1 {where} ORDER BY m.score, m.seq"), params).all()
    uid: dict[int, str] = dict(conn.execute(text("SELECT seq, uid FROM articles")).all())
    facets = {}
    for name, values in (("source", [r.source for r in rows]), ("language", [r.language for r in rows]),
                         ("month", [r.day_start[:7] if r.day_start is not None else None for r in rows])):
        counts = Counter(v for v in values if v is not None)
        facets[name] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE]
    facets["month"].sort(reverse=True)
    return {"ids": [uid[r.seq] for r in rows[:limit]], "scores": [-r.score for r in rows[:limit]],
            "total": len(rows), "facets": facets}


def _answer(res: dict[str, Any]) -> dict[str, Any]:
    return {"ids": [r["id"] for r in res["results"]], "scores": [r["score"] for r in res["results"]],
            "total": res["total"],
            "facets": {k: [(v["value"], v["count"]) for v in res["facets"][k]]
                       for k in ("source", "language", "month")}}


FILTERS = [Filters(), Filters(language="en"), Filters(since="2017-10-01", until="2018-03-31"),
           Filters(sources=("www.nytimes.com", "www.dailymail.co.uk", "www.rt.com"))]


@pytest.mark.parametrize("f", FILTERS, ids=["none", "language", "dates", "sources"])
def test_answers_are_those_of_the_plain_plan(news_store: Store, f: Filters) -> None:
    with news_store.connect() as conn:
        queries = _queries(conn)
        assert len(queries) > 50
        seen_many = 0
        for q in queries:
            ref = _reference(conn, q, f, 10)
            got = _answer(search(conn, q, f, limit=10))
            ref["scores"] = [float(f"{s:.6g}") for s in ref["scores"]]  # as the answer rounds them
            assert got == ref, q
            seen_many += ref["total"] > 10
        assert seen_many > 5  # ranking decided among many matches, not only a few


def _all_pages(conn: Connection, q: str) -> list[str]:
    """The ids of every page of ``q``, 7 a page, followed by their cursors."""
    pages: list[str] = []
    after = None
    while True:
        res = search(conn, q, limit=7, after=after, facets=False)
        pages += [r["id"] for r in res["results"]]
        after = res["next"]
        if after is None:
            return pages


def test_pages_follow_the_plain_order(news_store: Store) -> None:
    with news_store.connect() as conn:
        for q in ("president", "the", "missile"):
            ref = _reference(conn, q, Filters(), 1000)["ids"]
            pages = _all_pages(conn, q)
            assert pages == ref and len(ref) > 14, q


def test_cells_follow_an_article_reindexed_with_another_source(news_store: Store) -> None:
    with news_store.begin() as conn:
        uid, old = conn.execute(text("SELECT uid, source FROM articles WHERE title LIKE '%missile%' "
                                     "ORDER BY seq LIMIT 1")).one()
        conn.execute(text("UPDATE articles SET source = 'moved.example' WHERE uid = :u"), {"u": uid})
        index_articles(conn, [uid])
    try:
        with news_store.connect() as conn:
            res = search(conn, "missile")
            assert ("moved.example", 1) in [(v["value"], v["count"]) for v in res["facets"]["source"]]
            assert _answer(res) == _reference(conn, "missile", Filters(), 20) | {
                "scores": _answer(res)["scores"]}
    finally:
        with news_store.begin() as conn:
            conn.execute(text("UPDATE articles SET source = :s WHERE uid = :u"), {"s": old, "u": uid})
            index_articles(conn, [uid])


def test_migration_fills_the_cells_of_a_store_indexed_before(news_store: Store) -> None:
    """A store indexed before 0018 (no cell) answers the same once migrated."""
    queries = ["president", "missile launch", "Korea", "the"]
    with news_store.connect() as conn:
        before = [_answer(search(conn, q)) for q in queries]
    cfg = _alembic_config()
    with news_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0017")
        assert "cell" not in {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(search_facets)")}
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    # A store is migrated when it is opened, before it serves a search.
    fresh = Store.open(news_store.url)
    try:
        with fresh.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM search_facets WHERE cell IS NULL").scalar() == 0
            assert [_answer(search(conn, q)) for q in queries] == before
    finally:
        fresh.close()


def test_api_sends_the_bytes_the_response_model_would(news_store: Store) -> None:
    """``/api/search`` sends its page without validating it against SearchPage
    (a third of a millisecond per uncached search): the bytes must be those
    FastAPI's response-model path makes of the same page."""
    import asyncio

    from fastapi.responses import JSONResponse
    from fastapi.routing import serialize_response
    from fastapi.testclient import TestClient
    from fastapi.utils import create_model_field

    from veille.web.api.schemas import SearchPage
    from veille.web.app import create_app

    field = create_model_field(name="Response_search", type_=SearchPage, mode="serialization")

    def via_model(body: bytes) -> bytes:
        content = asyncio.run(serialize_response(field=field, response_content=json.loads(body),
                                                 exclude_unset=True, is_coroutine=False))
        return bytes(JSONResponse(content).body)

    client = TestClient(create_app(news_store))
    with news_store.connect() as conn:
        queries = _queries(conn)[:25]
    checked = 0
    for q in queries:
        for extra in ({}, {"language": "en", "limit": 3}, {"facets": "false"}, {"since": "2017-10"}):
            r = client.get("/api/search", params={"q": q, **extra})
            assert r.status_code == 200
            assert r.content == via_model(r.content), (q, extra)
            checked += bool(json.loads(r.content)["results"])
            if json.loads(r.content)["next_cursor"]:
                r2 = client.get("/api/search", params={"q": q, "cursor": json.loads(r.content)["next_cursor"],
                                                       **extra})
                assert r2.status_code == 200 and r2.content == via_model(r2.content)
    assert checked > 40


def test_snippets_are_those_of_the_plain_statement(news_store: Store) -> None:
    """The snippet cutter stops at the first window holding every distinct term
    of the text (issue 20); every result's snippet and title highlights equal
    the word-by-word reference, common words (hundreds of hits) included."""
    with news_store.connect() as conn:
        queries = _queries(conn) + ["the said", "and of", "Trump the", "the", "said"]
        texts = {uid: (t, title, lang) for uid, t, title, lang in conn.execute(text(
            "SELECT uid, text, title, language FROM articles"))}
        many_hits = 0
        for q in queries:
            forms = parse(q).forms()
            for r in search(conn, q, limit=20, facets=False)["results"]:
                body, title, lang = texts[r["id"]]
                assert r["snippet"] == snippet_reference(body, forms, lang), (q, r["id"])
                if title:
                    ref = snippet_reference(title, forms, lang, width=10_000)["highlights"]
                    assert r["title_highlights"] == ref, (q, r["id"])
                many_hits += len(hit_spans(body, forms, lang)) > 20
        assert many_hits > 50


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    """The separate statements (rank, cells by join, entity sample), as before 0019."""
    import veille.search.query as query

    monkeypatch.setattr(query, "_one_pass", lambda *a, **k: None)


def test_one_pass_answers_the_bytes_of_the_separate_statements(
        news_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20: an unfiltered search reads its matches once (ranking, cells
    from the per-process seq -> cell array, entity sample); the whole answer,
    entity facet and next page included, is the one the separate statements give.
    The store is not analysed here: the capitalised words of each title stand
    in for its entity mentions (rows to count, not a claim about entities)."""
    with news_store.begin() as conn:
        names: dict[str, int] = {}
        mentions = []
        for uid, title in conn.execute(text("SELECT uid, title FROM articles WHERE title IS NOT NULL")):
            for w in set(re.findall(r"\b[A-Z]\w{3,}", title)):
                names[w] = names.get(w, 0) + 1
                mentions.append({"u": uid, "e": "t:" + w, "w": w})
        conn.execute(text("INSERT INTO entities (entity_id, canonical, label, aliases, n_mentions) "
                          "VALUES (:e, :w, 'MISC', '[]', :n)"),
                     [{"e": "t:" + w, "w": w, "n": n} for w, n in names.items()])
        conn.execute(text("INSERT INTO mentions (article_uid, entity_id, text, label, start, \"end\") "
                          "VALUES (:u, :e, :w, 'MISC', 0, 1)"), mentions)
    try:
        _compare_one_pass(news_store, monkeypatch)
    finally:
        with news_store.begin() as conn:
            conn.execute(text("DELETE FROM mentions WHERE entity_id LIKE 't:%'"))
            conn.execute(text("DELETE FROM entities WHERE entity_id LIKE 't:%'"))


def _compare_one_pass(news_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with news_store.connect() as conn:
        queries = _queries(conn) + ["the said", "Trump", "Korea -missile"]
        fast = []
        for q in queries:
            first = search(conn, q, limit=7)
            fast += [first] + ([search(conn, q, limit=7, after=first["next"])] if first["next"] else [])
        _slow(monkeypatch)
        slow = []
        for q in queries:
            first = search(conn, q, limit=7)
            slow += [first] + ([search(conn, q, limit=7, after=first["next"])] if first["next"] else [])
    assert json.dumps(fast, ensure_ascii=False) == json.dumps(slow, ensure_ascii=False)
    assert sum(1 for r in fast if r["facets"]["entity"]) > 30
    assert sum(1 for r in fast if r["total"] > 7) > 20


def test_every_change_of_the_facet_rows_moves_the_generation(news_store: Store) -> None:
    """Migration 0019's triggers: whichever path writes search_facets, a search
    process sees its seq -> cell array is no longer the store's."""
    import veille.search.query as query

    def gen(conn: Connection) -> int:
        return int(conn.exec_driver_sql("SELECT gen FROM search_generation").scalar_one())

    with news_store.begin() as conn:
        g0 = gen(conn)
        uid = conn.execute(text("SELECT uid FROM articles ORDER BY seq LIMIT 1")).scalar_one()
        index_articles(conn, [uid])  # a delete and an insert
        g1 = gen(conn)
        conn.exec_driver_sql("UPDATE search_facets SET cell = cell "
                             "WHERE seq = (SELECT min(seq) FROM search_facets)")
        g2 = gen(conn)
    assert g0 < g1 < g2
    with news_store.connect() as conn:
        assert query._seq_cells(conn, g2 + 1) is None  # not the store's generation: not kept
        table = query._seq_cells(conn, g2)
        assert table is not None
        cells: dict[int, int] = dict(conn.exec_driver_sql(
            "SELECT seq, coalesce(cell, 0) FROM search_facets").all())
        assert {s: int(table[s]) for s in cells} == cells


def test_a_store_not_migrated_to_0019_still_answers(news_store: Store) -> None:
    """Without search_generation (a store opened without migrating), searches
    take the separate statements and answer the same."""
    queries = ["president", "missile launch", "the"]
    with news_store.connect() as conn:
        before = [search(conn, q) for q in queries]
    cfg = _alembic_config()
    with news_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0018")
    try:
        old = Store.open(news_store.url, migrate=False)
        try:
            with old.connect() as conn:
                assert [search(conn, q) for q in queries] == before
        finally:
            old.close()
    finally:
        with news_store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")


def test_appended_articles_extend_the_cell_array_a_reindex_reads_it_whole(
        news_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An ingest batch only appends facet rows: a search process reads the new
    rows and extends its seq -> cell array; a re-indexed article (a delete and
    an insert of an old seq) makes it read the array whole. Either way the
    array is the store's and the answer that of the separate statements."""
    import veille.search.query as query

    def db_cells() -> dict[int, int]:
        with news_store.connect() as conn:
            return dict(conn.exec_driver_sql("SELECT seq, coalesce(cell, 0) FROM search_facets").all())

    def held() -> dict[int, int]:
        table = query._SEQ_CELLS[news_store.engine].table
        return {s: int(table[s]) for s in db_cells()}

    with news_store.connect() as conn:
        search(conn, "missile")
    top = query._SEQ_CELLS[news_store.engine].top
    reads: list[int] = []
    real = query._facet_rows

    def counted(conn: Connection, above: int) -> Any:
        reads.append(above)
        return real(conn, above)

    monkeypatch.setattr(query, "_facet_rows", counted)

    lines = NEWS.read_text(encoding="utf-8").splitlines()[150:175]
    jl = tmp_path / "more.jsonl"
    jl.write_text("\n".join(json.dumps({k: r[k] for k in ("id", "url", "source", "published", "title",
                                                          "text", "language") if r.get(k)})
                            for r in map(json.loads, lines)), encoding="utf-8")
    ingest_items(news_store, read_paths([str(jl)], SourceOptions()))
    with news_store.connect() as conn:
        fast = search(conn, "the said")
    assert reads == [top]  # the new rows only
    assert held() == db_cells() and max(db_cells()) > top

    reads.clear()
    with news_store.begin() as conn:
        uid = conn.execute(text("SELECT uid FROM articles ORDER BY seq LIMIT 1 OFFSET 3")).scalar_one()
        index_articles(conn, [uid])
    with news_store.connect() as conn:
        search(conn, "missile")
    top = query._SEQ_CELLS[news_store.engine].top
    assert reads[-1] == -1 and len(reads) == 2  # rows above the top, then the whole array
    assert held() == db_cells()

    _slow(monkeypatch)
    with news_store.connect() as conn:
        assert search(conn, "the said") == fast


def _windowed_reference(conn: Connection, q: str, window: int) -> list[str]:
    """Every match ranked by bm25, then only the newest ``window`` matches
    (by seq) kept, in that order: what a query matching more is ranked over."""
    params = {"match": fts5_expression(parse(q))}
    rows = conn.execute(text(
        f"SELECT rowid AS seq, bm25(article_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
        "FROM article_fts WHERE article_fts MATCH :match ORDER BY score, seq"), params).all()
    newest = set(sorted(r.seq for r in rows)[-window:])
    uid: dict[int, str] = dict(conn.execute(text("SELECT seq, uid FROM articles")).all())
    return [uid[r.seq] for r in rows if r.seq in newest]


def test_a_query_matching_more_than_the_window_is_ranked_over_its_newest_matches(
        news_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20 item 7: bm25 of every match of a common word was most of a
    loaded server's tail. Above RANK_WINDOW matches the ranking is FTS5's
    bm25 over the newest RANK_WINDOW only (scores unchanged: idf over the
    whole table); total and facets still count every match, pages follow
    the windowed order, and ``ranked_over`` says how many were ranked. A
    query under the window is answered exactly as before."""
    import veille.search.query as query

    window = 25
    monkeypatch.setattr(query, "RANK_WINDOW", window)
    with news_store.connect() as conn:
        capped = under = 0
        for q in _queries(conn):
            full = _reference(conn, q, Filters(), 10)
            got = search(conn, q, limit=10)
            assert got["total"] == full["total"], q
            assert _answer(got)["facets"] == full["facets"], q
            if full["total"] <= window:
                under += 1
                assert [r["id"] for r in got["results"]] == full["ids"], q
                assert got["ranked_over"] == full["total"]
                continue
            capped += 1
            ref = _windowed_reference(conn, q, window)
            assert got["ranked_over"] == window
            assert [r["id"] for r in got["results"]] == ref[:10], q
            # A result's score is the one the full ranking gives it.
            every = _reference(conn, q, Filters(), 10_000)
            full_scores = dict(zip(every["ids"], every["scores"], strict=True))
            assert [r["score"] for r in got["results"]] == [
                float(f"{full_scores[r['id']]:.6g}") for r in got["results"]], q
        assert capped > 5 and under > 20
        for q in ("the", "president"):
            assert _all_pages(conn, q) == _windowed_reference(conn, q, window), q


def test_the_window_starts_one_match_above_it(news_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one-pass statement asks whether a query has more than RANK_WINDOW
    matches by counting at most RANK_WINDOW + 1 of them: a query with exactly
    RANK_WINDOW matches is ranked over all, one with a match more over the
    newest RANK_WINDOW (session 12; an off-by-one here moves results)."""
    import veille.search.query as query

    with news_store.connect() as conn:
        for q in ("president", "the said", "police"):
            n = search(conn, q)["total"]
            assert n > 3, q
            monkeypatch.setattr(query, "RANK_WINDOW", n)
            got = search(conn, q, limit=10)
            assert got["ranked_over"] == n
            assert [r["id"] for r in got["results"]] == _reference(conn, q, Filters(), 10)["ids"], q
            monkeypatch.setattr(query, "RANK_WINDOW", n - 1)
            got = search(conn, q, limit=10)
            assert got["total"] == n and got["ranked_over"] == n - 1, q
            assert [r["id"] for r in got["results"]] == _windowed_reference(conn, q, n - 1)[:10], q
