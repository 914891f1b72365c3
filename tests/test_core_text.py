"""core.text keeps each folding variant exactly as the stage it came from had it.

Each variant is compared, on random text and on real accented news words, with
the implementation it replaced (copied here as the reference, since the
figures in docs/ were measured with those).
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.core import text as t

_SAMPLES = ["Biélorussie", "AOÛT", "l’Ukraine", "Jean-Yves Le Drian", "ﬁnance²", "Straße",
            "M. Loukachenko", "« Tout se déroule comme prévu »", "Zelenskyy/Zelenskiy", "ǅemal"]
_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(_SAMPLES)


def _ref_fold_nfkd(s: str) -> str:  # cluster/text.py and analyze/quotes.py before core.text
    d = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in d if not unicodedata.combining(c))


def _ref_fold_nfd(s: str) -> str:  # search/text.py before core.text
    d = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in d if not unicodedata.combining(c))


def _ref_terms(s: str) -> str:  # watch/alerts.py before core.text
    d = unicodedata.normalize("NFKD", s.casefold())
    bare = "".join(c for c in d if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", bare).strip()


def _ref_name(s: str) -> str:  # analyze/names.py before core.text
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[’'`\-‐–/.]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    return " ".join(s.split())


def _ref_char(ch: str) -> str:  # analyze/temporal.py before core.text
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    if len(base) != 1:
        base = low
    if base in "’‘`´":
        return "'"
    if base in "\u00a0\u202f\u2009":
        return " "
    if base in "–—‑":
        return "-"
    return base


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_core_text_variants_match_the_code_they_replaced(s: str) -> None:
    assert t.fold(s) == _ref_fold_nfkd(s)
    assert t.fold(s, compatibility=False) == _ref_fold_nfd(s) == t.fold_word(s)
    assert t.fold_terms(s) == _ref_terms(s)
    assert t.fold_name(s) == _ref_name(s)
    assert t.fold_words(s) == " ".join(re.findall(r"\w+", s.lower()))
    folded = t.fold_same_length(s)
    assert len(folded) == len(s)
    assert folded == "".join(_ref_char(c) for c in s)


def test_core_text_folds_real_spellings_together() -> None:
    assert t.fold("Biélorussie") == t.fold("Bielorussie") == "bielorussie"
    assert t.fold_name("Jean-Yves Le Drian") == "jean yves le drian"
    assert t.fold_terms("l’Ukraine") == "l ukraine"
    assert t.fold_same_length("AOÛT 2023 – l’été") == "aout 2023 - l'ete"
    assert t.fold("ﬁnance²") == "finance2" and t.fold("ﬁnance²", compatibility=False) == "ﬁnance²"
