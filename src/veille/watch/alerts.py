"""Watchlists, matching and alert delivery.

A watchlist names entities (matched through the store's canonical entities
and their aliases, so "Zelenskiy" finds the Zelenskyy entity) and/or search
queries (every term present, case- and accent-insensitive, as a whole word
or as the same Snowball stem as the search module uses, so "crues" finds
"crue"; "quoted phrases" kept together, in order; ``source:rt.com`` keeps the articles of
that outlet, alone: all of them). An alert is recorded once per watchlist and
subject (key unique in the store), then delivered by the watchlist's
channels: ``print``, ``jsonl:PATH`` (one JSON object appended per alert) and
``webhook:URL`` (JSON POSTed); ``email`` / ``email:ADDRESS,...`` gathers the
alerts into e-mail digests instead (:mod:`veille.watch.digests`). A delivery failure is recorded on the alert,
logged, and retried by later passes with backoff; it never stops the watcher.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from veille.services.queries import source_values
from veille.store import Store
from veille.store.schema import alerts, entities, story_articles, watchlists
from veille.stories.title import first_lines
from veille.watch.changes import story_changes_for_watch
from veille.watch.digests import article_name, check_addresses
from veille.watch.fetch import USER_AGENT
from veille.watch.matching import ArticleFacts, fold, load_article, query_matches_tokens, split_sources
from veille.watch.sources import ConfigError, WatchlistSpec, now

log = logging.getLogger("veille.watch")

CHANNEL_KINDS = ("print", "jsonl", "webhook", "email")
DIGEST_KINDS = ("email",)  # sent as digests (watch.digests), not alert by alert
WEBHOOK_TIMEOUT = 10.0
MAX_ATTEMPTS = 5  # deliveries per channel, the first included
RETRY_BASE = 60.0  # seconds before the first retry, doubled each time
RETRY_WINDOW = 24 * 3600.0  # alerts older than this are not retried


def check_channel(channel: str) -> str:
    kind, _, arg = channel.partition(":")
    if kind not in CHANNEL_KINDS:
        raise ConfigError(f"channel {channel!r}: use print, jsonl:PATH, webhook:URL, email "
                          "or email:ADDRESS[,ADDRESS]")
    if kind == "email" and arg:
        check_addresses(arg)
    if kind == "jsonl" and not arg:
        raise ConfigError(f"channel {channel!r}: jsonl needs a file path (jsonl:alerts.jsonl)")
    if kind == "webhook" and not arg.startswith(("http://", "https://")):
        raise ConfigError(f"channel {channel!r}: webhook needs an http(s) URL")
    return channel


# --- watchlists in the store --------------------------------------------------------
def save_watchlist(conn: Connection, spec: WatchlistSpec) -> int:
    """Create or replace the watchlist of that name."""
    if not spec.name.strip():
        raise ConfigError("a watchlist needs a name")
    if not spec.entities and not spec.queries:
        raise ConfigError(f"watchlist {spec.name!r}: give entities and/or queries")
    channels = [check_channel(c) for c in (spec.channels or ["print"])]
    row = conn.execute(select(watchlists.c.id).where(watchlists.c.name == spec.name)).first()
    values = dict(entities=list(spec.entities), queries=list(spec.queries), channels=channels)
    if row is not None:
        conn.execute(update(watchlists).where(watchlists.c.id == row.id).values(**values))
        return int(row.id)
    res = conn.execute(watchlists.insert().values(name=spec.name, created_at=now(), **values))
    return int(res.inserted_primary_key[0])  # type: ignore[index]


def list_watchlists(conn: Connection) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "name": r.name, "entities": list(r.entities or []),
         "queries": list(r.queries or []), "channels": list(r.channels or []),
         "created_at": _iso(r.created_at)}
        for r in conn.execute(select(watchlists).order_by(watchlists.c.id))
    ]


def remove_watchlist(conn: Connection, name: str) -> bool:
    return bool(conn.execute(delete(watchlists).where(watchlists.c.name == name)).rowcount)


def list_alerts(conn: Connection, *, limit: int = 100, watchlist: str | None = None,
                after_id: int | None = None, before_id: int | None = None) -> list[dict[str, Any]]:
    q = (select(alerts, watchlists.c.name.label("watchlist"))
         .join(watchlists, watchlists.c.id == alerts.c.watchlist_id, isouter=True)
         .order_by(alerts.c.id.desc()).limit(limit))
    if watchlist:
        q = q.where(watchlists.c.name == watchlist)
    if after_id is not None:
        q = q.where(alerts.c.id > after_id)
    if before_id is not None:
        q = q.where(alerts.c.id < before_id)
    rows = [_alert_row(r) for r in conn.execute(q)]
    _name_untitled(conn, rows)
    return rows


def _name_untitled(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Alerts recorded before they carried an untitled article's first line
    get it from the store, so that they too name the article by it."""
    bare: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        art = (r.get("payload") or {}).get("article")
        if isinstance(art, dict) and art.get("uid") and not art.get("title") and not art.get("first_line"):
            bare.setdefault(str(art["uid"]), []).append(art)
    for uid, line in first_lines(conn, bare).items():
        for art in bare[uid]:
            art["first_line"] = line


def _iso(value: datetime | None) -> str | None:
    """UTC ISO time (SQLite hands datetimes back without their zone)."""
    if value is None:
        return None
    return (value.replace(tzinfo=UTC) if value.tzinfo is None else value).isoformat()


def _alert_row(r: Any) -> dict[str, Any]:
    return {
        "id": r.id, "watchlist": r.watchlist, "kind": r.kind, "article_uid": r.article_uid,
        "story_id": r.story_id, "matched": r.matched, "payload": r.payload,
        "delivered": r.delivered, "created_at": _iso(r.created_at),
    }


# --- matching ---------------------------------------------------------------------
@dataclass
class EntityIndex:
    """Each watched name -> the canonical entity ids it denotes, and the folded
    surface forms (canonical + aliases) to fall back on for articles that have
    no analysis yet."""

    ids: dict[str, set[str]] = field(default_factory=dict)
    forms: dict[str, set[str]] = field(default_factory=dict)
    #: each ``source:`` of a query -> the stored source values it names (services.queries)
    sources: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, conn: Connection, names: Iterable[str],
              queries: Iterable[str] = ()) -> EntityIndex:
        wanted = {n: fold(n) for n in names}
        idx = cls({n: set() for n in wanted}, {n: {f} for n, f in wanted.items() if f})
        for q in queries:
            for src in split_sources(q)[1]:
                if src not in idx.sources:
                    idx.sources[src] = set(source_values(conn, src))
        if not wanted:
            return idx
        for r in conn.execute(select(entities.c.entity_id, entities.c.canonical, entities.c.aliases)):
            forms = {fold(r.canonical)} | {fold(a) for a in (r.aliases or []) if isinstance(a, str)}
            forms.discard("")
            for name, folded in wanted.items():
                if name == r.entity_id or folded in forms:
                    idx.ids[name].add(r.entity_id)
                    idx.forms[name] |= forms
        return idx


def match_article(wl: dict[str, Any], art: ArticleFacts, index: EntityIndex) -> dict[str, list[str]]:
    """The watchlist's entities and queries this article matches."""
    hit_entities = []
    padded = f" {art.folded} "
    for name in wl["entities"]:
        ids = index.ids.get(name, set())
        forms = index.forms.get(name, set())
        if ids & art.entity_ids or forms & art.mention_forms:
            hit_entities.append(name)
        elif not art.analysed and any(f" {f} " in padded for f in forms):
            # Not analysed (yet): the entity's known names in the text stand in.
            hit_entities.append(name)
    hit_queries = [q for q in wl["queries"] if _query_matches(q, art, index)]
    return {"entities": hit_entities, "queries": hit_queries}


def _query_matches(query: str, art: ArticleFacts, index: EntityIndex) -> bool:
    """Every term in the text and, with ``source:`` clauses, from one of those
    outlets; a query of ``source:`` clauses alone takes all their articles."""
    text, srcs = split_sources(query)
    if srcs and not any(art.source in index.sources.get(s, set()) for s in srcs):
        return False
    if not text:
        return bool(srcs)
    return query_matches_tokens(text, art.words, art.stems)


def _insert_alert(conn: Connection, row: dict[str, Any]) -> int | None:
    stmt: Any = (postgresql.insert(alerts) if conn.dialect.name == "postgresql"
                 else sqlite.insert(alerts)).on_conflict_do_nothing()
    res = conn.execute(stmt.values(**row))
    if not res.rowcount:
        return None
    return int(conn.execute(select(alerts.c.id).where(
        alerts.c.watchlist_id == row["watchlist_id"], alerts.c.key == row["key"])).scalar_one())


def _story_of(conn: Connection, uids: Sequence[str]) -> dict[str, int]:
    if not uids:
        return {}
    return {r.article_uid: r.story_id for r in conn.execute(
        select(story_articles.c.article_uid, story_articles.c.story_id)
        .where(story_articles.c.article_uid.in_(list(uids))))}


def evaluate(
    store: Store, new_uids: Sequence[str], *, echo: Callable[[str], None] | None = None,
    http: httpx.Client | None = None,
) -> list[dict[str, Any]]:
    """Record and deliver the alerts that new articles (and the stories they
    joined) raise. Idempotent: an alert already recorded is not raised again."""
    with store.connect() as conn:
        lists = list_watchlists(conn)
        if not lists:
            return []
        index = EntityIndex.build(conn, {n for wl in lists for n in wl["entities"]},
                                  {q for wl in lists for q in wl["queries"]})
        facts = [a for a in (load_article(conn, uid) for uid in new_uids) if a is not None]
        story_of = _story_of(conn, [a.uid for a in facts])
    pending: list[tuple[dict[str, Any], dict[str, Any]]] = []
    article_hits: dict[int, set[int]] = {}  # watchlist id -> stories already alerted via an article
    for wl in lists:
        for art in facts:
            matched = match_article(wl, art, index)
            if not (matched["entities"] or matched["queries"]):
                continue
            sid = story_of.get(art.uid)
            if sid is not None:
                article_hits.setdefault(wl["id"], set()).add(sid)
            payload = {
                "type": "article", "watchlist": wl["name"], "article": {
                    "uid": art.uid, "title": art.title, "source": art.source, "url": art.url,
                    "published": art.published, "first_line": art.first_line},
                "story_id": sid, "matched": matched,
            }
            pending.append((wl, dict(watchlist_id=wl["id"], kind="article", key=f"article:{art.uid}",
                                     article_uid=art.uid, story_id=sid, matched=matched,
                                     payload=payload, created_at=now())))
    # Stories that gained articles: a story matching a watchlist through any of
    # its articles raises one alert with what changed, unless an article alert
    # already covers it.
    stories = sorted({s for s in story_of.values()})
    if stories:
        with store.begin() as conn:
            for sid, change, story_facts in story_changes_for_watch(conn, stories):
                for wl in lists:
                    if sid in article_hits.get(wl["id"], set()):
                        continue
                    hits: dict[str, list[str]] = {"entities": [], "queries": []}
                    for art in story_facts:
                        m = match_article(wl, art, index)
                        hits["entities"] += [e for e in m["entities"] if e not in hits["entities"]]
                        hits["queries"] += [q for q in m["queries"] if q not in hits["queries"]]
                    if not (hits["entities"] or hits["queries"]):
                        continue
                    new = sorted(a["uid"] for a in change.get("new_articles", []))
                    digest = hashlib.sha1("\x00".join(new).encode()).hexdigest()[:16]
                    payload = {"type": "story", "watchlist": wl["name"], "story_id": sid,
                               "matched": hits, "changes": change}
                    pending.append((wl, dict(watchlist_id=wl["id"], kind="story",
                                             key=f"story:{sid}:{digest}", article_uid=None,
                                             story_id=sid, matched=hits, payload=payload,
                                             created_at=now())))
    raised: list[dict[str, Any]] = []
    for wl, row in pending:
        with store.begin() as conn:
            alert_id = _insert_alert(conn, row)
        if alert_id is None:
            continue
        payload = {"id": alert_id, **row["payload"], "created_at": row["created_at"].isoformat()}
        delivered = deliver(payload, wl["channels"], echo=echo, http=http)
        with store.begin() as conn:
            conn.execute(update(alerts).where(alerts.c.id == alert_id).values(delivered=delivered))
        raised.append(payload | {"delivered": delivered})
    return raised


# --- delivery -----------------------------------------------------------------------
def describe(alert: dict[str, Any]) -> str:
    m = alert.get("matched", {})
    what = ", ".join([*m.get("entities", []), *(f'"{q}"' for q in m.get("queries", []))])
    if alert.get("type") == "story":
        ch = alert.get("changes", {})
        n = len(ch.get("new_articles", []))
        return (f"[{alert['watchlist']}] story {alert['story_id']} gained {n} article(s)"
                f" ({what}): {ch.get('headline') or ''}").rstrip(": ")
    art = alert.get("article", {})
    return (f"[{alert['watchlist']}] {article_name(art)} — "
            f"{art.get('source') or 'unknown source'} ({what})")


def deliver(
    alert: dict[str, Any], channels: Sequence[str], *, echo: Callable[[str], None] | None = None,
    http: httpx.Client | None = None, previous: Mapping[str, Any] | None = None,
) -> dict[str, dict[str, Any]]:
    """Send the alert to each channel not already done; per channel the status
    (``ok`` / ``failed``), the attempts so far, the last error and time."""
    status: dict[str, dict[str, Any]] = {k: dict(v) for k, v in (previous or {}).items()
                                         if isinstance(v, dict)}
    for channel in channels:
        before = status.get(channel, {})
        if before.get("status") == "ok" or channel.partition(":")[0] in DIGEST_KINDS:
            continue
        attempts = int(before.get("attempts", 0)) + 1
        kind, _, arg = channel.partition(":")
        try:
            if kind == "print":
                (echo or _print)(describe(alert))
            elif kind == "jsonl":
                path = Path(arg).expanduser()
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(alert, ensure_ascii=False, default=str) + "\n")
            elif kind == "webhook":
                _post(arg, alert, http)
            else:
                raise ConfigError(f"unknown channel {channel!r}")
            status[channel] = {"status": "ok", "attempts": attempts, "at": now().isoformat()}
        except (OSError, httpx.HTTPError, ConfigError) as exc:
            status[channel] = {"status": "failed", "attempts": attempts, "error": str(exc),
                               "at": now().isoformat()}
            log.warning("alert %s: delivery to %s failed (attempt %d): %s", alert.get("id"),
                        channel, attempts, exc)
    return status


def redeliver(
    store: Store, *, echo: Callable[[str], None] | None = None, http: httpx.Client | None = None,
    max_attempts: int = MAX_ATTEMPTS, base: float = RETRY_BASE, window: float = RETRY_WINDOW,
) -> int:
    """Try again the failed deliveries of recent alerts, each channel after
    base, 2 base, 4 base... seconds, at most ``max_attempts`` times. A
    webhook may thus receive an alert twice: its ``id`` is the idempotency key."""
    at = now()
    with store.connect() as conn:
        rows = conn.execute(select(alerts).where(
            alerts.c.created_at >= at - timedelta(seconds=window)).order_by(alerts.c.id)).all()
    retried = 0
    for r in rows:
        previous = r.delivered or {}
        due = []
        for channel, st in previous.items():
            if not isinstance(st, dict) or st.get("status") != "failed":
                continue
            n = int(st.get("attempts", 1))
            last = datetime.fromisoformat(st["at"]) if st.get("at") else at
            if n < max_attempts and (at - last).total_seconds() >= base * 2 ** (n - 1):
                due.append(channel)
        if not due:
            continue
        created = r.created_at.replace(tzinfo=UTC) if r.created_at.tzinfo is None else r.created_at
        payload = {"id": r.id, **(r.payload or {}), "created_at": created.isoformat()}
        delivered = deliver(payload, due, echo=echo, http=http, previous=previous)
        with store.begin() as conn:
            conn.execute(update(alerts).where(alerts.c.id == r.id).values(delivered=delivered))
        retried += 1
    return retried


def _print(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _post(url: str, alert: dict[str, Any], http: httpx.Client | None) -> None:
    body = json.dumps(alert, ensure_ascii=False, default=str).encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT}
    if http is not None:
        http.post(url, content=body, headers=headers).raise_for_status()
        return
    with httpx.Client(timeout=WEBHOOK_TIMEOUT) as client:
        client.post(url, content=body, headers=headers).raise_for_status()
