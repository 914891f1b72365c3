"""RSS/Atom feed files: one article per entry, via feedparser."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from veille.core.errors import VeilleError
from veille.core.model import DateRange, RawRecord, Reject
from veille.ingest.html import html_fragment_text
from veille.ingest.records import Item, ReadOptions


def parse_feed(data: bytes, opts: ReadOptions) -> Iterator[Item]:
    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    if not version or (parsed.get("bozo") and not parsed.entries):
        why = parsed.get("bozo_exception")
        detail = f": {why}" if why else ""
        yield Reject(opts.origin, f"not a readable RSS/Atom feed{detail}", "E009")
        return
    if not parsed.entries:
        # A well-formed feed with nothing in it: say so rather than add nothing silently.
        yield Reject(opts.origin, "the feed has no entries", "E002")
        return
    site = parsed.feed.get("title") or parsed.feed.get("link")
    for index, entry in enumerate(parsed.entries, start=1):
        yield entry_record(entry, index, site, opts)


def entry_record(entry: Any, index: int, site: str | None, opts: ReadOptions) -> Item:
    """One feed entry as a record (the watcher reads its feeds' entries with it too)."""
    body = ""
    if entry.get("content"):
        body = max((c.get("value", "") for c in entry.content), key=len)
    body = body or entry.get("summary", "") or ""
    text = html_fragment_text(body).strip()
    title = html_fragment_text(entry.get("title", "")).strip() or None
    if not text:
        return Reject(opts.origin, "the entry has no content or summary text", "E008", index,
                      (title or "")[:2000])
    uid = entry.get("id") or entry.get("link") or f"{opts.name}#{index}"
    return RawRecord(
        text=text, origin=opts.origin, line=index, uid=str(uid), url=entry.get("link"),
        source=opts.source or site, title=title, published=_date(entry, opts), fmt="feed",
    )


def _date(entry: Any, opts: ReadOptions) -> DateRange:
    for key in ("published_parsed", "updated_parsed"):
        st = entry.get(key)
        if st:
            day = datetime.fromtimestamp(calendar.timegm(st), tz=UTC).date()
            return DateRange(day, day, "day")
    return opts.published or DateRange.unknown()


__all__ = ["entry_record", "parse_feed", "VeilleError"]
