"""One pass of the watcher: fetch what is due, ingest what is new, then
analyse, cluster and raise alerts as ``veille ingest`` would.

Fetching (network) runs in worker threads, one per host at a time (the host
gate keeps each host to one request at a time anyway); every write to the
store happens on the calling thread, after each source's fetch, so a pass
killed half-way has either stored and marked an entry or neither (a rerun
fetches it again and ingest folds the copy).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from veille.core.errors import VeilleError
from veille.core.model import DateRange, RawRecord, Reject
from veille.core.settings import MAX_ARTICLE_BYTES, Settings
from veille.ingest.dates import parse_date
from veille.ingest.decode import decode
from veille.ingest.feed import entry_record
from veille.ingest.html import extract_page
from veille.ingest.normalize import content_hash
from veille.ingest.readers import ReadOptions
from veille.services import pipeline
from veille.store import Store
from veille.watch import sources as src_q
from veille.watch.alerts import evaluate, redeliver
from veille.watch.digests import SendResult, SmtpConfig, send_digests
from veille.watch.fetch import Fetcher, FetchError, Response, backoff_delay, host_key

log = logging.getLogger("veille.watch")

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "application/feed+json")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_KEY = 512


@dataclass
class PollOptions:
    max_new_per_source: int = 50  # the rest waits for the next poll (politeness)
    workers: int = 4
    max_article_bytes: int = MAX_ARTICLE_BYTES
    fetch_pages: bool = True  # fetch each new entry's article page
    lease: float = 15 * 60.0  # a claimed source is someone else's for this long (see sources.claim)
    #: Where e-mail digests go (None: from the SMTP settings), the
    #: address story links in them point to, and how many stories one lists.
    smtp: SmtpConfig | None = None
    public_url: str | None = None
    digest_max_stories: int | None = None


@dataclass
class Fetched:
    """What one source's fetch produced, before anything touches the store."""

    source: dict[str, Any]
    response: Response | None = None
    error: FetchError | None = None
    records: list[tuple[str, RawRecord | Reject]] = field(default_factory=list)
    unchanged: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class SourceOutcome:
    source_id: int
    url: str
    status: str  # new / unchanged / not_modified / error
    added: list[str] = field(default_factory=list)
    rejected: int = 0
    error: str | None = None
    retry_in: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.url, "status": self.status, "added": len(self.added),
                "rejected": self.rejected, "error": self.error, "retry_in": self.retry_in}


@dataclass
class PassReport:
    outcomes: list[SourceOutcome] = field(default_factory=list)
    analyze: Any = None
    cluster: Any = None
    alerts: list[dict[str, Any]] = field(default_factory=list)
    digests: list[SendResult] = field(default_factory=list)

    @property
    def added(self) -> list[str]:
        return [uid for o in self.outcomes for uid in o.added]

    def to_dict(self) -> dict[str, Any]:
        return {"sources": [o.to_dict() for o in self.outcomes], "added": len(self.added),
                "analyze": self.analyze, "cluster": self.cluster, "alerts": len(self.alerts),
                "digests": [d.to_dict() for d in self.digests]}


def entry_key(entry: Any, index: int) -> str:
    """The entry's own id, else its link, else a hash of what it says."""
    key = entry.get("id") or entry.get("link")
    if not key:
        basis = f"{entry.get('title', '')}\x00{entry.get('summary', '')}"
        key = "sha:" + hashlib.sha256(basis.encode("utf-8", "replace")).hexdigest()[:32]
    key = str(key)
    if len(key) > MAX_KEY:
        key = key[:MAX_KEY - 41] + "#" + hashlib.sha1(key.encode()).hexdigest()
    return key


def article_uid(key: str, link: str | None, feed_url: str) -> str:
    """A store-wide id for an entry. A guid that is a URI (http:, tag:, urn:)
    is unique on its own; a bare one ("12345") is unique only within its feed,
    so the entry's link stands in, else the guid qualified by the feed URL."""
    if "://" in key or key.startswith(("tag:", "urn:")):
        return key
    if link:
        return link
    return f"{feed_url}#{key}"


def sniff_kind(resp: Response) -> str | None:
    ctype = resp.content_type
    head = resp.content.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    feedish = ctype in FEED_TYPES or any(t in head for t in (b"<rss", b"<feed", b"<rdf:rdf"))
    if feedish and b"<html" not in head:
        return "feed"
    if ctype in HTML_TYPES or head.startswith((b"<!doctype html", b"<html")):
        return "page"
    if head.startswith(b"<?xml"):
        return "feed"
    return None


def _decode_html(resp: Response) -> str | None:
    try:
        return decode(resp.content)
    except VeilleError:
        return None


def _page_record(resp: Response, uid: str, name: str | None, origin: str) -> RawRecord | str:
    """The article in an HTML page (trafilatura), or why there is none."""
    if sniff_kind(resp) != "page":
        return f"not an HTML page ({resp.content_type or 'no content type'})"
    html = _decode_html(resp)
    if html is None:
        return "page bytes are not text"
    page = extract_page(html, url=resp.url)
    if page is None or not page.get("text"):
        return "no main text found in the page"
    try:
        published = parse_date(page.get("date"))
    except Exception:  # noqa: BLE001 - htmldate output we cannot read: date unknown
        published = DateRange.unknown()
    return RawRecord(
        text=page["text"], origin=resp.url, uid=uid, url=resp.url,
        source=name or page.get("sitename") or page.get("hostname"), title=page.get("title"),
        published=published, language=page.get("language"), fmt="html",
    )


class Poller:
    """Fetches sources and their new entries; knows nothing of the schedule."""

    def __init__(self, fetcher: Fetcher, options: PollOptions,
                 is_seen: Callable[[int, list[str]], set[str]]) -> None:
        self.fetcher = fetcher
        self.options = options
        self.is_seen = is_seen

    def fetch_source(self, source: dict[str, Any]) -> Fetched:
        out = Fetched(source)
        try:
            resp = self.fetcher.get(source["url"], etag=source.get("etag"),
                                    last_modified=source.get("last_modified"))
        except FetchError as exc:
            out.error = exc
            return out
        out.response = resp
        if resp.not_modified:
            return out
        kind = source.get("kind") or "auto"
        found = sniff_kind(resp)
        if kind == "auto":
            kind = found or ""
        if kind == "feed":
            self._feed(out, resp)
        elif kind == "page":
            self._page(out, resp)
        else:
            out.error = FetchError(resp.url, f"neither a feed nor an HTML page "
                                   f"(content type {resp.content_type or 'missing'})",
                                   transient=False, kind="content")
        return out

    def _page(self, out: Fetched, resp: Response) -> None:
        """A watched page: each new version of its main text is an article."""
        rec = _page_record(resp, "", out.source.get("name"), resp.url)
        if isinstance(rec, str):
            out.error = FetchError(resp.url, rec, transient=False, kind="content")
            return
        key = "sha:" + content_hash(rec.text)[:32]
        if self.is_seen(out.source["id"], [key]):
            out.unchanged = True
            return
        rec.uid = f"{resp.url}#{key[4:20]}"
        out.records.append((key, rec))

    def _feed(self, out: Fetched, resp: Response) -> None:
        parsed = feedparser.parse(resp.content)
        if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
            why = parsed.get("bozo_exception")
            out.error = FetchError(resp.url, f"malformed feed: {why or 'not RSS/Atom'}",
                                   transient=False, kind="content")
            return
        if parsed.get("bozo"):
            log.warning("source %s: malformed feed (%s); using the %d entries that could be read",
                        out.source.get("name") or out.source["url"],
                        parsed.get("bozo_exception"), len(parsed.entries))
        site = out.source.get("name") or parsed.feed.get("title") or parsed.feed.get("link")
        entries = list(enumerate(parsed.entries, start=1))
        keys = [entry_key(e, i) for i, e in entries]
        seen = self.is_seen(out.source["id"], keys)
        fresh = [(k, i, e) for (i, e), k in zip(entries, keys, strict=True) if k not in seen]
        fresh = list({k: (k, i, e) for k, i, e in fresh}.values())  # one per key
        if not fresh:
            out.unchanged = True
            return
        limit = self.options.max_new_per_source
        if len(fresh) > limit:
            out.notes.append(f"{len(fresh) - limit} more new entries left for the next poll")
            fresh = fresh[:limit]
        opts = ReadOptions(origin=resp.url, name=resp.url, source=out.source.get("name"),
                           max_bytes=self.options.max_article_bytes)
        for key, index, entry in fresh:
            link = urljoin(resp.url, entry["link"]) if entry.get("link") else None
            uid = article_uid(key, link, resp.url)
            fallback = entry_record(entry, index, site, opts)
            if isinstance(fallback, RawRecord):
                fallback.uid = uid
                fallback.url = link
                fallback.source = site
            record = self._article(uid, link, entry, fallback, site)
            if record is not None:
                out.records.append((key, record))

    def _article(self, uid: str, link: str | None, entry: Any, fallback: RawRecord | Reject,
                 site: str | None) -> RawRecord | Reject | None:
        """The entry's article page through trafilatura, else the feed's own
        content; None to leave the entry for the next poll."""
        if not link or not self.options.fetch_pages:
            return fallback
        try:
            page = self.fetcher.get(link)
        except FetchError as exc:
            if isinstance(fallback, RawRecord):
                log.info("article %s: %s; using the feed's content", link, exc)
                return fallback
            if exc.transient:
                log.warning("article %s: %s; will retry at the next poll", link, exc)
                return None
            return Reject(link, f"article page: {exc}", "E010", None, entry.get("title"))
        rec = _page_record(page, uid, site, link)
        if isinstance(rec, str):
            if isinstance(fallback, RawRecord):
                log.info("article %s: %s; using the feed's content", link, rec)
                return fallback
            return Reject(link, f"article page: {rec}", "E010", None, entry.get("title"))
        # The feed knows the entry's title and date better than a page's template.
        if isinstance(fallback, RawRecord):
            rec.title = fallback.title or rec.title
            if fallback.published.known:
                rec.published = fallback.published
        elif entry.get("title"):
            rec.title = str(entry.get("title"))
        rec.source = site or rec.source
        return rec


def _group_by_host(rows: Iterable[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(host_key(r["url"]), []).append(r)
    return list(groups.values())


def _ingest(store: Store, fetched: Fetched, max_bytes: int) -> tuple[list[str], int]:
    items = [rec for _key, rec in fetched.records]
    report = pipeline.ingest(store, items, pipeline.PipelineOptions(max_bytes=max_bytes))
    uids: list[str | None] = []
    for _key, rec in fetched.records:
        uids.append(rec.uid if isinstance(rec, RawRecord) else None)
    with store.begin() as conn:
        src_q.mark_seen(conn, fetched.source["id"],
                        [(k, u) for (k, _r), u in zip(fetched.records, uids, strict=True)])
    return report.added, len(report.rejects)


def run_pass(
    store: Store, fetcher: Fetcher, options: PollOptions | None = None, *,
    at: datetime | None = None, analyze: bool = True, cluster: bool = True,
    alerts: bool = True, echo: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
) -> PassReport:
    """Poll every due source once; the cron-friendly unit of work."""
    options = options or PollOptions()
    at = at or src_q.now()
    with store.connect() as conn:
        candidates = src_q.due_sources(conn, at)
    due = []
    for row in candidates:  # one short transaction each: never a long write lock
        with store.begin() as conn:
            if src_q.claim(conn, row["id"], at, options.lease):
                due.append(row)
    report = PassReport()
    if not due:
        return report

    def is_seen(source_id: int, keys: list[str]) -> set[str]:
        with store.connect() as conn:
            return src_q.seen_keys(conn, source_id, keys)

    poller = Poller(fetcher, options, is_seen)

    def work(group: list[dict[str, Any]]) -> list[Fetched]:
        out = []
        for s in group:
            if stop is not None and stop.is_set():
                break
            out.append(poller.fetch_source(s))
        return out

    groups = _group_by_host(due)
    with ThreadPoolExecutor(max_workers=max(1, min(options.workers, len(groups)))) as pool:
        futures = [pool.submit(work, g) for g in groups]
        try:
            for fut in as_completed(futures):
                for fetched in fut.result():
                    report.outcomes.append(_settle(store, fetched, fetcher, options))
        finally:
            # Claimed but not polled (stopped, or a pass that failed): due again now.
            done = {o.source_id for o in report.outcomes}
            with store.begin() as conn:
                for row in due:
                    if row["id"] not in done:
                        src_q.release(conn, row["id"], at)
    if report.added:
        # Only what this pass added: a watcher does not take over work an
        # interrupted ``veille ingest`` left (that command's rerun finishes it).
        processed = pipeline.process(store, report.added, pipeline.PipelineOptions(
            analyze=analyze, cluster=cluster, finish_pending=False,
            max_bytes=options.max_article_bytes))
        report.analyze, report.cluster = processed.analyze, processed.cluster
    if alerts:
        report.alerts = evaluate(store, report.added, echo=echo)
        redeliver(store, echo=echo)
        report.digests = _digests(store, options)
    return report


def _digests(store: Store, options: PollOptions) -> list[SendResult]:
    """The e-mail digests of the watchlists that have an ``email`` channel:
    after every pass, so a digest a server refused is tried again (its mark
    has not moved) and a pass with nothing new sends nothing."""
    settings = Settings() if options.smtp is None or options.public_url is None else None
    smtp = options.smtp or SmtpConfig.from_settings(settings or Settings())
    base = options.public_url if options.public_url is not None else (settings or Settings()).public_url
    n = options.digest_max_stories or (settings or Settings()).digest_max_stories
    return send_digests(store, smtp, base_url=base, max_stories=n)


def _settle(store: Store, fetched: Fetched, fetcher: Fetcher, options: PollOptions) -> SourceOutcome:
    """Write one source's result: articles, seen entries, schedule, and a log line."""
    src = fetched.source
    at = src_q.now()
    name = src.get("name") or src["url"]
    if fetched.error is not None:
        err = fetched.error
        failures = int(src.get("failures") or 0) + 1
        policy = fetcher.policy
        delay = backoff_delay(failures, policy.backoff_base, policy.backoff_cap, err.retry_after)
        with store.begin() as conn:
            src_q.record_failure(conn, src["id"], at=at, error=str(err), delay=delay,
                                 failures=failures)
        extra = f", server asked {err.retry_after:g}s" if err.retry_after is not None else ""
        log.warning("source %s: %s (failure %d%s); next try in %.3gs", name, err, failures,
                    extra, delay)
        return SourceOutcome(src["id"], src["url"], "error", error=str(err), retry_in=delay)
    resp = fetched.response
    assert resp is not None
    added: list[str] = []
    rejected = 0
    if fetched.records:
        added, rejected = _ingest(store, fetched, options.max_article_bytes)
    with store.begin() as conn:
        src_q.record_success(conn, src["id"], at=at, every=float(src["every"]),
                             etag=resp.etag, last_modified=resp.last_modified,
                             keep_validators=resp.not_modified)
    for note in fetched.notes:
        log.info("source %s: %s", name, note)
    if resp.not_modified:
        log.info("source %s: not modified (HTTP 304)", name)
        return SourceOutcome(src["id"], src["url"], "not_modified")
    if not fetched.records:
        log.info("source %s: nothing new", name)
        return SourceOutcome(src["id"], src["url"], "unchanged")
    log.info("source %s: %d new entries, %d articles added, %d rejected", name,
             len(fetched.records), len(added), rejected)
    return SourceOutcome(src["id"], src["url"], "new", added=added, rejected=rejected)


def run_forever(
    store: Store, fetcher: Fetcher, options: PollOptions | None = None, *,
    stop: threading.Event, max_sleep: float = 60.0, **kwargs: Any,
) -> int:
    """Pass after pass until ``stop`` is set; sleeps until the next source is
    due (at most ``max_sleep`` so sources added meanwhile are picked up)."""
    passes = 0
    while not stop.is_set():
        try:
            run_pass(store, fetcher, options, stop=stop, **kwargs)
        except Exception:  # noqa: BLE001 - one bad pass must not end the watcher
            log.exception("watch pass failed; trying again at the next wake-up")
        passes += 1
        with store.connect() as conn:
            wake = src_q.next_wakeup(conn)
        sleep = max_sleep if wake is None else (wake - src_q.now()).total_seconds()
        stop.wait(min(max(sleep, 0.01), max_sleep))
    return passes
