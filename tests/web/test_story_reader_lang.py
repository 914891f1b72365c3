"""A story in two languages read in either (#18): ``GET /api/stories/{id}?lang=``
and the story page's ``?lang=`` serve the view of a reader of that language,
as ``veille story ID --lang`` does; a big story is served its stored view with
``reader_language_unavailable`` rather than built inside the request.

The story is a real SemEval-2022 task 8 training pair: a Polish report and its
English version (pair 1596106217_1597013708en, judged the same story), which
the clusterer puts in one story across languages.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from veille.cli import app
from veille.store import Store

PAIR = "1596106217_1597013708en"


@pytest.fixture(scope="module")
def two_language_story(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    path = shared_data / "semeval2022-task8" / "training_set.csv"
    if not path.exists():
        pytest.skip("../shared/data absent: semeval2022-task8/training_set.csv")
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if r["pair_id"] == PAIR)
    tmp = tmp_path_factory.mktemp("xlang")
    jsonl = tmp / "pair.jsonl"
    jsonl.write_text("".join(
        json.dumps({"id": uid, "text": row[f"text{k + 1}"], "language": row[f"lang{k + 1}"],
                    "published": "2020-05-01", "source": f"outlet{k}.example"}) + "\n"
        for k, uid in enumerate(PAIR.split("_"))), encoding="utf-8")
    db = str(tmp / "veille.db")
    res = CliRunner().invoke(app, ["--db", db, "ingest", str(jsonl)])
    assert res.exit_code == 0, res.output
    stories = json.loads(CliRunner().invoke(app, ["--db", db, "stories", "--json"]).stdout)
    both = [s for s in stories if sorted(s["languages"]) == ["en", "pl"]]
    assert both, f"the pair is not one story: {stories}"
    return db, both[0]["id"]


def test_api_serves_the_view_of_the_readers_language(two_language_story: tuple[str, int]) -> None:
    from veille.web.app import create_app

    db, sid = two_language_story
    store = Store.open(db)
    with TestClient(create_app(store)) as client:
        main = client.get(f"/api/stories/{sid}").json()
        main_lang = main["view"]["languages"]["main"]
        other = "pl" if main_lang == "en" else "en"
        asked = client.get(f"/api/stories/{sid}", params={"lang": other})
        assert asked.status_code == 200
        body = asked.json()
        assert body["view"]["languages"]["reader"] == other
        assert body["view_source"] == "computed"
        assert body["view"]["summary"]
        assert all(s["language"] == other for s in body["view"]["summary"])
        assert "reader_language_unavailable" not in body
        # the stored view stays the main language's
        again = client.get(f"/api/stories/{sid}").json()
        assert again["view"]["languages"]["reader"] == main_lang
        # the page offers both languages and marks the one shown
        page = client.get(f"/stories/{sid}", params={"lang": other}).text
        assert f"<strong>{other}</strong>" in page
        assert f'href="/stories/{sid}?lang={main_lang}"' in page
        # a language code is two or three letters, nothing else reaches the builder
        assert client.get(f"/api/stories/{sid}", params={"lang": "en<script>"}).status_code == 422
    store.close()


def test_a_big_story_is_not_built_inside_the_request(two_language_story: tuple[str, int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from veille.web import viewbuild
    from veille.web.app import create_app

    db, sid = two_language_story
    monkeypatch.setattr(viewbuild, "INLINE_VIEW_MAX", 1)  # the pair counts as a big story
    store = Store.open(db)
    with TestClient(create_app(store)) as client:
        main = client.get(f"/api/stories/{sid}").json()
        other = "pl" if main["view"]["languages"]["main"] == "en" else "en"
        body = client.get(f"/api/stories/{sid}", params={"lang": other}).json()
        assert body["reader_language_unavailable"] is True
        assert body["view_source"] == "stored"
        assert body["view"]["languages"]["reader"] == main["view"]["languages"]["reader"]
        assert "too big to build a view" in client.get(f"/stories/{sid}", params={"lang": other}).text
    store.close()
