"""Results tables: the names in a row are teams, kept apart from the city.

Rows are from CoNLL-2003 validation (Reuters sport, 1996), part a of
``veille eval entities`` (documents conll-val-0010, -0012, -0026, -0011, -0155):
what the model does on them is replaced by hand-made mentions, so the test
needs no model and no data set."""

from __future__ import annotations

from veille.analyze.linking import link_entities
from veille.analyze.scoreboards import TEAM, fixtures, teams
from veille.core.model import Analysis, Mention

STOP = {"with", "at", "the", "of", "and"}


def _mention(text: str, full: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = full.index(text, start + 1)
    return Mention(text=text, label=label, start=start, end=start + len(text), sentence=0)


def _teams(full: str, ms: list[Mention]) -> list[Mention]:
    return teams(ms, full, 0, lambda p: 0, skip=lambda w: w.lower() in {"july", "june"},
                 stop=lambda w: w.lower() in STOP)


def test_standings_row_city_is_a_team() -> None:
    full = "NEW YORK 74 59 .556 -\nBALTIMORE 70 63 .526 4"
    out = _teams(full, [_mention("NEW YORK", full, "LOC"), _mention("BALTIMORE", full, "LOC")])
    assert [(m.text, m.label, m.label_cue) for m in out] == [
        ("NEW YORK", "ORG", TEAM), ("BALTIMORE", "ORG", TEAM)]


def test_score_line_adds_the_teams_the_model_missed() -> None:
    full = "Lotte 6 Hyundai 2\nHaitai 2 Samsung 0"
    out = _teams(full, [])
    assert [m.text for m in out] == ["Lotte", "Hyundai", "Haitai", "Samsung"]
    assert {m.label for m in out} == {"ORG"}


def test_model_span_cut_short_is_taken_to_the_row_name() -> None:
    full = "Cambridge United 4 1 2 1 3 4 5"
    out = _teams(full, [_mention("Cambridge", full, "LOC")])
    assert [(m.text, m.label) for m in out] == [("Cambridge United", "ORG")]


def test_what_is_no_team_row_is_left_alone() -> None:
    dateline = "NEW YORK 1996-08-30"
    out = _teams(dateline, [_mention("NEW YORK", dateline, "LOC")])
    assert out[0].label == "LOC" and out[0].label_cue is None
    headline = "SOCCER - FRANCE LAUNCH 1998 WORLD CUP BUILD-UP WITH 2-0 WIN ."
    assert _teams(headline, []) == []
    # a bowler's figures: a person's row, whatever the model called the name
    bowling = "Bowling : Gough 8-0-39-3 , Mullally 6-0-30-1 , Headley"
    assert _teams(bowling, []) == []
    # a national side is the country; a month of a statistics table is no team
    row = "Russia 2 Norway 1\nM1 July 4.5 June 4.3"
    out = _teams(row, [_mention("Russia", row, "LOC"), _mention("Norway", row, "LOC")])
    assert [(m.text, m.label) for m in out] == [("Russia", "LOC"), ("Norway", "LOC")]


def test_team_and_city_are_two_entities() -> None:
    table = "CHICAGO 71 64 .526 10"
    news = "CHICAGO 1996-08-29\nThe mayor of Chicago said on Thursday ."
    a1 = Analysis(article_uid="t", language="en",
                  entities=_teams(table, [_mention("CHICAGO", table, "LOC")]))
    a2 = Analysis(article_uid="n", language="en",
                  entities=[_mention("CHICAGO", news, "LOC"), _mention("Chicago", news, "LOC")])
    out, records = link_entities([a1, a2], [])
    team, city = out[0].entities[0], out[1].entities[0]
    assert team.entity_id != city.entity_id
    assert city.entity_id == out[1].entities[1].entity_id
    by_id = {r.entity_id: r for r in records}
    assert by_id[team.entity_id].label == "ORG" and by_id[city.entity_id].label == "LOC"
    # a later row of the same team joins the team, not the city
    a3 = Analysis(article_uid="t2", language="en",
                  entities=_teams(table, [_mention("CHICAGO", table, "ORG")]))
    out3, _ = link_entities([a3], records)
    assert out3[0].entities[0].entity_id == team.entity_id


def test_a_span_the_model_ran_across_a_score_line_is_two_teams() -> None:
    # conll-val part a: the model's one span "Atlanta 5 PITTSBURGH 1", and
    # "Bournemouth 4" of a standings row, are no names
    full = "Atlanta 5 PITTSBURGH 1\nBournemouth 4 2 0 2 5 5 6"
    out = _teams(full, [_mention("Atlanta 5 PITTSBURGH 1", full, "ORG"),
                        _mention("Bournemouth 4", full, "ORG")])
    assert [(m.text, m.label, m.label_cue) for m in out] == [
        ("Atlanta", "ORG", TEAM), ("PITTSBURGH", "ORG", TEAM), ("Bournemouth", "ORG", TEAM)]


def _fixtures(full: str, ms: list[Mention]) -> list[Mention]:
    return fixtures(ms, full, 0, lambda p: 0, frozenset({"v", "vs"}), frozenset({"at"}))


def test_a_schedule_line_pairs_teams_and_names_the_venue() -> None:
    full = "Postponed : Birmingham v Barnsley , Walsall v Wrexham\nCHICAGO AT TORONTO"
    ms = [_mention(t, full, "LOC") for t in ("Birmingham", "Barnsley", "Walsall", "CHICAGO",
                                             "TORONTO")]
    out = _fixtures(full, ms)
    got = {m.text: (m.label, m.label_cue) for m in out}
    assert got["Birmingham"] == got["Barnsley"] == got["Walsall"] == ("ORG", TEAM)
    assert got["Wrexham"] == ("ORG", TEAM)  # missed by the model, a town of the gazetteer
    assert got["CHICAGO"] == ("ORG", TEAM)
    assert got["TORONTO"] == ("LOC", None)  # where they play


def test_a_line_with_a_person_or_prose_is_no_schedule() -> None:
    for full, ms in (("Agassi v Sampras\nGraf v Seles",
                      [("Agassi", "PER"), ("Sampras", "PER"), ("Graf", "PER"), ("Seles", "PER")]),
                     ("Trump at Davos\nMay at Davos", [("Trump", "PER"), ("Davos", "LOC"),
                                                       ("May", "PER"), ("Davos", "LOC")]),
                     ("Chicago beat Toronto at home\nBoston beat Detroit at home",
                      [("Chicago", "LOC"), ("Toronto", "LOC"), ("Boston", "LOC"),
                       ("Detroit", "LOC")]),
                     ("Scotland v Wales\nEngland v Ireland", [("Scotland", "LOC"), ("Wales", "LOC"),
                                                             ("England", "LOC"), ("Ireland", "LOC")]),
                     # news-clusters 38cf0e36c53b: a subhead over a story of two flights
                     ("Auckland v. Oakland\nA flight mix-up figured in a movie.",
                      [("Auckland", "LOC"), ("Oakland", "LOC")])):
        seen: dict[str, int] = {}
        mentions = []
        for t, lab in ms:
            mentions.append(_mention(t, full, lab, seen.get(t, 0)))
            seen[t] = seen.get(t, 0) + 1
        out = _fixtures(full, mentions)
        assert [(m.text, m.label) for m in out] == ms, full
