"""Cue frames learned from an attribution gold: (cue lemma, dependency relation).

PolNeAR-style golds mark a cue ("complained", "has promised", "called for")
and a content for every attribution. A verb reports its complement as a
statement only through some relations: "assured WMAL *that …*" (ccomp), "has
promised *to cut …*" (xcomp), "called *for a ban*" (prep for + pobj), not
"assured *WMAL*" (dobj). A frame is such a (lemma, relation) pair; the
extractor's frame step (:func:`veille.analyze.quotes.indirect.learned_frame`)
takes the complement of a frame as the statement and the verb's subject as the
speaker. Frames are learned here from a gold's tuning part and kept as data
in the language pack (``QuoteWords.cue_frames``): a long tail of reporting
verbs is a lexicon to measure, not a list to write by hand.

A frame is kept when (a) the gold uses it as a cue at least ``min_cues``
times and (b) where the relation occurs in the texts, its complement is a gold
content at least ``min_precision`` of the time (so "say" + ccomp is kept,
"call" + dobj — "called him a liar" — is not).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Relations a frame may use: a clause, an infinitive, an object, a
#: preposition's object. Adverbial clauses and conjuncts are never statements
#: of the verb (they are the journalist's narration around it).
FRAME_RELATIONS = ("ccomp", "xcomp", "dobj", "obj")
FRAME_PREP = "prep"


def relation(verb: Token, head: Token) -> str | None:
    """The frame relation from ``verb`` to a content's head token, or None."""
    if head.head.i == verb.i and head.i != verb.i and head.dep_ in FRAME_RELATIONS:
        return head.dep_
    p = head.head
    if p.head.i == verb.i and p.dep_ == FRAME_PREP and head.dep_ in ("pobj", "pcomp"):
        return f"prep:{p.text.lower()}"
    return None


def complements(verb: Token) -> Iterable[tuple[str, Token]]:
    """Every (relation, complement head) a verb has after it, in frame terms."""
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ in FRAME_RELATIONS:
            yield c.dep_, c
        elif c.dep_ == FRAME_PREP:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    yield f"prep:{c.text.lower()}", p
                    break


def _head_token(doc: Doc, a: int, b: int) -> Token | None:
    toks = [t for t in doc if a <= t.idx < b and not t.is_space]
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else None


def _covers(a: int, b: int, spans: Sequence[tuple[int, int]]) -> bool:
    size = sum(y - x for x, y in spans)
    over = sum(max(0, min(b, y) - max(a, x)) for x, y in spans)
    return over >= 0.5 * size and over >= 0.5 * max(1, b - a)


def learn_frames(pairs: Iterable[tuple[Doc, Sequence[tuple[Sequence[tuple[int, int]],
                                                           tuple[int, int] | None]]]],
                 min_cues: int = 2, min_precision: float = 0.5,
                 ) -> dict[str, list[tuple[str, int, int, int]]]:
    """Frames of a gold: ``pairs`` = (parsed text, [(content spans, cue span)]).

    Returns lemma -> [(relation, cue count, occurrences, gold hits)] for the
    kept frames (verbs only).
    """
    cues: Counter[tuple[str, str]] = Counter()
    occ: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    for doc, atts in pairs:
        for spans, cue in atts:
            if cue is None:
                continue
            head = _head_token(doc, spans[0][0], spans[-1][1])
            if head is None:
                continue
            for v in doc:
                if cue[0] <= v.idx < cue[1] and v.pos_ == "VERB":
                    rel = relation(v, head)
                    if rel:
                        cues[(v.lemma_.lower(), rel)] += 1
                        break
        contents = [spans for spans, _ in atts]
        for v in doc:
            if v.pos_ != "VERB":
                continue
            for rel, h in complements(v):
                key = (v.lemma_.lower(), rel)
                sub = sorted(h.subtree, key=lambda t: t.i)
                a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
                occ[key] += 1
                hits[key] += any(_covers(a, b, s) for s in contents)
    out: dict[str, list[tuple[str, int, int, int]]] = {}
    for (lemma, rel), n in sorted(cues.items()):
        if n >= min_cues and occ[(lemma, rel)] and \
                hits[(lemma, rel)] / occ[(lemma, rel)] >= min_precision:
            out.setdefault(lemma, []).append((rel, n, occ[(lemma, rel)], hits[(lemma, rel)]))
    return out
