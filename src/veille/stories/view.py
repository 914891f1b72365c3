"""Assemble the whole story view from a story's articles and their analyses.

Pure: no store, no model load beyond spaCy's rule sentencizer for articles that
have no analysis yet. Every section is always present; what could not be built
is said in ``missing`` instead of failing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np

from veille.stories.facts import build_facts, find_disagreements, label_range, score_matrix
from veille.stories.graph import build_graph, graph_to_json
from veille.stories.similarity import similarity_matrix
from veille.stories.sources import independence_keys
from veille.stories.speakers import build_speakers
from veille.stories.summary import build_summary, lexrank
from veille.stories.timeline import build_timeline
from veille.stories.title import choose_title
from veille.stories.units import build_units

SCHEMA = "veille.story_view/1"
#: Version of what this builder computes (same schema). Views are stored when a
#: story changes; one saved by another version is stale after an upgrade, and
#: readers rebuild it (``is_current``). Bump with any change of the output.
BUILDER = 4


def is_current(view: Mapping[str, Any] | None) -> bool:
    """A stored view this code would build the same way (else: rebuild it)."""
    return view is not None and view.get("builder") == BUILDER


def _main_language(articles: Sequence[Mapping[str, Any]]) -> tuple[str | None, dict[str, int]]:
    counts = Counter(a.get("language") or "unknown" for a in articles)
    size: Counter[str] = Counter()
    for a in articles:
        size[a.get("language") or "unknown"] += len(a.get("text") or "")
    known = [lang for lang in counts if lang != "unknown"]
    if not known:
        return None, dict(counts)
    return max(known, key=lambda lang: (counts[lang], size[lang])), dict(counts)


def _published(a: Mapping[str, Any]) -> tuple[date, date] | None:
    s, e = a.get("published_start"), a.get("published_end")
    if s:
        try:
            return date.fromisoformat(str(s)[:10]), date.fromisoformat(str(e or s)[:10])
        except ValueError:
            pass
    return label_range(a.get("published"))


def build_story_view(
    articles: Sequence[Mapping[str, Any]],
    analyses: Sequence[Mapping[str, Any] | None],
    entities: Mapping[str, Any],
    *,
    n_sentences: int = 5,
) -> dict[str, Any]:
    """The story view as JSON-serialisable dict (shape documented in docs/quality-stories.md)."""
    missing: list[str] = []
    analyses = list(analyses) + [None] * (len(articles) - len(analyses))
    order = sorted(range(len(articles)),
                   key=lambda i: (str(articles[i].get("published") or "9999"), i))
    articles = [articles[i] for i in order]
    analyses = [analyses[i] for i in order]
    main_lang, lang_counts = _main_language(articles)
    keys = independence_keys(articles)
    pub = [_published(a) for a in articles]
    units, notes = build_units(articles, analyses)
    missing.extend(notes)

    view: dict[str, Any] = {
        "schema": SCHEMA,
        "builder": BUILDER,
        "n_articles": len(articles),
        "articles": [
            {
                "uid": a["uid"],
                "title": a.get("title"),
                "source": a.get("source"),
                "url": a.get("url"),
                "published": a.get("published"),
                "date_precision": a.get("date_precision"),
                "language": a.get("language"),
                "duplicate_of": a.get("duplicate_of"),
                "independent_source": keys[a["uid"]]["key"],
                "source_reason": keys[a["uid"]]["reason"],
                "wire_agency": keys[a["uid"]]["agency"],
                "also_published_by": list(a.get("also_published_by") or []),
            }
            for a in articles
        ],
        "n_independent_sources": len({k["key"] for k in keys.values()}),
        "languages": {"main": main_lang, "articles_by_language": lang_counts},
    }
    if not articles:
        view.update(title=None, summary=[], facts=[], corroboration={"n_facts": 0, "by_sources": {}},
                    disagreements=[], timeline=[], speakers=[],
                    entity_graph={"nodes": [], "edges": []}, missing=["story has no articles"])
        return view
    if len(articles) == 1:
        missing.append("one article: nothing can be corroborated or contradicted")
    elif view["n_independent_sources"] == 1:
        missing.append("all articles count as one source (duplicates, one outlet or one agency)")
    if len([k for k in lang_counts if k != "unknown"]) > 1:
        missing.append(
            f"articles in several languages {sorted(lang_counts)}: title and summary prefer "
            f"{main_lang}; across languages statements match on entities, dates and numbers only"
        )
    if any(not a.get("source") and not a.get("url") for a in articles):
        missing.append("some articles have no source or URL: each counts as its own source")

    sim = similarity_matrix([u.text for u in units])
    match_sim = similarity_matrix([u.match_text for u in units])
    scores = score_matrix(units, match_sim, pub)
    facts, fact_of = build_facts(units, scores, match_sim, keys, main_lang)
    central = lexrank(sim) if units else np.zeros(0)

    view["title"] = choose_title(articles, units, main_lang)
    if view["title"] is None:
        missing.append("no title: no headline or stand-alone sentence")
    view["summary"] = build_summary(units, sim, central, facts, keys, main_lang, n=n_sentences)
    if len(view["summary"]) < n_sentences:
        missing.append(
            f"summary has {len(view['summary'])} of {n_sentences} sentences: not enough "
            "distinct stand-alone sentences"
        )

    disagreements = find_disagreements(units, match_sim, fact_of, facts, keys, pub)
    speakers, quote_dis = build_speakers(units, keys, entities)
    disagreements.extend(quote_dis)
    view["facts"] = [{k: v for k, v in f.items() if not k.startswith("_")} for f in facts]
    view["corroboration"] = {
        "n_facts": len(facts),
        "by_sources": dict(sorted(Counter(f["n_sources"] for f in facts).items())),
    }
    view["disagreements"] = disagreements
    timeline, unresolved = build_timeline(units, fact_of, facts, keys, pub)
    view["timeline"] = timeline
    view["speakers"] = speakers
    view["entity_graph"] = graph_to_json(build_graph(units, entities))

    have_analysis = any(a is not None for a in analyses)
    if have_analysis:
        if not timeline:
            missing.append("timeline empty: no resolved dates in the analyses")
        if unresolved:
            missing.append(f"{unresolved} time expressions without a resolved date left out")
        if not speakers:
            missing.append("no quotes found")
        if not view["entity_graph"]["nodes"]:
            missing.append("no entities found")
    else:
        missing.append("no analysis for any article: timeline, speakers, entity graph, "
                       "quantity disagreements unavailable")
    view["missing"] = missing
    return view
