"""One parsed piece of text in, its quotes out: direct quotes with their
speaker (:mod:`.cascade`) and reported speech without marks (:mod:`.indirect`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from veille.analyze.quotes.cascade import attribute
from veille.analyze.quotes.context import Attribution, QuoteContext, unattributed
from veille.analyze.quotes.indirect import indirect_statements
from veille.analyze.quotes.marks import find_quote_spans
from veille.core.model import Mention, Quote
from veille.lang import language_data
from veille.lang.quote_words import QuoteWords

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_quotes(
    doc: Doc, mentions: Sequence[Mention], sent_index: Callable[[int], int], offset: int = 0,
    words: QuoteWords | None = None,
) -> tuple[list[Quote], list[str]]:
    """All quotes of one parsed piece of text; ``sent_index(pos)`` -> sentence index.

    ``words`` defaults to the quote words of the Doc's language; a language
    without them gets its quote-mark spans only, with no speaker and no
    reported speech (and a note saying so).
    """
    pack = language_data(doc.lang_)
    if words is None:
        words = pack.quotes
    if words is None:
        return _marks_only(doc.text, offset, sent_index, pack.name)
    ctx = QuoteContext(doc, offset, mentions, words)
    spans, notes = find_quote_spans(ctx.text)
    spans = [(a + offset, s + offset, e + offset, c + offset) for a, s, e, c in spans]
    ctx.set_quotes([(a, c) for a, _, _, c in spans])
    # Walk direct and indirect statements in text order so that a speaker
    # found for one is a candidate antecedent for the next pronoun.
    indirect = indirect_statements(ctx)
    quotes: list[Quote] = []
    for span in spans:
        a, s, e, _ = span
        q = Quote(text=ctx.text[s - offset : e - offset], start=s, end=e, sentence=sent_index(s))
        if not q.text.strip():
            notes.append(f"quote: empty quote at {a}")
            continue
        attr, q.source = attribute(ctx, span, indirect)
        _apply(q, attr)
        quotes.append(q)
    for iq, ia in indirect:
        # a statement wholly quoted is already a direct quote
        if any(s <= iq.start and iq.end <= e for _, s, e, _ in spans):
            continue
        iq.sentence = sent_index(iq.start)
        _apply(iq, ia)
        quotes.append(iq)
    quotes.sort(key=lambda q: (q.start, q.kind))
    return quotes, notes


def _marks_only(text: str, offset: int, sent_index: Callable[[int], int],
                language: str) -> tuple[list[Quote], list[str]]:
    """Quote-mark spans without speakers: what a language without quote words gets."""
    spans, notes = find_quote_spans(text)
    quotes: list[Quote] = []
    for a, s, e, _ in spans:
        q = Quote(text=text[s:e], start=s + offset, end=e + offset, sentence=sent_index(s + offset))
        if not q.text.strip():
            notes.append(f"quote: empty quote at {a + offset}")
            continue
        _apply(q, unattributed())
        quotes.append(q)
    notes.append(f"quotes: no quote words for {language}: quote marks only, no speakers "
                 "or reported speech")
    return quotes, notes


def _apply(q: Quote, attr: Attribution) -> None:
    q.speaker = attr.speaker
    q.verb = attr.verb
    q.cue = attr.cue
    q.method = attr.method
    q.confidence = attr.confidence
    if attr.mention is not None:
        q.speaker_start = attr.mention.start
        q.speaker_end = attr.mention.end
