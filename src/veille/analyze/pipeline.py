"""The analysis orchestrator: text in, :class:`~veille.core.model.Analysis` out.

One call handles a batch: texts are grouped by language and each group goes
through a single batched ``nlp.pipe`` (the model is loaded once per process).
Everything that can fail on odd input (a language we have no model for, an
empty text, a 1 MB dump, a colleague's extractor raising) becomes a note on
the Analysis, never an exception: one bad article must not stop a batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from veille.analyze import nlp as nlpmod
from veille.analyze.entities import mentions_from_doc, sentence_index_of
from veille.analyze.quotes import extract_quotes, find_quote_spans
from veille.core.model import Analysis, DateRange, Sentence
from veille.lang.detect import detect_language

log = logging.getLogger(__name__)

Item = tuple[str, str, "str | None", DateRange]


def _load_extractor(module: str, name: str) -> Callable[..., Any] | None:
    """The colleague's extractor, or None if it is not there yet."""
    try:
        mod = __import__(f"veille.analyze.{module}", fromlist=[name])
        return getattr(mod, name)
    except Exception as exc:  # missing module or broken import
        log.debug("extractor %s.%s unavailable: %s", module, name, exc)
        return None


def _sentences_from_docs(pieces: list[tuple[int, Any]]) -> list[Sentence]:
    out: list[Sentence] = []
    for off, doc in pieces:
        text = doc.text  # rebuilt by spaCy on each access
        for ta, tb in nlpmod.sentence_ranges(doc):
            a, b = doc[ta].idx, doc[tb - 1].idx + len(doc[tb - 1].text)
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(Sentence(len(out), a + off, b + off, text[a:b]))
    return out


def _fallback_sentences(text: str) -> list[Sentence]:
    return [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(nlpmod.simple_sentences(text))]


def _run_extras(an: Analysis, text: str, ref: DateRange, doc: Any, extract_times: Any,
                extract_quantities: Any) -> None:
    # The quantity extractor skips numbers inside the times it finds against an unknown
    # reference; ours are the same spans when the reference is unknown, so it reuses them
    # then (a known reference can drop an expression, e.g. "il y a deux décennies").
    times_for_quantities = None
    if extract_times is None:
        an.notes.append("times: veille.analyze.temporal.extract_times unavailable")
    else:
        try:
            an.times = list(extract_times(text, an.sentences, ref, an.language))
            if not ref.known:
                times_for_quantities = an.times
        except Exception as exc:
            an.notes.append(f"times: extractor failed: {type(exc).__name__}: {exc}")
    if extract_quantities is None:
        an.notes.append("quantities: veille.analyze.quantities.extract_quantities unavailable")
    else:
        try:
            an.quantities = list(extract_quantities(text, an.sentences, an.language, doc=doc,
                                                    times=times_for_quantities))
        except Exception as exc:
            an.notes.append(f"quantities: extractor failed: {type(exc).__name__}: {exc}")


def analyze_batch(items: Sequence[Item], *, batch_size: int = 32) -> list[Analysis]:
    """Analyses for ``items`` = (uid, text, language or None, published), in order."""
    extract_times = _load_extractor("temporal", "extract_times")
    extract_quantities = _load_extractor("quantities", "extract_quantities")
    results: list[Analysis | None] = [None] * len(items)
    # (item index, piece offset, piece text) per language
    by_lang: dict[str, list[tuple[int, int, str]]] = {}
    items = [(u, t, lg, ref if ref is not None else DateRange.unknown()) for u, t, lg, ref in items]
    for n, (uid, text, language, _ref) in enumerate(items):
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
            an.sentences = _fallback_sentences(text)
            an.notes.append(f"language {lang!r} has no spaCy model: punctuation sentences only, "
                            "no entities or quotes")
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
        an.sentences = _sentences_from_docs(pieces)
        starts = [s.start for s in an.sentences]

        def sent_index(pos: int) -> int:
            return sentence_index_of(starts, pos)

        for off, pdoc in pieces:
            ments = mentions_from_doc(pdoc, starts, offset=off)
            an.entities.extend(ments)
            qs, notes = extract_quotes(pdoc, ments, sent_index, offset=off)
            an.quotes.extend(qs)
            an.notes.extend(notes)
        whole = pieces[0][1] if len(pieces) == 1 else None
        _run_extras(an, text, ref, whole, extract_times, extract_quantities)
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
                    bad.sentences = _fallback_sentences(items[n][1])
                    _run_extras(bad, items[n][1], items[n][3], None, extract_times, extract_quantities)
                    done.add(n)

    for n, maybe in enumerate(results):
        assert maybe is not None
        text = items[n][1] or ""
        if n in done or not text.strip():
            continue
        # unsupported language: quote marks still tell us something
        _, qnotes = find_quote_spans(text)
        maybe.notes.extend(qnotes)
    return [r for r in results if r is not None]


def analyze_one(uid: str, text: str, language: str | None, published: DateRange) -> Analysis:
    return analyze_batch([(uid, text, language, published)])[0]
