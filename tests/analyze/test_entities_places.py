"""A city written with its state or country is a place (#15, session 16).
Lines from news-clusters' American Airlines story (931861bb9016, 0cd6c1c92cf1:
"Sioux Falls" was an organisation record, 12 mentions)."""

from __future__ import annotations

from veille.analyze.entities_places import CITY_REGION, cities_with_regions
from veille.core.model import Mention


def _mentions(text: str, spans: list[tuple[str, str]]) -> list[Mention]:
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        out.append(Mention(text=surface, label=label, start=start, end=start + len(surface),
                           sentence=0))
        pos = start + len(surface)
    return out


def test_a_city_its_state_follows_is_a_place():
    text = "Teague and Burrell boarded the flight bound for Sioux Falls, South Dakota, Sunday."
    ms = _mentions(text, [("Teague", "PER"), ("Burrell", "PER"), ("Sioux Falls", "ORG"),
                          ("South Dakota", "LOC")])
    cities_with_regions(ms, text, 0)
    assert (ms[2].label, ms[2].label_cue) == ("LOC", CITY_REGION)
    assert ms[0].label == ms[1].label == "PER"


def test_only_a_city_of_the_gazetteer_and_only_before_its_region():
    text = "Goldman Sachs, New York, said the charge was large; Sioux Falls and Texas won."
    ms = _mentions(text, [("Goldman Sachs", "ORG"), ("New York", "LOC"),
                          ("Sioux Falls", "ORG"), ("Texas", "LOC")])
    cities_with_regions(ms, text, 0)
    assert ms[0].label == "ORG"           # no city of that name
    assert ms[2].label == "ORG"           # "and", no comma: not the city's state


def test_a_cue_is_kept():
    text = "the club Sioux Falls, South Dakota"
    ms = _mentions(text, [("Sioux Falls", "ORG"), ("South Dakota", "LOC")])
    ms[0].label_cue = "org-noun"
    cities_with_regions(ms, text, 0)
    assert ms[0].label == "ORG"


def test_in_a_sentence(analyze):
    text = ("An airline manager apologized to the players and they later flew first class to "
            "Sioux Falls, South Dakota, the team said.\n")
    got = {m.text: m.label for m in analyze(text, "en").entities}
    assert got.get("Sioux Falls") == "LOC", got


def test_a_place_noun_is_a_cue_only_as_a_noun(analyze):
    # news-clusters 9829d117 (BBC, the Cubs' 2016 title): "place" is the verb here
    text = ("The Chicago Cubs won the World Series. It is a victory that will motivate people "
            "to place Cubs caps on the gravestones of loved ones.\n")
    got = {m.text: (m.label, m.label_cue) for m in analyze(text, "en").entities}
    assert got.get("Cubs", ("", ""))[1] != "place-noun", got
    town = "They grew up in the town of Mesquite, where the family still lives.\n"
    got = {m.text: (m.label, m.label_cue) for m in analyze(town, "en").entities}
    assert got.get("Mesquite") == ("LOC", "place-noun"), got
