"""What an expression hangs on in the parse, where that changes what it says.

"would be redeemed in five years" dates a point ahead, but "would be the first time in
48 years" and "the lowest level in a decade" say how long: the preposition hangs on a
noun or an adjective, not on the verb. "a Cubs Halloween plane ride", "their Christmas
lights" name a holiday to qualify a thing: the clock time told next ("At 12:47 a.m.")
is not that holiday's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.fold import fold_same_length
from veille.analyze.temporal.labels import token_of

_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "PRON", "NUM"})


def hangs_on_noun(c: Candidate, parses: Sequence[tuple[int, Any]]) -> bool:
    """The object of a preposition that qualifies a noun or an adjective."""
    tok = token_of(parses, c.start, c.end)
    if tok is None or tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    return bool(tok.head.head.pos_ in _NOMINAL)


def qualifies_noun(c: Candidate, parses: Sequence[tuple[int, Any]]) -> bool:
    """A name in a compound before a common noun ("Halloween plane ride")."""
    tok = token_of(parses, c.start, c.end)
    if tok is None or tok.dep_ not in ("compound", "nmod") or tok.head.i <= tok.i:
        return False
    return bool(tok.head.pos_ == "NOUN")


def names_a_kind(c: Candidate, parses: Sequence[tuple[int, Any]], heads: frozenset[str]) -> bool:
    """A holiday as the complement of a noun after it ("des chants de Noël", "le marché de
    Noël") names a kind of thing, not a day; not after a noun of a stretch of time ("la
    veille de Noël", "cette fête de Pentecôte": ``heads``, the units and day parts). So
    does a holiday in a compound before a common noun ("her Christmas lights", "a
    Christmas list", "a Christmas office party"), the same complement in the other
    order: the lights are not put up on the day; "the Christmas holidays", "Christmas
    morning" are that stretch of time and still date."""
    if c.kind != "holiday" or c.g.get("year"):
        return False
    tok = token_of(parses, c.start, c.end)
    if tok is not None and tok.dep_ == "compound" and tok.head.i > tok.i \
            and tok.head.pos_ == "NOUN" and len(tok.text) == c.end - c.start:
        # the name alone: "the Christmas Day parade", "a New Year's Eve plane crash" name
        # the day and are on it
        return not {fold_same_length(tok.head.text).lower(), tok.head.lemma_.lower()} & heads
    if tok is None or tok.dep_ != "nmod" or tok.head.i >= tok.i or tok.head.pos_ != "NOUN":
        return False
    if tok.head.idx >= c.start:
        return False  # the head is inside the expression itself
    return fold_same_length(tok.head.text).lower() not in heads


def verb_between(parses: Sequence[tuple[int, Any]], start: int, end: int) -> bool | None:
    """Whether a verb stands between ``start`` and ``end`` in the parse ("on New Year's Eve
    the deal signed two years ago"); None when no parse covers the stretch."""
    for offset, doc in parses:
        if not (offset <= start and end <= offset + len(doc.text)):
            continue
        span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
        if span is None:
            return None
        return any(t.pos_ in ("VERB", "AUX") for t in span)
    return None


#: entity labels of a text about money: a quarter told there may be a fiscal one
_MONEY_LABELS = frozenset({"MONEY", "PERCENT"})


def game_period(c: Candidate, parses: Sequence[tuple[int, Any]], money_entities: bool,
                game_words: frozenset[str] = frozenset()) -> bool:
    """A quarter with no year ("a first-quarter touchdown", "late in the third quarter")
    is a game's period, not the calendar's, unless the text speaks of money or rates
    anywhere ("first-quarter earnings of $1.2 billion", "third-quarter profit fell 5%"):
    the parse's entities, not a list of sports or finance nouns, tell which (only a
    model that labels money can: ``money_entities``). A text that speaks of money
    elsewhere may still tell a game: a sentence with no money or rate of its own whose
    words (lemmas) include one of the pack's ``game_words`` ("in the second quarter and
    before halftime" in a story of Super Bowl ads at $5 million) tells the game's."""
    if c.kind != "quarter" or any(c.g.get(k) for k in ("year", "year0", "qrel0", "yrel0")):
        return False
    if not (money_entities and parses):
        return False
    if not any(e.label_ in _MONEY_LABELS for _, doc in parses for e in doc.ents):
        return True
    tok = token_of(parses, c.start, c.end) if game_words else None
    if tok is None:
        return False
    sent = tok.sent
    return (not any(e.label_ in _MONEY_LABELS for e in sent.ents)
            and any(_plays(t, game_words) for t in sent))


def _plays(tok: Any, game_words: frozenset[str]) -> bool:
    """A game word that names the play itself: not a compound's part ("the game maker",
    "video games" are a trade, whose quarters are fiscal)."""
    return (tok.lemma_.lower() in game_words and tok.dep_ != "compound"
            and not any(ch.dep_ == "compound" for ch in tok.children))
