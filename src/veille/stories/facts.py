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
from itertools import combinations
from typing import Any

import numpy as np

from veille.core.model import Quantity, TimeRef
from veille.core.text import fold_words
from veille.core.views import Disagreement, Fact, Side, UnitRef
from veille.stories.units import Unit

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
    noun = q.noun or q.unit
    if not noun:
        return None
    key = _NUM_NOUN.sub(" ", str(noun).lower()).strip()
    # plural/singular: compare on a crude stem; nouns are single words in practice
    return key[:-1] if key.endswith(("s", "x")) and len(key) > 3 else key


def quantity_keys(unit: Unit) -> dict[str, set[tuple[float | None, float | None]]]:
    out: dict[str, set[tuple[float | None, float | None]]] = {}
    for q in unit.quantities:
        k = _noun_key(q)
        if k is None or q.value is None:
            continue
        out.setdefault(k, set()).add((q.value, q.value_max))
    return out


def _overlap(r1: Sequence[tuple[date, date, Any]], r2: Sequence[tuple[date, date, Any]]) -> bool:
    return any(a1 <= b2 and a2 <= b1 for a1, b1, _ in r1 for a2, b2, _ in r2)


def _telling(value: tuple[float | None, float | None]) -> bool:
    """A number whose agreement across outlets is unlikely by chance."""
    lo, hi = value
    if hi is not None:
        return True
    return lo is not None and (abs(lo) >= 10 or lo != int(lo))


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
    units: Sequence[Unit], pub: Sequence[tuple[date, date] | None], idf: Mapping[str, float]
) -> list[Features]:
    return [
        Features(time_ranges(u, pub[u.article]), quantity_keys(u),
                 {float(q.value) for q in u.quantities if q.value is not None},
                 set(u.entities),
                 sum(idf.get(e, 1.0) for e in set(u.entities)))
        for u in units
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


def score_matrix(
    units: Sequence[Unit], sim: np.ndarray, pub: Sequence[tuple[date, date] | None]
) -> np.ndarray:
    """Combined scores; pairs with nothing but wording in common keep their cosine."""
    idf = entity_idf(units)
    feats = features(units, pub, idf)
    n = len(units)
    m = np.array(sim, dtype=float, copy=True)
    if n:
        np.fill_diagonal(m, 1.0)
    # only pairs with some non-text evidence (a shared entity, dates or counts on both
    # sides) or close wording can score differently from their cosine
    pairs: set[tuple[int, int]] = set()
    by_ent: dict[str, list[int]] = {}
    for i, f in enumerate(feats):
        for e in f.entities:
            by_ent.setdefault(e, []).append(i)
    for members in by_ent.values():
        pairs.update(combinations(members, 2))
    dated = [i for i, f in enumerate(feats) if f.times or f.quantities]
    pairs.update(combinations(dated, 2))
    close = np.argwhere(np.triu(m, 1) >= TEXT_SAME)
    pairs.update((int(i), int(j)) for i, j in close)
    for i, j in pairs:
        s, _ = pair_score(units[i], units[j], float(sim[i, j]), idf, feats[i], feats[j])
        m[i, j] = m[j, i] = s
    # fragments ("He said.", "Yes.") are too short to be one fact with anything
    short = [i for i, u in enumerate(units) if u.n_words < MIN_FACT_WORDS]
    for i in short:
        m[i, :] = m[:, i] = 0.0
        m[i, i] = 1.0
    return m


def group_units(scores: np.ndarray) -> list[list[int]]:
    """Average-linkage groups of units whose mean pairwise score reaches the threshold."""
    n = scores.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    from sklearn.cluster import AgglomerativeClustering

    dist = np.clip(1.0 - scores, 0.0, 1.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - MERGE_THRESHOLD,
    ).fit_predict(dist)
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def build_facts(
    units: Sequence[Unit],
    scores: np.ndarray,
    sim: np.ndarray,
    keys: Mapping[str, Mapping[str, Any]],
    main_language: str | None,
) -> tuple[list[Fact], list[int]]:
    """Fact records, most corroborated first, and each unit's fact index."""
    groups = group_units(scores)
    fact_of = [0] * len(units)
    facts: list[Fact] = []
    for g in groups:
        # representative: a non-caption member in the main language, most similar to the rest
        def rank(i: int, g: list[int] = g) -> tuple[int, int, float, int]:
            u = units[i]
            mean = float(np.mean([sim[i, j] for j in g])) if len(g) > 1 else 0.0
            return (
                int(not u.caption),
                int(u.language == main_language or main_language is None),
                mean,
                min(u.n_words, 40),
            )

        rep = max(g, key=rank)
        uids = list(dict.fromkeys(units[i].uid for i in g))
        src = sorted({str(keys[uid]["key"]) for uid in uids})
        facts.append(Fact(
            statement=units[rep].text,
            representative=_unit_ref(units[rep]),
            n_sources=len(src),
            sources=src,
            articles=uids,
            members=[_unit_ref(units[i]) for i in g],
            entities=sorted({e for i in g for e in units[i].entities}),
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


def _unit_ref(u: Unit) -> UnitRef:
    return UnitRef(article=u.uid, sentence=u.sentence, start=u.start, end=u.end, text=u.text,
                   caption=u.caption, language=u.language)


def _fmt_range(a: date, b: date) -> str:
    return a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}"


def _comparable(a: set[tuple[float | None, float | None]],
                b: set[tuple[float | None, float | None]]) -> bool:
    """Values of one order of magnitude: 270 vs 276 girls is a disagreement, 20 000
    deaths vs 2.6 million displaced (both "people") are two different counts."""
    va = [x for x, _ in a if x]
    vb = [x for x, _ in b if x]
    return any(max(x, y) / min(x, y) <= MAX_RATIO for x in va for y in vb if x > 0 and y > 0)


_fold = fold_words  # punctuation-blind comparison of two wordings (core.text)


def find_disagreements(
    units: Sequence[Unit],
    sim: np.ndarray,
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
    """
    merged: dict[tuple[Any, ...], Disagreement] = {}

    def add(key: tuple[Any, ...], entry: Disagreement, sides: list[Side]) -> None:
        cur = merged.setdefault(key, entry)
        for sd in sides:
            if not any(sd.article == x.article and sd.text == x.text for x in cur.sides):
                cur.sides.append(sd)

    # Only pairs in one fact or of close wording can disagree: found from the
    # fact groups and the similarity matrix instead of walking every pair
    # (a 20-article story has ~1,000 units, 500,000 pairs: 3 s of the view).
    folded = [_fold(u.text) for u in units]
    members: dict[int, list[int]] = {}
    for k, f in enumerate(fact_of):
        members.setdefault(f, []).append(k)
    pairs = {p for group in members.values() for p in combinations(group, 2)}
    if len(units) > 1:
        ii, jj = np.nonzero(np.triu(np.asarray(sim) >= TEXT_SAME, k=1))
        pairs.update(zip(ii.tolist(), jj.tolist(), strict=True))
    for i, j in sorted(pairs):
        u, v = units[i], units[j]
        if keys[u.uid]["key"] == keys[v.uid]["key"] or folded[i] == folded[j]:
            continue
        same_fact = fact_of[i] == fact_of[j]
        close = sim[i, j] >= TEXT_SAME and bool(set(u.entities) & set(v.entities))
        if not (same_fact or close):
            continue
        fact_id = facts[fact_of[i]].id if same_fact else None
        group = fact_id or f"pair:{min(i, j)}"
        qu, qv = quantity_keys(u), quantity_keys(v)
        for noun in set(qu) & set(qv):
            if qu[noun] & qv[noun] or not _comparable(qu[noun], qv[noun]):
                continue
            add(("quantity", group, noun),
                Disagreement(kind="quantity", about=noun, fact=fact_id),
                [_side(u, keys, [q for q in u.quantities if _noun_key(q) == noun]),
                 _side(v, keys, [q for q in v.quantities if _noun_key(q) == noun])])
        tu, tv = time_ranges(u, pub[u.article]), time_ranges(v, pub[v.article])
        if tu and tv and not _overlap(tu, tv):
            gu = {t.granularity for *_, t in tu}
            gv = {t.granularity for *_, t in tv}
            eu = {_fold(str(t.text or "")) for *_, t in tu}
            ev = {_fold(str(t.text or "")) for *_, t in tv}
            if not (gu & gv) or eu == ev:
                continue
            add(("date", group),
                Disagreement(kind="date", about=facts[fact_of[i]].statement[:120], fact=fact_id),
                [_side(u, keys, [t for *_, t in tu]), _side(v, keys, [t for *_, t in tv])])
    return list(merged.values())


_SIDE_FIELDS = ("text", "value", "value_max", "range_start", "range_end", "granularity")


def _side(u: Unit, keys: Mapping[str, Mapping[str, Any]],
          values: Sequence[TimeRef | Quantity]) -> Side:
    return Side(
        value=[{k: getattr(x, k) for k in _SIDE_FIELDS if getattr(x, k, None) is not None}
               for x in values],
        text=u.text, article=u.uid, source=keys[u.uid]["key"],
    )
