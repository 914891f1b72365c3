"""A lone name and the full names of its article (#15, read check of session
13): a given name is no surname to look up elsewhere, a full name the model
alone mislabelled still takes its person's surname, and a surname the story
uses before and after another person's full name is not that person. Lines
from news-clusters' Uma Thurman story (3333d198b81d, CNN; 6500961852ee, The
New York Times) and its China moon story (0b48a814a351, Brian Harvey)."""

from __future__ import annotations

from veille.analyze.linking import link_entities
from veille.core.model import Analysis, Mention


def _an(uid: str, text: str, spans: list[tuple[str, str]]) -> Analysis:
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        out.append(Mention(text=surface, label=label, start=start, end=start + len(surface),
                           sentence=text.count("\n", 0, start)))
        pos = start + len(surface)
    return Analysis(article_uid=uid, language="en", entities=out)


MOON = ("China plans a mission to the far side of the Moon.\n"
        "'The Chinese are pushing back the frontier,' says Brian Harvey, space analyst.\n"
        "Harvey said the mission was technically challenging.")
CNN = ("(CNN) Uma Thurman is ready to share her story about Harvey Weinstein.\n"
       "Thurman told the Times she was attacked.\n"
       "\"Harvey assaulted me,\" Thurman said.\n"
       "Thurman said she had been angry for a long time.")
NYT = ("Thurman has waited a long time to be ready.\n"
       "Thurman says she was angry.\n"
       "Thurman grew up in Woodstock; her father, Robert Thurman, is a Buddhist professor.\n"
       "Thurman said she wanted to tell her story.")


def test_a_given_name_of_the_article_is_no_surname_elsewhere():
    moon = _an("moon", MOON, [("Brian Harvey", "PER"), ("Harvey", "PER")])
    cnn = _an("cnn", CNN, [("Uma Thurman", "PER"), ("Harvey Weinstein", "PER"),
                           ("Thurman", "PER"), ("Harvey", "PER"), ("Thurman", "PER"),
                           ("Thurman", "PER")])
    (moon, cnn), _ = link_entities([moon, cnn], [])
    analyst = {m.entity_id for m in moon.entities if m.text == "Brian Harvey"}
    harvey = {m.entity_id for m in cnn.entities if m.text == "Harvey"}
    assert harvey and not harvey & analyst


def test_a_full_name_the_model_called_a_place_takes_its_persons_surname():
    cnn = _an("cnn", CNN, [("Uma Thurman", "LOC"), ("Harvey Weinstein", "PER"),
                           ("Thurman", "PER"), ("Thurman", "PER"), ("Thurman", "PER")])
    (cnn,), records = link_entities([cnn], [])
    ids = {m.entity_id for m in cnn.entities if "Thurman" in m.text}
    assert len(ids) == 1
    rec = next(r for r in records if r.entity_id in ids)
    assert rec.label == "PER" and rec.canonical == "Uma Thurman"


def test_a_surname_used_before_and_after_another_full_name_is_not_that_person():
    nyt = _an("nyt", NYT, [("Thurman", "PER"), ("Thurman", "PER"), ("Thurman", "PER"),
                           ("Robert Thurman", "PER"), ("Thurman", "PER")])
    (nyt,), _ = link_entities([nyt], [])
    father = {m.entity_id for m in nyt.entities if m.text == "Robert Thurman"}
    lone = {m.entity_id for m in nyt.entities if m.text == "Thurman"}
    assert len(lone) == 1 and not lone & father
    # ... and with a lone "Thurman" known from an earlier article, the father
    # does not take that record either
    cnn = _an("cnn", CNN.replace("Uma Thurman", "Uma"), [
        ("Harvey Weinstein", "PER"), ("Thurman", "PER"), ("Thurman", "PER")])
    nyt = _an("nyt", NYT, [("Thurman", "PER"), ("Thurman", "PER"), ("Thurman", "PER"),
                           ("Robert Thurman", "PER"), ("Thurman", "PER")])
    (cnn, nyt), _ = link_entities([cnn, nyt], [])
    father = {m.entity_id for m in nyt.entities if m.text == "Robert Thurman"}
    lone = {m.entity_id for m in nyt.entities if m.text == "Thurman"}
    assert father and lone and not lone & father


# The New York Times' piece (6500961852ee) calls Harvey Weinstein "Harvey" and
# never writes his full name
NYT_HARVEY = ("\u201cThe complicated feeling I have about Harvey is how bad I feel,\u201d she "
              "told me.\nQuentin used Harvey as the executive producer of \u2018Kill Bill.\u2019")


def test_a_lone_given_name_does_not_join_the_one_person_of_that_surname_elsewhere():
    moon = _an("moon", MOON, [("Brian Harvey", "PER"), ("Harvey", "PER")])
    nyt = _an("nyt", NYT_HARVEY, [("Harvey", "PER"), ("Quentin", "PER"), ("Harvey", "PER")])
    (moon, nyt), _ = link_entities([moon, nyt], [])
    analyst = {m.entity_id for m in moon.entities if m.text == "Brian Harvey"}
    harvey = {m.entity_id for m in nyt.entities if m.text == "Harvey"}
    assert harvey and not harvey & analyst
    # ... in either order: the full name does not take the lone given name's record
    nyt = _an("nyt", NYT_HARVEY, [("Harvey", "PER"), ("Quentin", "PER"), ("Harvey", "PER")])
    moon = _an("moon", MOON, [("Brian Harvey", "PER"), ("Harvey", "PER")])
    (nyt, moon), _ = link_entities([nyt, moon], [])
    analyst = {m.entity_id for m in moon.entities if m.text == "Brian Harvey"}
    harvey = {m.entity_id for m in nyt.entities if m.text == "Harvey"}
    assert harvey and not harvey & analyst
    # a surname that is no given name still joins its one known person
    nyt = _an("nyt2", "Weinstein denied it.", [("Weinstein", "PER")])
    cnn = _an("cnn", CNN, [("Uma Thurman", "PER"), ("Harvey Weinstein", "PER")])
    (cnn, nyt), _ = link_entities([cnn, nyt], [])
    assert nyt.entities[0].entity_id == cnn.entities[1].entity_id
