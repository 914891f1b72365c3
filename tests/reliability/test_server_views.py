"""Bounded work per request on a story whose view is not stored (issue 20, item 4).

Before: ``GET /api/stories/{id}`` built a missing view inside the request
(7 s at 1,000 articles; parallel GETs of a 2,000-article story took 2.1 GB),
and ``SIGTERM`` closed the port while the process computed on until SIGKILL.
Now a story bigger than ``viewbuild.INLINE_VIEW_MAX`` articles is answered at
once (202, ``view_pending``, ``Retry-After``), its view built in a child
process by a one-at-a-time builder with a bounded queue, and the running
build is killed when the server stops.

The threshold is lowered to 1 article here so the two-article seed story
takes the path a big story takes; the build itself is the real one.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from veille.store import Store
from veille.store.schema import stories
from veille.web import viewbuild
from veille.web.api.schemas import StoryDetail
from veille.web.app import create_app
from web.conftest import EXAMPLES, build_store

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # a seeds store analysed by spaCy, and child processes: ~35 s


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not any(EXAMPLES.glob("*.txt")):
        pytest.skip("examples/ seeds absent")
    db = tmp_path_factory.mktemp("views") / "seeds.db"
    build_store(str(db), [str(EXAMPLES)]).close()
    yield db


def _fresh(seeds_db: Path, tmp_path: Path) -> tuple[Store, int]:
    """A copy of the seeds store whose biggest story has no stored view."""
    db = tmp_path / "s.db"
    shutil.copy(seeds_db, db)
    store = Store.open(str(db))
    with store.begin() as conn:
        sid = conn.execute(stories.select().order_by(stories.c.size.desc())).first()
        if sid is None:
            pytest.skip("no stories: clustering has not run")
        conn.execute(update(stories).where(stories.c.id == sid.id).values(view=None))
    return store, int(sid.id)


def test_big_story_answers_pending_then_stored(seeds_db: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(viewbuild, "INLINE_VIEW_MAX", 1)
    store, sid = _fresh(seeds_db, tmp_path)
    app = create_app(store)
    with TestClient(app) as client:
        started = time.monotonic()
        first = client.get(f"/api/stories/{sid}")
        assert time.monotonic() - started < 5  # answered without building
        assert first.status_code == 202 and first.headers["retry-after"]
        body = first.json()
        assert body["view_pending"] is True and body["view_source"] == "pending" and body["view"] == {}
        assert len(body["articles"]) >= 2
        assert StoryDetail.model_validate(body).model_dump(
            mode="json", by_alias=True, exclude_unset=True) == body  # the documented shape
        for _ in range(5):  # asking again queues nothing more
            assert client.get(f"/api/stories/{sid}").status_code in (200, 202)
        builder = app.state.view_builder
        assert len(builder.pending) <= 1
        page = client.get(f"/stories/{sid}")
        assert page.status_code == 200 and "being built" in page.text
        assert builder.wait_idle(120), "the background build did not finish"
        assert builder.built >= 1 and builder.failed == 0
        done = client.get(f"/api/stories/{sid}")
        assert done.status_code == 200
        after = done.json()
        assert after["view_source"] == "stored" and "view_pending" not in after and after["view"]
    store.close()


def test_small_story_still_computed_in_the_request(seeds_db: Path, tmp_path: Path) -> None:
    store, sid = _fresh(seeds_db, tmp_path)
    with TestClient(create_app(store)) as client:
        body = client.get(f"/api/stories/{sid}").json()
    assert body["view_source"] == "computed" and body["view"] and "view_pending" not in body
    store.close()


def sleeping_job(url: str, story_id: int) -> None:
    """A build that never ends (imported by the builder's child process)."""
    Path(os.environ["VIEW_MARK"]).write_text(str(os.getpid()))
    time.sleep(600)


def test_queue_is_bounded(seeds_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIEW_MARK", str(tmp_path / "mark"))
    store, _ = _fresh(seeds_db, tmp_path)
    builder = viewbuild.ViewBuilder(store, job=sleeping_job, max_pending=3)
    try:
        assert builder.request(1)
        deadline = time.monotonic() + 60
        while builder.current is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert builder.current == 1
        assert all(builder.request(i) for i in range(2, 5))  # one running, three waiting
        assert builder.request(1) and builder.request(2)  # already there
        assert not builder.request(99)  # full
    finally:
        builder.close()
    assert builder.proc is None or not builder.proc.is_alive()
    store.close()


SERVER = textwrap.dedent("""
    import sys, uvicorn
    from veille.web.app import create_app
    from veille.web import viewbuild
    from veille.web.serve import uvicorn_options
    from reliability.test_server_views import sleeping_job
    viewbuild.INLINE_VIEW_MAX = 1
    app = create_app(sys.argv[1])
    app.state.view_builder = viewbuild.ViewBuilder(app.state.store, job=sleeping_job)
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), **uvicorn_options())
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is a dead child its parent has not reaped yet
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


def test_sigterm_stops_the_server_while_a_build_runs(seeds_db: Path, tmp_path: Path) -> None:
    store, sid = _fresh(seeds_db, tmp_path)
    db = store.url
    store.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    mark = tmp_path / "mark"
    log = tmp_path / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-c", SERVER, db, str(port)], cwd=REPO,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                env=os.environ | {"VIEW_MARK": str(mark), "PYTHONPATH": str(REPO / "tests")})
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert time.monotonic() < deadline, log.read_text()[-2000:]
            try:
                r = httpx.get(f"{base}/api/stories/{sid}", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert r.status_code == 202
        while not mark.exists():  # the build has started in its child process
            assert time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.1)
        builder_pid = int(mark.read_text())
        os.kill(proc.pid, signal.SIGTERM)  # the server this test started
        started = time.monotonic()
        proc.wait(timeout=15)
        assert time.monotonic() - started < 6, "veille serve took too long to stop"
        for _ in range(50):
            if not _alive(builder_pid):
                break
            time.sleep(0.1)
        assert not _alive(builder_pid), "the background build outlived the server"
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
