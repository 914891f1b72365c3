"""Article vectors: bounded, never failing on odd text, comparable across languages."""

from __future__ import annotations

import numpy as np

from veille.embed import article_chunks, embed_articles, pack, unpack
from veille.embed.encoder import CHUNK_CHARS, MAX_CHUNKS

FR = ("Le Parlement européen adopte la loi sur l'intelligence artificielle",
      "Les députés européens ont approuvé mercredi à Strasbourg le premier cadre juridique "
      "au monde sur l'intelligence artificielle, après des mois de négociations.")
EN = ("European Parliament passes artificial intelligence law",
      "Members of the European Parliament on Wednesday in Strasbourg approved the world's first "
      "legal framework for artificial intelligence after months of negotiations.")
OTHER = ("Floods in Pakistan displace thousands",
         "Heavy monsoon rains flooded villages in Sindh province, forcing thousands of families "
         "from their homes, officials said on Tuesday.")


def test_same_event_across_languages_is_closer_than_another_event() -> None:
    fr, en, other = (v.vector for v in embed_articles([FR, EN, OTHER]))
    assert fr is not None and en is not None and other is not None
    assert float(fr @ en) > float(fr @ other) + 0.2


def test_a_huge_article_embeds_its_first_chunks_with_a_note() -> None:
    body = "Une phrase de remplissage sur un sujet quelconque. " * 20_000  # ~1 MB
    assert len(article_chunks("Titre", body)) == MAX_CHUNKS
    assert all(len(c) <= CHUNK_CHARS for c in article_chunks("Titre", body))
    (v,) = embed_articles([("Titre", body)])
    assert v.vector is not None and v.chunks == MAX_CHUNKS
    assert any("long text" in n for n in v.notes)


def test_empty_and_unknown_script_give_notes_not_errors() -> None:
    empty, amharic, no_title = embed_articles(
        [(None, "   "), ("ሰላም", "የኢትዮጵያ መንግስት ዛሬ አዲስ ፖሊሲ አስታወቀ።"), (None, EN[1])])
    assert empty.vector is None and any("empty" in n for n in empty.notes)
    assert any("script" in n for n in amharic.notes)
    assert no_title.vector is not None and any("no title" in n for n in no_title.notes)


def test_packed_vectors_keep_their_cosines() -> None:
    fr, en = (v.vector for v in embed_articles([FR, EN]))
    assert fr is not None and en is not None
    data = pack(fr)
    assert len(data) == 4 + fr.shape[0]
    assert abs(float(unpack(data) @ unpack(pack(en))) - float(fr @ en)) < 0.01
    assert np.isclose(np.linalg.norm(unpack(data)), 1.0)


def test_a_vector_does_not_depend_on_the_batch_it_was_embedded_in() -> None:
    """A resumed run embeds other batches than an uninterrupted one; the
    stored vectors (and so the stories) must come out the same."""
    items = [FR, EN, OTHER]
    together = embed_articles(items)
    alone = [embed_articles([it])[0] for it in items]
    for a, b in zip(together, alone, strict=True):
        assert a.vector is not None and b.vector is not None
        assert pack(a.vector) == pack(b.vector)
