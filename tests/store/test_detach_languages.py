"""A detached mention takes its language off the entity record (issue #15), on
both backends, when the correction is made and when it is replayed by
re-analysis: a record must not claim a language none of its mentions has.

Real text: the French seed articles and the first English article of the
news-clusters corpus that names the Kremlin (TASS on a DPRK missile launch),
whose names the linker files with the seeds' French records. A record whose
English mentions are all written as its French ones are has every English
mention detached: the name still leads the linker there when the English
article is re-analysed, so the replayed detach is what takes the mention off.
The record keeps its French mentions only.
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
from veille.store.schema import analyses, articles, mentions


def _run(db: str, *args: str) -> Any:
    res = CliRunner().invoke(app, ["--db", db, *args])
    assert res.exit_code == 0, res.output
    return res


def _record(db: str, eid: str) -> dict[str, Any]:
    return {e["id"]: e for e in json.loads(_run(db, "entities", "--limit", "10000", "--json").stdout)}[eid]


def _reanalyse(db: str, where: Any = None) -> None:
    store = Store.open(db)
    with store.begin() as conn:
        query = update(analyses).values(version="veille.analysis.v0")
        conn.execute(query if where is None else query.where(where))
    store.close()
    _run(db, "analyze", "--outdated")


@pytest.mark.slow
def test_detach_drops_a_language_no_mention_keeps(
        seeds_dir: Path, db_url: str, shared_data: Path, tmp_path: Path) -> None:
    path = shared_data / "news-clusters" / "news_cluster.jsonl"
    if not path.exists():
        pytest.skip(f"{path} absent")
    english = tmp_path / "english.jsonl"
    with path.open(encoding="utf-8") as fh:
        english.write_text(next(line for line in fh if "Kremlin" in line), encoding="utf-8")
    _run(db_url, "ingest", str(seeds_dir), "--no-cluster")
    _run(db_url, "ingest", str(english), "--no-cluster")
    store = Store.open(db_url)
    with store.connect() as conn:
        en_uid = conn.execute(select(articles.c.uid).where(articles.c.language == "en")).scalar_one()
        linked = [(r.entity_id, r.start, r.end, r.article_uid == en_uid, r.text)
                  for r in conn.execute(select(mentions).order_by(mentions.c.start))]
    store.close()
    written: dict[tuple[Any, bool], set[str]] = {}  # (record, in English) -> names as written
    for eid, _, _, en, text in linked:
        written.setdefault((eid, en), set()).add(text)
    ents = json.loads(_run(db_url, "entities", "--limit", "10000", "--json").stdout)
    both = [e for e in ents if sorted(e["languages"]) == ["en", "fr"]
            and written.get((e["id"], True), {""}) <= written.get((e["id"], False), set())]
    assert both, "no record holds one name in both languages: the scenario is gone"
    rec = max(both, key=lambda e: (e["mentions"], e["id"]))
    eid = rec["id"]
    spans = [(s, e) for x, s, e, en, _ in linked if x == eid and en]
    assert 0 < len(spans) < rec["mentions"]
    for start, end in spans:
        _run(db_url, "entity", "detach", eid, en_uid, str(start), str(end))
    after = _record(db_url, eid)
    assert after["mentions"] == rec["mentions"] - len(spans)
    assert after["languages"] == ["fr"]  # right after the corrections
    _reanalyse(db_url, analyses.c.article_uid == en_uid)  # the English article is redone
    after = _record(db_url, eid)
    assert after["mentions"] == rec["mentions"] - len(spans)
    assert after["languages"] == ["fr"]
    _reanalyse(db_url)  # everything is redone: the corrections are replayed on every article
    after = _record(db_url, eid)
    assert after["mentions"] == rec["mentions"] - len(spans)
    assert after["languages"] == ["fr"]
