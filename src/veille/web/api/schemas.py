"""Response models of the JSON API: every route's body in /openapi.json.

The story view and the analysis items are derived from their dataclasses
(``veille.core.views``, ``veille.core.model``) by :func:`model_of`, so the
schema follows the type; the other bodies are declared here. They describe
the JSON the routes have always printed without changing it:

- routes set ``response_model_exclude_unset``: a key the data leaves out (an
  analysis still pending, a view not stored yet) stays out, never ``null``;
- every model allows extra keys: a field added to the data reaches the client
  before the schema names it (extend, never rename);
- numbers declared ``int | float`` keep their JSON form (pydantic would write
  an integer given to a ``float`` field as ``3.0``).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Annotated, Any, Generic, Literal, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from veille.core import model as core_model
from veille.core import records, views

_OPEN = ConfigDict(extra="allow", populate_by_name=True)
Number = int | float


class Open(BaseModel):
    model_config = _OPEN


def _convert(tp: Any) -> Any:
    """A dataclass field type as a pydantic field type."""
    if tp is float:
        return Number
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return model_of(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        return Union[tuple(_convert(a) for a in args)]  # noqa: UP007 - built from a tuple
    if origin is typing.Literal:
        return str  # documented on the dataclass; an unknown value must not fail a read
    if origin is list:
        return list[_convert(args[0])] if args else list[Any]  # type: ignore[misc]
    if origin is dict:
        return dict[_convert(args[0]), _convert(args[1])] if args else dict[str, Any]  # type: ignore[misc]
    return tp


@cache
def model_of(dc: type) -> type[BaseModel]:
    """The pydantic model of a dataclass: same fields, JSON names, defaults
    (builder-internal fields of the view left out)."""
    hints = typing.get_type_hints(dc, vars(views) | vars(core_model) | vars(records))
    spec: dict[str, Any] = {}
    for f in dataclasses.fields(dc):
        if f.metadata.get("internal"):
            continue
        name = f.metadata.get("json", f.name)
        if f.default is not dataclasses.MISSING:
            default: Any = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
            if dataclasses.is_dataclass(default) and not isinstance(default, type):
                default = dataclasses.asdict(default)
        else:
            default = ...
        # a field named like a BaseModel attribute ("schema") gets a trailing "_"
        attr = f.name + "_" if hasattr(BaseModel, f.name) else f.name
        spec[attr] = (_convert(hints[f.name]), Field(default, alias=name))
    doc = (dc.__doc__ or "").strip()
    return create_model(dc.__name__, __config__=_OPEN, __doc__=doc or None, **spec)


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """A page of a listing; pass ``next_cursor`` back as ``cursor`` for the next one."""

    model_config = _OPEN
    items: list[T]
    next_cursor: str | None
    limit: int


# --- articles -----------------------------------------------------------------------
class _Article(Open):
    id: str
    source: str | None
    published: str | None
    date_precision: str | None
    language: str | None
    title: str | None
    n_chars: int | None
    duplicate_of: str | None
    url: str | None
    published_start: str | None
    published_end: str | None


class ArticleSummary(_Article):
    story_id: int | None


class PublishedBy(Open):
    id: str
    source: str | None
    url: str | None
    published: str | None
    kind: str  # exact (a copy folded in) or near (a near duplicate linked)
    similarity: Number | None = None


class SimilarArticle(ArticleSummary):
    similarity: Number


class SimilarStory(Open):
    story_id: int
    title: str | None
    size: int
    first_published: str | None
    last_published: str | None
    similarity: Number
    article: str  # the story's article nearest this one


class NearDuplicate(Open):
    id: str
    source: str | None
    similarity: Number | None


class AnalysisStatus(Open):
    status: str  # ok / partial / failed / pending
    version: str | None = None
    notes: list[str] = []


class EntityName(Open):
    id: str
    name: str
    label: str


class ArticleDetail(_Article):
    """An article with its text, its copies and near duplicates, its analysis
    (sentences, entities, quotes, times, quantities; only ``analysis.status``
    while it is pending) and its story."""

    text: str
    origin: str | None
    format: str | None
    content_hash: str | None
    similarity: Number | None
    ingested_at: str | None
    also_published_by: list[PublishedBy]
    near_duplicates: list[NearDuplicate]
    sentences: list[model_of(core_model.Sentence)] = []  # type: ignore[valid-type]
    entities: list[model_of(core_model.Mention)] = []  # type: ignore[valid-type]
    quotes: list[model_of(core_model.Quote)] = []  # type: ignore[valid-type]
    times: list[model_of(core_model.TimeRef)] = []  # type: ignore[valid-type]
    quantities: list[model_of(core_model.Quantity)] = []  # type: ignore[valid-type]
    analysis: AnalysisStatus
    story_id: int | None
    entity_records: list[EntityName]


class IngestReject(Open):
    code: str
    reason: str
    origin: str | None
    line: int | None


class IngestResult(Open):
    """What an upload did; analysis and clustering run after the response
    (``processing``)."""

    added: int
    exact_duplicates: int
    near_duplicates: int
    unchanged: int
    rejected: int
    ids: list[str]
    rejects: list[IngestReject]
    processing: bool


# --- stories ------------------------------------------------------------------------
StoryViewModel = model_of(views.StoryView)


class NoView(BaseModel):
    """A story with no view: not stored yet and not computable (no articles)."""

    model_config = ConfigDict(extra="forbid")


class StoryRow(Open):
    id: int
    title: str | None
    size: int
    languages: list[str | None]
    sources: list[str | None]
    first_published: str | None
    last_published: str | None
    predecessor_id: int | None
    lead: str | None  # the first summary sentence of the stored view
    has_view: bool


class StoryArticle(Open):
    id: str
    title: str | None
    source: str | None
    published: str | None
    language: str | None
    url: str | None
    duplicate_of: str | None


class StoryEntity(Open):
    id: str
    name: str
    label: str
    mentions: int


class StoryDetail(StoryRow):
    """A story with its articles, its view (the stored one, else computed now:
    ``view_source``) and its most mentioned entities."""

    articles: list[StoryArticle]
    view_source: str | None
    view: StoryViewModel | NoView  # type: ignore[valid-type]
    entities: list[StoryEntity]
    # True (with view_source "pending", an empty view and status 202) while a big
    # story's view is being built in the background; absent otherwise.
    view_pending: bool | None = None
    # Asked by an id that was merged into this story (issue 19): this story's
    # id, and the ids from the asked one to it; absent otherwise.
    merged_into: int | None = None
    merged_path: list[int] | None = None
    # Asked with ?lang= for a story too big to build a reader's view within the
    # request: the stored (main-language) view is served instead; absent otherwise.
    reader_language_unavailable: bool | None = None


# --- entities and quotes ------------------------------------------------------------
class EntityRow(Open):
    id: str
    name: str
    label: str
    aliases: list[str]
    mentions: int
    languages: list[str]


class QuoteRow(Open):
    article_id: str
    index: int
    text: str | None
    speaker: str | None
    speaker_surface: str | None
    speaker_entity_id: str | None
    kind: str | None
    verb: str | None
    start: int | None
    end: int | None
    source: str | None
    published: str | None
    language: str | None
    article_title: str | None


class CoOccurring(Open):
    id: str
    name: str
    label: str
    shared_articles: int


class Correction(Open):
    """A person's correction of the entity linking (see ``veille entity --help``)."""

    id: int | None
    action: str
    entity_id: str
    target_id: str | None = None
    name: str | None = None
    aliases: list[str] = []
    article_uid: str | None = None
    start: int | None = None
    end: int | None = None
    author: str = ""
    note: str = ""
    created_at: str = ""


class CorrectionIn(BaseModel):
    """merge: ``into``; split: ``names`` (and ``name``); detach: ``article_id``,
    ``start``, ``end``; rename: ``name``."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["merge", "split", "detach", "rename"]
    into: str | None = Field(None, max_length=256)
    names: list[Annotated[str, Field(max_length=200)]] = Field(default_factory=list, max_length=100)
    name: str | None = Field(None, max_length=200)
    article_id: str | None = Field(None, max_length=512)
    start: int | None = Field(None, ge=0, le=2**31)
    end: int | None = Field(None, ge=0, le=2**31)
    author: str = Field("", max_length=128)
    note: str = Field("", max_length=2000)


class CorrectionResult(Open):
    correction: Correction
    entity_id: str
    articles: int
    stories: list[int]


class EntityDetail(EntityRow):
    """An entity with its stories, its quotes (up to 50) and the entities
    mentioned in the same articles."""

    n_articles: int
    stories: list[StoryRow]
    quotes: list[QuoteRow]
    co_occurring: list[CoOccurring]
    #: name -> why it was linked to this entity
    evidence: dict[str, str] = {}
    corrections: list[Correction] = []
    #: the id asked for was merged into this entity by a correction
    merged_into: str | None = None


# --- search -------------------------------------------------------------------------
class Snippet(Open):
    text: str
    start: int
    end: int
    highlights: list[tuple[int, int]]
    # whether text was cut before/after the window; absent when the text is empty
    prefix: bool = False
    suffix: bool = False


class SearchHit(Open):
    id: str
    title: str | None
    source: str | None
    language: str | None
    published: str | None
    date_precision: str | None
    url: str | None
    duplicate_of: str | None
    story_id: int | None
    score: Number
    title_highlights: list[tuple[int, int]]
    snippet: Snippet


class FacetValue(Open):
    value: str
    label: str | None = None  # the entity's name (entity facet only)
    count: int


class Facets(Open):
    source: list[FacetValue]
    language: list[FacetValue]
    month: list[FacetValue]
    entity: list[FacetValue]
    entity_sampled: bool


class SearchPage(Open):
    query: str
    terms: list[str]
    results: list[SearchHit]
    total: int
    # Full-text mode: how many of the matches the ranking chose the results
    # from (every one, or the newest search.query.RANK_WINDOW of a query
    # matching more); absent in semantic mode.
    ranked_over: int | None = None
    facets: Facets | None = None
    next_cursor: str | None
