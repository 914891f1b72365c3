"""The entity words and rules one language gives the analysis (see lang/base.py).

Entity clean-up and label cues read these as *types* of words (titles, place
nouns, sourcing nouns), never names. spaCy's entity spans carry no reliable
language of their own (a French article quotes "the White House"), so the
entity stage applies the union of every pack's words (:func:`union`); a
language adds its words here and every text benefits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

Words = frozenset[str]
_EMPTY: Words = frozenset()


@dataclass(frozen=True)
class EntityWords:
    """One language's words for cleaning entity spans and reading label cues."""

    #: Function words trimmed off the start of a span ("de Russie" -> "Russie").
    leading_words: Words = _EMPTY
    #: Elided articles/prepositions glued to a name by an apostrophe ("l’OTAN");
    #: a one-letter one is matched in either case.
    elisions: tuple[str, ...] = ()
    #: Possessive endings trimmed off a span's end ("South Korea's").
    possessives: Words = _EMPTY
    #: Definite articles stripped before a name when keying it ("the Kremlin").
    articles: Words = _EMPTY
    #: Words that, right before a name, say it names a person.
    titles: Words = _EMPTY
    #: Abbreviated titles ("M.", "Mr"): a title even when capitalised.
    abbreviated_titles: Words = _EMPTY
    #: Titles of several persons ("MM.", "Messrs"): each name of the list they
    #: open is a person ("MM. Moréa, Minot et Sigg (Genève)").
    plural_titles: Words = _EMPTY
    #: Words joining the last two items of a list ("et", "and").
    list_joiners: Words = _EMPTY
    #: Nouns that, right before a name (optionally with ``of_words``), say it names a place.
    place_nouns: Words = _EMPTY
    #: Nouns of settlements that, lowercase before a place name (with
    #: ``of_words``), are no part of the name: "la ville de Berne" is Berne.
    #: Not regions: "canton de Fribourg", "oblast de Lougansk" are not the city
    #: of that name; nor streets or mountains ("rue de Rivoli", "mont Blanc").
    admin_nouns: Words = _EMPTY
    #: Nouns of regions that, lowercase before "of" + a name, are no part of the
    #: name when no city carries it: "canton de Vaud" is Vaud, but "canton de
    #: Fribourg" is not the city of Fribourg (the linker checks the gazetteer).
    region_nouns: Words = _EMPTY
    #: Nouns of natural features written lowercase right before their name, with
    #: no "of": "mer Baltique" is the Baltique, "lac Léman" the Léman.
    feature_nouns: Words = _EMPTY
    #: The "of" of "the city of X".
    of_words: Words = _EMPTY
    #: Spatial words: a name right after them (or after them + ``of_words``) is a place.
    spatial: Words = _EMPTY
    #: Nouns of official statements: "the readout of the X" says X is an organisation.
    source_nouns: Words = _EMPTY
    #: Words between a source noun and the name ("du", "of the").
    source_links: Words = _EMPTY
    #: Articles that may stand between a source noun and its link word.
    source_articles: Words = _EMPTY
    #: Nouns of organisations that, right before a name, say it names one ("the
    #: militant group Boko Haram", "the firm Mossack Fonseca", "la société X").
    org_nouns: Words = _EMPTY
    #: Nouns that close an institution's name in languages that put the head
    #: noun last ("Chandra X-ray Observatory", "Kaiser Family Foundation"): a
    #: name of two words or more the model reads as a person and that ends
    #: with one names an organisation. Nouns that are also surnames ("Court",
    #: "Banks", "Brand") have no place here.
    institution_heads: Words = _EMPTY
    #: Markers of a photo/agency credit ("(Photo: AP)").
    credit_words: Words = _EMPTY
    #: Newsroom words of a byline or an author's note ("reporting by",
    #: "correspondent", "columnist"): a person named only on such a line at an
    #: article's edge wrote it.
    byline_words: Words = _EMPTY
    #: Verbs of a contest between sides ("beat", "draw", "battre"): a place
    #: named as one side of them is a team.
    contest_verbs: Words = _EMPTY
    #: Prepositions that name the other side of a contest verb ("lost to X",
    #: "a win over X"), not its venue.
    contest_links: Words = _EMPTY
    #: Words pairing the two sides of a fixture on a schedule's line
    #: ("CHICAGO AT TORONTO", "Walsall v Wrexham"): a place so paired is a team.
    fixture_links: Words = _EMPTY
    #: Words naming the venue of a fixture on a schedule's line ("CHICAGO AT
    #: TORONTO": Toronto is where they play, a place).
    fixture_venues: Words = _EMPTY
    #: Endings of a patronymic as this language transliterates it ("Ivanovitch",
    #: "Ivanovich"): "Vladimir Vladimirovitch" is a short form of a full name.
    patronymic_endings: Words = _EMPTY
    #: Words after a full name that say which generation of a family it is
    #: ("Jr.", "Sr."; Roman numerals are read apart): no surname themselves
    #: ("Luther Stan Pate IV" is Pate, "Martin Luther King Jr." King).
    generation_words: Words = _EMPTY
    #: Definite articles that this language never puts before a person's name
    #: alone: a one-word name the article determines names a thing ("the Moon",
    #: "the Earth"). Not in French or Italian, which write "la Callas".
    thing_articles: Words = _EMPTY
    #: Nouns of a job held at an organisation ("senior editor at
    #: FiveThirtyEight", "an analyst at A.G. Edwards"): the name after one and
    #: a ``job_links`` word is where the job is held, never a person.
    at_jobs: Words = _EMPTY
    #: Prepositions from a job to where it is held ("at").
    job_links: Words = _EMPTY
    #: Possessives that only a thing or an organisation takes ("its"): the
    #: subject of a verb followed by one, before any other noun, is no person.
    thing_possessives: Words = _EMPTY
    #: Groups a person leads, which bear the person's name ("the Dole team",
    #: "the Sanders campaign", "the Koch network"): a name modifying one is
    #: still the person, whatever ``org_nouns`` holds.
    led_groups: Words = _EMPTY
    #: Relative pronouns never used for a person ("which"): a name a clause so
    #: opened describes is no person.
    thing_relatives: Words = _EMPTY
    #: Nouns of a work (a song, an album, a film, a book) that, right before a
    #: name or in apposition to it, say the name is the work's title ("her hit
    #: song Bodak Yellow", "her latest single, Bartier Cardi", "the film Kill
    #: Bill"), whatever person or organisation the model reads in it. No noun
    #: that is also a verb before a name ("show", "hit", "play").
    work_nouns: Words = _EMPTY


def union(parts: Iterable[EntityWords | None]) -> EntityWords:
    """Every word of every part, field by field (``None`` parts are skipped)."""
    given = [p for p in parts if p is not None]
    merged: dict[str, object] = {}
    for f in fields(EntityWords):
        values = [getattr(p, f.name) for p in given]
        if f.name == "elisions":
            seen: dict[str, None] = {}
            for v in values:
                seen.update(dict.fromkeys(v))
            merged[f.name] = tuple(seen)
        else:
            merged[f.name] = frozenset().union(*values)
    return EntityWords(**merged)  # type: ignore[arg-type]
