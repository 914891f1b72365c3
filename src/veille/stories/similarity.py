"""Sentence vectors for a story: TF-IDF over character n-grams within word bounds.

Why not word vectors: only the French pipeline ships vectors (the English one has
none) and no multilingual sentence encoder is available here. Character n-grams
(3-5, inside word boundaries) absorb inflection ("déployer"/"déploiement",
"prêtes"/"prêts") in any language the story has, and are fitted on the story's
own sentences so rare shared words (place names, numbers) weigh most.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def similarity_matrix(texts: Sequence[str]) -> np.ndarray:
    """Cosine similarity between every pair of texts (1.0 on the diagonal)."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, 0))
    # scikit-learn is imported here, not at the top: it costs ~0.8 s of start-up
    # to every veille command, and only building a story view needs it.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    try:
        vec = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), lowercase=True, sublinear_tf=True,
            strip_accents="unicode", min_df=1,
        )
        x = vec.fit_transform(texts)
    except ValueError:  # every text empty or without characters
        return np.eye(n)
    sim = cosine_similarity(x)
    np.fill_diagonal(sim, 1.0)
    return np.asarray(sim)
