"""Full-text searches answered by the server's pool of search processes
(``web.search_pool``, issue 20 item 7) give the answers the server process
gives itself: same bytes, same problems, page 2 through the cursor, under
concurrency; a pool process that dies is replaced without a failed request,
and the processes end with the app.

Real text: the seeds store (analysed: entity facets) and the first 120
articles of ../shared/data/news-clusters (ingested, searched by words of
their own titles)."""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient

from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.store import Store
from veille.web.app import create_app
from veille.web.search_pool import DEFAULT_PROCESSES

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("VEILLE_SHARED_DATA", REPO.parent / "shared" / "data"))
NEWS = SHARED / "news-clusters" / "news_cluster.jsonl"
SEED_QUERIES = ["Poutine", "nucléaire Biélorussie", '"armes nucléaires"', "Moscou -Poutine",
                "Russie", "juillet", "zzzunseen", "---"]


@pytest.fixture(scope="module")
def news_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    if not NEWS.exists():
        pytest.skip("../shared/data absent: news-clusters is needed for real searches")
    rows = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()[:120]]
    d = tmp_path_factory.mktemp("pool")
    jl = d / "news.jsonl"
    jl.write_text("\n".join(json.dumps({k: r[k] for k in ("id", "url", "source", "published", "title",
                                                          "text", "language") if r.get(k)})
                            for r in rows), encoding="utf-8")
    store = Store.open(str(d / "news.db"))
    ingest_items(store, read_paths([str(jl)], SourceOptions()))
    yield store
    store.close()


def _queries(store: Store, n: int) -> list[str]:
    with store.connect() as conn:
        titles = [r[0] for r in conn.exec_driver_sql("SELECT title FROM articles WHERE title IS NOT NULL")]
    rng = random.Random(17)
    out = []
    for _ in range(n):
        words = re.findall(r"\w{3,}", rng.choice(titles))
        out.append(" ".join(rng.sample(words, min(len(words), rng.choice((1, 2))))))
    return [*out, "the", "said", '"the president"', "---", "a" * 3]


def _urls(queries: list[str]) -> list[str]:
    return ([f"/api/search?q={quote(q)}" for q in queries]
            + [f"/api/search?q={quote(q)}&limit=3&facets=false" for q in queries[:10]]
            + [f"/search?q={quote(q)}" for q in queries[:10] + ["---"]] + ["/search?q=the&cursor=bad"]
            + ["/api/search?q=Trump&cursor=not-a-cursor", "/api/search?q=the&language=en&limit=5",
               "/api/search?q=the&month=2019-10"])


def _settle(pool: object, ready: int) -> None:
    """Until ``ready`` processes have joined the pool (they start in the
    background) or, for 0, until every start has ended."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if (pool.ready == ready) if ready else not pool.joining:  # type: ignore[attr-defined]
            return
        time.sleep(0.05)
    raise AssertionError(f"pool: {pool.ready} ready, {len(pool.joining)} starting")  # type: ignore[attr-defined]


def _fetch(app_client: TestClient, urls: list[str]) -> list[tuple[int, str, bytes]]:
    out = []
    for u in urls:
        r = app_client.get(u)
        out.append((r.status_code, r.headers["content-type"], r.content))
        nxt = r.json().get("next_cursor") if r.status_code == 200 and u.startswith("/api") else None
        if nxt:  # page 2 through the cursor the answer gave
            r2 = app_client.get(u + "&cursor=" + quote(nxt))
            out.append((r2.status_code, r2.headers["content-type"], r2.content))
    return out


@pytest.mark.parametrize("which", ["seeds", "news"])
def test_the_pool_answers_as_the_server_process_does(
        which: str, seeds_store: Store, request: pytest.FixtureRequest) -> None:
    store = seeds_store if which == "seeds" else request.getfixturevalue("news_store")
    urls = _urls(SEED_QUERIES if which == "seeds" else _queries(store, 60))
    # The response cache off: every request is searched (and the cache is not the pool).
    with TestClient(create_app(store, search_processes=0)) as alone:
        assert alone.app.state.search_pool is None  # type: ignore[attr-defined]
        expected = _fetch(alone, [u + "&_=0" for u in urls])
    app = create_app(store, search_processes=2)
    with TestClient(app) as pooled:
        pool = app.state.search_pool
        _settle(pool, 2)
        assert pool.running and len(pool.workers) == 2
        assert all(w.proc.poll() is None for w in pool.workers)
        got = _fetch(pooled, [u + "&_=0" for u in urls])
    assert [g[0] for g in got] == [e[0] for e in expected]
    assert got == expected
    statuses = {g[0] for g in got}
    assert 200 in statuses and 400 in statuses and 422 in statuses
    assert any(json.loads(g[2]).get("results") for g in got if g[0] == 200 and "json" in g[1])
    assert sum("text/html" in g[1] for g in got) == sum(u.startswith("/search") for u in urls)
    assert all(w.proc.poll() is not None for w in pool.workers)  # ended with the app


def test_concurrent_searches_and_a_dead_pool_process(news_store: Store) -> None:
    queries = _queries(news_store, 40)
    urls = [f"/api/search?q={quote(q)}&limit=5" for q in queries if q != "---"]
    app = create_app(news_store, search_processes=2)

    async def together(c: httpx.AsyncClient, batch: list[str]) -> list[httpx.Response]:
        return list(await asyncio.gather(*(c.get(u) for u in batch)))

    with TestClient(app) as client:
        pool = app.state.search_pool
        _settle(pool, 2)
        alone = [client.get(u + "&_=alone").content for u in urls]
        first = pool.workers[0]
        os.kill(first.proc.pid, signal.SIGKILL)  # a pool process this test started
        first.proc.wait()

        async def run() -> list[httpx.Response]:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://veille.test") as c:
                return await together(c, [u + "&_=together" for u in urls])

        got = client.portal.call(run)  # type: ignore[union-attr]
        assert [r.status_code for r in got] == [200] * len(urls)
        assert [r.content for r in got] == alone
        assert first not in pool.workers  # replaced
        _settle(pool, 2)
        assert len(pool.workers) == 2 and all(w.proc.poll() is None for w in pool.workers)


def test_veille_serve_hands_the_pool_size_to_the_app(seeds_store: Store,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from veille.cli import app as cli

    seen: dict[str, object] = {}

    def run(app: object, **kw: object) -> None:
        seen["app"], seen["env"] = app, os.environ.get("VEILLE_SERVE_SEARCH_PROCESSES")

    monkeypatch.setattr(uvicorn, "run", run)
    db = seeds_store.url.removeprefix("sqlite:///")
    runner = CliRunner()

    def pool_size(*args: str) -> int | None:
        res = runner.invoke(cli, ["--db", db, "serve", "--port", "8124", *args])
        assert res.exit_code == 0, res.output
        pool = seen["app"].state.search_pool  # type: ignore[attr-defined]
        return None if pool is None else int(pool.size)

    monkeypatch.delenv("VEILLE_SERVE_SEARCH_PROCESSES", raising=False)
    monkeypatch.delenv("VEILLE_SERVE_DB", raising=False)  # both restored after the test
    assert pool_size() == DEFAULT_PROCESSES  # default: one search process per core
    assert pool_size("--search-processes", "2") == 2
    monkeypatch.setenv("VEILLE_SERVE_SEARCH_PROCESSES", "3")
    assert pool_size() == 3
    assert pool_size("--search-processes", "0") is None
    # Several uvicorn workers build their apps from the environment.
    res = runner.invoke(cli, ["--db", db, "serve", "--port", "8124", "--workers", "2",
                              "--search-processes", "2"])
    assert res.exit_code == 0, res.output
    assert seen["app"] == "veille.web.serve:app_from_env" and seen["env"] == "2"


def test_a_process_that_comes_free_goes_to_the_longest_waiting_search(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Arrival order, even when a new search arrives as a process comes free:
    with an asyncio.Queue of free processes the newcomer took it (get() on a
    non-empty queue does not wait) and the woken waiter queued again at the
    back, so under load a search could be overtaken again and again (a tail
    of seconds at 50 connections). One fake process, no real one: the order
    of dispatch is what is tested."""
    from veille.web import search_pool

    class Proc:
        pid = 0

        def poll(self) -> None:
            return None

    order: list[str] = []
    tasks: list[asyncio.Task[object]] = []

    async def fake_ask(loop: object, w: object, frame: bytes) -> tuple[str, bytes]:
        name = search_pool.pickle.loads(frame[4:])[1]["q"]
        order.append(name)
        await asyncio.sleep(0.01)
        if name == "first":
            # A new search is scheduled just before the process comes free,
            # as a request parsed in the same turn of the event loop is.
            tasks.append(asyncio.get_running_loop().create_task(pool.search("json", {"q": "newcomer"})))
        return ("ok", name.encode())

    monkeypatch.setattr(search_pool, "_spawn", lambda url: search_pool._Worker(Proc(), None))  # type: ignore[arg-type]
    monkeypatch.setattr(search_pool.SearchPool, "_ready", staticmethod(lambda loop, w: asyncio.sleep(0)))
    monkeypatch.setattr(search_pool, "_ask", fake_ask)
    pool = search_pool.SearchPool("sqlite:///unused.db", 1)

    async def run() -> list[object]:
        await pool.start()
        first = asyncio.create_task(pool.search("json", {"q": "first"}))
        await asyncio.sleep(0)  # "first" has the process
        waiting = asyncio.create_task(pool.search("json", {"q": "waiting"}))
        got = [await first, await waiting]
        while not tasks:
            await asyncio.sleep(0)
        got.append(await tasks[0])
        pool.closed = True  # no process to end
        return got

    assert asyncio.run(run()) == [b"first", b"waiting", b"newcomer"]
    assert order == ["first", "waiting", "newcomer"]


def test_a_pool_that_cannot_start_leaves_the_searches_to_the_server(
        seeds_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The processes not ready in time (here: no time at all): the server
    serves anyway, searches in its own process, and the processes are ended."""
    from veille.web import search_pool

    monkeypatch.setattr(search_pool, "START_TIMEOUT", 0.0)
    app = create_app(seeds_store, search_processes=2)
    with TestClient(app) as client:
        pool = app.state.search_pool
        _settle(pool, 0)
        assert not pool.running and pool.ready == 0
        r = client.get("/api/search?q=Poutine&_=fallback")
        assert r.status_code == 200 and r.json()["results"]
        assert client.get("/search?q=Poutine&_=fallback").status_code == 200
    assert pool.workers and all(w.proc.poll() is not None for w in pool.workers)
