"""Extractive summary with citations: LexRank centrality, fact-level MMR.

Centrality is PageRank (networkx) over the story's sentence-similarity graph
(continuous LexRank, Erkan & Radev 2004). Selection works on facts, not
sentences: a fact stated by several outlets is one candidate whose citations
are every article stating it, so the same statement never appears twice in two
wordings. Maximal Marginal Relevance (Carbonell & Goldstein 1998) then trades
centrality and source coverage against similarity to what is already chosen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from veille.core.views import Fact, SummarySentence
from veille.stories.units import Unit

MIN_WORDS = 6
MAX_WORDS = 80
EDGE_MIN = 0.05
MMR_LAMBDA = 0.7
REDUNDANT = 0.45
POSITION_DECAY = 0.5


def candidate(u: Unit) -> bool:
    """Sentences fit to stand alone in a summary: not captions, not headings or fragments."""
    t = u.text.strip()
    if u.caption or not (MIN_WORDS <= u.n_words <= MAX_WORDS):
        return False
    return t[:1].isupper() or t[:1].isdigit() or t[:1] in "«\"“"


def lexrank(sim: np.ndarray) -> np.ndarray:
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    w = np.where(sim >= EDGE_MIN, sim, 0.0)
    np.fill_diagonal(w, 0.0)
    # networkx is imported here, not at the top: ~0.15 s of start-up for every
    # veille command, and only building a story view needs it.
    import networkx as nx

    g = nx.from_numpy_array(w)
    pr = nx.pagerank(g, weight="weight")
    return np.array([pr[i] for i in range(n)])


def position_prior(units: Sequence[Unit]) -> np.ndarray:
    """News puts what matters first: weight 1/(1+k)**POSITION_DECAY for the k-th
    stand-alone sentence of its article (captions and fragments do not count)."""
    out = np.ones(len(units))
    seen: dict[int, int] = {}
    for i, u in enumerate(units):
        k = seen.get(u.article, 0)
        out[i] = 1.0 / (1.0 + k) ** POSITION_DECAY
        if candidate(u):
            seen[u.article] = k + 1
    return out


def lead_baseline(units: Sequence[Unit], n: int) -> list[Unit]:
    """First candidate sentences of each article in turn (the classic lead baseline)."""
    per_article: dict[int, list[Unit]] = {}
    for u in units:
        if candidate(u):
            per_article.setdefault(u.article, []).append(u)
    out: list[Unit] = []
    depth = 0
    while len(out) < n and any(depth < len(v) for v in per_article.values()):
        for a in sorted(per_article):
            if depth < len(per_article[a]) and len(out) < n:
                out.append(per_article[a][depth])
        depth += 1
    return out


def build_summary(
    units: Sequence[Unit],
    sim: np.ndarray,
    centrality: np.ndarray,
    facts: Sequence[Fact],
    keys: Mapping[str, Mapping[str, Any]],
    main_language: str | None,
    n: int = 5,
) -> list[SummarySentence]:
    n_sources_total = max(len({k["key"] for k in keys.values()}), 1)
    position = position_prior(units)
    cands: list[tuple[int, int, float]] = []  # (fact index, unit index, relevance)
    for fi, f in enumerate(facts):
        members = [i for i in f.units if candidate(units[i])]
        if not members:
            continue
        same_lang = [i for i in members if units[i].language == main_language]
        among = same_lang or members
        best = max(among, key=lambda i: centrality[i] * position[i])
        cov = f.n_sources / n_sources_total
        rel = float(max(centrality[i] * position[i] for i in f.units)) * (1.0 + 0.5 * cov)
        cands.append((fi, best, rel))
    if not cands:
        return []
    top = max(c[2] for c in cands) or 1.0
    chosen: list[tuple[int, int, float]] = []
    pool = list(cands)
    while pool and len(chosen) < n:
        def mmr(c: tuple[int, int, float]) -> float:
            red = max((sim[c[1], s[1]] for s in chosen), default=0.0)
            return MMR_LAMBDA * c[2] / top - (1 - MMR_LAMBDA) * red

        pick = max(pool, key=mmr)
        pool.remove(pick)
        if any(sim[pick[1], s[1]] >= REDUNDANT for s in chosen):
            continue
        chosen.append(pick)
    chosen.sort(key=lambda c: (units[c[1]].article, units[c[1]].start))
    out = []
    for fi, ui, rel in chosen:
        f, u = facts[fi], units[ui]
        out.append(SummarySentence(
            text=u.text, article=u.uid, start=u.start, end=u.end, language=u.language,
            fact=f.id, citations=list(f.articles), sources=list(f.sources),
            n_sources=f.n_sources, score=round(rel / top, 4),
        ))
    return out
