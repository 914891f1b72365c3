"""A place named inside a longer name is a mention of its own (#15, session 19).

Sentences of HIPE-2022 French dev, part a (the tuned half; hipe2020: Journal
de Genève 1868-10-16 i0010, whose gold marks "Prague" where fr_core_news_md
draws the treaty); on mention lists as the recogniser draws them, Gazette de
Lausanne 1958-05-10 i0212's orchestra and Le Matin 1928-05-15 i0009's
hospital (whose dispatch opens "On mande de Dreux"), and the guards, where
the outer label is the point."""

from __future__ import annotations

import pytest

from veille.analyze.entities_nested import NESTED_CUE, nested_places
from veille.analyze.linking import link_entities
from veille.core.model import Mention

PRAGUE = ("Tenez pour absolument certain qu'il ne souffrira pas la moindre infraction au "
          "traité de Prague. Je regarde donc la guerre comme fatale.")


@pytest.mark.parametrize(("text", "outer", "place"), [
    (PRAGUE, "traité de Prague", "Prague"),
])
def test_the_place_inside_is_a_mention_once_linked(analyze, text: str, outer: str,
                                                   place: str) -> None:
    an = analyze(text, "fr")
    assert outer in {m.text for m in an.entities}  # what the recogniser draws
    assert not any(m.nested for m in an.entities)  # the quote steps never see it
    [an], _ = link_entities([an], [])
    inner = [m for m in an.entities if m.nested]
    assert [(m.text, m.label, m.label_cue) for m in inner] == [(place, "LOC", NESTED_CUE)]
    assert text[inner[0].start:inner[0].end] == place and inner[0].entity_id
    # linked again (a stored analysis), it is not added twice
    [an], _ = link_entities([an], [])
    assert sum(m.nested for m in an.entities) == 1


def _m(text: str, label: str, start: int = 0) -> Mention:
    return Mention(text=text, label=label, start=start, end=start + len(text), sentence=0)


def test_a_place_the_article_names_alone() -> None:
    ms = [_m("Orchestre municipal de Lucerne", "ORG"), _m("Lucerne", "LOC", 80)]
    assert [(m.text, m.start) for m in nested_places(ms)] == [("Lucerne", 23)]
    assert not nested_places(ms[:1])


def test_a_town_of_the_gazetteer_the_article_names_only_inside() -> None:
    # Dreux (30,000 people) is named alone in that dispatch ("On mande de Dreux"); a town
    # is nested only so (Time, Norway, is no place of "Until the End of Time")
    assert not nested_places([_m("hôpital de Dreux", "LOC")])
    assert [m.text for m in nested_places([_m("hôpital de Dreux", "LOC"),
                                           _m("Dreux", "LOC", 60)])] == ["Dreux"]
    assert not nested_places([_m("Until the End of Time", "MISC")])


def test_not_in_a_person_a_proper_place_or_an_unknown_word() -> None:
    assert not nested_places([_m("Henri d'Orléans", "PER")])  # a person's name
    assert not nested_places([_m("Gulf of Mexico", "LOC")])  # a place's proper name
    assert not nested_places([_m("Société de Gymnastique", "ORG")])  # no known place
    assert not nested_places([_m("Banque de Genève SA", "ORG")])  # not the name's end
