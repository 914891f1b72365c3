"""The story vectors' cached n-gram analyzer must give exactly what
scikit-learn's own ``char_wb`` analyzer gives (same n-grams, same order, same
TF-IDF matrix): it is a speed-up, and every view built on it must stay the same."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from veille.stories import similarity as S

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

TRICKY = [
    "ΑΣ Σ ΣΑ ὈΔΥΣΣΕΎΣ",  # final sigma is decided inside a word
    "a\u00a8b  c\u0301 d\u00a0e\u2003f ﬁne İstanbul ½ x\u200by",  # spacing accent, NBSP, ligature
    "\tTab\nNew\r\nline  ", "", "   ", "ab", "Déployer les forces prêtes à l'île",
]


def _reference() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True,
                           sublinear_tf=True, strip_accents="unicode", min_df=1,
                           dtype=np.float32)


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts, "examples/*.txt missing"
    return texts


def test_same_ngrams_as_sklearn() -> None:
    ref = _reference().build_analyzer()
    S._WORD_NGRAMS.clear()
    for text in _texts() + TRICKY:
        for piece in [text, *text.split(". ")]:
            assert S.char_wb_ngrams(piece) == ref(piece)


def test_same_matrix_as_sklearn() -> None:
    sentences = [s for t in _texts() for s in t.split(". ") if s.strip()][:400] + TRICKY[:3]
    a = _reference().fit_transform(sentences)
    b = S._vectorizer().fit_transform(sentences)
    assert a.shape == b.shape
    assert (a != b).nnz == 0
    assert (_reference().fit(sentences).transform(TRICKY) != S._vectorizer().fit(sentences)
            .transform(TRICKY)).nnz == 0


def test_products_filter_agrees_with_exact_cosines() -> None:
    """``StoryVectors.products`` (one sparse product) is the filter before the
    exact ``sim`` in ``timeline.merge_same_wording``: on real sentences it must
    stay within ``timeline.ROUNDING`` of ``sim`` for every pair, and give 1.0
    for one text written twice (even one without any n-gram), as ``sim`` does."""
    from veille.stories.timeline import ROUNDING

    sentences = [s for t in _texts() for s in t.split(". ") if s.strip()][:300]
    texts = [*sentences, sentences[0], "", ""]
    v = S.StoryVectors(texts)
    idx = list(range(len(texts)))
    near = v.products(idx, idx)
    exact = np.array([[v.sim(i, j) for j in idx] for i in idx])
    assert near.shape == (len(texts), len(texts))
    assert np.abs(near - exact).max() < ROUNDING / 10
    assert near[0, len(sentences)] == 1.0 and near[-1, -2] == 1.0 and exact[-1, -2] == 1.0
    assert (exact > 0.3).sum() > len(texts)  # pairs near a bar, not only zeros
