"""Cross-article, cross-language entity linking, incremental.

Evidence, from strongest to weakest:

1. within an article, identical keys are one entity (the same name written
   twice in one text names one thing); label noise is settled by a weighted
   vote (a context cue counts double the bare model label);
2. within an article, a short form of a person (surname alone, title +
   surname, first name + patronymic) joins the one full name it fits;
3. across articles and against the known records, a group joins a record
   with the same transliteration key, or whose key is close by string
   similarity (rapidfuzz ratio) under the same label.

Entity ids are ``label:slug`` of the first canonical name, fixed at creation
so that stored references stay valid when a later article brings a fuller
name; canonical (fullest, then most frequent form) and label (vote) are
recomputed from the evidence the records carry.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from veille.analyze import names
from veille.core.model import Analysis, EntityRecord, Mention
from veille.core.text import fold_name

#: rapidfuzz ratio (0-100) above which two keys of the same label are one name.
#: Person names compare token by token (the weakest token decides), other
#: names as a whole, where one letter apart is often another place
#: (Croix-Rouge / Croix-Rousse), hence the stricter bar.
FUZZY_MIN = 88
FUZZY_MIN_OTHER = 94
#: keys shorter than this must match exactly (OTAN vs OTAM are not one thing).
FUZZY_MIN_LEN = 5
CUE_WEIGHT = 2.0
MODEL_WEIGHT = 1.0


@dataclass
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    votes: dict[str, float] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return _vote(self.votes)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.keys.add(names.key(m.text))
        w = CUE_WEIGHT if m.label_cue else MODEL_WEIGHT
        self.votes[m.label] = self.votes.get(m.label, 0.0) + w

    def merge(self, other: _Group) -> None:
        self.mentions.extend(other.mentions)
        self.keys |= other.keys
        for k, v in other.votes.items():
            self.votes[k] = self.votes.get(k, 0.0) + v

    def full_keys(self) -> list[str]:
        return [k for k in self.keys if len(k.split()) >= 2]


def _vote(votes: dict[str, float]) -> str:
    order = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
    return max(votes.items(), key=lambda kv: (kv[1], -order.get(kv[0], 9)))[0] if votes else "MISC"


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_name(s)).strip("-") or "x"


def _local_groups(mentions: Sequence[Mention]) -> list[_Group]:
    by_key: dict[str, _Group] = {}
    for m in mentions:
        k = names.key(m.text)
        if not k:
            continue
        by_key.setdefault(k, _Group()).add(m)
    groups = list(by_key.values())
    # short person forms -> the single full name they fit
    def patronymic(g: _Group) -> bool:
        return all(len(m.text.split()) == 2 and names.is_patronymic(m.text.split()[-1])
                   for m in g.mentions)

    def model_org_word(g: _Group) -> bool:
        # A lone surname that the model (not a context cue) called an
        # organisation: small English models often do ("Jose Cil ...",
        # then "Cil said" as ORG), splitting one speaker in two.
        return (g.label == "ORG" and len(next(iter(g.keys)).split()) == 1
                and not any(m.label_cue for m in g.mentions))

    full = [g for g in groups if g.label == "PER" and g.full_keys() and not patronymic(g)]
    for g in list(groups):
        if g in full or (g.label not in ("PER", "MISC") and not model_org_word(g)):
            continue
        ks = next(iter(g.keys)).split()
        cands = []
        for f in full:
            for fk in f.full_keys():
                ft = fk.split()
                if len(ks) == 1 and ft[-1] == ks[0]:
                    cands.append(f)
                    break
                if len(ks) == 2 and ks[0] == ft[0] and len(ft) == 2 and patronymic(g):
                    cands.append(f)
                    break
        if len(cands) == 1:
            cands[0].merge(g)
            groups.remove(g)
    return groups


def _canonical(counts: dict[str, int]) -> str:
    forms = {names.strip_titles(f): 0 for f in counts}
    for f, n in counts.items():
        forms[names.strip_titles(f)] += n
    # "fullest" counts words, not spacing: "Etats - Unis" is no fuller than "États-Unis"
    return max(forms.items(), key=lambda kv: (len(fold_name(kv[0]).split()), kv[1], -len(kv[0]), kv[0]))[0]


class EntityIndex:
    """Lookups over the records by key, surname and (per label) fuzzy key.

    Everything is a dict or a rapidfuzz ``process.extract`` over one label's
    keys, so linking a batch against a store of many entities stays fast.
    Building it costs O(entities): a writer that links batch after batch into
    one store keeps it (``link_entities(..., index)`` updates it in place) and
    rebuilds it only when the store's entity table changed under it (see
    ``veille.analyze.service.save_batch``).
    """

    def __init__(self, records: list[EntityRecord]) -> None:
        self.records = records
        self.by_id: dict[str, EntityRecord] = {}
        self.by_key: dict[str, dict[str, EntityRecord]] = {}
        self.by_surname: dict[str, dict[str, EntityRecord]] = {}
        self.keys_by_label: dict[str, dict[str, set[str]]] = {}
        for r in records:
            self._index(r)

    def _index(self, r: EntityRecord) -> None:
        self.by_id[r.entity_id] = r
        for a in [*r.aliases, r.canonical]:
            k = names.key(a)
            if not k:
                continue
            self.by_key.setdefault(k, {})[r.entity_id] = r
            self.keys_by_label.setdefault(r.label, {}).setdefault(k, set()).add(r.entity_id)
            toks = k.split()
            if r.label == "PER" and len(toks) >= 2:
                self.by_surname.setdefault(toks[-1], {})[r.entity_id] = r

    def add(self, r: EntityRecord) -> None:
        self.records.append(r)
        self._index(r)

    def find(self, g: _Group) -> EntityRecord | None:
        label = g.label
        # 1. exact key, label compatible (non-person labels are interchangeable noise)
        for k in sorted(g.keys, key=lambda x: -len(x)):
            for r in self.by_key.get(k, {}).values():
                if r.label == label or (r.label != "PER" and label != "PER"):
                    return r
        if label == "PER":
            if not g.full_keys():
                # 2. surname alone -> the one person record with that surname
                hits = self.by_surname.get(next(iter(g.keys)), {})
                if len(hits) == 1:
                    return next(iter(hits.values()))
            else:
                # 2b. full name -> the one person record known only by that surname
                last = {k.split()[-1] for k in g.full_keys()}
                cands = {r.entity_id: r for x in last for r in self.by_key.get(x, {}).values()
                         if r.label == "PER" and r.aliases
                         and all(len(names.key(a).split()) == 1 for a in r.aliases)}
                if len(cands) == 1:
                    return next(iter(cands.values()))
        # 3. fuzzy key under the same label
        pool = self.keys_by_label.get(label, {})
        if not pool:
            return None
        bar = FUZZY_MIN if label == "PER" else FUZZY_MIN_OTHER
        choices = list(pool)
        best: tuple[float, EntityRecord | None] = (0.0, None)
        for k in g.keys:
            if len(k) < FUZZY_MIN_LEN:
                continue
            # whole-string ratio is an upper-bound-ish prefilter for the token-wise score
            for ak, _, _ in process.extract(k, choices, scorer=fuzz.ratio, limit=10,
                                            score_cutoff=bar - 10):
                if len(ak) < FUZZY_MIN_LEN or len(ak.split()) != len(k.split()):
                    continue
                sc = _person_score(k, ak) if label == "PER" else fuzz.ratio(k, ak)
                if sc >= bar and sc > best[0]:
                    rid = sorted(pool[ak])[0]
                    best = (sc, self.by_id[rid])
        return best[1]


def _person_score(a: str, b: str) -> float:
    """Token-wise similarity so a shared first name cannot carry a different surname."""
    ta, tb = a.split(), b.split()
    return min(fuzz.ratio(x, y) for x, y in zip(ta, tb, strict=True))


def _new_id(label: str, canonical: str, taken: set[str]) -> str:
    base = f"{label.lower()}:{slug(canonical)}"
    eid, n = base, 2
    while eid in taken:
        eid, n = f"{base}-{n}", n + 1
    return eid


def link_entities(
    analyses: Sequence[Analysis], known: Sequence[EntityRecord] | EntityIndex
) -> tuple[list[Analysis], list[EntityRecord]]:
    """Give every mention (and quote speaker) an entity; return new + updated records.

    Records in ``known`` are not modified; the returned records are copies with
    the new evidence folded in.  Given an :class:`EntityIndex`, the index
    itself is updated to hold those copies and the new records.
    """
    # Copy on write: the index starts on the caller's records and a record is
    # copied the first time this batch changes it (copying every known entity
    # per batch cost more than the linking itself on a large store).
    index = known if isinstance(known, EntityIndex) else EntityIndex(list(known))
    taken = set(index.by_id)
    touched: dict[str, EntityRecord] = {}
    for an in analyses:
        for g in _local_groups(an.entities):
            rec = index.find(g)
            if rec is not None:
                # by_id always holds the latest copy; a key lookup may still
                # point at an older object (a key the new copy no longer has).
                rec = index.by_id[rec.entity_id]
            if rec is not None and rec.entity_id not in touched:
                rec = copy.deepcopy(rec)
                index._index(rec)  # the copy replaces the original under every key
            if rec is None:
                forms: dict[str, int] = {}
                for m in g.mentions:
                    forms[m.text] = forms.get(m.text, 0) + 1
                canonical = _canonical(forms)
                rec = EntityRecord(entity_id=_new_id(g.label, canonical, taken),
                                   canonical=canonical, label=g.label)
                taken.add(rec.entity_id)
                index.add(rec)
            for m in g.mentions:
                rec.alias_counts[m.text] = rec.alias_counts.get(m.text, 0) + 1
                m.entity_id = rec.entity_id
            for k, v in g.votes.items():
                rec.label_votes[k] = rec.label_votes.get(k, 0.0) + v
            rec.n_mentions += len(g.mentions)
            if an.language and an.language not in rec.languages:
                rec.languages.append(an.language)
            rec.aliases = sorted(rec.alias_counts)
            rec.canonical = _canonical(rec.alias_counts)
            rec.label = _vote(rec.label_votes)
            index._index(rec)
            touched[rec.entity_id] = rec
    by_id = index.by_id
    for an in analyses:
        spans = {(m.start, m.end): m for m in an.entities}
        for m in an.entities:
            if m.entity_id in by_id:
                r = by_id[m.entity_id]
                m.canonical = r.canonical
                if m.model_label is None:
                    m.model_label = m.label
                m.label = r.label
        for q in an.quotes:
            if q.speaker_start is None:
                continue
            sm = spans.get((q.speaker_start, q.speaker_end or -1))
            if sm is not None and sm.entity_id:
                q.speaker_entity_id = sm.entity_id
                q.speaker_canonical = sm.canonical
    return list(analyses), list(touched.values())
