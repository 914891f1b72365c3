"""Online story clustering: one pass, one decision per arriving article.

For each article: fetch candidate stories from the inverted index, score each
with the learned model, then

* join the best story when p >= threshold;
* start a new story *linked* to the best one when the content matches but the
  time gap is what keeps p below the threshold (a follow-up after the story
  went cold: a chain, not a blind merge);
* otherwise start a new story.

Duplicates (``duplicate_of`` set at ingest) join their original's story and do
not change its profile (they count once).  A periodic merge pass joins stories
that converged.  Everything kept in memory is bounded: the number of live
stories (LRU), the posting lists, and the profile cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from veille.cluster.features import ArticleFeatures
from veille.cluster.idf import HashedDF
from veille.cluster.index import CandidateIndex, CentroidIndex, top_keys
from veille.cluster.merge import MAX_MEMBER_VECTORS, merge_signals
from veille.cluster.params import Params, load_params
from veille.cluster.similarity import (
    IdfCache,
    Profile,
    article_profile,
    signals,
    story_profile,
)
from veille.cluster.state import StoryState, story_id_for


@dataclass
class Decision:
    uid: str
    story_id: str
    action: str  # join | new | chain | dup
    p: float = 0.0
    predecessor: str | None = None
    signals: dict[str, float] = field(default_factory=dict)


@dataclass
class Merge:
    absorbed: str
    into: str
    p: float
    #: "pass" (the periodic merge pass) or "join" (right after a join).
    kind: str = "pass"
    #: The signals that carried the decision (weight x value), for the record.
    why: dict[str, float] = field(default_factory=dict)


@dataclass
class Split:
    """An article moved out of a story it no longer fits (with its duplicates)."""

    story: str
    moved: list[str]
    into: str
    p: float


class OnlineClusterer:
    def __init__(
        self,
        params: Params | None = None,
        df: HashedDF | None = None,
        idf_snapshot: HashedDF | None = None,
        max_live: int = 5_000,
        track_members: bool = False,
        lookup_story: Callable[[str], str | None] | None = None,
        load_story: Callable[[str], StoryState | None] | None = None,
        new_id: Callable[[ArticleFeatures], str] | None = None,
        member_features: Callable[[str], list[ArticleFeatures]] | None = None,
        member_vectors: Callable[[str], dict[str, Any]] | None = None,
    ) -> None:
        self.new_id = new_id or (lambda f: story_id_for(f.uid))
        self.params = params or load_params()
        self.model = self.params.model()
        self.df = df or HashedDF()
        self.idf = IdfCache(self.df, idf_snapshot)
        self.processed = 0  # articles decided so far (all runs): paces the merge pass
        self.ix_clock = 0  # (re)postings so far (all runs): orders the index on reload
        self.stories: OrderedDict[str, StoryState] = OrderedDict()
        self.index = CandidateIndex(self.params.posting_cap)
        # Encoder centroids of the live stories: candidates in any language.
        self.vindex = CentroidIndex()
        self.max_live = max_live
        self.uid_story: OrderedDict[str, str] = OrderedDict()  # recent uids (for duplicates)
        self.max_uids = 200_000
        self.lookup_story = lookup_story
        self.load_story = load_story
        self.members: dict[str, list[str]] | None = {} if track_members else None
        # The split pass re-reads a story's members: from the store when the
        # caller provides them, else (in-memory evaluation) from features kept here.
        self.member_features = member_features
        self._feats: dict[str, ArticleFeatures] | None = (
            {} if track_members and member_features is None else None
        )
        self.dirty: set[str] = set()  # stories changed since the last flush
        self.removed: set[str] = set()  # stories absorbed by a merge since the last flush
        self.recent: set[str] = set()  # stories changed since the last merge pass
        self.evicted: dict[str, StoryState] = {}  # dirty stories pushed out of memory
        self.alias: dict[str, str] = {}  # merged story -> story that absorbed it
        self._profiles: OrderedDict[str, tuple[tuple[Any, ...], Profile]] = OrderedDict()
        self.observer: Callable[[ArticleFeatures, StoryState, dict[str, float]], None] | None = None
        # Merge after a join: its model, the merges made since the caller
        # last took them (``take_join_merges``), and the members' encoder
        # vectors per story (uid -> vector, the latest ones; "complete" once
        # they include every member the store holds).
        self.merge_model = self.params.merge_model()
        self.join_merges: list[Merge] = []
        self.member_vectors = member_vectors
        self._mvecs: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._mvecs_full: set[str] = set()
        self.merge_observer: Callable[[StoryState, StoryState, dict[str, float]], None] | None = None

    # -- state -------------------------------------------------------------
    def add_story(self, s: StoryState) -> None:
        """Make a persisted story live again (reload from the store).

        Reload stories in ``ix_at`` order: the index then comes back exactly as
        it was, posting lists in the same order.
        """
        self.stories[s.id] = s
        self.stories.move_to_end(s.id)
        self.evicted.pop(s.id, None)
        self.vindex.upsert(s.id, s.vec)
        if s.ix:
            for sid, key in self.index.add(s.id, s.ix):
                self._unpost(sid, key)
        else:
            self._index_story(s)

    def _unpost(self, sid: str, key: str) -> None:
        other = self.stories.get(sid) or self.evicted.get(sid)
        if other is not None and key in other.ix:
            other.ix.remove(key)

    def flushed(self) -> None:
        """The caller has persisted every dirty story: forget them (this is
        what keeps memory bounded; a purely in-memory user calls it too)."""
        self.dirty.clear()
        self.removed.clear()
        self.evicted.clear()

    def resolve(self, sid: str) -> str:
        """Follow merges: the story an old id now lives in."""
        seen = 0
        while sid in self.alias and seen < 1000:
            sid = self.alias[sid]
            seen += 1
        return sid

    def _alive(self, sid: str) -> bool:
        return sid in self.stories

    def _touch(self, s: StoryState) -> None:
        self.stories[s.id] = s
        self.stories.move_to_end(s.id)
        self.dirty.add(s.id)
        self.recent.add(s.id)
        while len(self.stories) > self.max_live:
            old, state = self.stories.popitem(last=False)
            self._profiles.pop(old, None)
            self.index.remove(old, state.ix)
            self.vindex.remove(old)
            if old in self.dirty:  # not yet persisted: the caller still has to save it
                self.evicted[old] = state
            self.recent.discard(old)

    def _remember(self, uid: str, sid: str) -> None:
        self.uid_story[uid] = sid
        self.uid_story.move_to_end(uid)
        if len(self.uid_story) > self.max_uids:
            self.uid_story.popitem(last=False)
        if self.members is not None:
            self.members.setdefault(sid, []).append(uid)

    def _keep(self, f: ArticleFeatures) -> None:
        if self._feats is not None:
            self._feats[f.uid] = f

    def _members_of(self, sid: str) -> list[ArticleFeatures]:
        if self.member_features is not None:
            return self.member_features(sid)
        if self._feats is None or self.members is None:
            return []
        return [self._feats[u] for u in self.members.get(sid, []) if u in self._feats]

    def _index_story(self, s: StoryState) -> None:
        p = self.params
        keys = top_keys(s.terms, self.idf, p.index_terms) + top_keys(s.keys, self.idf, p.index_keys)
        keys += [k for k in top_keys(s.nums, self.idf, p.index_nums) if not k.startswith("y:")]
        keys = list(dict.fromkeys(keys))
        stale = [k for k in s.ix if k not in set(keys)]
        self.index.remove(s.id, stale)
        self.ix_clock += 1
        s.ix, s.ix_at = keys, self.ix_clock
        self.vindex.upsert(s.id, s.vec)
        for sid, key in self.index.add(s.id, keys):
            self._unpost(sid, key)

    def _profile(self, s: StoryState) -> Profile:
        hit = self._profiles.get(s.id)
        stamp = (s.n, s.n_dup, s.first, s.last, self.idf._at)
        if hit and hit[0] == stamp:
            self._profiles.move_to_end(s.id)
            return hit[1]
        prof = story_profile(s, self.idf)
        self._profiles[s.id] = (stamp, prof)
        if len(self._profiles) > 1500:
            self._profiles.popitem(last=False)
        return prof

    def _story(self, sid: str) -> StoryState | None:
        s = self.stories.get(sid)
        if s is None and sid in self.evicted:
            s = self.evicted[sid]
            self.add_story(s)
            return s
        if s is None and self.load_story is not None:
            s = self.load_story(sid)
            if s is not None:
                self.add_story(s)
        return s

    # -- decisions ----------------------------------------------------------
    def candidates(self, f: ArticleFeatures) -> list[str]:
        p = self.params
        q: dict[str, float] = {}
        for prof, n in ((f.terms, p.query_terms), (f.keys, p.query_keys), (f.nums, p.query_nums)):
            for k in top_keys(prof, self.idf, n):
                if not k.startswith("y:"):
                    q[k] = prof[k] * self.idf(k)
        for k in top_keys(f.title_terms, self.idf, p.query_title):
            q.setdefault(k, f.terms.get(k, 1.0) * self.idf(k))
        found = self.index.query(q, self._alive, p.max_candidates)
        return self._with_nearest(found, f.vector, {f.language})

    def _with_nearest(
        self, found: list[str], vec: Any, languages: Any, skip: str | None = None
    ) -> list[str]:
        """Add the live stories nearest by encoder centroid that share no
        language with the article (or story) being placed.

        Stories in a shared language are what the word index already finds
        (and scores better); the encoder's candidates are the ones it cannot
        reach.  Restricting to them keeps the cost per article what it was
        for a one-language stream: one product over the live centroids."""
        p = self.params
        if vec is None or p.vector_candidates <= 0:
            return found
        have = set(found)
        added = 0
        for sid, _ in self.vindex.query(vec, 4 * p.vector_candidates, p.vector_floor):
            s = self.stories.get(sid)
            if s is None or sid in have or sid == skip or not languages.isdisjoint(s.languages):
                continue
            found.append(sid)
            have.add(sid)
            added += 1
            if added >= p.vector_candidates:
                break
        return found

    def add(self, f: ArticleFeatures) -> Decision:
        self.processed += 1
        self._keep(f)
        if f.duplicate_of:
            sid = self.uid_story.get(f.duplicate_of)
            if sid is None and self.lookup_story is not None:
                sid = self.lookup_story(f.duplicate_of)
            s = self._story(self.resolve(sid)) if sid else None
            if s is not None:
                s.n_dup += 1
                s.note(f)
                self._touch(s)
                self._remember(f.uid, s.id)
                return Decision(f.uid, s.id, "dup", 1.0)
            # original unknown (not clustered yet): treat as an ordinary article
        self.df.add([*f.terms, *f.keys, *f.nums])
        self.idf.tick()
        prof = article_profile(f, self.idf)
        best: tuple[float, StoryState | None, dict[str, float]] = (-1.0, None, {})
        best_nogap: tuple[float, StoryState | None] = (-1.0, None)
        for sid in self.candidates(f):
            s = self.stories[sid]
            x = signals(prof, self._profile(s))
            if self.observer is not None:
                self.observer(f, s, x)
            pr = self.model.prob(x)
            if pr > best[0]:
                best = (pr, s, x)
            if x["gap"] > 0:
                pr0 = self.model.prob({**x, "gap": 0.0})
                if pr0 > best_nogap[0]:
                    best_nogap = (pr0, s)
        thr = self.model.threshold
        if best[1] is not None and best[0] >= thr:
            s = best[1]
            s.add(f, self.idf)
            self._touch(s)
            self._index_story(s)
            self._remember(f.uid, s.id)
            if self.merge_model is not None:
                self._note_vector(s.id, f.uid, f.vector)
                self._merge_after_join(s)
            return Decision(f.uid, self.resolve(s.id), "join", best[0], signals=best[2])
        new = StoryState(id=self.new_id(f))
        action = "new"
        if best_nogap[1] is not None and best_nogap[0] >= thr:
            new.predecessor = best_nogap[1].id
            action = "chain"
        new.add(f, self.idf)
        self._touch(new)
        self._index_story(new)
        self._remember(f.uid, new.id)
        if self.merge_model is not None:
            # Member vectors only feed the merge after a join: with it off
            # (the default) keeping them would hold up to max_live x 24
            # vectors alive for nothing.
            self._mvecs_full.add(new.id)  # a new story: its one member is all of it
            self._note_vector(new.id, f.uid, f.vector)
        return Decision(f.uid, new.id, action, max(best[0], 0.0), new.predecessor, best[2])

    # -- split pass -----------------------------------------------------------
    def split_pass(self) -> list[Split]:
        """Move out members that no longer fit their story (early mistakes).

        A story is an online average: an article that fitted it when it
        joined can stop fitting once later articles pull the story elsewhere
        (chaining).  For each story changed since the last pass, every member
        is scored against the rest of the story (leave-one-out) by the same
        model; the worst one leaves when its probability is below
        ``split_threshold``, far below the joining threshold, so the next
        merge pass does not undo it.  A story is re-examined when it has grown
        by half since its last check, so the cost per article stays constant.
        """
        p = self.params
        out: list[Split] = []
        todo = sorted(
            (sid for sid in self.recent if sid in self.stories),
            key=lambda sid: (self.stories[sid].last_seq, sid),
        )
        for sid in todo:
            s = self.stories[sid]
            if not (p.split_min_size <= s.n <= p.split_max_size) or 2 * s.n < 3 * s.split_at:
                continue
            split = self._split_story(s)
            if split is not None:
                out.append(split)
        return out

    def _split_story(self, s: StoryState) -> Split | None:
        feats = sorted(self._members_of(s.id), key=lambda f: (f.seq, f.uid))
        uids = {f.uid for f in feats}
        own = [f for f in feats if not (f.duplicate_of and f.duplicate_of in uids)]
        s.split_at = s.n
        self.dirty.add(s.id)
        if len(own) < self.params.split_min_size or len(own) != s.n:
            return None  # members not all readable: leave the story as it is
        worst, p_worst = leave_one_out(own, self.idf, self.model)
        if worst is None or p_worst >= self.params.split_threshold:
            return None
        moved = [worst.uid] + [f.uid for f in feats if f.duplicate_of == worst.uid]
        new = StoryState(id=self.new_id(worst))
        rebuilt = StoryState(id=s.id, predecessor=s.predecessor, ix=list(s.ix), ix_at=s.ix_at,
                             merges=list(s.merges))
        for f in feats:
            target = new if f.uid in moved else rebuilt
            if f.duplicate_of and f.duplicate_of in uids:
                target.n_dup += 1
                target.note(f)
            else:
                target.add(f, self.idf)
        rebuilt.split_at = rebuilt.n
        new.split_at = new.n
        self.stories[s.id] = rebuilt
        self._profiles.pop(s.id, None)
        for st in (rebuilt, new):
            self._touch(st)
            self._index_story(st)
        for uid in moved:
            self.uid_story[uid] = new.id
        mv = self._mvecs.pop(s.id, None)
        if mv is not None:
            self._mvecs[s.id] = {u: v for u, v in mv.items() if u not in moved}
            self._mvecs[new.id] = {u: mv[u] for u in moved if u in mv}
            if s.id in self._mvecs_full:
                self._mvecs_full.add(new.id)
        if self.members is not None:
            self.members[s.id] = [u for u in self.members.get(s.id, []) if u not in moved]
            self.members[new.id] = moved
        return Split(s.id, moved, new.id, p_worst)

    # -- merge pass -----------------------------------------------------------
    def merge_pass(self) -> list[Merge]:
        """Join stories that converged (both changed recently, same event).

        Story-to-story evidence goes through the same model and the same
        decision rule as an assignment (the time gap between the two stories
        counts against them exactly as it does for an article), with its own
        threshold in the params.  Only stories touched since the last pass are
        examined, which keeps the pass incremental.
        """
        merges: list[Merge] = []
        thr = self.params.merge_threshold
        # Smallest first; ties in a fixed order (set order varies between processes).
        todo = sorted(
            (sid for sid in self.recent if sid in self.stories),
            key=lambda sid: (self.stories[sid].n, self.stories[sid].last_seq, sid),
        )
        self.recent = set()
        for sid in todo:
            s = self.stories.get(sid)
            if s is None:
                continue
            prof = self._profile(s)
            q = self._story_query(s)
            best: tuple[float, StoryState | None] = (-1.0, None)
            near = self.index.query(q, self._alive, self.params.max_candidates)
            for oid in self._with_nearest(near, prof.vec, set(s.languages), skip=sid):
                if oid == sid:
                    continue
                o = self.stories[oid]
                x = signals(prof, self._profile(o))
                pr = self.model.prob(x)
                if pr > best[0]:
                    best = (pr, o)
            if best[1] is not None and best[0] >= thr:
                merges.append(self._fold(best[1], s, best[0], "pass"))
        return merges

    def _fold(self, a: StoryState, b: StoryState, p: float, kind: str,
              why: dict[str, float] | None = None) -> Merge:
        """Make two stories one: the larger keeps its id (the one users are
        likeliest to hold; ties: ``a``), the other becomes its alias."""
        into, gone = (a, b) if a.n >= b.n else (b, a)
        into.absorb(gone, self.idf)
        into.record_merge(gone, p, kind, why or {})
        if into.predecessor is None and gone.predecessor not in (None, into.id):
            into.predecessor = gone.predecessor
        del self.stories[gone.id]
        self.index.remove(gone.id, gone.ix)
        self.vindex.remove(gone.id)
        self._profiles.pop(gone.id, None)
        self.dirty.discard(gone.id)
        self.removed.add(gone.id)
        self._touch(into)
        self._index_story(into)
        self.alias[gone.id] = into.id
        if self.members is not None:
            self.members.setdefault(into.id, []).extend(self.members.pop(gone.id, []))
        mine, theirs = self._mvecs.pop(into.id, None), self._mvecs.pop(gone.id, None)
        if mine is not None or theirs is not None:
            both = {**(theirs or {}), **(mine or {})}
            self._mvecs[into.id] = dict(list(both.items())[-MAX_MEMBER_VECTORS:])
        if not (into.id in self._mvecs_full and gone.id in self._mvecs_full):
            self._mvecs_full.discard(into.id)
        self._mvecs_full.discard(gone.id)
        return Merge(gone.id, into.id, p, kind, why or {})

    # -- merge after a join ---------------------------------------------------
    def _note_vector(self, sid: str, uid: str, vec: Any) -> None:
        if vec is None:
            return
        d = self._mvecs.get(sid)
        if d is None:
            d = self._mvecs[sid] = {}
        d[uid] = vec
        if len(d) > MAX_MEMBER_VECTORS:
            del d[next(iter(d))]
        self._mvecs.move_to_end(sid)
        while len(self._mvecs) > self.max_live:
            old, _ = self._mvecs.popitem(last=False)
            self._mvecs_full.discard(old)

    def _vectors_of(self, sid: str) -> list[Any]:
        """The story's member vectors (the latest ``MAX_MEMBER_VECTORS``):
        kept as members arrive, completed from the store once per story."""
        d = self._mvecs.get(sid, {})
        if sid not in self._mvecs_full:
            if self.member_vectors is not None:
                loaded = self.member_vectors(sid)
                d = {**loaded, **d}
                d = dict(list(d.items())[-MAX_MEMBER_VECTORS:])
            elif self._feats is not None and self.members is not None:
                d = {u: self._feats[u].vector for u in self.members.get(sid, [])
                     if u in self._feats and self._feats[u].vector is not None}
            self._mvecs[sid] = d
            self._mvecs_full.add(sid)
        return list(d.values())

    def _story_query(self, s: StoryState) -> dict[str, float]:
        """A story's strongest words and keys, idf-weighted: what it is looked
        up by in the word index (chaining and the merge after a join)."""
        q: dict[str, float] = {}
        for k in top_keys(s.terms, self.idf, self.params.query_terms):
            q[k] = s.terms[k] * self.idf(k)
        for k in top_keys(s.keys, self.idf, self.params.query_keys):
            q[k] = s.keys[k] * self.idf(k)
        return q

    def _merge_after_join(self, s: StoryState) -> None:
        """Compare the story an article just joined with its ``merge_k``
        nearest other stories (word index and encoder centroid, in any
        language) and fold in the best one when the merge model is sure.

        A join is when a story learns something new about its event: the
        moment a second story of the same event becomes recognisable as
        such. Bounded: at most 2 x ``merge_k`` stories scored per join."""
        model = self.merge_model
        assert model is not None
        k = self.params.merge_k
        prof = self._profile(s)
        q = self._story_query(s)
        near = [o for o in self.index.query(q, self._alive, k + 1) if o != s.id][:k]
        if prof.vec is not None:
            added = 0
            for oid, _ in self.vindex.query(prof.vec, k + 1, self.params.vector_floor):
                if oid != s.id and oid not in near and oid in self.stories and added < k:
                    near.append(oid)
                    added += 1
        if not near:
            return
        mine = self._vectors_of(s.id)
        best: tuple[float, StoryState | None, dict[str, float]] = (-1.0, None, {})
        for oid in near:
            o = self.stories[oid]
            x = merge_signals(prof, self._profile(o), mine, self._vectors_of(oid))
            if self.merge_observer is not None:
                self.merge_observer(s, o, x)
            pr = model.prob(x)
            if pr > best[0]:
                best = (pr, o, x)
        if best[1] is not None and best[0] >= model.threshold:
            self.join_merges.append(self._fold(best[1], s, best[0], "join", model.why(best[2])))

    def take_join_merges(self) -> list[Merge]:
        """The merges made after joins since the last call (the store applies them)."""
        out, self.join_merges = self.join_merges, []
        return out

    def debug_state(self) -> dict[str, Any]:
        return {
            "live_stories": len(self.stories),
            "postings": len(self.index.postings),
            "n_docs": self.df.n_docs,
        }


def leave_one_out(
    own: list[ArticleFeatures], idf: IdfCache, model: Any
) -> tuple[ArticleFeatures | None, float]:
    """The member least likely to belong to the rest of its story, and that probability.

    The rest of the story is the sum of the other members' unit vectors (the
    story profile minus one member), so all n scores cost O(n), not O(n^2).
    """
    units = []
    total = StoryState(id="all")
    for f in own:
        one = StoryState(id="one")
        one.add(f, idf)
        units.append(one)
        total.absorb(one, idf)
    worst: tuple[ArticleFeatures | None, float] = (None, 1.0)
    for i, f in enumerate(own):
        rest = StoryState(id="rest", n=len(own) - 1)
        one = units[i]
        for name in ("terms", "title_terms", "keys", "nums"):
            mine, whole = getattr(one, name), getattr(total, name)
            left = {k: v - mine.get(k, 0.0) for k, v in whole.items()}
            setattr(rest, name, {k: v for k, v in left.items() if v > 1e-12})
        if total.vec is not None:
            rest.vec = total.vec - one.vec if one.vec is not None else total.vec
            rest.n_vec = total.n_vec - (1 if one.vec is not None else 0)
            if rest.n_vec == 0:
                rest.vec = None
        others = [g for j, g in enumerate(own) if j != i]
        rest.first = min((g.start for g in others if g.start), default=None)
        rest.last = max((g.end or g.start for g in others if g.start), default=None)
        for g in others:
            rest.languages[g.language] = rest.languages.get(g.language, 0) + 1
        pr = model.prob(signals(article_profile(f, idf), story_profile(rest, idf)))
        if pr < worst[1]:
            worst = (f, pr)
    return worst
