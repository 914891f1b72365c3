"""French attribution, session 11 (issue #16): sentences of the tuning golds'
articles (tests/data/quotes-fr-fresh3, HIPE-2022 French dev; tests/data/quotes-fr-fresh,
SemEval-2022 task 8 French training articles; quoted under their licence for
testing), each for one general mechanism."""

from __future__ import annotations


def test_an_impersonal_incise_reports_the_clause_it_splits_with_no_speaker(speech):
    # GDL 1818-05-22 (OCR glued the next sentence on with a comma)
    qs = speech("Fouché va, dit-on, quitter Prague et se rendre à Lintz, M. Thibaudeau a "
                "établi une maison de commerce à Prague.")
    said = [q for q in qs if "quitter Prague" in q.text]
    assert said and said[0].speaker is None
    assert said[0].text.startswith("Fouché va")


def test_an_incise_with_a_named_subject_is_not_impersonal(speech):
    # the same shape with somebody named keeps its speaker (and no "on" rule)
    qs = speech("Fouché va, dit son secrétaire, quitter Prague et se rendre à Lintz.")
    assert not any(q.speaker is None and "quitter" in q.text for q in qs
                   if q.method == "indirect-incise")


def test_an_auxiliary_before_a_comma_is_still_no_incise(speech):
    # the guard the impersonal rule must not open: a verb with its own auxiliary
    # before the comma and a named subject is narration, not an incise
    qs = speech("Il a, en outre, jugé recevables les constitutions de partie civile.")
    assert not any(q.method == "indirect-incise" for q in qs)


def test_selon_after_a_dateline_dash_opens_the_sentence(speech):
    # SemEval 1630885514fr: the headline and dateline are glued to the lead
    qs = speech("Seulement une personne sur sept s'y oppose : la majorité serait vaccinée "
                "contre le virus corona Leipzig – Selon une enquête du Mitteldeutscher "
                "Rundfunk (MDR), 84 % des habitants de Saxe, Saxe-Anhalt et Thuringe seraient "
                "vaccinés contre le virus corona s'il y avait un vaccin.")
    said = [q for q in qs if q.text.startswith("84 %")]
    assert said and said[0].speaker is not None and "Rundfunk" in said[0].speaker


def test_a_trailing_selon_source_before_a_colon_still_attributes_the_clause(speech):
    # SemEval 1609970516fr: "…, selon X : « … »" gives X both statements
    qs = speech("Tout comme les cours eux-mêmes, tout s'est déroulé « en douceur », selon "
                "la rectrice Manuela Schätzler : « Les parents ont fait un excellent travail "
                "ici. » Les élèves étaient très heureux de pouvoir revenir en classe.")
    clause = [q for q in qs if q.text.startswith("Tout comme")]
    assert clause and clause[0].speaker == "Manuela Schätzler"
    assert "selon" not in clause[0].text
