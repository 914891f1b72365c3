"""`veille optimize`: the index merged into one segment answers every search exactly as before."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from veille.cli import app as cli
from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.search.index import fts_segments, optimize_index
from veille.search.query import search
from veille.store import Store

from .test_search import ENGLISH, EXAMPLES


def _ingest_in_runs(store: Store, tmp_path: Path) -> None:
    """The seeds, then each English article in an ingest of its own: on
    SQLite each commit writes a segment, as a live store's ingests do."""
    ingest_items(store, read_paths([str(EXAMPLES)], SourceOptions()))
    for i, rec in enumerate(ENGLISH):
        jl = tmp_path / f"en{i}.jsonl"
        jl.write_text(json.dumps(rec), encoding="utf-8")
        assert len(ingest_items(store, read_paths([str(jl)], SourceOptions())).added) == 1


def _queries(store: Store) -> list[str]:
    """Single words and pairs of neighbouring words of the stored texts, plus
    a phrase, an exclusion and a word every article holds: many rankings,
    totals and snippets to compare."""
    with store.connect() as conn:
        texts = [t for (t,) in conn.exec_driver_sql("SELECT text FROM articles ORDER BY seq")]
    out: list[str] = ["the", "le", '"flood barriers"', "Monday -harvest"]
    for t in texts:
        words = re.findall(r"\w{4,}", t)
        out += words[:40:3] + [f"{a} {b}" for a, b in zip(words[1:60:7], words[2:60:7], strict=False)]
    return list(dict.fromkeys(out))


def _answers(store: Store, queries: list[str]) -> str:
    pages = []
    with store.connect() as conn:
        for q in queries:
            first = search(conn, q, limit=2, facets=True)
            pages.append(first)
            if first.get("next"):
                pages.append(search(conn, q, limit=2, after=first["next"], facets=True))
            pages.append(search(conn, q, limit=5, facets=False, order="date"))
    return json.dumps(pages, sort_keys=True, default=str)


def test_optimize_merges_the_index_and_answers_stay_the_same(store: Store, tmp_path: Path) -> None:
    _ingest_in_runs(store, tmp_path)
    queries = _queries(store)
    before = _answers(store, queries)
    assert sum(p["total"] > 0 for p in json.loads(before)) > len(queries)  # most queries find something
    segments = optimize_index(store)
    if store.engine.dialect.name == "sqlite":
        assert segments[0] is not None and segments[0] >= 3  # one per ingest commit at least
        assert segments[1] == 1
    else:  # PostgreSQL's GIN index keeps itself: nothing done
        assert segments == (None, None)
    assert _answers(store, queries) == before
    assert optimize_index(store)[1] == segments[1]  # again: nothing left to merge


def test_optimize_command_on_a_store(tmp_path: Path) -> None:
    db = str(tmp_path / "v.db")
    store = Store.open(db)
    _ingest_in_runs(store, tmp_path)
    store.close()
    r = CliRunner().invoke(cli, ["--db", db, "optimize", "--json"])
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)
    assert got["segments_before"] >= 3 and got["segments_after"] == 1
    store = Store.open(db)
    with store.connect() as conn:
        assert fts_segments(conn) == 1
        assert search(conn, "barriers", limit=5)["total"] == 1
    store.close()


def test_a_batch_run_that_doubles_the_store_ends_on_one_segment(tmp_path: Path) -> None:
    """``veille ingest``'s upkeep (services.pipeline.optimize_after): a run
    that adds at least half the store merges the index; a small run into a
    larger store leaves its segments to FTS5's automerge."""
    from veille.services.pipeline import PipelineOptions, run_pipeline

    store = Store.open(str(tmp_path / "v.db"))
    try:
        opts = PipelineOptions(analyze=False, cluster=False, optimize_search=True)
        # Two runs of one article each: two articles, two segments.
        for i, rec in enumerate(ENGLISH):
            jl = tmp_path / f"en{i}.jsonl"
            jl.write_text(json.dumps(rec), encoding="utf-8")
            rep = run_pipeline(store, read_paths([str(jl)], SourceOptions()),
                               PipelineOptions(analyze=False, cluster=False))
            assert rep.search_index is None  # not asked for: the watcher's and API's runs
        with store.connect() as conn:
            assert fts_segments(conn) == 2
        rep = run_pipeline(store, read_paths([str(EXAMPLES)], SourceOptions()), opts)
        assert len(rep.added) == 2  # the two seeds: half of the four articles now stored
        assert rep.search_index == {"segments_before": 3, "segments_after": 1}
        assert rep.to_dict()["search_index"] == rep.search_index
        with store.connect() as conn:
            assert fts_segments(conn) == 1
        small = tmp_path / "small.jsonl"
        small.write_text(json.dumps({**ENGLISH[0], "id": "en-3", "text": ENGLISH[0]["text"] + " Later."}),
                         encoding="utf-8")
        rep = run_pipeline(store, read_paths([str(small)], SourceOptions()), opts)
        assert len(rep.added) == 1 and rep.search_index is None  # 1 of 5: below the share
        with store.connect() as conn:
            assert fts_segments(conn) == 2
    finally:
        store.close()
