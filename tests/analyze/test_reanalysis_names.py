"""Re-analysis leaves the entity records a fresh ingest would make (issue #15).

An older linker may have joined two entities into one record ("Panama" into
"Panama City"). ``veille analyze --outdated`` unlinks the old mentions; the
names only they supported must go with them, or the record keeps them as
lookup keys and the re-linked mentions rejoin it under its stale name. The
stale state is built through the store from a real ingest of the two seed
articles: two distinct records of the same label folded into one, as an older
linker would have stored them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from veille.analyze.service import ANALYSIS_VERSION
from veille.cli import app
from veille.core.model import EntityCorrection
from veille.store import Store
from veille.store import analyses as qa
from veille.store import corrections as cq
from veille.store.schema import analyses, articles, entities, mentions


def _ingest(seeds: Path, db: str) -> None:
    out = CliRunner().invoke(app, ["--db", db, "ingest", str(seeds), "--no-cluster"])
    assert out.exit_code == 0, out.output


def _reanalyse(db: str) -> None:
    out = CliRunner().invoke(app, ["--db", db, "analyze", "--outdated"])
    assert out.exit_code == 0, out.output


def _state(store: Store) -> tuple[set[Any], set[Any]]:
    """Records by name (ids may differ: a folded record keeps the id it had) and
    each mention's link, by the canonical name of its record."""
    with store.connect() as conn:
        recs = {r.entity_id: r for r in conn.execute(select(entities))}
        records = {(r.canonical, r.label, tuple(sorted(r.aliases)), r.n_mentions)
                   for r in recs.values()}
        links = {(m.article_uid, m.start, m.end, recs[m.entity_id].canonical if m.entity_id else None)
                 for m in conn.execute(select(mentions))}
    return records, links


def _fold(store: Store) -> tuple[str, str]:
    """Fold one record into another of its label, as an older linker would
    have stored them: (the record kept, the record folded in)."""
    with store.begin() as conn:
        recs = sorted(qa.load_entities(conn), key=lambda r: (-r.n_mentions, r.entity_id))
        into = next(r for r in recs if r.label == "LOC")
        gone = next(r for r in recs if r.label == into.label and r.entity_id != into.entity_id
                    and not set(r.aliases) & set(into.aliases))
        for a, n in gone.alias_counts.items():
            into.alias_counts[a] = into.alias_counts.get(a, 0) + n
        for k, v in gone.label_votes.items():
            into.label_votes[k] = into.label_votes.get(k, 0.0) + v
        into.aliases = sorted(into.alias_counts)
        into.n_mentions += gone.n_mentions
        into.canonical = gone.canonical  # the old linker's name for the pair
        qa.save_entities(conn, [into])
        conn.execute(update(mentions).where(mentions.c.entity_id == gone.entity_id)
                     .values(entity_id=into.entity_id))
        cq.delete_entities(conn, [gone.entity_id])
        conn.execute(update(analyses).values(version="veille.analysis.v0"))
    return into.entity_id, gone.entity_id


def test_outdated_reanalysis_equals_a_fresh_ingest(seeds_dir: Path, db_path: str) -> None:
    _ingest(seeds_dir, db_path)
    store = Store.open(db_path)
    fresh = _state(store)
    into, gone = _fold(store)
    assert _state(store) != fresh  # the stale state differs
    _reanalyse(db_path)
    assert _state(store) == fresh
    with store.connect() as conn:
        ids = set(conn.execute(select(entities.c.entity_id)).scalars())
        linked = set(conn.execute(select(mentions.c.entity_id)).scalars()) - {None}
    assert linked <= ids  # no mention names a deleted record
    assert _unsupported(store) == {}
    store.close()


def test_a_corrected_record_keeps_its_names(seeds_dir: Path, db_path: str) -> None:
    """A record a person renamed keeps the names its correction relies on."""
    _ingest(seeds_dir, db_path)
    store = Store.open(db_path)
    into, gone = _fold(store)
    with store.begin() as conn:
        cq.add_correction(conn, EntityCorrection(action="rename", entity_id=into, name="Somewhere"))
        before = sorted(next(r for r in qa.load_entities(conn) if r.entity_id == into).aliases)
    _reanalyse(db_path)
    with store.connect() as conn:
        rec = next(r for r in qa.load_entities(conn) if r.entity_id == into)
    assert sorted(rec.aliases) == before
    assert rec.canonical == "Somewhere"
    store.close()


def _unsupported(store: Store) -> dict[str, set[str]]:
    """Names of each record that no mention linked to it is written as."""
    with store.connect() as conn:
        written: dict[str, set[str]] = {}
        for eid, text in conn.execute(select(mentions.c.entity_id, mentions.c.text)):
            written.setdefault(eid, set()).add(text)
        out = {r.entity_id: set(r.aliases) - written.get(r.entity_id, set())
               for r in conn.execute(select(entities))}
    return {k: v for k, v in out.items() if v}


def test_reanalysing_one_article_keeps_only_names_mentions_support(seeds_dir: Path, db_path: str) -> None:
    """Only one article outdated: the folded record keeps the names the other
    article's mentions give it, loses the rest, and is named from what it kept."""
    _ingest(seeds_dir, db_path)
    store = Store.open(db_path)
    _fold(store)
    with store.begin() as conn:
        uids = sorted(conn.execute(select(analyses.c.article_uid)).scalars())
        conn.execute(update(analyses).where(analyses.c.article_uid == uids[0])
                     .values(version=ANALYSIS_VERSION))
    _reanalyse(db_path)
    assert _unsupported(store) == {}
    with store.connect() as conn:
        for r in conn.execute(select(entities)):
            assert r.canonical in r.aliases or not r.aliases, r
    store.close()


def _english_article(shared: Path, tmp: Path) -> Path:
    """The first English article of the news-clusters corpus with a place in it,
    as a one-line JSONL file the ingest reads."""
    path = shared / "news-clusters" / "news_cluster.jsonl"
    if not path.exists():
        pytest.skip(f"{path} absent")
    with path.open(encoding="utf-8") as fh:
        line = fh.readline()  # Xinhua on a DPRK missile launch: Beijing, Japan, Hokkaido
    out = tmp / "english.jsonl"
    out.write_text(line, encoding="utf-8")
    return out


def _languages(store: Store) -> set[Any]:
    with store.connect() as conn:
        return {(r.canonical, r.label, tuple(sorted(r.languages or [])))
                for r in conn.execute(select(entities))}


def test_reanalysis_recomputes_languages_from_remaining_mentions(
        seeds_dir: Path, db_path: str, shared_data: Path, tmp_path: Path) -> None:
    """An older linker folded an English article's place into a French one: the
    record claims both languages. Once the English article is re-analysed and its
    mentions leave the record, only French mentions support it: it must claim
    French only, as a fresh ingest's record does."""
    _ingest(seeds_dir, db_path)
    english = _english_article(shared_data, tmp_path)
    _ingest(english, db_path)
    store = Store.open(db_path)
    fresh, fresh_langs = _state(store), _languages(store)
    with store.begin() as conn:
        en_uid = conn.execute(select(articles.c.uid).where(articles.c.language == "en")).scalar_one()
        on_en = set(conn.execute(select(mentions.c.entity_id).where(
            mentions.c.article_uid == en_uid)).scalars())
        recs = sorted(qa.load_entities(conn), key=lambda r: (-r.n_mentions, r.entity_id))
        into = next(r for r in recs if r.label == "LOC" and r.languages == ["fr"])
        gone = next(r for r in recs if r.label == "LOC" and r.entity_id in on_en
                    and r.languages == ["en"])
        for a, n in gone.alias_counts.items():
            into.alias_counts[a] = into.alias_counts.get(a, 0) + n
        for k, v in gone.label_votes.items():
            into.label_votes[k] = into.label_votes.get(k, 0.0) + v
        into.aliases = sorted(into.alias_counts)
        into.n_mentions += gone.n_mentions
        into.languages = ["fr", "en"]
        qa.save_entities(conn, [into])
        conn.execute(update(mentions).where(mentions.c.entity_id == gone.entity_id)
                     .values(entity_id=into.entity_id))
        cq.delete_entities(conn, [gone.entity_id])
        conn.execute(update(analyses).where(analyses.c.article_uid == en_uid)
                     .values(version="veille.analysis.v0"))
    assert _languages(store) != fresh_langs  # the stale state claims English
    _reanalyse(db_path)
    assert _state(store) == fresh
    assert _languages(store) == fresh_langs
    store.close()
