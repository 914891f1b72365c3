"""The packaged country gazetteer (pycountry + Babel CLDR) behind place linking."""

from __future__ import annotations

import pytest

from veille.analyze.gazetteer import city, country_code
from veille.analyze.linking import link_entities
from veille.core.model import Analysis, Mention


@pytest.mark.parametrize(("name", "code"), [
    ("United States", "US"), ("U.S.", "US"), ("USA", "US"), ("États-Unis", "US"),
    ("Etats - Unis", "US"), ("США", "US"), ("Suisse", "CH"), ("Schweiz", "CH"),
    ("Confédération suisse", "CH"), ("Biélorussie", "BY"), ("Belarus", "BY"),
    ("中国", "CN"), ("Corée du Nord", "KP"), ("Royaume-Uni", "GB"),
])
def test_one_country_in_every_language(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize("name", [
    "England",  # a subdivision of GB, not the country
    "Georgia",  # the US state or the country
    "Cade",     # a short Latin-script translation: too likely a word or a surname
    "Kim", "Paris", "", "   ",
])
def test_ambiguous_or_unknown_names_are_not_countries(name):
    assert country_code(name) is None



@pytest.mark.parametrize(("names", "english"), [
    (["Moscou", "Moscow", "Moskau", "Москва"], "Moscow"),
    (["Kiev", "Kyiv", "Kiew"], "Kyiv"),
    (["Genève", "Geneva", "Genf"], "Geneva"),
    (["Pékin", "Beijing"], "Beijing"),  # Pekin, Illinois keeps its own name only
    (["Londres", "London"], "London"),
    (["Varsovie", "Warschau", "Warsaw"], "Warsaw"),
])
def test_one_city_in_every_language(names, english):
    found = {city(n) for n in names}
    assert len(found) == 1 and next(iter(found))[1] == english


@pytest.mark.parametrize("name", [
    "Victoria",  # Hong Kong's other name, and cities in Canada, Texas, Seychelles
    "Suisse", "États-Unis",  # countries stay countries
    "MOW", "",  # an airport code, nothing
])
def test_ambiguous_or_country_names_are_not_cities(name):
    assert city(name) is None


def test_a_city_links_across_languages_and_its_name_stays_a_surname() -> None:
    def mention(text: str, label: str, start: int) -> Mention:
        return Mention(text=text, label=label, start=start, end=start + len(text), sentence=0)

    fr = Analysis(article_uid="fr", language="fr", entities=[mention("Moscou", "LOC", 0)])
    en = Analysis(article_uid="en", language="en", entities=[
        mention("Moscow", "LOC", 0), mention("MOSCOW", "ORG", 20)])
    book = Analysis(article_uid="b", language="en", entities=[
        mention("John dos Passos", "PER", 0), mention("Passos", "LOC", 40)])
    linked, _ = link_entities([fr, en, book], [])
    ids = {m.text: m.entity_id for an in linked for m in an.entities}
    assert ids["Moscou"] == ids["Moscow"] == ids["MOSCOW"]
    assert ids["Passos"] == ids["John dos Passos"]  # a person named in the article wins


def test_building_the_gazetteer_leaves_babel_locales_whole() -> None:
    """The gazetteer reads every locale's country names from Babel; Babel caches
    what it loads by locale, so an unmerged load once left German without its
    inherited number formats for the rest of the process ("20.000 Tonnen" then
    lost its unit in quantities)."""
    from babel.units import format_unit

    from veille.analyze import gazetteer

    gazetteer._tables.cache_clear()
    assert gazetteer.country_code("Deutschland") == "DE"
    assert format_unit(2, "mass-tonne", length="long", locale="de").split() == ["2", "Tonnen"]
