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
    # a country whose own subdivision carries its name (Panamá province PA-8,
    # México state MX-MEX): the press means the country (news-clusters Panama
    # Papers articles read it as "Panama City" before)
    ("Panama", "PA"), ("Mexico", "MX"), ("México", "MX"), ("Guatemala", "GT"),
])
def test_one_country_in_every_language(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize("name", [
    "England",  # a subdivision of GB, not the country
    "Georgia",  # the US state or the country
    "Tunis",    # Tunisia in some translations, and its capital's governorate
    "Luxembourg",  # the country, its canton, and a Belgian province
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


def test_a_country_and_its_capital_named_after_it_stay_two_places() -> None:
    # news-clusters 0046..: "Panama" (the country) and "Panama City" in one article
    text = "Panama is a small country. Panama City is its capital."
    ms = [Mention(text=t, label="LOC", start=text.index(t), end=text.index(t) + len(t),
                  sentence=0) for t in ("Panama City",)]
    ms.insert(0, Mention(text="Panama", label="LOC", start=0, end=6, sentence=0))
    (an,), records = link_entities([Analysis(article_uid="a", language="en", entities=ms)], [])
    country, capital = an.entities
    assert country.entity_id != capital.entity_id
    assert country.canonical == "Panama" and capital.canonical == "Panama City"
    assert city("Mexico City") is not None and country_code("Mexico City") is None
