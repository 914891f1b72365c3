"""Quantity forms found wrong on reading unseen news (#17, session 13 read check).

English sentences quoted short from news-clusters (../shared/data/news-clusters/
news_cluster.jsonl, row source and date given); the French ones are written here in
the same news style (the read check's French texts had no such case, and these forms
gave nothing at all).
"""

from __future__ import annotations

from typing import Any

from veille.analyze.quantities import extract_quantities


def got(nlp: Any, text: str, lang: str = "en") -> list[tuple[str, float | None, str | None,
                                                              float | None]]:
    return [(q.text, q.value, q.noun, q.of_total)
            for q in extract_quantities(text, [], lang, doc=nlp(text))]


def test_a_part_of_a_bounded_total(nlp_en: Any) -> None:
    # dailymail.co.uk 2016-10-14 (Boko Haram frees 21 Chibok girls): "21 of the more"
    # counted "more", and the total lost its bound
    text = ("Jihadist group Boko Haram has freed 21 of the more than 200 Chibok schoolgirls "
            "kidnapped more than two years ago.")
    assert got(nlp_en, text)[0] == ("21 of the more than 200 Chibok schoolgirls", 21.0,
                                    "schoolgirls", 200.0)


def test_a_part_of_a_bounded_total_fr(nlp_fr: Any) -> None:
    text = "Le groupe a libéré 21 des plus de 200 lycéennes enlevées en 2014."
    first = got(nlp_fr, text, "fr")[0]
    assert first[1] == 21.0 and first[3] == 200.0 and (first[2] or "").startswith("lycéennes")


def test_a_plain_partitive_unchanged(nlp_en: Any) -> None:
    assert got(nlp_en, "Four of the six missiles hit their targets.")[0][1:] == (
        4.0, "missiles", 6.0)


def test_a_substantive_the_tagger_calls_an_adjective(nlp_fr: Any) -> None:
    # "lycéennes" is tagged ADJ; with a participle after it the count was lost entirely
    assert ("200 lycéennes enlevées", 200.0, "lycéennes enlevées", None) in got(
        nlp_fr, "Il y a eu 200 lycéennes enlevées dans la nuit.", "fr")



def test_bounds_said_with_de_or_equal_first() -> None:
    # probed forms (written here): "au maximum de", "au minimum de" gave the bare number,
    # "égal ou plus grand que" the strict bound
    def bound(text: str) -> tuple[float | None, float | None, str | None]:
        q = extract_quantities(text, [], "fr", keep_bare=True)[0]
        return q.low, q.high, q.modifier
    assert bound("La jauge est fixée au maximum de 80 personnes.") == (None, 80.0, "at_most")
    assert bound("Le contrat prévoit au minimum de 10 livraisons.") == (10.0, None, "at_least")
    assert bound("Le score est égal ou plus grand que 20.") == (20.0, None, "at_least")
    assert bound("Le score est égal ou plus petit que 20.") == (None, 20.0, "at_most")


def test_counts_the_tagger_reads_as_verbs(nlp_en: Any) -> None:
    # washingtonpost.com 2017-12-25 (Steelers beat Texans): "14 carries" was lost (tagged
    # a verb, VBZ) and "three quarterback hits" counted "quarterback" (the compound's head
    # tagged a verb)
    found = got(nlp_en, "Bell finished with 14 carries for 69 yards and Smith-Schuster had "
                        "six receptions for 75 yards.")
    assert ("14 carries", 14.0, "carries", None) in found
    found = got(nlp_en, "Mike Hilton leading the way with three sacks and three quarterback "
                        "hits, Cameron Heyward adding two and forcing a fumble.")
    assert ("three quarterback hits", 3.0, "quarterback hits", None) in found


def test_a_number_subject_before_a_verb_counts_nothing(nlp_en: Any) -> None:
    assert all(q[2] != "appears" for q in got(nlp_en, "The number 3 appears twice."))


def test_the_subject_names_what_is_counted(nlp_fr: Any, nlp_en: Any) -> None:
    # SemEval-2022 task 8 French 1516248198fr_1555205863fr and 1595260108fr_1595666306fr
    # (read check scan): the number after the verb counted nothing and was dropped
    assert ("813", 813.0, "victimes", None) in got(
        nlp_fr, "Le nombre total de victimes dans le monde est passé à 813.", "fr")
    assert ("192", 192.0, "décès", None) in got(
        nlp_fr, "Le nombre de décès en 24 heures est de 192.", "fr")
    assert ("3,5 millions", 3500000.0, "chômeurs", None) in got(
        nlp_fr, "Le nombre de chômeurs a atteint 3,5 millions.", "fr")
    assert ("813", 813.0, "deaths", None) in got(nlp_en, "The number of deaths rose to 813.")


def test_a_number_named_by_number_is_no_count(nlp_en: Any) -> None:
    assert got(nlp_en, "The number 3 appears twice in the list.") == []
