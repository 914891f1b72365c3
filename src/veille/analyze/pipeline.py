"""The analysis orchestrator: text in, :class:`~veille.core.model.Analysis` out.

One call handles a batch: texts are grouped by language and each group goes
through a single batched ``nlp.pipe`` (the model is loaded once per process);
each text's Docs then go through the registered components of
:data:`PIPELINE`, in order (see :mod:`veille.analyze.registry`).
Everything that can fail on odd input (a language we have no model for, an
empty text, a 1 MB dump, an extractor raising) becomes a note on the
Analysis, never an exception: one bad article must not stop a batch.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from veille.analyze import components, registry
from veille.analyze import nlp as nlpmod
from veille.analyze.registry import ArticleWork, Component, Parse, Piece
from veille.core.model import Analysis, DateRange
from veille.lang.detect import detect_language

log = logging.getLogger(__name__)

Item = tuple[str, str, "str | None", DateRange]

#: The analysis, in order: registered component names (checked on import).
PIPELINE: tuple[str, ...] = (components.SENTENCES, components.FURNITURE, components.ENTITIES,
                             components.QUOTES, components.TIMES, components.QUANTITIES)
COMPONENTS: tuple[Component, ...] = registry.build(PIPELINE)


def component_versions(comps: Sequence[Component] = COMPONENTS) -> dict[str, int]:
    """The versions stored with each analysis this pipeline makes."""
    return registry.versions(comps)


def _run(comps: Sequence[Component], an: Analysis, text: str, ref: DateRange, parse: Parse,
         pieces: Sequence[tuple[int, Any]] = (), site: Any = None) -> None:
    work = ArticleWork(an, text, ref, parse, [Piece(off, doc) for off, doc in pieces], site=site)
    for comp in comps:
        comp.run(work)


def analyze_batch(items: Sequence[Item], *, batch_size: int = 32,
                  comps: Sequence[Component] = COMPONENTS,
                  sites: Sequence[Any] | None = None) -> list[Analysis]:
    """Analyses for ``items`` = (uid, text, language or None, published), in order;
    ``sites``: per item, the line counts of its source's other articles (furniture)."""
    site_of = list(sites) if sites is not None else [None] * len(items)
    results: list[Analysis | None] = [None] * len(items)
    # (item index, piece offset, piece text) per language
    by_lang: dict[str, list[tuple[int, int, str]]] = {}
    items = [(u, t, lg, ref if ref is not None else DateRange.unknown()) for u, t, lg, ref in items]
    for n, (uid, text, language, ref) in enumerate(items):
        text = text or ""
        an = Analysis(article_uid=uid, language=language)
        results[n] = an
        if not text.strip():
            an.notes.append("empty text: nothing to analyse")
            continue
        lang = language
        if lang is None:
            lang = detect_language(text)
            an.language = lang
            an.notes.append(f"language: not given, detected {lang or 'none'}")
        if lang not in nlpmod.SUPPORTED:
            an.notes.append(f"language {lang!r} has no spaCy model: punctuation sentences only, "
                            "no entities; quotes only where an incise attributes them (quote marks "
                            "and the language's reporting words); dates without tense (dateparser's "
                            "locale words where it has the language), numbers as digits")
            _run(comps, an, text, ref, "no-model", site=site_of[n])
            continue
        chunks = nlpmod.chunk_text(text)
        if len(chunks) > 1:
            an.notes.append(f"long text ({len(text)} chars) parsed in {len(chunks)} chunks")
        by_lang.setdefault(lang, []).extend((n, off, piece) for off, piece in chunks)

    def finish(n: int, pieces: list[tuple[int, Any]]) -> None:
        """Everything that needs the Docs of item ``n``; the Docs are dropped after."""
        an = results[n]
        assert an is not None
        _, text, _, ref = items[n]
        _run(comps, an, text, ref, "parsed", pieces, site=site_of[n])
        done.add(n)

    # Stream: an item is finished as soon as its last piece is parsed, so a
    # long text's chunk Docs do not pile up in memory with the whole batch.
    done: set[int] = set()
    for lang, entries in by_lang.items():
        try:
            docs = nlpmod.pipe(lang, (p for _, _, p in entries), batch_size=batch_size)
            cur_n = -1
            pieces: list[tuple[int, Any]] = []
            for (n, off, _), parsed in zip(entries, docs, strict=True):
                if n != cur_n and pieces:
                    finish(cur_n, pieces)
                    pieces = []
                cur_n = n
                pieces.append((off, parsed))
            if pieces:
                finish(cur_n, pieces)
        except Exception as exc:  # model missing or broken: keep going without it
            for n, _, _ in entries:
                bad = results[n]
                assert bad is not None
                if n not in done and not any("spaCy failed" in x for x in bad.notes):
                    bad.notes.append(f"spaCy failed for {lang}: {type(exc).__name__}: {exc}")
                    _run(comps, bad, items[n][1], items[n][3], "parse-failed", site=site_of[n])
                    done.add(n)
    return [r for r in results if r is not None]


def analyze_one(uid: str, text: str, language: str | None, published: DateRange) -> Analysis:
    return analyze_batch([(uid, text, language, published)])[0]
