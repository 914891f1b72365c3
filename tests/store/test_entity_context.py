"""A person's context (the entities named beside it, per article) is stored
with its entity, and an article dropped for re-analysis takes back what it
counted, so re-analysis never counts an article twice (#15, session 17), on
both backends. Article rows are the seeds (examples/); the mentions are names
of news-clusters' Cubs story, linked by the linker."""

from __future__ import annotations

from pathlib import Path

from veille.analyze.linking import link_entities
from veille.core.model import Analysis, Mention, RawRecord
from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.store import Store
from veille.store import analyses as qa

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NAMES = (("Kris Bryant", "PER"), ("Chicago Cubs", "ORG"), ("Wrigley Field", "LOC"))


def _linked(store: Store) -> list[Analysis]:
    recs = [i for i in read_paths([str(EXAMPLES)], SourceOptions()) if isinstance(i, RawRecord)][:2]
    ingest_items(store, recs)
    ans = []
    for rec in recs:
        an = Analysis(article_uid=rec.uid or "", language="en")
        for n, (name, label) in enumerate(NAMES):
            an.entities.append(Mention(name, label, 100 * n, 100 * n + len(name), n))
        ans.append(an)
    ans, records = link_entities(ans, [])
    with store.begin() as conn:
        qa.save_analyses(conn, ans, "test")
        qa.save_entities(conn, records)
    return ans


def _context(store: Store, name: str) -> dict[str, int]:
    with store.connect() as conn:
        return next(r.context for r in qa.load_entities(conn) if r.canonical == name)


def test_context_is_stored_and_reanalysis_takes_its_articles_back(store: Store) -> None:
    ans = _linked(store)
    cubs = next(m.entity_id for m in ans[0].entities if m.text == "Chicago Cubs")
    assert cubs is not None
    assert _context(store, "Kris Bryant")[cubs] == len(ans) == 2
    with store.begin() as conn:
        qa.delete_analyses(conn, [ans[0].article_uid])
    assert _context(store, "Kris Bryant")[cubs] == 1
    with store.begin() as conn:
        qa.delete_analyses(conn, [a.article_uid for a in ans[1:]])
        left = [r for r in qa.load_entities(conn) if r.canonical == "Kris Bryant"]
    assert all(cubs not in r.context for r in left)


def test_a_merge_correction_stores_the_absorbed_persons_context(store: Store) -> None:
    """A user's merge (``services.corrections.correct``) stores, on the record
    merged into, the context of the one absorbed (session 18: it kept its own)."""
    from veille.core.model import EntityCorrection
    from veille.services.corrections import correct

    recs = [i for i in read_paths([str(EXAMPLES)], SourceOptions()) if isinstance(i, RawRecord)][:2]
    ingest_items(store, recs)
    ans = []
    for rec, names_ in zip(recs, (NAMES, (("Kristopher Bryant", "PER"), ("Anthony Rizzo", "PER"))),
                           strict=True):
        an = Analysis(article_uid=rec.uid or "", language="en")
        for n, (name, label) in enumerate(names_):
            an.entities.append(Mention(name, label, 100 * n, 100 * n + len(name), n))
        ans.append(an)
    ans, records = link_entities(ans, [])
    with store.begin() as conn:
        qa.save_analyses(conn, ans, "test")
        qa.save_entities(conn, records)
    ids = {m.text: m.entity_id for an in ans for m in an.entities}
    gone, into = ids["Kris Bryant"], ids["Kristopher Bryant"]
    assert gone and into and gone != into  # two given names: two records
    assert ids["Wrigley Field"] not in _context(store, "Kristopher Bryant")
    correct(store, EntityCorrection(action="merge", entity_id=gone, target_id=into))
    with store.connect() as conn:
        got = {r.entity_id: r for r in qa.load_entities(conn)}
    assert gone not in got
    assert got[into].context.get(ids["Wrigley Field"]) == 1
    assert got[into].context.get(ids["Chicago Cubs"]) == 1
    assert got[into].context.get(ids["Anthony Rizzo"]) == 1
