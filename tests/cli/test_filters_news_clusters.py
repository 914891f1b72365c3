"""The CLI filters on real English news (../shared/data/news-clusters): outlets
stored as "www.rt.com" found as "rt.com", names several entities answer to
listed on stderr (exit 1), a full name or an id resolving to one entity."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from veille.analyze.lookup import find_entities
from veille.cli import app
from veille.store import Store
from veille.store.analyses import load_entities

N_ARTICLES = 40  # the file's first lines: enough for shared surnames and www. outlets


def run(db: str, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, ["--db", db, *args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise AssertionError(f"veille {' '.join(args)} raised {r.exception!r}")
    return r.exit_code, r.stdout, r.stderr


def _json(db: str, *args: str) -> Any:
    code, out, err = run(db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def db(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    src = shared_data / "news-clusters" / "news_cluster.jsonl"
    if not src.is_file():
        pytest.skip(f"{src} absent")
    tmp = tmp_path_factory.mktemp("nc")
    part = tmp / "part.jsonl"
    with src.open(encoding="utf-8") as fh:
        part.write_text("".join(line for _, line in zip(range(N_ARTICLES), fh, strict=False)),
                        encoding="utf-8")
    path = str(tmp / "v.db")
    # Analysed (the entities) and clustered (the stories), without the story
    # views no test here reads (about a fifth of the fixture's time).
    code, _, err = run(path, "ingest", "--no-cluster", str(part))
    assert code == 0, err
    code, _, err = run(path, "cluster", "--no-views")
    assert code == 0, err
    return path


@pytest.mark.slow
def test_www_outlets_found_without_www(db: str) -> None:
    arts = _json(db, "articles")
    by_source = Counter(a["source"] for a in arts if a["source"])
    www = [s for s in by_source if s.startswith("www.")]
    assert www, "the sample has outlets stored with www."
    for stored in www:
        bare = stored.removeprefix("www.")
        found = _json(db, "articles", "--source", bare)
        assert len(found) == by_source[stored] + by_source.get(bare, 0)
        assert {a["source"] for a in found} <= {stored, bare}
        stories = _json(db, "stories", "--source", bare)
        assert {a["id"] for a in found} <= {u for s in stories for u in s["articles"]}


@pytest.mark.slow
def test_ambiguous_names_are_listed_and_full_names_resolve(db: str) -> None:
    store = Store.open(db)
    with store.connect() as conn:
        records = load_entities(conn)
    store.close()
    # A lone surname several people share in the sample (found, not written here).
    words = sorted({r.canonical.split()[-1] for r in records if r.label == "PER"})
    ambiguous = [w for w in words if len(find_entities(w, records)) > 1]
    if not ambiguous:
        pytest.skip("no surname shared by two people in the sample")
    word = ambiguous[0]
    code, out, err = run(db, "search", word, "--entity", word)
    assert (code, out) == (1, "")
    assert all(r.entity_id in err for r in find_entities(word, records))
    # Each candidate's id names it alone, and finds articles.
    for r in find_entities(word, records):
        assert _json(db, "articles", "--entity", r.entity_id)
