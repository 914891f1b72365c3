"""Sentence vectors for a story: TF-IDF over character n-grams within word bounds.

Why not word vectors: only the French pipeline ships vectors (the English one has
none) and no multilingual sentence encoder is available here. Character n-grams
(3-5, inside word boundaries) absorb inflection ("déployer"/"déploiement",
"prêtes"/"prêts") in any language the story has, and are fitted on the story's
own sentences so rare shared words (place names, numbers) weigh most.

Why sparse: a story of 1,000 articles has ~30,000 statements; the dense
similarity matrix of the first builders took 7 GB and was quadratic in time.
:class:`StoryVectors` keeps one L2-normalised sparse row per *distinct* text
(a wire copy run by 50 outlets is one row with multiplicity 50) and finds the
pairs worth scoring by blocking: only texts sharing a reasonably rare n-gram
are compared, each keeps its :data:`MAX_NEIGHBOURS` nearest, so the work grows
with the number of statements times a bounded fan-out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

MAX_NEIGHBOURS = 12  # candidates per text scored exactly (most shared rare n-grams first)
MIN_PARTIAL = 0.04  # the rare n-grams' share of the cosine a candidate needs
EXACT_CHUNK = 40_000  # pairs scored at once
# An n-gram carried by more texts than this does not block candidates (" the",
# "ion "): its pairs are those of every sentence, and texts close enough to
# matter share rarer ones (names, numbers, content words).
BLOCK_MAX_DF = 150
BLOCK_ROWS = 1024  # rows of the candidate product computed at once (bounded memory)


NGRAM_MIN, NGRAM_MAX = 3, 5
# Words whose n-grams are kept between texts and stories (a word of a story's
# sentences recurs in many of them, function words in every story); cleared
# when full, so memory stays bounded in a long-running process.
WORD_CACHE_MAX = 200_000
_WORD_NGRAMS: dict[str, list[str]] = {}


def _word_ngrams(token: str) -> list[str]:
    """scikit-learn's ``char_wb`` n-grams (lowercased, accents stripped the
    ``strip_accents="unicode"`` way) of one whitespace-free token, computed
    once per distinct token.

    Why not the vectorizer's own ``analyzer="char_wb"``: it re-derives every
    n-gram of every word of every sentence in Python, a third of a story
    view's vector cost, though most words recur. Cutting the text at
    whitespace first gives the same n-grams in the same order: lowercasing
    and the NFKD accent stripping never merge characters across whitespace
    (whitespace is neither cased nor combining), and what they turn into
    whitespace (a spacing accent) is cut again here."""
    hit = _WORD_NGRAMS.get(token)
    if hit is not None:
        return hit
    from sklearn.feature_extraction.text import strip_accents_unicode

    out: list[str] = []
    for w in strip_accents_unicode(token.lower()).split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(NGRAM_MIN, NGRAM_MAX + 1):  # as sklearn's _char_wb_ngrams
            offset = 0
            out.append(w[offset:offset + n])
            while offset + n < w_len:
                offset += 1
                out.append(w[offset:offset + n])
            if offset == 0:  # a short word counts once
                break
    if len(_WORD_NGRAMS) >= WORD_CACHE_MAX:
        _WORD_NGRAMS.clear()
    _WORD_NGRAMS[token] = out
    return out


def char_wb_ngrams(text: str) -> list[str]:
    """The n-grams ``TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5),
    lowercase=True, strip_accents="unicode")`` makes of ``text``, identical
    and in the same order (tested), through the per-word cache."""
    out: list[str] = []
    for token in text.split():
        out.extend(_word_ngrams(token))
    return out


def _vectorizer() -> Any:
    # scikit-learn is imported here, not at the top: it costs ~0.8 s of start-up
    # to every veille command, and only building a story view needs it.
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer=char_wb_ngrams, lowercase=False, sublinear_tf=True, min_df=1,
        dtype=np.float32,
    )


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


class StoryVectors:
    """Sparse TF-IDF rows of a story's texts, shared by identical texts."""

    def __init__(self, texts: Sequence[str]) -> None:
        import scipy.sparse as sp

        self.n = len(texts)
        index: dict[str, int] = {}
        self.row = np.zeros(self.n, dtype=np.int64)  # text -> distinct row
        distinct: list[str] = []
        for i, t in enumerate(texts):
            k = _norm(t)
            r = index.get(k)
            if r is None:
                r = index[k] = len(distinct)
                distinct.append(t)
            self.row[i] = r
        self.distinct = distinct
        self.mult = np.bincount(self.row, minlength=len(distinct)).astype(np.float64)
        self.first = np.full(len(distinct), -1, dtype=np.int64)  # a text of each row
        for i in range(self.n - 1, -1, -1):
            self.first[self.row[i]] = i
        self.vectorizer: Any = None
        x = None
        if distinct:
            try:
                vec = _vectorizer()
                x = vec.fit_transform(distinct)
                self.vectorizer = vec
            except ValueError:  # every text empty or without characters
                x = None
        if x is None:
            x = sp.csr_matrix((len(distinct), 1), dtype=np.float32)
        self.x = sp.csr_matrix(x)
        self.x.sort_indices()

    def transform(self, texts: Sequence[str]) -> Any:
        """Sparse normalised rows of other texts in this story's n-gram space."""
        import scipy.sparse as sp

        if self.vectorizer is None:
            return sp.csr_matrix((len(texts), self.x.shape[1]), dtype=np.float32)
        return self.vectorizer.transform(list(texts))

    # --- pairwise values ---------------------------------------------------

    def sim(self, i: int, j: int) -> float:
        """Cosine of texts ``i`` and ``j`` (1.0 for one text, or for identical texts)."""
        ri, rj = self.row[i], self.row[j]
        if ri == rj:
            return 1.0
        # the two rows' shared columns read from the CSR arrays: the same
        # products in the same (column) order, summed as scipy sums a row, at
        # a fraction of the cost of slicing two sparse rows per pair
        x = self.x
        a, b = slice(x.indptr[ri], x.indptr[ri + 1]), slice(x.indptr[rj], x.indptr[rj + 1])
        _, pa, pb = np.intersect1d(x.indices[a], x.indices[b], assume_unique=True,
                                   return_indices=True)
        return float((x.data[a][pa] * x.data[b][pb]).sum(dtype=x.dtype))

    def sims(self, i: int, js: Sequence[int]) -> np.ndarray:
        """Cosines of text ``i`` with each of ``js``."""
        if not len(js):
            return np.zeros(0)
        rows = self.row[np.asarray(js, dtype=np.int64)]
        out = np.asarray(self.x[rows] @ self.x[self.row[i]].T.toarray()).ravel().astype(float)
        out[rows == self.row[i]] = 1.0
        return out

    def products(self, rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
        """Cosines of each text of ``rows`` with each of ``cols`` (dense, float32)
        by one sparse product: the same products as :meth:`sim` summed in
        another order, so they can differ from it in the last bits. A filter
        (far below a bar), not a value to compare with a bar."""
        ra = self.row[np.asarray(rows, dtype=np.int64)]
        rb = self.row[np.asarray(cols, dtype=np.int64)]
        out = np.asarray((self.x[ra] @ self.x[rb].T).toarray(), dtype=np.float32)
        out[ra[:, None] == rb[None, :]] = 1.0  # as sim: one text (even an empty one)
        return out

    def block(self, idx: Sequence[int]) -> np.ndarray:
        """Dense cosine matrix of the texts ``idx`` (for a bounded group only)."""
        rows = self.row[np.asarray(idx, dtype=np.int64)]
        sub = self.x[rows]
        m = np.asarray((sub @ sub.T).toarray(), dtype=float)
        np.fill_diagonal(m, 1.0)
        return m

    def mean_sim(self, i: int, group: Sequence[int]) -> float:
        """Mean cosine of text ``i`` with the texts of ``group`` (through their centroid)."""
        return float(self.sims(i, group).mean()) if len(group) else 0.0

    def centroid_sims(self, queries: Any, group: Sequence[int]) -> np.ndarray:
        """Mean cosine of each query row (sparse, normalised) with the texts of
        ``group``: one product with their (sparse) centroid, linear in both."""
        import scipy.sparse as sp

        if not len(group):
            return np.zeros(queries.shape[0])
        rows = self.row[np.asarray(group, dtype=np.int64)]
        uniq, counts = np.unique(rows, return_counts=True)
        weights = sp.csr_matrix((counts.astype(np.float32) / len(group),
                                 (np.zeros(len(uniq), dtype=np.int64), np.arange(len(uniq)))),
                                shape=(1, len(uniq)))
        centroid = weights @ self.x[uniq]
        return np.asarray((queries @ centroid.T).toarray()).ravel().astype(float)

    def group_means(self, groups: Sequence[Sequence[int]]) -> list[np.ndarray]:
        """For each group, the mean cosine of each member with the group's texts
        (itself included), all groups in two sparse products: linear in the story."""
        import scipy.sparse as sp

        if not groups:
            return []
        g_idx = np.concatenate([np.full(len(g), k, dtype=np.int64) for k, g in enumerate(groups)])
        members = np.concatenate([np.asarray(g, dtype=np.int64) for g in groups])
        sizes = np.array([len(g) for g in groups], dtype=np.float32)
        rows = self.row[members]
        weights = sp.csr_matrix(((1.0 / sizes[g_idx]).astype(np.float32), (g_idx, rows)),
                                shape=(len(groups), self.x.shape[0]))
        centroids = (weights @ self.x).tocsr()
        means = np.asarray(self.x[rows].multiply(centroids[g_idx]).sum(axis=1)).ravel()
        out, at = [], 0
        for g in groups:
            out.append(means[at:at + len(g)].astype(float))
            at += len(g)
        return out

    # --- neighbours ---------------------------------------------------------

    def neighbours(self, threshold: float) -> list[tuple[int, int, float]]:
        """Pairs of distinct rows (r < s) with cosine >= ``threshold``.

        Blocking: a row's candidates are the rows sharing n-grams carried by at
        most BLOCK_MAX_DF texts, ranked by the part of the cosine those n-grams
        make (a lower bound of it); its MAX_NEIGHBOURS best are scored exactly.
        A pair of texts sharing only common n-grams ("the", "ment") is not found:
        its cosine is made of function words. Products are computed BLOCK_ROWS
        rows at a time, so memory stays bounded.
        """
        n = self.x.shape[0]
        if n < 2:
            return []
        df = np.bincount(self.x.indices, minlength=self.x.shape[1])
        keep = np.flatnonzero((df >= 2) & (df <= BLOCK_MAX_DF))
        if not len(keep):
            return []
        xb = self.x[:, keep].tocsr()
        xbt = xb.T.tocsr()
        keys: list[np.ndarray] = []
        for lo in range(0, n, BLOCK_ROWS):
            hi = min(n, lo + BLOCK_ROWS)
            cand = (xb[lo:hi] @ xbt).tocoo()
            r = cand.row.astype(np.int64) + lo
            c = cand.col.astype(np.int64)
            v = cand.data
            ok = (c != r) & (v >= MIN_PARTIAL)
            r, c, v = r[ok], c[ok], v[ok]
            order = np.lexsort((-v, r))
            r, c = r[order], c[order]
            starts = np.searchsorted(r, r, side="left")
            rank = np.arange(len(r)) - starts
            top = rank < MAX_NEIGHBOURS
            r, c = r[top], c[top]
            keys.append(np.minimum(r, c) * n + np.maximum(r, c))
        if not keys:
            return []
        pairs = np.unique(np.concatenate(keys))
        out: list[tuple[int, int, float]] = []
        for lo in range(0, len(pairs), EXACT_CHUNK):
            chunk = pairs[lo:lo + EXACT_CHUNK]
            a, b = chunk // n, chunk % n
            exact = np.asarray(self.x[a].multiply(self.x[b]).sum(axis=1)).ravel()
            ok = exact >= threshold
            out.extend(zip(a[ok].tolist(), b[ok].tolist(), exact[ok].astype(float).tolist(),
                           strict=True))
        return out


def similarity_matrix(texts: Sequence[str]) -> np.ndarray:
    """Dense cosine similarity between every pair of a *small* list of texts
    (1.0 on the diagonal): for tests and evaluations, not for whole stories."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, 0))
    return StoryVectors(texts).block(list(range(n)))
