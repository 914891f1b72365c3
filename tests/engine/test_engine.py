"""Runners (local, process pool, Dask) give the same results as in-process
code, in order, and survive a worker that dies mid-batch without storing
anything twice. Texts: the seed articles and, when present, the public
news-clusters corpus."""

from __future__ import annotations

import json
import os
import sys
from functools import partial
from pathlib import Path

import cloudpickle
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from veille.analyze.pipeline import analyze_batch
from veille.cli import app
from veille.cluster.features import build_features
from veille.core.model import RawRecord
from veille.engine.analysis import analyze_items
from veille.engine.features import features_batch
from veille.engine.runners import DaskRunner, ProcessRunner, Runner, make_runner
from veille.ingest import dedup
from veille.ingest import service as ingest_service
from veille.ingest.batches import Prepared, prepare_batch
from veille.ingest.prepare import prepare
from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.store import Store
from veille.store.schema import articles

# Dask workers cannot import this test module by name: ship its functions by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
MAX = 5 * 1024 * 1024


def _records(shared: Path | None = None) -> list[RawRecord]:
    """Real articles: the news-clusters corpus if there, else seed paragraphs."""
    if shared is not None:
        path = shared / "news-clusters" / "news_cluster.jsonl"
        if path.exists():
            items = list(read_paths([str(path)], SourceOptions()))
            return [i for i in items if isinstance(i, RawRecord)][:150]
    seeds = [i for i in read_paths([str(EXAMPLES)], SourceOptions()) if isinstance(i, RawRecord)]
    paras = [p for r in seeds for p in r.text.split("\n") if len(p) > 80]
    return [RawRecord(text=f"{paras[i % len(paras)]}\n{paras[(3 * i + 1) % len(paras)]} ({i})",
                      origin="<t>", uid=f"r{i}", language="fr") for i in range(60)]


def _chunks(xs: list, n: int) -> list[list]:  # type: ignore[type-arg]
    return [xs[i:i + n] for i in range(0, len(xs), n)]


def _square_all(batch: list[int]) -> list[int]:
    return [x * x for x in batch]


def _die_once(marker: str, inner, batch):  # type: ignore[no-untyped-def]
    """Kill the worker process the first time any worker gets this batch."""
    if _is_victim(batch):
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            os.close(fd)
            os._exit(17)  # no cleanup, like an OOM kill
        except FileExistsError:
            pass
    return inner(batch)


def _is_victim(batch: list) -> bool:  # type: ignore[type-arg]
    return bool(batch) and getattr(batch[0], "uid", None) == VICTIM


VICTIM = "victim"


@pytest.fixture
def dask_runner(dask_scheduler: str):  # type: ignore[no-untyped-def]
    runner = DaskRunner(scheduler=dask_scheduler)
    yield runner
    runner.close()


# --- prepare --------------------------------------------------------------------
def test_prepare_batch_matches_the_in_process_steps() -> None:
    recs = _records()[:10]
    out = prepare_batch(recs, MAX)
    for rec, got in zip(recs, out, strict=True):
        art = prepare(rec, MAX)
        assert isinstance(got, Prepared) and got.article == art
        sig = dedup.signature(art.text)  # type: ignore[union-attr]
        assert got.minhash == dedup.to_bytes(sig)
        assert got.band_keys == dedup.band_keys(sig)


# --- runners ----------------------------------------------------------------------
def test_local_runner_is_a_lazy_ordered_map() -> None:
    seen: list[int] = []

    def gen():  # type: ignore[no-untyped-def]
        for i in range(3):
            seen.append(i)
            yield [i]

    it = Runner().map(_square_all, gen())
    assert next(it) == [0] and seen == [0]
    assert list(it) == [[1], [4]]


def test_process_runner_keeps_order() -> None:
    batches = _chunks(list(range(103)), 10)
    with ProcessRunner(2) as r:
        assert list(r.map(_square_all, batches)) == [_square_all(b) for b in batches]


def _native_threads(_batch: list[int]) -> tuple[str | None, list[int]]:
    import numpy  # noqa: F401  (loads OpenBLAS in the worker)
    from threadpoolctl import threadpool_info

    return os.environ.get("OPENBLAS_NUM_THREADS"), [p["num_threads"] for p in threadpool_info()]


def test_process_workers_are_single_threaded() -> None:
    """Two workers with a BLAS pool of one thread per core each would put 4
    threads on 2 cores: the pool initializer caps them at one (as Dask does),
    unless the user chose a value."""
    pytest.importorskip("threadpoolctl")
    want = os.environ.get("OPENBLAS_NUM_THREADS", "1")
    with ProcessRunner(2) as r:
        for env, pools in r.map(_native_threads, [[0], [1], [2]]):
            assert env == want
            assert pools and all(n == int(want) for n in pools)


def test_dask_runner_keeps_order(dask_runner: DaskRunner) -> None:
    batches = _chunks(list(range(103)), 10)
    assert dask_runner.workers == 2
    assert list(dask_runner.map(_square_all, batches)) == [_square_all(b) for b in batches]


def test_make_runner_checks_its_arguments() -> None:
    with pytest.raises(ValueError):
        make_runner("threads")
    with pytest.raises(ValueError):
        make_runner("processes", scheduler="tcp://127.0.0.1:1")
    assert make_runner("local").name == "local"


# --- ingest through each engine: identical stores ------------------------------------
def _rows(db: str) -> list[tuple]:  # type: ignore[type-arg]
    st = Store.open(db)
    try:
        with st.connect() as conn:
            return [tuple(r) for r in conn.execute(
                select(articles.c.uid, articles.c.seq, articles.c.content_hash, articles.c.language,
                       articles.c.duplicate_of, articles.c.similarity, articles.c.minhash)
                .order_by(articles.c.seq))]
    finally:
        st.close()


def _with_near_copies(recs: list[RawRecord]) -> list[RawRecord]:
    """Add edited copies (last sentence changed) so near-dup linking is exercised."""
    out = list(recs)
    for r in recs[:5]:
        out.append(RawRecord(text=r.text.rsplit(".", 2)[0] + ". Une autre fin, ajoutée ici.",
                             origin=r.origin, uid=f"{r.uid}-near", language=r.language))
    return out


def test_engines_store_the_same_articles(tmp_path: Path, dask_runner: DaskRunner) -> None:
    recs = _with_near_copies(_records())
    dbs = {}
    for name, runner in (("local", None), ("processes", ProcessRunner(2)), ("dask", dask_runner)):
        db = str(tmp_path / f"{name}.db")
        rep = ingest_items(Store.open(db), recs, batch_size=16, runner=runner)
        assert len(rep.added) == len(recs)
        dbs[name] = _rows(db)
        if isinstance(runner, ProcessRunner):
            runner.close()
    assert dbs["processes"] == dbs["local"]
    assert dbs["dask"] == dbs["local"]
    assert any(row[4] for row in dbs["local"])  # near copies were linked


def test_process_worker_death_is_retried_and_nothing_stored_twice(tmp_path: Path) -> None:
    recs = _records()
    # the victim opens the third batch of 16
    victim = RawRecord(text="Un texte court.", origin="<t>", uid=VICTIM, language="fr")
    victim_batch_first = [*recs[:32], victim, *recs[32:]]
    marker = str(tmp_path / "died")
    fn = partial(_die_once, marker, partial(prepare_batch, max_bytes=MAX))
    with ProcessRunner(2) as r:
        out = [x for b in r.map(fn, _chunks(victim_batch_first, 16)) for x in b]
        assert r.retried >= 1
    assert os.path.exists(marker)  # a worker really died
    assert [p.article.uid for p in out] == [x.uid for x in victim_batch_first]  # type: ignore[union-attr]


def test_dask_worker_death_mid_ingest_stores_each_article_once(
    tmp_path: Path, dask_runner: DaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    recs = _records()
    recs.insert(32, RawRecord(text="Un article court mais complet, pour le test de reprise.",
                              origin="<t>", uid=VICTIM, language="fr"))
    marker = str(tmp_path / "died")
    real = ingest_service.prepare_batch
    monkeypatch.setattr(ingest_service, "prepare_batch",
                        lambda items, max_bytes: _die_once(marker, partial(real, max_bytes=max_bytes),
                                                           items))
    db = str(tmp_path / "d.db")
    rep = ingest_items(Store.open(db), recs, batch_size=16, runner=dask_runner)
    assert os.path.exists(marker)  # the worker holding the victim's batch died
    rows = _rows(db)
    assert len(rep.added) == len(recs) == len(rows)
    assert len({r[0] for r in rows}) == len(rows)
    assert [r[1] for r in rows] == list(range(1, len(rows) + 1))


# --- CLI ----------------------------------------------------------------------------
def test_cli_ingest_with_processes_engine(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    src = tmp_path / "in.jsonl"  # languages given: workers need no language detector
    src.write_text("".join(json.dumps({"id": r.uid, "text": r.text, "language": "fr"}) + "\n"
                           for r in _records()[:20]))
    res = CliRunner().invoke(app, ["--db", db, "ingest", str(src), "--engine", "processes",
                                   "--workers", "2", "--no-analyze", "--no-cluster", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["ingest"]["added"] == 20
    assert len(_rows(db)) == 20


def test_cli_rejects_bad_engine_options(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    bad = CliRunner().invoke(app, ["--db", db, "ingest", str(EXAMPLES), "--engine", "threads"])
    assert bad.exit_code == 2
    mixed = CliRunner().invoke(app, ["--db", db, "ingest", str(EXAMPLES), "--engine", "processes",
                                     "--scheduler", "tcp://127.0.0.1:1"])
    assert mixed.exit_code == 2


# --- analysis on workers ----------------------------------------------------------
@pytest.mark.slow
def test_analysis_on_dask_workers_equals_in_process(dask_runner: DaskRunner) -> None:
    seeds = [i for i in read_paths([str(EXAMPLES)], SourceOptions()) if isinstance(i, RawRecord)]
    items = [(r.uid, r.text, "fr", r.published) for r in seeds]
    remote = [a for b in dask_runner.map(analyze_items, [items[:1], items[1:]]) for a in b]
    local = analyze_batch(items)
    assert [a.to_dict() for a in remote] == [a.to_dict() for a in local]
    assert any(m.label == "PER" for m in remote[0].entities)


# --- clustering features on workers ---------------------------------------------------
def test_clustering_features_on_workers_equal_in_process(dask_runner: DaskRunner) -> None:
    recs = _records()[:40]
    rows = [{"uid": r.uid, "text": r.text, "title": None, "language": r.language, "seq": i,
             "published_start": "2023-06-01", "published_end": "2023-06-30"}
            for i, r in enumerate(recs)]
    remote = [f for b in dask_runner.map(features_batch, _chunks(rows, 16)) for f in b]
    local = [build_features(uid=r["uid"], text=r["text"], title=None, language=r["language"],
                            start="2023-06-01", end="2023-06-30", seq=r["seq"]) for r in rows]
    assert remote == local
    assert all(f.terms for f in remote)
