"""Near-duplicate signatures (version 2: combined word hashes, datasketch
permutations) and the migration that recomputes stored ones.

Real text: the seed articles (examples/). Expectations are relations: the
signature is datasketch's MinHash of the shingle hashes, shingle hashes
identify shingles, estimates track the exact Jaccard of the shingle sets, and
a migrated store holds what ingest would compute today.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from alembic import command
from datasketch import MinHash
from sqlalchemy import inspect
from sqlalchemy import text as sql

from veille.core.model import RawRecord
from veille.ingest import dedup
from veille.ingest.service import ingest_items
from veille.store import Store
from veille.store.core import _alembic_config

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))
pytestmark = pytest.mark.skipif(not EXAMPLES, reason="examples/ absent")


def _paragraphs() -> list[str]:
    paras = [p.strip() for path in EXAMPLES for p in path.read_text(encoding="utf-8").split("\n")]
    return [p for p in paras if len(p.split()) >= 20]


def _shingle_sets(text: str) -> set[tuple[str, ...]]:
    w = dedup.words(text)
    return {tuple(w[i:i + dedup.SHINGLE_WORDS]) for i in range(max(1, len(w) - 4))}


def test_signature_is_datasketch_minhash_of_the_shingle_hashes() -> None:
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES] + _paragraphs()[:30]
    for text in texts + ["", "a b", "un deux trois quatre cinq six"]:
        m = MinHash(num_perm=dedup.NUM_PERM, seed=dedup._SEED, scheme=dedup.SCHEME,
                    hashfunc=lambda h: h)
        hv = dedup.shingle_hashes(dedup.words(text))
        if len(hv):
            m.update_batch(hv.tolist())
        assert np.array_equal(dedup.signature(text), np.asarray(m.hashvalues, dtype=np.uint64))


def test_shingle_hashes_identify_shingles() -> None:
    text = " ".join(_paragraphs()[:5])
    w = dedup.words(text)
    hv = dedup.shingle_hashes(w)
    assert len(hv) == len(w) - dedup.SHINGLE_WORDS + 1
    shingles = [tuple(w[i:i + dedup.SHINGLE_WORDS]) for i in range(len(hv))]
    by_shingle: dict[tuple[str, ...], int] = {}
    for s, h in zip(shingles, hv.tolist(), strict=True):
        assert by_shingle.setdefault(s, h) == h  # equal shingles, equal hash
    assert len(set(by_shingle.values())) == len(by_shingle)  # distinct ones differ here
    # word order matters; fewer words than a shingle make one shingle
    assert dedup.shingle_hashes(["a", "b", "c", "d", "e"])[0] != dedup.shingle_hashes(
        ["b", "a", "c", "d", "e"])[0]
    assert len(dedup.shingle_hashes(["a", "b"])) == 1 and len(dedup.shingle_hashes([])) == 0


def test_estimate_tracks_exact_jaccard_on_near_copies() -> None:
    paras = _paragraphs()
    assert len(paras) >= 8
    errors = []
    for i in range(len(paras) - 6):
        base = paras[i:i + 6]
        for k in range(1, 4):  # replace k of 6 paragraphs: from near copy to different text
            other = base[:6 - k] + paras[i + 6:i + 6 + k]
            a, b = "\n".join(base), "\n".join(other)
            sa, sb = _shingle_sets(a), _shingle_sets(b)
            exact = len(sa & sb) / len(sa | sb)
            errors.append(abs(dedup.jaccard(dedup.signature(a), dedup.signature(b)) - exact))
    # 128 permutations: standard error <= 0.044 per estimate
    assert np.mean(errors) < 0.05 and max(errors) < 0.2


def test_migration_recomputes_signatures_and_bands(tmp_path: Path) -> None:
    paras = _paragraphs()
    recs = [RawRecord(text="\n".join(paras[i:i + 4]), origin="<t>", uid=f"a{i}", language="fr")
            for i in range(0, min(len(paras) - 4, 24), 4)]
    db = str(tmp_path / "s.db")
    store = Store.open(db)
    ingest_items(store, recs)
    cfg = _alembic_config()

    def stored() -> tuple[dict[str, bytes], set[tuple[int, str]]]:
        with store.connect() as conn:
            sigs = dict(conn.execute(sql("SELECT uid, minhash FROM articles")).all())
            integer_keys = "seq" in {c["name"] for c in inspect(conn).get_columns("lsh_bands")}
            bands = {tuple(r) for r in conn.execute(sql(
                "SELECT b.band_key, a.uid FROM lsh_bands b JOIN articles a ON "
                + ("a.seq = b.seq" if integer_keys else "a.uid = b.article_uid")))}
        return sigs, bands  # type: ignore[return-value]

    def expected(signature: object) -> tuple[dict[str, bytes], set[tuple[int, str]]]:
        with store.connect() as conn:
            texts = dict(conn.execute(sql("SELECT uid, text FROM articles")).all())
        sigs = {u: signature(t) for u, t in texts.items()}  # type: ignore[operator]
        return ({u: dedup.to_bytes(s) for u, s in sigs.items()},
                {(k, u) for u, s in sigs.items() for k in dedup.band_keys(s)})

    now = stored()
    assert now == expected(dedup.signature)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    old = stored()
    assert old[0].keys() == now[0].keys() and all(old[0][u] != now[0][u] for u in now[0])
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert stored() == now
    # a near copy of a migrated article is found through the recomputed bands
    first = recs[0].text
    near = re.sub(r"[^\n]*$", "Une toute autre phrase finit ce texte.", first, count=1)
    rep = ingest_items(store, [RawRecord(text=near, origin="<t>", uid="near", language="fr")])
    store.close()
    assert rep.near_duplicates == 1


def test_a_worker_given_the_params_signs_without_importing_datasketch() -> None:
    """Workers get datasketch's constants from the writer (``dedup.Params``)
    instead of importing it (scipy: ~0.4 s of CPU per fresh process); their
    signatures and band keys are the writer's."""
    import pickle
    import subprocess
    import sys

    text = EXAMPLES[0].read_text(encoding="utf-8")
    blob = pickle.dumps((dedup.params(), text))
    code = (
        "import pickle, sys\n"
        "from veille.ingest import dedup\n"
        "params, text = pickle.loads(sys.stdin.buffer.read())\n"
        "dedup.use_params(params)\n"
        "sig = dedup.signature(text)\n"
        "assert 'datasketch' not in sys.modules and 'scipy' not in sys.modules\n"
        "sys.stdout.buffer.write(pickle.dumps((dedup.to_bytes(sig), dedup.band_keys(sig))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], input=blob, capture_output=True,
                         check=True).stdout
    sig = dedup.signature(text)
    assert pickle.loads(out) == (dedup.to_bytes(sig), dedup.band_keys(sig))
