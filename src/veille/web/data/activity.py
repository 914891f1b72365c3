"""How a story or an entity develops over time, and what changed in the last day.

Counts come from the store grouped by the articles' publication dates (at
their own precision: a date known to the month is counted in its month, and
a chart whose articles are not all dated to the day is drawn by month). They
feed :mod:`veille.web.charts`; nothing here draws.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, case, func, select

from veille.core.clock import now
from veille.store.schema import articles, mentions, stories, story_articles
from veille.web.charts import OTHER, Chart, Series

MAX_SERIES = 6  # named series in one chart; the rest are summed as "other"
MAX_DAYS = 92  # a longer span is drawn by month
MAX_MONTHS = 240


def bucket_of(start: str | None, end: str | None) -> str | None:
    """The day or month a publication date range falls in (None: wider or unknown)."""
    if not start or not end:
        return None
    if start == end and len(start) == 10:
        return start
    if start[:7] == end[:7]:
        return start[:7]
    return None


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out: list[str] = []
    while f"{y:04d}-{m:02d}" <= last[:7] and len(out) < MAX_MONTHS:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def axis(keys: Iterable[str]) -> tuple[list[str], bool]:
    """The ordered buckets to draw (gaps filled) and whether they are months."""
    keys = sorted(set(keys))
    if not keys:
        return [], False
    by_month = any(len(k) == 7 for k in keys)
    if not by_month:
        first, last = date.fromisoformat(keys[0]), date.fromisoformat(keys[-1])
        span = (last - first).days
        if span <= MAX_DAYS:
            return [(first + timedelta(days=i)).isoformat() for i in range(span + 1)], False
        by_month = True
    return _months(keys[0][:7], keys[-1][:7]), True


def series(rows: Iterable[tuple[str | None, str | None, str | None, int]],
           *, names: Sequence[str] | None = None,
           unknown: str = "unknown") -> tuple[list[str], list[Series], int]:
    """(start, end, name, count) rows -> buckets, the top series (then "other")
    and the count of undated rows. ``names`` fixes which series and their order."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    undated = 0
    for start, end, name, n in rows:
        b = bucket_of(start, end)
        if b is None:
            undated += n
            continue
        counts[name or unknown][b] += n
    buckets, monthly = axis(b for c in counts.values() for b in c)
    if monthly:
        for c in counts.values():
            for b in [b for b in c if len(b) == 10]:
                c[b[:7]] += c.pop(b)
    if names is None:
        ranked = sorted(counts, key=lambda k: (-sum(counts[k].values()), k))
        keep, rest = ranked[:MAX_SERIES], ranked[MAX_SERIES:]
    else:
        keep, rest = [n for n in names if n in counts], []
    out = [Series(name, dict(counts[name])) for name in keep]
    if rest:
        other: dict[str, int] = defaultdict(int)
        for name in rest:
            for b, n in counts[name].items():
                other[b] += n
        out.append(Series(OTHER if OTHER not in keep else f"{OTHER} ({len(rest)})", dict(other)))
    return buckets, out, undated


def _note(undated: int, unit: str) -> str:
    return f"{undated} {unit} without a day or month date not shown." if undated else ""


def _charts(prefix: str, what: str, by_source: Sequence[Any], by_lang: Sequence[Any],
            by_entity: Sequence[Any], entity_names: dict[str, str] | None,
            entity_order: Sequence[str] | None, mentions_title: str) -> list[tuple[Chart, str]]:
    out: list[tuple[Chart, str]] = []
    b, s, u = series(((r[0], r[1], r[2], int(r[3])) for r in by_source), unknown="unknown source")
    if b:
        out.append((Chart(f"{prefix}-sources", f"Articles {what} per {'month' if len(b[0]) == 7 else 'day'}"
                          ", by source", "articles", b, s, _note(u, "articles")), "bars"))
    b, s, u = series(((r[0], r[1], r[2], int(r[3])) for r in by_lang), unknown="unknown language")
    if b:
        out.append((Chart(f"{prefix}-languages", f"Articles {what} per {'month' if len(b[0]) == 7 else 'day'}"
                          ", by language", "articles", b, s, _note(u, "articles")), "bars"))
    names = entity_names or {}
    b, s, u = series(((r[0], r[1], names.get(r[2], r[2]), int(r[3])) for r in by_entity),
                     names=[names.get(e, e) for e in entity_order] if entity_order else None)
    if b:
        out.append((Chart(f"{prefix}-mentions", mentions_title, "mentions", b, s,
                          _note(u, "mentions")), "lines"))
    return out


def story_activity(conn: Connection, story_id: int,
                   top_entities: Sequence[dict[str, Any]] = ()) -> list[tuple[Chart, str]]:
    """Articles per day by source and by language, and the mentions of the
    story's most mentioned entities over time."""
    a = articles.c
    in_story = a.uid.in_(select(story_articles.c.article_uid).where(story_articles.c.story_id == story_id))
    n = func.count().label("n")
    by_source = conn.execute(select(a.published_start, a.published_end, a.source, n).where(in_story)
                             .group_by(a.published_start, a.published_end, a.source)).all()
    by_lang = conn.execute(select(a.published_start, a.published_end, a.language, n).where(in_story)
                           .group_by(a.published_start, a.published_end, a.language)).all()
    top = [e for e in top_entities[:5] if e.get("id")]
    by_entity: Sequence[Any] = []
    if top:
        ids = [str(e["id"]) for e in top]
        by_entity = conn.execute(
            select(a.published_start, a.published_end, mentions.c.entity_id, func.count().label("n"))
            .join(mentions, mentions.c.article_uid == a.uid)
            .where(in_story, mentions.c.entity_id.in_(ids))
            .group_by(a.published_start, a.published_end, mentions.c.entity_id)).all()
    names = {str(e["id"]): str(e.get("name") or e["id"]) for e in top}
    return _charts(f"story-{story_id}", "in this story", by_source, by_lang, by_entity, names,
                   [str(e["id"]) for e in top], "Mentions of its main entities over time")


def entity_activity(conn: Connection, entity_id: str, name: str) -> list[tuple[Chart, str]]:
    """Articles mentioning the entity per day by source and by language, and its mentions."""
    a = articles.c
    mentioned = a.uid.in_(select(mentions.c.article_uid).where(mentions.c.entity_id == entity_id))
    n = func.count().label("n")
    by_source = conn.execute(select(a.published_start, a.published_end, a.source, n).where(mentioned)
                             .group_by(a.published_start, a.published_end, a.source)).all()
    by_lang = conn.execute(select(a.published_start, a.published_end, a.language, n).where(mentioned)
                           .group_by(a.published_start, a.published_end, a.language)).all()
    by_entity = conn.execute(
        select(a.published_start, a.published_end, mentions.c.entity_id, func.count().label("n"))
        .join(mentions, mentions.c.article_uid == a.uid).where(mentions.c.entity_id == entity_id)
        .group_by(a.published_start, a.published_end, mentions.c.entity_id)).all()
    return _charts("entity", f"mentioning {name}", by_source, by_lang, by_entity, {entity_id: name},
                   [entity_id], f"Mentions of {name} over time")


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def recent_changes(conn: Connection, *, at: datetime | None = None, hours: int = 24,
                   limit: int = 8) -> dict[str, Any]:
    """What changed in the last ``hours`` of the store's clock (when stories got
    their articles, not when the articles were published): new stories, and
    older stories with new articles."""
    at = at or now()
    since = at - timedelta(hours=hours)
    sa = story_articles.c
    fresh = func.sum(case((sa.assigned_at >= since, 1), else_=0)).label("fresh")
    rows = conn.execute(
        select(sa.story_id, func.min(sa.assigned_at).label("first"), func.max(sa.assigned_at).label("last"),
               fresh, func.count().label("size"))
        .where(sa.story_id.in_(select(sa.story_id).where(sa.assigned_at >= since)))
        .group_by(sa.story_id)).all()
    new = sorted((r for r in rows if _aware(r.first) >= since), key=lambda r: (-r.size, -r.story_id))
    grown = sorted((r for r in rows if _aware(r.first) < since), key=lambda r: (-r.fresh, -r.story_id))
    shown = [r.story_id for r in new[:limit]] + [r.story_id for r in grown[:limit]]
    titles = {r.id: r.title or r.view_title for r in conn.execute(
        select(stories.c.id, stories.c.title,
               stories.c.view["title"]["text"].as_string().label("view_title"))
        .where(stories.c.id.in_(shown)))} if shown else {}
    last = conn.execute(select(func.max(articles.c.ingested_at))).scalar()
    return {
        # Said as a time, not "the last 24 hours": a page kept by the response
        # cache (emptied on every commit) stays true however long it is kept.
        "hours": hours, "since": since.isoformat(timespec="minutes"),
        "since_label": since.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "new": [{"id": r.story_id, "title": titles.get(r.story_id), "n_articles": int(r.size)}
                for r in new[:limit]],
        "n_new": len(new),
        "grown": [{"id": r.story_id, "title": titles.get(r.story_id), "n_new_articles": int(r.fresh),
                   "n_articles": int(r.size)} for r in grown[:limit]],
        "n_grown": len(grown),
        "last_ingest": _aware(last).isoformat(timespec="minutes") if last else None,
    }
