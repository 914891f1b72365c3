"""The place check measured by ``scripts/semeval_place_gate.py`` (session 14):
cities read in any language, and the refusal rule between two stories."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).parents[2] / "scripts" / "semeval_place_gate.py"


@pytest.fixture(scope="module")
def gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("semeval_place_gate", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_one_city_in_three_languages_is_one_id(gate: ModuleType) -> None:
    (de,) = gate.cities("Proteste in Bagdad: Wie der Iran mit Hilfe irakischer Milizen kämpft")[:1]
    (en,) = gate.cities("Second day of protests outside the US embassy in Baghdad")[:1]
    (ru,) = gate.cities("Багдад — второй день протестов у посольства США")[:1]
    assert de == en == ru
    assert gate.cities("it rained all day and the roads were closed") == []


def test_the_refusal_needs_two_lead_cities_that_neither_story_names(gate: ModuleType) -> None:
    """Lead cities read from the texts: Istanbul's snow and Beijing's conflict; a
    Washington-datelined piece naming Baghdad does not conflict with a Baghdad
    story; a story with no lead city never conflicts."""
    cl = gate.PlaceGated(track_members=True)
    texts = {
        "ist": "ISTANBUL — Heavy snow closed schools across the city on Monday.",
        "bei": "BEIJING — Heavy snow closed schools across the city on Monday.",
        "bag": "Protests outside the US embassy in Baghdad entered a second day.",
        "was": "WASHINGTON — The president sent troops after the attack on the embassy in Baghdad.",
        "none": "Three reasons the tensions could still grow, in one commentary.",
    }
    for uid, text in texts.items():
        gate._note(uid, text)
        assert cl.members is not None
        cl.members[uid] = [uid]  # one story per article, named after it
    assert cl.conflict("ist", "bei") and cl.conflict("bei", "ist")
    assert not cl.conflict("bag", "was")
    assert not cl.conflict("none", "ist") and not cl.conflict("ist", "none")


def test_a_story_whose_leads_name_several_cities_is_a_mixture(gate: ModuleType) -> None:
    cl = gate.PlaceGated(track_members=True)
    for uid, text in {"d1": "DETROIT — A teenager was shot on New Year's Day.",
                      "d2": "DETROIT — Police arrested a suspect on Friday.",
                      "s1": "ST. LOUIS — Four people were killed in the first hours of 2020.",
                      "b1": "BUFFALO — Two officers were hurt when their car rolled over."}.items():
        gate._note(uid, text)
    assert cl.members is not None
    cl.members.update({"one": ["d1", "d2"], "two": ["d1", "b1"], "most": ["d1", "d2", "b1"]})
    assert cl.mixture("two") and not cl.mixture("one") and not cl.mixture("most")
    cl.coherent = True
    assert cl.conflict("two", "one")  # a mixture merges with nothing
