"""Two runs that stored different articles analyse their own first (#20 item 8).

Two ``veille ingest`` processes started together store disjoint articles (the
write lock gives each article to one of them), but both find every article
pending. Reading the pending list in the same order, each analysed the
other's articles too. Here two runs' batches are interleaved on one store, as
two processes would, on real text (paragraphs of the seed articles)."""

from __future__ import annotations

from pathlib import Path

from veille.analyze.service import pending_batches, save_batch
from veille.core.model import RawRecord
from veille.engine.analysis import analyze_items
from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _store(tmp_path: Path, n: int) -> tuple[Store, list[str]]:
    seeds = [i for i in read_paths([str(EXAMPLES)], SourceOptions()) if isinstance(i, RawRecord)]
    paras = [p for r in seeds for p in r.text.split("\n") if len(p.split()) > 25][:n]
    assert len(paras) == n
    store = Store.open(str(tmp_path / f"v{n}.db"))
    report = ingest_items(store, [RawRecord(text=p, origin="<seed>", uid=f"p{i}", language="fr")
                                  for i, p in enumerate(paras)], max_bytes=5 * 1024 * 1024)
    assert len(report.added) == n
    return store, report.added


def test_own_articles_first_then_the_rest_once(tmp_path: Path) -> None:
    store, uids = _store(tmp_path, 8)
    try:
        own = [uids[5], uids[2], uids[6]]
        batches = [[it[0] for it in b] for b in pending_batches(store, 3, first=own)]
        # this run's articles first (in ingest order), then the rest, none twice
        assert batches[0] == [uids[2], uids[5], uids[6]]
        rest = [u for b in batches[1:] for u in b]
        assert rest == [u for u in uids if u not in own]
    finally:
        store.close()


def test_two_interleaved_runs_analyse_each_article_once(tmp_path: Path) -> None:
    store, uids = _store(tmp_path, 8)
    try:
        runs = [pending_batches(store, 2, first=uids[0::2]),
                pending_batches(store, 2, first=uids[1::2])]
        analysed: list[str] = []
        live = list(runs)
        while live:
            for gen in list(live):
                batch = next(gen, None)
                if batch is None:
                    live.remove(gen)
                    continue
                results = analyze_items(batch)
                save_batch(store, results)
                analysed += [r.article_uid for r in results]
        assert sorted(analysed) == sorted(uids)  # every article, and only once
        # without a run's own list first, both read the same pending batch
        store2, _ = _store(tmp_path, 4)
        try:
            a, b = pending_batches(store2, 2), pending_batches(store2, 2)
            assert [it[0] for it in next(a)] == [it[0] for it in next(b)]
        finally:
            store2.close()
    finally:
        store.close()
