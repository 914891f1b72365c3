"""Read models: what the store hands to the stages after it.

The store keeps an article as a row and its analysis as JSON; the stages after
the store (stories, web, exports) take these typed forms instead, so none of
them indexes string keys or re-parses dates. Dates are read from a row in one
place, :func:`row_dates`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from typing import Any, TypeVar

from veille.core.model import Analysis, DateRange, Mention, Precision, Quantity, Quote, Sentence, TimeRef

_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"\d{4}-\d{2}")


def label_range(label: Any) -> tuple[date, date] | None:
    """The inclusive range of an ISO label at its own precision: 2023, 2023-06, 2023-06-09."""
    if not label:
        return None
    s = str(label)
    try:
        if _YEAR.fullmatch(s):
            y = int(s)
            return date(y, 1, 1), date(y, 12, 31)
        if _MONTH.fullmatch(s):
            y, m = int(s[:4]), int(s[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
        d = date.fromisoformat(s[:10])
        return d, d
    except ValueError:
        return None


def row_dates(start: Any, end: Any, precision: Any, label: Any) -> DateRange:
    """An article row's publication range: its stored ISO bounds, else its label.

    The one place dates are read back from a row (the story view, the
    analysis of stored articles and the listings all go through it).
    """
    prec: Precision = precision if precision in ("day", "month", "year") else "unknown"
    if start:
        try:
            return DateRange(date.fromisoformat(str(start)[:10]),
                             date.fromisoformat(str(end or start)[:10]), prec)
        except ValueError:
            pass
    rng = label_range(label)
    if rng is None:
        return DateRange.unknown()
    return DateRange(rng[0], rng[1], prec)


@dataclass(frozen=True)
class CopyRef:
    """An exact copy folded into a stored article (another outlet ran the same text)."""

    uid: str
    source: str | None
    url: str | None
    published: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"uid": self.uid, "source": self.source, "url": self.url,
                "published": self.published}


@dataclass
class StoredArticle:
    """An article as the store keeps it, its publication range parsed once."""

    uid: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # the ISO label at its own precision
    published_start: str | None = None
    published_end: str | None = None
    date_precision: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    seq: int | None = None
    n_chars: int | None = None
    origin: str | None = None  # the file (or feed, upload) it was read from
    fmt: str | None = None  # the reader's format
    content_hash: str | None = None
    similarity: float | None = None  # to the article it near-duplicates
    ingested_at: datetime | None = None
    also_published_by: list[CopyRef] = field(default_factory=list)
    #: the publication range, read from the fields above (never set by hand)
    dates: DateRange = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.dates = row_dates(self.published_start, self.published_end, self.date_precision,
                               self.published)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> StoredArticle:
        """From a row mapping (or a dict of the same keys); absent keys are None."""
        g = row.get
        also = [c if isinstance(c, CopyRef) else CopyRef(
                    uid=c.get("uid"), source=c.get("source"), url=c.get("url"),
                    published=c.get("published"))
                for c in (g("also_published_by") or [])]
        return cls(
            uid=str(g("uid")), text=g("text") or "", title=g("title"), source=g("source"),
            url=g("url"), published=g("published"), published_start=g("published_start"),
            published_end=g("published_end"), date_precision=g("date_precision"),
            language=g("language"), duplicate_of=g("duplicate_of"), seq=g("seq"),
            n_chars=g("n_chars"), origin=g("origin"), fmt=g("fmt"),
            content_hash=g("content_hash"), similarity=g("similarity"),
            ingested_at=g("ingested_at"), also_published_by=also,
        )

    @property
    def published_range(self) -> tuple[date, date] | None:
        """(first day, last day) of publication, or None when unknown."""
        if self.dates.start is None:
            return None
        return self.dates.start, self.dates.end or self.dates.start


# --- analyses -------------------------------------------------------------------
T = TypeVar("T")
_SENTENCE_DEFAULTS = {"index": 0, "start": 0}


def item_from_dict(cls: type[T], data: Any, defaults: Mapping[str, Any] | None = None) -> T | None:
    """One analysis item from its stored JSON; keys an older version did not
    write take the field's default (None for the required ones, as ``.get``
    gave), keys this version does not know are left out."""
    if isinstance(data, cls):
        return data
    if not isinstance(data, Mapping):
        return None
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(
            (f.name, f.default is MISSING and f.default_factory is MISSING)
            for f in fields(cls))  # type: ignore[arg-type]
    kw: dict[str, Any] = {}
    for name, required in names:
        if name in data:
            kw[name] = data[name]
        elif required:
            kw[name] = (defaults or {}).get(name)
    return cls(**kw)


_NAMES: dict[type, tuple[tuple[str, bool], ...]] = {}


def _items(cls: type[T], values: Any, defaults: Mapping[str, Any] | None = None) -> list[T]:
    out = []
    for v in values or []:
        it = item_from_dict(cls, v, defaults)
        if it is not None:
            out.append(it)
    return out


def analysis_from_dict(data: Mapping[str, Any], uid: str | None = None) -> Analysis:
    """The typed analysis from its stored JSON (``Analysis.to_dict`` reversed)."""
    return Analysis(
        article_uid=str(data.get("article_uid") or uid or ""),
        language=data.get("language"),
        sentences=_items(Sentence, data.get("sentences"), _SENTENCE_DEFAULTS),
        entities=_items(Mention, data.get("entities")),
        quotes=_items(Quote, data.get("quotes")),
        times=_items(TimeRef, data.get("times")),
        quantities=_items(Quantity, data.get("quantities")),
        notes=list(data.get("notes") or []),
    )


@dataclass
class StoredAnalysis:
    """An article's analysis row: the analysis and how it went."""

    version: str | None
    status: str
    notes: list[str]
    analysis: Analysis
