"""French attribution, session 13 (issue #16): sentences of the tuning golds'
articles (tests/data/quotes-fr-fresh, SemEval-2022 task 8 French training
articles; quoted under their licence for testing), each for one general
mechanism."""

from __future__ import annotations

from veille.analyze.quotes.marks import find_quote_spans


def _inner(text: str) -> list[str]:
    return [text[s:e] for _, s, e, _ in find_quote_spans(text)[0]]


def test_a_quote_that_opens_a_sentence_and_never_closes_runs_to_its_sentences_end():
    # semeval 1533246281fr: the text is cut before the closing mark
    text = ("« Alors je ne parle pas comme toi », a répondu Gantz mercredi. \"Pendant que vous "
            "preniez des cours de théâtre à New York, je défendais ce pays.")
    assert _inner(text)[-1] == ("Pendant que vous preniez des cours de théâtre à New York, "
                                "je défendais ce pays.")
    # it stops at the paragraph's end
    text = "Il a parlé mercredi. « Nous partons demain. Voilà.\n\nLe reste est narration."
    assert _inner(text) == ["Nous partons demain. Voilà."]


def test_a_guillemet_closed_by_a_straight_mark_is_one_quotation():
    # semeval 1621684693fr and 1628677737fr: translated copy mixes the families
    text = ("Il s'est rendu à Minneapolis vendredi soir. «Je veux juste donner une gifle aux "
            "flics. Ils le méritent\", a-t-il déclaré.")
    assert _inner(text) == ["Je veux juste donner une gifle aux flics. Ils le méritent"]
    text = ("\"Lorsque le pergélisol dégèle, vous perdez de la stabilité. Cela a un impact sur "
            "les infrastructures », a déclaré Grosse. « Tout cela accélère le réchauffement.")
    assert _inner(text) == [
        "Lorsque le pergélisol dégèle, vous perdez de la stabilité. Cela a un impact sur les "
        "infrastructures", "Tout cela accélère le réchauffement."]


def test_a_mark_of_the_other_family_inside_a_nested_quote_does_not_close_it():
    # the straight mark after "non" closes "non", not the guillemet
    text = "« Il a dit \"non\" et nous sommes partis. Rien de plus."
    assert _inner(text) == ['Il a dit "non" et nous sommes partis. Rien de plus.', "non"]


def test_an_unclosed_quote_is_attributed_by_its_incise(speech):
    qs = speech("Le militant Marcus Wilson s'est rendu dans les rues de Minneapolis vendredi "
                "soir. «Je veux juste donner une gifle aux policiers. Ils le méritent\", "
                "a déclaré Marcus Wilson.")
    q = [x for x in qs if x.text.startswith("Je veux")]
    assert q and q[0].speaker == "Marcus Wilson" and q[0].method == "incise"


# The speaker steps below come from the scanned old press of
# tests/data/quotes-fr-fresh3 (HIPE-2022 French dev, GDL 1888 and EXP 1918).

def test_ocr_ii_is_the_pronoun_il_not_a_person(speech):
    # GDL 1888-09-25: "Il" read "II", which the recogniser calls a person;
    # the relative "qui" hangs on the title before the name
    qs = speech("Je descends chez le pasteur évangélique Hamm, qui dépeint le désordre de la "
                "fuite. II désire la paix. II dit que les Allemands ne sont pas coupables.")
    said = [q for q in qs if q.text.startswith("les Allemands")]
    assert said and said[0].speaker == "Hamm"
    assert all(q.speaker != "II" for q in qs)


def test_an_inverted_pronoun_that_lost_its_hyphen_is_the_incises_subject(speech):
    qs = speech("Elle a parlé à Jean Dupont hier soir. Le lendemain de son départ, dit il, les "
                "deux propriétaires de la villa entrèrent dans l'appartement.")
    said = [q for q in qs if q.text.startswith("Le lendemain")]
    assert said and said[0].speaker == "Jean Dupont"


def test_a_paper_named_in_quote_marks_speaks(speech):
    # EXP 1918-06-08: the old press sets the titles of papers in quote marks
    qs = speech("Nouvelles attaques contre M. Ador. Les « Dernières Nouvelles de Munich » "
                "croient savoir que l'Académie française a décidé d'élire trois germanophobes.")
    said = [q for q in qs if q.text.startswith("l'Académie")]
    assert said and said[0].speaker == "Dernières Nouvelles de Munich"
    # a quoted sentence is words, not a name: it names no speaker
    qs = speech("« Nous partirons demain. » Le conseil affirme que la date est fixée.")
    assert all(q.speaker != "Nous partirons demain." for q in qs)


def test_an_indirect_question_is_what_was_asked(speech):
    # GDL 1868-10-16: "a demandé si …"
    qs = speech("M. Mercier s'est rendu le jour même auprès du maréchal Serrano et lui a demandé "
                "si les représentants des puissances pourraient compter d'être protégés.")
    said = [q for q in qs if q.text.startswith("les représentants")]
    assert said and said[0].speaker == "Mercier"
    # a conditional "si" after a verb that asks nothing is no question
    qs = speech("Le maire Jean Dupont a annoncé, si le temps le permet, une fête en juin.")
    assert not any(q.text.startswith("le temps") for q in qs)
    # HIPE dev_fr_1 (read check): "Il pourrait demander si …" asks nothing yet
    qs = speech("Il pourrait, par exemple, demander au Comité des épidémies si le bétail "
                "argentin est toujours atteint de cette fièvre aphteuse.")
    assert not any(q.text.startswith("le bétail") for q in qs)


def test_a_speech_verb_in_a_relative_after_euphonic_l_on_states_nothing(speech):
    # HIPE dev_fr_14 (read check): "que l'on prétendait signaler" is a relative
    qs = speech("Le ministre a dissipé la contradiction, du reste assez peu apparente, que l'on "
                "prétendait signaler. Il faut revenir sur ce point.")
    assert not any(q.text == "signaler" for q in qs)
