"""The pure, per-batch half of ingest, now :mod:`veille.ingest.batches` (the
ingest stage owns it; engines only ship its functions to workers)."""

from __future__ import annotations

from veille.ingest.batches import (
    Prepared,
    prepare_batch,
    prepare_batch_with_stems,
    prepare_record,
    with_dedup_params,
)

__all__ = ["Prepared", "prepare_batch", "prepare_batch_with_stems", "prepare_record",
           "with_dedup_params"]
