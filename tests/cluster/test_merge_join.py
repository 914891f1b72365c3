"""The merge made right after a join (``cluster/merge.py``): its signal, its
record, and the story ids users hold, through the store."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from veille.cli import app
from veille.cluster.evaluate import with_vectors
from veille.cluster.merge import MergeModel, max_pair_cosine
from veille.cluster.params import load_params


def _by_event(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["story"], []).append(r)
    return out


def test_best_member_pair_is_nearer_within_an_event_than_across_topics(
    news_rows: list[dict[str, Any]]
) -> None:
    """Two halves of one news event hold a pair of members closer than any
    pair across two unrelated events (real articles, real vectors). Two
    events of one topic (two North Korean launches a year apart) can be as
    close: that is why the merge model also reads the time gap."""
    events = _by_event(news_rows)
    nk = sorted(e for e in events if e.lower().startswith("north_korea") and len(events[e]) >= 4)
    far = sorted(e for e in events if "korea" not in e.lower() and len(events[e]) >= 2)
    assert nk and far
    one = with_vectors(events[nk[0]][:4])
    a = [r["vector"] for r in one[:2]]
    b = [r["vector"] for r in one[2:]]
    same = max_pair_cosine(a, b)
    for e in far[:5]:
        c = [r["vector"] for r in with_vectors(events[e][:2])]
        assert same > max_pair_cosine(a, c), e
    assert max_pair_cosine(a, []) == 0.0


def test_why_lists_the_deciding_signals_largest_first() -> None:
    m = MergeModel({"emb_max": 9.0, "gap": -0.4, "title": 0.0}, -5.0, 0.7)
    x = {"emb_max": 0.9, "gap": 2.0, "title": 0.5}
    assert list(m.why(x)) == ["emb_max", "gap"]  # a zero weight says nothing
    assert m.prob(x) > m.prob({**x, "emb_max": 0.5})


def test_merges_after_joins_reach_the_store_and_old_ids_resolve(
    tmp_path: Path, news_rows: list[dict[str, Any]]
) -> None:
    """With a permissive merge model, every merge made after a join reaches
    the store: each article in one live story, the absorbed ids resolve to
    their absorber (CLI), and the absorber's state says what it absorbed and why."""
    from veille.cluster import repository as repo
    from veille.cluster.service import cluster_pending
    from veille.store import Store, story_aliases

    texts: set[str] = set()
    rows = []
    for r in sorted(news_rows, key=lambda r: r["published"]):
        if r["text"] not in texts and len(rows) < 120:
            texts.add(r["text"])
            rows.append(r)
    db = str(tmp_path / "m.db")
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["--db", db, "ingest", "--no-analyze", "--no-cluster", str(path)])
    assert res.exit_code == 0, res.output
    eager = replace(load_params(), merge_k=3, merge_weights={"emb_max": 9.0, "gap": -0.4},
                    merge_bias=-5.0, merge_join_threshold=0.3, merge_every=10_000)
    store = Store.open(db)
    try:
        rep = cluster_pending(store, params=eager, batch_size=50, views=False)
        assert rep["join_merges"] > 0
        with store.connect() as conn:
            listed = repo.list_stories(conn)
            live = {int(s["id"]) for s in listed}
            records = []
            for s in listed:
                state = repo.story_state(conn, int(s["id"]))
                assert state is not None and state.n == s["size"]
                records += [(int(s["id"]), m) for m in state.merges]
            joined = [(sid, m) for sid, m in records if m["kind"] == "join"]
            assert joined and all(m["why"] and 0.3 <= m["p"] <= 1.0 for _, m in joined)
            for sid, m in joined:  # the record lives where the absorbed id now leads
                found = story_aliases.resolve(conn, int(m["absorbed"]))
                assert found is not None and found.story_id == sid
                assert int(m["absorbed"]) not in live
    finally:
        store.close()
    ids = [a for s in listed for a in s["articles"]]
    assert len(ids) == len(set(ids)) == len(rows)
    # A user holding an absorbed id is led to the story it now lives in.
    sid, m = joined[0]
    res = runner.invoke(app, ["--db", db, "story", str(m["absorbed"]), "--json"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)
    assert got["merged_into"] in live and int(m["absorbed"]) in got["merged_path"]
