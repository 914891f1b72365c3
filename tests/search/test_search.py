"""Full-text search: stemming, ranking, snippets, facets, paging, on real seed text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.search.index import ensure_indexed, unindexed
from veille.search.query import Filters, QueryError, fts5_expression, parse, search
from veille.search.snippets import snippet
from veille.search.text import query_forms, stem_text
from veille.store import Store

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

# Two short English articles written for these tests (not from any outlet).
ENGLISH = [
    {"id": "en-1", "source": "example.org", "published": "2024-02-03", "language": "en",
     "title": "Ministers deploy new flood barriers",
     "text": "The government deployed flood barriers along the river on Monday. "
             "Engineers said the deployment would take two weeks."},
    {"id": "en-2", "source": "example.net", "published": "2024-03-10", "language": "en",
     "title": "Harvest festival opens",
     "text": "The harvest festival opened on Monday in the old town square with music and stalls."},
]


def _ingest(store: Store, tmp_path: Path, english: bool = True) -> None:
    paths = [str(EXAMPLES)]
    if english:
        jl = tmp_path / "en.jsonl"
        jl.write_text("\n".join(json.dumps(r) for r in ENGLISH), encoding="utf-8")
        paths.append(str(jl))
    report = ingest_items(store, read_paths(paths, SourceOptions()))
    assert len(report.added) == 4 if english else 2


def _ids(res: dict[str, Any]) -> list[str]:
    return [r["id"] for r in res["results"]]


@pytest.mark.parametrize(("word", "lang", "stem"), [
    ("déploiement", "fr", "deploi"), ("déployer", "fr", "deploi"), ("nucléaires", "fr", "nucleair"),
    ("deployed", "en", "deploy"), ("barriers", "en", "barrier"),
])
def test_text_stem_by_language(word: str, lang: str, stem: str) -> None:
    assert stem_text(word, lang) == stem


def test_text_elision_dropped() -> None:
    assert stem_text("l'Ukraine d'armes", "fr").split() == [stem_text("Ukraine", "fr"),
                                                            stem_text("armes", "fr")]


@pytest.mark.parametrize("q", ['"', 'NEAR(a b)', "a OR", "*", 'x"y', "col:val", "AND NOT"])
def test_query_user_input_is_never_fts_syntax(q: str) -> None:
    try:
        expr = fts5_expression(parse(q))
    except QueryError:
        return
    # Every token the user typed is inside a quoted FTS5 string.
    assert expr.count('"') % 2 == 0


@pytest.mark.parametrize("q", ["", "   ", "!!!", '""', "-alone"])
def test_query_without_words_is_refused(q: str) -> None:
    with pytest.raises(QueryError):
        parse(q)


def test_search_indexes_at_ingest(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    with store.connect() as conn:
        assert unindexed(conn) == []
        res = search(conn, "Loukachenko")
    assert sorted(_ids(res)) == sorted(p.name for p in EXAMPLES.glob("*.txt"))
    assert res["total"] == 2


def test_search_french_stemming_matches_other_forms(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    with store.connect() as conn:
        res = search(conn, "déploiements")  # the texts say déployer / déploiement
    assert len(res["results"]) == 2
    for r in res["results"]:
        snip = r["snippet"]
        words = [snip["text"][a:b].lower() for a, b in snip["highlights"]]
        assert words and all(w.startswith("dépl") for w in words)


def test_search_english_stemming(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    with store.connect() as conn:
        res = search(conn, "deploying barrier")
    assert _ids(res) == ["en-1"]
    assert res["results"][0]["title_highlights"]  # "deploy", "barriers" in the title


def test_search_phrase_and_exclusion(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    with store.connect() as conn:
        both = set(_ids(search(conn, "Poutine")))
        assert len(both) == 2
        # Only the second seed names M. Barry.
        not_barry = _ids(search(conn, "Poutine -Barry"))
        phrase = _ids(search(conn, '"Ben Barry"'))
        no_phrase = _ids(search(conn, '"Barry Ben"'))
    assert len(not_barry) == 1 and not_barry[0] not in phrase
    assert len(phrase) == 1
    assert no_phrase == []


def test_search_ranks_title_hits_first(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    with store.connect() as conn:
        res = search(conn, "festival")
    assert _ids(res)[0] == "en-2"


def test_search_filters_and_facets(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    with store.connect() as conn:
        res = search(conn, "Monday")
        langs = {f["value"]: f["count"] for f in res["facets"]["language"]}
        assert langs == {"en": 2}
        months = [f["value"] for f in res["facets"]["month"]]
        assert months == ["2024-03", "2024-02"]
        only = search(conn, "Monday", Filters(source="example.net"))
        dated = search(conn, "Monday", Filters(since="2024-03-01", until="2024-03-31"))
    assert _ids(only) == ["en-2"] and _ids(dated) == ["en-2"]


def test_search_keyset_paging_is_complete_and_disjoint(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    with store.connect() as conn:
        pages, after = [], None
        for _ in range(10):
            res = search(conn, "Poutine", limit=1, after=after, facets=False)
            pages += _ids(res)
            after = res["next"]
            if after is None:
                break
        everything = _ids(search(conn, "Poutine", limit=100))
    assert len(everything) == 2
    assert pages == everything


def test_ensure_indexed_backfills(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path, english=False)
    from sqlalchemy import text

    table = "article_search" if store.dialect == "postgresql" else "article_fts"
    with store.begin() as conn:
        conn.execute(text(f"DELETE FROM {table}"))
        assert len(unindexed(conn)) == 2
    assert ensure_indexed(store) == 2
    assert ensure_indexed(store) == 0
    with store.connect() as conn:
        assert search(conn, "Sotchi")["total"] == 2


def test_snippet_window_holds_the_hits() -> None:
    text = ("Un mot. " * 60) + "Le déploiement commence à Sotchi. " + ("Autre phrase. " * 60)
    forms = set(query_forms("déploiement")) | set(query_forms("Sotchi"))
    snip = snippet(text, forms, "fr")
    hits = [snip["text"][a:b] for a, b in snip["highlights"]]  # type: ignore[index, union-attr]
    assert hits == ["déploiement", "Sotchi"]
    assert snip["prefix"] and snip["suffix"]
