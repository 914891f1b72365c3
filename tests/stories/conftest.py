"""Seed story fixture: the real ingest reader and analysis pipeline, run once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]


def article_dict(art: Any) -> dict[str, Any]:
    return {
        "uid": art.uid,
        "title": art.title,
        "text": art.text,
        "source": art.source,
        "url": art.url,
        "published": art.published.label(),
        "published_start": art.published.start.isoformat() if art.published.start else None,
        "published_end": art.published.end.isoformat() if art.published.end else None,
        "date_precision": art.published.precision,
        "language": art.language,
        "duplicate_of": art.duplicate_of,
    }


def day_article(uid: str, text: str, source: str | None, day: str, language: str | None, *,
                title: str | None = None, url: str | None = None) -> dict[str, Any]:
    """A stored article row as the story builder reads it, published on one day."""
    return {"uid": uid, "title": title, "text": text, "source": source, "url": url,
            "published": day, "published_start": day, "published_end": day,
            "date_precision": "day", "language": language, "duplicate_of": None}


@pytest.fixture(scope="session")
def seed_story() -> dict[str, Any]:
    from veille.core.model import Article
    from veille.ingest.prepare import prepare
    from veille.ingest.readers import ReadOptions, read_seed

    paths = sorted((REPO / "examples").glob("*.txt"))
    if not paths:
        pytest.skip("examples/ seeds absent")
    articles = []
    for p in paths:
        for rec in read_seed(p.read_bytes(), ReadOptions(origin=str(p), name=p.stem)):
            art = prepare(rec, 5 * 1024 * 1024)
            assert isinstance(art, Article), art
            articles.append(article_dict(art))
    try:
        from veille.analyze.pipeline import analyze_batch
    except ImportError:
        pytest.skip("veille.analyze.pipeline not available yet")
    from datetime import date

    from veille.core.model import DateRange

    items = []
    for a in articles:
        rng = DateRange(date.fromisoformat(a["published_start"]),
                        date.fromisoformat(a["published_end"]), a["date_precision"])
        items.append((a["uid"], a["text"], a["language"], rng))
    results = analyze_batch(items)
    entities: dict[str, Any] = {}
    try:  # link entities across the articles as `veille analyze` does before saving
        from veille.analyze.linking import link_entities
    except ImportError:
        pass
    else:
        results, records = link_entities(results, [])
        entities = {r.entity_id: r.to_dict() for r in records}
    analyses = [an.to_dict() for an in results]
    return {"articles": articles, "analyses": analyses, "entities": entities}


@pytest.fixture(scope="session")
def seed_view(seed_story: dict[str, Any]) -> dict[str, Any]:
    from veille.stories.view import build_story_view

    return build_story_view(seed_story["articles"], seed_story["analyses"],
                            seed_story["entities"]).to_dict()
