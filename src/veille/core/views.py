"""The story view and its parts: what the explain stage builds for a story.

``StoryView.to_dict()`` is the JSON stored with the story and printed by
``veille story N --json`` and ``/api/stories/{id}`` (schema
``veille.story_view/1``, documented in docs/measured/quality-stories.md); its keys and
their order are a contract (extend, never rename). ``from_dict`` reads a stored
view back, so ``StoryView.from_dict(v).to_dict() == v``.

A field's JSON name is its own unless ``json_name`` says otherwise (``from``
is a Python keyword); fields marked ``internal`` are working state of the
builder and never reach the JSON.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any, TypeVar, Union

from veille.core.records import CopyRef

SCHEMA = "veille.story_view/1"

T = TypeVar("T")


def _json(name: str) -> Any:
    return field(metadata={"json": name})


def _internal(default_factory: Any = list) -> Any:
    return field(default_factory=default_factory, metadata={"internal": True}, repr=False)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def to_plain(obj: Any) -> Any:
    """The JSON form of a view part: dataclasses become dicts in field order.

    Dispatched on the exact type first (a view holds ~2,000 values a story,
    and ``is_dataclass`` on each was most of the conversion's cost)."""
    t: type = type(obj)
    if t in _SCALARS:
        return obj
    if t is list:
        return [to_plain(v) for v in obj]
    if t is dict:
        return {k: to_plain(v) for k, v in obj.items()}
    public = _instance_fields(t)
    if public is not None:
        return {name: to_plain(getattr(obj, attr)) for attr, name in public}
    if isinstance(obj, list):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


@cache
def _instance_fields(cls: type) -> tuple[tuple[str, str], ...] | None:
    """:func:`_public` of a dataclass; None for any other type (a dataclass
    *class* as a value is not converted: its type is not a dataclass)."""
    return _public(cls) if is_dataclass(cls) else None


@cache
def _public(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, JSON key) of the fields that reach the JSON, in order."""
    return tuple((f.name, f.metadata.get("json", f.name)) for f in fields(cls)
                 if not f.metadata.get("internal"))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _readable(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, JSON key) of the fields read back from JSON (cached: views of
    thousands of quotes read as many parts)."""
    return tuple((f.name, f.metadata.get("json", f.name)) for f in fields(cls)
                 if not f.metadata.get("internal"))


def _read(tp: Any, value: Any) -> Any:
    """``value`` (stored JSON) read as type ``tp``: dataclasses from dicts, recursively."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        for arm in typing.get_args(tp):
            if arm is type(None):
                if value is None:
                    return None
                continue
            if isinstance(arm, type) and is_dataclass(arm) and isinstance(value, Mapping):
                return from_plain(arm, value)
        return value
    if isinstance(tp, type) and is_dataclass(tp) and isinstance(value, Mapping):
        return from_plain(tp, value)
    if origin is list and isinstance(value, list):
        (arg,) = typing.get_args(tp) or (Any,)
        return [_read(arg, v) for v in value]
    return value


def from_plain(cls: type[T], data: Mapping[str, Any]) -> T:
    """A view part from its JSON form (the reverse of :func:`to_plain`)."""
    hints = _hints(cls)  # type: ignore[arg-type]
    kw = {}
    for name, key in _readable(cls):  # type: ignore[arg-type]
        if key in data:
            kw[name] = _read(hints[name], data[key])
    return cls(**kw)


# --- parts ------------------------------------------------------------------------
@dataclass
class ViewArticle:
    uid: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    date_precision: str | None
    language: str | None
    duplicate_of: str | None
    independent_source: str  # the source this article counts as (see stories.sources)
    source_reason: str
    wire_agency: str | None
    also_published_by: list[CopyRef] = field(default_factory=list)


@dataclass
class Languages:
    main: str | None
    articles_by_language: dict[str, int]
    #: the language the title and summary prefer (asked for, else ``main``)
    reader: str | None = None


@dataclass
class Title:
    text: str
    full: str
    from_: str = _json("from")  # "headline" or "lead sentence"
    article: str = ""
    language: str | None = None
    centrality: float = 0.0


@dataclass
class UnitRef:
    """One statement (a sentence, or part of one) of an article."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    caption: bool
    language: str | None
    #: the furniture detector's score of its sentence (veille.analyze.furniture),
    #: so an update's summary avoids the near-furniture lines a full build avoids
    furniture_score: float = 0.0
    #: its sentence opens on an imperative (``Sentence.imperative``), so an
    #: update's summary leaves it out as a full build does
    imperative: bool = False


@dataclass
class SummarySentence:
    text: str
    article: str
    start: int
    end: int
    language: str | None
    fact: str
    citations: list[str]
    sources: list[str]
    n_sources: int
    score: float
    #: languages of the articles cited (the fact stated across languages)
    languages: list[str] = field(default_factory=list)


@dataclass
class Fact:
    """Statements of the story that say the same thing, with who states it."""

    statement: str
    representative: UnitRef
    n_sources: int
    sources: list[str]
    articles: list[str]
    members: list[UnitRef]
    entities: list[str]
    id: str = ""
    #: statements in the fact; ``members`` lists at most MAX_MEMBERS_SHOWN of them
    #: (one per source first), so a dispatch run by thousands keeps a bounded view
    n_members: int = 0
    #: languages its statements are in (several: corroborated across languages)
    languages: list[str] = field(default_factory=list)
    #: every member asks ("What are the Panama Papers?", a subhead several outlets
    #: share): outlets asking one question corroborate no fact, pages list it apart
    question: bool = False
    units: list[int] = _internal()  # indices of the member units (builder state)
    rep: int = field(default=0, metadata={"internal": True}, repr=False)


@dataclass
class Corroboration:
    n_facts: int
    by_sources: dict[int, int]  # number of sources -> number of facts


@dataclass
class Side:
    """One side of a disagreement: the values a source gives and where."""

    value: list[dict[str, Any]] | str  # extracted values (dates, counts), or a quote's wording
    text: str
    article: str
    source: str


@dataclass
class Disagreement:
    kind: str  # quantity / date / quote_wording
    about: str | None
    fact: str | None
    sides: list[Side] = field(default_factory=list)


@dataclass
class TimelineEntry:
    date: str
    start: str
    end: str
    precision: str
    relative_to_publication: str
    restates_publication_date: bool
    expressions: list[str | None]
    sentence: str
    fact: str
    articles: list[str]
    sources: list[str]
    n_sources: int = 0
    background: bool = False
    #: other dates the fact's statements give (the line keeps the most stated one)
    other_dates: list[str] = field(default_factory=list)
    #: shown in the compact default timeline (events several sources carry)
    compact: bool = False
    #: languages of the articles stating it
    languages: list[str] = field(default_factory=list)
    #: a day its article names as its own publication day ("A small plane
    #: crash Sunday ... killed 12" in Sunday's paper), not the generic present
    #: ("now", TimeML PRESENT_REF): the day's event, which
    #: ``restates_publication_date`` also flags, may be in the compact default
    names_publication_day: bool = False


@dataclass
class Rendering:
    """One outlet's wording of a quote."""

    text: str
    kind: str | None
    verb: str | None
    article: str
    source: str
    sentence: str


@dataclass
class QuoteGroup:
    text: str
    renderings: list[Rendering]
    n_sources: int
    sources: list[str]
    #: renderings of the statement; ``renderings`` lists at most
    #: MAX_RENDERINGS_SHOWN of them, one per source first
    n_renderings: int = 0


@dataclass
class SpeakerGroup:
    """Who said what: one speaker's quotes, each with its renderings."""

    speaker: str
    entity_id: str | None
    quotes: list[QuoteGroup]
    sources: list[str]
    n_quotes: int


@dataclass
class GraphNode:
    id: str
    canonical: str
    label: str
    mentions: int
    articles: int


@dataclass
class GraphEdge:
    source: str
    target: str
    weight: int


@dataclass
class EntityGraph:
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)


@dataclass
class StoryView:
    schema: str
    builder: int
    n_articles: int
    articles: list[ViewArticle]
    n_independent_sources: int
    languages: Languages
    title: Title | None = None
    summary: list[SummarySentence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    corroboration: Corroboration = field(default_factory=lambda: Corroboration(0, {}))
    disagreements: list[Disagreement] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    speakers: list[SpeakerGroup] = field(default_factory=list)
    entity_graph: EntityGraph = field(default_factory=EntityGraph)
    missing: list[str] = field(default_factory=list)
    #: articles added by incremental updates since the last full build
    #: (stories.incremental); 0 for a view built in full
    updates_since_rebuild: int = 0
    #: by article uid, the start offset (a string) of each statement that
    #: reports a speaker's stance on a thing, and those speakers ("A German
    #: police union boss has criticized organizers ...": ``units.stance_map``):
    #: an update reads stored statements without their quotes, and its
    #: summary keeps a reaction lede as a full build does. A few a story, so
    #: not a field of every statement
    stances: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: set once the view is stored with its story (absent from a view computed
    #: for a story not stored yet)
    story_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = to_plain(self)
        if self.story_id is None:
            del out["story_id"]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoryView:
        return from_plain(cls, data)
