"""Snippets cut from the stored word index are the reference cutter's, word for
word (issue 20: the index replaces a scan of every result's text per search).

Compared on the seed articles with queries made of their own words, and on
generated texts full of elisions, apostrophes, accents, odd letters and long
runs of separators; an index made from another text is refused."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

import veille.search.query as query_module
from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.search.index import ensure_indexed
from veille.search.query import parse, search
from veille.search.snippets import snippet_reference
from veille.search.text import index_words, tokens
from veille.search.wordindex import encode, snippet_from_index
from veille.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _same(text: str, q: str, language: str | None, widths: tuple[int, ...] = (32, 5, 1, 10_000)) -> None:
    forms = parse(q).forms()
    index = encode(text, language)
    for width in widths:
        assert snippet_from_index(text, index, forms, language, width) == snippet_reference(
            text, forms, language, width), (q, language, width)


def test_seed_articles_same_snippets() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts, "examples/ seeds absent"
    rng = random.Random(5)
    for body in texts:
        words = [w for w, _, _ in tokens(body)]
        for _ in range(40):
            q = " ".join(rng.sample(words, rng.choice((1, 2, 3))))
            for language in ("fr", "en", None):
                _same(body, q, language)


def test_an_index_of_another_text_or_language_is_not_used() -> None:
    text = "L'armée a déployé ses troupes près de la frontière."
    forms = parse("déploiement").forms()
    index = encode(text, "fr")
    assert snippet_from_index(text, index, forms, "fr") == snippet_reference(text, forms, "fr")
    assert snippet_from_index(text, index, forms, "fr")["highlights"] == [[8, 15]]  # type: ignore[index]
    assert snippet_from_index(text + " Plus tard.", index, forms, "fr") is None
    assert snippet_from_index(text, index, forms, "en") is None  # stems of another language
    assert snippet_from_index(text, None, forms, "fr") is None
    assert snippet_from_index(text, b"\x00\x01", forms, "fr") is None


def test_long_separators_and_many_distinct_words() -> None:
    # Gaps over 255 and 65,535 characters, more than 256 distinct words.
    words = [f"mot{i}" for i in range(700)]
    text = "début " + " ".join(words) + " " + "-" * 300 + " fin " + "." * 70_000 + " mot3 fin"
    _same(text, "fin mot3", "fr", widths=(32, 3))


ALPHABET = st.sampled_from(list("abcdeélLdDqQuUsSnNtTjJmMcC'’ -.\n") + ["É", "ß", "İ", "ſ", "K", "_", "1"])


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=300), st.text(ALPHABET, min_size=1, max_size=30),
       st.sampled_from(["fr", "en", None, "de"]))
def test_generated_texts_same_snippets(text: str, q: str, language: str | None) -> None:
    try:
        forms = parse(q).forms()
    except ValueError:
        return  # no word in the query
    index = encode(text, language)
    for width in (32, 3):
        assert snippet_from_index(text, index, forms, language, width) == snippet_reference(
            text, forms, language, width)


# Beyond the lookup table of the Basic Multilingual Plane: astral letters and
# digits (word characters), emoji (not), combining marks, other scripts.
WIDE = st.sampled_from(list("aéL'’ -\n_") + ["𝐀", "𝟏", "😀", "𐐀", "\u0301", "Ж", "中", "٣", "\u200d", "ſ"])


@settings(max_examples=200, deadline=None)
@given(st.text(WIDE, max_size=200), st.text(WIDE, min_size=1, max_size=12),
       st.sampled_from(["fr", "en", None]))
def test_words_outside_the_table_same_snippets(text: str, q: str, language: str | None) -> None:
    try:
        forms = parse(q).forms()
    except ValueError:
        return
    index = encode(text, language)
    assert encode(text, language, index_words(text)) == index  # ingest's workers pass the words
    for width in (10_000, 3):
        assert snippet_from_index(text, index, forms, language, width) == snippet_reference(
            text, forms, language, width)


def test_words_of_another_text_are_refused() -> None:
    text = "L'armée a déployé ses troupes."
    with pytest.raises(ValueError):
        encode(text, "fr", index_words(text)[1:])


def test_ingest_writes_the_index_searches_read_it_and_old_stores_are_filled(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest writes every article's word index; a search cuts its snippets
    from it (the text scan is never called); a store indexed before 0021
    answers the same from the text until ``ensure_indexed`` fills it."""
    ingest_items(store, read_paths([str(EXAMPLES)], SourceOptions()))
    queries = ["Loukachenko", "nucléaires Biélorussie", "déploiement", "\"armes nucléaires\" -Lavrov", "la"]
    with store.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        assert conn.execute(text("SELECT count(*) FROM search_words")).scalar_one() == n > 0
        scanned = [search(conn, q) for q in queries]
    assert sum(bool(r["results"]) for r in scanned) >= 4  # snippets to compare

    def no_scan(*a: object, **k: object) -> None:
        raise AssertionError("snippet cut from the text although the article has a word index")

    with monkeypatch.context() as m:
        m.setattr(query_module, "snippet", no_scan)
        with store.connect() as conn:
            assert [search(conn, q) for q in queries] == scanned
    with store.begin() as conn:
        conn.execute(text("DELETE FROM search_words"))
    with store.connect() as conn:
        assert [search(conn, q) for q in queries] == scanned
    ensure_indexed(store)
    with store.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_words")).scalar_one() == n
        assert [search(conn, q) for q in queries] == scanned
        kept = dict(conn.execute(text("SELECT seq, body FROM search_words")).all())
    # Indexes of another definition of a word (a pack's new elision) are made again.
    with store.begin() as conn:
        conn.execute(text("UPDATE search_words SET body = :b"), {"b": b"\x01\x00\x00\x00\x00" + b"x" * 40})
    ensure_indexed(store)
    with store.connect() as conn:
        assert {k: bytes(v) for k, v in conn.execute(text("SELECT seq, body FROM search_words")).all()} == {
            k: bytes(v) for k, v in kept.items()}
