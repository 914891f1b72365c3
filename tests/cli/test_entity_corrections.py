"""People's corrections of the entity linking (issue #15), on the seed articles:
each kind is applied at once to the stored analyses, survives re-analysis, and
a correction that cannot be made says why and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from typer.testing import CliRunner

from veille.cli import app
from veille.store import Store
from veille.store.schema import analyses, entity_corrections, mentions


def _run(db: str, *args: str, code: int = 0) -> Any:
    res = CliRunner().invoke(app, ["--db", db, *args])
    assert res.exit_code == code, res.output
    return res


def _json(db: str, *args: str) -> Any:
    return json.loads(_run(db, *args, "--json").stdout)


def _entities(db: str) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in _json(db, "entities", "--limit", "10000")}


def _linked(db: str) -> dict[tuple[str, int, int], str | None]:
    """(article, start, end) -> entity id, from the analysis JSON and the mention rows."""
    store = Store.open(db)
    with store.connect() as conn:
        rows = {(r.article_uid, r.start, r.end): r.entity_id for r in conn.execute(select(mentions))}
        for uid, data in conn.execute(select(analyses.c.article_uid, analyses.c.data)):
            for m in data["entities"]:
                assert rows[(uid, m["start"], m["end"])] == m.get("entity_id")  # both agree
    store.close()
    return rows


def _reanalyse(db: str) -> None:
    store = Store.open(db)
    with store.begin() as conn:
        conn.execute(update(analyses).values(version="veille.analysis.v0"))
    store.close()
    _run(db, "analyze", "--outdated")


@pytest.fixture
def seeded(seeds_dir: Path, db_path: str) -> str:
    _run(db_path, "ingest", str(seeds_dir))
    return db_path


def test_reanalysis_counts_each_mention_once(seeded: str) -> None:
    before = {k: (e["mentions"], e["name"]) for k, e in _entities(seeded).items()}
    _reanalyse(seeded)
    after = {k: (e["mentions"], e["name"]) for k, e in _entities(seeded).items()}
    assert after == before


def test_merge_moves_every_mention_and_survives_reanalysis(seeded: str) -> None:
    ents = _entities(seeded)
    places = sorted((e for e in ents.values() if e["label"] == "LOC"), key=lambda e: -e["mentions"])
    gone, kept = places[1]["id"], places[0]["id"]
    total = places[0]["mentions"] + places[1]["mentions"]
    moved = [k for k, v in _linked(seeded).items() if v == gone]
    out = _run(seeded, "entity", "merge", gone, kept, "--by", "Ana", "--note", "same place")
    assert out.stdout.strip() == kept and "merged" in out.stderr
    for _ in range(2):  # right after the correction, and after re-analysing everything
        linked = _linked(seeded)
        assert all(linked[k] == kept for k in moved) and gone not in linked.values()
        ents = _entities(seeded)
        assert gone not in ents and ents[kept]["mentions"] == total
        assert set(places[1]["aliases"]) <= set(ents[kept]["aliases"])
        _reanalyse(seeded)
    shown = _json(seeded, "entity", "show", kept)
    why = {a["name"]: a["evidence"] for a in shown["aliases"]}
    assert any(w and w.startswith("merge by Ana") for w in why.values())
    assert shown["corrections"][0]["note"] == "same place"
    res = _run(seeded, "entity", "show", gone, code=1)
    assert f"merged into {kept!r}" in res.stderr
    res = _run(seeded, "entity", "merge", gone, kept, code=1)  # nothing left to merge
    assert "was merged into" in res.stderr


def test_split_and_rename_survive_reanalysis(seeded: str) -> None:
    person = max((e for e in _entities(seeded).values() if e["label"] == "PER" and len(e["aliases"]) >= 2),
                 key=lambda e: e["mentions"])
    alias = min(person["aliases"], key=len)  # the shortest name: it goes to the new entity
    new_id = _run(seeded, "entity", "split", person["id"], alias, "--name", f"{alias} (other)").stdout.strip()
    assert new_id != person["id"]
    _run(seeded, "entity", "rename", person["id"], "The renamed one")
    for _ in range(2):
        ents = _entities(seeded)
        assert ents[new_id]["aliases"] == [alias] and ents[new_id]["name"] == f"{alias} (other)"
        assert alias not in ents[person["id"]]["aliases"]
        assert ents[person["id"]]["name"] == "The renamed one"
        assert ents[new_id]["mentions"] + ents[person["id"]]["mentions"] == person["mentions"]
        _reanalyse(seeded)
    listed = _json(seeded, "corrections")
    assert [c["action"] for c in listed] == ["rename", "split"]


def test_detach_unlinks_one_mention_for_good(seeded: str) -> None:
    linked = _linked(seeded)
    (uid, start, end), eid = next((k, v) for k, v in sorted(linked.items(), key=str) if v)
    n = _entities(seeded)[eid]["mentions"]
    _run(seeded, "entity", "detach", eid, uid, str(start), str(end))
    for _ in range(2):
        assert _linked(seeded)[(uid, start, end)] is None
        ents = _entities(seeded)
        assert (ents[eid]["mentions"] if eid in ents else 0) == n - 1
        _reanalyse(seeded)


@pytest.mark.parametrize("args,message", [
    (["merge", "per:nobody", "loc:nowhere"], "no entity with id 'per:nobody'"),
    (["rename", "per:nobody", "x"], "no entity with id"),
    (["detach", "per:nobody", "no-such-article", "0", "3"], "no entity with id"),
])
def test_impossible_corrections_say_why_and_write_nothing(seeded: str, args: list[str], message: str) -> None:
    res = _run(seeded, "entity", *args, code=1)
    assert message in res.stderr
    store = Store.open(seeded)
    with store.connect() as conn:
        assert conn.execute(select(func.count()).select_from(entity_corrections)).scalar() == 0
    store.close()


def test_split_checks_the_names(seeded: str) -> None:
    person = max((e for e in _entities(seeded).values() if e["label"] == "PER"), key=lambda e: e["mentions"])
    res = _run(seeded, "entity", "split", person["id"], "Not A Name Of Theirs", code=1)
    assert "not names of" in res.stderr
    res = _run(seeded, "entity", "split", person["id"], *person["aliases"], code=1)
    assert "at least one of its names" in res.stderr
    res = _run(seeded, "entity", "rename", person["id"], "bad\x07name", code=1)
    assert "control characters" in res.stderr


def test_entities_search_finds_by_a_name_as_written(seeded: str) -> None:
    person = max((e for e in _entities(seeded).values() if e["label"] == "PER" and len(e["aliases"]) >= 2),
                 key=lambda e: e["mentions"])
    surname = person["name"].split()[-1]
    found = _json(seeded, "entities", "--search", surname)
    assert person["id"] in [e["id"] for e in found]
    assert _json(seeded, "entities", "--search", "Zzyzx Qwerty") == []


def test_corrections_are_exported_with_who_and_when(seeded: str, tmp_path: Path) -> None:
    person = max((e for e in _entities(seeded).values() if e["label"] == "PER"), key=lambda e: e["mentions"])
    _run(seeded, "entity", "rename", person["id"], "Renamed", "--by", "Ana", "--note", "house style")
    rows = [json.loads(line) for line in
            _run(seeded, "export", "corrections", "--format", "jsonl").stdout.splitlines()]
    assert [(r["action"], r["entity_id"], r["name"], r["author"], r["note"]) for r in rows] == [
        ("rename", person["id"], "Renamed", "Ana", "house style")]
    assert rows[0]["created_at"][:4].isdigit()
    out = tmp_path / "c.csv"
    _run(seeded, "export", "corrections", "--format", "csv", "-o", str(out))
    assert "house style" in out.read_text(encoding="utf-8")
