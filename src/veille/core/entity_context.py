"""The entities named beside a person, counted per article (``EntityRecord.context``).

One counting rule for the linker, which adds an article's co-mentions as it
links it (``veille.analyze.linking``), and for the store, which takes them
back when the article's analysis is dropped for re-analysis
(``veille.store.analyses``): both must count alike, or re-analysis would
drift the counts. Here, the lowest layer, so both can use it; both read
"named in full" from the mention as written (:func:`named_in_full`).
"""

from __future__ import annotations

from collections.abc import Set

from veille.core.model import EntityRecord

#: how many co-mentioned entities a person's record keeps (the most frequent;
#: pruned when it holds twice as many), so a record stays small however many
#: articles name the person
CONTEXT_KEEP = 48
#: an article naming more entities than this (a results table, a list of
#: names, a 1 MB dump) tells no story about any of them: it counts no context,
#: and its cost stays linear
ARTICLE_MAX = 200


def named_in_full(text: str) -> bool:
    """A mention that names its entity in two words or more ("Kris Bryant",
    "Mr. Abe"): an article writing a person so counts its context."""
    return len(text.split()) >= 2


def article_context(full: Set[str], ids: Set[str]) -> dict[str, set[str]]:
    """Person entity -> the other entities of one article it is counted beside:
    every entity ``full`` names (the persons the article names in full), beside
    every other of ``ids`` (all the article's entities)."""
    if len(ids) > ARTICLE_MAX:
        return {}
    return {e: set(ids) - {e} for e in full}


def add_context(r: EntityRecord, others: Set[str]) -> None:
    """Count one more article naming ``others`` beside ``r``; keep the
    ``CONTEXT_KEEP`` most frequent once it holds twice as many."""
    for e in others:
        if e != r.entity_id:
            r.context[e] = r.context.get(e, 0) + 1
    if len(r.context) > 2 * CONTEXT_KEEP:
        keep = sorted(r.context.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXT_KEEP]
        r.context = dict(keep)


def merge_context(into: EntityRecord, absorbed: EntityRecord) -> None:
    """A person merged into another (a user's merge correction) brings the
    articles it was counted in: their co-mentions count for ``into`` now, as
    they would had the linker filed those mentions there, and each record
    stops counting the other (one entity now, never beside itself). Kept to
    ``CONTEXT_KEEP`` as :func:`add_context` keeps it."""
    for e, n in absorbed.context.items():
        if e not in (into.entity_id, absorbed.entity_id):
            into.context[e] = into.context.get(e, 0) + n
    into.context.pop(absorbed.entity_id, None)
    if len(into.context) > 2 * CONTEXT_KEEP:
        keep = sorted(into.context.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXT_KEEP]
        into.context = dict(keep)
