"""Near-duplicate keys: MinHash signatures (datasketch) and LSH band keys.

datasketch's MinHashLSH keeps its index in memory (or Redis/Cassandra); we
need it in the store so it survives restarts, is shared by concurrent
ingests and stays flat in memory as the corpus grows. So we use datasketch for
the signatures and its optimal (bands, rows) choice, and keep the band keys in
a table: a lookup is one indexed query.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

NUM_PERM = 128
SHINGLE_WORDS = 5
# Estimated Jaccard of word 5-shingles above which two articles are the same
# report (a wire copy with a changed sentence or a different header scores
# 0.7-0.95; two outlets' own reports of one event score < 0.3 on news-clusters).
NEAR_DUP_THRESHOLD = 0.7

_WORD = re.compile(r"\w+", re.UNICODE)
_SEED = 1


@lru_cache(maxsize=1)
def lsh_params() -> tuple[int, int]:
    """(bands, rows) minimising false positives + negatives at the threshold."""
    b, r = _optimal_param(NEAR_DUP_THRESHOLD, NUM_PERM, 0.5, 0.5)
    return int(b), int(r)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    # Consecutive runs of SHINGLE_WORDS words, built by zipping shifted lists
    # (no slice per shingle).
    runs = zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)  # shorter tails end it
    return {s.encode() for s in map(" ".join, runs)}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # Drawing the permutations costs ~0.25 ms: once per process, not per article.
    return MinHash(num_perm=NUM_PERM, seed=_SEED)


def _identity(hv: int) -> int:
    return hv


def _sha1_hash32(shingles: list[bytes]) -> list[int]:
    """datasketch's default ``sha1_hash32`` over all shingles at once (the
    first 4 bytes of SHA-1, little-endian), without a Python call and a
    ``struct.unpack`` per shingle."""
    digests = b"".join([hashlib.sha1(s).digest()[:4] for s in shingles])
    return np.frombuffer(digests, dtype="<u4").tolist()


_CHUNK = 4096  # shingles per update: bounds the (shingles x permutations) matrix


def signature(text: str) -> np.ndarray:
    """datasketch's MinHash of the text's shingles (default SHA-1 hash), with
    the hashes computed in bulk and the permutations drawn once per process;
    same values as ``MinHash(NUM_PERM, seed=_SEED).update_batch(shingles)``."""
    tpl = _template()
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=_identity, permutations=tpl.permutations,
                scheme=tpl.scheme)
    sh = list(shingles(text))
    for i in range(0, len(sh), _CHUNK):
        m.update_batch(_sha1_hash32(sh[i:i + _CHUNK]))
    return np.asarray(m.hashvalues, dtype=np.uint64)


def band_keys(sig: np.ndarray) -> list[str]:
    bands, rows = lsh_params()
    keys = []
    for b in range(bands):
        chunk = sig[b * rows : (b + 1) * rows].tobytes()
        keys.append(f"{b}:{hashlib.blake2b(chunk, digest_size=12).hexdigest()}")
    return keys


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))
