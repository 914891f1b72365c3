"""Label repair (#15): a name made of a place and a common word that is no
given name is an organisation (a club, a team, a newspaper), whatever the
model said; a person whose name holds a place keeps the person. Sentences
from news-clusters articles (Steelers / Texans, Nice truck attack, Arians /
Cardinals)."""

from __future__ import annotations

import pytest

from veille.analyze.entities import _place_and_word


@pytest.mark.parametrize("name", ["Pittsburgh Steelers", "Seattle Seahawks", "Nice Matin",
                                  "Manchester United"])
def test_a_place_and_a_common_word_is_an_organisation(name):
    assert _place_and_word(name)


@pytest.mark.parametrize("name", [
    "Kobe Bryant",          # a city's name that is a given name
    "Paris Hilton",
    "Charlotte Panthers",   # a given name first: left to the model (a known miss)
    "Memphis Depay",        # a rare word after the place: a surname
    "T.J. Yates",           # initials
    "Vladimir Putin", "David Cameron", "Ayrton Senna",
])
def test_a_person_whose_name_holds_a_place_stays_a_person(name):
    assert not _place_and_word(name)


def test_the_team_in_a_sentence_is_an_organisation(analyze):
    text = ("The Pittsburgh Steelers dominated the Houston Texans with a touchdown in each "
            "quarter leading to a 34-6 Christmas Day win.\n"
            "The driver was a Nice resident, according to the Nice Matin newspaper.\n")
    got = {m.text: m.label for m in analyze(text, "en").entities}
    assert got.get("Pittsburgh Steelers") == "ORG", got
    assert got.get("Nice Matin") == "ORG", got
