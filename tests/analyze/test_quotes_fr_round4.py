"""French attribution, session 9 (issue #16): sentences written for the tests in
the shapes the tune golds (quotes-fr-fresh, quotes-fr-fresh3) showed, not copied
from them. The quotes component alone runs (sentences, entities, quotes), as the
scorer does."""

from __future__ import annotations

import pytest

from veille.core.model import DateRange


@pytest.fixture(scope="module")
def quotes_of(nlp_fr):
    from veille.analyze.evaluate_quotes import _COMPONENTS
    from veille.analyze.pipeline import analyze_batch

    def run(text: str):
        an = analyze_batch([("t", text, "fr", DateRange.unknown())], comps=_COMPONENTS)[0]
        return [q for q in an.quotes if q.kind not in ("title", "term")]

    return run


def test_a_verb_lemmatised_as_a_noun_still_reports(quotes_of):
    # the parser tags "demande" VERB but gives it the noun's lemma
    qs = quotes_of("La commission demande que le Conseil fédéral s'occupe des Suisses en Russie.")
    assert [q.text for q in qs] == ["le Conseil fédéral s'occupe des Suisses en Russie"]
    assert qs[0].speaker == "La commission"


def test_opinion_verbs_report_their_subject(quotes_of):
    qs = quotes_of("Certains députés ont pensé que cette situation ne pouvait pas durer.")
    assert qs and qs[0].speaker == "Certains députés"
    qs = quotes_of("Le correspondant du Times à Berlin croit savoir que le ministre a démissionné.")
    assert qs and "le ministre a démissionné" in qs[0].text
    assert qs[0].speaker and qs[0].speaker.startswith("Le correspondant")


def test_impersonal_on_reports_with_no_speaker(quotes_of):
    qs = quotes_of("A la mairie, on assure que les travaux reprendront lundi.")
    assert qs and qs[0].speaker is None and "les travaux reprendront" in qs[0].text


def test_the_writers_own_opinion_is_not_listed(quotes_of):
    assert quotes_of("Nous pensons que son long historique de paiement est rassurant.") == []
    assert quotes_of("Je crois que la réforme arrive trop tard.") == []


def test_a_pronoun_takes_up_a_person_named_before_the_opinion(quotes_of):
    qs = quotes_of("Le maire Jean Dupont a ouvert la séance. Il pense que la route sera "
                   "terminée en juin.")
    assert qs and qs[0].speaker == "Jean Dupont"
