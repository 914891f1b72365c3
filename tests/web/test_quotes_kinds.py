"""The quotes page lists what people said; titles and scare-quoted words only
when asked (session 21, a new user's first hour: "losers", "sad.", "she" and
"Nightly News." were 6 of the first 9 lines of /quotes on 60 PolNeAR articles).

Real text: two French TimeBank articles (Est Républicain, 1999), one whose only
quote marks are a quoted word (« tâtaient ») and a band's name (« Funkoverload »),
one with a shop owner and a newsagent quoted. Skips without ``../shared/data``.
The first is posted undated, for the timeline test at the end.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from veille.store import Store

from .conftest import TOKEN, process

TIMEBANK = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "fr-timebank" / "dev"
DOCS = ("1999-05-30-0974.tml", "1999-08-06-0305.tml")


def _article(path: Path) -> dict[str, Any]:
    """The article as a user would have it: the TimeML tags stripped, its
    creation date as the publication date."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    assert dct and body
    text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
    return {"id": path.stem, "text": text, "published": dct.group(1), "source": "Est Républicain"}


@pytest.fixture(scope="module")
def tb_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    if not all((TIMEBANK / d).is_file() for d in DOCS):
        pytest.skip("../shared/data/fr-timebank absent")
    from veille.web.app import create_app

    store = Store.open(str(tmp_path_factory.mktemp("quotes-kinds") / "tb.db"))
    with TestClient(create_app(store, token=TOKEN)) as c:
        arts = [_article(TIMEBANK / d) for d in DOCS]
        # the first as a dump without dates would have it: the story page's
        # timeline must then say why its "1943" is neither past nor future
        del arts[0]["published"]
        resp = c.post("/api/articles?process=false", json=arts,
                      headers={"Authorization": f"Bearer {TOKEN}"})
        assert resp.status_code == 201, resp.text
        process(store)
        yield c
    store.close()


def _items(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/api/quotes", params={"limit": 100, **params})
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def test_the_api_still_lists_every_kind_by_default_and_filters_on_request(tb_client: TestClient) -> None:
    every = _items(tb_client)
    kinds = {q["text"]: q["kind"] for q in every}
    # the analysis calls these two non-speech; if it stops finding them, this test has nothing to check
    assert kinds.get("tâtaient") == "term" and kinds.get("Funkoverload") == "title", kinds
    speech = _items(tb_client, kind="speech")
    assert speech and {q["kind"] for q in speech} <= {"direct", "partial", "indirect"}
    assert [q for q in every if q["kind"] not in ("title", "term")] == speech
    assert {q["text"] for q in _items(tb_client, kind=["title", "term"])} == {"tâtaient", "Funkoverload"}
    assert _items(tb_client, kind="all") == every
    assert tb_client.get("/api/quotes", params={"kind": "said"}).status_code == 422


def test_the_quotes_page_shows_speech_unless_asked(tb_client: TestClient) -> None:
    page = tb_client.get("/quotes").text
    assert "Hervé Mangin" in page and "Je mets les quotidiens" in page
    assert "tâtaient" not in page and "Funkoverload" not in page
    assert 'href="/quotes?kind=all"' in page  # the way to the rest
    everything = tb_client.get("/quotes", params={"kind": "all"}).text
    # listed, and said to be what they are rather than quotes of an unknown speaker
    assert re.search(r"<q[^>]*>tâtaient</q> — a quoted word", everything)
    assert re.search(r"<q[^>]*>Funkoverload</q> — a title or a name in quote marks", everything)


def test_the_article_page_says_what_non_speech_quote_marks_are(tb_client: TestClient) -> None:
    page = tb_client.get("/articles/1999-05-30-0974").text
    assert re.search(r"<q[^>]*>tâtaient</q> — a quoted word", page)
    assert "unknown speaker" not in page


def test_an_undated_articles_timeline_says_so(tb_client: TestClient) -> None:
    """'Né en 1943' in an article without a date: the timeline's relation to
    publication is unknown, and the page said "(unknown)" beside 1943."""
    st = tb_client.get("/api/articles/1999-05-30-0974").json()["story_id"]
    view = tb_client.get(f"/api/stories/{st}").json()["view"]
    events = [t for t in view["timeline"] if t["relative_to_publication"] == "unknown"]
    assert any(t["date"] == "1943" for t in events), view["timeline"]
    page = tb_client.get(f"/stories/{st}").text
    assert re.search(r'class="when">1943</span> <span class="rel">\(article undated\)</span>', page)
    assert "(unknown)" not in page
