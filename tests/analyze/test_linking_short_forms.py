"""A club or paper named by the word left once its place is dropped ("the Cubs")."""

from __future__ import annotations

import pytest

from veille.analyze.linking import _nickname, link_entities
from veille.core.model import Analysis, Mention

# news-clusters 9d498c7afe7a (Washington Post, World Series 2016), first lines
CUBS = ("The Chicago Cubs won the World Series here Wednesday night for the young, the old "
        "and the long dead, too. Of course these Cubs beat the Cleveland Indians, 8-7, in 10 "
        "thrilling, brain-warping innings in Game 7.")


def _mentions(text: str, spans: list[tuple[str, str]]) -> list[Mention]:
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        out.append(Mention(text=surface, label=label, start=start, end=start + len(surface),
                           sentence=0))
        pos = start + len(surface)
    return out


def test_the_lone_team_word_joins_the_one_club_of_its_article() -> None:
    # en_core_web_md tags the lone "Cubs" a person: one club split into two entities
    ms = _mentions(CUBS, [("Chicago Cubs", "ORG"), ("Cubs", "PER"), ("Cleveland Indians", "ORG")])
    (an,), _ = link_entities([Analysis(article_uid="a", language="en", entities=ms)], [])
    club, lone, other = an.entities
    assert lone.entity_id == club.entity_id and lone.label == "ORG"
    assert other.entity_id != club.entity_id


def test_the_short_form_stays_local_to_its_article() -> None:
    # "Cubs" alone in another article may be another place's team: not linked by it
    first = Analysis(article_uid="a", language="en", entities=_mentions(
        CUBS, [("Chicago Cubs", "ORG"), ("Cubs", "ORG")]))
    text = "The Cubs won again."
    other = Analysis(article_uid="b", language="en",
                     entities=_mentions(text, [("Cubs", "ORG")]))
    (a, b), records = link_entities([first, other], [])
    assert b.entities[0].entity_id != a.entities[0].entity_id
    club = next(r for r in records if r.entity_id == a.entities[0].entity_id)
    assert club.canonical == "Chicago Cubs"


def test_two_clubs_ending_with_the_word_leave_it_alone() -> None:
    text = "Manchester United drew with Leeds United. United were poor."
    ms = _mentions(text, [("Manchester United", "ORG"), ("Leeds United", "ORG"),
                          ("United", "ORG")])
    (an,), _ = link_entities([Analysis(article_uid="a", language="en", entities=ms)], [])
    assert len({m.entity_id for m in an.entities}) == 3


@pytest.mark.parametrize(("name", "word"), [
    ("Chicago Cubs", "Cubs"), ("Arizona Cardinals", "Cardinals"), ("Aston Villa", "Villa"),
    ("New York Times", "Times"), ("Real Madrid", "Real"), ("Deportivo Coruna", "Deportivo"),
    # no place in the name, or a small town after the word: no short form
    ("White House", None), ("Goldman Sachs", None),
    ("Boko Haram", None), ("International Committee of the Red Cross", None),
    ("Reuters Japan", None),  # a branch (news-clusters: "Reuters Japan" took "Reuters")
    ("AFP Police", None),     # Police is a small town of Poland (news-clusters, Panama Papers)
])
def test_the_short_form_is_the_name_less_its_place(name: str, word: str | None) -> None:
    assert _nickname(name) == word


def test_a_nationality_word_never_joins_the_union_it_opens() -> None:
    # "Union" is a town of GeoNames, so "European" is the rest of the name: the
    # lone word is a nationality (MISC), never the organisation
    text = "The European Union said European leaders would meet."
    ms = _mentions(text, [("European Union", "ORG"), ("European", "MISC")])
    (an,), _ = link_entities([Analysis(article_uid="a", language="en", entities=ms)], [])
    assert an.entities[0].entity_id != an.entities[1].entity_id


def test_an_organisation_named_without_its_legal_form_joins_it() -> None:
    # CoNLL-2003 val, document 182 (part a): the model tags the lone "Ruch" a person
    text = ("Polish state-owned press distribution chain Ruch SA , Zycie Warszawy daily said "
            "on Saturday . The consortium wanted 40 percent of Ruch 's shares .")
    ms = _mentions(text, [("Ruch SA", "ORG"), ("Zycie Warszawy", "ORG"), ("Ruch", "PER")])
    (an,), _ = link_entities([Analysis(article_uid="a", language="en", entities=ms)], [])
    firm, paper, lone = an.entities
    assert lone.entity_id == firm.entity_id and lone.label == "ORG"
    assert paper.entity_id != firm.entity_id


# news-clusters 22f61b239436 (CNNMoney, Goldman Sachs' tax charge), first lines
GOLDMAN = ("Goldman Sachs says it's about to take a big hit from the massive overhaul to the "
           "U.S. tax code.\nGoldman (GS) said the majority of the $5 billion hit will come from "
           "a \"repatriation tax\".\nGoldman declined to comment on whether it would be "
           "bringing back money from overseas after paying this charge.")


def test_an_organisation_named_by_the_first_word_of_its_name_is_that_organisation() -> None:
    ms = _mentions(GOLDMAN, [("Goldman Sachs", "ORG"), ("U.S.", "LOC"), ("Goldman", "ORG"),
                             ("Goldman", "ORG")])
    (an,), _ = link_entities([Analysis(article_uid="a", language="en", entities=ms)], [])
    firm, _, lone, again = an.entities
    assert lone.entity_id == again.entity_id == firm.entity_id
    # once after a product's name is its maker ("Tesla Roadsters" ... "Tesla")
    ms = _mentions(GOLDMAN, [("Goldman Sachs", "ORG"), ("Goldman", "ORG")])
    (an,), _ = link_entities([Analysis(article_uid="d", language="en", entities=ms)], [])
    assert an.entities[0].entity_id != an.entities[1].entity_id
    # a word used before the longer name names another thing ("SpaceX", then
    # "the SpaceX Falcon" rocket), and a common second word is a product
    text = "SpaceX said it would fly.\nThe Samsung Galaxy leaked; Samsung declined."
    ms = _mentions(text, [("SpaceX", "ORG"), ("Samsung Galaxy", "ORG"), ("Samsung", "ORG")])
    (an,), _ = link_entities([Analysis(article_uid="c", language="en", entities=ms)], [])
    assert an.entities[2].entity_id != an.entities[1].entity_id
    # a person of that surname is no short form of the firm, nor a place opening a name
    text = "Goldman Sachs hired Goldman.\nChina Telecom said China would grow."
    ms = _mentions(text, [("Goldman Sachs", "ORG"), ("Goldman", "PER"),
                          ("China Telecom", "ORG"), ("China", "LOC")])
    (an,), _ = link_entities([Analysis(article_uid="b", language="en", entities=ms)], [])
    firm, person, telecom, china = an.entities
    assert person.entity_id != firm.entity_id and china.entity_id != telecom.entity_id


# news-clusters 50463005c1c0 (Boko Haram frees 21 Chibok girls): the model
# tags "Boko Haram" a person at every mention, the article once "the militant
# group Boko Haram"
BOKO = ("Boko Haram releases 21 Chibok girls.\nThe girls were kidnapped by the militant group "
        "Boko Haram in 2014.\nBoko Haram pledged allegiance to the Islamic State.")


def test_a_context_cue_outweighs_the_models_repeated_person_guess() -> None:
    ms = _mentions(BOKO, [("Boko Haram", "PER"), ("Boko Haram", "PER"), ("Boko Haram", "PER")])
    ms[1].label = "ORG"
    ms[1].label_cue = "org-noun"
    (an,), records = link_entities([Analysis(article_uid="a", language="en", entities=ms)], [])
    assert {m.entity_id for m in an.entities} == {records[0].entity_id}
    assert records[0].label == "ORG"
    # a given name in the name keeps the person the model saw nine times
    # ("the militant group Kobe Bryant" is a misreading)
    ms = _mentions((BOKO + "\n") * 3, [("Boko Haram", "PER")] * 9)
    for m in ms:
        m.text = "Kobe Bryant"  # same offsets, another name: only the words count
    ms[1].label = "ORG"
    ms[1].label_cue = "org-noun"
    (an,), records = link_entities([Analysis(article_uid="b", language="en", entities=ms)], [])
    assert records[0].label == "PER"


# news-clusters: the 2017 World Series story; "Houston Astros" in full and the lone
# "Astros" in the Houston Chronicle's piece, the lone "Astros" (tagged a person by
# en_core_web_md) in another outlet's piece that never writes the full name
ASTROS = ("The Houston Astros have won the World Series. The Astros beat the Dodgers 5-1, "
          "and the Astros celebrated on the field.")
ASTROS_LONE = "Astros fans poured into the streets of downtown after the final out."


def test_a_short_form_other_articles_use_joins_the_club_in_an_article_without_its_name():
    first = Analysis(article_uid="a", language="en", entities=_mentions(
        ASTROS, [("Houston Astros", "ORG"), ("Astros", "ORG"), ("Astros", "ORG")]))
    other = Analysis(article_uid="b", language="en",
                     entities=_mentions(ASTROS_LONE, [("Astros", "PER")]))
    (a, b), records = link_entities([first, other], [])
    assert b.entities[0].entity_id == a.entities[0].entity_id
    assert b.entities[0].label == "ORG"  # the club's label, not the model's person
    club = next(r for r in records if r.entity_id == a.entities[0].entity_id)
    assert club.canonical == "Houston Astros"


def test_a_short_form_two_known_clubs_use_joins_neither():
    # "Rangers" of the New York Rangers (hockey) and of Glasgow's Rangers (football)
    ny = "The New York Rangers beat Boston. The Rangers scored twice, the Rangers held on."
    gl = "Glasgow Rangers lost at Celtic Park. Rangers fell behind, and Rangers fired their coach."
    lone = "The Rangers announced a new coach on Monday."
    arts = [Analysis(article_uid=u, language="en", entities=_mentions(t, spans)) for u, t, spans in [
        ("a", ny, [("New York Rangers", "ORG"), ("Rangers", "ORG"), ("Rangers", "ORG")]),
        ("b", gl, [("Glasgow Rangers", "ORG"), ("Rangers", "ORG"), ("Rangers", "ORG")]),
        ("c", lone, [("Rangers", "ORG")])]]
    (a, b, c), _ = link_entities(arts, [])
    assert a.entities[0].entity_id != b.entities[0].entity_id
    assert c.entities[0].entity_id not in (a.entities[0].entity_id, b.entities[0].entity_id)


def test_an_article_naming_another_club_of_the_word_keeps_its_own():
    # "Texas" is no city: "Texas Rangers" gives no short form, and its article's lone
    # "Rangers" is the Texas club, never the New York Rangers other articles shorten
    ny = "The New York Rangers beat Boston. The Rangers scored twice, the Rangers held on."
    tx = "The Texas Rangers lost in Seattle. The Rangers fell behind in the ninth."
    arts = [Analysis(article_uid=u, language="en", entities=_mentions(t, spans)) for u, t, spans in [
        ("a", ny, [("New York Rangers", "ORG"), ("Rangers", "ORG"), ("Rangers", "ORG")]),
        ("b", tx, [("Texas Rangers", "ORG"), ("Rangers", "ORG")])]]
    (a, b), _ = link_entities(arts, [])
    assert b.entities[1].entity_id != a.entities[0].entity_id
