"""The store contract, run on SQLite and on PostgreSQL (see conftest.py).

The texts are the seed articles (examples/) and the public news-clusters
corpus when it is there; expectations are relations between inputs and
outputs (a rerun adds nothing, a copy folds into the first), never numbers
copied from a run.
"""

from __future__ import annotations

import json
import random
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from veille.core.model import Analysis, DateRange, EntityRecord, Mention, RawRecord, Reject, Sentence
from veille.core.records import analysis_from_dict
from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.store import Store
from veille.store import analyses as qa
from veille.store import articles as q
from veille.store.core import _alembic_config
from veille.store.schema import articles, metadata

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def _seed_records() -> list[RawRecord]:
    items = list(read_paths([str(EXAMPLES)], SourceOptions()))
    assert items and all(isinstance(i, RawRecord) for i in items), items
    return [i for i in items if isinstance(i, RawRecord)]


def _paragraph_records(n: int) -> list[RawRecord]:
    """Distinct articles cut from the seeds' paragraphs (real French text)."""
    paras = [p.strip() for r in _seed_records() for p in r.text.split("\n") if len(p.strip()) > 80]
    out = []
    for i in range(n):
        # two paragraphs per record, different pairs: distinct texts, no near-dups
        a, b = paras[i % len(paras)], paras[(i * 7 + 3) % len(paras)]
        out.append(RawRecord(text=f"{a}\n\n{b}\n\nRéf. {i}", origin="<test>", uid=f"p{i}",
                             source=f"src{i % 3}", language="fr",
                             published=DateRange(date(2023, 6, 1 + i % 28),
                                                 date(2023, 6, 1 + i % 28), "day")))
    return out


# --- schema -------------------------------------------------------------------
def test_migrations_reach_head_and_match_schema_module(store: Store) -> None:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert store.schema_revision() == head
    ours = set(metadata.tables)

    def include(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
        # Search-index tables are backend-specific (FTS5 / tsvector): not in schema.py.
        table = obj.table.name if type_ in ("index", "column", "unique_constraint") else name
        return table in ours

    with store.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include})
        diffs = compare_metadata(ctx, metadata)
    assert diffs == []


def test_reopening_a_migrated_store_is_a_no_op(db_url: str) -> None:
    Store.open(db_url).close()
    st = Store.open(db_url)
    try:
        with st.connect() as conn:
            assert q.count_articles(conn) == 0
    finally:
        st.close()


def test_url_forms() -> None:
    from veille.store import database_url

    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("x.db").startswith("sqlite:///")


# --- ingest -------------------------------------------------------------------
def test_seeds_round_trip(store: Store) -> None:
    recs = _seed_records()
    rep = ingest_items(store, recs)
    assert len(rep.added) == len(recs)
    with store.connect() as conn:
        for rec in recs:
            art = q.get_article(conn, rec.uid or "")
            assert art is not None
            assert art["language"] == "fr"
            assert art["published"] == rec.published.label()
            assert art["date_precision"] == "month"
            # the month range survives the round trip on both backends
            assert art["published_start"] == rec.published.start.isoformat()  # type: ignore[union-attr]
            assert art["published_end"] == rec.published.end.isoformat()  # type: ignore[union-attr]
            assert "Loukachenko" in art["text"]
        seqs = [r["seq"] for r in q.list_articles(conn)]
    assert seqs == list(range(1, len(recs) + 1))


def test_rerun_adds_nothing(store: Store) -> None:
    recs = _paragraph_records(30)
    first = ingest_items(store, recs, batch_size=7)
    second = ingest_items(store, recs, batch_size=7)
    assert len(first.added) == 30
    assert second.added == [] and second.unchanged == 30
    with store.connect() as conn:
        assert q.count_articles(conn) == 30


def test_exact_copy_is_folded_into_the_first(store: Store) -> None:
    a = _seed_records()[0]
    copy = replace(a, uid="copy-1", source="autre", text=a.text.upper().replace("\n", "\n\n"))
    rep = ingest_items(store, [a, copy])
    assert len(rep.added) == 1 and rep.exact_duplicates == 1
    with store.connect() as conn:
        also = q.also_published_by(conn, a.uid or "")
        assert [(x["id"], x["kind"]) for x in also] == [("copy-1", "exact")]
    # rerun: the copy is known
    assert ingest_items(store, [copy]).unchanged == 1


def test_near_copy_is_linked(store: Store) -> None:
    a = _seed_records()[0]
    sentences = a.text.split(". ")
    # Replace the shortest "sentence" (this split leaves whole paragraphs as
    # sentences: replacing the last one left a true Jaccard of 0.68, below the
    # 0.7 threshold, so whether it was linked was MinHash noise).
    i = min(range(len(sentences)), key=lambda k: len(sentences[k]))
    sentences[i] = "Une phrase différente ajoutée par l'agence"
    near = replace(a, uid="near-1", text=". ".join(sentences))
    rep = ingest_items(store, [a, near])
    assert len(rep.added) == 2 and rep.near_duplicates == 1
    with store.connect() as conn:
        art = q.get_article(conn, "near-1")
        assert art is not None and art["duplicate_of"] == a.uid
        assert 0.7 <= art["similarity"] < 1.0


def test_reused_id_with_other_text_is_rejected(store: Store) -> None:
    a, b = _seed_records()[:2]
    rep = ingest_items(store, [a, replace(b, uid=a.uid)])
    assert len(rep.added) == 1 and [r.code for r in rep.rejects] == ["E013"]


def test_rejects_are_kept_once(store: Store) -> None:
    rej = Reject("<stdin>", "bad json", "E003", 4, '{"id": 1,')
    ingest_items(store, [rej])
    ingest_items(store, [rej])
    with store.connect() as conn:
        rows = q.list_rejects(conn)
    assert [(r["code"], r["line"]) for r in rows] == [("E003", 4)]


def test_odd_characters_survive_both_backends(store: Store) -> None:
    # NUL and other C0 controls, astral-plane characters, RTL text: PostgreSQL
    # refuses NUL in text columns, so what reaches the store must be clean.
    text = "Début\x00 du texte\x07 avec 🚀 emoji, عربى, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 et « guillemets »."
    rec = RawRecord(text=text, origin="<t>", uid="odd\x00id", title="Titre\x00", language="fr")
    raw_rej = Reject("<t>", "broken\x00 record", "E003", 1, "raw\x00 bytes")
    rep = ingest_items(store, [rec, raw_rej])
    assert len(rep.added) + len(rep.rejects) == 2
    with store.connect() as conn:
        rows = q.list_articles(conn)
        assert len(rows) == 1
        art = q.get_article(conn, rows[0]["id"])
        assert art is not None
        assert "🚀" in art["text"] and "عربى" in art["text"] and "\x00" not in art["text"]
        assert all("\x00" not in (r["raw"] or "") for r in q.list_rejects(conn))


def test_listing_filters(store: Store) -> None:
    ingest_items(store, _paragraph_records(12))
    with store.connect() as conn:
        assert {r["source"] for r in q.list_articles(conn, source="src1")} == {"src1"}
        assert len(q.list_articles(conn, language="fr")) == 12
        assert q.list_articles(conn, language="en") == []
        june10 = q.list_articles(conn, since="2023-06-10", until="2023-06-10")
        assert [r["published"] for r in june10] == ["2023-06-10"]
        assert len(q.list_articles(conn, limit=5)) == 5


# --- analyses (JSON columns) -----------------------------------------------------
def test_analysis_json_round_trip(store: Store) -> None:
    rec = _seed_records()[0]
    ingest_items(store, [rec])
    uid = rec.uid or ""
    an = Analysis(article_uid=uid, language="fr")
    # the mood bit the analysis keeps (analyze.mood) survives both backends
    an.sentences = [Sentence(0, 0, 12, "« Tout va » "),
                    Sentence(1, 13, 24, "Regardez-la.", imperative=True)]
    an.entities = [Mention("Poutine", "PER", 3, 10, 0, entity_id="per:poutine")]
    with store.begin() as conn:
        qa.save_analysis(conn, an, "v-test")
        qa.save_entities(conn, [EntityRecord(entity_id="per:poutine", canonical="Vladimir Poutine",
                                             label="PER", aliases=["Poutine", "Путин"],
                                             n_mentions=1, languages=["fr"])])
    with store.begin() as conn:  # saving again replaces, never duplicates
        qa.save_analysis(conn, an, "v-test")
    with store.connect() as conn:
        got = qa.get_analysis(conn, uid)
        ents = qa.load_entities(conn)
        assert qa.pending(conn, 10) == []
    assert got is not None and got["version"] == "v-test"
    assert got["data"] == json.loads(json.dumps(an.to_dict()))
    assert got["data"]["entities"][0]["text"] == "Poutine"
    assert [s.imperative for s in analysis_from_dict(got["data"]).sentences] == [False, True]
    assert ents[0].aliases == ["Poutine", "Путин"]


# --- full-text search (migration 0002, veille.search) ------------------------------
def test_full_text_search_stems_french_and_english(store: Store) -> None:
    from veille.search.query import search

    fr = RawRecord(text="Les armes nucléaires seront déployées en Biélorussie, a déclaré le président.",
                   origin="<t>", uid="fr1", language="fr")
    en = RawRecord(text="Officials said the missiles were launched over the northern island.",
                   origin="<t>", uid="en1", language="en")
    ingest_items(store, [fr, en])
    with store.connect() as conn:
        assert [r["id"] for r in search(conn, "arme nucléaire")["results"]] == ["fr1"]
        assert [r["id"] for r in search(conn, "missile launch")["results"]] == ["en1"]
        assert search(conn, "Sotchi")["results"] == []


# --- concurrency -------------------------------------------------------------------
def test_concurrent_writers_store_each_article_once(db_url: str) -> None:
    """Four writers ingest overlapping shuffles of the same records at once:
    every article is stored once, seqs stay contiguous, nobody errors."""
    Store.open(db_url).close()  # migrate once, as a deployment would
    recs = _paragraph_records(60)
    results: list[int] = []
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        st = Store.open(db_url)
        try:
            mine = recs[:]
            random.Random(k).shuffle(mine)
            results.append(len(ingest_items(st, mine, batch_size=5).added))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            st.close()

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(results) == 60
    st = Store.open(db_url)
    try:
        with st.connect() as conn:
            seqs = sorted(conn.execute(select(articles.c.seq)).scalars())
            n_uids = conn.execute(select(func.count(func.distinct(articles.c.uid)))).scalar_one()
    finally:
        st.close()
    assert seqs == list(range(1, 61)) and n_uids == 60


@pytest.mark.slow
def test_news_clusters_corpus_ingests_identically(db_url: str, shared_data: Path) -> None:
    """The same public corpus gives the same stored rows on both backends."""
    path = shared_data / "news-clusters" / "news_cluster.jsonl"
    if not path.exists():
        pytest.skip(f"{path} absent")
    st = Store.open(db_url)
    try:
        rep = ingest_items(st, read_paths([str(path)], SourceOptions()))
        with st.connect() as conn:
            rows = q.list_articles(conn)
    finally:
        st.close()
    n_lines = sum(1 for line in path.read_text().splitlines() if line.strip())
    assert len(rep.added) + rep.exact_duplicates + len(rep.rejects) == n_lines
    assert len(rows) == len(rep.added)
    # duplicates found must point at earlier articles
    order = {r["id"]: r["seq"] for r in rows}
    for r in rows:
        if r["duplicate_of"]:
            assert order[r["duplicate_of"]] < r["seq"]
