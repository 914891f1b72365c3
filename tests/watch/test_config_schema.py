"""SOURCES.toml parsing, durations, backoff arithmetic, and the 0003 migration."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import veille.watch.tables as watch_tables
from veille.store import Store
from veille.store.schema import metadata
from veille.watch.fetch import backoff_delay, parse_retry_after
from veille.watch.sources import ConfigError, load_config, parse_every


@pytest.mark.parametrize(("text", "seconds"), [
    ("90s", 90), ("15m", 900), ("1h30m", 5400), ("1d", 86400), ("250ms", 0.25), (45, 45),
    ("2.5", 2.5), ("1h 15m", 4500),
])
def test_parse_every(text: object, seconds: float) -> None:
    assert parse_every(text) == pytest.approx(seconds)


@pytest.mark.parametrize("bad", ["", "soon", "15 minutes", "m15", "-5", 0, True, "15m later"])
def test_parse_every_rejects(bad: object) -> None:
    with pytest.raises(ConfigError):
        parse_every(bad)


def test_backoff_doubles_up_to_the_cap_and_never_undercuts_retry_after() -> None:
    assert [backoff_delay(n, 10, 100) for n in range(1, 6)] == [10, 20, 40, 80, 100]
    assert backoff_delay(1, 10, 100, retry_after=300) == 300
    assert backoff_delay(4, 10, 100, retry_after=5) == 80
    assert backoff_delay(10_000, 1, 50) == 50


def test_retry_after_forms() -> None:
    now = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 25 Nov 2026 08:02:00 GMT", now) == 120
    assert parse_retry_after("Wed, 25 Nov 2026 07:00:00 GMT", now) == 0
    assert parse_retry_after("tomorrow") is None and parse_retry_after(None) is None


def test_sources_file(tmp_path: Path) -> None:
    p = tmp_path / "SOURCES.toml"
    p.write_text("""
[defaults]
every = "20m"
delay = 2
channels = ["jsonl:alerts.jsonl"]

[[source]]
url = "https://example.org/rss"

[[source]]
url = "https://example.org/page"
kind = "page"
every = "1h"
name = "Mairie"

[[watchlist]]
name = "w"
entities = "Hélène Marchetti"
""", encoding="utf-8")
    cfg = load_config(p)
    assert [(s.url, s.every, s.kind, s.name) for s in cfg.sources] == [
        ("https://example.org/rss", 1200, "auto", None),
        ("https://example.org/page", 3600, "page", "Mairie")]
    assert cfg.delay == 2
    assert cfg.watchlists[0].entities == ["Hélène Marchetti"]
    assert cfg.watchlists[0].channels == ["jsonl:alerts.jsonl"]


@pytest.mark.parametrize(("text", "message"), [
    ("[[source]]\nname = 'x'\n", "needs a url"),
    ("[[source]]\nurl = 'file:///etc/passwd'\n", r"not an http\(s\) URL"),
    ("[[source]]\nurl = 'https://x.org'\nkind = 'podcast'\n", "kind must be one of"),
    ("[[source]]\nurl = 'https://x.org'\nevery = 'often'\n", "source #1: interval"),
    ("[[watchlist]]\nname = 'w'\n", "give entities and/or queries"),
    ("[defaults]\ndelay = -1\n", "defaults.delay"),
    ("source = [", "not valid TOML"),
])
def test_bad_sources_file_says_where(tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "SOURCES.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(p)


def test_migration_creates_the_watch_tables_as_declared(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "m.db"))
    ours = {t.name for t in (watch_tables.sources, watch_tables.seen_entries,
                             watch_tables.watchlists, watch_tables.alerts,
                             watch_tables.story_snapshots)}

    def include(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
        table = obj.table.name if type_ in ("index", "column", "unique_constraint") else name
        return table in ours

    try:
        with store.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_object": include})
            assert compare_metadata(ctx, metadata) == []
    finally:
        store.close()
