"""Exports of stories, articles, entities and quotes as JSON, JSONL, CSV or Parquet.

Rows are produced in pages straight from the store (never the whole table in
memory, except the one Parquet row group in flight), so the CLI and the API
can stream an export of any size. Nested values (lists, views) stay nested in
JSON/JSONL (for programs) and become JSON strings in Parquet. The stories CSV
is for spreadsheets: flat columns (``CSV_COLUMNS``), lists joined with "; ",
the first summary sentence instead of the view, and the URL of the story's
page, because a view's JSON in one cell overflowed a spreadsheet's 32,767
characters per cell for most real stories (docs/measured/quality-stories.md).

One story as a report (Markdown, HTML) or as CSV tables of its timeline and
quotes: :mod:`veille.export.story`; the links they print: :mod:`veille.export.links`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import IO, Any

from sqlalchemy import Connection, select

from veille.export.cells import inert
from veille.export.links import story_url
from veille.store import quotes as quote_data
from veille.store.corrections import all_corrections
from veille.store.schema import articles, entities, stories, story_articles

KINDS = ("stories", "articles", "entities", "quotes", "corrections")
FORMATS = ("json", "jsonl", "csv", "parquet")
MEDIA_TYPES = {"json": "application/json", "jsonl": "application/x-ndjson",
               "csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}
PAGE = 500
#: Put before a CSV on request: Excel opens a CSV without it in the machine's
#: legacy code page, so "Est Républicain" reads "Est RÃ©publicain" and every
#: curly apostrophe of an English article "â€™"; LibreOffice, Google Sheets,
#: pandas and Python's "utf-8-sig" read it as the mark it is. Not the default:
#: a program reading the CSV as plain UTF-8 would see it in the first header.
BOM = "\ufeff"

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "source", "published", "published_start", "published_end", "date_precision",
                 "language", "title", "url", "duplicate_of", "story_id", "n_chars", "text"),
    "stories": ("id", "title", "size", "first_published", "last_published", "languages", "sources",
                "article_ids", "summary", "view"),
    "entities": ("id", "name", "label", "aliases", "mentions", "languages"),
    "quotes": ("article_id", "index", "text", "speaker", "speaker_entity_id", "kind", "verb",
               "start", "end", "source", "published", "language"),
    "corrections": ("id", "action", "entity_id", "target_id", "name", "aliases", "article_uid",
                    "start", "end", "author", "note", "created_at"),
}
# The spreadsheet form of a kind, where it differs from COLUMNS (no JSON in a cell).
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "stories": ("id", "title", "first_published", "last_published", "size", "n_sources", "sources",
                "languages", "first_sentence", "url"),
}
LIST_SEPARATOR = "; "
INT_COLUMNS = {"n_chars", "size", "mentions", "index", "start", "end", "story_id", "id:stories"}


def _articles(conn: Connection) -> Iterator[dict[str, Any]]:
    last = 0
    while True:
        rows = conn.execute(
            select(articles, story_articles.c.story_id)
            .outerjoin(story_articles, story_articles.c.article_uid == articles.c.uid)
            .where(articles.c.seq > last).order_by(articles.c.seq).limit(PAGE)).all()
        for r in rows:
            yield {"id": r.uid, "source": r.source, "published": r.published,
                   "published_start": r.published_start, "published_end": r.published_end,
                   "date_precision": r.date_precision, "language": r.language, "title": r.title,
                   "url": r.url, "duplicate_of": r.duplicate_of, "story_id": r.story_id,
                   "n_chars": r.n_chars, "text": r.text}
        if len(rows) < PAGE:
            return
        last = rows[-1].seq


def _stories(conn: Connection) -> Iterator[dict[str, Any]]:
    last = 0
    while True:
        rows = conn.execute(select(stories).where(stories.c.id > last).order_by(stories.c.id)
                            .limit(PAGE)).all()
        for r in rows:
            ids = list(conn.execute(select(story_articles.c.article_uid)
                                    .where(story_articles.c.story_id == r.id)
                                    .order_by(story_articles.c.article_uid)).scalars())
            view = r.view if isinstance(r.view, dict) else {}
            title = r.title or (view.get("title") or {}).get("text")
            yield {"id": r.id, "title": title, "size": r.size, "first_published": r.first_published,
                   "last_published": r.last_published, "languages": r.languages or [],
                   "sources": r.sources or [], "article_ids": ids,
                   "summary": view.get("summary") or [], "view": view or None}
        if len(rows) < PAGE:
            return
        last = rows[-1].id


def _entities(conn: Connection) -> Iterator[dict[str, Any]]:
    last = ""
    while True:
        rows = conn.execute(select(entities).where(entities.c.entity_id > last)
                            .order_by(entities.c.entity_id).limit(PAGE)).all()
        for r in rows:
            yield {"id": r.entity_id, "name": r.canonical, "label": r.label,
                   "aliases": list(r.aliases or []), "mentions": r.n_mentions or 0,
                   "languages": list(r.languages or [])}
        if len(rows) < PAGE:
            return
        last = rows[-1].entity_id


def _quotes(conn: Connection) -> Iterator[dict[str, Any]]:
    after = None
    while True:
        items, after = quote_data.list_quotes(conn, after=after, limit=PAGE)
        for it in items:
            yield {k: it.get(k) for k in COLUMNS["quotes"]}
        if after is None:
            return


def _corrections(conn: Connection) -> Iterator[dict[str, Any]]:
    """People's corrections of the entity linking, oldest first (with who and when):
    re-importing them into another store replays the same decisions."""
    for c in all_corrections(conn):
        yield {k: getattr(c, k) for k in COLUMNS["corrections"]}


ROWS: dict[str, Callable[[Connection], Iterator[dict[str, Any]]]] = {
    "articles": _articles, "stories": _stories, "entities": _entities, "quotes": _quotes,
    "corrections": _corrections,
}


def rows(conn: Connection, kind: str) -> Iterator[dict[str, Any]]:
    if kind not in ROWS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return ROWS[kind](conn)


def _flat(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _flat_story(row: dict[str, Any], base_url: str) -> dict[str, Any]:
    """A stories row as spreadsheet cells: lists joined, the view reduced to
    its first summary sentence, and the story page's URL."""
    summary = row.get("summary") or []
    first = summary[0].get("text") if summary and isinstance(summary[0], dict) else None
    sources = [str(s).split(":", 1)[-1] for s in row.get("sources") or []]
    return {"id": row["id"], "title": row.get("title"), "first_published": row.get("first_published"),
            "last_published": row.get("last_published"), "size": row.get("size"),
            "n_sources": len(sources), "sources": LIST_SEPARATOR.join(sources),
            "languages": LIST_SEPARATOR.join(str(x) for x in row.get("languages") or []),
            "first_sentence": " ".join(str(first).split()) if first else None,
            "url": story_url(base_url, int(row["id"]))}


def iter_text(kind: str, fmt: str, items: Iterator[dict[str, Any]], *,
              base_url: str = "") -> Iterator[str]:
    """Text formats as chunks, for streaming. ``base_url`` (where ``veille
    serve`` is reached) prefixes the page URLs of the stories CSV; without
    it they are paths (``/stories/12``)."""
    if fmt == "jsonl":
        for it in items:
            yield json.dumps(it, ensure_ascii=False, default=str) + "\n"
    elif fmt == "json":
        yield "["
        for i, it in enumerate(items):
            yield ("," if i else "") + "\n" + json.dumps(it, ensure_ascii=False, default=str)
        yield "\n]\n"
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(CSV_COLUMNS.get(kind, COLUMNS[kind])),
                           extrasaction="ignore")
        w.writeheader()
        for i, it in enumerate(items):
            if kind == "stories":
                it = {k: inert(v) for k, v in _flat_story(it, base_url).items()}
            w.writerow({k: _flat(v) for k, v in it.items()})
            if i % 200 == 199:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()
    else:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")


def _arrow_schema(kind: str) -> Any:
    import pyarrow as pa

    fields = []
    for c in COLUMNS[kind]:
        is_int = c in INT_COLUMNS or (c == "id" and kind in ("stories", "corrections"))
        fields.append(pa.field(c, pa.int64() if is_int else pa.string()))
    return pa.schema(fields)


def write_parquet(kind: str, items: Iterator[dict[str, Any]], out: IO[bytes] | str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(kind)
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            cols = {f.name: [_flat(b.get(f.name)) for b in batch] for f in schema}
            writer.write_table(pa.table(cols, schema=schema))
            batch.clear()

        for it in items:
            batch.append(it)
            n += 1
            if len(batch) >= 5000:
                flush()
        if batch or n == 0:
            flush()
    return n


def export(conn: Connection, kind: str, fmt: str, out: IO[Any], *, base_url: str = "") -> None:
    """Write the whole export to a binary stream."""
    items = rows(conn, kind)
    if fmt == "parquet":
        write_parquet(kind, items, out)
        return
    for chunk in iter_text(kind, fmt, items, base_url=base_url):
        out.write(chunk.encode("utf-8"))
