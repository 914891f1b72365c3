"""OCR-glued words split before the parse (veille.analyze.glued_words). The
glued tokens are from HIPE-2022's French dev texts (the tune halves of
tests/data/quotes-fr-fresh4 and -fresh5: hipe-dev_fr_16, hipe-dev_fr_22,
hipe-dev_fr_2); the controls are words of the language that read as two."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def splitter(nlp_fr):
    from veille.analyze.glued_words import GlueSplitter
    from veille.lang.fr import ELISIONS
    from veille.lang.stop_words import spacy_stop_words

    forms = nlp_fr.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    return GlueSplitter("fr", spacy_stop_words("fr"), ELISIONS, forms)


@pytest.mark.parametrize(("token", "pieces"), [
    ("lesavantages", ("les", "avantages")),  # "fait ressortir lesavantages de la situation"
    ("aprié", ("a", "prié")),  # "le président aprié M. Emile Laurent de se retirer"
    ("déclaréqu'", ("déclaré", "qu'")),  # "ont déclaréqu'ils ne répondraient pas"
    ("danscette", ("dans", "cette")),
    ("deVictor", ("de", "Victor")),  # a capital after a function word
])
def test_a_glued_token_is_split_into_the_words_it_holds(splitter, token, pieces):
    assert splitter.split(token) == pieces


@pytest.mark.parametrize("token", [
    "déplorerai",  # a future the word list lacks and the lemmatizer's forms hold
    "autoflagellation",  # an unknown compound with no function word in it
    "Montebourg", "Lavigne",  # names: a capital at the start is kept whole
    "jusqu'", "lorsqu'",  # elided words of the language
    "soleii", "mirait",  # a misread word reads as tiny pieces, not as glue
    "MeRaoul",  # left alone: the capital opens the token
])
def test_a_word_or_a_misread_word_is_left_whole(splitter, token):
    assert splitter.split(token) is None


def test_the_split_keeps_the_text_and_gives_the_parse_the_verb(nlp_fr):
    # hipe-dev_fr_22 (fresh5 tune half): the complementizer glued to the verb
    text = ("Syndicat d'entente des fabricants de superphosphatesMM. Elvell et Destrecher ont "
            "déclaréqu'ils ne répondraient pas à l'accusationhors de la présence de leur défenseur.")
    doc = nlp_fr(text)
    assert doc.text == text
    verb = next(t for t in doc if t.text == "déclaré")
    assert any(c.dep_ == "ccomp" for c in verb.children)


def test_a_glued_complementizer_reports_the_clause(speech, about):
    qs = speech("MM. Elvell et Destrecher ont déclaréqu'ils ne répondraient pas à l'accusation "
                "hors de la présence de leur défenseur, Me Raoul Rousset.")
    q = about(qs, "ne répondraient pas")
    assert q and "Elvell" in (q[0].speaker or "")
