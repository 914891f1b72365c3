"""Session 15 (issue #16): English role nouns ("the president") as speakers, and
the scorer's stand-in that lets a resolved name count when the article itself
ties that name to that role."""

from __future__ import annotations

from veille.analyze import evaluate_quotes as ev
from veille.analyze.evaluate_quotes_roles import role_holders, role_phrase
from veille.core.model import Quote


def _gold(text: str, source: str, content: str) -> ev.GoldAttribution:
    s, c = text.index(source), text.index(content)
    return ev.GoldAttribution([(c, c + len(content))], (s, s + len(source)), source, None)


def _said_by(text: str, g: ev.GoldAttribution, speaker: str) -> Quote:
    return Quote(text=text[g.start:g.end], start=g.start, end=g.end, sentence=1,
                 speaker=speaker)


def test_role_words_of_a_definite_source() -> None:
    assert role_phrase("the vice president") == "vice president"
    assert role_phrase("The Florida senator") == "senator"
    assert role_phrase("the company's chief executive") == "chief executive"
    assert role_phrase("a spokesman") is None  # someone new, not a role for a named person
    assert role_phrase("President Obama") is None
    assert role_phrase("he") is None


def test_a_title_before_the_name_lets_the_name_stand_for_the_role() -> None:
    text = ("President Barack Obama spoke at the White House on Tuesday. The president "
            "said the deal would hold.")
    g = _gold(text, "The president", "the deal would hold")
    doc = ev.GoldDoc("t", text, [g])
    q = _said_by(text, g, "Barack Obama")
    assert ev._speaker_ok(doc, g, q)
    assert not ev._speaker_ok(doc, g, q, roles=False)  # the literal scorer of session 14
    assert not ev._speaker_ok(doc, g, _said_by(text, g, "Joe Biden"))


def test_an_apposition_ties_the_role_to_the_name() -> None:
    text = ("Marco Rubio, the Florida senator, held a rally in Miami. Later the senator "
            "told reporters the race was not over.")
    g = _gold(text, "the senator", "the race was not over")
    doc = ev.GoldDoc("t", text, [g])
    assert ev._speaker_ok(doc, g, _said_by(text, g, "Rubio"))


def test_two_names_with_the_role_prove_nothing() -> None:
    text = ("President Obama met Vice President Joe Biden on Monday. The president said "
            "the talks went well.")
    assert role_holders(text, "president") == frozenset({"obama", "biden"})
    g = _gold(text, "The president", "the talks went well")
    doc = ev.GoldDoc("t", text, [g])
    assert not ev._speaker_ok(doc, g, _said_by(text, g, "Obama"))


def test_a_role_the_article_never_gives_a_name_accepts_no_name() -> None:
    text = ("Barack Obama visited Ohio. In Ohio, the president said the plant would stay "
            "open, and the governor agreed.")
    # "In Ohio, the president said": a clause, no apposition; nothing ties the role
    assert role_holders(text, "president") == frozenset()
    g = _gold(text, "the president", "the plant would stay open")
    doc = ev.GoldDoc("t", text, [g])
    assert not ev._speaker_ok(doc, g, _said_by(text, g, "Barack Obama"))
    assert ev._speaker_ok(doc, g, _said_by(text, g, "the president"))


def test_a_day_after_the_title_is_no_name() -> None:
    text = "The president Tuesday said the bill was dead. President Trump left."
    assert role_holders(text, "president") == frozenset({"trump"})


def test_a_name_opening_the_next_clause_is_no_title() -> None:
    text = ("In an email thread with the Cruz campaign, Breitbart News asked whether he "
            "disavowed it. The campaign manager, Jeff Roe, declined.")
    assert role_holders(text, "campaign") == frozenset()
    assert role_holders(text, "campaign manager") == frozenset({"roe"})


def test_a_role_given_to_a_name_only_after_the_source_or_unqualified_proves_nothing() -> None:
    # a list of profiles: the role noun is the previous item's person
    text = ("9 The network's anchor Ilia Calderon wrote a letter. The Afro-Colombian "
            "journalist expressed concern over the remarks. 10 Award-winning journalist "
            "Maria Hinojosa explained why she felt invisible.")
    g = _gold(text, "The Afro-Colombian journalist", "concern over the remarks")
    doc = ev.GoldDoc("t", text, [g])
    assert not ev._speaker_ok(doc, g, _said_by(text, g, "Maria Hinojosa"))
    # the tie before the source, but "Afro-Colombian" is nowhere near it
    text2 = text[text.index("10 "):] + " " + text[:text.index("10 ")]
    g2 = _gold(text2, "The Afro-Colombian journalist", "concern over the remarks")
    doc2 = ev.GoldDoc("t", text2, [g2])
    assert not ev._speaker_ok(doc2, g2, _said_by(text2, g2, "Maria Hinojosa"))
    text3 = text2.replace("Award-winning", "Afro-Colombian")
    g3 = _gold(text3, "The Afro-Colombian journalist", "concern over the remarks")
    assert ev._speaker_ok(ev.GoldDoc("t", text3, [g3]), g3, _said_by(text3, g3, "Maria Hinojosa"))


def _speaker_of(analyze, text: str, words: str) -> str | None:
    qs = [q for q in analyze(text, "en").quotes if q.kind not in ("title", "term")]
    hit = [q for q in qs if q.text.startswith(words)]
    assert hit, [(q.text, q.speaker) for q in qs]
    return hit[0].speaker


def test_a_role_the_article_gave_two_people_stays_a_role(analyze):
    # the extractor side of the scorer's rule: "the president" after "President
    # Obama" and "Vice President Joe Biden" may be either; naming one is a guess
    text = ("President Barack Obama met Vice President Joe Biden at the White House on "
            "Monday. The president said the talks had gone well.\n")
    assert _speaker_of(analyze, text, "the talks had gone well") == "The president"


def test_a_role_given_to_one_person_named_twice_is_that_person(analyze):
    # the boundary: one holder named twice ("President Barack Obama", "President
    # Obama") is one person, the role resolves to him
    text = ("President Barack Obama flew to Ohio on Monday. Voters cheered when President "
            "Obama arrived at the plant. The president said the plant would stay open.\n")
    assert _speaker_of(analyze, text, "the plant would stay open") in (
        "Obama", "Barack Obama", "President Obama", "President Barack Obama")


def test_a_noun_the_text_gave_an_organisation_stands_for_it(analyze):
    # "the law firm Mossack Fonseca" (the noun before the name), "Equifax, the
    # credit reporting company" (an apposition): the definite noun later is it
    text = ("Reporters have been sifting through files from the law firm Mossack Fonseca "
            "for months. The firm said it had done nothing wrong.\n\n"
            "Equifax, the credit reporting company, disclosed a breach in September. The "
            "company said 15 million British records were stolen.\n")
    assert _speaker_of(analyze, text, "it had done nothing wrong") == "Mossack Fonseca"
    assert _speaker_of(analyze, text, "15 million British records") == "Equifax"


def test_a_noun_no_organisation_or_two_were_given_stays_a_noun(analyze):
    # the boundaries: the noun never given to a name ("SpaceX … the company's
    # workhorse"), or given to two ("the airline ANA", "the airline United")
    text = ("SpaceX plans to launch its rocket next month. The company said the launch "
            "would carry a car.\n\n"
            "The passenger was booked with the airline ANA but boarded a plane of the "
            "airline United Airlines. The airline said the pilot made the right call.\n")
    assert _speaker_of(analyze, text, "the launch would carry a car") == "The company"
    assert _speaker_of(analyze, text, "the pilot made the right call") == "The airline"



def test_a_name_the_recogniser_missed_before_the_colon_speaks(analyze):
    # a newsletter's "heading - Author: “…”": the recogniser finds no person in
    # "Philip Bump" after a hyphen; a given name the name lists know opens it
    text = ("The demographic interplay has been important for Republican contests - Philip "
            "Bump: “Two weeks ago, Trump’s strongest territory had been the South.”\n")
    assert _speaker_of(analyze, text, "Two weeks ago") == "Philip Bump"


def test_capitalised_words_with_no_given_name_before_the_colon_name_nobody(analyze):
    # the boundary: a column's title in capitals before the colon is no person
    text = ("The week in polls was busy. The numbers have been striking this spring - "
            "Solid Ground: “Twenty states are solidly Republican this year, the survey "
            "finds.”\n")
    assert _speaker_of(analyze, text, "Twenty states are") is None



def test_a_name_inside_the_pronouns_participle_clause_is_somebody_else(analyze):
    # "Asked about her vote ..., she replied": the participle's subject is the
    # pronoun's, so the name inside the clause (a subject there, and the last
    # one before the pronoun) is another person
    text = ("Susan Sarandon spoke to the network on Monday. She has campaigned for months "
            "across the state, in towns and cities, at rallies large and small, and she "
            "has spent most of her evenings on the road, far from home, talking to "
            "voters about the issues that matter to them, from health care to the cost of "
            "college, from trade to the climate, and about what the next president should "
            "do in the first hundred days in office, in the view of the people she meets. "
            "Asked about her own vote in the event that Hillary Clinton faces Donald "
            "Trump, she replied: “I don’t know what I will do.”\n")
    assert _speaker_of(analyze, text, "I don’t know") == "Susan Sarandon"
    # the chain: the next "she" continues that pronoun, not the name it shut out
    text2 = text + "“I really mean that, every word of it,” she added when the interviewer pressed her.\n"
    assert _speaker_of(analyze, text2, "I really mean that") == "Susan Sarandon"


def test_a_name_before_the_participle_clause_stays_the_antecedent(analyze):
    # the boundary: the clause shuts out only the names inside it
    text = ("Hillary Clinton spoke to the network on Monday. Asked about the vote in "
            "Ohio, she replied: “We will win this state.”\n")
    assert _speaker_of(analyze, text, "We will win") == "Hillary Clinton"


def test_a_participle_on_the_object_says_what_the_subject_says(analyze):
    # "X issued a statement saying, “…”": the clause's first name ("U.S.") is
    # no speaker; the one who issued the statement is
    text = ("Leaders around the world have denounced the attack.\n\nU.S. President Barack "
            "Obama issued a statement saying, \"We stand in solidarity and partnership with "
            "France, our oldest ally.\"\n")
    assert _speaker_of(analyze, text, "We stand in solidarity") == "Barack Obama"
