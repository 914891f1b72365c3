"""Near-duplicate keys: MinHash signatures (datasketch) and LSH band keys.

datasketch's MinHashLSH keeps its index in memory (or Redis/Cassandra); we
need it in the store so it survives restarts, is shared by concurrent
ingests and stays flat in memory as the corpus grows. So we use datasketch for
the signatures and its optimal (bands, rows) choice, and keep the band keys in
a table: a lookup is one indexed query.

Shingles are runs of ``SHINGLE_WORDS`` words (case-folded). Their 32-bit hashes are not a
hash of each shingle's bytes (SHA-1 per shingle was the costliest step of
ingest): each distinct word is hashed once per process (BLAKE2b, 64 bits,
cached), and a shingle's hash is a fixed odd-multiplier combination of its
words' hashes, computed for all shingles at once with numpy. datasketch then
applies its permutations (``affine32``: MurmurHash3 pre-mix, ``a*h+b``) and
keeps the minima. Stored signatures depend on this: ``SIGNATURE_VERSION``
names it, and migration 0006 recomputes the signatures and bands of stores
made with the SHA-1 version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from veille.search.text import index_words

NUM_PERM = 128
SHINGLE_WORDS = 5
# Estimated Jaccard of word 5-shingles above which two articles are the same
# report (a wire copy with a changed sentence or a different header scores
# 0.7-0.95; two outlets' own reports of one event score < 0.3 on news-clusters).
NEAR_DUP_THRESHOLD = 0.7
#: 1: SHA-1 of each shingle's bytes; 2: combined cached word hashes (this one).
SIGNATURE_VERSION = 2

_SEED = 1
SCHEME = "affine32"
_EMPTY = (1 << 32) - 1  # an empty MinHash's value in every slot (affine32)
# One odd 64-bit multiplier per position in a shingle (fixed: stored
# signatures depend on them). Position matters: "a b" and "b a" differ.
_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                  0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD], dtype=np.uint64)[:SHINGLE_WORDS]
_SHIFT32 = np.uint64(32)
_word_hashes: dict[str, int] = {}
_MAX_CACHED_WORDS = 1_000_000  # ~100 MB at worst; news vocabularies stay far below


@dataclass(frozen=True)
class Params:
    """What the signatures need from datasketch: its ``affine32`` permutations
    (``a``, ``b``, uint32) and its optimal LSH (bands, rows).

    Importing datasketch imports scipy.integrate (``datasketch.lsh``): ~0.4 s
    of CPU in every fresh worker process, for 2 x 128 integers and two small
    ones. So the process that imports datasketch anyway (the ingest writer)
    computes them once and ships them with each batch (~1 KB);
    :func:`use_params` installs them in a worker, which then never imports
    datasketch. A process given none computes them itself."""

    a: np.ndarray
    b: np.ndarray
    bands: int
    rows: int


_installed: Params | None = None


@lru_cache(maxsize=1)
def params() -> Params:
    """Computed by datasketch (imported here, not at module import)."""
    from datasketch import MinHash
    from datasketch.lsh import _optimal_param

    bands, rows = _optimal_param(NEAR_DUP_THRESHOLD, NUM_PERM, 0.5, 0.5)
    # Drawing the permutations costs ~0.25 ms: once per process, not per article.
    a, b = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=SCHEME).permutations
    return Params(a.reshape(1, -1), b.reshape(1, -1), int(bands), int(rows))


def use_params(p: Params) -> None:
    """Use ``p`` (from :func:`params` in another process) in this process."""
    global _installed
    _installed = p


def _params() -> Params:
    return _installed if _installed is not None else params()


def lsh_params() -> tuple[int, int]:
    """(bands, rows) minimising false positives + negatives at the threshold."""
    p = _params()
    return p.bands, p.rows


# MurmurHash3's 32-bit finalizer, the pre-mix of datasketch's affine32
# scheme (``datasketch.minhash._fmix(hv, 32)``): written out so that workers
# need not import datasketch (see ``Params``); the signatures are tested equal
# to datasketch's own MinHash.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35),
           np.uint32(16))


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def words(text: str) -> list[str]:
    """The words shingles are made of: those of the full-text index
    (``veille.search.text.index_words``: French elisions such as the "l" of
    "l'État" left out), so ingest splits a text into words once for both."""
    return index_words(text)


def _word_hash(word: str) -> int:
    """64-bit BLAKE2b of the case-folded word (the cache is keyed by the word
    as written, so "The" and "the" are one lookup each, and hash the same)."""
    h = int.from_bytes(hashlib.blake2b(word.casefold().encode("utf-8", "surrogatepass"),
                                       digest_size=8).digest(), "little")
    if len(_word_hashes) >= _MAX_CACHED_WORDS:
        _word_hashes.clear()
    _word_hashes[word] = h
    return h


def shingle_hashes(ws: Sequence[str]) -> np.ndarray:
    """32-bit hash of every run of ``SHINGLE_WORDS`` consecutive words (one
    shingle of all the words when there are fewer; none when there are none).

    A shingle's hash is the high half of ``sum(h(word_j) * M_j) mod 2^64``:
    equal shingles hash equal; different ones collide with probability
    ~2^-32, as with a 32-bit hash of their bytes."""
    found = list(map(_word_hashes.get, ws))  # one C-level pass; misses are None
    if None in found:
        found = [_word_hash(w) if h is None else h for w, h in zip(ws, found, strict=True)]
    hs = np.array(found, dtype=np.uint64)
    n = len(hs) - SHINGLE_WORDS + 1
    if n <= 0:
        if not len(hs):
            return np.empty(0, dtype=np.uint64)
        return ((hs * _MULT[:len(hs)]).sum(dtype=np.uint64, keepdims=True) >> _SHIFT32)
    acc = hs[:n] * _MULT[0]
    for j in range(1, SHINGLE_WORDS):
        acc += hs[j:j + n] * _MULT[j]
    return acc >> _SHIFT32


def signature(text: str) -> np.ndarray:
    return signature_of_words(words(text))


def signature_of_words(ws: Sequence[str]) -> np.ndarray:
    """datasketch's MinHash (``affine32`` scheme, ``NUM_PERM`` permutations,
    seed ``_SEED``) of the shingles' hashes: the same values as
    ``MinHash(...).update_batch(shingle_hashes(ws).tolist())`` with an
    identity hash function (tested), computed on the array directly instead
    of through a Python list and a call per shingle."""
    hv = shingle_hashes(ws)
    if not len(hv):
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint64)
    p = _params()
    # One row per permutation, one column per shingle, reduced along rows
    # (contiguous): ~15 % faster than the (shingles x permutations) layout,
    # same values; in place, no third temporary.
    mixed = _fmix32(hv.astype(np.uint32).reshape(1, -1))
    x = p.a.reshape(-1, 1) * mixed
    x += p.b.reshape(-1, 1)
    return x.min(axis=1).astype(np.uint64)


@lru_cache(maxsize=4)
def _band_mult(rows: int) -> np.ndarray:
    # Odd 64-bit multipliers, fixed (stored band keys depend on them).
    return np.random.RandomState(_SEED).randint(0, 1 << 62, size=rows, dtype=np.uint64) * 2 + 1


#: Mixed into each band's hash so that one integer column holds every band
#: (band b's keys are its rows' hash XOR (b + 1) * this, mod 2^64).
_BAND_SALT = np.uint64(0x9E3779B97F4A7C15)


def band_keys(sig: np.ndarray) -> list[int]:
    """One key per LSH band, a signed 64-bit integer: a hash of the band's rows
    (odd-multiplier combination mod 2^64, all bands at once) mixed with the
    band number. Two articles share a key when a band's rows are equal; a
    collision of unequal rows or of two bands (~2^-64) would only add a
    candidate, whose Jaccard is checked anyway. Integers, not text: the band
    table is the ingest writer's largest index (~14 rows per article), and a
    WITHOUT ROWID table of two integers is a fifth of the size of
    ("band:hex", uid) text pairs and ~3x cheaper to insert into (migration 0008).
    """
    bands, rows = lsh_params()
    block = sig[:bands * rows].astype(np.uint64).reshape(bands, rows)
    hashed = (block * _band_mult(rows)).sum(axis=1, dtype=np.uint64)
    hashed ^= np.arange(1, bands + 1, dtype=np.uint64) * _BAND_SALT
    return hashed.view(np.int64).tolist()


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))
