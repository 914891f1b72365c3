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

import numpy as np

from veille.cluster.features import ArticleFeatures
from veille.cluster.idf import HashedDF
from veille.cluster.state import StoryState

FEATURES = ("text", "avg", "title", "ent", "num", "gap", "size", "cross", "emb", "noemb", "emb2")


def idf_epoch(n_docs: int) -> int:
    """The document count at which IDF weights were last frozen.

    Often while the corpus is small (every document up to 64, every 32 up to
    2048), then every 512: weights move fast early and slowly later.  A pure
    function of the count, so a run resumed after a crash uses exactly the
    weights an uninterrupted run would have used.
    """
    if n_docs <= 64:
        return n_docs
    if n_docs <= 2048:
        return n_docs - n_docs % 32
    return n_docs - n_docs % 512


class IdfCache:
    """IDF from a frozen snapshot of the document frequencies.

    Weights change only when :func:`idf_epoch` moves, so story profiles can be
    cached between epochs, and results do not depend on when a process
    started.  The snapshot is persisted with the live counts.
    """

    def __init__(self, df: HashedDF, snapshot: HashedDF | None = None) -> None:
        self.df = df
        snap = snapshot or HashedDF(df.counts.copy(), df.n_docs)
        self.snap = snap
        self._at = idf_epoch(snap.n_docs)
        self._cache: dict[str, float] = {}

    def __call__(self, key: str) -> float:
        v = self._cache.get(key)
        if v is None:
            if len(self._cache) > 400_000:
                self._cache.clear()
            v = self.snap.idf(key)
            self._cache[key] = v
        return v

    def tick(self) -> None:
        """Called after each document is counted: freeze new weights at an epoch."""
        epoch = idf_epoch(self.df.n_docs)
        if epoch != self._at:
            self.snap = HashedDF(self.df.counts.copy(), self.df.n_docs)
            self._at = epoch
            self._cache.clear()


def weighted(profile: dict[str, float], idf: IdfCache, prefix: str | None = None) -> dict[str, float]:
    if prefix is None:
        return {k: v * idf(k) for k, v in profile.items()}
    return {k: v * idf(k) for k, v in profile.items() if k.startswith(prefix)}


class SVec:
    """A sparse vector with its norm computed once (compared many times)."""

    __slots__ = ("d", "norm")

    def __init__(self, d: dict[str, float]) -> None:
        self.d = d
        self.norm = math.sqrt(sum(v * v for v in d.values()))


EMPTY = SVec({})


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def cosine(a: SVec | dict[str, float], b: SVec | dict[str, float]) -> float:
    a = a if isinstance(a, SVec) else SVec(a)
    b = b if isinstance(b, SVec) else SVec(b)
    if not a.norm or not b.norm:
        return 0.0
    return dot(a.d, b.d) / (a.norm * b.norm)


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
    text: dict[str, SVec]  # by language prefix
    title: dict[str, SVec]
    keys: SVec
    nums: SVec
    first: date | None
    last: date | None
    n: int
    vec: np.ndarray | None = None  # unit centroid of the members' encoder vectors


def _by_lang(vec: dict[str, float]) -> dict[str, SVec]:
    out: dict[str, dict[str, float]] = {}
    for k, v in vec.items():
        out.setdefault(k.split(":", 1)[0], {})[k] = v
    return {lg: SVec(d) for lg, d in out.items()}


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else vec


def article_profile(f: ArticleFeatures, idf: IdfCache) -> Profile:
    """An article is a one-member story: unit vectors, n = 1."""
    return Profile(
        languages={f.language},
        text=_by_lang(_unit(weighted(f.terms, idf))),
        title=_by_lang(_unit(weighted(f.title_terms, idf))),
        keys=SVec(_unit(weighted(f.keys, idf))),
        nums=SVec(_unit(weighted(f.nums, idf))),
        first=f.start,
        last=f.end,
        n=1,
        vec=f.vector,
    )


def story_profile(s: StoryState, idf: IdfCache) -> Profile:
    return Profile(
        languages=set(s.languages),
        text=_by_lang(weighted(s.terms, idf)),
        title=_by_lang(weighted(s.title_terms, idf)),
        keys=SVec(weighted(s.keys, idf)),
        nums=SVec(weighted(s.nums, idf)),
        first=s.first,
        last=s.last,
        n=max(1, s.n),
        vec=unit(s.vec),
    )


def unit(v: np.ndarray | None) -> np.ndarray | None:
    if v is None:
        return None
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else None


def signals(a: Profile, b: Profile) -> dict[str, float]:
    """Raw signals; text similarities only over the languages both sides share."""
    shared = a.languages & b.languages
    text = avg = title = 0.0
    for lg in shared:
        va, vb = a.text.get(lg, EMPTY), b.text.get(lg, EMPTY)
        if va.norm and vb.norm:
            d = dot(va.d, vb.d)
            text = max(text, d / (va.norm * vb.norm))
            # Average-link: mean similarity to the members (profiles sum unit vectors).
            avg = max(avg, d / (a.n * b.n))
        title = max(title, cosine(a.title.get(lg, EMPTY), b.title.get(lg, EMPTY)))
    ent = cosine(a.keys, b.keys)
    num = cosine(a.nums, b.nums)
    cross = 0.0 if shared else 1.0
    if cross:
        # No shared language: words cannot be compared, so the
        # language-independent evidence (names, numbers) stands in for them.
        text = avg = ent
        title = 0.0
    gap = gap_days(a.first, a.last, b.first, b.last)
    # The encoder's cosine, in any pair of languages; without a vector on one
    # side (not embedded yet, nothing embeddable) it is 0 and ``noemb`` says
    # so, so the learned bias absorbs the missing evidence.
    have = a.vec is not None and b.vec is not None
    emb = float(np.dot(a.vec, b.vec)) if have else 0.0
    return {
        "text": text,
        "avg": avg,
        "title": title,
        "ent": ent,
        "num": num,
        "gap": math.log1p(gap),
        "size": math.log(min(a.n, b.n) * max(a.n, b.n)) if a.n * b.n > 1 else 0.0,
        "cross": cross,
        "emb": emb,
        "noemb": 0.0 if have else 1.0,
        # The same-language model reads the cosine squared: a learned weight
        # on the square rewards the high cosines of one event and barely
        # moves the 0.3-0.5 of one topic (news-clusters held-out halves:
        # 0.934 / 0.950 with the square, 0.928 / 0.947 with the cosine).
        "emb2": emb * emb,
    }


@dataclass
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    #: Weights for a pair with no shared language where both sides have an
    #: encoder vector: words cannot be compared there and the encoder can.
    #: Learned on cross-language pairs (``train.fit_cross_model``); other
    #: pairs, and cross-language ones missing a vector, use ``weights``.
    cross_model: tuple[dict[str, float], float] | None = None
    #: Weights for a pair sharing a language where both sides have an encoder
    #: vector: the word signals plus the encoder's (``train.fit_vector_model``).
    #: ``weights`` (words only) stay the model of a pair missing a vector, so
    #: an article not embedded yet is judged as before the encoder, not as
    #: one whose vector disagrees.
    vector_model: tuple[dict[str, float], float] | None = None

    def logit(self, x: dict[str, float]) -> float:
        have = not x.get("noemb", 1.0)
        if self.cross_model is not None and x.get("cross") and have:
            w, b = self.cross_model
            return b + sum(w.get(k, 0.0) * v for k, v in x.items())
        if self.vector_model is not None and not x.get("cross") and have:
            w, b = self.vector_model
            return b + sum(w.get(k, 0.0) * v for k, v in x.items())
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in x.items())

    def prob(self, x: dict[str, float]) -> float:
        z = self.logit(x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0
