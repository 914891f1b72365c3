"""veille's own analysis components, each registered under its versioned name.

Each one wraps an extractor's entry point (the extractors live in their own
modules and know nothing of the registry) and fills its fields of the
Analysis. What each does with a text that was not parsed follows one rule:
a text whose language has no spaCy pipeline gets punctuation sentences and
the notes of its quote marks only; a text whose parse failed gets
punctuation sentences, times and quantities (no entities, no quotes).

Times and quantities turn their own failure into a note (the rest of the
analysis stands); the others do not catch, and a failure there is the
batch's "spaCy failed" path (see :func:`veille.analyze.pipeline.analyze_batch`).
"""

from __future__ import annotations

from veille.analyze import furniture as furnmod
from veille.analyze import nlp as nlpmod
from veille.analyze.entities import mentions_from_doc, sentence_index_of
from veille.analyze.entities_credits import mark_bylines
from veille.analyze.mood import is_imperative
from veille.analyze.quantities import extract_quantities
from veille.analyze.quotes import extract_quotes
from veille.analyze.quotes.unparsed import quotes_without_parse
from veille.analyze.registry import ArticleWork, Piece, component
from veille.analyze.temporal import extract_times
from veille.core.model import Sentence
from veille.lang.sentences import rule_sentences

SENTENCES = "veille.sentences.v1"
ENTITIES = "veille.entities.v1"
QUOTES = "veille.quotes.v1"
TIMES = "veille.times.v1"
QUANTITIES = "veille.quantities.v1"
FURNITURE = "veille.furniture.v1"


def _sentences_from_pieces(pieces: list[Piece], language: str | None) -> list[Sentence]:
    out: list[Sentence] = []
    for piece in pieces:
        off, doc = piece.offset, piece.doc
        text = nlpmod.doc_text(doc)  # doc.text is rebuilt by spaCy on each access
        for ta, tb in nlpmod.sentence_ranges(doc):
            a, b = doc[ta].idx, doc[tb - 1].idx + len(doc[tb - 1].text)
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(Sentence(len(out), a + off, b + off, text[a:b],
                                    imperative=is_imperative(doc, ta, tb, language)))
    return out


def fallback_sentences(text: str, language: str | None = None) -> list[Sentence]:
    """Rule sentences for a text no parser read: the language's tokenizer decides
    which full stops end a sentence ("20.000", "z.B." do not; see veille.lang.sentences)."""
    return [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(rule_sentences(text, language))]


@component(SENTENCES, version=4, assigns=("sentences",))
def sentences(work: ArticleWork) -> None:
    """The parser's sentences (fragments glued back) with their mood, or
    punctuation sentences."""
    if work.parse == "parsed":
        work.analysis.sentences = _sentences_from_pieces(work.pieces, work.analysis.language)
    else:
        work.analysis.sentences = fallback_sentences(work.text, work.analysis.language)


@component(FURNITURE, version=16, requires=("sentences",), assigns=("sentences",))
def furniture(work: ArticleWork) -> None:
    """Flags the sentences that are page furniture (captions, credits, share
    boxes, embedded posts: see veille.analyze.furniture); they stay in the
    analysis, so offsets hold, and the quotes and story views skip them.
    A text that is nothing but furniture says so in a note."""
    an = work.analysis
    segs = furnmod.detect(work.text, an.language, site=work.site)
    flagged = furnmod.flag_sentences(an.sentences, segs)
    if segs and all(s.furniture for s in segs):
        an.notes.append(f"furniture: all {len(segs)} lines are page furniture (captions, "
                        "credits, widgets): no prose left for the story views")
    elif flagged and flagged == len(an.sentences):
        an.notes.append(f"furniture: all {flagged} sentences are page furniture: "
                        "no prose left for the story views")


@component(ENTITIES, version=19, requires=("sentences",), assigns=("entities",))
def entities(work: ArticleWork) -> None:
    """Cleaned named-entity mentions of each parsed piece (see veille.analyze.entities)."""
    starts = [s.start for s in work.analysis.sentences]
    for piece in work.pieces:
        piece.mentions = mentions_from_doc(piece.doc, starts, offset=piece.offset)
        work.analysis.entities.extend(piece.mentions)
    # a byline is known only on the whole article: its edges, its other names
    mark_bylines(work.analysis.entities, work.text,
                 [(s.start, s.end) for s in work.analysis.sentences])


@component(QUOTES, version=22, requires=("sentences", "entities"), assigns=("quotes",))
def quotes(work: ArticleWork) -> None:
    """Quotes and their speakers; for an unparsed text of a language with no
    pipeline, the quotations its incises attribute (``quotes.unparsed``) and
    the notes its quote marks give (mismatched marks)."""
    an = work.analysis
    starts = [s.start for s in an.sentences]
    if work.parse == "no-model":
        qs, notes = quotes_without_parse(work.text, an.language,
                                         lambda pos: sentence_index_of(starts, pos))
        an.quotes.extend(q for q in qs if not _in_furniture(an.sentences, q.sentence))
        an.notes.extend(notes)
        return

    def sent_index(pos: int) -> int:
        return sentence_index_of(starts, pos)

    for piece in work.pieces:
        qs, notes = extract_quotes(piece.doc, piece.mentions, sent_index, offset=piece.offset)
        # a quote inside a caption or an embedded post is no statement of the article
        an.quotes.extend(q for q in qs if not _in_furniture(an.sentences, q.sentence))
        an.notes.extend(notes)


def _in_furniture(sentences: list[Sentence], index: int) -> bool:
    return 0 <= index < len(sentences) and sentences[index].furniture


@component(TIMES, version=28, requires=("sentences",), assigns=("times",))
def times(work: ArticleWork) -> None:
    """Time expressions resolved against the publication date (veille.analyze.temporal).

    A language with no spaCy pipeline is read too: its dates come from
    dateparser's locale words (``temporal.locale_dates``), which need no parse;
    until session 16 such articles got no times at all (the extractor was only
    ever called by the evaluation), so a German story had an empty timeline."""
    an = work.analysis
    try:
        an.times = list(extract_times(work.text, an.sentences, work.published, an.language,
                                      [(p.offset, p.doc) for p in work.pieces]))
        if not work.published.known:
            work.unknown_ref_times = an.times
    except Exception as exc:
        an.notes.append(f"times: extractor failed: {type(exc).__name__}: {exc}")


@component(QUANTITIES, version=17, requires=("sentences", "times"), assigns=("quantities",))
def quantities(work: ArticleWork) -> None:
    """Numbers with their units (veille.analyze.quantities).

    The quantity extractor skips numbers inside the times it finds against an
    unknown reference; the times component's are the same spans when the
    reference is unknown, so they are reused then (a known reference can drop
    an expression, e.g. "il y a deux décennies")."""
    an = work.analysis
    try:
        an.quantities = list(extract_quantities(work.text, an.sentences, an.language,
                                                doc=work.whole_doc, times=work.unknown_ref_times))
    except Exception as exc:
        an.notes.append(f"quantities: extractor failed: {type(exc).__name__}: {exc}")
