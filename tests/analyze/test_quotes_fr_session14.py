"""French attribution, session 14 (issue #16): sentences of the tuning golds'
articles (tests/data/quotes-fr-fresh, SemEval-2022 task 8 French training
articles; tests/data/quotes-fr-fresh3, HIPE-2022 French dev scanned press;
quoted for testing), each for one general mechanism of the parse."""

from __future__ import annotations


def _said(qs, start: str):
    return [q for q in qs if q.text.startswith(start)]


def test_a_compound_past_subject_the_parse_calls_passive_still_speaks(speech):
    # semeval 1493747957fr: the French parse labels "porte-parole" nsubj:pass
    # of "a … assuré" (no "être"): an active verb, its subject the speaker
    qs = speech("Le porte-parole de Boris Johnson a également assuré que Londres veut que "
                "Téhéran promette que cela ne se reproduira plus jamais.")
    q = _said(qs, "Londres veut")
    assert q and q[0].speaker is not None and "Boris Johnson" in q[0].speaker


def test_a_real_passive_thing_is_still_no_speaker(speech):
    # with "être" the passive stands: what was announced names nobody
    qs = speech("La décision a été annoncée que les écoles fermeront lundi.")
    assert all(q.speaker != "La décision" for q in qs)


def test_a_complementizer_whose_apostrophe_ocr_lost_opens_the_reported_clause(speech):
    # GDL 1868-10-16: "qu ^ en définitive", the apostrophe read as a caret
    qs = speech("M. Rouher est venu voir le ministre. Il aurait ajouté qu ^ en définitive il "
                "n'y aurait rien de mieux à faire qu'à laisser la Marseillaise toute liberté.")
    q = [x for x in qs if "rien de mieux" in x.text]
    assert q and q[0].speaker == "Rouher"


def test_the_word_qu_is_no_complementizer_where_the_parse_does_not_mark_it(speech):
    # "qu" alone that the parse does not call a subordinator opens nothing
    qs = speech("Le maire a déclaré la séance ouverte. Qu importe.")
    assert not [q for q in qs if q.text.startswith("importe")]


def test_a_clause_the_parse_makes_a_subject_is_no_speaker(speech):
    # semeval 1519392906fr: "vrai" (with its copula) is parsed a subject of
    # "déclaré"; the quote after the colon was given "Ce n'est pas vrai"
    qs = speech("Beaucoup de gens ont supposé que Donald Trump voulait une guerre. Ce n'est pas "
                "vrai, a déclaré M. Trump : \"nous avons agi pour arrêter une guerre\".")
    assert all(q.speaker is None or "vrai" not in q.speaker for q in qs)
    q = _said(qs, "nous avons agi")
    assert q and q[0].speaker is not None and "Trump" in q[0].speaker


def test_a_relative_the_parse_hangs_on_a_verb_lends_it_no_speaker(speech):
    # semeval 1610523097fr: "qui vient d'être fusionné" hangs on "recevoir",
    # and "citant …" shared that clause, so the speaker read "recevoir une
    # partie des papiers …" (found on reading the tuning errors)
    qs = speech("Dans le cadre de l'accord, Deutsche Telekom doit recevoir une partie des papiers "
                "de l'opérateur mobile américain T-Mobile US, qui vient d'être fusionné, comme l'a "
                "rapporté mardi l'agence de presse Bloomberg, citant des personnes proches des "
                "plans.")
    assert all(q.speaker is None or not q.speaker.startswith("recevoir") for q in qs)


def test_a_participle_the_parse_hangs_on_the_reported_clause_is_the_declarers(speech):
    # quotes-fr semeval 1646203025: "ajoutant" hangs on "propagée", and the
    # reported clause's subject "la pandémie" was given as its speaker
    qs = speech("Le Premier ministre Nguyen Xuan Phuc a présidé le sommet. Interrogé sur la "
                "coopération régionale, il a déclaré que la pandémie s'était propagée dans le "
                "monde, ajoutant que l'ASEAN avait pris des mesures drastiques.")
    assert all(q.speaker != "la pandémie" for q in qs)
    assert any(q.speaker is not None and "Phuc" in q.speaker for q in qs)
