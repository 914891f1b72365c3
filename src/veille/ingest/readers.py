"""One reader per input format, registered by name.

A reader turns the bytes of one file into records; it never raises for bad
content: it yields a :class:`Reject` naming the file, the line and the reason,
and goes on with the rest (trafilatura's cascade habit: fall through, don't
crash). Readers are pure: they do not touch the store.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from veille.core.errors import VeilleError
from veille.core.model import DateRange, RawRecord, Reject
from veille.ingest.dates import month_range, parse_date
from veille.ingest.decode import decode_noted, loads_bounded
from veille.ingest.feed import parse_feed
from veille.ingest.html import extract_page
from veille.ingest.records import Item, ReadOptions

Reader = Callable[[bytes, ReadOptions], Iterator[Item]]
log = logging.getLogger("veille.ingest")

READERS: dict[str, Reader] = {}


def register(name: str) -> Callable[[Reader], Reader]:
    def deco(fn: Reader) -> Reader:
        READERS[name] = fn
        return fn

    return deco


def _reject(opts: ReadOptions, err: VeilleError, line: int | None = None, raw: Any = None) -> Reject:
    raw_text = raw if isinstance(raw, str) or raw is None else repr(raw)
    return Reject(opts.origin, err.reason, err.code, line, raw_text[:2000] if raw_text else None)


def _decode(data: bytes, opts: ReadOptions) -> str | Reject:
    if not data.strip():
        return _reject(opts, VeilleError("E002", "the file is empty"))
    try:
        decoded = decode_noted(data)
    except VeilleError as err:
        return _reject(opts, err)
    _note(opts, decoded.note)
    return decoded.text


def _note(opts: ReadOptions, note: str | None, line: int | None = None) -> None:
    """A repair the reader made (bad bytes replaced, a legacy charset), said
    on the log; the origin is repr()-quoted, so a hostile file name cannot
    write to the terminal."""
    if note:
        where = f"{opts.origin!r}" + (f" line {line}" if line is not None else "")
        log.warning("%s: %s", where, note)


def _too_big(data: bytes, opts: ReadOptions, limit: int | None = None) -> Reject | None:
    limit = limit or opts.max_bytes
    if len(data) > limit:
        return _reject(
            opts, VeilleError("E011", f"{len(data):,} bytes is over the {limit:,}-byte limit")
        )
    return None


def _single_article_text(data: bytes, opts: ReadOptions) -> str | Reject:
    """The text of a one-article file (seed, text, HTML): size limit, then decoding."""
    return _too_big(data, opts) or _decode(data, opts)


# --- seed format --------------------------------------------------------------
SEED_HEADER = re.compile(r"^\s*date\s+(\S+)\s*", re.IGNORECASE)
_SEED_DATE = re.compile(r"^(\d{4})-(\d{1,2})$")


def is_seed(text: str) -> bool:
    """A ``date`` line followed by something date-like ("date 2023-06", but
    also a malformed "date 2023/06" or "date 06-2023", which the seed reader
    then rejects with its reason instead of storing the line as text)."""
    return bool(re.match(r"^\s*date\s+\d", text, re.IGNORECASE))


@register("seed")
def read_seed(data: bytes, opts: ReadOptions) -> Iterator[Item]:
    """``date YYYY-MM`` then the body, on the same line and the next ones."""
    text = _single_article_text(data, opts)
    if isinstance(text, Reject):
        yield text
        return
    m = SEED_HEADER.match(text)
    if not m:
        first = text.strip().splitlines()[0][:80] if text.strip() else ""
        yield _reject(
            opts, VeilleError("E005", f"first line must start with 'date YYYY-MM', got {first!r}"), 1
        )
        return
    dm = _SEED_DATE.match(m.group(1))
    if not dm:
        yield _reject(opts, VeilleError("E006", f"{m.group(1)!r} is not YYYY-MM"), 1)
        return
    try:
        published = month_range(int(dm.group(1)), int(dm.group(2)))
    except VeilleError as err:
        yield _reject(opts, err, 1)
        return
    yield RawRecord(
        text=text[m.end() :], origin=opts.origin, uid=opts.name, source=opts.source,
        published=published, fmt="seed",
    )


# --- plain text ---------------------------------------------------------------
@register("text")
def read_text(data: bytes, opts: ReadOptions) -> Iterator[Item]:
    """A plain article; date and source come from options or a sidecar, else
    stay unknown (never invented)."""
    text = _single_article_text(data, opts)
    if isinstance(text, Reject):
        yield text
        return
    meta = opts.meta or {}
    try:
        published = opts.published or parse_date(meta.get("published") or meta.get("date"))
    except VeilleError as err:
        yield _reject(opts, err)
        return
    yield RawRecord(
        text=text, origin=opts.origin, uid=str(meta.get("id") or opts.name),
        url=_str(meta.get("url")), source=opts.source or _str(meta.get("source")),
        title=_str(meta.get("title")), published=published,
        language=_str(meta.get("language")), fmt="text",
    )


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


# --- JSONL --------------------------------------------------------------------
_JSONL_FIELDS = ("id", "url", "source", "published", "title", "language")
# Other names the same fields go by in common news dumps (news-please's
# `maintext`/`date_publish`/`source_domain`, RSS-style `link`/`pubDate`,
# `body`/`content`, `headline`, `date`): the first one present is used, the
# veille name first.  `id` has no alias: ids are kept exactly as given.
_JSONL_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext"),
    "published": ("published", "date", "published_at", "date_publish", "pubDate"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "source_domain"),
    "language": ("language", "lang"),
    "id": ("id",),
}


def _jsonl_field(obj: dict[str, Any], name: str) -> tuple[str, Any]:
    """(the key found, its value) for a field under its name or an alias."""
    for key in _JSONL_ALIASES[name]:
        if obj.get(key) is not None:
            return key, obj[key]
    return name, None


def read_jsonl_lines(lines: Iterable[bytes], opts: ReadOptions) -> Iterator[Item]:
    """One article a line; streams, so a corpus larger than memory is fine."""
    seen_any = False
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        if len(raw) > opts.max_bytes:
            yield _reject(opts, VeilleError(
                "E011", f"{len(raw):,} bytes is over the {opts.max_bytes:,}-byte limit"), lineno)
            continue
        try:
            decoded = decode_noted(raw)
            line = decoded.text
            obj = loads_bounded(line)
        except VeilleError as err:
            yield _reject(opts, err, lineno, raw.decode("utf-8", "replace") if err.code == "E017"
                          else None)
            continue
        except json.JSONDecodeError as exc:
            yield _reject(opts, VeilleError("E007", f"invalid JSON: {exc.msg} at column {exc.colno}"),
                          lineno, raw.decode("utf-8", "replace"))
            continue
        item = _jsonl_record(obj, opts, lineno, line)
        if isinstance(item, RawRecord):
            _note(opts, decoded.note, lineno)
        yield item
    if not seen_any:
        yield _reject(opts, VeilleError("E002", "the file is empty"))


def _jsonl_record(obj: Any, opts: ReadOptions, lineno: int, line: str) -> Item:
    if not isinstance(obj, dict):
        return _reject(opts, VeilleError("E008", f"expected a JSON object, got {type(obj).__name__}"),
                       lineno, line)
    text_key, text = _jsonl_field(obj, "text")
    if not isinstance(text, str) or not text.strip():
        return _reject(opts, VeilleError("E008", f"'{text_key}' is missing, empty or not a string"),
                       lineno, line)
    fields: dict[str, Any] = {}
    for name in _JSONL_FIELDS:
        key, value = _jsonl_field(obj, name)
        if value is not None and not isinstance(value, str | int | float):
            return _reject(opts, VeilleError("E016", f"'{key}' must be a string"), lineno, line)
        fields[name] = value
    try:
        published = parse_date(fields["published"]) if fields["published"] else (
            opts.published or DateRange.unknown())
    except VeilleError as err:
        return _reject(opts, err, lineno, line)
    uid = fields["id"]
    return RawRecord(
        text=text, origin=opts.origin, line=lineno,
        uid=str(uid) if uid not in (None, "") else f"{opts.name}#L{lineno}",
        url=_str(fields["url"]), source=_str(fields["source"]) or opts.source,
        title=_str(fields["title"]), published=published,
        language=_str(fields["language"]), fmt="jsonl",
    )


@register("jsonl")
def read_jsonl(data: bytes, opts: ReadOptions) -> Iterator[Item]:
    return read_jsonl_lines(data.splitlines(), opts)


# --- HTML ---------------------------------------------------------------------
MIN_HTML_WORDS = 5

@register("html")
def read_html(data: bytes, opts: ReadOptions) -> Iterator[Item]:
    """Main text, title, date and site name by trafilatura (date via htmldate)."""
    html = _single_article_text(data, opts)
    if isinstance(html, Reject):
        yield html
        return
    page = extract_page(html)
    # trafilatura's last fallback returns whatever text there is, so a page
    # with only a menu comes back as "Accueil": a handful of words is no article.
    if page is None or len((page.get("text") or "").split()) < MIN_HTML_WORDS:
        yield _reject(opts, VeilleError("E010", "no main text found in the page"))
        return
    try:
        published = opts.published or parse_date(page.get("date"))
    except VeilleError:
        published = DateRange.unknown()
    yield RawRecord(
        text=page["text"], origin=opts.origin, uid=opts.name, url=page.get("url"),
        source=opts.source or page.get("sitename") or page.get("hostname"),
        title=page.get("title"), published=published, language=page.get("language"), fmt="html",
    )


# --- RSS / Atom ---------------------------------------------------------------
@register("feed")
def read_feed(data: bytes, opts: ReadOptions) -> Iterator[Item]:
    """Each entry of an RSS/Atom feed becomes an article (feedparser)."""
    if big := _too_big(data, opts, opts.max_bytes * 20):
        yield big
        return
    if not data.strip():
        yield _reject(opts, VeilleError("E002", "the file is empty"))
        return
    yield from parse_feed(data, opts)


def detect_format(path: Path, head: bytes) -> str:
    """Extension first, then a sniff of the first bytes."""
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".rss", ".atom", ".xml"}:
        return "feed"
    sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if sniff.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed" if (b"<rss" in sniff or b"<feed" in sniff or b"<rdf" in sniff
                          or suffix != ".html") else "html"
    if sniff.startswith((b"<!doctype html", b"<html")):
        return "html"
    if sniff.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 (with its BOM): sniff the decoded text, not its bytes.
        text = head[: len(head) // 2 * 2].decode("utf-16", "ignore")
        return detect_format(path, text.encode("utf-8")) if text.strip() else "text"
    if is_seed(head[:200].decode("utf-8", "ignore")):
        return "seed"
    return "text"
