"""One story as a report (Markdown, HTML) and its timeline and quotes as CSV,
through the API, on the seeds store built by the real stages; the flat
stories CSV; hostile article text stays inert in every form."""

from __future__ import annotations

import codecs
import csv
import io
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import pytest
from fastapi.testclient import TestClient
from markdown_it import MarkdownIt

from veille.export import CSV_COLUMNS

from .conftest import PAYLOAD_SOURCE, PAYLOAD_TEXT, PAYLOAD_TITLE, assert_problem


def _export(client: TestClient, story_id: int, fmt: str) -> Any:
    r = client.get(f"/api/stories/{story_id}/export", params={"format": fmt})
    assert r.status_code == 200, r.text[:300]
    return r


def _view(client: TestClient, story_id: int) -> dict[str, Any]:
    return dict(client.get(f"/api/stories/{story_id}").json()["view"])


def _md_html(text: str) -> Any:
    """The Markdown as a reader's viewer shows it (CommonMark, raw HTML allowed
    as most viewers do), parsed."""
    return lxml.html.fromstring(MarkdownIt("commonmark").render(text))


def test_html_report_has_every_section_with_working_citations(client: TestClient, story_id: int) -> None:
    r = _export(client, story_id, "html")
    assert r.headers["content-type"].startswith("text/html")
    assert f'filename="veille-story-{story_id}.html"' in r.headers["content-disposition"]
    view = _view(client, story_id)
    doc = lxml.html.fromstring(r.text)
    assert doc.findtext(".//h1") == " ".join(view["title"]["full"].split())
    assert [h.text_content() for h in doc.iter("h2")][:5] == [
        "Summary", "Timeline", "Who said what", "Corroborated facts", "Where sources differ"]
    summary = doc.xpath("//ol[@class='summary']/li")
    assert len(summary) == len(view["summary"])
    uids = [a["uid"] for a in view["articles"]]
    for li, item in zip(summary, view["summary"], strict=True):
        assert " ".join(item["text"].split()) in li.text_content()
        cites = li.xpath(".//a[@class='cite']")
        # numbered as on the story page: [n] is the n-th article of the view
        assert {int(a.text.strip("[]")) for a in cites} == {uids.index(u) + 1 for u in item["citations"]}
        for a in cites:
            path = urlsplit(a.get("href")).path
            assert client.get(path).status_code == 200  # the article page it points to exists
    assert len(doc.xpath("//ol[@class='sources']/li")) == len(view["articles"])


def test_markdown_report_reads_as_the_view(client: TestClient, story_id: int) -> None:
    r = _export(client, story_id, "md")
    assert r.headers["content-type"].startswith("text/markdown")
    view = _view(client, story_id)
    doc = _md_html(r.text)
    assert doc.findtext(".//h1") == " ".join(view["title"]["full"].split())
    summary = doc.xpath("//h2[.='Summary']/following-sibling::ol[1]/li")
    assert [li.text_content().split(" [")[0].strip() for li in summary] == [
        " ".join(s["text"].split()) for s in view["summary"]]
    corroborated = [f for f in view["facts"] if f["n_sources"] > 1]
    facts = doc.xpath("//h2[.='Corroborated facts']/following-sibling::ul[1]/li")
    assert len(facts) == len(corroborated)


def test_timeline_and_quotes_csv(client: TestClient, story_id: int) -> None:
    view = _view(client, story_id)
    tl = list(csv.DictReader(io.StringIO(_export(client, story_id, "csv-timeline").text)))
    entries = [e for e in view["timeline"] if not e["restates_publication_date"]]
    assert [row["date"] for row in tl] == [e["date"] for e in entries]
    quotes = list(csv.DictReader(io.StringIO(_export(client, story_id, "csv-quotes").text)))
    assert len(quotes) == sum(len(q["renderings"]) for sp in view["speakers"] for q in sp["quotes"])
    assert {row["speaker"] for row in quotes} == {sp["speaker"] for sp in view["speakers"]}
    assert all(row["link"].endswith(tuple("0123456789abcdef")) and "#quote-" in row["link"]
               for row in quotes)


def _spreadsheet_text(raw: bytes) -> str:
    """What Excel shows of a CSV file: UTF-8 when the file starts with the byte
    order mark, else the machine's legacy code page (Windows-1252 in Western Europe)."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8")
    return raw.decode("cp1252", errors="replace")


def test_the_story_pages_csv_links_open_in_a_spreadsheet(client: TestClient, story_id: int) -> None:
    """A journalist clicks "timeline (CSV)" on the story page and opens the file
    in Excel: the French seeds' accents must read as written (session 21: they
    read "BiÃ©lorussie"). The API's default bytes stay plain UTF-8 for programs."""
    page = lxml.html.fromstring(client.get(f"/stories/{story_id}").text)
    links = {a.text_content(): a.get("href") for a in page.xpath("//p[contains(@class, 'exports')]/a")}
    for label, fmt in (("timeline (CSV)", "csv-timeline"), ("quotes (CSV)", "csv-quotes")):
        r = client.get(links[label])
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        plain = _export(client, story_id, fmt).content
        assert r.content == codecs.BOM_UTF8 + plain  # the same rows, the mark in front
        text = plain.decode("utf-8")
        assert any(ch in text for ch in "éèàçêô«»")  # real French text, or the test is moot
        assert _spreadsheet_text(r.content) == text
        assert _spreadsheet_text(plain) != text  # what the link used to give
        assert [row for row in csv.DictReader(io.StringIO(r.content.decode("utf-8-sig")))] == [
            row for row in csv.DictReader(io.StringIO(text))]
    tables = client.get("/api/export/stories", params={"format": "csv", "bom": "true"}).content
    assert tables == codecs.BOM_UTF8 + client.get("/api/export/stories?format=csv").content
    # formats other than CSV are untouched by the flag
    assert (client.get(f"/api/stories/{story_id}/export", params={"format": "md", "bom": "true"}).content
            == _export(client, story_id, "md").content)


def test_story_export_errors(client: TestClient, story_id: int) -> None:
    assert_problem(client.get("/api/stories/424242/export"), 404)
    assert_problem(client.get(f"/api/stories/{story_id}/export", params={"format": "pdf"}), 422)


def test_stories_csv_is_flat(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/stories?format=csv").text)))
    listed = client.get("/api/stories").json()["items"]
    assert len(rows) == len(listed) and rows
    assert tuple(rows[0]) == CSV_COLUMNS["stories"]
    for row in rows:
        assert not any(v.startswith(("{", "[")) for v in row.values())  # no JSON in a cell
        story = client.get(f"/api/stories/{row['id']}").json()
        assert row["url"].endswith(f"/stories/{row['id']}")
        assert client.get(urlsplit(row["url"]).path).status_code == 200
        summary = story["view"]["summary"]
        assert row["first_sentence"] == (" ".join(summary[0]["text"].split()) if summary else "")
        assert int(row["size"]) == story["size"]
    # the JSONL export, for programs, keeps the whole view
    jsonl = client.get("/api/export/stories?format=jsonl").text
    assert '"view": {' in jsonl


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_hostile_article_stays_inert(xss_client: TestClient, fmt: str) -> None:
    """Markup in the title, text, source and URL of an article is shown as
    words: no element, no handler, no javascript: link in either report."""
    sid = xss_client.get("/api/stories").json()["items"][0]["id"]
    text = _export(xss_client, sid, fmt).text
    doc = lxml.html.fromstring(text) if fmt == "html" else _md_html(text)
    assert not doc.xpath("//script | //img | //b | //*[@onclick] | //*[@onerror] | //*[@onmouseover]")
    hrefs = [a.get("href") or "" for a in doc.iter("a")]
    assert hrefs and not any(h.strip().lower().startswith("javascript") for h in hrefs)
    shown = " ".join(doc.text_content().split())
    title = _view(xss_client, sid)["title"]["full"]
    assert " ".join(title.split()) in shown  # the hostile title, literally
    assert "<script>" in title or "<img" in title  # (the payload reached the title or the test is moot)
    assert PAYLOAD_SOURCE in shown or "<img src=x" in shown


def test_hostile_csv_cells_are_data(xss_client: TestClient) -> None:
    sid = xss_client.get("/api/stories").json()["items"][0]["id"]
    for fmt in ("csv-timeline", "csv-quotes"):
        rows = list(csv.DictReader(io.StringIO(_export(xss_client, sid, fmt).text)))
        for row in rows:
            assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values() if v)
    assert PAYLOAD_TEXT  # the payload the fixture ingested
    assert PAYLOAD_TITLE


def test_fact_and_quote_links_land_on_the_story_page(client: TestClient, story_id: int) -> None:
    """Every fact and quote link of the report names an anchor of the story
    page, and so does every statement of a fact and every wording of a quote
    (a link made from any of them survives a regrouping)."""
    from veille.export import links

    page = lxml.html.fromstring(client.get(f"/stories/{story_id}").text)
    ids = set(page.xpath("//@id"))
    doc = lxml.html.fromstring(_export(client, story_id, "html").text)
    targets = [urlsplit(a.get("href")) for a in doc.xpath("//a[.='link']")]
    assert targets
    for t in targets:
        assert t.path == f"/stories/{story_id}" and t.fragment in ids, t
    view = _view(client, story_id)
    for f in view["facts"]:
        if f["n_sources"] > 1:
            assert {links.statement_anchor(m) for m in f["members"]} <= ids
    for sp in view["speakers"]:
        for q in sp["quotes"]:
            assert {links.rendering_anchor(r) for r in q["renderings"]} <= ids


def test_story_page_offers_its_exports(client: TestClient, story_id: int) -> None:
    page = lxml.html.fromstring(client.get(f"/stories/{story_id}").text)
    hrefs = page.xpath("//p[contains(@class, 'exports')]//a/@href")
    assert len(hrefs) == 5
    for href in hrefs:
        assert client.get(href).status_code == 200, href
