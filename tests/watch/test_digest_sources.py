"""Watchlists of sources: ``source:`` clauses in a watchlist's queries (and
``sources = [...]`` in SOURCES.toml), on real news-clusters articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.store import Store
from veille.store.schema import articles
from veille.watch import alerts as al
from veille.watch.matching import split_sources
from veille.watch.sources import WatchlistSpec, load_config

from .test_digest import OTHER, STORY, _clusters, _pick


def _ingest(store: Store, rows: list[dict], tmp: Path) -> list[str]:
    src = tmp / "in.jsonl"
    src.write_text("\n".join(json.dumps({k: r[k] for k in ("id", "url", "source", "published", "title",
                                                           "text", "language")}) for r in rows),
                   encoding="utf-8")
    report = ingest_items(store, read_paths([str(src)], SourceOptions()))
    assert report.added
    with store.connect() as conn:
        return [r.uid for r in conn.execute(select(articles.c.uid))]


def test_split_sources() -> None:
    assert split_sources('missile source:rt.com') == ("missile", ["rt.com"])
    assert split_sources('source:"Le Monde" "crue"') == ('"crue"', ["Le Monde"])
    assert split_sources("opensource:x resource") == ("opensource:x resource", [])


def test_source_clauses_match_the_outlet(store: Store, tmp_path: Path) -> None:
    rows = _pick(_clusters(), STORY, 19) + _pick(_clusters(), OTHER, 12)
    uids = _ingest(store, rows, tmp_path)
    with store.begin() as conn:
        al.save_watchlist(conn, WatchlistSpec("rt", queries=["source:rt.com"], channels=[]))
        al.save_watchlist(conn, WatchlistSpec("nyt-missile", queries=["missile source:nytimes.com"],
                                              channels=[]))
    raised = al.evaluate(store, uids)
    got: dict[str, set[str]] = {}
    for a in raised:
        got.setdefault(a["watchlist"], set()).add(a["article"]["uid"])
    # Expected from the records themselves: the outlet (www. or not), and the word.
    expected_rt = {r["id"] for r in rows if r["source"].removeprefix("www.") == "rt.com"}
    expected_nyt = {r["id"] for r in rows if r["source"].removeprefix("www.") == "nytimes.com"
                    and "missile" in (r["title"] + " " + r["text"]).lower()}
    assert expected_rt and expected_nyt
    assert got["rt"] == expected_rt
    assert got["nyt-missile"] == expected_nyt


def test_sources_in_sources_toml(tmp_path: Path) -> None:
    cfg = tmp_path / "SOURCES.toml"
    cfg.write_text('[[watchlist]]\nname = "wires"\nsources = ["rt.com", "Le Monde"]\n', encoding="utf-8")
    spec = load_config(cfg).watchlists[0]
    assert spec.queries == ['source:"rt.com"', 'source:"Le Monde"']
    with pytest.raises(Exception, match="sources"):
        cfg.write_text('[[watchlist]]\nname = "w"\nsources = 3\n', encoding="utf-8")
        load_config(cfg)
