"""The watcher against real HTTP servers on loopback: new entries are fetched
and ingested exactly once, conditional GET saves refetching, faults are
survived with a log line and backed off."""

from __future__ import annotations

import logging
import re
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from veille.store import Store
from veille.store import articles as aq
from veille.watch import sources as sq
from veille.watch.fetch import Fetcher
from veille.watch.poll import PollOptions, run_forever, run_pass
from veille.watch.tables import sources

from .conftest import Reply, Server, fast_policy

NO_STAGES = dict(analyze=False, cluster=False, alerts=False)


def add(store: Store, url: str, **kw: object) -> int:
    with store.begin() as conn:
        return sq.upsert_source(conn, sq.SourceSpec(url, **kw))  # type: ignore[arg-type]


def make_due(store: Store) -> None:
    with store.begin() as conn:
        conn.execute(update(sources).values(next_due=None))


def source_row(store: Store, sid: int) -> dict:
    with store.connect() as conn:
        row = sq.get_source(conn, sid)
    assert row is not None
    return row


def stored(store: Store) -> list[dict]:
    with store.connect() as conn:
        return [aq.get_article(conn, a["id"]) for a in aq.list_articles(conn)]  # type: ignore[misc]


def test_feed_entries_fetched_and_ingested_exactly_once(server: Server, any_store: Store,
                                                        fetcher: Fetcher) -> None:
    store = any_store
    server.fixture("/feed.rss", "feed.rss", etag='"v1"')
    server.articles()
    sid = add(store, server.url("/feed.rss"), name="Courrier")
    report = run_pass(store, fetcher, **NO_STAGES)
    assert [o.status for o in report.outcomes] == ["new"]
    arts = stored(store)
    assert {a["id"] for a in arts} == {"tag:valmont.example,2026:1120-tram",
                                       "tag:valmont.example,2026:1121-crue",
                                       "tag:valmont.example,2026:1122-port"}
    tram = next(a for a in arts if a["id"] == "tag:valmont.example,2026:1120-tram")
    # The text is the article page's body (trafilatura), not the feed's teaser,
    # and the page's navigation, cookie banner and footer are gone.
    assert "38 000 voyageurs par jour" in tram["text"]
    assert "Accepter" not in tram["text"] and "Mentions légales" not in tram["text"]
    assert tram["source"] == "Courrier" and tram["published"] == "2026-11-20"
    assert tram["url"] == server.url("/articles/tram.html")

    # Not due yet: nothing is requested.
    before = len(server.hits)
    assert run_pass(store, fetcher, **NO_STAGES).outcomes == []
    assert len(server.hits) == before

    # Due again, feed unchanged: a conditional GET answered 304, no page refetched.
    make_due(store)
    report = run_pass(store, fetcher, **NO_STAGES)
    assert [o.status for o in report.outcomes] == ["not_modified"]
    assert server.hits[-1].headers.get("if-none-match") == '"v1"'

    # One entry is published: only it is fetched and ingested.
    server.fixture("/feed.rss", "feed_more.rss", etag='"v2"')
    make_due(store)
    report = run_pass(store, fetcher, **NO_STAGES)
    assert report.added == [server.url("/articles/tram_update.html")]
    for page in ("tram", "crue", "port", "tram_update"):
        assert server.count(f"/articles/{page}.html") == 1, page
    row = source_row(store, sid)
    assert row["etag"] == '"v2"' and row["failures"] == 0
    assert row["next_due"] > sq.now() + timedelta(minutes=14)


def test_last_modified_validator(server: Server, store: Store, fetcher: Fetcher) -> None:
    stamp = "Tue, 24 Nov 2026 10:00:00 GMT"
    server.fixture("/feed.rss", "feed.rss", last_modified=stamp)
    server.articles()
    add(store, server.url("/feed.rss"))
    run_pass(store, fetcher, **NO_STAGES)
    make_due(store)
    report = run_pass(store, fetcher, **NO_STAGES)
    assert report.outcomes[0].status == "not_modified"
    assert server.hits[-1].headers.get("if-modified-since") == stamp


def test_user_agent_names_veille(server: Server, store: Store, fetcher: Fetcher) -> None:
    server.fixture("/feed.rss", "feed.rss")
    server.articles()
    add(store, server.url("/feed.rss"))
    run_pass(store, fetcher, **NO_STAGES)
    assert server.hits and all(h.headers["user-agent"].startswith("veille/") for h in server.hits)


def test_server_errors_back_off_then_recover(server: Server, store: Store, fetcher: Fetcher,
                                             caplog: pytest.LogCaptureFixture) -> None:
    state = {"fail": True}
    body = server.fixture_bytes("feed.rss")
    server.routes["/feed.rss"] = lambda hit: (
        Reply(500, b"boom") if state["fail"] else Reply(200, body, {"Content-Type": "application/rss+xml"}))
    server.articles()
    sid = add(store, server.url("/feed.rss"), name="Flaky")
    delays = []
    with caplog.at_level(logging.WARNING, logger="veille.watch"):
        for expected in (1, 2, 3):
            report = run_pass(store, fetcher, **NO_STAGES)
            out = report.outcomes[0]
            assert out.status == "error" and out.error == "HTTP 500"
            assert source_row(store, sid)["failures"] == expected
            delays.append(out.retry_in)
            make_due(store)
    assert delays == pytest.approx([0.05, 0.1, 0.2])  # exponential
    assert "source Flaky: HTTP 500 (failure 3)" in caplog.text
    assert stored(store) == []
    state["fail"] = False
    report = run_pass(store, fetcher, **NO_STAGES)
    assert len(report.added) == 3
    row = source_row(store, sid)
    assert row["failures"] == 0 and row["last_error"] is None


def test_429_retry_after_is_honoured(server: Server, store: Store, fetcher: Fetcher,
                                     caplog: pytest.LogCaptureFixture) -> None:
    server.routes["/feed.rss"] = lambda hit: Reply(429, b"slow down", {"Retry-After": "120"})
    sid = add(store, server.url("/feed.rss"))
    with caplog.at_level(logging.WARNING, logger="veille.watch"):
        report = run_pass(store, fetcher, **NO_STAGES)
    assert report.outcomes[0].retry_in == 120
    assert source_row(store, sid)["next_due"] > sq.now() + timedelta(seconds=100)
    assert "HTTP 429" in caplog.text and "server asked 120s" in caplog.text


def test_slow_response_times_out(server: Server, store: Store,
                                 caplog: pytest.LogCaptureFixture) -> None:
    server.routes["/slow.rss"] = lambda hit: Reply(200, b"<rss/>", delay=1.0)
    server.fixture("/feed.rss", "feed.rss")
    server.articles()
    slow = add(store, server.url("/slow.rss"), name="Slow")
    add(store, server.url("/feed.rss"))
    f = Fetcher(fast_policy(timeout=0.2))
    try:
        with caplog.at_level(logging.WARNING, logger="veille.watch"):
            report = run_pass(store, f, **NO_STAGES)
    finally:
        f.close()
    by_url = {o.url: o for o in report.outcomes}
    assert by_url[server.url("/slow.rss")].status == "error"
    assert "timed out" in (by_url[server.url("/slow.rss")].error or "")
    assert len(by_url[server.url("/feed.rss")].added) == 3  # the slow source did not stop the rest
    assert "source Slow: timed out after 0.2s" in caplog.text
    assert source_row(store, slow)["failures"] == 1


def test_redirects_are_followed(server: Server, store: Store, fetcher: Fetcher) -> None:
    server.routes["/old/feed"] = lambda hit: Reply(301, b"", {"Location": "/feed.rss"})
    server.fixture("/feed.rss", "feed.rss")
    server.articles()
    add(store, server.url("/old/feed"))
    report = run_pass(store, fetcher, **NO_STAGES)
    assert len(report.added) == 3
    assert server.paths()[:3] == ["/robots.txt", "/old/feed", "/feed.rss"]


def test_redirect_loop_is_an_error(server: Server, store: Store, fetcher: Fetcher,
                                   caplog: pytest.LogCaptureFixture) -> None:
    server.routes["/a"] = lambda hit: Reply(302, b"", {"Location": "/b"})
    server.routes["/b"] = lambda hit: Reply(302, b"", {"Location": "/a"})
    add(store, server.url("/a"), name="Loop")
    with caplog.at_level(logging.WARNING, logger="veille.watch"):
        report = run_pass(store, fetcher, **NO_STAGES)
    assert "redirect loop" in (report.outcomes[0].error or "")
    assert "source Loop: redirect loop" in caplog.text


def test_unreadable_feed_is_an_error(server: Server, store: Store, fetcher: Fetcher,
                                     caplog: pytest.LogCaptureFixture) -> None:
    server.routes["/feed.rss"] = lambda hit: Reply(
        200, b"{\"error\": \"maintenance\"}", {"Content-Type": "application/rss+xml"})
    sid = add(store, server.url("/feed.rss"), name="Broken", kind="feed")
    with caplog.at_level(logging.WARNING, logger="veille.watch"):
        report = run_pass(store, fetcher, **NO_STAGES)
    assert report.outcomes[0].status == "error"
    assert "malformed feed" in (report.outcomes[0].error or "")
    assert "source Broken: malformed feed" in caplog.text
    assert source_row(store, sid)["failures"] == 1 and stored(store) == []


def test_truncated_feed_keeps_the_entries_it_can_read(server: Server, store: Store,
                                                      fetcher: Fetcher,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    server.fixture("/feed.rss", "malformed.rss")
    server.articles()
    add(store, server.url("/feed.rss"), name="Cut")
    with caplog.at_level(logging.WARNING, logger="veille.watch"):
        report = run_pass(store, fetcher, **NO_STAGES)
    assert report.outcomes[0].status == "new"
    assert "tag:valmont.example,2026:1120-tram" in report.added
    assert "source Cut: malformed feed" in caplog.text


def test_non_html_article_falls_back_to_feed_content(server: Server, store: Store,
                                                     fetcher: Fetcher) -> None:
    server.fixture("/feed.rss", "feed.rss")
    server.articles()
    server.routes["/articles/port.html"] = lambda hit: Reply(
        200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", {"Content-Type": "application/pdf"})
    add(store, server.url("/feed.rss"))
    run_pass(store, fetcher, **NO_STAGES)
    port = next(a for a in stored(store) if a["id"] == "tag:valmont.example,2026:1122-port")
    assert port["text"] == "Les dockers bloquent le terminal à conteneurs."
    assert port["format"] == "feed"


def test_non_html_source_is_an_error(server: Server, store: Store, fetcher: Fetcher) -> None:
    server.routes["/report.pdf"] = lambda hit: Reply(200, b"%PDF-1.7\n", {"Content-Type": "application/pdf"})
    add(store, server.url("/report.pdf"))
    report = run_pass(store, fetcher, **NO_STAGES)
    assert "neither a feed nor an HTML page (content type application/pdf)" in (
        report.outcomes[0].error or "")


def test_robots_txt_is_respected(server: Server, store: Store, fetcher: Fetcher) -> None:
    server.routes["/robots.txt"] = lambda hit: Reply(
        200, b"User-agent: *\nDisallow: /private/\nDisallow: /articles/crue.html\n",
        {"Content-Type": "text/plain"})
    server.fixture("/private/feed.rss", "feed.rss")
    server.fixture("/feed.rss", "feed.rss")
    server.articles()
    add(store, server.url("/private/feed.rss"))
    add(store, server.url("/feed.rss"))
    report = run_pass(store, fetcher, **NO_STAGES)
    by_url = {o.url: o for o in report.outcomes}
    assert "robots.txt disallows" in (by_url[server.url("/private/feed.rss")].error or "")
    assert server.count("/private/feed.rss") == 0 and server.count("/articles/crue.html") == 0
    crue = next(a for a in stored(store) if a["id"] == "tag:valmont.example,2026:1121-crue")
    assert crue["format"] == "feed"  # the feed's own text, the page was off limits
    assert server.count("/robots.txt") == 1  # cached


def test_robots_server_error_means_no_fetching(server: Server, store: Store, fetcher: Fetcher) -> None:
    server.routes["/robots.txt"] = lambda hit: Reply(503, b"")
    server.fixture("/feed.rss", "feed.rss")
    add(store, server.url("/feed.rss"))
    report = run_pass(store, fetcher, **NO_STAGES)
    assert report.outcomes[0].status == "error"
    assert server.count("/feed.rss") == 0


def test_one_request_at_a_time_per_host_with_a_delay(server: Server, server2: Server,
                                                      store: Store) -> None:
    for s in (server, server2):
        s.routes["/slow.rss"] = lambda hit: Reply(304, b"", delay=0.15)
        s.routes["/robots.txt"] = lambda hit: Reply(404, b"")
    for path in ("/slow.rss?a", "/slow.rss?b", "/slow.rss?c"):
        add(store, server.url(path))
    add(store, server2.url("/slow.rss"))
    f = Fetcher(fast_policy(delay=0.1))
    try:
        t0 = time.monotonic()
        run_pass(store, f, PollOptions(workers=4), **NO_STAGES)
        elapsed = time.monotonic() - t0
    finally:
        f.close()
    hits = sorted(server.hits, key=lambda h: h.start)
    assert len(hits) == 4  # robots + three feeds
    for a, b in zip(hits, hits[1:], strict=False):
        assert b.start >= a.end + 0.09, "two requests to one host overlapped or came too fast"
    # The other host was served in parallel, not after the first host's queue.
    assert server2.hits[-1].end < hits[-1].start
    assert elapsed < 1.5


def test_watched_page_versions(server: Server, store: Store, fetcher: Fetcher) -> None:
    server.fixture("/travaux", "watched_page.html")
    sid = add(store, server.url("/travaux"), name="Ville", kind="page")
    assert len(run_pass(store, fetcher, **NO_STAGES).added) == 1
    make_due(store)
    assert run_pass(store, fetcher, **NO_STAGES).outcomes[0].status == "unchanged"
    server.fixture("/travaux", "watched_page_v2.html")
    make_due(store)
    added = run_pass(store, fetcher, **NO_STAGES).added
    assert len(added) == 1
    arts = stored(store)
    assert len(arts) == 2 and "reportés" in next(a for a in arts if a["id"] == added[0])["text"]
    assert source_row(store, sid)["failures"] == 0


def test_transient_article_failure_without_feed_text_is_retried(server: Server, store: Store,
                                                                 fetcher: Fetcher) -> None:
    # A feed whose items carry no text: the article page is the only source.
    feed = server.fixture_bytes("feed.rss")
    feed = re.sub(rb"\s*<description>.*?</description>", b"", feed)
    assert b"<description>" not in feed
    server.routes["/feed.rss"] = lambda hit: Reply(200, feed, {"Content-Type": "application/rss+xml"})
    server.articles()
    server.routes["/articles/crue.html"] = lambda hit: Reply(503, b"")
    add(store, server.url("/feed.rss"))
    assert sorted(run_pass(store, fetcher, **NO_STAGES).added) == [
        "tag:valmont.example,2026:1120-tram", "tag:valmont.example,2026:1122-port"]
    server.fixture("/articles/crue.html", "crue.html")
    make_due(store)
    assert run_pass(store, fetcher, **NO_STAGES).added == ["tag:valmont.example,2026:1121-crue"]


def test_run_forever_backs_off_and_stops(server: Server, store: Store) -> None:
    server.routes["/feed.rss"] = lambda hit: Reply(500, b"")
    server.routes["/robots.txt"] = lambda hit: Reply(404, b"")
    add(store, server.url("/feed.rss"), every=0.01)
    f = Fetcher(fast_policy(backoff_base=0.05))
    stop = threading.Event()
    t = threading.Thread(target=run_forever, args=(store, f),
                         kwargs=dict(stop=stop, max_sleep=0.5, **NO_STAGES))
    t.start()
    time.sleep(1.0)
    stop.set()
    t.join(timeout=5)
    f.close()
    assert not t.is_alive()
    times = [h.start for h in server.hits if h.path == "/feed.rss"]
    # Polled every 10 ms without backoff, this would be ~100 requests; with
    # 50, 100, 200, 400 ms... it is about five.
    assert 3 <= len(times) <= 7
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # Growing gaps (each pass adds a little overhead, so compare loosely).
    assert all(g2 > g1 for g1, g2 in zip(gaps, gaps[1:], strict=False)), gaps
    assert gaps[-1] > 3 * gaps[0], gaps


def test_sources_and_seen_are_kept_per_source(server: Server, store: Store, fetcher: Fetcher) -> None:
    """The same entry in two feeds is fetched for each feed, but stored once."""
    server.fixture("/a.rss", "feed.rss")
    server.fixture("/b.rss", "feed.rss")
    server.articles()
    add(store, server.url("/a.rss"))
    add(store, server.url("/b.rss"))
    run_pass(store, fetcher, **NO_STAGES)
    assert len(stored(store)) == 3
    with store.connect() as conn:
        from veille.watch.tables import seen_entries

        assert len(conn.execute(select(seen_entries)).all()) == 6


def _one_item_feed(server: Server, guid: str, path: str, title: str) -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
            f'<item><title>{title}</title><link>{server.url(path)}</link>'
            f'<guid isPermaLink="false">{guid}</guid></item></channel></rss>').encode()


def test_bare_guids_from_two_feeds_do_not_collide(server: Server, store: Store,
                                                  fetcher: Fetcher) -> None:
    """Two CMSs both number their entries from 1: each entry keeps its own article."""
    server.articles()
    for feed, path in (("/a.rss", "/articles/tram.html"), ("/b.rss", "/articles/port.html")):
        body = _one_item_feed(server, "1", path, path)
        server.routes[feed] = lambda hit, body=body: Reply(200, body, {"Content-Type": "application/rss+xml"})
        add(store, server.url(feed))
    report = run_pass(store, fetcher, **NO_STAGES)
    assert sorted(report.added) == [server.url("/articles/port.html"), server.url("/articles/tram.html")]
    with store.connect() as conn:
        assert aq.list_rejects(conn) == []


def test_atom_feed_with_relative_links(server: Server, store: Store, fetcher: Fetcher) -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valmont Atom</title>
  <id>urn:uuid:6c7f2a4e-1d1b-4c57-9d0a-2f1c3c8b5a10</id>
  <updated>2026-11-21T17:05:00Z</updated>
  <entry>
    <title>Vigilance orange aux crues</title>
    <id>urn:uuid:0b6e7f38-3e35-4a0c-9a55-5d2a4e1f8c21</id>
    <link href="/articles/crue.html"/>
    <updated>2026-11-21T17:05:00Z</updated>
    <summary>La rivi\xc3\xa8re en vigilance orange.</summary>
  </entry>
</feed>"""
    server.routes["/atom"] = lambda hit: Reply(200, atom, {"Content-Type": "application/atom+xml"})
    server.articles()
    add(store, server.url("/atom"))
    report = run_pass(store, fetcher, **NO_STAGES)
    assert report.added == ["urn:uuid:0b6e7f38-3e35-4a0c-9a55-5d2a4e1f8c21"]
    art = stored(store)[0]
    assert art["url"] == server.url("/articles/crue.html") and "3,8 mètres" in art["text"]
    assert art["source"] == "Valmont Atom" and art["published"] == "2026-11-21"


def test_two_watchers_on_one_store_poll_a_source_once(server: Server, store: Store) -> None:
    server.routes["/feed.rss"] = lambda hit: Reply(304, b"", delay=0.3)
    server.routes["/robots.txt"] = lambda hit: Reply(404, b"")
    add(store, server.url("/feed.rss"), every=3600)
    fetchers = [Fetcher(fast_policy()), Fetcher(fast_policy())]
    threads = [threading.Thread(target=run_pass, args=(store, f), kwargs=NO_STAGES) for f in fetchers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    for f in fetchers:
        f.close()
    assert server.count("/feed.rss") == 1
    with store.begin() as conn:  # the poll finished: scheduled by its interval, not the lease
        row = sq.get_source(conn, 1)
        assert row is not None and row["next_due"] > sq.now() + timedelta(minutes=59)
        assert not sq.claim(conn, 1, sq.now(), 60)


def test_stopping_mid_pass_releases_unpolled_sources(server: Server, store: Store,
                                                     fetcher: Fetcher) -> None:
    stop = threading.Event()
    server.routes["/robots.txt"] = lambda hit: Reply(404, b"")

    def slow_then_stop(hit: object) -> Reply:
        stop.set()  # the watcher is told to stop while the first source is fetched
        return Reply(304, b"")

    server.routes["/one.rss"] = slow_then_stop
    server.routes["/two.rss"] = lambda hit: Reply(304, b"")
    first = add(store, server.url("/one.rss"))
    second = add(store, server.url("/two.rss"))
    report = run_pass(store, fetcher, stop=stop, **NO_STAGES)
    assert [o.source_id for o in report.outcomes] == [first]
    assert server.count("/two.rss") == 0
    assert source_row(store, second)["next_due"] <= sq.now()  # due again, not leased away
