"""An article that came without a headline is named by its first line, not by
its id, on the story page, the article page and in search results (session 21:
a story of two SemEval articles listed "semeval-1513958355" and
"semeval-1496518478fr", which told a reader nothing). The seeds of
``examples/`` have no title either: real French text."""

from __future__ import annotations

import lxml.html
from fastapi.testclient import TestClient

from veille.stories.title import FIRST_LINE_MAX


def _first_line(client: TestClient, uid: str) -> str:
    text = client.get(f"/api/articles/{uid}").json()["text"]
    return " ".join(next(line for line in text.splitlines() if line.strip()).split())


def _named(link: lxml.html.HtmlElement, client: TestClient, uid: str) -> None:
    shown = " ".join(link.text_content().split())
    assert shown != uid
    first = _first_line(client, uid)
    # shortened as a story title is (stories.title.shorten: the first clause may run past the limit)
    assert shown == first or (shown.endswith("…") and first.startswith(shown[:-1])
                              and len(shown) <= FIRST_LINE_MAX * 1.4 + 1), (shown, first)
    # marked as a stand-in, with the id at hand
    assert uid in (link.xpath(".//span[@class='first-line']/@title") or [""])[0]


def test_story_page_names_untitled_articles_by_their_first_line(client: TestClient, story_id: int) -> None:
    st = client.get(f"/api/stories/{story_id}").json()
    assert st["articles"] and not any(a["title"] for a in st["articles"])  # the seeds have none
    doc = lxml.html.fromstring(client.get(f"/stories/{story_id}").text)
    links = doc.xpath("//section[@aria-labelledby='h-articles']//li/a")
    assert len(links) == len(st["articles"])
    for link in links:
        _named(link, client, link.get("href").rsplit("/", 1)[1])


def test_article_page_and_search_results_too(client: TestClient, seed_ids: list[str]) -> None:
    doc = lxml.html.fromstring(client.get(f"/articles/{seed_ids[0]}").text)
    _named(doc.xpath("//h1")[0], client, seed_ids[0])
    # and the browser tab: the first line, not the id
    assert doc.findtext(".//title").startswith(" ".join(_first_line(client, seed_ids[0]).split()[:4]))
    doc = lxml.html.fromstring(client.get("/search", params={"q": "Biélorussie"}).text)
    links = doc.xpath("//h3/a[starts-with(@href, '/articles/')]")
    assert links
    for link in links:
        _named(link, client, link.get("href").split("?")[0].rsplit("/", 1)[1])


def test_a_given_headline_is_kept(xss_client: TestClient) -> None:
    uid = xss_client.get("/api/articles").json()["items"][0]["id"]
    title = xss_client.get(f"/api/articles/{uid}").json()["title"]
    doc = lxml.html.fromstring(xss_client.get(f"/articles/{uid}").text)
    h1 = doc.xpath("//h1")[0]
    assert " ".join(h1.text_content().split()) == " ".join(title.split())
    assert not h1.xpath(".//span[@class='first-line']")


def test_the_story_reports_name_their_sources_by_first_line(client: TestClient, story_id: int) -> None:
    """The Markdown and HTML reports' numbered sources: "1. semeval-1513958355"
    told a reader of the report nothing either; now the first line, said to
    be one, with the id."""
    st = client.get(f"/api/stories/{story_id}").json()
    uids = [a["uid"] for a in st["view"]["articles"]]
    md = client.get(f"/api/stories/{story_id}/export", params={"format": "md"}).text
    sources = md.split("## Sources", 1)[1].split("\n## ", 1)[0]
    lines = [ln for ln in sources.splitlines() if ln[:1].isdigit()]
    assert len(lines) == len(uids)
    html = lxml.html.fromstring(client.get(f"/api/stories/{story_id}/export", params={"format": "html"}).text)
    items = [" ".join(li.text_content().split()) for li in html.xpath("//ol[@class='sources']/li")]
    assert len(items) == len(uids)
    for n, uid in enumerate(uids):
        words = _first_line(client, uid).split()[:4]  # the opening words, before any cut
        for shown in (lines[n].replace("\\", ""), items[n]):
            assert " ".join(words) in shown and f"(first line; {uid})" in shown, shown
