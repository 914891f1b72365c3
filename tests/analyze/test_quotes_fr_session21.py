"""French reported speech, session 21 (issue #16). Sentences of the old
French gold's tune part (tests/data/quotes-fr: French TimeBank dev, L'Est
Républicain 2002), quoted for testing, each for one general mechanism."""

from __future__ import annotations

_MOSCOVICI = (
    "« Nous devons organiser et réguler le capitalisme, et faire de l'Europe et de la démocratie "
    "l'utopie de l'avenir », dit Pierre Moscovici. Sur un plan plus personnel, il veut prouver qu'il a "
    "toujours un avenir politique. {subject}, y reviendra administrativement le 7 novembre, "
    "mais continuera « à travailler avec ardeur » au sein de la convention européenne.")


def test_a_role_noun_subject_carries_the_last_speaker_past_an_institution_in_its_complement(
        speech, about):
    # quotes-fr 2002-09-07-0602 (tune part): the subject's head is a role noun
    # for Moscovici; "la Cour des comptes" (an organisation) only modifies it
    qs = speech(_MOSCOVICI.format(
        subject="L'ancien haut-fonctionnaire détaché de la Cour des comptes"))
    q = about(qs, "à travailler avec ardeur")
    assert q and q[0].speaker == "Pierre Moscovici"


def test_a_new_person_heading_the_subject_still_breaks_the_chain(speech, about):
    # control: an indefinite head is somebody new, whatever its complement names
    qs = speech(_MOSCOVICI.format(subject="Un expert détaché de la Cour des comptes"))
    q = about(qs, "à travailler avec ardeur")
    assert q and q[0].speaker != "Pierre Moscovici"


def test_a_name_as_the_object_of_a_speech_verb_is_its_target_not_a_statement(speech):
    # semeval-1613441024fr (quotes-fr-fresh, read check of session 21): "fustiger
    # Israël" criticises the country; no words of anybody's are reported
    qs = speech("INITIATIVE AUSTRO-HONGROISE VALABLE : La Hongrie et l'Autriche s'opposent au "
                "reste de l'UE qui fustige Israël.")
    assert not any(q.text == "Israël" for q in qs)


def test_a_noun_phrase_object_is_still_the_statement(speech, about):
    # control: the object names what is denounced, with a complement of its own
    qs = speech("Le syndicat a dénoncé la fermeture de l'usine de Florange.")
    assert about(qs, "la fermeture de l'usine")
