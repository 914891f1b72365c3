"""Article vectors in the store, on both backends: keyed by article and model,
so a model change leaves the articles to embed again; clustering embeds what
is missing and says what it clustered without a vector."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from pg import pg_server, pg_url  # noqa: F401  (fixtures re-exported for this module)
from veille.cluster.service import cluster_pending, embed_missing
from veille.embed.encoder import model_name
from veille.embed.similar import more_like_this
from veille.ingest.sources import SourceOptions, read_paths
from veille.services.pipeline import PipelineOptions, run_pipeline
from veille.store import Store
from veille.store import vectors as vq


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = str(tmp_path / "v.db") if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    st = Store.open(url)
    try:
        yield st
    finally:
        st.close()


def _ingest(store: Store, tmp_path: Path) -> list[str]:
    rows = [
        {"id": "en1", "title": "Earthquake hits central Italy", "language": "en",
         "text": "A strong earthquake struck central Italy on Sunday, damaging old buildings."},
        {"id": "it1", "title": "Terremoto nell'Italia centrale", "language": "it",
         "text": "Un forte terremoto ha colpito domenica l'Italia centrale, danneggiando vecchi edifici."},
        {"id": "empty", "title": "", "language": "en", "text": "…"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    run_pipeline(store, read_paths([str(path)], SourceOptions(fmt="jsonl")),
                 PipelineOptions(analyze=False, cluster=False, views=False))
    return [r["id"] for r in rows]


def test_vectors_round_trip_and_a_model_change_re_embeds(store: Store, tmp_path: Path) -> None:
    uids = _ingest(store, tmp_path)
    with store.connect() as conn:
        present = {r["uid"] for r in vq.missing(conn, model_name(), 10)}
    assert embed_missing(store, sorted(present)) == len(present)
    assert embed_missing(store, sorted(present)) == 0  # keyed: nothing twice
    with store.connect() as conn:
        got = vq.load_vectors(conn, uids, model_name())
        assert not vq.missing(conn, model_name(), 10)
        assert [r["uid"] for r in vq.missing(conn, "another-model", 10)] == [
            u for u in uids if u in present]
    assert got["en1"] is not None and len(got["en1"]) == 516


def test_clustering_embeds_and_reports(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    rep = cluster_pending(store, views=False)
    assert rep["embedded"] == rep["assigned"]
    with store.connect() as conn:
        assert not vq.missing(conn, model_name(), 10)
    rep2 = cluster_pending(store, views=False, rebuild=True)
    assert rep2.get("embedded", 0) == 0 and rep2["assigned"] == rep["assigned"]


def test_more_like_this_finds_the_other_language_first(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    cluster_pending(store, views=False)
    with store.connect() as conn:
        near = more_like_this(conn, "en1", k=5)
        assert more_like_this(conn, "no-such-article") == []
    assert near and near[0][0] == "it1"
    assert all(u != "en1" for u, _ in near)


def test_stored_uids_sees_rows_of_its_model_only(store: Store, tmp_path: Path) -> None:
    """The presence check the cluster stage runs before embedding: keyed by
    model, so a model change leaves every article to embed again."""
    uids = _ingest(store, tmp_path)
    embed_missing(store, uids)
    with store.connect() as conn:
        assert vq.stored_uids(conn, uids, model_name()) == set(uids)
        assert vq.stored_uids(conn, uids, "another-model") == set()
        assert vq.stored_uids(conn, ["en1", "no-such-article"], model_name()) == {"en1"}
