"""Clustering through the store and the CLI contract."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.cluster.bcubed import bcubed

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "examples").glob("*.txt"))
KEYS = {"id", "title", "size", "languages", "sources", "first_published", "last_published", "articles"}


def veille(db: str, *args: str) -> Any:
    res = CliRunner().invoke(app, ["--db", db, *args], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout) if "--json" in args else res.stdout


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def seeds() -> list[Path]:
    if len(SEEDS) < 2:
        pytest.skip("examples/ seeds absent")
    return SEEDS


def test_seeds_form_one_story_and_cli_contract(tmp_path: Path, seeds: list[Path]) -> None:
    db = str(tmp_path / "v.db")
    veille(db, "ingest", "--no-analyze", *map(str, seeds), "--json")
    stories = veille(db, "stories", "--json")
    assert len(stories) == 1
    s = stories[0]
    assert set(s) == KEYS
    assert sorted(s["articles"]) == sorted(p.name for p in seeds)
    assert s["size"] == 2 and s["languages"] == ["fr"]
    # month-precision seeds: the story spans the month, not a made-up day
    assert (s["first_published"], s["last_published"]) == ("2023-06-01", "2023-06-30")
    one = veille(db, "story", str(s["id"]), "--json")
    assert one["id"] == s["id"] and one["articles"] == s["articles"]
    # idempotent: nothing left to assign; a rebuild gives the same partition
    assert veille(db, "cluster", "--json")["assigned"] == 0
    assert veille(db, "cluster", "--rebuild", "--no-views", "--json")["assigned"] == 2
    assert [sorted(x["articles"]) for x in veille(db, "stories", "--json")] == [sorted(s["articles"])]


def test_exact_copy_lands_in_story_and_counts_once(tmp_path: Path, seeds: list[Path]) -> None:
    db = str(tmp_path / "v.db")
    copy = tmp_path / ("copy_" + seeds[0].name)
    shutil.copy(seeds[0], copy)
    veille(db, "ingest", "--no-analyze", *map(str, seeds), str(copy), "--json")
    (s,) = veille(db, "stories", "--json")
    assert copy.name in s["articles"] and len(s["articles"]) == 3
    assert s["size"] == 2


def test_incremental_ingest_extends_yesterdays_stories(
    tmp_path: Path, news_rows: list[dict[str, Any]]
) -> None:
    rows = sorted(news_rows, key=lambda r: r["published"])
    events = {r["story"] for r in rows[-120:]}
    rows = [r for r in rows if r["story"] in events][-120:]
    half = len(rows) // 2
    inc = str(tmp_path / "inc.db")
    veille(inc, "ingest", "--no-analyze", str(_write_jsonl(tmp_path / "day1.jsonl", rows[:half])), "--json")
    day1 = {s["id"]: set(s["articles"]) for s in veille(inc, "stories", "--json")}
    rep = veille(
        inc, "ingest", "--no-analyze", str(_write_jsonl(tmp_path / "day2.jsonl", rows[half:])), "--json"
    )
    assert rep["cluster"]["assigned"] == len(rows) - half  # only the new articles
    day2 = {s["id"]: set(s["articles"]) for s in veille(inc, "stories", "--json")}
    grown = [sid for sid, arts in day1.items() if sid in day2 and day2[sid] > arts]
    assert grown, "day-2 articles must join day-1 stories"
    one = str(tmp_path / "one.db")
    veille(one, "ingest", "--no-analyze", str(_write_jsonl(tmp_path / "all.jsonl", rows)), "--json")
    a = {u: s["id"] for s in veille(inc, "stories", "--json") for u in s["articles"]}
    b = {u: s["id"] for s in veille(one, "stories", "--json") for u in s["articles"]}
    assert bcubed(a, b)[2] >= 0.95  # two-day stream ~ one pass


@pytest.mark.slow
def test_seeds_stay_their_own_story_among_news(tmp_path: Path, seeds: list[Path], news_path: Path) -> None:
    db = str(tmp_path / "v.db")
    # Assignment alone decides which story the seeds are in; the ~85 story views
    # `ingest` would build after it were 40% of this test's time.
    veille(db, "ingest", "--no-analyze", "--no-cluster", str(news_path), *map(str, seeds), "--json")
    assert veille(db, "cluster", "--no-views", "--json")["assigned"] > 380
    names = {p.name for p in seeds}
    holding = [s for s in veille(db, "stories", "--json") if names & set(s["articles"])]
    assert len(holding) == 1 and set(holding[0]["articles"]) == names


@pytest.mark.slow
def test_eval_clustering_cli(tmp_path: Path, news_path: Path) -> None:
    res = veille(str(tmp_path / "unused.db"), "eval", "clustering", str(news_path), "--json")
    assert res["articles"] == 383 and res["unassigned_gold"] == 0
    # Measured 0.943 (0.951 with the words-only model, fitted on these very
    # articles; held-out halves unchanged on average, see the docs); goal 0.96.
    assert res["bcubed"]["f1"] >= 0.935


def test_split_pass_is_persisted_consistently(tmp_path: Path, news_rows: list[dict[str, Any]]) -> None:
    """With a split threshold that makes the pass split eagerly, every move
    reaches the store: each article in exactly one story, stories' sizes and
    states agree with their rows, and the splits are reported."""
    from dataclasses import replace

    from veille.cluster import repository as repo
    from veille.cluster.params import load_params
    from veille.cluster.service import cluster_pending
    from veille.store import Store

    texts: set[str] = set()
    rows = []
    for r in sorted(news_rows, key=lambda r: r["published"]):
        if r["text"] not in texts and len(rows) < 150:  # no exact copies: one row per article
            texts.add(r["text"])
            rows.append(r)
    db = str(tmp_path / "s.db")
    veille(db, "ingest", "--no-analyze", "--no-cluster", str(_write_jsonl(tmp_path / "a.jsonl", rows)))
    eager = replace(load_params(), split_threshold=0.9, merge_every=50)
    store = Store.open(db)
    try:
        rep = cluster_pending(store, params=eager, batch_size=60, views=False)
        assert rep["splits"] > 0
        counted = 0
        with store.connect() as conn:
            listed = repo.list_stories(conn)
            for s in listed:
                state = repo.story_state(conn, int(s["id"]))
                assert state is not None and state.n == s["size"]
                assert len(s["articles"]) == state.n + state.n_dup
                counted += state.n + state.n_dup
    finally:
        store.close()
    ids = [a for s in listed for a in s["articles"]]
    assert len(ids) == len(set(ids)) == len(rows) == counted


def test_eval_clustering_without_ids_scores_every_article(
    tmp_path: Path, news_rows: list[dict[str, Any]]
) -> None:
    """A labelled file with no `id` field: articles get file-name + line ids
    at ingest, and the gold is keyed the same way (nothing silently dropped)."""
    rows = [{k: v for k, v in r.items() if k != "id"} for r in news_rows[:40]]
    path = _write_jsonl(tmp_path / "noid.jsonl", rows)
    res = CliRunner().invoke(app, ["eval", "clustering", str(path), "--json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["articles"] == 40 and out["unassigned_gold"] == 0
    assert out["bcubed"]["f1"] > 0.8
