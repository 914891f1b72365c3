"""Calendar words the parse shows are part of a name, not a date.

"Flight 1943", "Copyright 2017": a bare year right after a noun that numbers
things (the packs' ``number_label_nouns``) is a label ("World Cup 1998" keeps
its year). "the Berlin Christmas Market attack": a holiday inside a name, "USA
Today" a day word inside one; "spring clean" a verb, "winter birds", "the summer
camp" kinds of things. "2020 est une année spéciale", "2019 was a year of protest":
the predicate says what kind of year a date was, not how long. The grammar sees
none of this (it reads words, not their heads); the spaCy parse of the analysis
does, so these candidates are dropped when a parse is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.fold import fold_same_length
from veille.analyze.temporal.lexicon import DAY_PARTS, ONE_WORDS, UNITS, tw

_LABEL_NOUNS = frozenset(tw(lambda t: t.number_label_nouns))
#: nouns a season before them still dates ("the summer months", "winter holidays")
_TIME_NOUNS = frozenset({*UNITS, *DAY_PARTS, *tw(lambda t: t.holiday_time_heads)})


def token_of(parses: Sequence[tuple[int, Any]], start: int, end: int) -> Any:
    for offset, doc in parses:
        if offset <= start and len(doc) and end <= offset + doc[-1].idx + len(doc[-1].text_with_ws):
            span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
            return span.root if span is not None and len(span) else None
    return None


def is_label(c: Candidate, parses: Sequence[tuple[int, Any]]) -> bool:
    if not parses:
        return False
    g = c.g
    if c.kind == "year" and not (g.get("pre") or g.get("mod")):
        tok = token_of(parses, c.start, c.end)
        return (tok is not None and tok.head.i == tok.i - 1
                and fold_same_length(tok.head.text).rstrip(".") in _LABEL_NOUNS)
    if c.kind in ("month_day", "month", "month_year"):
        return _month_in_name(token_of(parses, c.start, c.start + 3))
    if c.kind == "season" and not (g.get("year") or g.get("rel")) and _season_kind(
            token_of(parses, c.end - 1, c.end)):  # the season word ends the span
        return True
    if c.kind == "season" and not (g.get("det") or g.get("year")):
        # "Now you'll be able to spring clean your notifications": a verb, no season
        tok = token_of(parses, c.start, c.end)
        return tok is not None and tok.pos_ == "VERB"
    if c.kind == "duration" and fold_same_length(g.get("num") or "").lower() in ONE_WORDS:
        return _says_what_a_year_was(token_of(parses, c.start, c.end))
    if c.kind == "relative_day":
        return _day_word_in_title(token_of(parses, c.start, c.end))
    if c.kind == "holiday":
        tok = token_of(parses, c.start, c.end)
        if tok is None or tok.dep_ != "compound" or tok.head.i <= tok.i:
            return False
        # "the Berlin Christmas Market attack"; not "Christmas shopping", "the Christmas
        # holidays" (whether a common noun is an object or an event the parse does not say)
        return bool(tok.head.pos_ == "PROPN")
    return False


def _month_in_name(tok: Any) -> bool:
    """"the Long March 9 rocket", "a Long March 4C rocket": the month word modifies a noun
    and a capitalised word before it hangs in the same noun phrase (not "the April 2
    meeting", not "arrived in the United States April 2")."""
    if tok is None or tok.i == 0 or tok.dep_ not in ("nmod", "compound"):
        return False
    prev = tok.doc[tok.i - 1]
    return (prev.text[:1].isupper() and not prev.is_sent_start and prev.head.i > prev.i
            and prev.head.pos_ in ("NOUN", "PROPN", "NUM") and prev.pos_ in ("ADJ", "PROPN"))


def _day_word_in_title(tok: Any) -> bool:
    """"USA Today", "India Today", a photo credit's "Usa Today Sports": a capitalised day
    word whose name part before it hangs on it (a compound) is a title, not the day ("Paris
    today", "New York Today, officials said" have no such compound)."""
    if tok is None or tok.i == 0 or not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    prev = tok.doc[tok.i - 1]
    return (prev.dep_ == "compound" and prev.head.i == tok.i and prev.pos_ == "PROPN"
            and prev.text[:1].isupper())


_YEAR = re.compile(r"\d{4}")


def _says_what_a_year_was(tok: Any) -> bool:
    """The unit noun is the predicate of a copula whose subject is a year ("2020 est une
    année spéciale": UD hangs the copula on the noun; "2019 was a year of protest": the
    English model makes the noun the verb's ``attr``), or a noun naming one ("L'année 2020
    sera une année charnière"). "It has been a year since" has no year for subject."""
    if tok is None:
        return False
    if any(c.dep_ == "cop" for c in tok.children):
        subjects = [c for c in tok.children if c.dep_.startswith("nsubj")]
    elif tok.dep_ == "attr" and tok.head is not tok:
        subjects = [c for c in tok.head.children if c.dep_.startswith("nsubj")]
    else:
        return False
    return any(_YEAR.fullmatch(w.text) for s in subjects for w in (s, *s.children))


def _season_kind(tok: Any) -> bool:
    """A season in a compound before a noun, with no determiner of its own: "winter
    birds", "the summer camp" (the article is the camp's) name a kind of thing, not a
    season; "this winter's storms" (a possessive) and "this winter" keep theirs."""
    return (tok is not None and tok.dep_ == "compound" and tok.head.i > tok.i
            and tok.head.pos_ == "NOUN" and not any(c.dep_ == "det" for c in tok.children)
            and fold_same_length(tok.head.text).lower() not in _TIME_NOUNS)
