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


def test_a_present_participle_of_speech_reports_its_que_clause(speech):
    # SemEval 1621617353fr: an absolute participle clause with its own subject
    qs = speech("Chauvin a été accusé de meurtre au troisième degré et d'homicide involontaire "
                "coupable dans la mort de Floyd, le procureur du comté de Hennepin, Mike Freeman, "
                "déclarant que des accusations contre trois autres officiers qui ont été "
                "licenciés pour la mort de Floyd sont également attendues.")
    said = [q for q in qs if q.text.startswith("des accusations")]
    assert said and said[0].speaker == "Mike Freeman"


def test_a_fronted_participle_ends_before_the_main_clause(speech):
    # SemEval 1595666306fr: the main clause after the participle is not its statement
    qs = speech("Déclarant qu'ils encouragent l'appel de l'Organisation mondiale de la santé à "
                "des actions concertées, les dirigeants ont déclaré le lancement d'une "
                "plate-forme de collaboration mondiale.")
    said = [q for q in qs if q.text.startswith("ils encouragent")]
    assert said and said[0].speaker == "les dirigeants"
    assert said[0].text.endswith("concertées")


def test_a_participle_after_an_incise_takes_the_incise_subject(speech):
    # SemEval 1493747957fr: "notant" hangs on the incise verb, whose subject follows it
    qs = speech("\"Le ministère a appelé l'ambassadeur d'Iran aujourd'hui pour exprimer notre "
                "vive protestation\", a déclaré le responsable, notant que Téhéran viole la "
                "Convention de Vienne sur les relations diplomatiques.")
    said = [q for q in qs if q.text.startswith("Téhéran")]
    assert said and said[0].speaker == "le responsable"


def test_a_participle_with_a_noun_object_reports_nothing(speech):
    # an act, not a statement: only a participle's que-clause is taken
    qs = speech("Le ministre de l'Intérieur a quitté la salle en signalant le danger.")
    assert not any("danger" in q.text for q in qs)


def test_a_noun_that_spoke_in_an_incise_is_the_next_pronouns_antecedent(speech):
    # SemEval 1609425656fr: "il" is the works council, not the photographer of the credit
    qs = speech("REUTERS/Kai Pfaffenbach VIENNE (Reuters) - Les pilotes d'Austrian Airlines "
                "(AUA) sont prêts à accepter une réduction allant jusqu'à 43 % de leurs salaires "
                "jusqu'en 2023 pour aider à réduire les coûts, a déclaré le comité d'entreprise "
                "de l'AUA. Avec les agents de bord, les 3 900 membres du personnel de bord de "
                "l'AUA offrent une contribution d'économies de plus de 200 millions d'euros au "
                "total, a-t-il déclaré.")
    said = [q for q in qs if q.text.startswith("Avec les agents")]
    assert said and said[0].speaker is not None and "comité" in said[0].speaker


def test_the_paper_a_quote_is_read_in_is_its_source(speech):
    # GDL 1868-10-16: the old press's "On lit dans X :" / "Nous lisons dans X :"
    qs = speech("Il tâchera que l'élection tombe sur un prince sympathique à l'Europe. — On lit "
                "dans l'Opinion nationale : « L'institut impérial des Jeunes Aveugles, à Paris, "
                "vient de lui commander une édition d'un atlas complet. »")
    said = [q for q in qs if q.text.startswith("L'institut")]
    assert said and said[0].speaker is not None and "Opinion" in said[0].speaker
    assert said[0].method == "read-in"


def test_a_paper_title_the_recogniser_splits_is_read_whole(speech):
    # GDL 1868-10-16: "Vienne" alone is a place; the paper is "la Presse de Vienne"
    qs = speech("Nous lisons dans la Presse de Vienne : « Au point où les choses en sont "
                "arrivées en Bohême, le partisan le plus déclaré du laisser faire conviendra ne "
                "point intervenir. »")
    said = [q for q in qs if q.text.startswith("Au point")]
    assert said and said[0].speaker is not None and "Presse" in said[0].speaker
