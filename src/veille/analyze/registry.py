"""Analysis components by versioned name, and the check that a pipeline of them can run.

As in spaCy's factories, a component is registered next to its definition
under a versioned name (``veille.quotes.v1``) and declares the fields of
:class:`~veille.core.model.Analysis` it ``requires`` (assigned by an earlier
component) and ``assigns``. The pipeline is an ordered list of names checked
once, when it is built (:func:`build`): an unknown name or a requirement that
no earlier component assigns is refused with a message saying which.

Two numbers, two meanings: the ``vN`` in a name changes when the component's
contract changes (what it requires or assigns, its parameters): a new name,
the old one kept. ``version`` is the revision of its output: bump it when
the same component starts giving different results, and the analyses stored
with an older revision become outdated (``veille analyze --outdated``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from veille.core.model import Analysis, DateRange, Mention, TimeRef

#: How a text reached the components: parsed by spaCy; its language has a
#: spaCy pipeline but parsing failed (a note says why); or its language has
#: no spaCy pipeline.
Parse = Literal["parsed", "parse-failed", "no-model"]

#: Fields the orchestrator fills before any component runs.
GIVEN: frozenset[str] = frozenset({"article_uid", "language", "notes"})
#: Fields a component may require or assign.
FIELDS: frozenset[str] = frozenset(f.name for f in fields(Analysis))

_NAME = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+\.v[0-9]+$")


@dataclass
class Piece:
    """One parsed chunk of a text: its offset in the text and its spaCy Doc."""

    offset: int
    doc: Any  # spacy.tokens.Doc (spaCy is imported lazily, see veille.analyze.nlp)
    #: This chunk's mentions, once the entity component has run.
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class ArticleWork:
    """One article on its way through the components: the Analysis they fill
    and what they read besides it (the text, its date, its parse)."""

    analysis: Analysis
    text: str
    published: DateRange
    parse: Parse
    pieces: list[Piece] = field(default_factory=list)
    #: Times found against an unknown reference, for the quantity extractor
    #: to skip the numbers inside them (None: not found, or reference known).
    unknown_ref_times: list[TimeRef] | None = None
    #: The article's title, for the components that read it (the embedding).
    title: str | None = None
    #: What a component makes besides the Analysis and its caller stores
    #: elsewhere (the embedding's vector, kept in ``article_vectors``).
    vector: Any = None
    #: The line counts of the other articles of its source
    #: (``veille.analyze.furniture.SiteCounts``), when the caller has a store.
    site: Any = None

    @property
    def whole_doc(self) -> Any:
        """The Doc of the whole text, when it was parsed in one piece."""
        return self.pieces[0].doc if len(self.pieces) == 1 else None


@dataclass(frozen=True)
class Component:
    """A registered analysis step: ``run`` fills ``assigns`` on the work's Analysis."""

    name: str
    version: int
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[ArticleWork], None]
    #: The model a component's output depends on (the encoder's name and
    #: package version): output made by another model is outdated too.
    model: str | None = None


class PipelineError(ValueError):
    """A pipeline that cannot run: unknown component, or one whose input no earlier one makes."""


_REGISTRY: dict[str, Component] = {}


def component(
    name: str, *, version: int, requires: Iterable[str] = (), assigns: Iterable[str] = (),
    model: str | None = None,
) -> Callable[[Callable[[ArticleWork], None]], Callable[[ArticleWork], None]]:
    """Register the decorated function as the component ``name``."""
    req, out = tuple(requires), tuple(assigns)
    if not _NAME.match(name):
        raise PipelineError(f"component name {name!r} is not a versioned name like 'veille.quotes.v1'")
    unknown = [f for f in (*req, *out) if f not in FIELDS]
    if unknown:
        raise PipelineError(f"component {name!r} names {unknown}, which are not fields of Analysis "
                            f"({', '.join(sorted(FIELDS))})")

    def register(fn: Callable[[ArticleWork], None]) -> Callable[[ArticleWork], None]:
        old = _REGISTRY.get(name)
        if old is not None and old.run.__qualname__ != fn.__qualname__:
            raise PipelineError(f"component {name!r} is registered twice "
                                f"({old.run.__module__}.{old.run.__qualname__} and "
                                f"{fn.__module__}.{fn.__qualname__})")
        _REGISTRY[name] = Component(name, version, req, out, fn, model)
        return fn

    return register


def registered() -> list[str]:
    """Names of every registered component."""
    return sorted(_REGISTRY)


def get(name: str) -> Component:
    comp = _REGISTRY.get(name)
    if comp is None:
        raise PipelineError(f"unknown analysis component {name!r}; registered: "
                            f"{', '.join(registered()) or 'none'}")
    return comp


def build(names: Iterable[str]) -> tuple[Component, ...]:
    """The components of ``names``, in order, once the order is known to work."""
    out: list[Component] = []
    assigned = set(GIVEN)
    for name in names:
        comp = get(name)
        if any(c.name == name for c in out):
            raise PipelineError(f"analysis component {name!r} appears twice in the pipeline")
        missing = [f for f in comp.requires if f not in assigned]
        if missing:
            raise PipelineError(
                f"analysis component {name!r} requires {', '.join(missing)}, which no earlier "
                f"component assigns (pipeline so far: {', '.join(c.name for c in out) or 'empty'})")
        assigned.update(comp.assigns)
        out.append(comp)
    return tuple(out)


def versions(components: Iterable[Component]) -> dict[str, int]:
    """``{name: version}`` of a pipeline, as stored with each analysis."""
    return {c.name: c.version for c in components}
