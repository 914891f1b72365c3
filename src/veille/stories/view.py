"""Assemble the whole story view from a story's articles and their analyses.

Pure: no store, no model load beyond spaCy's rule sentencizer for articles that
have no analysis yet. Every section is always present; what could not be built
is said in ``missing`` instead of failing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from veille.core.gc_pause import cycle_collection_paused
from veille.core.model import Analysis
from veille.core.records import StoredArticle, analysis_from_dict
from veille.core.views import (
    SCHEMA,
    Corroboration,
    Disagreement,
    Languages,
    SpeakerGroup,
    StoryView,
    ViewArticle,
    from_plain,
)
from veille.stories.facts import build_facts, find_disagreements, group_statements
from veille.stories.graph import build_graph, graph_view
from veille.stories.similarity import StoryVectors
from veille.stories.sources import independence_keys
from veille.stories.speakers import build_speakers
from veille.stories.summary import EDGE_MIN, build_summary, lexrank
from veille.stories.timeline import build_timeline
from veille.stories.title import choose_title
from veille.stories.units import build_units, stance_map
from veille.stories.xlang import (
    CANDIDATES_PER_LANGUAGE,
    SAME_FACT,
    embed_texts,
    merge_across_languages,
)

__all__ = ["BUILDER", "SCHEMA", "build_story_view", "is_current"]

#: Version of what this builder computes (same schema). Views are stored when a
#: story changes; one saved by another version is stale after an upgrade, and
#: readers rebuild it (``is_current``). Bump with any change of the output.
#: 19: a full build is unchanged, an incremental update is not (its timeline
#: lines join the stored ones, it finds the new statements' disagreements): a
#: view updated by 18 may have dropped the sources of joined lines, rebuild it.
#: 20: a full build is unchanged; an update chooses its summary again over a
#: bounded pool ranked by its own centrality (``stories.summary_update``).
#: 21: "Who said what" leaves out statements the frame model read from verbs
#: no gold taught it (``stories.speakers.NOT_SAID``: acts, mostly).
#: 22: the summary passes over a sentence the furniture model half suspects
#: when clean ones are enough, and units carry their furniture score.
#: 23: a video, gallery or programme page's sentences are summary suspects
#: (``units.media_page``, by the URL's path).
#: 24: two outlets' ledes that restate each other are one statement
#: (``summary.ledes_restate``); a disagreement found as two pairs is one, and
#: a contraction or a symbol written as its word is no quote disagreement.
#: 25: a sentence the analysis marks imperative (``Sentence.imperative``)
#: dates no timeline line and is no summary sentence; fact members carry it.
#: 26: the compact timeline fills by the best-carried line of each date and
#: takes the day's event a named day gives (``names_publication_day``); a
#: lede reporting a stance its partner does not name is no restatement
#: (``stances``).
#: 27: two quotes of one speaker are one statement only when they share two
#: content words and most of them, or say the same words in order
#: (``quote_matching.said_alike``); a reader language no article is in keeps
#: the main language's title (``Title.language``); the several-languages limit
#: names them as text.
BUILDER = 27
#: identical bodies built in full before further copies are folded (see build_story_view)
COPIES_BUILT = 3


def is_current(view: Mapping[str, Any] | None) -> bool:
    """A stored view this code would build the same way (else: rebuild it)."""
    return view is not None and view.get("builder") == BUILDER


def _embed(texts: Sequence[str]) -> Any:
    """The multilingual encoder's unit vectors (summary redundancy)."""
    return embed_texts(texts)[0]


def _main_language(articles: Sequence[StoredArticle]) -> tuple[str | None, dict[str, int]]:
    counts = Counter(a.language or "unknown" for a in articles)
    size: Counter[str] = Counter()
    for a in articles:
        size[a.language or "unknown"] += len(a.text or "")
    known = [lang for lang in counts if lang != "unknown"]
    if not known:
        return None, dict(counts)
    return max(known, key=lambda lang: (counts[lang], size[lang])), dict(counts)


def _article(a: StoredArticle | Mapping[str, Any]) -> StoredArticle:
    return a if isinstance(a, StoredArticle) else StoredArticle.from_row(a)


def _analysis(an: Analysis | Mapping[str, Any] | None, uid: str) -> Analysis | None:
    if an is None or isinstance(an, Analysis):
        return an
    return analysis_from_dict(an, uid)


@cycle_collection_paused()  # see core.gc_pause
def build_story_view(
    articles: Sequence[StoredArticle | Mapping[str, Any]],
    analyses: Sequence[Analysis | Mapping[str, Any] | None],
    entities: Mapping[str, Any],
    *,
    n_sentences: int = 5,
    lang: str | None = None,
    cross_language: bool = True,
) -> StoryView:
    """The story view (``.to_dict()``: the JSON documented in docs/measured/quality-stories.md).

    Articles and analyses come typed from the store; their row and JSON forms
    (what tests, benchmarks and older callers hold) are read here, once.
    ``lang``: the reader's language, which the title, facts and summary prefer
    (default: the story's main language). ``cross_language`` False is the
    behaviour before the encoder, for the evaluations' "before": facts of
    different languages stay apart, and the summary judges redundancy by
    wording only (no encoder call at all).
    """
    missing: list[str] = []
    arts = [_article(a) for a in articles]
    ans = list(analyses) + [None] * (len(arts) - len(analyses))
    order = sorted(range(len(arts)), key=lambda i: (str(arts[i].published or "9999"), i))
    arts = [arts[i] for i in order]
    main_lang, lang_counts = _main_language(arts)
    reader = lang or main_lang
    keys = independence_keys(arts)
    # Word-for-word copies of a body beyond the first COPIES_BUILT are not
    # analysed again: they count as sources of the statements of the first one
    # (a dispatch run by thousands of sites keeps bounded time and memory).
    built: list[int] = []
    copies: dict[str, list[str]] = {}
    seen_bodies: dict[tuple[str, bool], list[int]] = {}
    for k, i in enumerate(order):
        body = (hashlib.sha1((arts[k].text or "").encode("utf-8")).hexdigest(), ans[i] is None)
        same = seen_bodies.setdefault(body, [])
        if len(same) >= COPIES_BUILT and (arts[k].text or "").strip():
            copies.setdefault(arts[same[0]].uid, []).append(arts[k].uid)
            continue
        same.append(k)
        built.append(k)
    typed_all = {k: _analysis(ans[order[k]], arts[k].uid) for k in built}
    b_arts = [arts[k] for k in built]
    typed = [typed_all[k] for k in built]
    pub = [a.published_range for a in b_arts]
    units, notes = build_units(b_arts, typed)
    missing.extend(notes)
    if copies:
        n_copies = sum(len(v) for v in copies.values())
        missing.append(f"{n_copies} articles repeat an earlier article word for word: "
                       "counted as sources of its statements, not read again")

    view = StoryView(
        schema=SCHEMA,
        builder=BUILDER,
        n_articles=len(arts),
        articles=[
            ViewArticle(
                uid=a.uid, title=a.title, source=a.source, url=a.url, published=a.published,
                date_precision=a.date_precision, language=a.language,
                duplicate_of=a.duplicate_of,
                independent_source=keys[a.uid]["key"],
                source_reason=keys[a.uid]["reason"],
                wire_agency=keys[a.uid]["agency"],
                also_published_by=list(a.also_published_by),
            )
            for a in arts
        ],
        n_independent_sources=len({k["key"] for k in keys.values()}),
        languages=Languages(main=main_lang, articles_by_language=lang_counts, reader=reader),
    )
    if not arts:
        view.missing = ["story has no articles"]
        return view
    view.stances = stance_map(units)
    if len(arts) == 1:
        missing.append("one article: nothing can be corroborated or contradicted")
    elif view.n_independent_sources == 1:
        missing.append("all articles count as one source (duplicates, one outlet or one agency)")
    if len([k for k in lang_counts if k != "unknown"]) > 1:
        missing.append(
            f"articles in several languages ({', '.join(sorted(lang_counts))}): title and "
            f"summary prefer {reader}; facts joined across languages by the multilingual encoder"
        )
    if any(not a.source and not a.url for a in arts):
        missing.append("some articles have no source or URL: each counts as its own source")

    # One sparse vector space for the statements and, where quotes make up most
    # of a sentence, for the quoted words it is matched on (Unit.match_text).
    extra: list[str] = []
    match_pos: list[int] = []
    for i, u in enumerate(units):
        mt = u.match_text
        if mt == u.text:
            match_pos.append(i)
        else:
            match_pos.append(len(units) + len(extra))
            extra.append(mt)
    vectors = StoryVectors([u.text for u in units] + extra)
    edges = vectors.neighbours(EDGE_MIN)
    groups = group_statements(units, vectors, match_pos, edges, pub)
    fact_vectors: dict[int, Any] = {}
    if cross_language:
        xl = merge_across_languages(units, groups, keys, pub)
        groups, fact_vectors = xl.groups, xl.vectors
        if xl.left_out:
            missing.append(f"across languages: {xl.compared} facts compared, {xl.left_out} "
                           "less carried ones not (one per language at most "
                           f"{CANDIDATES_PER_LANGUAGE})")
    facts, fact_of = build_facts(units, groups, vectors, keys, reader, copies=copies)
    central = lexrank(vectors, len(units), edges)

    view.title = choose_title(b_arts, units, reader, vectors)
    if view.title is None and reader != main_lang:
        # A reader's language no article is written in still needs a name for
        # the story: the main language's title, said to be one (its
        # ``language`` field and this note), never presented as a translation.
        view.title = choose_title(b_arts, units, main_lang, vectors)
        if view.title is not None:
            missing.append(f"no title in {reader}: the title is in {main_lang or 'another language'}"
                           ", the story's main language")
    if view.title is None:
        missing.append("no title: no headline or stand-alone sentence")
    by_fact = {f.id: fact_vectors[f.units[0]] for f in facts
               if f.units and f.units[0] in fact_vectors}
    view.summary = build_summary(units, vectors, central, facts, keys, reader, n=n_sentences,
                                 fact_vectors=by_fact, same_fact=SAME_FACT,
                                 embed=_embed if cross_language else None,
                                 titles={a.uid: a.title for a in arts})
    if len(view.summary) < n_sentences:
        missing.append(
            f"summary has {len(view.summary)} of {n_sentences} sentences: not enough "
            "distinct stand-alone sentences"
        )

    disagreements = find_disagreements(units, vectors, match_pos, edges, fact_of, facts, keys,
                                       pub)
    speakers, quote_dis = build_speakers(units, keys, entities, copies=copies)
    disagreements.extend(from_plain(Disagreement, d) if isinstance(d, Mapping) else d
                         for d in quote_dis)
    view.facts = facts
    view.corroboration = Corroboration(
        n_facts=len(facts),
        by_sources=dict(sorted(Counter(f.n_sources for f in facts).items())),
    )
    view.disagreements = disagreements
    timeline, unresolved = build_timeline(units, fact_of, facts, keys, pub,
                                          fact_vectors=by_fact, same_fact=SAME_FACT)
    view.timeline = timeline
    shown = sum(e.compact for e in timeline)
    if len(timeline) > shown:
        missing.append(f"timeline: {len(timeline)} events; the compact default shows the {shown} "
                       "that several sources carry (or the best carried), the rest on demand")
    view.speakers = [from_plain(SpeakerGroup, sp) if isinstance(sp, Mapping) else sp
                     for sp in speakers]
    view.entity_graph = graph_view(build_graph(units, entities, copies=copies))

    have_analysis = any(a is not None for a in typed)
    if have_analysis:
        if not timeline:
            missing.append("timeline empty: no resolved dates in the analyses")
        if unresolved:
            missing.append(f"{unresolved} time expression{'s' if unresolved != 1 else ''} "
                           "without a resolved date left out")
        if not view.speakers:
            missing.append("no quotes found")
        if not view.entity_graph.nodes:
            missing.append("no entities found")
    else:
        missing.append("no analysis for any article: timeline, speakers, entity graph, "
                       "quantity disagreements unavailable")
    view.missing = missing
    return view
