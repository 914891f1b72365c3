"""Quotes, read from the per-article analyses (no quote table: the analysis JSON is the truth).

The API, the pages and ``veille export`` list quotes through this module.

Paging walks analyses in ingest order and stops once a page is full, so a
page costs the articles it reads, not the corpus. A speaker filter first
narrows the articles with an index (mentions of the speaker's entity) or, for
a bare name, a text match on the stored JSON, then checks each quote exactly.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, String, cast, func, select

from veille.core.model import Quote
from veille.core.records import item_from_dict
from veille.core.text import fold_word as fold  # the search index's fold, as before
from veille.store.schema import analyses, articles, entities, mentions

_CHUNK = 200

#: What a reader calls a quote: words somebody said or wrote. "title" and
#: "term" are quote marks around a name or a scare-quoted word
#: (core.model.Quote.kind), which a story's "who said what" leaves out too
#: (stories.speakers.NOT_SPEECH): the quotes page shows these by default.
SPEECH_KINDS = frozenset({"direct", "partial", "indirect"})
ALL_KINDS = SPEECH_KINDS | {"title", "term"}


def kinds_of(values: Collection[str] | None) -> frozenset[str] | None:
    """The ``kind`` parameter of the API and the page: quote kinds, or the
    shorthands "speech" (direct, partial, indirect) and "all"; None or "all"
    anywhere means no filter."""
    if not values or "all" in values:
        return None
    out: set[str] = set()
    for v in values:
        out |= SPEECH_KINDS if v == "speech" else {v}
    return frozenset(out)


def _speaker_matches(qt: Quote, speaker: str, is_entity: bool) -> bool:
    if is_entity:
        return qt.speaker_entity_id == speaker
    want = fold(speaker)
    names = (qt.speaker, qt.speaker_canonical)
    return any(n and want in fold(n) for n in names)


def list_quotes(
    conn: Connection, *, speaker: str | None = None, after: tuple[int, int] | None = None,
    limit: int = 20, kinds: Collection[str] | None = None,
) -> tuple[list[dict[str, Any]], tuple[int, int] | None]:
    """Quotes in ingest order; ``speaker`` is an entity id or part of a speaker's name.

    ``kinds`` keeps only those quote kinds (None: all). The filter runs inside
    the paging loop so that a page is full and its cursor stays (seq, index)."""
    is_entity = bool(speaker) and conn.execute(
        select(entities.c.entity_id).where(entities.c.entity_id == speaker)).first() is not None
    stmt = (select(articles.c.seq, articles.c.uid, articles.c.source, articles.c.published,
                   articles.c.language, articles.c.title, analyses.c.data)
            .join(analyses, analyses.c.article_uid == articles.c.uid).order_by(articles.c.seq))
    if speaker and is_entity:
        stmt = stmt.where(articles.c.uid.in_(
            select(mentions.c.article_uid).where(mentions.c.entity_id == speaker)))
    elif speaker:
        stmt = stmt.where(func.lower(cast(analyses.c.data, String)).like(
            "%" + speaker.lower().replace("%", "").replace("_", "") + "%"))
    last_seq, last_idx = after if after else (0, -1)
    out: list[dict[str, Any]] = []
    # Each row carries a whole analysis (JSON with every mention and sentence):
    # read few first, as a page usually fills from its first articles, then more.
    chunk = 4
    while True:
        rows = conn.execute(stmt.where(articles.c.seq >= last_seq).limit(chunk)).all()
        for r in rows:
            data = r.data or {}
            for i, stored in enumerate(data.get("quotes") or []):
                if r.seq == last_seq and i <= last_idx:
                    continue
                qt = item_from_dict(Quote, stored)
                if qt is None or (speaker and not _speaker_matches(qt, speaker, is_entity)):
                    continue
                if kinds is not None and stored.get("kind", "direct") not in kinds:
                    continue
                if len(out) == limit:
                    prev = out[-1]
                    return out, (prev["_seq"], prev["index"])
                out.append({
                    "article_id": r.uid, "index": i, "text": qt.text,
                    "speaker": qt.speaker_canonical or qt.speaker,
                    "speaker_surface": qt.speaker, "speaker_entity_id": qt.speaker_entity_id,
                    "kind": stored.get("kind"), "verb": qt.verb, "start": qt.start,
                    "end": qt.end, "source": r.source, "published": r.published,
                    "language": r.language, "article_title": r.title, "_seq": r.seq,
                })
        if len(rows) < chunk:
            break
        last_seq, last_idx = rows[-1].seq + 1, -1
        chunk = min(_CHUNK, chunk * 2)
    return out, None


def public(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in it.items() if not k.startswith("_")} for it in items]
