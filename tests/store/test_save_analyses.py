"""A batch of analyses saved in a few statements leaves the same rows as
saving them one article at a time (the analysis stage's save path, #19)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from veille.core.model import Analysis, Mention, RawRecord, Sentence
from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.store import Store
from veille.store import analyses as qa
from veille.store.schema import analyses, mentions

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _analyses(store: Store) -> list[Analysis]:
    recs = [i for i in read_paths([str(EXAMPLES)], SourceOptions()) if isinstance(i, RawRecord)][:4]
    ingest_items(store, recs)
    out = []
    for k, rec in enumerate(recs):
        text = rec.text
        an = Analysis(article_uid=rec.uid or "", language="fr")
        an.sentences = [Sentence(0, 0, min(40, len(text)), text[:40])]
        words = text.split()[: 3 + k]
        at = 0
        for w in words:  # real words of the article as mentions, with their offsets
            start = text.index(w, at)
            at = start + len(w)
            an.entities.append(Mention(w, "MISC", start, at, 0, entity_id=f"misc:{w.lower()}"))
        if k == 1:
            an.notes = ["quotes: error while reading"]
        out.append(an)
    return out


def _rows(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with store.connect() as conn:
        a = [tuple(r) for r in conn.execute(
            select(analyses.c.article_uid, analyses.c.version, analyses.c.status,
                   analyses.c.notes, analyses.c.data, analyses.c.components)
            .order_by(analyses.c.article_uid))]
        # in insertion order; the ids themselves differ where an article given
        # twice had its first mentions inserted then deleted
        m = [tuple(r)[1:] for r in conn.execute(select(mentions).order_by(mentions.c.id))]
    return a, m


def test_batch_save_equals_one_at_a_time(tmp_path: Path) -> None:
    one, batch = Store.open(str(tmp_path / "one.db")), Store.open(str(tmp_path / "batch.db"))
    try:
        ans_one, ans_batch = _analyses(one), _analyses(batch)
        # an article given twice keeps its last analysis, as in sequence
        again = Analysis(article_uid=ans_one[0].article_uid, language="fr")
        for _ in range(2):  # the second pass replaces every row
            with one.begin() as conn:
                for an in [*ans_one, again]:
                    qa.save_analysis(conn, an, "v", {"c": 1})
            with batch.begin() as conn:
                qa.save_analyses(conn, [*ans_batch, again], "v", {"c": 1})
        got_one, got_batch = _rows(one), _rows(batch)
        assert got_one == got_batch
        assert len(got_one[0]) == len(ans_one) >= 2
        assert len(got_one[1]) == sum(len(a.entities) for a in ans_one[1:])
        assert {r[2] for r in got_one[0]} == {"ok", "partial"}
    finally:
        one.close()
        batch.close()
