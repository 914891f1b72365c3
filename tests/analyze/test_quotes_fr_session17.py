"""French speakers, session 17 (issue #16): sentences of the tuning golds'
articles (tests/data/quotes-fr, the older gold's tune part, L'Est Républicain
1999; tests/data/quotes-fr-fresh, SemEval-2022 task 8 French training
articles; quoted for testing), each for one general mechanism of the parse."""

from __future__ import annotations


def test_a_body_that_announces_is_no_role_of_the_last_person_quoted(speech, about):
    # quotes-fr 1999-05-29-0517: "le ministère" was taken as a role noun standing
    # for the ambassador quoted before (a definite noun, the same gender)
    qs = speech(
        "L'ambassadeur de Yougoslavie Borislav Milosevic a affirmé que son frère ne céderait "
        "pas aux pressions de l'OTAN. «Il peut tenir jusqu'au bout», a-t-il dit.\n"
        "En outre, «les avions de l'OTAN ont frappé fort les forces serbes au Kosovo», selon "
        "un communiqué de l'Alliance.\n"
        "Des parachutages d'aide humanitaire au Kosovo vont être effectués par des moyens "
        "civils, a annoncé le ministère français des Affaires étrangères.")
    q = about(qs, "parachutages")
    assert q and q[0].speaker is not None
    assert "Milosevic" not in q[0].speaker and "ministère" in q[0].speaker


def test_a_government_that_affirms_is_not_the_chancellor_quoted_before(speech, about):
    # quotes-fr-fresh semeval-1515219250fr: "Le gouvernement allemand affirme que"
    # went to the Austrian chancellor who had spoken a paragraph before
    qs = speech(
        "Le chancelier autrichien Sebastian Kurz a déclaré que l'Autriche n'était pas "
        "d'accord avec les nouvelles propositions allemandes de taxe. Les offres initiales "
        "d'actions seraient exclues de la taxe. Le gouvernement allemand affirme qu'une telle "
        "taxe s'appliquerait principalement aux institutionnels.")
    q = about(qs, "principalement aux institutionnels")
    assert q and q[0].speaker is not None
    assert "Kurz" not in q[0].speaker and "gouvernement" in q[0].speaker


def test_a_fronted_participle_takes_the_main_clause_subject(speech, about):
    # quotes-fr 1999-05-22-0101: the parse roots "Considérant" and hangs the
    # main clause on it, leaving the participle (the cue) with no subject
    qs = speech(
        "La présidente du tribunal, Claire Fermaut, a lu sa déposition. Considérant que les "
        "faits étaient constitués, le tribunal a condamné Bernard à 5.000 F d'amende.")
    q = about(qs, "les faits étaient constitués")
    assert q and q[0].speaker is not None and "tribunal" in q[0].speaker
    assert "Fermaut" not in q[0].speaker


def test_a_quote_inside_the_subject_phrase_is_not_said_by_the_object(speech):
    # quotes-fr 1999-09-03-0450a: the marks close before the subject's verb,
    # "l'Otan « qui considère … », a lancé des avions": no incise, and the
    # object after the verb ("des avions") is no inverted subject
    qs = speech(
        "Il effectue une simple mission d'entraînement, mais l'Otan «qui considère comme une "
        "provocation l'apparition de sous-marins russes à proximité de ses bâtiments», a lancé "
        "des avions, des navires spécialisés et des sous-marins à sa recherche.")
    assert not [q for q in qs if q.speaker and "avions" in q.speaker]


def test_an_incise_after_the_quote_still_inverts_its_subject(speech, about):
    # the incise's own inverted subject is untouched: "», a lancé le ministre"
    qs = speech("«Nous ne céderons pas», a lancé le ministre de l'Intérieur, hier à Paris.")
    q = about(qs, "Nous ne céderons pas")
    assert q and q[0].speaker is not None and "ministre" in q[0].speaker


def test_an_inverted_subject_before_an_adjunct_speaks_not_the_medium(speech, about):
    # quotes-fr-fresh semeval-1484662752fr: "sur Twitter" (a name after a
    # preposition) was taken for the incise's inverted subject
    qs = speech("La police de Berlin a encerclé des immeubles du centre-ville après qu'un "
                "individu ait tiré, a annoncé lundi la police sur Twitter.")
    q = about(qs, "a encerclé des immeubles")
    assert q and q[0].speaker is not None
    assert "Twitter" not in q[0].speaker and "police" in q[0].speaker


def test_a_subordinate_verb_takes_the_subject_after_its_marker(speech, about):
    # quotes-fr-fresh semeval-1595260108fr: the parse hangs the main clause's
    # subject ("Le nombre …") on the subordinate's verb beside its own
    qs = speech("Le nombre de nouveaux décès signalés quotidiennement par la protection civile "
                "est désormais le plus élevé depuis le 21 avril, lorsque l'agence a fait état de "
                "534 décès supplémentaires.")
    q = about(qs, "534 décès")
    assert q and q[0].speaker is not None and "agence" in q[0].speaker
    assert "nombre" not in q[0].speaker


def test_a_quote_governed_by_another_subject_is_not_carried(speech, about):
    # quotes-fr-fresh3 hipe-GDL-1948-02-10-a-i0122 (Gazette de Lausanne, 1948):
    # the deputy's question went to the minister quoted before it; the clause
    # that governs the quote names its own actor (no speaker rather than the
    # wrong one: "poser" is no speech verb of the pack)
    qs = speech(
        "Le ministre d'Etat Mac Neil a déclaré que le gouvernement britannique ne cessait pas "
        "de considérer que l'Espagne ne pouvait pas être admise aux débats sur le plan Marshall. "
        "Un député conservateur ayant posé la question suivante : « Si les Etats totalitaires ne "
        "peuvent participer au plan Marshall, pourquoi a-t-on adressé des invitations à la "
        "Yougoslavie, à la Roumanie et à la Bulgarie ? » Le ministre s'est abstenu d'y répondre.")
    q = about(qs, "Si les Etats totalitaires")
    assert q and not (q[0].speaker and "Neil" in q[0].speaker)
