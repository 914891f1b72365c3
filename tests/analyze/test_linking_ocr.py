"""Historical press: writings of one name that OCR and old typography give
(HIPE-2022 French newspapers show each of these; the examples are their kind,
not their words)."""

from __future__ import annotations

import pytest

from veille.analyze import names
from veille.analyze.linking import link_entities
from veille.core.model import Analysis, Mention


@pytest.mark.parametrize(("printed", "read"), [
    ("Ruffie", "Russie"), ("Confeil fédéral", "Conseil fédéral"), ("Préfident", "Président"),
])
def test_long_s_read_as_f_keys_like_the_s_word(printed, read):
    assert names.key(printed) == names.key(read)


@pytest.mark.parametrize("word", ["Fort", "Fans", "Frankfurt", "Jeff", "Farage", "Sarkozy"])
def test_real_words_and_names_with_f_are_left_alone(word):
    assert names.long_s(word.lower()) == word.lower()


@pytest.mark.parametrize("title", ["M.", "MM.", "M .", "Mme", "Dr"])
def test_a_lone_abbreviated_title_names_nobody(title):
    assert names.key(title) == ""


@pytest.mark.parametrize(("mention", "name"), [
    ("Ducrot, le commandant de Strasbourg", "Ducrot"),
    ("Edith Mathis, soprano", "Edith Mathis"),
    ("pauvre et vaillante Déjazet", "Déjazet"),
    ("voyageur lyonnais du dix-septième siècle, M. de Monconis", "M. de Monconis"),
    ("Jean de La Fontaine", "Jean de La Fontaine"),
])
def test_person_name_without_apposition(mention, name):
    assert names.person_name(mention) == name


def _an(uid: str, *ms: tuple[str, str]) -> Analysis:
    out, pos = [], 0
    for text, label in ms:
        out.append(Mention(text=text, label=label, start=pos, end=pos + len(text), sentence=0))
        pos += len(text) + 1
    return Analysis(article_uid=uid, language="fr", entities=out)


def test_apposition_does_not_join_the_place_it_names():
    (a,), _ = link_entities([_an("a", ("Ducrot, le commandant de Strasbourg", "PER"),
                                     ("Strasbourg", "LOC"))], [])
    per, loc = a.entities
    assert per.entity_id != loc.entity_id
    assert loc.entity_id is not None and loc.entity_id.startswith("loc:")


def test_title_alone_gets_no_entity_and_merges_nobody():
    (a, b), _ = link_entities([_an("a", ("M. Gambetta", "PER"), ("M.", "PER")),
                               _an("b", ("M. Baroche", "PER"), ("M.", "PER"))], [])
    assert a.entities[1].entity_id is None and b.entities[1].entity_id is None
    assert a.entities[0].entity_id != b.entities[0].entity_id


@pytest.mark.parametrize(("mention", "label", "context", "names_"), [
    # the name before the glue is written alone elsewhere, the tail a common word
    ("Allemagneà la France", "LOC", "L'Allemagne.", ["Allemagne", "France"]),
    ("Sorbonnepouvait", "LOC", "la Sorbonne.", ["Sorbonne"]),
    ("Angersla", "LOC", "à Angers", ["Angers"]),
    ("Francesans", "LOC", "", ["France"]),  # a country of the gazetteer
    ("Banque de France.prés", "ORG", "", ["Banque de France"]),
    ("Paul Deschanel rece¬vra M. Wilson", "PER", "", ["Paul Deschanel", "M. Wilson"]),
    ("BECK Heinrich Sutermeister", "PER", "", ["BECK", "Heinrich Sutermeister"]),
    ("Kellogg PARIS", "MISC", "", ["Kellogg", "PARIS"]),
])
def test_glue_of_a_scan_is_taken_out_of_names(mention, label, context, names_):
    from veille.analyze.entities import _ocr_pieces
    pieces = _ocr_pieces(mention, label, "fr", context + " " + mention, set())
    assert pieces is not None
    assert [mention[a:b] for a, b in pieces] == names_


@pytest.mark.parametrize(("mention", "label"), [
    ("John dos Passos", "PER"), ("Jean DUPONT", "PER"), ("John dos PASSOS", "PER"),
    ("Neuveville", "LOC"), ("Sutermeister", "PER"), ("Orchestre municipal de Lucerne", "ORG"),
    ("Jean de La Fontaine", "PER"), ("BBC News", "ORG"), ("Suisse romande", "LOC"),
    ("Sidot", "PER"), ("Chuman", "ORG"), ("Dudayeva", "PER"),  # no evidence of glue
])
def test_names_without_glue_are_kept_whole(mention, label):
    from veille.analyze.entities import _ocr_pieces
    assert _ocr_pieces(mention, label, "fr", mention, set()) is None


def test_a_nationality_is_no_glue():
    # CoNLL-2003 val: "Zairean" beside "Zaire", "an" an English word
    from veille.analyze.entities import _ocr_pieces
    assert _ocr_pieces("Zairean", "MISC", "en", "Zaire beat Zairean rivals", set()) is None


def test_a_name_ending_like_a_one_letter_word_is_no_glue():
    # CoNLL-2003 val: the wife of Dzhokhar Dudayev, in the same article as him
    from veille.analyze.entities import _ocr_pieces
    assert _ocr_pieces("Aiza Dudayeva", "PER", "en", "Dzhokhar Dudayev said", set()) is None


def test_the_first_word_of_a_country_name_joins_the_country_the_article_names():
    (a, b), _ = link_entities([_an("a", ("Suisse", "LOC"), ("Confédération", "LOC")),
                               _an("b", ("Confédération", "LOC"), ("Canada", "LOC"))], [])
    assert a.entities[0].entity_id == a.entities[1].entity_id
    assert b.entities[0].entity_id != a.entities[0].entity_id  # no Switzerland named in b
    (c,), _ = link_entities([_an("c", ("France", "LOC"), ("République", "LOC"))], [])
    assert c.entities[0].entity_id != c.entities[1].entity_id  # opens a hundred names


def test_a_country_opening_is_never_the_entity_name_nor_a_key_elsewhere():
    (a,), recs = link_entities([_an("a", ("Confédération", "LOC"), ("Suisse", "LOC"))], [])
    assert a.entities[0].entity_id == a.entities[1].entity_id == "loc:suisse"
    assert recs[0].canonical == "Suisse"


@pytest.mark.parametrize(("mention", "bare"), [
    ("canton de Vaud", "Vaud"), ("le canton du Valais", "Valais"), ("mer Baltique", "Baltique"),
    ("lac Léman", "Léman"), ("rue de Rivoli", None), ("place Vendôme", None),
    ("Canton de Vaud", None),  # capitalised: the noun is part of a name
])
def test_region_and_feature_nouns_introduce_a_place(mention, bare):
    assert names.place_of(mention) == bare


def test_a_region_named_like_a_city_stays_apart_from_the_city():
    from veille.analyze.linking import mention_key
    assert mention_key("canton de Vaud", "LOC") == mention_key("VAUD", "LOC")
    assert mention_key("canton de Fribourg", "LOC") != mention_key("Fribourg", "LOC")


def test_letters_a_scan_confuses_join_within_an_article_only():
    (a, b), _ = link_entities([_an("a", ("Reinhold Laquai", "PER"), ("Remhold Laquai", "PER")),
                               _an("b", ("Remhold Laquai", "PER"))], [])
    assert a.entities[0].entity_id == a.entities[1].entity_id
    # Michael is no misread Michelle
    (c,), _ = link_entities([_an("c", ("Michael Obama", "PER"), ("Michelle Obama", "PER"))], [])
    assert c.entities[0].entity_id != c.entities[1].entity_id


@pytest.mark.parametrize(("written", "name"), [
    ("New¬York", "New-York"), ("Saint¬ Nazaire", "Saint-Nazaire"), ("Allema¬gne", "Allemagne"),
    ("Constan¬ tinople", "Constantinople"), ("Berne", "Berne"),
])
def test_a_line_break_mark_is_a_hyphen_before_a_capital_else_a_cut_word(written, name):
    assert names.unbreak(written) == name


def test_a_name_glued_and_misread_at_once_joins_its_plain_writing():
    # a scan that dropped the space of "de Lhuys" also read h as b
    an = _an("d", ("M. Drouyn de Lhuys", "PER"), ("M. Drouyn deLbuys", "PER"),
             ("M. Drouyn de Lhuys", "PER"))
    (an,), _ = link_entities([an], [])
    assert len({m.entity_id for m in an.entities}) == 1
    # the misread glued writing of a person is no place
    an = _an("e", ("Drouyn de Lhuys", "PER"), ("Drouyn deLbuys", "LOC"))
    (an,), _ = link_entities([an], [])
    assert len({m.entity_id for m in an.entities}) == 2


# Gazette de Lausanne, 30 September 1808 (HIPE-2022 dev, GDL-1808-09-30-a-i0002):
# "eft" is "est" printed with a long s; it is an English word, not a French one
LONG_S_VERB = ("Nous ordonnons de défendre l'importation de toutes marchandifes étrangères "
               "venant des pays avec lefquels la Ruffie eft en guerre. Le lieutenant-général "
               "prince Galizyn eft arrivé en Finlande avec un renfort de troupes.")


def test_a_long_s_verb_the_model_ran_into_a_name_is_cut_off(analyze):
    texts = [m.text for m in analyze(LONG_S_VERB, "fr").entities]
    assert not any(t.endswith(" eft") for t in texts), texts
    assert "Galizyn" in texts, texts


def test_a_name_in_capitals_glued_to_a_word_joins_whatever_its_label():
    # the model calls the glued writing MISC ("PASSOSadmirable"), the name PER
    # (with "Pas¬sos", cut by a line break, among its writings)
    (a,), _ = link_entities([_an("a", ("John dos Passos", "PER"), ("Passos", "PER"),
                                 ("Pas¬sos", "PER"), ("PASSOSadmirable", "MISC"))], [])
    assert len({m.entity_id for m in a.entities}) == 1
    # a nationality, a derived word, is no glue ("Zairean" beside "Zaire")
    (b,), _ = link_entities([_an("b", ("Zaire", "LOC"), ("Zairean", "MISC"))], [])
    assert b.entities[0].entity_id != b.entities[1].entity_id
