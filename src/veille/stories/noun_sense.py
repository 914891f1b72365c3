"""Whether two counted nouns name the same people or things ("troops" / "soldiers").

Disagreements compare counts of one noun; outlets often count the same thing
with another word, and a list of synonyms would only cover the words someone
thought of. The packaged spaCy pipelines ship word vectors (en_core_web_md,
fr_core_news_md): two nouns whose vectors are close enough are taken to count
the same thing. Vectors measure relatedness, not synonymy (co-hyponyms such as
"boys"/"girls" are close too), so callers ask for more than the vectors: see
``facts.find_disagreements`` (same fact, same predicate around both counts, a
statement counting both nouns keeps them apart).

Only the vector table is read (``vocab/vectors`` and ``vocab/key2row`` of the
model directory, not the pipeline): ~0.25 s of CPU once per process, and only when a story has two
counts with different nouns to compare. A language whose pipeline has no vectors
(or none installed) compares nouns as strings, as before.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from veille.core.settings import spacy_model

#: cosine of the surface forms at or above which two nouns count the same thing
#: (en_core_web_md: troops/soldiers 0.59, workers/employees 0.65,
#: girls/schoolgirls 0.69; below: soldiers/civilians 0.47, migrants/refugees
#: 0.46, people/victims 0.30, men/women 0.11)
SAME_NOUN = 0.55


def _model_dir(language: str) -> Path | None:
    """The directory of the configured pipeline holding ``vocab/vectors``."""
    try:
        name = spacy_model(language)
    except KeyError:
        return None
    root = Path(name)
    if not root.is_dir():
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            return None
        root = Path(next(iter(spec.submodule_search_locations)))
    for cand in [root, *sorted(p for p in root.iterdir() if p.is_dir())]:
        if (cand / "vocab" / "vectors").is_file():
            return cand
    return None


@dataclass(frozen=True)
class _Rows:
    """A table in spaCy's default mode, read as its files are: word hash ->
    row (``key2row``, MessagePack) and the rows (``vectors``, NumPy,
    memory-mapped). The lookup is ``Vectors.__getitem__``'s; reading the
    files directly skips ``Vectors.from_disk``'s pass over the 685k keys
    (en_core_web_md: 1.08 -> 0.23 s CPU, the same vectors)."""

    key2row: dict[int, int]
    data: np.ndarray

    def __contains__(self, key: int) -> bool:
        return key in self.key2row

    def __getitem__(self, key: int) -> np.ndarray:
        return np.asarray(self.data[self.key2row[key]])


@cache
def _table(language: str) -> Any:
    """The word vectors of the language's pipeline (``_Rows``, or spaCy's
    ``Vectors`` for a table in another mode), or None."""
    path = _model_dir(language)
    if path is None:
        return None
    vocab = path / "vocab"
    import srsly  # imported here: ~0.2-0.5 s, and most views never compare two nouns

    try:
        cfg = srsly.read_json(vocab / "vectors.cfg") if (vocab / "vectors.cfg").is_file() else {}
        if cfg.get("mode", "default") == "default" and (vocab / "key2row").is_file():
            rows = _Rows(dict(srsly.read_msgpack(vocab / "key2row")),
                         np.load(vocab / "vectors", mmap_mode="r", allow_pickle=False))
            return rows if rows.data.shape[0] else None
        from spacy.vectors import Vectors  # imported here: most views never compare two nouns

        vec = Vectors().from_disk(vocab)
    except (OSError, ValueError):
        return None
    return vec if vec.shape[0] else None


def _vector(table: Any, word: str) -> np.ndarray | None:
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # a Cython function

    key = hash_string(word)
    if key not in table:
        return None
    return np.asarray(table[key], dtype=np.float32)


@cache
def noun_similarity(a: str, b: str, language: str | None) -> float | None:
    """Cosine of the word vectors of ``a`` and ``b`` (lower-cased), or None when
    the language has no vectors or a word has none."""
    if not language:
        return None
    table = _table(language)
    if table is None:
        return None
    va, vb = _vector(table, a.lower()), _vector(table, b.lower())
    if va is None or vb is None:
        return None
    na, nb = float(np.linalg.norm(va)), float(np.linalg.norm(vb))
    if not na or not nb:
        return None
    return float(va @ vb) / (na * nb)


def same_noun(a: str, b: str, language: str | None) -> bool:
    """Two counted nouns taken to count the same thing (see SAME_NOUN)."""
    if a.lower() == b.lower():
        return True
    s = noun_similarity(a, b, language)
    return s is not None and s >= SAME_NOUN
