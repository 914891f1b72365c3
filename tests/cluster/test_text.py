"""Term extraction on real sentences (the seed articles' language: French)."""

from __future__ import annotations

import pytest

from veille.cluster import text as T
from veille.cluster.features import build_features


def test_french_terms_are_stemmed_and_prefixed() -> None:
    c = T.terms("Les armes nucléaires seront déployées ; le déploiement des armes.", "fr")
    assert c["fr:arme"] == 2
    assert c["fr:déploi"] == 2  # déployées and déploiement share a stem
    assert all(k.startswith("fr:") for k in c)
    assert "fr:les" not in c and "fr:le" not in c  # stop words (spaCy's list)


def test_same_word_in_two_languages_never_matches() -> None:
    fr = T.terms("président", "fr")
    en = T.terms("president", "en")
    assert not set(fr) & set(en)


def test_capitalised_names_skip_sentence_starts_and_fold_accents() -> None:
    names = T.capitalised_names("Selon le Kremlin, Vladimir Poutine ira en Biélorussie. Mardi, rien.", "fr")
    assert {"n:kremlin", "n:vladimir", "n:poutine", "n:bielorussie"} <= set(names)
    assert "n:selon" not in names and "n:mardi" not in names


def test_numbers_keep_figures_and_separate_years() -> None:
    nums = T.numbers("En 2023, 50 000 à 60 000 hommes et 21 véhicules ; 3 jours.")
    assert nums["q:50000"] == 1 and nums["q:60000"] == 1 and nums["q:21"] == 1
    assert nums["y:2023"] == 1
    assert not any(k == "q:3" for k in nums)  # small counts carry no signal


def test_analysis_entities_add_canonical_ids() -> None:
    analysis = {
        "language": "fr",
        "entities": [
            {"text": "Poutine", "entity_id": "Q7747", "label": "PER"},
            {"text": "Vladimir Poutine", "entity_id": "Q7747", "label": "PER"},
        ],
        "times": [
            {
                "text": "les 7 et 8 juillet",
                "type": "DATE",
                "range_start": "2023-07-07",
                "range_end": "2023-07-08",
            }
        ],
        "quantities": [],
    }
    text = "Poutine a parlé. Selon Vladimir Poutine, rien ne change."
    f = build_features("u1", text, "Titre", "fr", "2023-06-01", "2023-06-30", analysis=analysis)
    # the canonical id (what matches "Putin" in English) and the written name
    assert "e:Q7747" in f.keys
    assert set(f.keys) - {"e:Q7747"} == set(build_features("u2", text, "Titre", "fr").keys)
    assert "d:2023-07-07" in f.nums
    assert (f.start.isoformat(), f.end.isoformat()) == ("2023-06-01", "2023-06-30")


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_stop_words_are_spacys_list(lang: str) -> None:
    """Loaded from spaCy's stop_words.py alone (no tokenizer build): same list."""
    import importlib

    from veille.cluster import text as T

    T.stop_words.cache_clear()
    mod = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    assert T.stop_words(lang) == frozenset(w.lower() for w in mod.STOP_WORDS)
    assert T.stop_words("../x") == frozenset()
