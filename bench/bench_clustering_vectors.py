"""bench_clustering.py's in-memory run with encoder vectors on every article.

Embedding 100k synthetic replicas would measure the encoder, not the
clusterer (its cost is in bench_analysis.py), so each base article is embedded
once and replica k gets that vector plus replica-specific noise (a seeded
Gaussian of norm 0.6 before renormalising: replicas of one article stay
closer to each other than to other articles, as different events of one kind
would).  What this adds to the cost per article: the exact scan of the live
stories' centroids (bounded by the LRU, so flat in the corpus size), the
centroid sums and the cross-language model.

    .venv/bin/python bench/bench_clustering_vectors.py --sizes 1000,10000,100000
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_clustering as bc  # noqa: E402

from veille.cluster.features import ArticleFeatures  # noqa: E402
from veille.embed import embed_articles  # noqa: E402

_BASE: dict[str, np.ndarray] = {}


def _vector(row: dict[str, Any]) -> np.ndarray | None:
    base_id, _, k = str(row["id"]).partition("~")
    v = _BASE.get(base_id)
    if v is None:
        return None
    rng = np.random.default_rng(zlib.crc32(str(row["id"]).encode()))
    noise = rng.normal(size=v.shape).astype(np.float32)
    out = v + 0.6 * noise / np.linalg.norm(noise) if k not in ("", "0") else v
    return out / np.linalg.norm(out)


def features_with_vectors(rows: Iterable[dict[str, Any]]) -> Iterator[ArticleFeatures]:
    """Lazily, as bench_clustering's own: one row read per article yielded."""
    current: list[dict[str, Any]] = []

    def tap() -> Iterator[dict[str, Any]]:
        for r in rows:
            current[:] = [r]
            yield r

    for f in _plain_features(tap()):
        f.vector = _vector(current[0])
        yield f


_plain_features = bc.features_of


def main() -> int:
    base = bc.base_rows()
    for r, v in zip(base, embed_articles([(r.get("title"), r["text"]) for r in base]), strict=True):
        if v.vector is not None:
            _BASE[str(r["id"])] = v.vector
    bc.features_of = features_with_vectors
    return bc.main()


if __name__ == "__main__":
    raise SystemExit(main())
