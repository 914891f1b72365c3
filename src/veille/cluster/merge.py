"""Story-to-story evidence for the merge made right after a join.

An article joins the story it fits best, but the stream may already hold a
second story of the same event (its first article arrived when no story of
the event fitted yet, or fitted one in another language better).  The
assignment model was fitted on article-vs-story examples: its size and
average-link signals mean something else between two stories of several
members, so the merge decision has its own small logistic model, learned on
replayed streams (``scripts/semeval_merge_fit.py``), and a threshold chosen
so that unrelated stories stay apart.

Its one signal the assignment model lacks is the best member-to-member
encoder cosine: two stories of one event nearly always hold a pair of
articles that tell it alike (a translation, the same wire copy), while two
stories of one topic are close on average and never that close pairwise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from veille.cluster.similarity import Profile, signals

#: Member vectors kept per story for the pairwise signal (the latest ones):
#: bounds its cost and memory whatever the story's size.
MAX_MEMBER_VECTORS = 24

#: What a merge model may read: the assignment signals and the best member pair.
MERGE_FEATURES = ("text", "avg", "title", "ent", "num", "gap", "cross", "emb", "emb_max", "size")


def max_pair_cosine(a: Sequence[np.ndarray], b: Sequence[np.ndarray]) -> float:
    """The highest cosine between a member of one story and one of the other
    (unit vectors; 0 when a side has none)."""
    if not a or not b:
        return 0.0
    ma = np.stack([v / (np.linalg.norm(v) or 1.0) for v in a]).astype(np.float32)
    mb = np.stack([v / (np.linalg.norm(v) or 1.0) for v in b]).astype(np.float32)
    # einsum, not ``@``: see CentroidIndex.query (BLAS threads on a busy machine).
    return float(np.einsum("ik,jk->ij", ma, mb).max())


def merge_signals(
    a: Profile, b: Profile, a_vecs: Sequence[np.ndarray], b_vecs: Sequence[np.ndarray]
) -> dict[str, float]:
    """The assignment signals between two stories, plus the best member pair."""
    x = signals(a, b)
    x["emb_max"] = max_pair_cosine(a_vecs, b_vecs) if a_vecs and b_vecs else x["emb"]
    return x


@dataclass
class MergeModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def logit(self, x: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * x.get(k, 0.0) for k in self.weights)

    def prob(self, x: dict[str, float]) -> float:
        z = self.logit(x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def why(self, x: dict[str, float]) -> dict[str, float]:
        """The signals that carried the decision (weight x value), largest
        first: what the merge record keeps to say why two stories became one."""
        parts = {k: round(self.weights[k] * x.get(k, 0.0), 3) for k in self.weights if self.weights[k]}
        return dict(sorted(parts.items(), key=lambda kv: -abs(kv[1])))
