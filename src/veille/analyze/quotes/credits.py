"""Picture credits that open a caption line are nobody's voice.

Scraped pages run a photo's credit into its caption ("Reuters Equifax
claimed that …", "EPA Equifax said that …", "Getty - Contributor Senior
executives … sold shares", a line "Getty." above a paragraph): the
recogniser reads the credit as (part of) a name, and the quote steps then
make it the subject of the caption's verb or the antecedent of the next
"he". The credit is known by the agency names the furniture detector uses
(``lang.furniture_words``, the same in every language) and by its place,
the first words of a line; it speaks only as a subject of its own verb
("Reuters reported on Monday that …").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from veille.analyze.names import word_frequency
from veille.analyze.nlp import doc_text
from veille.core.model import Mention
from veille.lang.furniture_words import UNIVERSAL

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: A word this common (wordfreq zipf) glued alone after a credit opens the
#: caption ("Twitter Bodies were seen …"), it names nobody.
COMMON_WORD_ZIPF = 3.5

_WORD = re.compile(r"[\w&'’.-]+")


def drop_credits(mentions: Sequence[Mention], doc: Doc, offset: int) -> list[Mention]:
    """``mentions`` of the parsed piece ``doc`` (which starts at ``offset`` in
    the article) without the picture credits of its captions.

    A credit is taken off a mention that opens a line with it, or wherever
    the article runs it into several different words (a credit repeated over
    captions: "Getty Images Bodies", "Getty Images Victims"). A name glued
    after it ("Reuters Equifax") keeps its own words when the article also
    writes it alone; a caption's first word ("Getty Images Witnesses
    described …") goes with the credit, unless the parse reads a proper name
    there ("Reuters Institute") and nothing else says it is a credit. A lone
    credit stays only as the subject of its own clause ("Reuters reported")."""
    text = doc_text(doc)
    starts = [t.idx for t in doc]
    alone = {_fold(m.text) for m in mentions}
    cuts = {id(m): _credit_end(m.text) for m in mentions}
    runs: dict[str, set[str]] = {}
    for m in mentions:
        cut = cuts[id(m)]
        if cut is not None:
            runs.setdefault(_fold(m.text[:cut]), set()).add(_fold(m.text[cut:]))
    out: list[Mention] = []
    for m in mentions:
        cut = cuts[id(m)]
        a, b = m.start - offset, m.end - offset
        if cut is None or a < 0 or b > len(text):
            out.append(m)
            continue
        opens_line = not text[text.rfind("\n", 0, a) + 1:a].strip()
        repeated = len(runs[_fold(m.text[:cut])]) >= 2
        if not opens_line and not repeated:
            out.append(m)
            continue
        rest = m.text[cut:].strip(" -–—:|/")
        if not rest:
            line_end = text.find("\n", b)
            after = text[b:line_end if line_end >= 0 else len(text)]
            if _speaks(after) or not opens_line and not after.lstrip()[:1].isupper():
                out.append(m)  # "Reuters reported …", "… according to Reuters."
            continue
        k = m.text.index(rest, cut)
        if _fold(rest) in alone:
            out.append(Mention(rest, m.label, m.start + k, m.start + k + len(rest),
                               m.sentence, model_label=m.model_label, label_cue=m.label_cue))
            continue
        i = bisect.bisect_left(starts, a + k)
        if not repeated and i < len(doc) and doc[i].pos_ == "PROPN" and not (
                " " not in rest and word_frequency(rest) >= COMMON_WORD_ZIPF):
            out.append(m)  # "Reuters Institute": a name of its own ("Twitter Bodies": not)
    return out


def _credit_end(name: str) -> int | None:
    """Where the longest credit the name opens with ends, or None."""
    words = list(_WORD.finditer(name))
    for k in range(min(3, len(words)), 0, -1):
        head = name[:words[k - 1].end()].rstrip(".")
        if _fold(head) in UNIVERSAL.credits:
            return words[k - 1].end()
    return None


def _speaks(after: str) -> bool:
    """Does a lone credit go on as a clause's subject ("Reuters reported …",
    "AP said")? A caption's credit is followed by nothing, a point, a dash
    or the caption's first capitalised word ("Getty Images Bodies are …",
    "AFP or licensors It is feared …")."""
    rest = after.lstrip(" \t\u00a0")
    if not rest or rest[0] in ".-–—|/:,":
        return False
    first = _WORD.match(rest)
    if first is None or first.group()[:1].isupper():
        return False
    # "AFP or licensors It is …", "Getty - Contributor …": a lower-case word of
    # the credit itself, then a capitalised one opening the caption
    return not re.match(r"(?:or|and|via|/)\s+\w+\s+[A-Z]", rest)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
