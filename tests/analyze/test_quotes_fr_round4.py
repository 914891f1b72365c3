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


def test_an_incise_inside_the_marks_names_the_speaker(quotes_of):
    qs = quotes_of("Jean Dupont a visité l'usine lundi. « Nous avons, a-t-il affirmé, tout "
                   "essayé pour sauver les emplois. »")
    assert qs and qs[0].speaker == "Jean Dupont"
    qs = quotes_of("Le maire est venu. « Nous avons tout essayé, a expliqué Jean Dupont, mais "
                   "rien n'a marché. »")
    assert qs and qs[0].speaker == "Jean Dupont"


def test_a_role_noun_after_the_quote_is_the_person_just_named(quotes_of):
    qs = quotes_of("Marie Durand a dirigé la chorale pendant vingt ans. « Je vais continuer "
                   "à chanter », explique la musicienne.")
    assert qs and qs[0].speaker == "Marie Durand"


def test_a_first_person_quote_after_narration_is_its_subjects(quotes_of):
    qs = quotes_of("« J'ai découvert cet instrument par hasard », raconte Guy Bovet. Séduit "
                   "par le son, il commence à en jouer. Il suit des cours avec le compositeur "
                   "Pierre Martin. « Au début, je travaillais comme remplaçant. »")
    assert [q.speaker for q in qs] == ["Guy Bovet", "Guy Bovet"]
    qs = quotes_of("Dans son studio, Cindy Santos enregistre son album. « En juin, j'irai voir "
                   "des maisons de disque à Paris. »")
    assert qs and qs[0].speaker == "Cindy Santos"


def test_the_name_in_an_incise_nouns_apposition_speaks(quotes_of):
    qs = quotes_of("« Non, bien au contraire », répond son agent, l'avocat genevois Jacques "
                   "Barillon.")
    assert qs and qs[0].speaker == "Jacques Barillon"


def test_an_unclosed_quote_after_a_colon_runs_to_its_last_sentence():
    from veille.analyze.quotes.marks import find_quote_spans

    text = ('Walz a déclaré: "Aucun maire n\'a les ressources nécessaires. Voilà tout. '
            '"J\'autorise la garde')
    spans, notes = find_quote_spans(text)
    assert [text[s:e] for _, s, e, _ in spans] == [
        "Aucun maire n'a les ressources nécessaires. Voilà tout."]
    assert notes  # the missing mark is still reported
    # a mark inside a sentence, with no colon, says nothing of where a
    # quotation starts: still skipped
    assert find_quote_spans("Il a souri et « personne ne viendra. Fin")[0] == []


def test_an_unclosed_quote_is_attributed_by_its_colon(quotes_of):
    qs = quotes_of("En annonçant la mesure, Jean Walz a déclaré : « Aucun maire n'a les "
                   "ressources nécessaires pour cela. Nous devons agir.")
    assert qs and qs[0].speaker == "Jean Walz" and qs[0].text.startswith("Aucun maire")


def test_they_take_up_a_plural_noun_subject(quotes_of):
    qs = quotes_of("Les chefs carlistes cachent la situation à leurs soldats ; ils assurent que "
                   "leur cause triomphera l'été prochain.")
    assert qs and qs[0].speaker == "Les chefs carlistes"


def test_a_role_noun_is_not_a_person_only_spoken_about(quotes_of):
    qs = quotes_of("L'expertise médicale a déclaré Karl Buhler entièrement responsable. Le "
                   "procureur requit vingt années de réclusion.")
    assert all(q.speaker != "Karl Buhler" for q in qs if "réclusion" in q.text)
