"""Per-source line counts (veille.store.line_counts): the evidence of a site's
boilerplate that one article cannot give, counted within an ingest batch too."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert

from veille.analyze.furniture import line_keys
from veille.store import Store, line_counts
from veille.store.schema import articles

# An outlet's closing disclaimer (ABC News pages carry it), under articles of
# different stories; the last source has one article only.
DISCLAIMER = "External links are provided for reference purposes. The site is not responsible for them."
TEXTS = {
    "a1": ("abc", "The storm closed the bridge on Monday, officials said.\n" + DISCLAIMER),
    "a2": ("abc", "The council voted 7-2 to raise the budget for schools.\n" + DISCLAIMER),
    "a3": ("abc", "Police arrested two men after the robbery on Main Street.\n" + DISCLAIMER),
    "b1": ("other", "A different outlet's only article.\n" + DISCLAIMER),
}


def _add(store: Store) -> None:
    with store.begin() as conn:
        conn.execute(insert(articles), [
            {"uid": uid, "seq": k, "source": src, "text": text, "content_hash": uid, "n_chars": len(text),
             "origin": "test", "fmt": "text", "date_precision": "unknown",
             "ingested_at": datetime(2026, 1, 1, tzinfo=UTC)}
            for k, (uid, (src, text)) in enumerate(TEXTS.items(), 1)])


def test_a_line_recurring_in_a_source_is_counted_within_one_batch(store: Store) -> None:
    _add(store)
    keys = {uid: line_keys(text) for uid, (_, text) in TEXTS.items()}
    with store.begin() as conn:
        got = line_counts.for_batch(conn, keys)
    prose, disclaimer = keys["a1"]
    assert got["a1"].articles == 2  # the two other ABC articles, not itself
    assert got["a1"].lines == {disclaimer: 2}
    assert prose not in got["a1"].lines
    # another source's copy of the line does not count
    assert got["b1"].articles == 0 and got["b1"].lines == {}
    # analysed again: the same counts (an article's keys are replaced, not added)
    with store.begin() as conn:
        again = line_counts.for_batch(conn, {"a2": keys["a2"]})
    assert again["a2"] == line_counts.SourceLines(2, {disclaimer: 2})


def test_an_article_without_a_source_gets_no_counts(store: Store) -> None:
    with store.begin() as conn:
        assert line_counts.for_batch(conn, {"missing": ["k"]}) == {}
