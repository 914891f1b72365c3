"""Watched sources: the SOURCES.toml file, schedules, and their rows in the store.

A SOURCES.toml looks like::

    [defaults]
    every = "15m"          # poll interval: 90s, 15m, 1h30m, 1d
    delay = 1.0            # seconds between two requests to one host
    channels = ["print"]   # default alert channels for watchlists below

    [[source]]
    url = "https://example.org/rss.xml"
    name = "Example"       # optional: the source (outlet) name of its articles
    every = "30m"          # optional
    kind = "feed"          # optional: feed | page | auto (default)

    [[watchlist]]
    name = "nuclear"
    entities = ["Vladimir Poutine"]
    queries = ["arme nucléaire"]
    channels = ["print", "jsonl:alerts.jsonl", "webhook:https://hooks.example/x"]
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from veille.core.clock import now
from veille.store.schema import seen_entries, sources

DEFAULT_EVERY = 15 * 60.0
KINDS = ("auto", "feed", "page")
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)", re.IGNORECASE)
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


class ConfigError(ValueError):
    """A SOURCES.toml or option the user must fix; the message says where."""




def parse_every(value: Any) -> float:
    """``15m``, ``1h30m``, ``90s``, ``250ms``, ``1d`` or a number of seconds."""
    if isinstance(value, bool):
        raise ConfigError(f"interval {value!r} is not a duration")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        text = value.strip()
        try:
            seconds = float(text)
        except ValueError:
            pos, seconds = 0, 0.0
            for m in _DURATION.finditer(text):
                if text[pos:m.start()].strip():
                    break
                seconds += float(m.group(1)) * _UNIT[m.group(2).lower()]
                pos = m.end()
            if pos == 0 or text[pos:].strip():
                raise ConfigError(
                    f"interval {value!r} is not a duration like 90s, 15m, 1h30m or 1d") from None
    else:
        raise ConfigError(f"interval {value!r} is not a duration")
    if seconds <= 0:
        raise ConfigError(f"interval {value!r} must be positive")
    return seconds


def format_every(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


def check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ConfigError(f"{url!r} is not an http(s) URL")
    return url


@dataclass
class SourceSpec:
    url: str
    name: str | None = None
    every: float = DEFAULT_EVERY
    kind: str = "auto"


@dataclass
class WatchlistSpec:
    name: str
    entities: list[str] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)


@dataclass
class WatchConfig:
    sources: list[SourceSpec] = field(default_factory=list)
    watchlists: list[WatchlistSpec] = field(default_factory=list)
    delay: float | None = None
    timeout: float | None = None
    user_agent: str | None = None


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where} must be a string or a list of strings")


def load_config(path: str | Path) -> WatchConfig:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{p}: not UTF-8 text") from None
    return parse_config(data, str(p))


def parse_config(data: dict[str, Any], origin: str = "SOURCES.toml") -> WatchConfig:
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise ConfigError(f"{origin}: [defaults] must be a table")
    every = parse_every(defaults.get("every", DEFAULT_EVERY))
    default_channels = _strings(defaults.get("channels"), f"{origin}: defaults.channels") or ["print"]
    cfg = WatchConfig()
    for key in ("delay", "timeout"):
        if key in defaults:
            value = defaults[key]
            if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{origin}: defaults.{key} must be a number of seconds >= 0")
            setattr(cfg, key, float(value))
    if "user_agent" in defaults:
        cfg.user_agent = str(defaults["user_agent"])
    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list):
        raise ConfigError(f"{origin}: use [[source]] tables for sources")
    for i, s in enumerate(raw_sources, start=1):
        where = f"{origin}: source #{i}"
        if not isinstance(s, dict) or "url" not in s:
            raise ConfigError(f"{where}: needs a url")
        kind = str(s.get("kind", "auto"))
        if kind not in KINDS:
            raise ConfigError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        try:
            url = check_url(str(s["url"]))
            src_every = parse_every(s["every"]) if "every" in s else every
        except ConfigError as exc:
            raise ConfigError(f"{where}: {exc}") from None
        name = s.get("name")
        cfg.sources.append(SourceSpec(url, str(name) if name else None, src_every, kind))
    raw_lists = data.get("watchlist", [])
    if not isinstance(raw_lists, list):
        raise ConfigError(f"{origin}: use [[watchlist]] tables for watchlists")
    for i, w in enumerate(raw_lists, start=1):
        where = f"{origin}: watchlist #{i}"
        if not isinstance(w, dict) or not w.get("name"):
            raise ConfigError(f"{where}: needs a name")
        spec = WatchlistSpec(
            name=str(w["name"]), entities=_strings(w.get("entities"), f"{where}: entities"),
            # sources = ["rt.com"]: every article of those outlets (a query of source: clauses)
            queries=_strings(w.get("queries"), f"{where}: queries") + [
                f'source:"{x}"' for x in _strings(w.get("sources"), f"{where}: sources")],
            channels=_strings(w.get("channels"), f"{where}: channels") or list(default_channels),
        )
        if not spec.entities and not spec.queries:
            raise ConfigError(f"{where}: give entities and/or queries (or sources)")
        cfg.watchlists.append(spec)
    return cfg


# --- store ------------------------------------------------------------------------
def _insert_ignore(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    if conn.dialect.name == "postgresql":
        stmt: Any = postgresql.insert(table).on_conflict_do_nothing()
    else:
        stmt = sqlite.insert(table).on_conflict_do_nothing()
    return int(conn.execute(stmt, rows).rowcount or 0)


def upsert_source(conn: Connection, spec: SourceSpec) -> int:
    """Add a source or update its name/interval/kind; validators, failures
    and the schedule of an existing source are kept."""
    url = check_url(spec.url)
    row = conn.execute(select(sources.c.id).where(sources.c.url == url)).first()
    if row is not None:
        conn.execute(update(sources).where(sources.c.id == row.id).values(
            name=spec.name, every=spec.every, kind=spec.kind, enabled=True))
        return int(row.id)
    result = conn.execute(sources.insert().values(
        url=url, name=spec.name, kind=spec.kind, every=spec.every, enabled=True, failures=0,
        next_due=None, created_at=now(),
    ))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def _row(r: Any) -> dict[str, Any]:
    return {
        "id": r.id, "url": r.url, "name": r.name, "kind": r.kind, "every": r.every,
        "enabled": bool(r.enabled), "etag": r.etag, "last_modified": r.last_modified,
        "next_due": _aware(r.next_due), "last_polled": _aware(r.last_polled),
        "failures": r.failures, "last_error": r.last_error,
    }


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything here is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def list_sources(conn: Connection) -> list[dict[str, Any]]:
    return [_row(r) for r in conn.execute(select(sources).order_by(sources.c.id))]


def get_source(conn: Connection, source_id: int) -> dict[str, Any] | None:
    r = conn.execute(select(sources).where(sources.c.id == source_id)).first()
    return _row(r) if r else None


def remove_source(conn: Connection, ref: str) -> bool:
    """By id or URL; its seen entries go too (articles stay)."""
    cond = sources.c.id == int(ref) if ref.isdigit() else sources.c.url == ref
    row = conn.execute(select(sources.c.id).where(cond)).first()
    if row is None:
        return False
    conn.execute(delete(seen_entries).where(seen_entries.c.source_id == row.id))
    conn.execute(delete(sources).where(sources.c.id == row.id))
    return True


def due_sources(conn: Connection, at: datetime) -> list[dict[str, Any]]:
    rows = [_row(r) for r in conn.execute(
        select(sources).where(sources.c.enabled.is_(True)).order_by(sources.c.id))]
    return [r for r in rows if r["next_due"] is None or r["next_due"] <= at]


def claim(conn: Connection, source_id: int, at: datetime, lease: float) -> bool:
    """Take a due source for one poll: push its next_due past the lease, only
    if it is still due. Two watchers on one store thus never poll a source at
    the same time; a watcher killed mid-poll leaves it due again after the lease."""
    res = conn.execute(update(sources).where(
        sources.c.id == source_id, sources.c.enabled.is_(True),
        (sources.c.next_due.is_(None)) | (sources.c.next_due <= at),
    ).values(next_due=at + timedelta(seconds=lease)))
    return bool(res.rowcount)


def release(conn: Connection, source_id: int, at: datetime) -> None:
    conn.execute(update(sources).where(sources.c.id == source_id).values(next_due=at))


def next_wakeup(conn: Connection) -> datetime | None:
    dues = [r["next_due"] for r in list_sources(conn) if r["enabled"]]
    if any(d is None for d in dues):
        return now()
    return min((d for d in dues if d is not None), default=None)


def record_success(
    conn: Connection, source_id: int, *, at: datetime, every: float, etag: str | None,
    last_modified: str | None, keep_validators: bool = False,
) -> None:
    values: dict[str, Any] = dict(failures=0, last_error=None, last_polled=at,
                                  next_due=at + timedelta(seconds=every))
    if not keep_validators:
        values.update(etag=etag, last_modified=last_modified)
    conn.execute(update(sources).where(sources.c.id == source_id).values(**values))


def record_failure(conn: Connection, source_id: int, *, at: datetime, error: str, delay: float,
                   failures: int) -> None:
    conn.execute(update(sources).where(sources.c.id == source_id).values(
        failures=failures, last_error=error[:2000], last_polled=at,
        next_due=at + timedelta(seconds=delay)))


def seen_keys(conn: Connection, source_id: int, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    out: set[str] = set()
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        out.update(conn.execute(select(seen_entries.c.entry_key).where(
            seen_entries.c.source_id == source_id, seen_entries.c.entry_key.in_(chunk))).scalars())
    return out


def mark_seen(conn: Connection, source_id: int, entries: list[tuple[str, str | None]]) -> int:
    at = now()
    return _insert_ignore(conn, seen_entries, [
        {"source_id": source_id, "entry_key": k[:512], "article_uid": uid, "seen_at": at}
        for k, uid in entries
    ])
