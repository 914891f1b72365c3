"""A story merged away still answers, on real articles: the two seeds form two
stories (the second run may not join), then the merge pass folds one into the
other; its old id is then followed by the CLI, the web page and the API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from veille.cli import app
from veille.cluster import repository as repo
from veille.cluster import service as cluster_service
from veille.cluster.params import load_params
from veille.services.pipeline import cluster_pending
from veille.store import Store

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "examples").glob("*.txt"))


@dataclass
class Merged:
    db: str
    gone: int
    into: int


def _cli(db: str, *args: str) -> object:
    return CliRunner().invoke(app, ["--db", db, *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Merged]:
    if len(SEEDS) < 2:
        pytest.skip("examples/ seeds absent")
    db = str(tmp_path_factory.mktemp("aliases") / "v.db")
    params = load_params()
    apart = replace(params, threshold=1.01, merge_threshold=1.01)  # nothing joins, nothing merges
    eager = replace(params, threshold=1.01, merge_threshold=0.0)  # a new story, then merged
    moves: list[tuple[int, int]] = []
    real_move = repo.move_story

    def spy(conn: object, gone: int, into: int) -> None:
        moves.append((gone, into))
        real_move(conn, gone, into)  # type: ignore[arg-type]

    mp = pytest.MonkeyPatch()
    mp.setattr(cluster_service.repo, "move_story", spy)
    try:
        for seed, p in ((SEEDS[0], apart), (SEEDS[1], eager)):
            res = _cli(db, "ingest", "--no-analyze", "--no-cluster", str(seed))
            assert res.exit_code == 0, res.output  # type: ignore[attr-defined]
            store = Store.open(db)
            try:
                cluster_pending(store, params=p)
            finally:
                store.close()
    finally:
        mp.undo()
    assert len(moves) == 1, moves
    yield Merged(db, *moves[0])


def test_cli_story_follows_a_merged_id(merged: Merged) -> None:
    res = CliRunner().invoke(app, ["--db", merged.db, "story", str(merged.gone)])
    assert res.exit_code == 0, res.output
    assert f"story {merged.gone} was merged into story {merged.into}" in res.stderr
    assert res.stdout.startswith(f"#{merged.into} ")
    as_json = CliRunner().invoke(app, ["--db", merged.db, "story", str(merged.gone), "--json"])
    assert json.loads(as_json.stdout)["id"] == merged.into
    assert json.loads(as_json.stdout)["merged_path"] == [merged.gone, merged.into]
    assert len(json.loads(as_json.stdout)["articles"]) == 2


def test_cli_story_that_never_existed(merged: Merged) -> None:
    res = CliRunner().invoke(app, ["--db", merged.db, "story", str(merged.gone + merged.into + 50)])
    assert res.exit_code == 1
    assert "no story" in res.stderr and res.stdout == ""


@pytest.fixture(scope="module")
def client(merged: Merged) -> Iterator[TestClient]:
    from veille.web.app import create_app

    store = Store.open(merged.db)
    with TestClient(create_app(store, token="t"), follow_redirects=False) as c:
        yield c
    store.close()


def test_web_page_redirects_permanently(client: TestClient, merged: Merged) -> None:
    r = client.get(f"/stories/{merged.gone}")
    assert r.status_code == 308 and r.headers["location"] == f"/stories/{merged.into}"
    assert client.get(r.headers["location"]).status_code == 200
    assert client.get(f"/stories/{merged.gone + merged.into + 50}").status_code == 404


def test_api_answers_with_the_new_id(client: TestClient, merged: Merged) -> None:
    direct = client.get(f"/api/stories/{merged.into}").json()
    r = client.get(f"/api/stories/{merged.gone}")
    assert r.status_code == 200
    body = r.json()
    assert body["merged_into"] == merged.into and body["merged_path"] == [merged.gone, merged.into]
    assert r.headers["content-location"] == f"/api/stories/{merged.into}"
    # every field of the normal answer is there, with the surviving story's values
    assert {k: v for k, v in body.items() if not k.startswith("merged_")} == direct
    assert "merged_into" not in direct
    missing = client.get(f"/api/stories/{merged.gone + merged.into + 50}")
    assert missing.status_code == 404


def test_exports_follow_a_merged_id(client: TestClient, merged: Merged) -> None:
    res = CliRunner().invoke(app, ["--db", merged.db, "export", "story", str(merged.gone)])
    assert res.exit_code == 0 and res.stdout.startswith("# ")
    assert f"story {merged.gone} was merged into story {merged.into}" in res.stderr
    assert f"/stories/{merged.into}" in res.stdout
    r = client.get(f"/api/stories/{merged.gone}/export", params={"format": "md"})
    assert r.status_code == 200 and f'veille-story-{merged.into}.md' in r.headers["content-disposition"]
    assert r.headers["content-location"].startswith(f"/api/stories/{merged.into}/export")


def test_updates_of_a_merged_id(merged: Merged) -> None:
    """An alert named the old id ("story 4 gained 2 articles"): `veille updates 4` still answers."""
    res = CliRunner().invoke(app, ["--db", merged.db, "updates", str(merged.gone), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["story_id"] == merged.into
    assert f"story {merged.gone} was merged into story {merged.into}" in res.stderr


def test_api_changes_of_a_merged_id(client: TestClient, merged: Merged) -> None:
    r = client.get(f"/api/stories/{merged.gone}/changes")
    assert r.status_code == 200 and r.json()["story_id"] == merged.into
    assert client.get(f"/api/stories/{merged.gone + merged.into + 50}/changes").status_code == 404
