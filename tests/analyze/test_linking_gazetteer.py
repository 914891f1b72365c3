"""The packaged country gazetteer (pycountry + Babel CLDR) behind place linking."""

from __future__ import annotations

import pytest

from veille.analyze.gazetteer import country_code


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

