"""Facts, corroboration and disagreements.

A fact is a group of statements (units) that say the same thing, in one article
or across several. Two statements are taken to say the same thing when their
wording is close, or when they share the story's named entities with times and
quantities that agree (resolved times overlap, counts of the same noun equal);
two statements about disjoint dates are different events however close their
wording ("announced in March to deploy" vs "will deploy after 7 July").
Groups are formed by average-linkage agglomerative clustering over that combined
score, so a chain of loosely related sentences does not fuse into one fact.

Each fact carries the number of independent sources stating it (see
``sources.independence_keys``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from veille.core.model import Quantity, TimeRef
from veille.core.quantities import comparable
from veille.core.text import fold_words
from veille.core.views import Disagreement, Fact, Side, UnitRef
from veille.stories.noun_sense import same_noun
from veille.stories.quote_matching import content_stems
from veille.stories.similarity import StoryVectors
from veille.stories.units import Unit, is_question

MERGE_THRESHOLD = 0.5  # combined score needed to join a fact (average linkage)
TEXT_SAME = 0.5  # char-n-gram cosine at which wording alone says "same statement"
TEXT_SUPPORT = 0.2  # minimum wording overlap backing a date or number match
TEXT_ENTITY_SUPPORT = 0.3  # wording overlap needed when entities alone vouch for a match
VERBATIM = 0.8  # so close that differing dates are a disagreement, not two events
MAX_SPECIFIC_DAYS = 400
MIN_FACT_WORDS = 3
MAX_RATIO = 3.0  # counts further apart than this are taken to count different things
# "Same entities" means the same actors: sharing only places or background
# events (a country, a war) does not make two statements one fact.
ACTORS = {"PER", "ORG"}  # ranges wider than this (decades, "récemment") say little


def parse_day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def time_ranges(
    unit: Unit, published: tuple[date, date] | None, *, specific: bool = True
) -> list[tuple[date, date, TimeRef]]:
    """Resolved DATE ranges of a unit. With ``specific``, drop ranges that only
    restate the publication date ("today", "this month") or are too wide to tell
    events apart."""
    out = []
    for t in unit.times:
        if t.type not in (None, "DATE", "TIME"):
            continue
        a, b = parse_day(t.range_start), parse_day(t.range_end)
        if a is None:
            continue
        b = b or a
        if specific:
            if (b - a).days > MAX_SPECIFIC_DAYS:
                continue
            if published and a <= published[0] and b >= published[1]:
                continue
        out.append((a, b, t))
    return out


_NUM_NOUN = re.compile(r"\W+")


def _noun_key(q: Quantity) -> str | None:
    """What ``q`` counts or measures, as ``core.quantities.comparable`` keys it: a
    measure by its SI unit and, for a position ("730 miles east of Hokkaido"), the
    place it is counted from, so it never meets a distance flown ("1,677 miles");
    money by currency; a percentage or age apart from a count of the same noun.
    A counted noun with no lemma from the parse is compared on a crude stem
    (plural/singular)."""
    c = comparable(q)
    if c is None:
        return None
    key = c.key
    if q.kind in ("measure", "money") and q.si_unit:
        return key
    if q.noun_lemma is None:
        key = _NUM_NOUN.sub(" ", key).strip()
        # plural/singular: compare on a crude stem; nouns are single words in practice
        key = key[:-1] if key.endswith(("s", "x")) and len(key) > 3 else key
    return key or None


def quantity_keys(unit: Unit) -> dict[str, set[tuple[float | None, float | None]]]:
    """Each comparable key of the unit's quantities with the intervals stated for
    it, in the key's unit (metres, a currency): "730 miles" and "1 175 km" meet."""
    out: dict[str, set[tuple[float | None, float | None]]] = {}
    for q in unit.quantities:
        k = _noun_key(q)
        c = comparable(q)
        if k is None or c is None:
            continue
        out.setdefault(k, set()).add((_rounded(c.low), _rounded(c.high)))
    return out


def _rounded(x: float | None) -> float | None:
    """Unit conversion leaves float noise ("730 miles" in metres): compare on 9
    significant digits."""
    return None if x is None else float(f"{x:.9g}")


def _overlap(r1: Sequence[tuple[date, date, Any]], r2: Sequence[tuple[date, date, Any]]) -> bool:
    return any(a1 <= b2 and a2 <= b1 for a1, b1, _ in r1 for a2, b2, _ in r2)


_SLACK_DAYS = {"year": 366}


def _counted_back(ranges: Sequence[tuple[date, date, TimeRef]]) -> list[tuple[date, date, TimeRef]]:
    """Ranges of a number of years counted back from the publication date ("42
    years ago", "il y a 42 ans": the times extractor's ``grammar:ago``) widened
    by a year each way: whether the anniversary has passed is unknown, so "42
    years ago" written in January 2018 is 1975 or 1976, and "1975" elsewhere is
    no disagreement. "Last year" or "in November" name their period: exact."""
    out = []
    for a, b, t in ranges:
        slack = _SLACK_DAYS.get(str(t.granularity))
        if slack and str(t.method or "").endswith(":ago"):
            a = a.fromordinal(max(1, a.toordinal() - slack))
            b = b.fromordinal(b.toordinal() + slack)
        out.append((a, b, t))
    return out


def _telling(value: tuple[float | None, float | None]) -> bool:
    """A number whose agreement across outlets is unlikely by chance: a range, or
    a bound or value of 10 or more or with decimals."""
    lo, hi = value
    if lo is not None and hi is not None and lo != hi:
        return True
    x = lo if lo is not None else hi
    return x is not None and (abs(x) >= 10 or x != int(x))


def _narrow_overlap(
    r1: Sequence[tuple[date, date, Any]], r2: Sequence[tuple[date, date, Any]]
) -> bool:
    """Overlapping ranges of at most a month on both sides."""
    return any(a1 <= b2 and a2 <= b1 and (b1 - a1).days <= 31 and (b2 - a2).days <= 31
               for a1, b1, _ in r1 for a2, b2, _ in r2)


def entity_idf(units: Sequence[Unit]) -> dict[str, float]:
    df = Counter(e for u in units for e in set(u.entities))
    n = max(len(units), 1)
    return {e: math.log(1 + n / c) for e, c in df.items()}


@dataclass
class Features:
    """What a unit is matched on besides wording, computed once per unit."""

    times: list[tuple[date, date, TimeRef]]
    quantities: dict[str, set[tuple[float | None, float | None]]]
    values: set[float]  # every stated number, whatever it counts (nouns are per language)
    entities: set[str]
    weight: float


def features(
    units: Sequence[Unit], pub: Sequence[tuple[date, date] | None], idf: Mapping[str, float],
    *, by_position: bool = False,
) -> list[Features]:
    """Features of each unit; ``pub`` is indexed by article, or with
    ``by_position`` by the unit's position in ``units``."""
    return [
        Features(time_ranges(u, pub[k if by_position else u.article]), quantity_keys(u),
                 {float(q.value) for q in u.quantities if q.value is not None},
                 set(u.entities),
                 sum(idf.get(e, 1.0) for e in set(u.entities)))
        for k, u in enumerate(units)
    ]


def pair_score(
    u: Unit,
    v: Unit,
    text_sim: float,
    idf: Mapping[str, float],
    fu: Features,
    fv: Features,
) -> tuple[float, dict[str, Any]]:
    """Combined "same statement" score of two units, with the evidence used."""
    ev: dict[str, Any] = {"text": round(float(text_sim), 3)}
    tu, tv = fu.times, fv.times
    time_match = bool(tu and tv and _overlap(tu, tv))
    time_conflict = bool(tu and tv and not time_match)
    qu, qv = fu.quantities, fv.quantities
    shared_nouns = set(qu) & set(qv)
    qty_match = any(qu[k] & qv[k] for k in shared_nouns)
    qty_conflict = bool(shared_nouns) and not qty_match
    shared = fu.entities & fv.entities
    ent_overlap = (sum(idf.get(e, 1.0) for e in shared) / min(fu.weight, fv.weight)
                   if shared else 0.0)
    ev.update(shared_entities=sorted(shared), time_match=time_match, qty_match=qty_match)
    ev["entity_overlap"] = round(ent_overlap, 3)

    score = float(text_sim)
    if (time_conflict or qty_conflict) and text_sim < VERBATIM:
        ev["conflict"] = "time" if time_conflict else "quantity"
        return score * 0.5, ev
    # a shared date or count backs a match only with some shared wording; a shared
    # day or month is telling, a shared year needs more wording and a shared entity
    support = text_sim >= TEXT_SUPPORT
    if time_match and support and (
        _narrow_overlap(tu, tv) or (text_sim >= TEXT_ENTITY_SUPPORT and shared)
    ):
        score = max(score, 0.55 + 0.3 * text_sim)
    if qty_match and support:
        # agreeing on "two" or "three" is common; on 50 000 or 4.5 % it is telling
        telling = any(_telling(x) for k in shared_nouns for x in qu[k] & qv[k])
        if telling or text_sim >= TEXT_ENTITY_SUPPORT:
            score = max(score, 0.55 + 0.3 * text_sim)
    # across languages wording says nothing: the same day, the same entities and
    # the same number (or two shared entities, one an actor) make the same statement
    cross_language = bool(u.language and v.language and u.language != v.language)
    if cross_language and _narrow_overlap(tu, tv) and shared and (
        (fu.values & fv.values) or (len(shared) >= 2 and actors_shared(u, v, shared))
    ):
        score = max(score, 0.6)
    actors = actors_shared(u, v, shared)
    # entities alone vouch only when the dates do not tell otherwise: a statement
    # dated (to March) and an undated one are not shown to be one event by names
    times_agree = time_match or not (tu or tv)
    if (len(shared) >= 2 and actors and times_agree and ent_overlap >= 0.6
            and text_sim >= TEXT_ENTITY_SUPPORT):
        score = max(score, 0.45 + 0.15 * ent_overlap + 0.3 * text_sim)
    if text_sim >= TEXT_SAME:
        score = max(score, 0.6 + 0.4 * text_sim)
    return min(score, 1.0), ev


def actors_shared(u: Unit, v: Unit, shared: set[str]) -> set[str]:
    return {e for e in shared if (u.entity_labels.get(e) or v.entity_labels.get(e)) in ACTORS}


def _cross_language_pairs(units: Sequence[Unit], feats: Sequence[Features],
                          reps: Sequence[int]) -> set[tuple[int, int]]:
    """Pairs of statements in two languages sharing an entity and a month: the
    only ones :func:`pair_score` can join without shared wording. Blocked on
    (entity, month); a block larger than BLOCK_CAP statements of a language (an
    entity named everywhere) keeps its first ones."""
    blocks: dict[tuple[str, int, int], list[int]] = {}
    for k, i in enumerate(reps):
        u, f = units[i], feats[k]
        if not u.language or not f.times:
            continue
        months = {(a.year, a.month) for a, b, _ in f.times if (b - a).days <= 31}
        for e in f.entities:
            for y, m in months:
                blocks.setdefault((e, y, m), []).append(k)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        by_lang: dict[str, list[int]] = {}
        for k in members:
            by_lang.setdefault(str(units[reps[k]].language), []).append(k)
        if len(by_lang) < 2:
            continue
        langs = [v[:BLOCK_CAP] for v in by_lang.values()]
        for x in range(len(langs)):
            for y in range(x + 1, len(langs)):
                pairs.update((min(a, b), max(a, b)) for a in langs[x] for b in langs[y])
    return pairs


BLOCK_CAP = 30  # statements per language compared within one (entity, month) block
COMPONENT_CAP = 400  # distinct statements clustered at once (dense average linkage)


def group_statements(
    units: Sequence[Unit],
    vectors: StoryVectors,
    match_pos: Sequence[int],
    edges: Sequence[tuple[int, int, float]],
    pub: Sequence[tuple[date, date] | None],
) -> list[list[int]]:
    """Groups of units that say the same thing, by average linkage.

    Identical wordings are one statement (one vector row, counted once per
    article carrying it); fragments shorter than MIN_FACT_WORDS stay alone.
    Only pairs found by blocking (``edges``: neighbour rows by wording, plus
    statements in two languages sharing an actor and a month) are scored with
    :func:`pair_score`. Average linkage at MERGE_THRESHOLD never joins two
    groups without one pair at or above it, so it runs within the connected
    components of the pairs that reach it, each on its dense block of exact
    cosines (components above COMPONENT_CAP are cut at rising thresholds first):
    the work is bounded by the component sizes, not the story's.
    """
    row_units: dict[int, list[int]] = {}
    alone: list[list[int]] = []
    for i, u in enumerate(units):
        if u.n_words < MIN_FACT_WORDS:
            alone.append([i])
        else:
            row_units.setdefault(int(vectors.row[match_pos[i]]), []).append(i)
    rows = sorted(row_units, key=lambda r: row_units[r][0])
    if not rows:
        return sorted(alone)
    local = {r: k for k, r in enumerate(rows)}
    reps = [row_units[r][0] for r in rows]
    idf = entity_idf(units)
    feats = features([units[i] for i in reps], [pub[units[i].article] for i in reps], idf,
                     by_position=True)
    cand: dict[tuple[int, int], float] = {}
    for r, s_, cos in edges:
        if r in local and s_ in local and cos >= TEXT_SUPPORT:
            a, b = local[r], local[s_]
            cand[(min(a, b), max(a, b))] = cos
    for a, b in _cross_language_pairs(units, feats, reps):
        if (a, b) not in cand:
            cand[(a, b)] = vectors.sim(match_pos[reps[a]], match_pos[reps[b]])
    scores: dict[tuple[int, int], float] = {}
    for (a, b), cos in cand.items():
        sc, _ = pair_score(units[reps[a]], units[reps[b]], cos, idf, feats[a], feats[b])
        scores[(a, b)] = sc
    groups: list[list[int]] = []
    positions = [match_pos[i] for i in reps]
    for comp in _components(len(rows), scores, MERGE_THRESHOLD):
        for piece in _cut(comp, scores, MERGE_THRESHOLD):
            for g in _average_linkage(piece, vectors, positions, scores):
                groups.append(sorted(i for k in g for i in row_units[rows[k]]))
    groups.extend(alone)
    return sorted(groups, key=lambda g: g[0])


def _components(n: int, scores: Mapping[tuple[int, int], float],
                threshold: float) -> list[list[int]]:
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    pairs = [p for p, v in scores.items() if v >= threshold]
    if not pairs:
        return [[k] for k in range(n)]
    a = np.array([p[0] for p in pairs])
    b = np.array([p[1] for p in pairs])
    g = sp.coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    _, labels = connected_components(g, directed=False)
    comps: dict[int, list[int]] = {}
    for k, lab in enumerate(labels.tolist()):
        comps.setdefault(lab, []).append(k)
    return list(comps.values())


def _cut(comp: list[int], scores: Mapping[tuple[int, int], float],
         threshold: float) -> list[list[int]]:
    """A component small enough to cluster densely, or its pieces at a higher threshold."""
    if len(comp) <= COMPONENT_CAP:
        return [comp]
    if threshold >= 0.99:
        return [comp[k:k + COMPONENT_CAP] for k in range(0, len(comp), COMPONENT_CAP)]
    inside = set(comp)
    local = {k: x for x, k in enumerate(comp)}
    sub = {(local[a], local[b]): v for (a, b), v in scores.items() if a in inside and b in inside}
    higher = threshold + (1.0 - threshold) / 4
    out = []
    for piece in _components(len(comp), sub, higher):
        out.extend(_cut([comp[k] for k in piece], scores, higher))
    return out


def _average_linkage(piece: list[int], vectors: StoryVectors, positions: Sequence[int],
                     scores: Mapping[tuple[int, int], float]) -> list[list[int]]:
    if len(piece) == 1:
        return [piece]
    m = vectors.block([positions[k] for k in piece])
    for x in range(len(piece)):
        for y in range(x + 1, len(piece)):
            v = scores.get((piece[x], piece[y]))
            if v is not None:
                m[x, y] = m[y, x] = v
    return [[piece[k] for k in g] for g in group_units(m)]


def group_units(scores: np.ndarray) -> list[list[int]]:
    """Average-linkage groups of units whose mean pairwise score reaches the threshold
    (scipy's hierarchy: the same linkage as scikit-learn's, without its per-call cost,
    which dominated stories of thousands of small groups)."""
    n = scores.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    if n == 2:
        return [[0, 1]] if scores[0, 1] >= MERGE_THRESHOLD else [[0], [1]]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    dist = np.clip(1.0 - scores, 0.0, 1.0)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    # merged while the average distance stays below 1 - MERGE_THRESHOLD
    labels = fcluster(tree, t=1.0 - MERGE_THRESHOLD - 1e-9, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels.tolist()):
        groups.setdefault(int(lab), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def build_facts(
    units: Sequence[Unit],
    groups: Sequence[list[int]],
    vectors: StoryVectors,
    keys: Mapping[str, Mapping[str, Any]],
    main_language: str | None,
    *,
    copies: Mapping[str, Sequence[str]] | None = None,
) -> tuple[list[Fact], list[int]]:
    """Fact records, most corroborated first, and each unit's fact index.
    ``copies``: articles folded as word-for-word copies of a built one (their
    uids are cited, their sources counted, with the statements of that one)."""
    copies = copies or {}
    fact_of = [0] * len(units)
    facts: list[Fact] = []
    multi = [g for g in groups if len(g) > 1]
    mean_of: dict[int, float] = {}
    for g, m in zip(multi, vectors.group_means(multi), strict=True):
        mean_of.update(zip(g, m.tolist(), strict=True))
    for g in groups:
        # representative: a non-caption member that states (no question) in the
        # main language, most similar to the rest (mean cosine through the
        # group's centroid: linear in its size)
        means = {i: mean_of.get(i, 0.0) for i in g}

        def rank(i: int, means: dict[int, float] = means) -> tuple[int, int, int, float, int]:
            u = units[i]
            return (
                int(not u.caption),
                int(not is_question(u.text)),
                int(u.language == main_language or main_language is None),
                means[i],
                min(u.n_words, 40),
            )

        rep = max(g, key=rank)
        uids = list(dict.fromkeys(units[i].uid for i in g))
        uids += [c for uid in list(uids) for c in copies.get(uid, ())]
        src = sorted({str(keys[uid]["key"]) for uid in uids})
        facts.append(Fact(
            statement=units[rep].text,
            representative=_unit_ref(units[rep]),
            n_sources=len(src),
            sources=src,
            articles=uids,
            members=[_unit_ref(units[i]) for i in shown_members(units, g, rep, keys)],
            n_members=len(g),
            entities=sorted({e for i in g for e in units[i].entities}),
            languages=sorted({str(units[i].language) for i in g if units[i].language}),
            question=is_question(units[rep].text),  # the representative states when one does
            units=g,
            rep=rep,
        ))
    order = sorted(
        range(len(facts)),
        key=lambda k: (-facts[k].n_sources, -len(facts[k].members), facts[k].units[0]),
    )
    facts = [facts[k] for k in order]
    for fi, f in enumerate(facts):
        f.id = f"F{fi + 1}"
        for i in f.units:
            fact_of[i] = fi
    return facts, fact_of


MAX_MEMBERS_SHOWN = 50


def shown_members(units: Sequence[Unit], g: Sequence[int], rep: int,
                  keys: Mapping[str, Mapping[str, Any]]) -> list[int]:
    """The members a view lists: all of a fact of at most MAX_MEMBERS_SHOWN,
    else the representative, one statement per source, then the first others."""
    if len(g) <= MAX_MEMBERS_SHOWN:
        return list(g)
    out, seen = [rep], {str(keys[units[rep].uid]["key"])}
    for i in g:
        k = str(keys[units[i].uid]["key"])
        if k not in seen and len(out) < MAX_MEMBERS_SHOWN:
            seen.add(k)
            out.append(i)
    chosen = set(out)
    out.extend([i for i in g if i not in chosen][:MAX_MEMBERS_SHOWN - len(out)])
    return sorted(out)


def _unit_ref(u: Unit) -> UnitRef:
    return UnitRef(article=u.uid, sentence=u.sentence, start=u.start, end=u.end, text=u.text,
                   caption=u.caption, language=u.language, furniture_score=u.furniture_score,
                   imperative=u.imperative)


def _fmt_range(a: date, b: date) -> str:
    return a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}"


def _comparable(a: set[tuple[float | None, float | None]],
                b: set[tuple[float | None, float | None]]) -> bool:
    """Values of one order of magnitude: 270 vs 276 girls is a disagreement, 20 000
    deaths vs 2.6 million displaced (both "people") are two different counts."""
    va = [x for x, _ in a if x]
    vb = [x for x, _ in b if x]
    return any(max(x, y) / min(x, y) <= MAX_RATIO for x in va for y in vb if x > 0 and y > 0)


def _agree(a: set[tuple[float | None, float | None]],
           b: set[tuple[float | None, float | None]]) -> bool:
    """Some value of each side can both be true: equal, or a bound met by a
    figure ("more than 200 schoolgirls" and "276 girls"). Two bounds open on the
    same side are two tallies ("at least four" / "at least six civilians"
    killed): they agree only when equal."""
    if a & b:
        return True
    for la, ha in a:
        for lb, hb in b:
            if (ha is None and hb is None) or (la is None and lb is None):
                continue  # both "at least" (or both "at most") and not equal
            if (la is None or hb is None or la <= hb) and (lb is None or ha is None or lb <= ha):
                return True
    return False


_fold = fold_words  # punctuation-blind comparison of two wordings (core.text)


CONTEXT_WORDS = 4  # words either side of a number that say what it measures


def quantity_context(u: Unit, q: Quantity) -> set[str]:
    """Content-word stems around a number in its sentence (CONTEXT_WORDS before
    it, CONTEXT_WORDS after its counted noun): the predicate and modifiers that
    say *which* count or distance it is ("killing 4 civilians", "landed 730 miles
    east of"). Stop words of the sentence's language are left out."""
    a, b = int(q.start) - u.start, int(q.end) - u.start
    if not (0 <= a <= b <= len(u.text)):
        return set()
    before = _CTX_WORD.findall(u.text[:a])[-CONTEXT_WORDS:]
    after = _CTX_WORD.findall(u.text[b:])[:CONTEXT_WORDS]
    noun = _noun_key(q) or ""
    stems = content_stems(" ".join(before + after), u.language)
    return {x for x in stems if not x.isdigit() and not (len(x) >= 3 and x[:4] == noun[:4])}


def same_role(u: Unit, v: Unit, noun: str) -> bool:
    """Two counts of one noun measure the same thing when the words around them
    share a content word (same predicate or modifier); with no content word on
    one side nothing tells them apart, and they are compared."""
    cu = set().union(*(quantity_context(u, q) for q in u.quantities if _noun_key(q) == noun))
    cv = set().union(*(quantity_context(v, q) for q in v.quantities if _noun_key(q) == noun))
    return not cu or not cv or bool(cu & cv)


def _counted_nouns(u: Unit) -> dict[str, str]:
    """Key -> the noun as written, for the unit's counts of a plain noun (not a
    measure, money, percentage or age: those have their own keys)."""
    out: dict[str, str] = {}
    for q in u.quantities:
        k = _noun_key(q)
        if k and q.noun and q.kind not in ("measure", "money") and ":" not in k and "@" not in k:
            out.setdefault(k, q.noun)
    return out


def other_noun_pairs(
    u: Unit, v: Unit,
    qu: Mapping[str, set[tuple[float | None, float | None]]],
    qv: Mapping[str, set[tuple[float | None, float | None]]],
) -> list[tuple[str, str]]:
    """Counts of one fact under two nouns that name the same thing ("3,000 troops"
    / "2,000 soldiers") and disagree. The word vectors say two nouns are related,
    not that they are one (co-hyponyms are close too), so more is asked: neither
    statement counts both nouns (a statement counting "boys" and "girls" tells
    them apart), the values are of one order of magnitude and do not overlap, and
    the words around both counts share a content word (the same predicate:
    "deployed 3,000 troops" / "deployed 2,000 soldiers"); with no such word on a
    side nothing says they are the same count, and they are not compared."""
    nu, nv = _counted_nouns(u), _counted_nouns(v)
    out = []
    for ku, wu in nu.items():
        if ku in qv:
            continue
        for kv, wv in nv.items():
            if kv in qu or kv == ku:
                continue
            if _agree(qu[ku], qv[kv]) or not _comparable(qu[ku], qv[kv]):
                continue
            cu = set().union(*(quantity_context(u, q) for q in u.quantities if _noun_key(q) == ku))
            cv = set().union(*(quantity_context(v, q) for q in v.quantities if _noun_key(q) == kv))
            # the vectors last: most stories never need them loaded (~1.8 s CPU once)
            if cu & cv and same_noun(wu, wv, u.language):
                out.append((ku, kv))
    return out


def _interval(q: Quantity) -> tuple[float, float] | None:
    """The stated interval of ``q`` in its comparable unit (SI or currency for
    measures and money); None when open-ended or without a value."""
    if q.value is None:
        return None
    lo = q.low if q.low is not None else q.value
    hi = q.high if q.high is not None else (q.value_max if q.value_max is not None else q.value)
    if lo is None or hi is None:
        return None
    f = q.si_factor if (q.kind in ("measure", "money") and q.si_factor) else 1.0
    return lo * f, hi * f


def cross_language_conflict(u: Unit, v: Unit) -> tuple[Quantity, Quantity] | None:
    """Two statements of one fact in two languages giving different values.

    Counted nouns are words of each language, so across languages a count is
    compared by what the quantity knows of itself: its kind and comparable
    unit (metres, a currency). Only when each statement states exactly one
    such quantity, neither approximate nor open-ended, both telling (not
    "two" or "three"), their intervals disjoint and within MAX_RATIO of each
    other: inside one fact that is the same number told two ways."""
    def single(w: Unit) -> dict[tuple[str, str | None], Quantity]:
        by: dict[tuple[str, str | None], list[Quantity]] = {}
        for q in w.quantities:
            if q.value is not None:
                c = comparable(q) if q.kind in ("measure", "money") else None
                by.setdefault((q.kind, c.key if c is not None else q.si_unit), []).append(q)
        return {k: qs[0] for k, qs in by.items() if len(qs) == 1}

    su, sv = single(u), single(v)
    for k in sorted(set(su) & set(sv), key=str):
        qa, qb = su[k], sv[k]
        if qa.approximate or qb.approximate or qa.modifier or qb.modifier:
            continue
        ia, ib = _interval(qa), _interval(qb)
        if ia is None or ib is None or not (_telling((ia[0], None)) and _telling((ib[0], None))):
            continue
        if ia[0] <= ib[1] and ib[0] <= ia[1]:
            continue
        lo = min(abs(ia[0]), abs(ib[0]))
        if lo > 0 and max(abs(ia[0]), abs(ib[0])) / lo <= MAX_RATIO:
            return qa, qb
    return None


_CTX_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
FACT_SIDES_CAP = 40  # statements of one fact compared for disagreements


def find_disagreements(
    units: Sequence[Unit],
    vectors: StoryVectors,
    match_pos: Sequence[int],
    edges: Sequence[tuple[int, int, float]],
    fact_of: Sequence[int],
    facts: Sequence[Fact],
    keys: Mapping[str, Mapping[str, Any]],
    pub: Sequence[tuple[date, date] | None],
) -> list[Disagreement]:
    """Same quantity or date for the same thing, with different values across sources.

    "The same thing" is: the two statements are in one fact, or their wording is
    close (>= TEXT_SAME) and they share an entity. Counts compare on the counted
    noun, within one order of magnitude; dates compare when both statements date
    the same kind of event at the same granularity. Identical sentences, or the
    same relative words ("next month") read from two publication dates, are not a
    disagreement between sources. Pairs about one fact and value are merged into
    one entry with every side.

    Bounded: within a fact, one statement per (source, wording), at most
    FACT_SIDES_CAP of them, those with numbers or dates first; across facts, the
    blocked neighbour pairs of close wording only.
    """
    merged: dict[tuple[Any, ...], Disagreement] = {}

    def add(key: tuple[Any, ...], entry: Disagreement, sides: list[Side]) -> None:
        cur = merged.setdefault(key, entry)
        for sd in sides:
            if not any(sd.article == x.article and sd.text == x.text for x in cur.sides):
                cur.sides.append(sd)

    folded: dict[int, str] = {}

    def fold_of(i: int) -> str:
        if i not in folded:
            folded[i] = _fold(units[i].text)
        return folded[i]

    def check(i: int, j: int) -> None:
        u, v = units[i], units[j]
        if keys[u.uid]["key"] == keys[v.uid]["key"] or fold_of(i) == fold_of(j):
            return
        same_fact = fact_of[i] == fact_of[j]
        close = bool(set(u.entities) & set(v.entities)) and (
            vectors.sim(match_pos[i], match_pos[j]) >= TEXT_SAME)
        if not (same_fact or close):
            return
        fact_id = facts[fact_of[i]].id if same_fact else None
        group = fact_id or f"pair:{min(i, j)}"
        qu, qv = quantity_keys(u), quantity_keys(v)
        for noun in set(qu) & set(qv):
            if _agree(qu[noun], qv[noun]) or not _comparable(qu[noun], qv[noun]):
                continue
            if not same_role(u, v, noun):
                continue  # "landed 730 miles off X" / "travelled 1,677 miles": two distances
            add(("quantity", group, noun),
                Disagreement(kind="quantity", about=noun, fact=fact_id),
                [_side(u, keys, [q for q in u.quantities if _noun_key(q) == noun]),
                 _side(v, keys, [q for q in v.quantities if _noun_key(q) == noun])])
        if same_fact and u.language and u.language == v.language:
            for ku, kv in other_noun_pairs(u, v, qu, qv):
                lo, hi = sorted((ku, kv))
                add(("quantity", group, f"{lo}/{hi}"),
                    Disagreement(kind="quantity", about=f"{ku} / {kv}", fact=fact_id),
                    [_side(u, keys, [q for q in u.quantities if _noun_key(q) == ku]),
                     _side(v, keys, [q for q in v.quantities if _noun_key(q) == kv])])
        if same_fact and u.language and v.language and u.language != v.language:
            cross = cross_language_conflict(u, v)
            if cross is not None:
                qa, qb = cross
                about = f"{qa.noun or qa.unit or qa.kind} / {qb.noun or qb.unit or qb.kind}"
                add(("quantity", group, f"xlang:{qa.kind}:{qa.si_unit}"),
                    Disagreement(kind="quantity", about=about, fact=fact_id),
                    [_side(u, keys, [qa]), _side(v, keys, [qb])])
        tu, tv = time_ranges(u, pub[u.article]), time_ranges(v, pub[v.article])
        if tu and tv and not _overlap(_counted_back(tu), _counted_back(tv)):
            gu = {t.granularity for *_, t in tu}
            gv = {t.granularity for *_, t in tv}
            eu = {_fold(str(t.text or "")) for *_, t in tu}
            ev = {_fold(str(t.text or "")) for *_, t in tv}
            if not (gu & gv) or eu == ev:
                return
            add(("date", group),
                Disagreement(kind="date", about=facts[fact_of[i]].statement[:120], fact=fact_id),
                [_side(u, keys, [t for *_, t in tu]), _side(v, keys, [t for *_, t in tv])])

    seen: set[tuple[int, int]] = set()
    for f in facts:
        if len(f.units) < 2 or f.n_sources < 2:
            continue
        chosen: dict[tuple[str, str], int] = {}
        for i in sorted(f.units, key=lambda i: (not (units[i].quantities or units[i].times), i)):
            k = (str(keys[units[i].uid]["key"]), fold_of(i))
            if k not in chosen:
                chosen[k] = i
            if len(chosen) >= FACT_SIDES_CAP:
                break
        members = sorted(chosen.values())
        for x, i in enumerate(members):
            if not (units[i].quantities or units[i].times):
                continue
            for j in members[x + 1:]:
                if units[j].quantities or units[j].times:
                    seen.add((i, j))
                    check(i, j)
    first: dict[int, list[int]] = {}
    for i in range(len(units)):
        if units[i].quantities or units[i].times:
            row = int(vectors.row[match_pos[i]])
            lst = first.setdefault(row, [])
            if len(lst) < 3:
                lst.append(i)
    for r, s_, cos in edges:
        if cos < TEXT_SAME or r not in first or s_ not in first:
            continue
        for i in first[r]:
            for j in first[s_]:
                a, b = min(i, j), max(i, j)
                if (a, b) not in seen and fact_of[a] != fact_of[b]:
                    seen.add((a, b))
                    check(a, b)
    # one disagreement found twice (through its fact and through two close
    # wordings of it) is listed once: same kind, same sources giving the same values
    out: dict[tuple[Any, ...], Disagreement] = {}
    for d in merged.values():
        key = (d.kind, frozenset((sd.source, repr(_values(sd))) for sd in d.sides))
        out.setdefault(key, d)
    return join_shared_sides(list(out.values()))


def join_shared_sides(found: list[Disagreement]) -> list[Disagreement]:
    """One disagreement for two of one kind and subject that give the same
    values and share a side: "in November" said by two outlets against one
    outlet's "In December" was found as two pairs (each outlet against the
    third) and listed twice; it is one disagreement with three sides. Pairs
    outside any fact are found pair by pair, so only their sides tell that
    they are one."""
    out: list[Disagreement] = []
    for d in found:
        values = {_values(sd) for sd in d.sides}
        sides = {(sd.article, sd.text, _values(sd)) for sd in d.sides}
        host = next((h for h in out if h.kind == d.kind and h.about == d.about
                     and {_values(sd) for sd in h.sides} == values
                     and sides & {(sd.article, sd.text, _values(sd)) for sd in h.sides}), None)
        if host is None:
            out.append(d)
            continue
        have = {(sd.article, sd.text) for sd in host.sides}
        host.sides.extend(sd for sd in d.sides if (sd.article, sd.text) not in have)
    return out


def _values(side: Side) -> tuple[str, ...]:
    if isinstance(side.value, str):
        return (side.value,)
    return tuple(sorted(str(v.get("text")) for v in side.value))


_SIDE_FIELDS = ("text", "value", "value_max", "range_start", "range_end", "granularity")


def _side(u: Unit, keys: Mapping[str, Mapping[str, Any]],
          values: Sequence[TimeRef | Quantity]) -> Side:
    return Side(
        value=[{k: getattr(x, k) for k in _SIDE_FIELDS if getattr(x, k, None) is not None}
               for x in values],
        text=u.text, article=u.uid, source=keys[u.uid]["key"],
    )
