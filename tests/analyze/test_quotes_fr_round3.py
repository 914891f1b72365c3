"""French attribution, session 8 (issue #16): sentences written for the tests in
the shapes the tune gold showed, not copied from it; and the third French gold's
strings (tests/data/quotes-fr-fresh3, held out)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
HIPE = SHARED / "hipe2022-fr"


def test_a_role_noun_far_from_the_last_name_is_not_that_person(speech):
    qs = speech("Jean Martin a ouvert la séance lundi. La salle était comble. Les "
                "débats ont duré trois heures. Le vote a été reporté à jeudi. Le porte-parole "
                "a déclaré que la commune ne paierait pas.")
    assert qs and all(q.speaker != "Jean Martin" for q in qs)


# a role noun in the sentence right after the name still repeats it:
# test_quotes_fr_round2.test_a_definite_role_noun_repeats_the_person_just_named


def test_a_title_after_a_work_noun_is_no_quote(analyze):
    quotes = analyze("Le film sera diffusé ce soir sur France 3 dans l'émission « Les nuits "
                     "de la pleine lune ». Le comité « Stop aux essais ! » organise un jeûne.",
                     "fr").quotes
    assert quotes and all(q.kind == "title" and q.speaker is None for q in quotes)


def test_a_capitalised_name_used_as_a_noun_is_a_title(analyze):
    quotes = analyze("Il s'agit de « Vents contraires sur la plaine » de Robert Cahen, "
                     "tourné l'an dernier.", "fr").quotes
    assert quotes and quotes[0].kind == "title"


def test_a_judgement_inside_a_work_noun_sentence_stays_speech(speech):
    qs = speech("Le critique Paul Morin a jugé que le film « est un chef-d'œuvre "
                "absolu ».")
    assert qs and qs[0].speaker == "Paul Morin"


def test_a_call_with_an_addressee_and_an_infinitive_is_a_statement(speech):
    qs = speech("Le maire Paul Morin a exhorté le gouvernement à rouvrir la maternité "
                "avant l'été.")
    calls = [q for q in qs if q.text.startswith("le gouvernement à rouvrir")]
    assert calls and calls[0].speaker == "Paul Morin"


def test_a_promise_with_a_reflexive_verb_is_its_infinitive(speech):
    qs = speech("Les ministres européens se sont engagés à verser deux milliards "
                "d'euros aux hôpitaux.")
    assert any(q.text.startswith("verser deux milliards") for q in qs)


def test_a_passive_invitation_reports_nobody(speech):
    qs = speech("Paul Morin a été invité à participer au conseil municipal.")
    assert not any("participer" in q.text for q in qs)


def test_a_judgement_with_comme_is_a_stance(speech):
    qs = speech("Le syndicat CGT considère la réforme comme une attaque contre les "
                "retraités.")
    assert any("une attaque contre les retraités" in q.text for q in qs)


def test_fresh3_gold_strings_are_in_their_texts() -> None:
    from veille.analyze.evaluate_quotes import gold_parts, read_string_gold

    texts = [SHARED / "fr-timebank" / "dev", *sorted(HIPE.glob("*-dev-fr.tsv"))]
    if not texts[0].is_dir() or len(texts) < 3:
        pytest.skip("../shared/data absent: fr-timebank/dev or hipe2022-fr/*-dev-fr.tsv")
    gold = ROOT / "tests" / "data" / "quotes-fr-fresh3"
    docs = read_string_gold(gold, texts)  # raises on a content string not in its text
    assert len(docs) == 41
    assert sum(len(d.attributions) for d in docs) >= 150
    for d in docs:
        for g in d.attributions:
            assert g.source is not None or g.source_text is None, (d.name, g.source_text)
    assert set(gold_parts(gold).values()) == {"check"}


def test_an_as_incise_reports_the_rest_of_the_sentence(speech):
    qs = speech("Les ventes devraient reculer de dix pour cent cette année, comme l'a "
                "annoncé la société mardi.")
    assert any(q.text.startswith("Les ventes devraient reculer") and q.speaker == "la société"
               for q in qs)


def test_an_as_incise_at_the_head_reports_what_follows(speech):
    qs = speech("Comme l'a rapporté l'agence Reuters, le groupe doit céder trois usines "
                "en Lorraine.")
    assert any(q.text.startswith("le groupe doit céder") and q.speaker
               and "Reuters" in q.speaker for q in qs)


def test_selon_before_a_colon_names_the_quote_speaker(speech):
    qs = speech("La rentrée s'est bien passée, selon la directrice Marie Lefèvre : "
                "« Les enfants étaient contents de revenir. »")
    direct = [q for q in qs if q.text.startswith("Les enfants")]
    assert direct and direct[0].speaker == "Marie Lefèvre"


def test_a_plural_addressee_before_the_inverted_subject_is_skipped(speech):
    qs = speech("« Nous demandons des élections anticipées », a déclaré aux "
                "journalistes Thomas Kemmerich.")
    assert qs and qs[0].speaker == "Thomas Kemmerich"


def test_the_seconds_sign_of_a_results_table_is_no_quote_mark(analyze):
    quotes = analyze("Classement : 1. Olano (Esp) 47'07 \" (moy. 50,301 km / h). 2. Mauri (Esp) "
                     "à 41 \". 3. Peschel (All) à 1'03 \". Il a déclaré : \"Je suis content.\"",
                     "fr").quotes
    assert [q.text for q in quotes] == ["Je suis content."]
