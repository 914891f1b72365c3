"""Watchlist digests end to end on real articles: a feed of news-clusters
articles served on loopback -> a watch pass (ingest, analysis, clustering,
alerts) -> an aiosmtpd SMTP server on loopback receives the digest; the Atom
feed of the same watchlist read back with feedparser."""

from __future__ import annotations

import email
import html
import json
import socket
from collections.abc import Iterator
from email.message import Message
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import feedparser
import pytest
from feedgen.feed import FeedGenerator
from sqlalchemy import select, update

from veille.core.settings import Settings
from veille.store import Store
from veille.store.schema import alerts as alerts_table
from veille.store.schema import story_articles
from veille.watch import alerts as al
from veille.watch import digests as dg
from veille.watch.fetch import Fetcher
from veille.watch.poll import PollOptions, run_pass
from veille.watch.sources import SourceSpec, WatchlistSpec, upsert_source
from veille.watch.tables import sources

from .conftest import Server

controller_mod = pytest.importorskip("aiosmtpd.controller")
STORY = "north_Korea_hokkaido_missile"
OTHER = "hack_equifax_breach"


def _clusters() -> list[dict[str, Any]]:
    path = Path(Settings().shared_data) / "news-clusters" / "news_cluster.jsonl"
    if not path.exists():
        pytest.skip(f"../shared/data absent: {path} (the public news-clusters set)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _pick(rows: list[dict[str, Any]], story: str, n: int) -> list[dict[str, Any]]:
    """The story's first n articles by date (then id): a fixed, reproducible selection."""
    mine = sorted((r for r in rows if r["story"] == story), key=lambda r: (r["published"], r["id"]))
    return mine[:n]


def _page(row: dict[str, Any]) -> bytes:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n") if p.strip())
    return (f"<!doctype html><html lang='en'><head><title>{html.escape(row['title'])}</title></head>"
            f"<body><article><h1>{html.escape(row['title'])}</h1>{paras}</article></body></html>"
            ).encode()


def serve_articles(server: Server, rows: list[dict[str, Any]], path: str = "/feed.rss") -> None:
    """An RSS feed (written with feedgen) of these articles, each with its page."""
    fg = FeedGenerator()
    fg.title("news-clusters on loopback")
    fg.link(href=server.url("/"))
    fg.description("Real articles of the public news-clusters set")
    for r in rows:
        page = f"/articles/{r['id']}.html"
        server.static(page, _page(r), "text/html; charset=utf-8")
        fe = fg.add_entry()
        fe.id(server.url(page))
        fe.title(r["title"])
        fe.link(href=server.url(page))
        fe.published(r["published"] + "+00:00")
        fe.description(r["text"][:300])
    server.static(path, fg.rss_str(), "application/rss+xml")


class Inbox:
    """What the loopback SMTP server accepted."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        msg = email.message_from_bytes(envelope.original_content or envelope.content,
                                       policy=default_policy)
        self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    ctl = controller_mod.Controller(inbox, hostname="127.0.0.1", port=port)
    ctl.start()
    try:
        yield inbox, port
    finally:
        ctl.stop()


def _smtp(port: int) -> dg.SmtpConfig:
    return dg.SmtpConfig(host="127.0.0.1", port=port, security="none", sender="veille@test.example",
                         timeout=5.0)


def _parts(msg: Message) -> tuple[str, str]:
    plain = msg.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
    rich = msg.get_body(preferencelist=("html",))  # type: ignore[attr-defined]
    return plain.get_content(), rich.get_content()


@pytest.mark.slow
def test_watch_pass_emails_one_digest_then_none(server: Server, store: Store, fetcher: Fetcher,
                                                smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    rows = _clusters()
    missile, breach = _pick(rows, STORY, 4), _pick(rows, OTHER, 2)
    serve_articles(server, missile + breach)
    with store.begin() as conn:
        upsert_source(conn, SourceSpec(server.url("/feed.rss"), "news-clusters"))
        al.save_watchlist(conn, WatchlistSpec("korea", queries=["missile Japan"],
                                              channels=["email:desk@news.example"]))
    opts = PollOptions(smtp=_smtp(port), public_url="http://veille.test", digest_max_stories=20)
    report = run_pass(store, fetcher, opts)
    assert len(report.added) == 6
    assert [d.status for d in report.digests] == ["sent"]
    assert len(inbox.messages) == 1
    rcpt, msg = inbox.messages[0]
    assert rcpt == ["desk@news.example"]
    assert msg["Subject"].startswith("[veille] korea:")
    text, rich = _parts(msg)
    # The articles that say "missile" and "Japan" are named, the Equifax ones are not.
    matching = [r for r in missile if "missile" in r["text"].lower() and "japan" in r["text"].lower()]
    assert matching
    for r in matching:
        assert r["title"] in text
        assert html.escape(r["title"]) in rich
    for r in breach:
        assert r["title"] not in text
    assert "http://veille.test/stories/" in text  # links to the story pages

    # A second pass with nothing new: no second message.
    with store.begin() as conn:
        conn.execute(update(sources).values(next_due=None))
    again = run_pass(store, fetcher, opts)
    assert again.added == []
    assert len(inbox.messages) == 1
    assert dg.send_digests(store, _smtp(port))[0].status == "nothing"
    assert len(inbox.messages) == 1

    # Two more articles of the story: one more message, naming them (and only them).
    more = _pick(rows, STORY, 6)[4:]
    serve_articles(server, missile + breach + more)
    with store.begin() as conn:
        conn.execute(update(sources).values(next_due=None))
    third = run_pass(store, fetcher, opts)
    assert len(third.added) == 2
    new_matching = [r for r in more if "missile" in r["text"].lower() and "japan" in r["text"].lower()]
    assert new_matching
    assert len(inbox.messages) == 2
    text2, _ = _parts(inbox.messages[1][1])
    for r in new_matching:
        assert f"- {r['title']} —" in text2
    for r in matching:  # told in the first digest: not listed again (a story may bear its title)
        assert f"- {r['title']} —" not in text2
    with store.connect() as conn:
        old_stories = {r.story_id for r in conn.execute(select(story_articles.c.story_id).where(
            story_articles.c.article_uid.in_([server.url(f"/articles/{r['id']}.html") for r in matching])))}
        new_stories = {r.story_id for r in conn.execute(select(story_articles.c.story_id).where(
            story_articles.c.article_uid.in_([server.url(f"/articles/{r['id']}.html") for r in more])))}
    if new_stories & old_stories:  # a story the reader was told about gained articles
        assert "[UPDATED]" in text2

    # The Atom feed of the same watchlist: one entry per story, the articles in it.
    with store.connect() as conn:
        atom = dg.atom_feed(conn, "korea", base_url="http://veille.test",
                            self_url="http://veille.test/watchlists/korea/feed.atom")
    parsed = feedparser.parse(atom)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "veille — korea"
    links = {e.link for e in parsed.entries}
    assert links and all(link.startswith("http://veille.test/stories/") for link in links)
    contents = " ".join(e.content[0].value for e in parsed.entries)
    for r in new_matching:  # the latest change of each story
        assert html.escape(r["title"]) in contents or r["title"] in contents
    assert not any(r["title"] in contents for r in breach)


def _article_alerts(store: Store, name: str, n: int) -> None:
    """n alerts of a watchlist on real article titles (no pipeline: digests only read alerts)."""
    rows = _clusters()[:n] if n <= 383 else _clusters()
    with store.begin() as conn:
        wid = al.save_watchlist(conn, WatchlistSpec(name, queries=["x"], channels=["email:a@b.example"]))
        for i in range(n):
            r = rows[i % len(rows)]
            payload = {"type": "article", "watchlist": name,
                       "article": {"uid": f"{r['id']}-{i}", "title": r["title"]}}
            conn.execute(alerts_table.insert().values(
                watchlist_id=wid, kind="article", key=f"article:{r['id']}-{i}",
                article_uid=f"{r['id']}-{i}", story_id=None, matched={"entities": [], "queries": ["x"]},
                payload=payload, created_at=dg.now()))


def test_smtp_down_keeps_the_digest_and_names_watchlist_and_server(
        any_store: Store, smtp_server: tuple[Inbox, int]) -> None:
    store = any_store  # the digest mark and the alerts on both backends
    inbox, port = smtp_server
    _article_alerts(store, "équipe <b>", 3)
    dead = _free_port()  # nothing listens there: connection refused
    res = dg.send_digest(store, "équipe <b>", _smtp(dead))
    assert res.status == "failed"
    assert "équipe <b>" in (res.error or "") and f"127.0.0.1:{dead}" in (res.error or "")
    with store.connect() as conn:
        assert dg.build_digest(conn, "équipe <b>").n_alerts == 3  # kept for the next run
    # The server is back: the same digest goes, once.
    assert dg.send_digest(store, "équipe <b>", _smtp(port)).status == "sent"
    assert dg.send_digest(store, "équipe <b>", _smtp(port)).status == "nothing"
    assert len(inbox.messages) == 1
    _, msg = inbox.messages[0]
    assert msg["X-Veille-Watchlist"] == "équipe <b>"
    _, rich = _parts(msg)
    assert "équipe &lt;b&gt;" in rich and "équipe <b>" not in rich


def test_a_huge_digest_is_bounded(store: Store) -> None:
    _article_alerts(store, "big", 5000)
    with store.connect() as conn:
        d = dg.build_digest(conn, "big", max_stories=20)
    assert d.n_alerts == 5000
    assert len(d.stories) == 20 and d.more_stories == 4980
    text = dg.render_text(d)
    assert "and 4980 more stories" in text
    assert len(text) < 20_000


def test_hostile_titles_are_escaped_in_mail_and_feed(store: Store) -> None:
    with store.begin() as conn:
        wid = al.save_watchlist(conn, WatchlistSpec("w", queries=["x"], channels=["print"]))
        conn.execute(alerts_table.insert().values(
            watchlist_id=wid, kind="article", key="article:evil", article_uid="evil", story_id=None,
            matched={"entities": [], "queries": ["x"]},
            payload={"type": "article"}, created_at=dg.now()))
        from veille.store.schema import articles
        conn.execute(articles.insert().values(
            uid="evil", seq=1, source="<b onmouseover=alert(3)>Evil</b>", url="javascript:alert(4)",
            title='<script>alert("t")</script>\r\nBcc: victim@example.org', text="x", n_chars=1,
            content_hash="h", origin="test", fmt="json", ingested_at=dg.now()))
    with store.connect() as conn:
        d = dg.build_digest(conn, "w")
        atom = dg.atom_feed(conn, "w")
    rich = dg.render_html(d)
    assert "<script>" not in rich and "javascript:" not in rich and "<b onmouseover" not in rich
    msg = dg.make_message(d, dg.SmtpConfig(host="h"), ["a@b.example"], None)
    assert "Bcc" not in str(msg["Subject"]) and "\n" not in dg.render_text(d).splitlines()[2]
    parsed = feedparser.parse(atom)
    assert not parsed.bozo
    assert "javascript:" not in atom.decode()
    assert "<script>" not in parsed.entries[0].content[0].value
    assert "\r" not in parsed.entries[0].title and "\n" not in parsed.entries[0].title


def test_email_channel_checked() -> None:
    assert al.check_channel("email") == "email"
    assert al.check_channel("email:a@b.example,c@d.example")
    with pytest.raises(dg.ConfigError):
        al.check_channel("email:not-an-address")
    with pytest.raises(dg.ConfigError):
        al.check_channel("email:a@b.example\r\nBcc: x@y.example")


class Refusing(Inbox):
    """A server that refuses every recipient (550), as a mail server does for an unknown user."""

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,  # noqa: N802
                          rcpt_options: list[str]) -> str:
        return "550 5.1.1 no such user here"


def test_smtp_refusals_keep_the_digest(store: Store) -> None:
    _article_alerts(store, "desk", 2)
    port = _free_port()
    ctl = controller_mod.Controller(Refusing(), hostname="127.0.0.1", port=port)
    ctl.start()
    try:
        refused = dg.send_digest(store, "desk", _smtp(port))
        # STARTTLS asked of a server that does not offer it: refused too, not sent in clear.
        cfg = _smtp(port)
        cfg.security = "starttls"
        no_tls = dg.send_digest(store, "desk", cfg)
    finally:
        ctl.stop()
    assert refused.status == "failed" and "no such user" in (refused.error or "")
    assert "'desk'" in (refused.error or "") and f"127.0.0.1:{port}" in (refused.error or "")
    assert no_tls.status == "failed" and "STARTTLS" in (no_tls.error or "")
    with store.connect() as conn:
        assert dg.build_digest(conn, "desk").n_alerts == 2
        assert dg.digest_mark(conn, dg.build_digest(conn, "desk").watchlist_id)["failures"] == 2
