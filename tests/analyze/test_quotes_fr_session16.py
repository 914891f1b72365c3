"""French attribution, session 16 (issue #16): sentences of the tuning golds'
articles (tests/data/quotes-fr, the older gold's tune part; tests/data/
quotes-fr-fresh, SemEval-2022 task 8 French training articles; quoted for
testing), each for one general mechanism of the parse."""

from __future__ import annotations


def _said(qs, start: str):
    return [q for q in qs if q.text.startswith(start)]


def test_a_warning_locution_reports_what_it_warns_against(speech):
    # quotes-fr 000_07f07504d3202a46: "mettre en garde contre" reports only with
    # its fixed words; the parse hangs "contre …" on an adjunct ("reprises")
    qs = speech("La décision nucléaire de Poutine est surveillée de près à la fois par les "
                "États-Unis et leurs alliés de l’OTAN en Europe et par la Chine, qui a mis en "
                "garde à plusieurs reprises contre l’utilisation d’armes nucléaires dans le "
                "conflit.")
    q = [x for x in qs if "l’utilisation d’armes" in x.text]
    assert q and q[0].speaker is not None and "Chine" in q[0].speaker


def test_faire_etat_de_reports_its_object(speech):
    # semeval 1595260108fr: "a fait état de 534 décès": the object of the
    # locution, not of "faire" (whose object is the fixed noun)
    qs = speech("Le gouvernement italien a publié un nouveau bilan. Lundi, l'agence a fait état "
                "de 534 décès supplémentaires, dans toutes les régions.")
    q = [x for x in qs if "534 décès" in x.text]
    assert q and q[0].speaker is not None and "agence" in q[0].speaker
    assert "régions" not in q[0].text  # the object ends at the comma


def test_the_verb_without_its_fixed_words_reports_nothing(speech):
    # "mettre en place" is no warning; "mis en garde à vue" has no link
    qs = speech("La commune a mis en place un dispositif contre les inondations. Le conducteur "
                "a été mis en garde à vue à Nancy.")
    assert not qs


def test_a_call_reaches_its_infinitive_past_a_clitic_pronoun(speech):
    # quotes-fr 2003-02-23-0415: "à la relâcher": the clitic (tagged a
    # determiner of the infinitive) stood between the link and the infinitive
    qs = speech("Par ailleurs, au moment où sa mère entame sa deuxième année aux mains des "
                "rebelles, la fille d'Ingrid Betancourt a exhorté les FARC à la relâcher. La jeune "
                "fille doit rencontrer aujourd'hui à Paris le président Chirac.")
    q = [x for x in qs if x.text.endswith("à la relâcher")]
    assert q and q[0].speaker is not None and "fille" in q[0].speaker


def test_an_association_that_proposes_an_evening_says_nothing(speech):
    # quotes-fr-fresh, TimeBank 2002-05-11-0410: "proposer" with a noun object
    # offers a thing; with an infinitive it still proposes (HIPE dev_fr_32)
    qs = speech("Dans le cadre du festival de théâtre, l'AFRL propose une soirée théâtre le jeudi "
                "23 mai, à 20 h 30, à la salle polyvalente du village.")
    assert not [q for q in qs if "soirée" in q.text]
    qs = speech("Le député Paul Martin propose en outre de fixer à 40 % l'imposition maxima de "
                "l'impôt sur le revenu.")
    q = [x for x in qs if "fixer à 40 %" in x.text]
    assert q and q[0].speaker is not None and "Martin" in q[0].speaker


def test_an_admission_said_of_a_noun_is_reported(speech):
    # quotes-fr-fresh3 HIPE EXP-1918-06-08: "reconnaît" + noun object
    qs = speech("M. Ador, conseiller fédéral, reconnaît les services rendus par la presse, mais "
                "fait observer qu'elle n'est pas seule à être réduite.")
    q = [x for x in qs if x.text.startswith("les services rendus")]
    assert q and q[0].speaker is not None and "Ador" in q[0].speaker
    # a verdict is no admission: the one found guilty says nothing
    assert not [x for x in speech("Le tribunal l'a reconnu coupable de vol.")]
