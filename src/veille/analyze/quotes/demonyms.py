"""A demonym that speaks is a person already named: "», raconte la
Neuchâteloise" is the singer the portrait is about, not the town.

Press French refers back to a person by where they come from ("la
Neuchâteloise", "le Genevois", "le Brésilien"); the recogniser reads the
capitalised word as a place, and the quote went to a town. A word is taken as
a demonym when it is no place the gazetteer knows, yet ends in one of the
language's demonym suffixes after a stem that is one ("Neuchâtel" + "oise",
"Genève" less its "e" + "ois", "Valais" + "an"): derivation from a known place,
not a list of demonyms. Its person is the nearest person named before whose
gender (title or given name) is the demonym's own (the parse's morphology):
"la Neuchâteloise" skips the men quoted since.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from veille.analyze import gazetteer
from veille.core.model import Mention
from veille.core.text import fold_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from veille.analyze.quotes.context import Attribution, QuoteContext

#: How far back (characters) the person a demonym stands for may have been named.
WINDOW = 3000
_MIN_STEM = 4


def _is_place(name: str) -> bool:
    return bool(gazetteer.country_code(name) or gazetteer.city(name)
                or gazetteer.is_subdivision(name))


def is_demonym(word: str, suffixes: tuple[str, ...]) -> bool:
    """"Neuchâteloise", "Genevois", "Valaisan", "Brésilien": a word derived
    from a place the gazetteer knows with one of ``suffixes`` (folded), and
    no place itself ("France", "Vatican" are places)."""
    if not suffixes or not word[:1].isupper() or _is_place(word):
        return False
    key = fold_name(word)
    for suffix in suffixes:
        if not key.endswith(suffix) or len(key) - len(suffix) < _MIN_STEM:
            continue
        stem = key[: len(key) - len(suffix)]
        # the place as spelt before the suffix: "Neuchâtel" whole, "Genève" and
        # "Lausanne" with their final "e", "Canada", "Italie", "Lyon" (lyonn-ais)
        for place in (stem, stem + "e", stem + "a", stem + "ie", stem[:-1]):
            if _is_place(place):
                return True
    return False


def demonym_token(ctx: QuoteContext, m: Mention) -> Token | None:
    """The token of a one-word place mention that is a demonym used as a
    person's noun: a lower-case definite article before it ("la
    Neuchâteloise"; "Le Parisien" is a newspaper), a gender in the parse."""
    words = ctx.words
    if m.label != "LOC" or not words.demonym_suffixes or " " in m.text.strip():
        return None
    span = ctx.tok_span(m)
    if len(span) != 1:
        return None
    tok = ctx.doc[span[0]]
    if tok.i == 0:
        return None
    det = ctx.doc[tok.i - 1]
    if det.pos_ != "DET" or det.text.lower() != det.text \
            or det.text.rstrip("'’") not in words.articles:
        return None
    if len(tok.morph.get("Gender", [])) != 1 or "Plur" in tok.morph.get("Number", []):
        return None
    return tok if is_demonym(tok.text, words.demonym_suffixes) else None


def person_of_demonym(ctx: QuoteContext, m: Mention) -> tuple[str, Mention | None] | None:
    """(surface, person) for a speaker mention that is a demonym: the person
    it stands for, or the noun phrase alone ("la Neuchâteloise") when no
    person of its gender was named; None when ``m`` is no demonym."""
    tok = demonym_token(ctx, m)
    if tok is None:
        return None
    gender = tok.morph.get("Gender", [])[0]
    people = [p for p in ctx.recent(ctx.mentions, m.start, WINDOW)
              if p.label == "PER" and not ctx.in_quote(p.start) and ctx.gender(p) == gender]
    if not people:
        return ctx.doc[tok.i - 1 : tok.i + 1].text, None
    # a person who was a clause's subject is a likelier referent than one
    # only spoken about ("prend contact avec Cindy")
    active = [p for p in people if p.start in ctx.subject_starts]
    best = (active or people)[-1]
    return best.text, best


def speaker_for_demonym(ctx: QuoteContext, attr: Attribution) -> Attribution:
    """``attr`` with a demonym speaker replaced by its person (see
    :func:`person_of_demonym`); any other attribution unchanged. The person
    becomes an antecedent for the pronouns after ("…, raconte la Neuchâteloise.
    Elle …")."""
    if attr.mention is None or attr.resolution == "pronoun":
        return attr
    found = person_of_demonym(ctx, attr.mention)
    if found is None:
        return attr
    surface, person = found
    if person is not None:
        ctx.add_subject(person)
    return replace(attr, speaker=surface, mention=person,
                   resolution="role" if person is not None else "noun")
