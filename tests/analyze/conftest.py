"""Session fixtures for the analysis tests: each spaCy model loads once.

The seeds are analysed and linked once per session too; tests only read the
result (they must not mutate it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from veille.core.model import Analysis, DateRange, EntityRecord, Quote

REPO = Path(__file__).resolve().parents[2]
GOLD_EQ = REPO / "tests" / "data" / "gold" / "seeds_entities_quotes.json"
JUNE_2023 = DateRange(date(2023, 6, 1), date(2023, 6, 30), "month")


@pytest.fixture(scope="session")
def nlp_fr():
    from veille.analyze.nlp import get_nlp

    return get_nlp("fr")


@pytest.fixture(scope="session")
def nlp_en():
    from veille.analyze.nlp import get_nlp

    return get_nlp("en")


def _seed_paths() -> list[Path]:
    for d in (REPO / "examples", REPO.parent / "shared" / "seeds"):
        paths = sorted(d.glob("*.txt")) if d.is_dir() else []
        if paths:
            return paths
    return []


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, tuple[str, DateRange]]:
    from veille.analyze.evaluate import read_seed
    from veille.ingest.normalize import normalize_text

    paths = _seed_paths()
    if not paths:
        pytest.skip("seed articles absent (examples/ or ../shared/seeds)")
    return {p.name: read_seed(p, normalize_text) for p in paths}


@pytest.fixture(scope="session")
def seed_linked(
    nlp_fr, seed_texts
) -> tuple[list[Analysis], list[EntityRecord]]:
    from veille.analyze.linking import link_entities
    from veille.analyze.pipeline import analyze_batch

    items = [(name, text, "fr", pub) for name, (text, pub) in sorted(seed_texts.items())]
    return link_entities(analyze_batch(items), [])


@pytest.fixture(scope="session")
def analyze(nlp_fr, nlp_en) -> Callable[..., Analysis]:
    """analyze(text, language) -> Analysis, one article, models already warm."""
    from veille.analyze.pipeline import analyze_batch

    def run(text: str, language: str | None = "fr", uid: str = "t") -> Analysis:
        return analyze_batch([(uid, text, language, JUNE_2023)])[0]

    return run


@pytest.fixture(scope="session")
def gold_eq() -> Path:
    return GOLD_EQ


@pytest.fixture(scope="session")
def speech(analyze) -> Callable[[str], list[Quote]]:
    """speech(text) -> the French text's statements: quotes that are not a
    title or a term in quote marks (what the attribution tests judge)."""

    def run(text: str) -> list[Quote]:
        return [q for q in analyze(text, "fr").quotes if q.kind not in ("title", "term")]

    return run


@pytest.fixture(scope="session")
def about() -> Callable[[list[Quote], str], list[Quote]]:
    """about(quotes, words) -> the quotes whose text holds these words: how the
    French quote tests pick the statement a sentence is about (one definition
    for the session files, which each had their own)."""

    def pick(qs: list[Quote], words: str) -> list[Quote]:
        return [q for q in qs if words in q.text]

    return pick


@pytest.fixture(scope="session")
def speech_en(analyze) -> Callable[[str], list[Quote]]:
    """speech_en(text) -> the English text's statements (as :func:`speech`):
    one definition for the English quote tests, which each had their own."""

    def run(text: str) -> list[Quote]:
        return [q for q in analyze(text, "en").quotes if q.kind not in ("title", "term")]

    return run
