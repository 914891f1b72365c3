"""An institution whose name capitalises only its first word (#15, session 20).

French writes "le Conseil fédéral", "la Banque nationale", "le Conseil de
sécurité": the model tags them, and the rule that drops a capitalised common
noun followed by lower-case words ("Un missile balistique" opening a sentence)
dropped them too. Sentences of HIPE-2022 French dev, part a (the tuned half;
hipe2020, L'Express 1938-08-27 i0094 and Gazette de Lausanne 1908-04-08 i0023),
whose gold marks these names as organisations."""

from __future__ import annotations

import pytest

EXPRESS = ("le bénéfice fait par la Banque nationale à la suite de la dévaluation ne devrait "
           "pas être réparti entre la Confédération et les cantons. » Ce port, le Conseil "
           "fédéral l'avait présenté trois mois après et les conclusions en étaient catégoriques.")
GAZETTE = ("Au Conseil national, M. le président prononce une allocution pour féliciter "
           "M. Deucher du 25° anniversaire de son entrée au Conseil fédéral.")


@pytest.mark.parametrize(("text", "names"), [
    (EXPRESS, {"Banque nationale", "Conseil fédéral"}),
    # "Au" opening the sentence holds its capital: "Conseil" is the name's
    (GAZETTE, {"Conseil national", "Conseil fédéral"}),
])
def test_an_institution_after_an_article_is_an_organisation(analyze, text: str,
                                                             names: set[str]) -> None:
    found = {m.text: m.label for m in analyze(text, "fr").entities}
    assert {n: found.get(n) for n in names} == dict.fromkeys(names, "ORG")


def test_a_description_opening_a_sentence_is_still_no_name(analyze) -> None:
    # the capital is the sentence's: no article before it
    an = analyze("Un missile balistique a été tiré vers la mer du Japon.", "fr")
    assert not any(m.text.startswith("Un missile") for m in an.entities)
