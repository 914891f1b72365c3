"""What a reader yields and the options it reads with.

Apart from :mod:`veille.ingest.readers` so that format modules (``feed``)
can use them while the reader registry imports those modules: no cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from veille.core.model import DateRange, RawRecord, Reject
from veille.core.settings import MAX_ARTICLE_BYTES

Item = RawRecord | Reject


@dataclass
class ReadOptions:
    origin: str  # the path as the user gave it, for messages
    name: str  # the file name: the article id of single-article files
    source: str | None = None
    published: DateRange | None = None
    meta: dict[str, Any] | None = None  # sidecar metadata for plain text
    max_bytes: int = MAX_ARTICLE_BYTES
