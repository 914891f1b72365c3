"""A lone surname the model alone called an organisation (#15, session 15):
the label its other mentions carry decides. Lines from news-clusters' Kim Jong
Un olive-branch story (a34593b13a30, Daily Mail: "Trump" tagged ORG four
times, no full name in the article; 7a14c6a7dbf3, China Daily) and its North
Korea stories (1a84923a92ec: "President Trump" x7); the organisation lines
of the last test are written for it (the carmaker and the actor)."""

from __future__ import annotations

from veille.analyze.entities import _institution_head
from veille.analyze.linking import SURNAME_IN_USE, link_entities
from veille.core.model import Analysis, Mention


def _an(uid: str, text: str, spans: list[tuple[str, str]], cue: str | None = None) -> Analysis:
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        m = Mention(text=surface, label=label, start=start, end=start + len(surface),
                    sentence=text.count("\n", 0, start))
        m.label_cue = cue
        out.append(m)
        pos = start + len(surface)
    return Analysis(article_uid=uid, language="en", entities=out)


OIL = ("U.S. President Donald Trump said China had been caught red handed.\n"
       "Trump said on Twitter he was very disappointed.\n"
       "Trump has repeatedly pressed Beijing to do more.\n"
       "Trump also said the United States would not stand for it.")
DAILY_MAIL = ("Kim's New Year address prompted a furious response from President Trump.\n"
              "Trump's remarks came as his ambassador dismissed Seoul's offer.\n"
              "Trump and Kim have exchanged angry insults.\n"
              "Trump has mocked Kim as 'fat'.")


def _oil() -> Analysis:
    return _an("oil", OIL, [("Donald Trump", "PER"), ("Trump", "PER"), ("Trump", "PER"),
                            ("Trump", "PER")])


def test_a_surname_the_model_calls_an_organisation_is_the_person_others_call_so():
    mail = _an("mail", DAILY_MAIL, [("Trump", "ORG"), ("Trump", "ORG"), ("Trump", "ORG"),
                                    ("Trump", "ORG")])
    (oil, mail), records = link_entities([_oil(), mail], [])
    person = {m.entity_id for m in oil.entities}
    assert len(person) == 1
    assert {m.entity_id for m in mail.entities} == person
    assert {m.label for m in mail.entities} == {"PER"}
    rec = next(r for r in records if r.entity_id in person)
    assert rec.label == "PER" and rec.canonical == "Donald Trump"


def test_one_use_elsewhere_is_not_enough():
    oil = _an("oil", OIL, [("Donald Trump", "PER"), ("Trump", "PER")])
    mail = _an("mail", DAILY_MAIL, [("Trump", "ORG"), ("Trump", "ORG")])
    (oil, mail), _ = link_entities([oil, mail], [])
    assert not {m.entity_id for m in mail.entities} & {m.entity_id for m in oil.entities}


CARS = ("Ford said on Tuesday it would cut production.\n"
        "Ford shares fell 3 percent.\n"
        "Ford and General Motors reported lower sales.\n"
        "Ford will invest $11 billion in electric vehicles.")
FILM = ("Harrison Ford returns as Indiana Jones.\n"
        "Ford, 80, said it was his last outing.\n"
        "Ford trained for months.\n"
        "Ford said he would miss the hat.")
NEWS = "Ford recalled 1.3 million vehicles on Friday."


def test_an_organisation_that_carries_the_word_as_often_keeps_it():
    cars = _an("cars", CARS, [("Ford", "ORG"), ("Ford", "ORG"), ("Ford", "ORG"),
                              ("Ford", "ORG")])
    film = _an("film", FILM, [("Harrison Ford", "PER"), ("Ford", "PER"), ("Ford", "PER"),
                              ("Ford", "PER")])
    news = _an("news", NEWS, [("Ford", "ORG")])
    (cars, film, news), _ = link_entities([cars, film, news], [])
    actor = {m.entity_id for m in film.entities}
    assert not {m.entity_id for m in news.entities} & actor
    assert news.entities[0].label == "ORG"


def test_a_context_cue_keeps_the_organisation():
    news = _an("news", "The carmaker Trump recalled cars.", [("Trump", "ORG")], cue="org-noun")
    (oil, news), records = link_entities([_oil(), news], [])
    assert news.entities[0].entity_id not in {m.entity_id for m in oil.entities}
    assert not any(SURNAME_IN_USE in w for r in records for w in r.evidence.values())


def test_an_institution_noun_closing_a_name_makes_it_an_organisation():
    # news-clusters 4d4c9b2109bb, 3ca5dc3a0b27: "NASA's Chandra X-ray Observatory" as PER
    assert _institution_head("Chandra X-ray Observatory")
    assert _institution_head("Costa Rica Public Safety Ministry")
    assert not _institution_head("Observatory")        # one word: left to the model
    assert not _institution_head("Russell Brand")      # a surname that is also a noun
    assert not _institution_head("Margaret Court")


def test_the_observatory_in_a_sentence_is_an_organisation(analyze):
    text = ("Astrophysicists at the University of Oklahoma used data from NASA's Chandra "
            "X-ray Observatory to find the new population of planets.\n")
    got = {m.text: m.label for m in analyze(text, "en").entities}
    assert got.get("Chandra X-ray Observatory") == "ORG", got
