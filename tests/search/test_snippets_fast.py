"""The fast snippet cutter gives the reference one's answer, word for word (issue 20:
snippets were ~80 % of an uncached search's time).

``snippet_reference`` is the plain statement (every word through ``tokens``);
``snippet`` finds the same words with one ``findall`` over the text with
elisions blanked, and the hit words by set operations. Compared on the seed
articles with queries made of their own words, and on generated texts full
of elisions, apostrophes, accents and odd letters."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.search.query import parse
from veille.search.snippets import snippet, snippet_reference, whole_highlights
from veille.search.text import WORD, blank_elisions, tokens

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _same(text: str, q: str, language: str | None) -> None:
    forms = parse(q).forms()
    for width in (32, 5, 1, 10_000):
        assert snippet(text, forms, language, width) == snippet_reference(text, forms, language, width), (
            q, language, width)
        # Title highlights: the whole text's, or the window's when it is longer.
        assert whole_highlights(text, forms, language, width) == snippet_reference(
            text, forms, language, width)["highlights"], (q, language, width)


def test_seed_articles_same_snippets() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts, "examples/ seeds absent"
    rng = random.Random(4)
    for text in texts:
        words = [w for w, _, _ in tokens(text)]
        for _ in range(40):
            q = " ".join(rng.sample(words, rng.choice((1, 2, 3))))
            for language in ("fr", "en", None):
                _same(text, q, language)


def test_blanked_elisions_keep_offsets_and_words() -> None:
    text = "L'Ukraine et l’armée d'Europe qu'il jusqu'à aujourd'hui L'L'l 'l rock'n'roll"
    plain = blank_elisions(text)
    assert len(plain) == len(text)
    assert [(m.group(), m.start(), m.end()) for m in WORD.finditer(plain)] == list(tokens(text))


ALPHABET = st.sampled_from(list("abcdeélLdDqQuUsSnNtTjJmMcC'’ -.\n") + ["É", "ß", "İ", "ſ", "K", "_", "1"])


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=300), st.text(ALPHABET, min_size=1, max_size=30),
       st.sampled_from(["fr", "en", None, "de"]))
def test_generated_texts_same_snippets(text: str, q: str, language: str | None) -> None:
    plain = blank_elisions(text)
    assert [(m.group(), m.start(), m.end()) for m in WORD.finditer(plain)] == list(tokens(text))
    try:
        forms = parse(q).forms()
    except ValueError:
        return  # no word in the query
    for width in (32, 3, 10_000):
        assert snippet(text, forms, language, width) == snippet_reference(text, forms, language, width)
        assert whole_highlights(text, forms, language, width) == snippet_reference(
            text, forms, language, width)["highlights"]
