"""spaCy pipelines: loaded once per process, run in batches, long texts in chunks.

Loading fr_core_news_md takes seconds, so every caller goes through
:func:`get_nlp`, which caches one pipeline per language for the whole process
(a process-pool worker pays the load once). Texts longer than
:data:`CHUNK_CHARS` are cut at paragraph/sentence boundaries before parsing:
the parser's memory grows with document length and spaCy refuses texts above
``nlp.max_length``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from veille.core import settings as config

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

#: Components nobody downstream reads. Both shipped pipelines only carry what
#: we use (tagger/morphologizer for POS, parser for attribution, lemmatizer
#: for speech verbs, NER); the English one ships ``senter`` disabled already
#: and we keep it so (the parser sets sentence boundaries).
UNNEEDED = ("senter",)

#: Longest piece of text parsed as one Doc. A whole news article is below;
#: only very long inputs (a 1 MB dump) are cut. The parser's working memory
#: grows with the text in a batch, hence also a character budget per batch.
CHUNK_CHARS = 20_000
BATCH_CHARS = 200_000

SUPPORTED = tuple(config.SPACY_MODELS)


PARAGRAPH_COMPONENT = "veille_line_breaks"


def _register() -> None:
    from spacy.language import Language  # lazy: importing spaCy costs ~1 s of start-up

    if PARAGRAPH_COMPONENT in Language.factories:
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def line_breaks(doc: Doc) -> Doc:
        """A line break ends a sentence.

        News bodies put headings, captions and credits on lines of their own
        without final punctuation; the parser would glue them to the next
        sentence (and attribute a quote to a photographer).
        """
        for i, tok in enumerate(doc[:-1]):
            if "\n" in tok.text and tok.is_space:
                doc[i + 1].is_sent_start = True
        return doc


GLUE_COMPONENT = "veille_glued_words"


def _register_glue() -> None:
    from spacy.language import Language

    if GLUE_COMPONENT in Language.factories:
        return

    @Language.factory(GLUE_COMPONENT)
    def glued_words(nlp: Language, name: str) -> Callable[[Doc], Doc]:
        """OCR-glued words ("aprié", "lesavantages") split into the words they
        are, before the tagger and the parser see them (:mod:`.glued_words`);
        the text and every offset stay as they were."""
        from veille.analyze.glued_words import GlueSplitter
        from veille.lang import language_data
        from veille.lang.stop_words import spacy_stop_words

        forms: Any = frozenset()
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_lookup"):
                forms = lookups.get_table("lemma_lookup")
        code = nlp.lang or ""
        splitter = GlueSplitter(code, spacy_stop_words(code), language_data(code).elisions, forms)

        def split(doc: Doc) -> Doc:
            if not any(splitter.split(t.text) for t in doc):
                return doc
            # a new Doc of the pieces (the retokenizer's split wants heads, and
            # placeholder heads would stand as sentence boundaries the parser keeps)
            from spacy.tokens import Doc as NewDoc

            words: list[str] = []
            spaces: list[bool] = []
            norms: list[str] = []
            for t in doc:
                pieces = splitter.split(t.text) or (t.text,)
                words += pieces
                spaces += [False] * (len(pieces) - 1) + [bool(t.whitespace_)]
                norms += [p.lower() for p in pieces[:-1]] + [t.norm_ if len(pieces) == 1
                                                               else pieces[-1].lower()]
            out = NewDoc(doc.vocab, words=words, spaces=spaces)
            for t, norm in zip(out, norms, strict=True):
                t.norm_ = norm
            return out

        return split


@cache
def get_nlp(language: str) -> Language:
    """The pipeline for ``language``; raises KeyError when none is configured."""
    import spacy  # lazy: importing spaCy costs ~1 s of start-up

    _register()
    nlp = spacy.load(config.spacy_model(language), exclude=list(UNNEEDED))
    _split_glued_quotes(nlp)
    from veille.lang import language_data

    if language_data(language).splits_glued_words:
        _register_glue()
        nlp.add_pipe(GLUE_COMPONENT, first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS + 1000)
    return nlp


#: A quote mark glued to the comma, colon or full stop before it and to the
#: word after it ("Ryan said,“Look, …”", "Clinton:"We …"", "the
#: authorities."We …""): spaCy's rules split a comma between two letters only,
#: so "said,“Look" stayed one token (tagged a person) and the quote lost its
#: verb; after a full stop they split the stop and left '"We' one word.
#: Typography, not a language's: added to every pipeline's infixes.
GLUED_QUOTE_INFIXES = r"(?<=[^\W\d_])[,:](?=[“\"][^\W\d_])|(?<=[^\W\d_][,:.])[“\"](?=[^\W\d_])"


def _split_glued_quotes(nlp: Language) -> None:
    # the model's own infixes (a compiled pattern's finditer) and ours after them
    tok: Any = nlp.tokenizer
    base = getattr(tok.infix_finditer, "__self__", None)
    pattern = f"{base.pattern}|{GLUED_QUOTE_INFIXES}" if base is not None else GLUED_QUOTE_INFIXES
    tok.infix_finditer = re.compile(pattern).finditer


_BREAK = re.compile(r"\n\s*\n|\n|(?<=[.!?…»])\s+")


def chunk_text(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """Cut ``text`` into (offset, piece) pieces of at most ``size`` chars.

    Cuts prefer a paragraph break, then a line break, then a sentence end, then
    whitespace, so that no sentence we report straddles two pieces in normal
    prose.
    """
    size = size or CHUNK_CHARS
    if len(text) <= size:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        end = min(pos + size, n)
        if end < n:
            window = text[pos:end]
            cut = -1
            for pat in ("\n\n", "\n", ". ", " "):
                k = window.rfind(pat, size // 2)
                if k > 0:
                    cut = k + len(pat)
                    break
            if cut > 0:
                end = pos + cut
        out.append((pos, text[pos:end]))
        pos = end
    return out


def pipe(language: str, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Docs for ``texts`` in order, batched by count and by characters.

    Up to ``batch_size`` texts go to ``nlp.pipe`` together, fewer when they
    add up to more than :data:`BATCH_CHARS` (peak memory stays bounded on
    long inputs; ordinary news batches are unaffected).
    """
    nlp = get_nlp(language)
    group: list[str] = []
    size = 0
    for t in texts:
        if group and (len(group) >= batch_size or size + len(t) > BATCH_CHARS):
            yield from _with_text(nlp.pipe(group, batch_size=len(group)), group)
            group, size = [], 0
        group.append(t)
        size += len(t)
    if group:
        yield from _with_text(nlp.pipe(group, batch_size=len(group)), group)


_TEXT = "veille_text"


def _with_text(docs: Iterable[Doc], texts: Sequence[str]) -> Iterator[Doc]:
    # spaCy's tokenizer is non-destructive (``doc.text == text``): keep the
    # string parsed rather than have :func:`doc_text` join the tokens again
    for doc, text in zip(docs, texts, strict=True):
        doc.user_data[_TEXT] = text
        yield doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each
    access (~1.5 ms for a 3 KB article), and several stages read it."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


_SENT_END = re.compile(r"[^.!?…\n]+(?:[.!?…]+[»”\"')\]]*|\n|$)")


def simple_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation, for languages we have no parser for.

    Good enough to cite a sentence; not meant to match a trained splitter.
    """
    spans: list[tuple[int, int]] = []
    for m in _SENT_END.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


_OPENERS_BAD = {",", ";", ":", ")", "]", "»", "”", "…"}
#: What ends a piece the parser cut off. Not a colon: what follows one belongs to
#: its sentence ("Scorers: | Haim Hajaj (47th)", "Translation: | There's a very
#: real chance …"); a line break after it still ends the sentence.
_ENDERS = {".", "!", "?", "…", "»", "”", '"', ")"}


#: Entity labels of a point in time (OntoNotes, the English models'): a time
#: abbreviation followed by one ("11 a.m. | Saturday") goes on.
_WHEN = {"DATE", "TIME"}
#: Marks that close a quote when glued to the word before and followed by a space.
_CLOSING_QUOTES = {'"', "'", "”", "’", "»"}
_MARKER = re.compile(r"(?:\d{1,3}|[^\W\d_])\.")


def _cut_inside(prev_last: Token, first: Token, piece: str) -> bool:
    """Whether the parser's boundary between ``prev_last`` and ``first`` cuts
    something the model itself reads as one unit.

    - an entity runs across it (its next token is inside, not beginning, an
      entity: "M. | Waugh", "James Leander (Leo) | Nichols");
    - a quote mark glued to the full stop before it and followed by a space
      closes the quote, it does not open the next sentence ('arrest.|"');
    - an abbreviation the tokenizer kept whole with its full stop (its language
      data's exceptions: "a.m.", "Sept.") that the recognizer reads as a time,
      followed by another time ("at 11 a.m. | Saturday", "(Sept. | 6)");
    - the piece before is nothing but a list number or an initial ("1. | Olaf
      Ludwig", "A. | Stewart"): no sentence is only that.
    """
    if first.ent_iob_ == "I":
        return True
    if first.text in _CLOSING_QUOTES and not prev_last.whitespace_ and prev_last.i + 1 == first.i \
            and (first.whitespace_ or first.i + 1 == len(first.doc) or first.doc[first.i + 1].is_space):
        return True  # a closing mark the parser sent to the next sentence ('arrest."|⏎')
    if (len(prev_last.text) > 1 and prev_last.text.endswith(".")
            and prev_last.ent_type_ in _WHEN and first.ent_type_ in _WHEN):
        return True
    return _MARKER.fullmatch(piece) is not None


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of sentences, with the parser's fragments glued back.

    The parser sometimes opens a sentence at a comma ("Kiev, quant à elle, |
    a déclaré …") or at a closing quote mark. Boundaries cannot be edited
    once a Doc is parsed, so we merge here: a piece that starts with
    punctuation or a lowercase word, or follows a piece without final
    punctuation (a colon is none), or where the model reads one unit across
    the cut (:func:`_cut_inside`), joins its predecessor unless a line break
    separates them. Cached on the Doc (several stages ask).
    """
    cached = doc.user_data.get("veille_sents")
    if cached is not None:
        return list(cached)
    out: list[list[int]] = []
    for s in doc.sents:
        i = s.start
        while i < s.end and doc[i].is_space:
            i += 1
        if i == s.end:
            continue
        first = doc[i]
        if out:
            # last non-space token of the previous piece, and any line break after it
            k = out[-1][1] - 1
            newline = False
            while k >= out[-1][0] and doc[k].is_space:
                newline = newline or "\n" in doc[k].text
                k -= 1
            for j in range(out[-1][1], i):
                newline = newline or "\n" in doc[j].text
            prev_last = doc[k] if k >= out[-1][0] else None
            broken = (
                first.text in _OPENERS_BAD
                or first.text[:1].islower()
                or (prev_last is not None and prev_last.text[-1:] not in _ENDERS)
                or (prev_last is not None and _cut_inside(prev_last, first, doc[out[-1][0]:k + 1].text))
            )
            if broken and not newline:
                out[-1][1] = s.end
                continue
        out.append([i, s.end])
    res = []
    for a, b in out:
        while b > a and doc[b - 1].is_space:
            b -= 1
        res.append((a, b))
    doc.user_data["veille_sents"] = res
    return list(res)
