"""Signals between an article and a story, and the learned model joining them.

Each signal is a number in a comparable range; a logistic model (weights in
the versioned ``params.json``) turns them into the probability that the
article belongs to the story.  Deciding at p >= 0.5 is the natural operating
point of a calibrated model, so the threshold is not a per-data-set knob.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from veille.cluster.features import ArticleFeatures
from veille.cluster.idf import HashedDF
from veille.cluster.state import StoryState

FEATURES = ("text", "avg", "title", "ent", "num", "gap", "size", "cross")


class IdfCache:
    """Memoises IDF lookups; refreshed as the document count grows.

    The cache is cleared every ``refresh`` documents, which bounds both its
    size and how stale a weight can be.
    """

    def __init__(self, df: HashedDF, refresh: int = 500) -> None:
        self.df = df
        self.refresh = refresh
        self._cache: dict[str, float] = {}
        self._at = df.n_docs

    def __call__(self, key: str) -> float:
        if self.df.n_docs - self._at >= self.refresh or len(self._cache) > 400_000:
            self._cache.clear()
            self._at = self.df.n_docs
        v = self._cache.get(key)
        if v is None:
            v = self.df.idf(key)
            self._cache[key] = v
        return v


def weighted(profile: dict[str, float], idf: IdfCache, prefix: str | None = None) -> dict[str, float]:
    if prefix is None:
        return {k: v * idf(k) for k, v in profile.items()}
    return {k: v * idf(k) for k, v in profile.items() if k.startswith(prefix)}


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def gap_days(a_start: date | None, a_end: date | None, s_first: date | None, s_last: date | None) -> float:
    """Days between two date ranges; 0 when they overlap or one is unknown.

    Ranges matter: a seed dated '2023-06' covers the whole month, so it is 0
    days from any June article.
    """
    if a_start is None or s_first is None:
        return 0.0
    a_end = a_end or a_start
    s_last = s_last or s_first
    if a_start > s_last:
        return float((a_start - s_last).days)
    if s_first > a_end:
        return float((s_first - a_end).days)
    return 0.0


@dataclass
class Profile:
    """An article or a story, weighted once for many comparisons."""

    languages: set[str]
    text: dict[str, dict[str, float]]  # by language prefix
    title: dict[str, dict[str, float]]
    keys: dict[str, float]
    nums: dict[str, float]
    first: date | None
    last: date | None
    n: int


def _by_lang(vec: dict[str, float]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for k, v in vec.items():
        out.setdefault(k.split(":", 1)[0], {})[k] = v
    return out


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else vec


def article_profile(f: ArticleFeatures, idf: IdfCache) -> Profile:
    """An article is a one-member story: unit vectors, n = 1."""
    return Profile(
        languages={f.language},
        text=_by_lang(_unit(weighted(f.terms, idf))),
        title=_by_lang(_unit(weighted(f.title_terms, idf))),
        keys=_unit(weighted(f.keys, idf)),
        nums=_unit(weighted(f.nums, idf)),
        first=f.start,
        last=f.end,
        n=1,
    )


def story_profile(s: StoryState, idf: IdfCache) -> Profile:
    return Profile(
        languages=set(s.languages),
        text=_by_lang(weighted(s.terms, idf)),
        title=_by_lang(weighted(s.title_terms, idf)),
        keys=weighted(s.keys, idf),
        nums=weighted(s.nums, idf),
        first=s.first,
        last=s.last,
        n=max(1, s.n),
    )


def signals(a: Profile, b: Profile) -> dict[str, float]:
    """Raw signals; text cosines only over the languages both sides share."""
    shared = a.languages & b.languages
    text = max((cosine(a.text.get(lg, {}), b.text.get(lg, {})) for lg in shared), default=0.0)
    # Average-link: mean similarity to the members (profiles are sums of unit vectors).
    avg = max((dot(a.text.get(lg, {}), b.text.get(lg, {})) for lg in shared), default=0.0)
    avg /= a.n * b.n
    title = max((cosine(a.title.get(lg, {}), b.title.get(lg, {})) for lg in shared), default=0.0)
    ent = cosine(a.keys, b.keys)
    num = cosine(a.nums, b.nums)
    cross = 0.0 if shared else 1.0
    if cross:
        # No shared language: words cannot be compared, so the
        # language-independent evidence (names, numbers) stands in for them.
        text = avg = ent
        title = 0.0
    gap = gap_days(a.first, a.last, b.first, b.last)
    return {
        "text": text,
        "avg": avg,
        "title": title,
        "ent": ent,
        "num": num,
        "gap": math.log1p(gap),
        "size": math.log(min(a.n, b.n) * max(a.n, b.n)) if a.n * b.n > 1 else 0.0,
        "cross": cross,
    }


@dataclass
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5

    def logit(self, x: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in x.items())

    def prob(self, x: dict[str, float]) -> float:
        z = self.logit(x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0
