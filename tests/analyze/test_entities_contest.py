"""A place that beats, draws with or loses to another is a team (#15, labels):
the subject or the other side of a contest verb of the packs, named like a
county or a city of the gazetteer, is an organisation keyed as a team. Lines
from CoNLL-2003 val part a (county cricket, conll-val-0123) and news-clusters
(the Cubs' World Series story 9829d11717f4, the F1 title race 1778efb0dfd0);
a national side stays its country, as CoNLL labels it."""

from __future__ import annotations

from veille.analyze.scoreboards import TEAM

CRICKET = ("At Chesterfield : Derbyshire beat Worcestershire by nine wickets .\n"
           "At The Oval ( London ) : Surrey beat Warwickshire by an innings and 164 runs .\n")
CUBS = ("The Cubs finished with the best record this season. The Cubs then beat San Francisco "
        "and Los Angeles in successive post-season rounds to clinch a trip back to the World "
        "Series.")
F1 = "He must win in Abu Dhabi and hopes Rosberg finishes fourth or lower."
NATIONS = "Scotland beat Wales 2-1 in Cardiff on Saturday."


def _labels(analyze, text):
    return {m.text: (m.label, m.label_cue) for m in analyze(text, "en").entities}


def test_counties_that_beat_each_other_are_teams(analyze):
    got = _labels(analyze, CRICKET)
    for side in ("Derbyshire", "Worcestershire", "Surrey", "Warwickshire"):
        assert got.get(side) == ("ORG", TEAM), got
    # the venue stays a place
    assert got.get("London", ("LOC",))[0] == "LOC", got


def test_cities_beaten_are_teams_a_venue_is_not(analyze):
    got = _labels(analyze, CUBS)
    assert got.get("San Francisco") == ("ORG", TEAM), got
    got = _labels(analyze, F1)
    assert got.get("Abu Dhabi", ("LOC",))[0] == "LOC", got


def test_a_national_side_stays_its_country(analyze):
    got = _labels(analyze, NATIONS)
    assert got.get("Scotland", ("LOC",))[0] == "LOC", got
    assert got.get("Wales", ("LOC",))[0] == "LOC", got
