"""Replaying people's corrections of the entity linking on analyses.

The linker decides from names and context; a person who knows better says
"these two are one", "this one is two", "not this mention" or "call it so".
Those corrections are stored (``store/corrections.py``) and replayed by this
module on every batch the linker links (``analyze/service.save_batch``) and on
the stored analyses they touch when they are made
(``services/corrections.py``). One function does both, so a correction means
the same thing whether it came before or after an article: re-analysis and
``analyze --outdated`` can never undo it.

Rules work on the linker's output, mention by mention, and move the evidence
the linker keeps (surface-form counts, label votes) with each mention, so an
entity's canonical name and label stay what the linker would derive from its
mentions, except a name a person pinned.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from veille.analyze import names
from veille.analyze.linking import canonical_name, vote_label
from veille.core.entity_context import merge_context
from veille.core.model import Analysis, EntityCorrection, EntityRecord, Mention
from veille.store.analyses import kept_languages

#: merges chained longer than this are a cycle or a corrupted table
MAX_CHAIN = 64

#: (entity ids, article uids) -> each entity's languages among its stored
#: mentions outside those articles (``veille.store.analyses.languages_left``)
LanguagesLeft = Callable[[Sequence[str], Sequence[str]], dict[str, set[str]]]


@dataclass
class CorrectionRules:
    """All stored corrections, indexed for replay."""

    merged: dict[str, str] = field(default_factory=dict)  # absorbed id -> the id it went to
    splits: dict[str, list[tuple[set[str], str, int]]] = field(default_factory=dict)
    split_from: dict[str, tuple[str, set[str]]] = field(default_factory=dict)  # new id -> (old, names)
    detached: dict[tuple[str, int, int], set[str]] = field(default_factory=dict)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # article -> detached spans
    names: dict[str, str] = field(default_factory=dict)  # entity id -> pinned canonical name
    why: dict[str, str] = field(default_factory=dict)  # entity id -> latest evidence line

    @classmethod
    def build(cls, corrections: Iterable[EntityCorrection]) -> CorrectionRules:
        """Index corrections in the order they were made (ids ascending): a later
        correction sees the state the earlier ones left."""
        rules = cls()
        for c in sorted(corrections, key=lambda c: c.id or 0):
            eid = rules.resolve(c.entity_id)
            line = _evidence_line(c)
            if c.action == "merge" and c.target_id:
                target = rules.resolve(c.target_id)
                if target != eid:
                    rules.merged[eid] = target
                    rules.why[target] = line
            elif c.action == "split" and c.target_id:
                keys = {names.key(a) for a in c.aliases} - {""}
                rules.splits.setdefault(eid, []).append((keys, c.target_id, c.id or 0))
                rules.split_from[c.target_id] = (eid, keys)
                rules.why[c.target_id] = line
                if c.name:
                    rules.names[c.target_id] = c.name
            elif c.action == "detach" and c.article_uid is not None and c.start is not None \
                    and c.end is not None:
                rules.detached.setdefault((c.article_uid, c.start, c.end), set()).add(eid)
                rules.spans.setdefault(c.article_uid, []).append((c.start, c.end))
            elif c.action == "rename" and c.name:
                rules.names[eid] = c.name
                rules.why[eid] = line
        return rules

    def __bool__(self) -> bool:
        return bool(self.merged or self.splits or self.detached or self.names)

    def resolve(self, entity_id: str) -> str:
        """The id ``entity_id`` lives on as after merges."""
        seen = 0
        while entity_id in self.merged and seen < MAX_CHAIN:
            entity_id = self.merged[entity_id]
            seen += 1
        return entity_id


def _evidence_line(c: EntityCorrection) -> str:
    who = c.author or "a user"
    when = f" on {c.created_at[:10]}" if c.created_at else ""
    ref = f" (correction #{c.id})" if c.id is not None else ""
    return f"{c.action} by {who}{when}{ref}"


def target_of(rules: CorrectionRules, article_uid: str, m: Mention) -> str | None:
    """The entity ``m`` belongs to once every correction is applied."""
    if m.entity_id is None:
        return None
    eid = rules.resolve(m.entity_id)
    for keys, new_id, _ in rules.splits.get(eid, ()):
        if names.key(m.text) in keys:
            eid = rules.resolve(new_id)
    if (article_uid, m.start, m.end) in rules.detached or any(
            (s <= m.start and m.end <= e) or (m.start <= s and e <= m.end)
            for s, e in rules.spans.get(article_uid, ())):
        # the mention, not the record it was detached from: re-analysis may file
        # it (and the record's own mentions) under a record made anew, which an
        # id no correction names would leave ungoverned; a detached mention
        # stays as the person left it, linked to nothing (issue #15). A span
        # inside the detached one or around it is that mention as another
        # recogniser draws it ("Singer Rihanna" -> "Rihanna")
        return None
    return eid


def apply_rules(
    analyses: Sequence[Analysis],
    rules: CorrectionRules,
    record: Callable[[str], EntityRecord | None],
    languages_left: LanguagesLeft | None = None,
) -> tuple[dict[str, EntityRecord], set[str]]:
    """Move each mention to the entity the corrections say it is, in place.

    ``record(id)`` gives the current record of an entity (or None). With
    ``languages_left``, a record that lost mentions claims only the languages
    of the mentions it keeps, as a fresh ingest's record would. Returns
    the records changed (copies: the caller's are never modified) and the
    ids left with no mention after a merge (rows to delete).
    """
    changed: dict[str, EntityRecord] = {}
    lost: set[str] = set()

    def get(eid: str) -> EntityRecord | None:
        if eid not in changed:
            rec = record(eid)
            if rec is None:
                return None
            changed[eid] = copy.deepcopy(rec)
        return changed[eid]

    if not rules:
        return {}, set()
    def names_of(eid: str) -> set[str]:
        rec = record(eid)
        return {names.key(a) for a in rec.aliases} if rec is not None else set()

    for an in analyses:
        for m in an.entities:
            new = target_of(rules, an.article_uid, m)
            if new in rules.split_from:
                # the linker may attach a whole local group (full name, surname,
                # patronymic) to the split-off entity through the one name it
                # now owns; the group's other names stay where the split left them
                old_id, keys = rules.split_from[new]
                key = names.key(m.text)
                if key not in keys and key in names_of(rules.resolve(old_id)):
                    new = rules.resolve(old_id)
            if new == m.entity_id:
                continue
            old = get(m.entity_id) if m.entity_id else None
            dest = get(new) if new else None
            if new is not None and dest is None:
                continue  # a correction naming an entity that is gone: keep the linker's
            label = m.model_label or m.label
            if old is not None:
                _take(old, m.text, label)
                lost.add(old.entity_id)
                if dest is not None and old.context and rules.resolve(old.entity_id) == new:
                    # a merge: the absorbed record's context goes with it, once
                    # (emptied on the copy, which later calls of this replay see)
                    merge_context(dest, old)
                    old.context = {}
            if dest is not None:
                dest.alias_counts[m.text] = dest.alias_counts.get(m.text, 0) + 1
                dest.label_votes[label] = dest.label_votes.get(label, 0.0) + 1.0
                dest.n_mentions += 1
                if an.language and an.language not in dest.languages:
                    dest.languages.append(an.language)
                why = rules.why.get(dest.entity_id)
                if why:
                    dest.evidence.setdefault(m.text, why)
            m.entity_id = new
    if rules.merged:
        _rekey_contexts(analyses, rules, record, get)
    for eid in list(rules.names):
        if eid in changed or record(eid) is not None:
            got = get(eid)
            if got is not None and got.canonical != rules.names[eid]:
                got.canonical = rules.names[eid]
    for rec in changed.values():
        rec.aliases = sorted(rec.alias_counts)
        if rec.alias_counts:
            rec.label = vote_label(rec.label_votes)
            rec.canonical = rules.names.get(rec.entity_id) or canonical_name(rec.alias_counts,
                                                                             rec.label)
    if languages_left is not None and lost:
        _keep_languages([changed[eid] for eid in sorted(lost)], analyses, languages_left)
    emptied = {eid for eid, rec in changed.items() if rec.n_mentions <= 0 and eid in rules.merged}
    _relabel(analyses, lambda eid: changed.get(eid) or record(eid))
    return changed, emptied


def _rekey_contexts(analyses: Sequence[Analysis], rules: CorrectionRules,
                    record: Callable[[str], EntityRecord | None],
                    get: Callable[[str], EntityRecord | None]) -> None:
    """Context entries naming a merged-away id count for the id it went to.

    A person's context (``EntityRecord.context``) counts the entities named
    beside them, by id; after a merge, a record counted beside the absorbed
    entity kept its id, which no record carries any more, so a lone name in
    a later article of the story met none of its context (notes of session
    18). Those records are the entities of the articles that named the
    absorbed one, i.e. of the articles a merge is replayed on; the linker's
    own fresh counts in a batch (made before the replay) are re-keyed alike."""
    seen: set[str] = set()
    for an in analyses:
        for m in an.entities:
            eid = m.entity_id
            if eid is None or eid in seen:
                continue
            seen.add(eid)
            rec = record(eid)
            if rec is None or not any(e in rules.merged for e in rec.context):
                continue
            own = get(eid)
            assert own is not None
            moved: dict[str, int] = {}
            for e, n in own.context.items():
                to = rules.resolve(e)
                if to != own.entity_id:
                    moved[to] = moved.get(to, 0) + n
            own.context = moved


def _take(rec: EntityRecord, text: str, label: str) -> None:
    left = rec.alias_counts.get(text, 0) - 1
    if left > 0:
        rec.alias_counts[text] = left
    else:
        rec.alias_counts.pop(text, None)
        rec.evidence.pop(text, None)
    votes = rec.label_votes.get(label, 0.0) - vote_share(rec)
    if votes > 0:
        rec.label_votes[label] = votes
    else:
        rec.label_votes.pop(label, None)
    rec.n_mentions = max(0, rec.n_mentions - 1)


def vote_share(rec: EntityRecord) -> float:
    """The label vote one mention of ``rec`` stands for: the record's votes per
    mention. The linker weighs a name repeated in one article at a quarter of
    its first mention (``labels.MODEL_REPEAT_WEIGHT``), so taking a whole vote
    per mention that leaves emptied the label of a place whose English mentions
    were detached: the record fell to MISC, stopped drawing its own French
    mention on re-analysis, and a new record took it (issue #15)."""
    total = sum(rec.label_votes.values())
    return total / rec.n_mentions if rec.n_mentions > 0 else total


def _keep_languages(recs: Sequence[EntityRecord], analyses: Sequence[Analysis],
                    languages_left: LanguagesLeft) -> None:
    """Re-derive the languages of records that lost mentions: those of their
    mentions in other articles (the store's) and of the ones that stay in
    ``analyses``. Counting what was taken cannot work: the records keep no
    count per language, and a detached mention's language may be another
    mention's too (issue #15; re-analysis does the same in the store)."""
    spoken = languages_left([r.entity_id for r in recs], [an.article_uid for an in analyses])
    ids = {r.entity_id for r in recs}
    for an in analyses:
        if an.language:
            for m in an.entities:
                if m.entity_id in ids:
                    spoken.setdefault(m.entity_id, set()).add(an.language)
    for rec in recs:
        rec.languages = kept_languages(rec.languages, spoken.get(rec.entity_id, set()))


def _relabel(analyses: Sequence[Analysis], record: Callable[[str], EntityRecord | None]) -> None:
    """Mentions and quote speakers carry their entity's canonical name and label."""
    for an in analyses:
        spans: dict[tuple[int, int], Mention] = {}
        for m in an.entities:
            spans[(m.start, m.end)] = m
            rec = record(m.entity_id) if m.entity_id else None
            if rec is not None:
                m.canonical = rec.canonical
                m.label = rec.label
            elif m.entity_id is None:
                m.canonical = None
        for q in an.quotes:
            if q.speaker_start is None:
                continue
            sm = spans.get((q.speaker_start, q.speaker_end or -1))
            if sm is not None:
                q.speaker_entity_id = sm.entity_id
                q.speaker_canonical = sm.canonical if sm.entity_id else None
