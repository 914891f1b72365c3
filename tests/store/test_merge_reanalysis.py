"""A record a person merged into keeps, through a full re-analysis, the names the
merge brought and not the stale ones an older linker left (issue #15), on both
backends.

Real text: the two French seed articles. An older linker's mistake is built
through the store as `tests/analyze/test_reanalysis_names.py` builds it: a
third place folded into the seeds' most named place (its mentions and its
names), the record keeping its own name. Then a person merges the second most
named place into that record. A full re-analysis must give the folded place its
mentions back (the new linker never joins them) while the merged place's
mentions stay with the record they were merged into. Before session 13 the
merge row did not list the absorbed record's names, so every name of a record
a merge names was kept as a lookup key, and the stale one pulled the folded
place's mentions back in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from veille.cli import app
from veille.store import Store
from veille.store import analyses as qa
from veille.store import corrections as cq
from veille.store.schema import analyses, entity_corrections, mentions


def _run(db: str, *args: str) -> Any:
    res = CliRunner().invoke(app, ["--db", db, *args])
    assert res.exit_code == 0, res.output
    return res


def _links(store: Store) -> dict[tuple[str, int, int], tuple[str | None, str]]:
    """(article, start, end) -> (entity id, the name as written)."""
    with store.connect() as conn:
        return {(m.article_uid, m.start, m.end): (m.entity_id, m.text)
                for m in conn.execute(select(mentions))}


def _fold(store: Store, into: str, gone: str) -> None:
    """Fold ``gone`` into ``into`` as an older linker would have stored them:
    its names, counts, votes and mentions (rows and analysis JSON)."""
    with store.begin() as conn:
        recs = {r.entity_id: r for r in qa.load_entities(conn)}
        a, g = recs[into], recs[gone]
        for name, n in g.alias_counts.items():
            a.alias_counts[name] = a.alias_counts.get(name, 0) + n
        for k, v in g.label_votes.items():
            a.label_votes[k] = a.label_votes.get(k, 0.0) + v
        a.aliases = sorted(a.alias_counts)
        a.n_mentions += g.n_mentions
        qa.save_entities(conn, [a])
        cq.delete_entities(conn, [gone])
        conn.execute(update(mentions).where(mentions.c.entity_id == gone).values(entity_id=into))
        for uid, data in list(conn.execute(select(analyses.c.article_uid, analyses.c.data))):
            data = dict(data)
            data["entities"] = [{**m, "entity_id": into} if m.get("entity_id") == gone else m
                                for m in data["entities"]]
            conn.execute(update(analyses).where(analyses.c.article_uid == uid).values(data=data))


def test_a_merge_keeps_what_it_brought_and_drops_stale_names(seeds_dir: Path, db_url: str) -> None:
    _run(db_url, "ingest", str(seeds_dir), "--no-cluster")
    ents = json.loads(_run(db_url, "entities", "--limit", "10000", "--json").stdout)
    places = sorted((e for e in ents if e["label"] == "LOC"), key=lambda e: (-e["mentions"], e["id"]))
    into, merged = places[0], places[1]
    stale = next(e for e in places[2:] if e["mentions"] >= 2)
    store = Store.open(db_url)
    fresh = _links(store)
    own = {k for k, (x, _) in fresh.items() if x == into["id"]}
    theirs = {k for k, (x, _) in fresh.items() if x == merged["id"]}
    folded = {k for k, (x, _) in fresh.items() if x == stale["id"]}
    _fold(store, into["id"], stale["id"])
    _run(db_url, "entity", "merge", merged["id"], into["id"])
    with store.connect() as conn:
        row = conn.execute(select(entity_corrections)).one()
    assert sorted(row.aliases) == sorted(merged["aliases"])  # the merge lists what it brought
    with store.begin() as conn:
        conn.execute(update(analyses).values(version="veille.analysis.v0"))
    _run(db_url, "analyze", "--outdated")  # everything is redone
    links = _links(store)
    assert {links[k][0] for k in own | theirs} == {into["id"]}
    again = {links[k][0] for k in folded}
    assert len(again) == 1 and into["id"] not in again  # the folded place is itself again
    with store.connect() as conn:
        rec = next(r for r in qa.load_entities(conn) if r.entity_id == into["id"])
    written = {t for x, t in links.values() if x == into["id"]}
    assert set(rec.aliases) == written  # no name of the folded place is left on it
    assert set(merged["aliases"]) <= set(rec.aliases)
    store.close()


def _panama_papers(shared: Path, tmp: Path) -> Path:
    """The news-clusters articles on the Panama Papers, as one JSONL file."""
    path = shared / "news-clusters" / "news_cluster.jsonl"
    if not path.exists():
        pytest.skip(f"{path} absent")
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if "Panama Papers" in line or "Mossack" in line]
    out = tmp / "panama.jsonl"
    out.write_text("".join(lines), encoding="utf-8")
    return out


@pytest.mark.slow
def test_a_merge_across_labels_keeps_its_label_through_reanalysis(
        db_url: str, shared_data: Path, tmp_path: Path) -> None:
    """One name, two records by the model's label (a law firm the model also
    tagged a person): the person's record merged into the organisation's. A full
    re-analysis must leave the record as the merge left it. Before session 13
    dropping the analyses took each mention's vote off the label it was linked
    under only, so the person votes the merge brought stayed on beside the ones
    re-analysis brings again: the organisation turned into a person."""
    _run(db_url, "ingest", str(_panama_papers(shared_data, tmp_path)), "--no-cluster")
    ents = json.loads(_run(db_url, "entities", "--limit", "10000", "--json").stdout)
    by_name: dict[str, dict[str, dict[str, Any]]] = {}
    for e in ents:
        by_name.setdefault(e["name"], {})[e["label"]] = e
    pairs = sorted((b["PER"], b["ORG"]) for b in by_name.values() if {"PER", "ORG"} <= set(b))
    assert pairs, "no name with a person and an organisation record: the scenario is gone"
    person, org = max(pairs, key=lambda p: p[0]["mentions"] + p[1]["mentions"])
    _run(db_url, "entity", "merge", person["id"], org["id"])

    def shown() -> tuple[Any, ...]:
        e = json.loads(_run(db_url, "entity", "show", org["id"], "--json").stdout)
        return e["name"], e["label"], e["mentions"], sorted(a["name"] for a in e["aliases"])

    merged = shown()
    assert merged[1] == "ORG"
    store = Store.open(db_url)
    with store.begin() as conn:
        conn.execute(update(analyses).values(version="veille.analysis.v0"))
    store.close()
    _run(db_url, "analyze", "--outdated")
    assert shown() == merged
