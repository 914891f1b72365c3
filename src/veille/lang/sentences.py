"""Rule sentences for texts no parser reads (languages without a spaCy pipeline,
articles not analysed yet).

A full stop is not a sentence end by itself: "20.000" and "25.7.10" (German
thousands and dates), "z.B.", "Dr." and "3. Mai" carry one. spaCy's tokenizer
for the text's language already knows which dots belong to a token (its
language data: number and abbreviation exceptions), so a blank pipeline of that
language with the rule ``sentencizer`` splits where a sentence can end; no model
is loaded. On top of its split:

- a line break ends a sentence (headings, captions and credits stand on lines
  of their own without final punctuation, as for the parser:
  ``veille.analyze.nlp``);
- a layout gap, a run of two or more plain spaces in the text's first
  sentence, not after a comma, colon or dash and not before a lowercase word,
  ends it: it is a line break lost when a page was flattened, a headline
  joined to its lead ("Titel ohne Punkt  Der erste Satz", as data sets store
  title and text). Further on, such a gap is mostly a removed link ("ruling
  in  Brown v."), so it ends nothing.
  Ingested text never has such runs (``normalize_text`` folds them), so the rule
  only reads raw texts;
- a piece that opens with a lowercase word or closing punctuation, or right
  after the previous token with no space ("16.|06.2020" where a tokenizer cuts
  a date), is glued back to the one before (an abbreviation the tokenizer did
  not know: "u. | a.").

Linear in the text (one tokenizer pass, one scan over the tokens; a binary
search per layout gap).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: After one of these a layout gap is no sentence end (the sentence goes on, or the
#: data set cut it there).
CONTINUERS = frozenset(",;:-–—(")
#: Quote marks, any side (which side is told by the spaces around one).
QUOTE_MARKS = frozenset('"\'«»„“”‚‘’‹›')
#: A piece opening with one of these continues the previous sentence.
OPENERS_BAD = frozenset(",;:)]»”…")
#: The largest text split in one tokenizer pass (articles are capped far below,
#: see ``veille.core.settings.MAX_ARTICLE_BYTES``); longer ones go by pieces.
MAX_CHARS = 2_000_000
_LONG_RUN = re.compile(r"\S{200,}")


@cache
def _pipeline(language: str) -> Language:
    import spacy  # lazy: importing spaCy costs ~1 s of start-up

    try:
        nlp = spacy.blank(language)
    except Exception:  # a code spaCy has no language data for: its multi-language tokenizer
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_CHARS + 1
    return nlp


def is_layout_gap(token_text: str) -> bool:
    r"""A whitespace token that stands for a lost line break: two or more plain
    spaces (spaCy keeps one space with the word before and makes a token of the
    rest). A non-breaking or thin space is a typographer's choice ("«\u00a0",
    "50\u202f000", "nominee\u00a0Donald Trump"), never a gap."""
    return bool(token_text) and not token_text.strip(" ")


def _boundaries(doc: Doc) -> list[int]:
    """Token indices that open a sentence."""
    ruled = sorted({s.start for s in doc.sents})
    starts = set(ruled)
    n = len(doc)
    heading = True  # still in the text's first line and first sentence, no gap yet
    for i, tok in enumerate(doc[:-1]):
        if not tok.is_space:
            continue
        nxt = doc[i + 1]
        if "\n" in tok.text:
            starts.add(i + 1)
            heading = heading and i == 0  # blank lines before the headline do not count
        elif (is_layout_gap(tok.text) and i > 0 and not nxt.text[:1].islower()
              and doc[i - 1].text[-1:] not in CONTINUERS
              and heading and bisect_right(ruled, i) == bisect_right(ruled, 0)):
            # only in the text's first sentence, where a headline stands; a gap
            # further on is mostly a removed link or image ("ruling in  Brown v.")
            starts.add(i + 1)
            heading = False
    return sorted(s for s in starts if s < n)


def _line_break_before(doc: Doc, i: int) -> bool:
    """Whether the whitespace right before token ``i`` holds a line break or a layout gap."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text or is_layout_gap(doc[j].text):
            return True
        j -= 1
    return False


def rule_sentences(text: str, language: str | None) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of ``text``, stripped of
    surrounding whitespace, in order."""
    if not text.strip():
        return []
    if len(text) > MAX_CHARS:
        out: list[tuple[int, int]] = []
        pos = 0
        while pos < len(text):
            end = min(len(text), pos + MAX_CHARS)
            if end < len(text):
                cut = text.rfind("\n", pos, end)
                end = cut + 1 if cut > pos else end
            out.extend((a + pos, b + pos) for a, b in rule_sentences(text[pos:end], language))
            pos = end
        return out
    if _LONG_RUN.search(text):
        # spaCy's tokenizer peels prefixes off a token one by one: quadratic on a
        # run of 5,000 quote marks. No sentence ends inside such a run, so it is
        # read as one plain word of the same length (offsets unchanged).
        text = _LONG_RUN.sub(lambda m: "x" * len(m.group()), text)
    doc = _pipeline((language or "xx").lower().split("-")[0])(text)
    pieces: list[list[int]] = []  # token ranges [start, end)
    starts = _boundaries(doc)
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(doc)
        first = next((t for t in doc[s:e] if not t.is_space), None)
        if first is None:
            continue
        if pieces and not _line_break_before(doc, first.i):
            at = first.idx  # a full stop between two digits, no space: "16.|06.2020"
            glued = (at >= 2 and text[at - 1] == "." and text[at - 2].isdigit()
                     and text[at].isdigit())
            if glued or first.text[:1].islower() or first.text[:1] in OPENERS_BAD:
                pieces[-1][1] = e
                continue
        pieces.append([first.i, e])
    for k in range(1, len(pieces)):
        # the sentencizer keeps quote marks after a full stop with the sentence they
        # follow; one with a space before it and none after it opens the next
        # sentence's quote ('… des Sängers. “Tom Petty hätte …', '… szkół. "Chcemy …')
        j = pieces[k - 1][1] - 1
        while j > pieces[k - 1][0] and doc[j].is_space:
            j -= 1
        mark = doc[j]
        if (j > pieces[k - 1][0] and mark.text in QUOTE_MARKS and not mark.whitespace_
                and (doc[j - 1].whitespace_ or doc[j - 1].is_space)):
            pieces[k - 1][1] = j
            pieces[k][0] = j
    spans = []
    for a, b in pieces:
        while b > a and doc[b - 1].is_space:
            b -= 1
        if b > a:
            spans.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
    return spans
