"""Clustering over the store: assign what is not yet assigned, resumably.

``cluster_pending`` is the pipeline's cluster stage (``veille.services.pipeline``).  It reloads
the live stories (their JSON state) and the document frequencies, walks the
unassigned articles in stream order and commits each batch (assignments, story
states, frequencies) in one transaction: a killed run loses at most the batch
in flight, and a rerun picks up exactly the articles left unassigned.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Text, and_, case, cast, null, or_, select, update

from veille.cluster import repository as repo
from veille.cluster.features import ArticleFeatures, build_features
from veille.cluster.idf import HashedDF
from veille.cluster.merge import MAX_MEMBER_VECTORS
from veille.cluster.online import Merge, OnlineClusterer, Split
from veille.cluster.order import stream_order
from veille.cluster.params import Params, load_params
from veille.cluster.state import StoryState
from veille.embed import unpack
from veille.embed.encoder import model_name
from veille.embed.rows import vector_rows
from veille.store import vectors as vq
from veille.store.core import write_lock
from veille.store.schema import articles, stories, story_articles

log = logging.getLogger(__name__)

BATCH = 500
MAX_LIVE = 5_000


class _Session:
    """Binds the clusterer's store callbacks to the batch's connection."""

    def __init__(self) -> None:
        self.conn: Connection | None = None
        # Features of the batch in flight's articles, as the clusterer got
        # them: the split pass asks for a story's members, most of them just
        # added, and building features again from the same rows is the
        # same result at ~2 ms an article. Cleared with each batch (bounded).
        self.feats: dict[str, ArticleFeatures] = {}

    def lookup(self, uid: str) -> str | None:
        assert self.conn is not None
        sid = repo.story_of_article(self.conn, uid)
        return str(sid) if sid is not None else None

    def load(self, cid: str) -> StoryState | None:
        assert self.conn is not None
        return repo.story_state(self.conn, int(cid))

    def new_id(self, _f: Any) -> str:
        assert self.conn is not None
        return str(repo.new_story_row(self.conn))

    def members(self, cid: str) -> list[ArticleFeatures]:
        """A story's articles as features, for the split pass.  Articles
        assigned earlier in the batch in flight are not in story_articles
        yet: the clusterer then sees fewer members than the story counts and
        leaves the story alone."""
        assert self.conn is not None
        uids = repo.member_uids(self.conn, int(cid))
        rows = repo.load_articles(self.conn, [u for u in uids if u not in self.feats])
        vecs = vq.load_vectors(self.conn, [r["uid"] for r in rows], model_name())
        built = {r["uid"]: _features(r, vecs.get(r["uid"])) for r in rows}
        return [self.feats.get(u) or built[u] for u in uids if u in self.feats or u in built]

    def member_vectors(self, cid: str) -> dict[str, Any]:
        """A story's stored members' encoder vectors (uid -> vector), the
        latest ones, for the merge after a join; members assigned in the
        batch in flight are already known to the clusterer."""
        assert self.conn is not None
        uids = repo.member_uids(self.conn, int(cid))[-MAX_MEMBER_VECTORS:]
        return {u: unpack(b) for u, b in vq.load_vectors(self.conn, uids, model_name()).items() if b}


def embed_missing(store: Any, uids: list[str]) -> int:
    """Embed the articles among ``uids`` that have no vector of the current
    model yet, and store the vectors (one transaction).

    Done before the batch's locked transaction: the encoder costs ~10 ms an
    article, which the other writers should not wait for.  An article the
    encoder fails on is logged and clusters without a vector (the model's
    fallback weights): clustering never waits on the encoder."""
    model = model_name()
    with store.connect() as conn:
        have = vq.stored_uids(conn, uids, model)
        todo = repo.load_articles(conn, [u for u in uids if u not in have])
    if not todo:
        return 0
    rows, _failed = vector_rows((r["uid"], r["title"], r["text"]) for r in todo)
    if rows:
        with store.begin() as conn:
            vq.save_vectors(conn, rows)
    return len(rows)


def _features(r: dict[str, Any], vec: bytes | None = None) -> ArticleFeatures:
    return build_features(
        uid=r["uid"],
        text=r["text"],
        title=r["title"],
        language=r["language"],
        start=r["published_start"],
        end=r["published_end"],
        source=r["source"],
        duplicate_of=r["duplicate_of"],
        analysis=r["data"],
        seq=r["seq"],
        vector=unpack(vec) if vec else None,
    )


def _pending(conn: Connection) -> list[str]:
    q = (
        select(articles.c.uid, articles.c.published_start, articles.c.seq, articles.c.duplicate_of)
        .outerjoin(story_articles, story_articles.c.article_uid == articles.c.uid)
        .where(story_articles.c.article_uid.is_(None))
    )
    return stream_order([(r.uid, r.published_start, r.seq, r.duplicate_of) for r in conn.execute(q)])


def _flush(
    conn: Connection,
    cl: OnlineClusterer,
    merges: list[Merge],
    assigned: list[tuple[str, int, float]],
    changed: set[int],
) -> None:
    repo.assign(conn, assigned)
    assigned.clear()
    for m in merges:
        changed.discard(int(m.absorbed))
    for sid in sorted(cl.dirty):
        s = cl.stories.get(sid) or cl.evicted.get(sid)
        if s is None:
            continue
        pred = cl.resolve(s.predecessor) if s.predecessor else None
        if pred == s.id:
            pred = None
        s.predecessor = pred
        repo.save_story(conn, s, int(pred) if pred else None)
        changed.add(int(sid))
    if cl.dirty:
        # The story changed: its view is stale until rebuilt. Dropping it in
        # the same transaction means a run killed before the views were
        # refreshed leaves them missing (rebuilt by the next run or on
        # demand), never silently out of date. The dropped view is kept aside
        # (``previous_view``; a view dropped earlier stays when there is none
        # now): an incremental update starts from it.
        has_view = and_(stories.c.view.is_not(None), cast(stories.c.view, Text) != "null")
        conn.execute(update(stories).where(stories.c.id.in_([int(x) for x in cl.dirty])).values(
            previous_view=case((has_view, stories.c.view), else_=stories.c.previous_view), view=null()))
    cl.flushed()
    repo.save_meta(
        conn,
        cl.df,
        cl.idf.snap,
        params_version=cl.params.version,
        processed=cl.processed,
        ix_clock=cl.ix_clock,
        recent=sorted(cl.recent),
    )


def _passes(
    conn: Connection,
    cl: OnlineClusterer,
    assigned: list[tuple[str, int, float]],
    splits: list[Split],
    merges: list[Merge],
) -> None:
    """Split then merge pass, applied to ``story_articles`` at once: the split
    pass reads stories' members from the store, so every assignment and move
    made so far in the batch must be there first (same transaction)."""
    repo.assign(conn, assigned)
    assigned.clear()
    for sp in cl.split_pass():
        repo.move_articles(conn, sp.moved, int(sp.into))
        splits.append(sp)
    for m in cl.merge_pass():
        repo.move_story(conn, int(m.absorbed), int(m.into))
        merges.append(m)


def cluster_pending(
    store: Any,
    *,
    rebuild: bool = False,
    batch_size: int = BATCH,
    views: bool = True,
    params: Params | None = None,
    max_live: int = MAX_LIVE,
    embed: bool = True,
    on_batch: Callable[[int], None] | None = None,
    explain: Callable[[Any, list[int]], str] | None = None,
) -> dict[str, Any]:
    """Assign every unassigned article (all of them with ``rebuild``) to a story.

    With ``embed``, articles without a vector of the current encoder are
    embedded first (``embedded`` in the report); an article still without one
    is clustered on the other signals (``no_vector``).

    With ``views`` and an ``explain`` stage (``veille.services.pipeline``
    passes the story views' rebuild), ``explain(store, story_ids)`` is then
    called with the stories this run changed and those an earlier run left
    without a view; what it returns is the report's ``views``."""
    t0 = time.perf_counter()
    params = params or load_params()
    with store.begin() as conn:
        if rebuild:
            repo.clear_all(conn)
        saved = repo.load_meta(conn) or {}
        clock = repo.processed_clock(conn)
        order = _pending(conn)
        live = repo.recent_story_states(conn, max_live) if order else []
    counts = {"join": 0, "new": 0, "chain": 0, "dup": 0}
    report: dict[str, Any] = {"assigned": 0, "params_version": params.version}
    if not order:
        report |= {"stories": _count(store), "seconds": 0.0}
        if views and explain is not None and (missing := stories_without_view(store)):
            report["views"] = explain(store, missing)  # a killed run's leftovers
        return report
    session = _Session()
    cl = OnlineClusterer(
        params=params,
        df=saved.get("df") or HashedDF(),
        idf_snapshot=saved.get("snap"),
        max_live=max_live,
        lookup_story=session.lookup,
        load_story=session.load,
        new_id=session.new_id,
        member_features=session.members,
        member_vectors=session.member_vectors,
    )
    cl.processed = int(saved.get("processed", 0))
    cl.ix_clock = int(saved.get("ix_clock", 0))
    for s in live:
        cl.add_story(s)
    cl.recent = {sid for sid in saved.get("recent", []) if sid in cl.stories}
    changed: set[int] = set()
    n_merges = n_splits = n_join_merges = 0
    done = 0
    for i in range(0, len(order), batch_size):
        batch = order[i : i + batch_size]
        if embed:
            report["embedded"] = report.get("embedded", 0) + embed_missing(store, batch)
        with store.begin() as conn:
            # One clusterer at a time: two runs over the same pending articles
            # would assign them twice from diverging story states. Under the
            # store's write lock, a run that finds the clock moved by another
            # run stops; that run (or the next ingest) handles what is left.
            write_lock(conn)
            if repo.processed_clock(conn) != clock:
                report["yielded"] = "another clustering run is active"
                break
            session.conn = conn
            session.feats = {}
            assigned: list[tuple[str, int, float]] = []
            merges: list[Merge] = []
            splits: list[Split] = []
            rows = repo.load_articles(conn, batch)
            vecs = vq.load_vectors(conn, batch, model_name())
            for r in rows:
                f = _features(r, vecs.get(r["uid"]))
                session.feats[f.uid] = f
                if f.vector is None:  # said in the report: clustered on the other signals
                    report["no_vector"] = report.get("no_vector", 0) + 1
                d = cl.add(f)
                counts[d.action] += 1
                assigned.append((f.uid, int(d.story_id), d.p))
                if cl.join_merges:  # the rows written so far move with their story
                    repo.assign(conn, assigned)
                    assigned.clear()
                    for m in cl.take_join_merges():
                        repo.move_story(conn, int(m.absorbed), int(m.into))
                        merges.append(m)
                done += 1
                if cl.processed % params.merge_every == 0:
                    _passes(conn, cl, assigned, splits, merges)
            if i + batch_size >= len(order):
                _passes(conn, cl, assigned, splits, merges)
            n_merges += len(merges)
            n_join_merges += sum(1 for m in merges if m.kind == "join")
            n_splits += len(splits)
            _flush(conn, cl, merges, assigned, changed)
            clock = cl.processed
            session.conn = None
            session.feats = {}
        if on_batch:
            on_batch(len(batch))
    secs = time.perf_counter() - t0
    report.update(
        assigned=done,
        new_stories=counts["new"] + counts["chain"],
        joined=counts["join"],
        chained=counts["chain"],
        duplicates=counts["dup"],
        merges=n_merges,
        join_merges=n_join_merges,
        splits=n_splits,
        stories=_count(store),
        seconds=round(secs, 3),
        ms_per_article=round(1000 * secs / done, 3) if done else 0.0,
    )
    if views and explain is not None and changed:
        report["views"] = explain(store, sorted(changed | set(stories_without_view(store))))
    return report


def stories_without_view(store: Any) -> list[int]:
    """Stories whose view was dropped (changed) and not rebuilt: a run killed
    between assignment and view refresh leaves these for the next run."""
    with store.connect() as conn:
        # SQL NULL, or JSON null (what a story row gets when saved without a view).
        missing = or_(stories.c.view.is_(None), cast(stories.c.view, Text) == "null")
        return [
            int(x) for x in conn.execute(select(stories.c.id).where(missing).order_by(stories.c.id)).scalars()
        ]


def _count(store: Any) -> int:
    with store.connect() as conn:
        return repo.story_count(conn)
