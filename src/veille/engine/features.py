"""Clustering features computed on an engine's workers.

Building an article's features (terms, title terms, names, numbers, dates:
:func:`veille.cluster.features.build_features`) is pure and per article, so a
batch of stored rows can be mapped over workers; only the online assignment
(:class:`veille.cluster.online.OnlineClusterer`) is sequential and stays in
the process that owns the stories. ``cluster_pending`` can consume
``runner.map(features_batch, batches_of_rows)`` in place of its in-loop calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from veille.cluster.features import build_features

# The arguments of build_features, as the store's article rows name them.
ROW_KEYS = {"uid": "uid", "text": "text", "title": "title", "language": "language",
            "start": "published_start", "end": "published_end", "source": "source",
            "duplicate_of": "duplicate_of", "analysis": "data", "seq": "seq"}


def features_batch(rows: Sequence[dict[str, Any]]) -> list[Any]:
    """ArticleFeatures for each row (a mapping with the store's column names)."""

    out = []
    for row in rows:
        kwargs: dict[str, Any] = {arg: row[col] for arg, col in ROW_KEYS.items() if col in row}
        out.append(build_features(**kwargs))
    return out
