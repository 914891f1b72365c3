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
from veille.cluster.index import CandidateIndex, top_keys
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
        self.max_live = max_live
        self.uid_story: OrderedDict[str, str] = OrderedDict()  # recent uids (for duplicates)
        self.max_uids = 200_000
        self.lookup_story = lookup_story
        self.load_story = load_story
        self.members: dict[str, list[str]] | None = {} if track_members else None
        self.dirty: set[str] = set()  # stories changed since the last flush
        self.removed: set[str] = set()  # stories absorbed by a merge since the last flush
        self.recent: set[str] = set()  # stories changed since the last merge pass
        self.evicted: dict[str, StoryState] = {}  # dirty stories pushed out of memory
        self.alias: dict[str, str] = {}  # merged story -> story that absorbed it
        self._profiles: OrderedDict[str, tuple[tuple[Any, ...], Profile]] = OrderedDict()
        self.observer: Callable[[ArticleFeatures, StoryState, dict[str, float]], None] | None = None

    # -- state -------------------------------------------------------------
    def add_story(self, s: StoryState) -> None:
        """Make a persisted story live again (reload from the store).

        Reload stories in ``ix_at`` order: the index then comes back exactly as
        it was, posting lists in the same order.
        """
        self.stories[s.id] = s
        self.stories.move_to_end(s.id)
        self.evicted.pop(s.id, None)
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

    def _index_story(self, s: StoryState) -> None:
        p = self.params
        keys = top_keys(s.terms, self.idf, p.index_terms) + top_keys(s.keys, self.idf, p.index_keys)
        keys += [k for k in top_keys(s.nums, self.idf, p.index_nums) if not k.startswith("y:")]
        keys = list(dict.fromkeys(keys))
        stale = [k for k in s.ix if k not in set(keys)]
        self.index.remove(s.id, stale)
        self.ix_clock += 1
        s.ix, s.ix_at = keys, self.ix_clock
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
        return self.index.query(q, self._alive, p.max_candidates)

    def add(self, f: ArticleFeatures) -> Decision:
        self.processed += 1
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
            return Decision(f.uid, s.id, "join", best[0], signals=best[2])
        new = StoryState(id=self.new_id(f))
        action = "new"
        if best_nogap[1] is not None and best_nogap[0] >= thr:
            new.predecessor = best_nogap[1].id
            action = "chain"
        new.add(f, self.idf)
        self._touch(new)
        self._index_story(new)
        self._remember(f.uid, new.id)
        return Decision(f.uid, new.id, action, max(best[0], 0.0), new.predecessor, best[2])

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
            q: dict[str, float] = {}
            for k in top_keys(s.terms, self.idf, self.params.query_terms):
                q[k] = s.terms[k] * self.idf(k)
            for k in top_keys(s.keys, self.idf, self.params.query_keys):
                q[k] = s.keys[k] * self.idf(k)
            best: tuple[float, StoryState | None] = (-1.0, None)
            for oid in self.index.query(q, self._alive, self.params.max_candidates):
                if oid == sid:
                    continue
                o = self.stories[oid]
                x = signals(prof, self._profile(o))
                pr = self.model.prob(x)
                if pr > best[0]:
                    best = (pr, o)
            if best[1] is not None and best[0] >= thr:
                into, gone = (best[1], s) if best[1].n >= s.n else (s, best[1])
                into.absorb(gone, self.idf)
                if into.predecessor is None and gone.predecessor not in (None, into.id):
                    into.predecessor = gone.predecessor
                del self.stories[gone.id]
                self.index.remove(gone.id, gone.ix)
                self._profiles.pop(gone.id, None)
                self.dirty.discard(gone.id)
                self.removed.add(gone.id)
                self._touch(into)
                self._index_story(into)
                self.alias[gone.id] = into.id
                if self.members is not None:
                    self.members.setdefault(into.id, []).extend(self.members.pop(gone.id, []))
                merges.append(Merge(gone.id, into.id, best[0]))
        return merges

    def debug_state(self) -> dict[str, Any]:
        return {
            "live_stories": len(self.stories),
            "postings": len(self.index.postings),
            "n_docs": self.df.n_docs,
        }
