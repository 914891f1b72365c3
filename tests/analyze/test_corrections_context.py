"""A person merged into another by a user's correction brings its context (the
entities named beside it, per article: ``EntityRecord.context``), as the
linker would have counted them had it filed those mentions there (#15,
session 18): before, the target kept its own context only and a later lone
name in the absorbed person's story found no one.

Names are of news-clusters' Cubs story (the same as
``tests/store/test_entity_context.py``): two writings of one player whose given
names the linker keeps apart ("Kristopher" / "Kris"), each in its own article.
"""

from __future__ import annotations

from veille.analyze.corrections import CorrectionRules, apply_rules
from veille.analyze.linking import link_entities
from veille.core.model import Analysis, EntityCorrection, EntityRecord, Mention

ARTICLES = (
    ("a1", (("Kristopher Bryant", "PER"), ("Chicago Cubs", "ORG"), ("Wrigley Field", "LOC"))),
    ("a2", (("Kris Bryant", "PER"), ("Anthony Rizzo", "PER"), ("Chicago Cubs", "ORG"))),
)


def _linked(articles: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ARTICLES,
            ) -> tuple[list[Analysis], dict[str, EntityRecord]]:
    ans = []
    for uid, names_ in articles:
        an = Analysis(article_uid=uid, language="en")
        for n, (name, label) in enumerate(names_):
            an.entities.append(Mention(name, label, 100 * n, 100 * n + len(name), n))
        ans.append(an)
    ans, records = link_entities(ans, [])
    return ans, {r.entity_id: r for r in records}


def _id(recs: dict[str, EntityRecord], canonical: str) -> str:
    return next(eid for eid, r in recs.items() if r.canonical == canonical)


def _merge(ans: list[Analysis], recs: dict[str, EntityRecord], gone: str, into: str,
           chunks: int = 1) -> dict[str, EntityRecord]:
    rules = CorrectionRules.build([EntityCorrection(action="merge", entity_id=gone,
                                                    target_id=into, id=1)])
    changed: dict[str, EntityRecord] = {}

    def record(eid: str) -> EntityRecord | None:
        return changed.get(eid) or recs.get(eid)

    # the service replays a correction over the stored analyses chunk by chunk
    step = max(1, len(ans) // chunks)
    for i in range(0, len(ans), step):
        got, _ = apply_rules(ans[i:i + step], rules, record)
        changed.update(got)
    return changed


def test_the_linker_keeps_the_two_writings_apart() -> None:
    _, recs = _linked()
    kris, kristopher = _id(recs, "Kris Bryant"), _id(recs, "Kristopher Bryant")
    assert kris != kristopher
    wrigley = _id(recs, "Wrigley Field")
    assert wrigley in recs[kristopher].context and wrigley not in recs[kris].context


def test_a_merge_brings_the_absorbed_persons_context() -> None:
    ans, recs = _linked()
    kris, kristopher = _id(recs, "Kris Bryant"), _id(recs, "Kristopher Bryant")
    cubs, wrigley = _id(recs, "Chicago Cubs"), _id(recs, "Wrigley Field")
    changed = _merge(ans, recs, kristopher, kris)
    got = changed[kris].context
    assert got[wrigley] == 1  # only the absorbed person's article named it
    assert got[cubs] == 2  # both articles named the Cubs beside him
    assert kristopher not in got and kris not in got
    assert not changed[kristopher].context  # the absorbed record keeps nothing
    # the caller's records are never modified
    assert wrigley not in recs[kris].context and recs[kristopher].context


def test_a_merge_replayed_chunk_by_chunk_counts_once() -> None:
    ans, recs = _linked()
    kris, kristopher = _id(recs, "Kris Bryant"), _id(recs, "Kristopher Bryant")
    cubs = _id(recs, "Chicago Cubs")
    changed = _merge(ans, recs, kristopher, kris, chunks=2)
    assert changed[kris].context[cubs] == 2


def test_a_rename_moves_no_context() -> None:
    ans, recs = _linked()
    kris, kristopher = _id(recs, "Kris Bryant"), _id(recs, "Kristopher Bryant")
    rules = CorrectionRules.build([EntityCorrection(action="rename", entity_id=kris,
                                                    name="Kris L. Bryant", id=1)])
    changed, _ = apply_rules(ans, rules, recs.get)
    assert changed[kris].context == recs[kris].context
    assert kristopher not in changed


def test_a_merge_rekeys_the_context_others_count_beside_the_absorbed() -> None:
    """Joe Maddon, named in full beside "Kristopher Bryant", counted that id in
    his context; once it is merged into Kris Bryant, Maddon's context names
    Kris Bryant (an id a record carries), however many chunks the replay takes."""
    articles = (*ARTICLES[:1], ("a3", (("Joe Maddon", "PER"), ("Kris Bryant", "PER"))),
                ("a4", (("Joe Maddon", "PER"), ("Kristopher Bryant", "PER"))))
    for chunks in (1, 3):
        ans, recs = _linked(articles)
        kris, kristopher = _id(recs, "Kris Bryant"), _id(recs, "Kristopher Bryant")
        maddon = _id(recs, "Joe Maddon")
        assert recs[maddon].context == {kris: 1, kristopher: 1}
        changed = _merge(ans, recs, kristopher, kris, chunks=chunks)
        assert changed[maddon].context == {kris: 2}
        assert kristopher not in changed[kris].context and kris not in changed[kris].context
    assert recs[maddon].context == {kris: 1, kristopher: 1}  # the caller's record kept
