"""RSS/Atom feed files: one article per entry, via feedparser."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from veille.core.errors import VeilleError
from veille.core.model import DateRange, RawRecord, Reject
from veille.ingest.dates import parse_date
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
    try:
        published = _date(entry, opts)
    except VeilleError as err:
        return Reject(opts.origin, err.reason, err.code, index, (title or "")[:2000])
    return RawRecord(
        text=text, origin=opts.origin, line=index, uid=str(uid), url=entry.get("link"),
        source=opts.source or site, title=title, published=published, fmt="feed",
    )


def _date(entry: Any, opts: ReadOptions) -> DateRange:
    """The entry's date as feedparser parsed it; a date it could not parse is
    tried as JSONL's are, and one that is no date at all (year 99999) is an
    E012 reject, as in a JSONL record, never a silently undated article."""
    for key in ("published", "updated"):
        st = entry.get(key + "_parsed")
        if st:
            try:
                day = datetime.fromtimestamp(calendar.timegm(st), tz=UTC).date()
            except (OverflowError, ValueError, OSError):
                raise VeilleError("E012", f"{key} {entry.get(key)!r} is out of range") from None
            return DateRange(day, day, "day")
        raw = entry.get(key)
        if isinstance(raw, str) and raw.strip():
            return parse_date(raw)  # VeilleError E012 when it is not a date
    return opts.published or DateRange.unknown()


__all__ = ["entry_record", "parse_feed", "VeilleError"]
