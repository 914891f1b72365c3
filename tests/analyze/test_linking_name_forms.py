"""Written forms of a name the key must read as the press writes them (#15, session 18's
read check of PolNeAR dev): an AP state abbreviation is the state, never a surname
("Bridgeport, Conn." joined "Martin Luther Coon" by the key "con"); an Irish name particle
is one word with the name, whichever apostrophe the article types ("O'Neill" stood apart
from "James O’Neill": "O" was read as a given name). The sentences are the articles'
(polnear dev usa-today_2016-10-03_my-father-would-have-loved-trump and
politico_2016-09-17_de-blasio-says-chelsea-explosion), the mentions labelled as
en_core_web_md labels them."""

from __future__ import annotations

from veille.analyze import gazetteer, names
from veille.analyze.linking import link_entities
from veille.core.model import Analysis, Mention

CONN = ("My father spent the entire $30,000 profit on the sale of our house in Bridgeport, Conn., "
        "by stocking up on Beehive freeze-dried food.\n"
        "Even as a child growing up in an environment where my father referred to Martin Luther "
        "King as Martin Luther Coon, I knew this hatred and foul talk were wrong.")
ONEILL = ("The explosion went off around 8:30 p.m. in front of 131 West 23rd Street, according to "
          "NYPD Commissioner James O’Neill.\n"
          "“The exact cause of the explosion has not been determined,” said O'Neill, on what was "
          "his first full day on the job.\n"
          "O'Neill said officials are in possession of video that shows the explosion.")


def _article(text: str, spans: list[tuple[str, str]]) -> Analysis:
    an = Analysis(article_uid="x", language="en")
    pos = 0
    for surface, label in spans:
        start = text.index(surface, pos)
        m = Mention(text=surface, label=label, start=start, end=start + len(surface),
                    sentence=text.count("\n", 0, start))
        m.model_label = label
        an.entities.append(m)
        pos = start + len(surface)
    return an


def test_an_ap_state_abbreviation_is_the_state_not_a_surname() -> None:
    an = _article(CONN, [("Bridgeport", "LOC"), ("Conn.", "LOC"), ("Martin Luther King", "PER"),
                         ("Martin Luther Coon", "PER")])
    (out,), recs = link_entities([an], [])
    ids = {m.text: m.entity_id for m in out.entities}
    assert ids["Conn."] != ids["Martin Luther Coon"]
    assert names.key("Conn.") == names.key("Connecticut")
    # one entity with the state's name, named by its name (news-clusters: "Ill." x2, "Illinois" x2)
    ill = [_article("Peoria, Ill., police said.", [("Peoria", "LOC"), ("Ill.", "LOC")]),
           _article("The Illinois governor spoke.", [("Illinois", "LOC")])]
    ill[1].article_uid = "y"
    (a, b), recs = link_entities(ill, [])
    assert a.entities[1].entity_id == b.entities[0].entity_id
    assert {r.canonical for r in recs if r.entity_id == b.entities[0].entity_id} == {"Illinois"}
    # the period is the form's: a bare word is left to the key
    assert gazetteer.us_state("Conn") is None and gazetteer.us_state("N.Y.") == "New York"


def test_an_irish_particle_is_one_word_with_the_name_whatever_the_apostrophe() -> None:
    an = _article(ONEILL, [("James O’Neill", "PER"), ("O'Neill", "PER"), ("O'Neill", "PER")])
    (out,), _ = link_entities([an], [])
    assert len({m.entity_id for m in out.entities}) == 1
    # an elided article or "of" stays a word of its own ("L'Espagne" is Espagne)
    assert names.key("L'Espagne").split()[-1] == names.key("Espagne")
    assert names.key("duc d'Orléans").split()[-1] == names.key("Orléans")


COAL = ("His first foray into the coal industry came when he took a job in late 2014 with Jim "
        "Justice, a wealthy West Virginia businessman.\n"
        "Mr. Clarke's job was to assist Mr. Justice and his Southern Coal Corporation.\n"
        "A Democrat, Mr. Justice is running for governor.\n"
        "Mr. Justice said he had paid.")
IMMUNITY = ("Republicans said they're increasingly convinced the Justice Department mishandled "
            "the investigation.\n"
            "The FBI's deals were for other investigative entities, but the Justice deals did not.\n"
            "On Thursday morning, Justice delivered the immunity agreements.\n"
            "And why did Justice grant immunity to so many people?")


def test_a_word_opening_an_organisation_of_its_article_is_no_surname_elsewhere() -> None:
    # polnear dev nyt_2016-10-02_a-curious-plan-to-fight-climate- (Jim Justice), then
    # politico_2016-09-23_partisan-fireworks-over-clinton- (the Justice Department)
    coal = _article(COAL, [("Jim Justice", "PER"), ("Justice", "PER"), ("Southern Coal Corporation",
                                                                      "ORG"),
                           ("Justice", "PER"), ("Justice", "PER")])
    spans = [("Justice Department", "ORG"), ("FBI", "ORG"), ("Justice", "ORG"),
             ("Justice", "ORG"), ("Justice", "ORG")]
    imm = _article(IMMUNITY, spans)
    imm.article_uid = "y"
    (c, i), _ = link_entities([coal, imm], [])
    person = c.entities[0].entity_id
    assert {m.entity_id for m in i.entities if m.text == "Justice"} != {person}
    # the same lone words in an article without the longer name are the person's, as before
    bare = _article(IMMUNITY, [s for s in spans if s[0] == "Justice"])
    bare.article_uid = "z"
    (_, b), _ = link_entities([coal, bare], [])
    assert {m.entity_id for m in b.entities} == {person}


def test_a_name_the_article_determines_is_no_person(analyze) -> None:
    # news-clusters 2ae4755e201b (China's moon mission) and 223122915844 (South Korea's
    # President Moon): "the Moon" was a person, one entity with "Mr. Moon"
    an = analyze("The container will be sent to the Moon in 2018. It will test the growing "
                 "process of plants and animals on the Moon.\nOn Saturday, Mr. Moon warned "
                 "that the latest North Korean test was a threat.", language="en")
    labels = [(m.text, m.label) for m in an.entities if "Moon" in m.text]
    assert labels == [("Moon", "MISC"), ("Moon", "MISC"), ("Moon", "PER")]
    # a name modifying the noun the article determines is still the person's
    an = analyze("The Obama administration said the deal was done.", language="en")
    assert [(m.text, m.label) for m in an.entities] == [("Obama", "PER")]


def test_a_team_or_a_camp_the_article_determines_keeps_its_label(analyze) -> None:
    # news-clusters (the Steelers, plural: a team) and PolNeAR dev politico ("the Clinton camp")
    an = analyze("The Clinton camp announced that it was inviting him.", language="en")
    assert all(m.label != "MISC" for m in an.entities if m.text == "Clinton")


def test_a_word_of_a_person_the_article_names_stays_a_person(analyze) -> None:
    # PolNeAR dev huff-post_2016-09-26_one-tweet-sums-up-the-absurd-dou
    an = analyze("Hillary Clinton has a plan.\nBe the Clinton who shines in a smaller crowd.",
                 language="en")
    assert [m.label for m in an.entities if m.text == "Clinton"] == ["PER"]
