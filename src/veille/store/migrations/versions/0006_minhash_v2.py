"""near-duplicate signatures, version 2; drop a redundant band index

Ingest no longer hashes each 5-word shingle with SHA-1 (the costliest step of
ingest): a shingle's hash now combines cached per-word hashes
(``veille.ingest.dedup``, ``SIGNATURE_VERSION = 2``) and band keys are a 64-bit
hash of the band rows instead of BLAKE2b. Signatures and LSH band
keys of version 1 cannot be compared with version 2 ones, so this revision
recomputes every article's ``minhash`` and bands from its stored text (the
text they were computed from at ingest). Near-duplicate links already stored
(``duplicate_of``, ``similarity``) are decisions of their ingest and are kept.

``ix_lsh_bands_key`` is dropped: the unique constraint on (band_key,
article_uid) is an index that already serves ``band_key IN (...)`` lookups,
and a second index on every band row cost ~15 % of the ingest writer's CPU.

Downgrade recomputes version 1 signatures (SHA-1 of each shingle's bytes,
datasketch affine32) and restores the index.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 10:40:00
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import numpy as np
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_BATCH = 1000


def _recompute(signature: Callable[[str], np.ndarray], band_keys: Callable[[np.ndarray], list[str]]
               ) -> None:
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM lsh_bands"))
    last = -1
    while True:
        rows = conn.execute(sa.text(
            "SELECT seq, uid, text FROM articles WHERE seq > :s ORDER BY seq LIMIT :n"),
            {"s": last, "n": _BATCH}).all()
        if not rows:
            return
        last = rows[-1][0]
        updates, bands = [], []
        for _seq, uid, text in rows:
            sig = signature(text)
            updates.append({"u": uid, "m": sig.astype(np.uint64).tobytes()})
            bands += [{"k": k, "u": uid} for k in band_keys(sig)]
        conn.execute(sa.text("UPDATE articles SET minhash = :m WHERE uid = :u"), updates)
        conn.execute(sa.text("INSERT INTO lsh_bands (band_key, article_uid) VALUES (:k, :u)"), bands)


def _band_keys_v2(sig: np.ndarray) -> list[str]:
    """This revision's text band keys, frozen here: 0008 made them integers
    (and rebuilds the band rows from the signatures this revision stores)."""
    from veille.ingest import dedup

    bands, rows = dedup.lsh_params()
    mult = np.random.RandomState(1).randint(0, 1 << 62, size=rows, dtype=np.uint64) * 2 + 1
    block = sig[:bands * rows].astype(np.uint64).reshape(bands, rows)
    hashed = (block * mult).sum(axis=1, dtype=np.uint64).tolist()
    return [f"{b}:{h:016x}" for b, h in enumerate(hashed)]


def upgrade() -> None:
    from veille.ingest import dedup

    with op.batch_alter_table('lsh_bands', schema=None) as batch_op:
        batch_op.drop_index('ix_lsh_bands_key')
    _recompute(dedup.signature, _band_keys_v2)


# --- version 1, frozen here for downgrade -------------------------------------
_WORD = re.compile(r"\w+", re.UNICODE)


def _signature_v1(text: str) -> np.ndarray:
    from datasketch import MinHash

    words = _WORD.findall(text.casefold())
    if len(words) < 5:
        shingles = {" ".join(words).encode()} if words else set()
    else:
        shingles = {" ".join(words[i:i + 5]).encode() for i in range(len(words) - 4)}
    m = MinHash(num_perm=128, seed=1, scheme="affine32")  # default hash: SHA-1, 32 bits
    if shingles:
        m.update_batch(list(shingles))
    return np.asarray(m.hashvalues, dtype=np.uint64)


def _band_keys_v1(sig: np.ndarray) -> list[str]:
    bands, rows = 14, 9
    return [f"{b}:{hashlib.blake2b(sig[b * rows:(b + 1) * rows].tobytes(), digest_size=12).hexdigest()}"
            for b in range(bands)]


def downgrade() -> None:
    _recompute(_signature_v1, _band_keys_v1)
    with op.batch_alter_table('lsh_bands', schema=None) as batch_op:
        batch_op.create_index('ix_lsh_bands_key', ['band_key'], unique=False)
