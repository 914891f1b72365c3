"""A story's statement vectors kept in the store (issue #19): the view refresh
saves what the encoder made, and an update in a process that never embedded
them (a worker started again) reads them instead of asking the encoder, and
makes the view it makes with the encoder's vectors in its cache."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from veille.embed import encoder as encoder_module
from veille.ingest.readers import ReadOptions, read_seed
from veille.services.pipeline import run_pipeline
from veille.store import Store
from veille.store.schema import articles, stories
from veille.store.statement_vectors import statement_vectors
from veille.stories import incremental, xlang
from veille.stories.service import _try_update
from veille.stories.vector_store import StoredVectors, text_hash

from .test_xlang import pl_en as pl_en  # (the SemEval English/Polish pair, analysed)


def _items(path: Path) -> list:  # type: ignore[type-arg]
    return list(read_seed(path.read_bytes(), ReadOptions(origin=str(path), name=path.stem)))


class _Counting:
    """The process's encoder, recording each text it is asked to encode."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def encode(self, texts: list[str]) -> Any:
        self.texts.extend(texts)
        return self.inner.encode(texts)

    def __getattr__(self, name: str) -> Any:  # the article embedding's tokenizer...
        return getattr(self.inner, name)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Counting]:
    enc = _Counting(encoder_module._encoder())
    monkeypatch.setattr(encoder_module, "_encoder", lambda: enc)
    yield enc


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a worker started again holds: no vector of any text."""
    monkeypatch.setattr(xlang, "_CACHE", type(xlang._CACHE)())


def _stored_hashes(store: Store) -> set[str]:
    with store.connect() as conn:
        return set(conn.execute(select(statement_vectors.c.text_hash)).scalars())


def test_an_update_reads_the_stored_vectors_instead_of_encoding(
        seeds_dir: Path, db_path: str, monkeypatch: pytest.MonkeyPatch,
        counting: _Counting) -> None:
    # the seeds make a story of two: let it be updated as a big story is
    monkeypatch.setattr(incremental, "FULL_BELOW", 0)
    monkeypatch.setattr(incremental, "REBUILD_GROWTH", 10.0)
    first, second = sorted(seeds_dir.glob("*.txt"))[:2]
    store = Store.open(db_path)
    try:
        _fresh_process(monkeypatch)
        run_pipeline(store, _items(first))
        built = _stored_hashes(store)
        assert built, "the full build's vectors are saved with its view"
        with store.connect() as conn:
            sid, view = conn.execute(select(stories.c.id, stories.c.view)).one()
        assert view["updates_since_rebuild"] == 0
        first_view = copy.deepcopy(view)

        _fresh_process(monkeypatch)
        counting.texts.clear()
        stored_before = xlang.STATS["stored"]
        run_pipeline(store, _items(second))
        with store.connect() as conn:
            (view,) = conn.execute(select(stories.c.view)).scalars()
        assert view["updates_since_rebuild"] == 1  # updated, not rebuilt
        asked = {text_hash(t) for t in counting.texts}
        assert not asked & built, "the encoder was asked for a text the store holds"
        # the build kept what its next update compares (incremental.warm_vectors):
        # the update embedded the new article's statements only
        with store.connect() as conn:
            new_text = " ".join(str(conn.execute(select(articles.c.text).where(
                articles.c.uid == second.stem)).scalar_one()).split())
        assert counting.texts and all(" ".join(t.split()) in new_text for t in counting.texts)
        assert xlang.STATS["stored"] > stored_before, "stored vectors were read"
        assert built < _stored_hashes(store)  # what the update encoded is kept too

        # the same update again from the first view, every vector from the
        # store: the view is the one made with the encoder's own vectors
        with store.begin() as conn:
            conn.execute(stories.update().values(view=first_view))
        _fresh_process(monkeypatch)
        counting.texts.clear()
        with xlang.vector_source(StoredVectors(store)):
            again = _try_update(store, sid)
        assert counting.texts == []
        assert again == view
    finally:
        store.close()


class _Memory:
    """An ``xlang.VectorSource`` in memory: what a store would hold."""

    def __init__(self, held: dict[str, Any] | None = None) -> None:
        self.held: dict[str, Any] = dict(held or {})

    def lookup(self, texts: Any) -> dict[str, Any]:
        return {t: self.held[t] for t in texts if t in self.held}

    def add(self, text: str, vector: Any) -> None:
        self.held[text] = vector

    def note_used(self, texts: Any) -> None:
        return None


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_a_build_warms_what_its_next_update_embeds(
        pl_en: dict[str, Any], seed_story: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
        counting: _Counting) -> None:
    """A story in three languages (a SemEval English report and its Polish
    version, a French seed) gains the other French seed right after its
    build, in a fresh process that has the build's vectors and those of
    ``warm_vectors``: the warm pass leaves the view as it is, and the update
    asks the encoder for no stored statement it did not ask for without it.
    (A story this small has all its facts' statements embedded by the build
    already: what the pass saves is measured at 1,000 articles by
    ``bench_views.py --store-io``.)"""
    from veille.core.records import StoredArticle, analysis_from_dict
    from veille.stories.view import build_story_view

    arts = [*pl_en["articles"], seed_story["articles"][0]]
    ans = [*pl_en["analyses"], seed_story["analyses"][0]]
    ents = {**pl_en["entities"], **seed_story["entities"]}
    new = StoredArticle.from_row(seed_story["articles"][1])
    new_an = analysis_from_dict(seed_story["analyses"][1], new.uid)
    new_text = _norm(new.text or "")

    def stored_texts_asked(source: _Memory, view: dict[str, Any]) -> list[str]:
        _fresh_process(monkeypatch)
        counting.texts.clear()
        with xlang.vector_source(source):
            incremental.update_story_view(copy.deepcopy(view), [new], [new_an], ents)
        assert counting.texts, "the new article's statements are embedded"
        return [t for t in counting.texts if _norm(t) not in new_text]

    _fresh_process(monkeypatch)
    built = _Memory()
    with xlang.vector_source(built):
        view = build_story_view(arts, ans, ents).to_dict()
    before = stored_texts_asked(_Memory(built.held), view)
    warmed = _Memory(built.held)
    unchanged = copy.deepcopy(view)
    with xlang.vector_source(warmed):
        incremental.warm_vectors(view)
    assert view == unchanged
    after = stored_texts_asked(warmed, view)
    assert set(after) <= set(before)
