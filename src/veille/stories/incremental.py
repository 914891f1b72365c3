"""Add articles to a stored story view without rebuilding it.

A full build (``view.build_story_view``) reads every article and analysis of
the story; at 1,000 articles that is seconds of work and hundreds of
megabytes for each article the clusterer adds. An update reads only the new
articles and the stored view (its facts, timeline, speakers and summary are
the story's state) and changes what the new statements touch:

- **facts**: each new statement joins the stored fact whose representative
  statement it matches best, when their combined score (``facts.pair_score``,
  wording and the new statement's dates and numbers) reaches the merge
  threshold; candidates are found by blocking on rare words of the fact
  statements; the rest are grouped among themselves as new facts;
- **timeline**: the events of the new statements are merged by fact into the
  stored events (``timeline.build_timeline`` on the new statements), every
  event cites its fact's articles and sources besides those it already cited,
  and the lines of the dates the update touched are joined as a full build
  joins them (:func:`join_lines`: one event in other words or another language);
- **speakers**: a new quote joins the stored quote of its speaker that it
  renders (the word-overlap test of ``quote_matching.match_by_words``), else
  it is a new quote of that speaker;
- **summary**: chosen again by the full build's ``summary.build_summary``
  over a bounded pool (the summary's facts, the facts the new statements
  joined or made, the most carried ones), ranked by LexRank over the pool's
  statements (``stories.summary_update``);
- **disagreements**: the new statements' numbers and dates against the
  stored statements of the facts they join (read back through ``context``),
  and quotes that gained a rendering, by the full build's functions;
- **corroboration, articles, languages, entity graph** are recounted.

What an update does not do, and a full rebuild does (documented in
docs/measured/quality-stories.md): stored facts are never split or merged
with each other, joins are decided against a fact's representative only (not
the average over its members), statements in another language join only on
wording or, for the first statements of a new article, the multilingual
encoder against the most carried stored facts (``_join_across_languages``),
centrality is that of the summary's bounded pool, not of the whole story
(``stories.summary_update``), and quantity/date
disagreements are not sought between statements of two facts of close wording
(the full build's neighbour pairs). ``updates_since_rebuild``
counts the articles added since the last full build; the service rebuilds in
full when the story has grown by a quarter since then (so the drift stays
bounded, at an amortised cost of a few milliseconds per article) and on any
split, merge, removal or builder version change.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from itertools import islice
from typing import Any, overload

import numpy as np

from veille.core.gc_pause import cycle_collection_paused
from veille.core.model import Analysis
from veille.core.records import StoredArticle
from veille.core.text import fold_words
from veille.core.views import (
    Disagreement,
    TimelineEntry,
    ViewArticle,
    to_plain,
)
from veille.stories.facts import (
    MAX_MEMBERS_SHOWN,
    MERGE_THRESHOLD,
    Fact,
    _unit_ref,
    build_facts,
    entity_idf,
    features,
    find_disagreements,
    group_statements,
    pair_score,
    parse_day,
)
from veille.stories.quote_matching import differing_renderings
from veille.stories.similarity import StoryVectors
from veille.stories.sources import independence_keys
from veille.stories.speakers import build_speakers, join_speakers, merge_quote
from veille.stories.summary import Embed, candidate
from veille.stories.summary_update import resummarize
from veille.stories.timeline import (
    BACKGROUND_DAYS,
    SAME_DAY_WORDING,
    build_timeline,
    mark_compact,
    merge_same_date,
    merge_same_wording,
)
from veille.stories.units import Unit, build_units, stance_map
from veille.stories.xlang import SAME_FACT, cross_score, decide, embed_texts

_WORD = re.compile(r"\w{3,}", re.UNICODE)
POSTING_CAP = 300  # a word in more fact statements than this proposes no candidate
CANDIDATES = 12  # stored facts scored per new statement
#: a story grown by this share since its last full build is rebuilt in full
REBUILD_GROWTH = 0.25
#: stories this small are always rebuilt in full (cheap, and exact)
FULL_BELOW = 60


def may_update(n_articles: int) -> bool:
    """Whether a story of this size is updated, not rebuilt, when it gains
    articles (so what its build embedded is worth keeping)."""
    return n_articles >= FULL_BELOW


def needs_full_build(view: Mapping[str, Any], n_new: int) -> bool:
    """Whether adding ``n_new`` articles to this stored view calls for a full build."""
    n = int(view.get("n_articles") or 0)
    base = max(n - int(view.get("updates_since_rebuild") or 0), 1)
    return not may_update(n) or (n + n_new) > base * (1 + REBUILD_GROWTH)


def _pub(a: StoredArticle) -> tuple[date, date] | None:
    return a.published_range


def _keys_for(view: Mapping[str, Any], new: Sequence[StoredArticle]) -> dict[str, dict[str, Any]]:
    """Independence keys of the stored articles (from the view) and of the new ones;
    a new near duplicate of a stored article counts as that article's source."""
    keys: dict[str, dict[str, Any]] = {}
    for a in view["articles"]:
        keys[a["uid"]] = {"key": a["independent_source"], "reason": a["source_reason"],
                          "agency": a.get("wire_agency")}
    fresh = independence_keys(list(new))
    for a in new:
        k = fresh[a.uid]
        if a.duplicate_of and a.duplicate_of in keys:
            root = keys[a.duplicate_of]
            k = {"key": root["key"], "agency": root.get("agency"),
                 "reason": f"near duplicate of {a.duplicate_of}; " + str(root["reason"])}
        keys[a.uid] = k
    return keys


def _stored_unit(ref: Mapping[str, Any]) -> Unit:
    """A stored fact representative as a statement (wording and language only)."""
    return Unit(idx=-1, article=-1, uid=ref["article"], sentence=int(ref.get("sentence", 0)),
                start=int(ref["start"]), end=int(ref["end"]), text=ref["text"],
                language=ref.get("language"), caption=bool(ref.get("caption")))


def _fact_index(facts: Sequence[Mapping[str, Any]], wanted: set[str]) -> dict[str, list[int]]:
    """Which stored facts carry each of the ``wanted`` words (those of the new
    statements): one pass over the fact statements, each cut into words once
    per process (:func:`_words_of`)."""
    postings: dict[str, list[int]] = {}
    for k, shared in enumerate(map(wanted.intersection, _words_of([f["statement"] for f in facts]))):
        for w in shared:
            postings.setdefault(w, []).append(k)
    return postings


#: statements whose words are kept between updates (cleared when full, so a
#: long-running process stays bounded: ~1.3 KB a statement, ~50 MB at most;
#: a story of 1,000 articles has ~12,000 statements)
WORDS_CACHE_MAX = 40_000
_WORDS_OF: dict[str, list[str]] = {}
#: statements cut into words by :func:`_words_of` (the cache's misses; a test
#: reads it to see that a second update of a story cuts only its new ones)
WORDS_CUT = Counter[str]()


def _words_of(texts: Sequence[str]) -> list[list[str]]:
    """The words (3 characters or more, lowercased) of each fact statement.

    A story's stored statements are the same from one update to the next, and
    cutting them was most of the index's cost (a regex pass over 12,000
    statements, ~50 ms, for each article added to a story of 1,000): the
    service updates a growing story many times in one process. Kept as the
    regex gives them (a list: making a set or interning the words cost the
    first update of a story more than the cache saved it). The statements
    not cached yet are cut in one ``map`` (no Python call per statement: the
    first update of a story in a process cuts all 12,000 of them)."""
    cache = _WORDS_OF
    cut: dict[str, list[str]] = {}
    missing = [t for t in dict.fromkeys(texts) if t not in cache]
    if missing:
        cut = dict(zip(missing, map(_WORD.findall, map(str.lower, missing)), strict=True))
        WORDS_CUT["statements"] += len(cut)
        if len(cache) + len(cut) > WORDS_CACHE_MAX:
            cache.clear()
        cache.update(islice(cut.items(), WORDS_CACHE_MAX))
    return [cut[t] if (got := cache.get(t)) is None else got for t in texts]


@cycle_collection_paused()  # see core.gc_pause
def update_story_view(
    view: dict[str, Any],
    new_articles: Sequence[StoredArticle],
    new_analyses: Sequence[Analysis | None],
    entities: Mapping[str, Any],
    context: Context | None = None,
) -> dict[str, Any]:
    """The stored view (JSON, as saved) with ``new_articles`` added; returns it.

    ``context`` reads stored articles back (uids -> articles and analyses):
    the statements a new one joins are read again to compare their numbers
    and dates (:func:`_new_disagreements`); without it only the new articles'
    statements are compared with each other. Runs with the cycle collector
    paused (``core.gc_pause``)."""
    old_uids = {a["uid"] for a in view["articles"]}
    pairs = [(a, an) for a, an in zip(new_articles, new_analyses, strict=False)
             if a.uid not in old_uids]
    if not pairs:
        return view
    new = [a for a, _ in pairs]
    keys = _keys_for(view, new)
    units, notes = build_units(new, [an for _, an in pairs])
    for uid, by_start in stance_map(units).items():  # what resummarize reads of the quotes
        view.setdefault("stances", {}).setdefault(uid, {}).update(by_start)
    pub = [_pub(a) for a in new]
    facts: list[dict[str, Any]] = view["facts"]

    # --- facts: join stored ones, or group the rest as new facts -------------
    wanted = {w for u in units for w in _WORD.findall(u.match_text.lower())}
    postings = _fact_index(facts, wanted)
    rep_units = {}
    joined: dict[int, int] = {}  # new unit -> stored fact position
    cands: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        if u.n_words < 3:
            continue
        hits: Counter[int] = Counter()
        # words in the order the statement gives them, not a set's: the
        # candidates' ties (most_common) are broken by this order, and a set's
        # order changes with the process's string hash seed
        for w in dict.fromkeys(_WORD.findall(u.match_text.lower())):
            post = postings.get(w)
            if post and len(post) <= POSTING_CAP:
                hits.update(post)
        cands[i] = [k for k, _ in hits.most_common(CANDIDATES)]
    cand_facts = sorted({k for c in cands.values() for k in c})
    texts = [u.match_text for u in units] + [facts[k]["statement"] for k in cand_facts]
    vectors = StoryVectors(texts)
    where = {k: len(units) + x for x, k in enumerate(cand_facts)}
    idf = entity_idf(units)
    feats = features(units, pub, idf)
    for i, ks in cands.items():
        best, best_score = None, MERGE_THRESHOLD
        for k in ks:
            if k not in rep_units:
                rep_units[k] = _stored_unit(facts[k]["representative"])
            ru = rep_units[k]
            ref = features([ru], [None], idf, by_position=True)[0]
            score, _ = pair_score(units[i], ru, vectors.sim(i, where[k]), idf, feats[i], ref)
            if score >= best_score:
                best, best_score = k, score
        if best is not None:
            joined[i] = best
    joined.update(_join_across_languages(units, facts, joined, pub))
    rest = [i for i in range(len(units)) if i not in joined]
    sub = [units[i] for i in rest]
    sub_vectors = StoryVectors([u.text for u in sub] + [u.match_text for u in sub])
    match_pos = [len(sub) + k for k in range(len(sub))]
    groups = group_statements(sub, sub_vectors, match_pos,
                              sub_vectors.neighbours(0.2), pub)
    new_facts, _ = build_facts(sub, groups, StoryVectors([u.text for u in sub]), keys,
                               view["languages"]["main"])
    for i, k in joined.items():
        f = facts[k]
        u = units[i]
        f["n_members"] = int(f.get("n_members") or len(f["members"])) + 1
        if len(f["members"]) < MAX_MEMBERS_SHOWN:
            f["members"].append(to_plain(_unit_ref(u)))
        if u.uid not in f["articles"]:
            f["articles"].append(u.uid)
        src = keys[u.uid]["key"]
        if src not in f["sources"]:
            f["sources"] = sorted({*f["sources"], src})
        f["n_sources"] = len(f["sources"])
        f["entities"] = sorted(set(f["entities"]) | set(u.entities))
        if u.language:
            f["languages"] = sorted({*(f.get("languages") or []), u.language})
    touched = set(joined.values())
    for nf in new_facts:
        nf.units = [rest[i] for i in nf.units]
    first_new = len(facts)
    facts.extend(to_plain(nf) for nf in new_facts)

    # renumber: most corroborated first, as a full build orders them
    order = sorted(range(len(facts)), key=lambda k: (-facts[k]["n_sources"],
                                                      -len(facts[k]["members"]), k))
    old_id = {k: facts[k]["id"] for k in range(first_new)}
    facts[:] = [facts[k] for k in order]
    renamed: dict[str, str] = {}
    pos_of: dict[int, int] = {}
    for pos, k in enumerate(order):
        new_id = f"F{pos + 1}"
        if k < first_new:
            renamed[old_id[k]] = new_id
        pos_of[k] = pos
        facts[pos]["id"] = new_id
    fact_of_new = [0] * len(units)
    for i, k in joined.items():
        fact_of_new[i] = pos_of[k]
    for x, nf in enumerate(new_facts):
        for i in nf.units:
            fact_of_new[i] = pos_of[first_new + x]
    by_id = {f["id"]: f for f in facts}

    # --- articles, sources, languages ---------------------------------------
    for a in new:
        ak = keys[a.uid]
        view["articles"].append(to_plain(ViewArticle(
            uid=a.uid, title=a.title, source=a.source, url=a.url, published=a.published,
            date_precision=a.date_precision, language=a.language,
            duplicate_of=a.duplicate_of, independent_source=ak["key"],
            source_reason=ak["reason"], wire_agency=ak.get("agency"),
            also_published_by=list(a.also_published_by))))
    view["articles"].sort(key=lambda a: str(a.get("published") or "9999"))
    view["n_articles"] = len(view["articles"])
    view["n_independent_sources"] = len({a["independent_source"] for a in view["articles"]})
    langs = Counter(a.get("language") or "unknown" for a in view["articles"])
    view["languages"]["articles_by_language"] = dict(langs)
    view["corroboration"] = {"n_facts": len(facts), "by_sources": {
        str(n): c for n, c in sorted(Counter(f["n_sources"] for f in facts).items())}}

    # --- timeline -----------------------------------------------------------
    fact_objs = _FactsLike(facts)
    new_entries, unresolved = build_timeline(units, fact_of_new, fact_objs,  # type: ignore[arg-type]
                                             keys, pub)
    entries: dict[str, dict[str, Any]] = {}
    for e in view["timeline"]:
        e["fact"] = renamed.get(e["fact"], e["fact"])
        entries.setdefault(e["fact"], e)
    extra = []
    for ne in new_entries:
        plain = to_plain(ne)
        cur = entries.get(plain["fact"])
        if cur is None:
            extra.append(plain)
            entries[plain["fact"]] = plain
            continue
        for x in plain["expressions"]:
            if x not in cur["expressions"]:
                cur["expressions"].append(x)
        if plain["date"] != cur["date"]:
            cur["other_dates"] = sorted(set(cur.get("other_dates") or []) | {plain["date"]})
    timeline = list(view["timeline"]) + extra
    for e in timeline:
        ef = by_id.get(e["fact"])
        if ef is not None:
            # a line cites its fact's articles and those of the lines a build
            # joined into it (same event, other wording or language): both only grow
            e["articles"] = _union(e["articles"], ef["articles"])
            e["sources"] = _union(e["sources"], ef["sources"])
            e["n_sources"] = len(e["sources"])
            f_langs = ef.get("languages") or []
            if any(x not in e["languages"] for x in f_langs):
                e["languages"] = sorted({*e["languages"], *f_langs})
    changed_facts = {facts[fact_of_new[i]]["id"] for i in range(len(units))}
    timeline = join_lines(timeline, changed_facts, by_id, embed=_embed)
    timeline.sort(key=lambda e: (e["start"], e["end"], e["fact"]))
    firsts = [d for d in (parse_day(a.get("published")) for a in view["articles"]) if d]
    horizon = date.fromordinal(min(firsts).toordinal() - BACKGROUND_DAYS) if firsts else None
    typed = [TimelineEntry(**{k: v for k, v in e.items() if k in _TL_FIELDS}) for e in timeline]
    for e, t in zip(timeline, typed, strict=True):
        t.background = bool(horizon and date.fromisoformat(t.end) < horizon)
        e["background"] = t.background
    mark_compact(typed)
    for e, t in zip(timeline, typed, strict=True):
        e["compact"] = t.compact
    view["timeline"] = timeline

    # --- summary: chosen again over a bounded pool of facts (its own centrality) --
    for s in view["summary"]:
        s["fact"] = renamed.get(s["fact"], s["fact"])
    changed = {pos_of[k] for k in touched} | {pos_of[first_new + x]
                                              for x in range(len(new_facts))}
    view["summary"] = resummarize(view, facts, changed, keys, _embed)

    # --- disagreements: fact ids renamed; the new statements' own ------------
    for d in view["disagreements"]:
        if d.get("fact"):
            d["fact"] = renamed.get(d["fact"], d["fact"])
    _add_disagreements(view["disagreements"], _new_disagreements(
        units, fact_of_new, facts, keys, pub, context))

    # --- speakers -----------------------------------------------------------
    new_speakers, _ = build_speakers(units, keys, entities)
    _merge_speakers(view["speakers"], new_speakers)
    # one person, one speaker, as a full build decides it (a short form of a
    # stored name, or a stored short form of a new name)
    view["speakers"] = join_speakers(view["speakers"])
    _quote_disagreements(view["disagreements"], view["speakers"], {a.uid for a in new})

    # --- entity graph -------------------------------------------------------
    _merge_graph(view["entity_graph"], units, entities)

    missing = [m for m in view.get("missing") or []
               if not m.startswith(("one article", "updated incrementally"))]
    missing.extend(notes)
    view["updates_since_rebuild"] = int(view.get("updates_since_rebuild") or 0) + len(new)
    missing.append(f"updated incrementally with {view['updates_since_rebuild']} articles "
                   "since the last full build: facts are not re-split or merged, "
                   "the summary is re-ranked among the most carried facts only, "
                   "older disagreements are as of that build")
    if unresolved:
        missing.append(f"{unresolved} time expressions of the new articles without a "
                       "resolved date left out")
    view["missing"] = missing
    return view


_TL_FIELDS = frozenset(TimelineEntry.__dataclass_fields__)
#: stored articles read back per update for the numbers and dates of the
#: statements the new ones join (bounded work; most carried facts first)
CONTEXT_ARTICLES = 12

#: uids -> (articles, analyses) of stored articles (``store.story_views.article_inputs``)
Context = Callable[[Sequence[str]], tuple[Sequence[StoredArticle], Sequence[Analysis | None]]]


class _FactSides:
    """A fact as ``facts.find_disagreements`` reads it: its id, statement,
    source count and the positions of its statements in the compared list."""

    def __init__(self, f: Mapping[str, Any]) -> None:
        self.id, self.statement, self.n_sources = f["id"], f["statement"], f["n_sources"]
        self.units: list[int] = []


def _new_disagreements(units: Sequence[Unit], fact_of: Sequence[int],
                       facts: Sequence[Mapping[str, Any]],
                       keys: Mapping[str, Mapping[str, Any]],
                       pub: Sequence[tuple[date, date] | None],
                       context: Context | None) -> list[Disagreement]:
    """Numbers and dates of the new statements that disagree with another
    statement of their fact, found by the full build's own function
    (``facts.find_disagreements``) on the new statements and the stored
    members of the facts they joined (read back through ``context``, at most
    :data:`CONTEXT_ARTICLES` articles). What it does not compare, and a full
    build does: statements of two facts whose wording is close (the build's
    neighbour pairs), and members beyond those a stored fact lists."""
    dated = [i for i, u in enumerate(units) if u.quantities or u.times]
    if not dated:
        return []
    positions = sorted({fact_of[i] for i in dated}, key=lambda p: (-facts[p]["n_sources"], p))
    new_uids = {u.uid for u in units}
    wanted: dict[str, dict[int, int]] = {}  # stored article -> member start -> fact position
    for pos in positions:
        for m in facts[pos]["members"]:
            uid = m["article"]
            if uid in new_uids or (uid not in wanted and len(wanted) >= CONTEXT_ARTICLES):
                continue
            wanted.setdefault(uid, {})[int(m["start"])] = pos
    old: list[Unit] = []
    old_pub: list[tuple[date, date] | None] = []
    if wanted and context is not None:
        arts, ans = context(sorted(wanted))
        loaded, _ = build_units(list(arts), list(ans))
        old = [replace(u, article=u.article + len(pub)) for u in loaded
               if u.start in wanted.get(u.uid, {})]
        old_pub = [a.published_range for a in arts]
    index = {p: k for k, p in enumerate(positions)}
    sides = [_FactSides(facts[p]) for p in positions]
    chosen = [u for i, u in enumerate(units) if fact_of[i] in index] + old
    fact_c = [index[fact_of[i]] for i in range(len(units)) if fact_of[i] in index]
    fact_c += [index[wanted[u.uid][u.start]] for u in old]
    chosen = [replace(u, idx=k) for k, u in enumerate(chosen)]
    for k, f in enumerate(fact_c):
        sides[f].units.append(k)
    vectors = StoryVectors([u.match_text for u in chosen])
    found = find_disagreements(chosen, vectors, list(range(len(chosen))), [], fact_c,
                               sides, keys, [*pub, *old_pub])  # type: ignore[arg-type]
    return [d for d in found if any(sd.article in new_uids for sd in d.sides)]


def _add_disagreements(stored: list[dict[str, Any]], found: Sequence[Disagreement]) -> None:
    """Each found disagreement into the stored one of its kind, fact and subject
    (its new sides added), else as a new entry."""
    for d in found:
        plain = to_plain(d)
        cur = next((x for x in stored if x["kind"] == plain["kind"] and x.get("fact")
                    and x.get("fact") == plain["fact"] and x.get("about") == plain["about"]),
                   None)
        if cur is None:
            stored.append(plain)
            continue
        have = {(x["article"], x["text"]) for x in cur["sides"]}
        cur["sides"].extend(x for x in plain["sides"] if (x["article"], x["text"]) not in have)
#: lines embedded per update to join one event told in two languages (bounded work)
XLANG_LINES = 48


def _union(a: Sequence[str], b: Sequence[str]) -> list[str]:
    seen = set(a)
    return list(a) + [x for x in b if x not in seen]


def join_lines(timeline: list[dict[str, Any]], changed_facts: set[str],
               facts_by_id: Mapping[str, Mapping[str, Any]],
               embed: Embed | None = None) -> list[dict[str, Any]]:
    """The lines of ``timeline`` (JSON) with those of the dates the update
    touched joined as a full build joins them (``timeline.merge_same_date``,
    then ``timeline.merge_same_wording``): a new article's line of an event the
    view already dates in other words or another language becomes one line
    with the stored one. Only the date ranges of lines whose facts gained
    statements (``changed_facts``) are compared, so the work follows the
    update's size, not the story's; the n-gram weights are fitted on those
    lines (a full build fits them on all its lines: near the bar, a pair can
    go the other way). Facts' vectors across languages are the encoder's
    vectors of their representative statements (a full build's are those of
    the facts' first statements), for at most :data:`XLANG_LINES` lines."""
    ranges = {(e["start"], e["end"]) for e in timeline if e["fact"] in changed_facts}
    idx = [k for k, e in enumerate(timeline) if (e["start"], e["end"]) in ranges]
    if len(idx) < 2:
        return timeline
    typed = [TimelineEntry(**{f: v for f, v in timeline[k].items() if f in _TL_FIELDS})
             for k in idx]
    if embed is not None:
        vectors = _line_vectors(typed, facts_by_id, embed)
        if vectors:
            typed = merge_same_date(typed, vectors, SAME_FACT)
    people = {t.fact: {x for x in f.get("entities") or [] if x.startswith("per:")}
              for t in typed if (f := facts_by_id.get(t.fact)) is not None}
    typed = merge_same_wording(typed, SAME_DAY_WORDING, people)
    for t in typed:
        t.n_sources = len(t.sources)
    inside = set(idx)
    return [e for k, e in enumerate(timeline) if k not in inside] + [to_plain(t) for t in typed]


def _line_vectors(lines: Sequence[TimelineEntry], facts_by_id: Mapping[str, Mapping[str, Any]],
                  embed: Embed) -> dict[str, np.ndarray]:
    """Vectors (by fact id) of the lines that share their date range with a
    line of disjoint languages: the only ones ``merge_same_date`` compares."""
    wanted = _lines_compared(lines, facts_by_id)
    if len(wanted) < 2:
        return {}
    vecs = embed([str(facts_by_id[f]["representative"]["text"]) for f in wanted])
    return dict(zip(wanted, vecs, strict=True))


def _lines_compared(lines: Sequence[TimelineEntry],
                    facts_by_id: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The facts of the lines :func:`_line_vectors` embeds (at most XLANG_LINES)."""
    by_range: dict[tuple[str, str], list[TimelineEntry]] = {}
    for t in lines:
        by_range.setdefault((t.start, t.end), []).append(t)
    wanted: list[str] = []
    for group in by_range.values():
        for t in group:
            if t.languages and t.fact in facts_by_id and any(
                    o.languages and not set(o.languages) & set(t.languages) for o in group):
                wanted.append(t.fact)
    return list(dict.fromkeys(wanted))[:XLANG_LINES]


class _FactsLike(Sequence["_FactLike"]):
    """The stored facts as ``timeline.build_timeline`` reads them, each made
    when read: it reads only the facts of the new statements, and making all
    of them was a pass over the whole story per update."""

    def __init__(self, facts: Sequence[Mapping[str, Any]]) -> None:
        self._facts = facts
        self._made: dict[int, _FactLike] = {}

    def __len__(self) -> int:
        return len(self._facts)

    @overload
    def __getitem__(self, k: int) -> _FactLike: ...

    @overload
    def __getitem__(self, k: slice) -> list[_FactLike]: ...

    def __getitem__(self, k: int | slice) -> _FactLike | list[_FactLike]:
        if isinstance(k, slice):
            return [self[x] for x in range(len(self._facts))[k]]
        got = self._made.get(k)
        if got is None:
            got = self._made[k] = _FactLike(self._facts[k])
        return got


class _FactLike:
    """A stored fact (JSON) seen as the ``Fact`` the timeline builder reads."""

    def __init__(self, f: Mapping[str, Any]) -> None:
        self.id = f["id"]
        self.articles = f["articles"]
        self.sources = f["sources"]
        self.statement = f["statement"]
        self.languages = f.get("languages") or []
        self.entities = f.get("entities") or []


def _join_across_languages(units: Sequence[Unit], facts: Sequence[Mapping[str, Any]],
                           joined: Mapping[int, int],
                           pub: Sequence[tuple[date, date] | None]) -> dict[int, int]:
    """New statements joined to stored facts of other languages (``stories.xlang``).

    Bounded for an update: the first INC_UNITS stand-alone statements of each
    new article not joined on wording, against the INC_FACTS most carried
    stored facts in another language; a statement joins the fact it matches
    best when it is also that fact's best new statement and ``xlang.decide``
    (cosine and margin over the best rival) says one fact."""
    per_article: Counter[int] = Counter()
    new_idx = []
    for i, u in enumerate(units):
        if i in joined or not u.language or u.n_words < 4 or not candidate(u):
            continue
        if per_article[u.article] < INC_UNITS:
            per_article[u.article] += 1
            new_idx.append(i)
    if not new_idx:
        return {}
    stored = _cross_candidates(facts, {str(units[i].language) for i in new_idx})
    if not stored:
        return {}
    vu, _ = embed_texts([units[i].text for i in new_idx])
    vf, _ = embed_texts([facts[k]["statement"] for k in stored])
    idf = entity_idf(units)
    fu = features([units[i] for i in new_idx], [pub[units[i].article] for i in new_idx], idf,
                  by_position=True)
    fnone = features([_stored_unit(facts[k]["representative"]) for k in stored],
                     [None] * len(stored), idf, by_position=True)
    cos = vu @ vf.T
    sc = np.array([[cross_score(float(cos[p, q]), fu[p], fnone[q])
                    if units[new_idx[p]].language not in
                    (facts[stored[q]].get("languages") or []) else -1.0
                    for q in range(len(stored))] for p in range(len(new_idx))])
    return {new_idx[p]: stored[q] for p, q, _, _ in decide(sc, vu @ vu.T, vf @ vf.T)}


INC_UNITS = 8  # statements per new article compared across languages
INC_FACTS = 60  # stored facts (most carried first) they are compared with


def _cross_candidates(facts: Sequence[Mapping[str, Any]], langs: set[str]) -> list[int]:
    """Positions of the INC_FACTS most carried stored facts in a language
    other than ``langs`` (those new statements in ``langs`` are compared with).

    Walks the facts most carried first (a stable sort: the stored facts are
    in that order already) and stops at INC_FACTS: it read every fact's
    languages, a pass over the whole story per update."""
    n_sources = [-f["n_sources"] for f in facts]
    out: list[int] = []
    for k in sorted(range(len(facts)), key=n_sources.__getitem__):
        f = facts[k]
        langs_k = f.get("languages") or [f["representative"].get("language")]
        if langs_k and set(langs_k) - langs:
            out.append(k)
            if len(out) >= INC_FACTS:
                break
    return out


def warm_vectors(view: Mapping[str, Any], embed: Embed | None = None) -> None:
    """Ask the encoder now for what the next update of ``view`` (a full
    build's) will ask it for: per language of its articles, the stored
    statements a new article's are compared with across languages, and the
    statements the summary's pool offers (``summary_update``), and the lines
    of the most crowded dates that an update joins across languages
    (:func:`join_lines`, at most WARM_LINES), in the batches an update makes
    of them.

    Why: those vectors are the cold share of an update in a process that
    did not make them (~100 statements, ~0.2 s of CPU at 1,000 articles); a
    full build does not embed them itself (it embeds each fact's
    cross-language representative, and the summary's candidates over the
    whole story). Called where the vectors are kept beyond the process
    (``stories.service`` with the store's statement vectors); costs a
    full build what one update's encoder costs. The view is not changed."""
    embed = embed or _embed
    facts = view["facts"]
    langs = sorted((view.get("languages") or {}).get("articles_by_language") or {})
    for lang in (x for x in langs if x != "unknown"):  # no language: never compared
        stored = _cross_candidates(facts, {lang})
        if stored:
            embed([facts[k]["statement"] for k in stored])
    resummarize(view, facts, set(), _keys_for(view, []), embed)
    # the lines an update joins across languages are those of the dates its
    # statements touch: the most crowded dates first (every article's day,
    # the story's years), each as an update touching that date alone embeds
    # them (an update touching several dates, or whose renumbered facts
    # reorder a date's lines, embeds others: measured, one update in two)
    by_range: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for e in view["timeline"]:
        by_range.setdefault((e["start"], e["end"]), []).append(e)
    by_id = {f["id"]: f for f in facts}
    budget = WARM_LINES
    for group in sorted(by_range.values(), key=len, reverse=True):
        if budget <= 0 or len(group) < 2:
            break
        typed = [TimelineEntry(**{f: v for f, v in e.items() if f in _TL_FIELDS}) for e in group]
        wanted = _lines_compared(typed, by_id)
        if len(wanted) >= 2:
            embed([str(by_id[f]["representative"]["text"]) for f in wanted])
            budget -= len(wanted)


#: lines of the most crowded dates a full build embeds for its next updates
#: (bounded work: four dates' worth of an update's XLANG_LINES)
WARM_LINES = 4 * XLANG_LINES


def _embed(texts: Sequence[str]) -> np.ndarray:
    """The multilingual encoder's unit vectors (what the full build's summary uses)."""
    return np.asarray(embed_texts(texts)[0], dtype=np.float32)


def _merge_speakers(stored: list[dict[str, Any]], new: Sequence[Mapping[str, Any]]) -> None:
    def key(sp: Mapping[str, Any]) -> str:
        return str(sp.get("entity_id") or f"name:{fold_words(str(sp['speaker']))}")

    by_key = {key(sp): sp for sp in stored}
    for sp in new:
        cur = by_key.get(key(sp))
        if cur is None:
            plain = to_plain(sp)
            stored.append(plain)
            by_key[key(sp)] = plain
            continue
        for q in sp["quotes"]:
            merge_quote(cur["quotes"], to_plain(q))
        cur["sources"] = sorted(set(cur["sources"]) | set(sp["sources"]))
        cur["n_quotes"] = len(cur["quotes"])
    stored.sort(key=lambda e: (e["speaker"] == "unknown speaker", -e["n_quotes"], e["speaker"]))


def _quote_disagreements(disagreements: list[dict[str, Any]],
                         speakers: Sequence[Mapping[str, Any]], new_uids: set[str]) -> None:
    """Quotes that gained a rendering from the new articles, checked for wordings
    that differ between sources as a full build checks them
    (``quote_matching.differing_renderings`` over the quote's renderings): a new
    outlet's other wording of a stored quote is a disagreement, which an update
    missed before. One entry per quote: an existing entry sharing a side is
    replaced by the quote's full set of sides."""
    for sp in speakers:
        for q in sp["quotes"]:
            if not any(r["article"] in new_uids for r in q["renderings"]):
                continue
            direct = differing_renderings([r for r in q["renderings"]
                                           if r["kind"] in ("direct", "partial")])
            if not any(r["article"] in new_uids for r in direct):
                continue
            sides = [{"value": r["text"], "text": r["sentence"], "article": r["article"],
                      "source": r["source"]} for r in direct]
            mine = {(x["article"], x["value"]) for x in sides}
            cur = next((d for d in disagreements if d["kind"] == "quote_wording" and any(
                (x["article"], x["value"]) in mine for x in d["sides"])), None)
            if cur is None:
                disagreements.append({"kind": "quote_wording", "about": sp["speaker"],
                                      "fact": None, "sides": sides})
            else:
                cur["sides"] = sides


def _merge_graph(graph: dict[str, Any], units: Sequence[Unit],
                 entities: Mapping[str, Any]) -> None:
    nodes = {n["id"]: n for n in graph["nodes"]}
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    arts: dict[str, set[str]] = {}
    for u in units:
        for e in u.entities:
            node = nodes.get(e)
            if node is None:
                rec = entities.get(e)
                get = rec.get if isinstance(rec, Mapping) else (lambda k, r=rec: getattr(r, k, None))
                node = nodes[e] = {"id": e, "canonical": str(get("canonical") or e) if rec else e,
                                   "label": str(get("label") or "") if rec else "",
                                   "mentions": 0, "articles": 0}
            node["mentions"] += 1
            arts.setdefault(e, set()).add(u.uid)
        ents = sorted(set(u.entities))
        for x in range(len(ents)):
            for y in range(x + 1, len(ents)):
                k = (ents[x], ents[y]) if (ents[x], ents[y]) in edges else (ents[y], ents[x])
                if k in edges:
                    edges[k]["weight"] += 1
                else:
                    edges[(ents[x], ents[y])] = {"source": ents[x], "target": ents[y],
                                                 "weight": 1}
    for e, uids in arts.items():
        nodes[e]["articles"] += len(uids)
    graph["nodes"] = sorted(nodes.values(), key=lambda x: (-x["mentions"], x["id"]))
    graph["edges"] = sorted(edges.values(),
                            key=lambda x: (-x["weight"], x["source"], x["target"]))


__all__ = ["Fact", "may_update", "needs_full_build", "update_story_view", "warm_vectors"]
