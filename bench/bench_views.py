"""Story view build time and memory against the story's size (issue #19).

Stories are assembled from *real analysed articles*: every article of the
stores given (``veille ingest`` of news-clusters/news_cluster.jsonl, 382
English articles, and of SemEval-2022 task 8's English and French training
texts, 687 more; analysed once, then read back from the store). A story of n
articles takes the first n distinct real articles (news-clusters first, in
ingest order); beyond the 1,069 distinct ones, articles are copies of them
under another id and another outlet (as a wire dispatch is run by many
sites), so the largest stories mix ~1,000 distinct texts with repeated ones.

Each size runs in a fresh child process (peak RSS is that build's, after the
imports a build needs and one warm-up build of one article per language: two
languages, so the multilingual encoder a running worker holds is loaded too,
issue #18), reporting wall
and CPU seconds of ``build_story_view`` plus its JSON, the peak resident
memory, and the growth: seconds per article, and the exponent between two
sizes (1.0 linear; n log n gives ~1.1 over a decade). Then one more real
article is added by an incremental update (``stories.incremental``), timed
with the JSON read and write of the stored view around it.

With ``--updates K`` the stored view is also handed to another fresh process
(after the same warm-up) that adds the next K real articles one update at a
time, each with the JSON read and write around it, as the service updates a
growing story in one process: each update's CPU and wall seconds, and that
process's peak resident memory (the update's, apart from the build's).

With ``--baseline-src DIR`` (a checkout of an earlier ``src/``, e.g.
``git archive <commit> src | tar -x -C DIR``) the same stories are built by
that code too, in the same run, for the sizes given by ``--baseline-sizes``.

Run:
  veille --db /tmp/nc.db ingest ../shared/data/news-clusters/news_cluster.jsonl --no-cluster
  veille --db /tmp/se.db ingest semeval.jsonl --no-cluster   # see make_semeval_jsonl below
  .venv/bin/python bench/bench_views.py --stores /tmp/nc.db /tmp/se.db \\
      --sizes 10 100 1000 5000 [--baseline-src /tmp/base/src --baseline-sizes 10 100]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib
import inspect
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEILLE_SHARED_DATA", REPO.parent / "shared" / "data"))


def make_semeval_jsonl(out: Path, limit: int = 1000) -> Path:
    """English and French SemEval-2022 task 8 texts (longer than 400 characters,
    each article once) as a JSONL file for ``veille ingest``."""
    csv.field_size_limit(10**9)
    seen: set[str] = set()
    rows: list[dict[str, Any]] = []
    with (SHARED / "semeval2022-task8" / "training_set.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            ids = row["pair_id"].split("_")
            for k in ("1", "2"):
                lang, text, aid = row[f"lang{k}"], row[f"text{k}"], ids[int(k) - 1]
                if lang in ("en", "fr") and len(text) > 400 and aid not in seen:
                    seen.add(aid)
                    rows.append({"id": f"se-{aid}", "title": text.partition("\n")[0][:200],
                                 "text": text, "source": f"semeval-{len(rows) % 40}",
                                 "language": lang, "published": "2020-05-01"})
    with out.open("w", encoding="utf-8") as fh:
        for r in rows[:limit]:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out


def load_real(stores: list[str]) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """(article row, analysis JSON) of every article of the stores, in ingest order."""
    from sqlalchemy import select

    from veille.store import Store
    from veille.store.schema import analyses, articles
    from veille.store.story_views import ARTICLE_COLS

    out = []
    for url in stores:
        store = Store.open(url, migrate=False)
        try:
            with store.connect() as conn:
                data = {r.article_uid: r.data for r in conn.execute(
                    select(analyses.c.article_uid, analyses.c.data))}
                for r in conn.execute(select(*(articles.c[c] for c in ARTICLE_COLS))
                                      .order_by(articles.c.seq)):
                    row = dict(r._mapping)
                    out.append((row, data.get(row["uid"])))
        finally:
            store.close()
    return out


def assemble(real: list[tuple[dict[str, Any], dict[str, Any] | None]], n: int
             ) -> tuple[list[dict[str, Any]], list[dict[str, Any] | None]]:
    arts, ans = [], []
    for k in range(n):
        row, an = real[k % len(real)]
        copy = k // len(real)
        if copy:
            row = dict(row, uid=f"{row['uid']}~{copy}",
                       source=f"{row.get('source') or 'outlet'}-copy{copy}", url=None)
            an = dict(an, article_uid=row["uid"]) if an else None
        arts.append(row)
        ans.append(an)
    return arts, ans


def one(stores: list[str], n: int, save_to: str | None = None) -> dict[str, Any]:
    """In the child: build one story of n articles, measured (its view JSON
    written to ``save_to`` for :func:`updates`)."""
    from veille.stories.view import build_story_view

    real = load_real(stores)
    # warm-up: one article of each language loads what a running server holds
    # already (language packs, stop words, compiled patterns)
    first: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    for row, an in real:
        first.setdefault(str(row.get("language")), (row, an))
    build_story_view([r for r, _ in first.values()], [a for _, a in first.values()], {})
    arts, ans = assemble(real, n)
    kept = _KeptVectors()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    with kept.active():
        view = build_story_view(arts, ans, {})
    text = json.dumps(view.to_dict(), ensure_ascii=False)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    warm_cpu = None
    if save_to:
        Path(save_to).write_text(text, encoding="utf-8")
        with contextlib.suppress(ImportError):  # what the service embeds after a big build
            from veille.stories.incremental import warm_vectors

            c2 = time.process_time()
            with kept.active():
                warm_vectors(json.loads(text))
            warm_cpu = round(time.process_time() - c2, 3)
        kept.write(save_to)
    peak_full = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # incremental update: one more real article added to the stored view (its
    # JSON read and written again, as the service does around the update)
    from veille.core.records import StoredArticle, analysis_from_dict

    upd_wall = upd_cpu = None
    inc: Any = None
    with contextlib.suppress(ImportError):  # a baseline without incremental views
        inc = importlib.import_module("veille.stories.incremental")
    if inc is not None:
        more_a, more_b = assemble(real, n + 1)
        added = StoredArticle.from_row(more_a[-1])
        added_an = analysis_from_dict(more_b[-1], added.uid) if more_b[-1] else None
        # stored articles read back for the new statements' disagreements
        # (session 12), as the service reads them from the store
        rows = {r["uid"]: (r, a) for r, a in zip(arts, ans, strict=True)}

        def context(uids: Any) -> tuple[list[Any], list[Any]]:
            got = [rows[u] for u in uids]
            return ([StoredArticle.from_row(r) for r, _ in got],
                    [analysis_from_dict(a, r["uid"]) if a else None for r, a in got])

        extra = ({"context": context} if "context" in
                 inspect.signature(inc.update_story_view).parameters else {})
        t1, c1 = time.perf_counter(), time.process_time()
        stored = json.loads(text)
        updated = inc.update_story_view(stored, [added], [added_an], {}, **extra)
        json.dumps(updated, ensure_ascii=False)
        upd_wall, upd_cpu = time.perf_counter() - t1, time.process_time() - c1
    return {
        "warm_vectors_cpu_s": warm_cpu,
        "update_wall_s": None if upd_wall is None else round(upd_wall, 3),
        "update_cpu_s": None if upd_cpu is None else round(upd_cpu, 3),
        "peak_rss_full_mb": round(peak_full, 1),
        "n": n, "distinct": min(n, len(real)), "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_mb": round(rss0, 1), "view_mb": round(len(text.encode()) / 1e6, 2),
        "facts": len(view.facts), "timeline": len(view.timeline),
        "disagreements": len(view.disagreements), "notes": view.missing[:3],
    }


def updates(stores: list[str], n: int, view_path: str, k: int,
            store_io: bool = False, stages: bool = False) -> dict[str, Any]:
    """In the child: the stored view of n articles (written by :func:`one`)
    updated k times, one real article each (the (n+1)th, ...), JSON read and
    written around each update, in one process after the same warm-up.

    ``store_io``: the view is read and saved through a scratch SQLite store
    (``store.story_views.stored_view`` / ``save_view``, one transaction per
    update, as ``stories.service`` does) instead of ``json.loads``/``dumps``
    in the bench: the store's codec is SQLAlchemy's (``json.dumps`` with its
    ASCII escapes, cheaper than the bench's ``ensure_ascii=False`` by ~0.07 s
    on a 20 MB view) plus SQLite's own read and write.

    ``stages``: each update's CPU seconds by stage (:class:`_Stages`)."""
    from veille.core.records import StoredArticle, analysis_from_dict
    from veille.stories.view import build_story_view

    inc = importlib.import_module("veille.stories.incremental")
    real = load_real(stores)
    first: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    for row, an in real:
        first.setdefault(str(row.get("language")), (row, an))
    build_story_view([r for r, _ in first.values()], [a for _, a in first.values()], {})
    arts, ans = assemble(real, n + k)
    rows = {r["uid"]: (r, a) for r, a in zip(arts, ans, strict=True)}

    def context(uids: Any) -> tuple[list[Any], list[Any]]:
        got = [rows[u] for u in uids]
        return ([StoredArticle.from_row(r) for r, _ in got],
                [analysis_from_dict(a, r["uid"]) if a else None for r, a in got])

    extra = ({"context": context} if "context" in
             inspect.signature(inc.update_story_view).parameters else {})
    text = Path(view_path).read_text(encoding="utf-8")
    timer = _Stages() if stages else None
    by_stage: list[dict[str, float]] = []
    with contextlib.ExitStack() as stack:
        io = stack.enter_context(_ScratchStore(text, view_path)) if store_io else None
        if io is not None:
            text = ""  # the store holds the view now (peak memory: the updates')
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        cpu, wall, encoded = [], [], []
        stats = getattr(importlib.import_module("veille.stories.xlang"), "STATS", None)
        for x in range(n, n + k):
            before = dict(stats or {})
            added = StoredArticle.from_row(arts[x])
            added_an = analysis_from_dict(ans[x], added.uid) if ans[x] else None
            t1, c1 = time.perf_counter(), time.process_time()
            if io is not None:
                io.update(lambda v, a=added, an=added_an:
                          inc.update_story_view(v, [a], [an], {}, **extra))
            else:
                stored = json.loads(text)
                updated = inc.update_story_view(stored, [added], [added_an], {}, **extra)
                text = json.dumps(updated, ensure_ascii=False)
            wall.append(round(time.perf_counter() - t1, 3))
            cpu.append(round(time.process_time() - c1, 3))
            if timer is not None:
                by_stage.append(timer.take())
            if stats is not None:  # texts the encoder made, and read from the store
                encoded.append([stats["encoded"] - before.get("encoded", 0),
                                stats["stored"] - before.get("stored", 0)])
    return {"n": n, "updates_cpu_s": cpu, "updates_wall_s": wall, "store_io": store_io,
            "updates_encoded_stored": encoded or None,
            "update_rss_before_mb": round(rss0, 1),
            **({"updates_stages_cpu_s": by_stage} if timer is not None else {}),
            "update_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                                        / 1024, 1)}


class _Stages:
    """CPU seconds of the stages of an update, by wrappers on the names
    ``stories.incremental`` calls and on the store's view read and write
    (those a tree has: a baseline may lack some). Not cProfile: its overhead
    doubles the Python-heavy stages and hides where an update goes. A stage
    called inside another is counted in both (``_embed`` in ``join_lines``)."""

    NAMES = ("build_units", "_fact_index", "_join_across_languages", "group_statements",
             "build_facts", "build_timeline", "join_lines", "resummarize",
             "_new_disagreements", "build_speakers", "join_speakers", "_merge_graph",
             "_embed", "StoryVectors")

    def __init__(self) -> None:
        self.acc: dict[str, float] = {}
        inc = importlib.import_module("veille.stories.incremental")
        for name in self.NAMES:
            if hasattr(inc, name):
                self._wrap(inc, name, name)
        self._wrap(inc, "update_story_view", "update_story_view")
        views = importlib.import_module("veille.store.story_views")
        for name in ("stored_view", "save_view"):
            self._wrap(views, name, name)
        codec = getattr(views, "view_codec", None)
        for name in ("decode", "encode"):
            if codec is not None and hasattr(codec, name):
                self._wrap(codec, name, f"view_{name}")

    def _wrap(self, module: Any, name: str, label: str) -> None:
        f = getattr(module, name)
        acc = self.acc

        def timed(*a: Any, **kw: Any) -> Any:
            c = time.process_time()
            try:
                return f(*a, **kw)
            finally:
                acc[label] = acc.get(label, 0.0) + time.process_time() - c

        setattr(module, name, timed)

    def take(self) -> dict[str, float]:
        """The stages of the last update, most costly first (then reset)."""
        got = {k: round(v, 3) for k, v in sorted(self.acc.items(), key=lambda kv: -kv[1])}
        self.acc.clear()
        return got


class _KeptVectors:
    """The encoder's vectors a build made (``xlang.VectorSource``), written
    beside the saved view: the service saves them with a big story's view
    (``stories.vector_store``), so :class:`_ScratchStore` puts them in its
    store before the updates. Nothing with code before the statement vectors."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.vectors: list[Any] = []

    def lookup(self, texts: Any) -> dict[str, Any]:
        return {}

    def add(self, text: str, vector: Any) -> None:
        self.texts.append(text)
        self.vectors.append(vector)

    def note_used(self, texts: Any) -> None:
        return None

    def active(self) -> contextlib.AbstractContextManager[Any]:
        try:
            from veille.stories.xlang import vector_source
        except ImportError:
            return contextlib.nullcontext()
        return vector_source(self)

    def write(self, view_path: str) -> None:
        import numpy as np

        if self.texts:
            np.savez(_vectors_path(view_path), texts=np.array(self.texts, dtype=object),
                     vectors=np.stack(self.vectors))


def _vectors_path(view_path: str) -> Path:
    return Path(view_path + ".vectors.npz")


class _ScratchStore:
    """A throw-away SQLite store holding one story whose view an update reads
    and saves as the service does (created untimed). The view's text goes in
    as saved by :func:`one`, not parsed here, so the process's peak memory is
    the updates' (the first update reads that text, later ones the store's).
    The vectors the build made go in too, and each update reads and saves
    statement vectors through the store as ``stories.service`` does (code
    that has no statement vectors: neither)."""

    def __init__(self, view_text: str, view_path: str | None = None) -> None:
        self.view_text = view_text
        self.view_path = view_path

    def __enter__(self) -> _ScratchStore:
        from datetime import UTC, datetime

        from sqlalchemy import text as sql

        from veille.store import Store
        from veille.store.schema import stories

        self.tmp = tempfile.TemporaryDirectory()
        self.store = Store.open(str(Path(self.tmp.name) / "upd.db"))
        with self.store.begin() as conn:
            self.sid = int(conn.execute(stories.insert().values(
                size=0, updated_at=datetime.now(UTC))).inserted_primary_key[0])
            conn.execute(sql("UPDATE stories SET view = :v WHERE id = :i"),
                         {"v": self.view_text, "i": self.sid})
        del self.view_text
        self.vectors: Any = None
        try:
            from veille.stories import vector_store
        except ImportError:
            return self
        self.vectors = vector_store
        path = _vectors_path(self.view_path) if self.view_path else None
        if path is not None and path.exists():
            import numpy as np

            got = np.load(path, allow_pickle=True)
            with self.store.begin() as conn, vector_store.stored_vectors(self.store) as kept:
                for t, v in zip(got["texts"].tolist(), got["vectors"], strict=True):
                    kept.add(str(t), v)
                kept.save(conn)
        return self

    def update(self, fn: Any) -> None:
        from veille.store.story_views import save_view, stored_view

        with contextlib.ExitStack() as stack:
            kept = (stack.enter_context(self.vectors.stored_vectors(self.store))
                    if self.vectors is not None else None)
            with self.store.connect() as conn:
                _, stored = stored_view(conn, self.sid)
            updated = fn(dict(stored or {}))
        with self.store.begin() as conn:
            save_view(conn, self.sid, updated, None)
            if kept is not None:
                kept.save(conn)

    def __exit__(self, *exc: object) -> None:
        self.store.close()
        self.tmp.cleanup()


def bad(stores: list[str], kind: str) -> dict[str, Any]:
    """In the child: the bad inputs of issue #19, measured like :func:`one`.

    ``copies``: 10,000 articles with the body of one real article (ids, outlets
    and dates differ: a wire dispatch run everywhere); ``dates``: one article of
    5,000 sentences each dated to another day (its analysis written here, times
    resolved)."""
    from veille.stories.view import build_story_view

    real = load_real(stores)
    build_story_view([real[0][0]], [real[0][1]], {})
    if kind == "copies":
        row, an = next((r, a) for r, a in real if a and len(a.get("sentences") or []) >= 20)
        arts, ans = [], []
        for k in range(10_000):
            uid = f"{row['uid']}~{k}"
            arts.append(dict(row, uid=uid, source=f"outlet-{k % 700}", url=None,
                             published=f"2017-08-{1 + k % 28:02d}"))
            ans.append(dict(an, article_uid=uid))
    else:
        sents, times, text = [], [], ""
        for k in range(5_000):
            day = date.fromordinal(date(2000, 1, 1).toordinal() + 3 * k)
            s = f"On {day.isoformat()} the council voted on budget line {k}."
            at = len(text)
            sents.append({"index": k, "start": at, "end": at + len(s), "text": s})
            times.append({"text": day.isoformat(), "start": at + 3, "end": at + 13, "sentence": k,
                          "type": "DATE", "value": day.isoformat(),
                          "range_start": day.isoformat(), "range_end": day.isoformat(),
                          "granularity": "day"})
            text += s + " "
        arts = [{"uid": "dates", "title": "Council budget", "text": text, "source": "bench",
                 "url": None, "published": "2030-01-01", "date_precision": "day",
                 "language": "en", "duplicate_of": None}]
        ans = [{"article_uid": "dates", "language": "en", "sentences": sents, "entities": [],
                "quotes": [], "times": times, "quantities": [], "notes": []}]
    t0, c0 = time.perf_counter(), time.process_time()
    view = build_story_view(arts, ans, {})
    out = json.dumps(view.to_dict(), ensure_ascii=False)
    return {"kind": kind, "wall_s": round(time.perf_counter() - t0, 2),
            "cpu_s": round(time.process_time() - c0, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "view_mb": round(len(out.encode()) / 1e6, 2), "facts": len(view.facts),
            "timeline": len(view.timeline),
            "compact": sum(e.compact for e in view.timeline), "missing": view.missing}


def quality(store_url: str) -> dict[str, Any]:
    """In the child: every story of a clustered store rebuilt, and what its
    timeline and disagreements look like (the figures of issue #19)."""
    from sqlalchemy import select

    from veille.core.text import fold_words
    from veille.store import Store
    from veille.store.schema import stories
    from veille.store.story_views import story_inputs
    from veille.stories.view import build_story_view

    store = Store.open(store_url, migrate=False)  # a store migrated by the newer code
    items = repeats = compact = 0
    per_story: list[int] = []
    dis: dict[str, int] = {}
    samples: list[dict[str, Any]] = []
    t0 = time.process_time()
    try:
        with store.connect() as conn:
            ids = [r.id for r in conn.execute(select(stories.c.id).order_by(stories.c.id))]
            for sid in ids:
                inp = story_inputs(conn, sid)
                v = build_story_view(inp.articles, inp.analyses, inp.entities).to_dict()
                seen: set[str] = set()
                for e in v["timeline"]:
                    k = fold_words(e["sentence"])
                    repeats += k in seen
                    seen.add(k)
                    compact += bool(e.get("compact"))
                items += len(v["timeline"])
                per_story.append(len(v["timeline"]))
                for d in v["disagreements"]:
                    dis[d["kind"]] = dis.get(d["kind"], 0) + 1
                    samples.append({"story": sid, "kind": d["kind"], "about": d["about"],
                                    "sides": [(sd["source"], [x.get("text") for x in sd["value"]]
                                               if isinstance(sd["value"], list) else sd["value"],
                                               sd["text"][:200]) for sd in d["sides"]]})
    finally:
        store.close()
    return {"stories": len(per_story), "timeline_items": items, "repeated_sentences": repeats,
            "max_items": max(per_story, default=0), "compact_items": compact,
            "disagreements": dis, "cpu_s": round(time.process_time() - t0, 1),
            "samples": samples}


def run_child(stores: list[str], n: int, src: str | None, timeout: float,
              n_updates: int = 0) -> dict[str, Any]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    with tempfile.TemporaryDirectory() as tmp:
        saved = str(Path(tmp) / "view.json")
        cmd = [sys.executable, __file__, "--one", str(n), "--stores", *stores]
        if n_updates:
            cmd += ["--save-view", saved]
        try:
            out = subprocess.run(cmd, env=env, capture_output=True, text=True,
                                 timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"n": n, "error": f"timed out after {timeout:.0f} s"}
        if out.returncode != 0:
            return {"n": n, "error": out.stderr.strip().splitlines()[-1:] or ["failed"]}
        result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
        if n_updates:
            cmd = [sys.executable, __file__, "--update-one", str(n), "--save-view", saved,
                   "--updates", str(n_updates), "--stores", *stores]
            up = subprocess.run(cmd, env=env, capture_output=True, text=True,
                                timeout=timeout, check=False)
            result.update(json.loads(up.stdout.strip().splitlines()[-1]) if up.returncode == 0
                          else {"updates_error": up.stderr.strip().splitlines()[-1:]})
    return result


def growth(rows: list[dict[str, Any]]) -> None:
    ok = [r for r in rows if "cpu_s" in r]
    for a, b in zip(ok, ok[1:], strict=False):
        if a["cpu_s"] > 0 and b["n"] > a["n"]:
            b["exponent"] = round(math.log(b["cpu_s"] / a["cpu_s"]) / math.log(b["n"] / a["n"]),
                                  2)
    for r in ok:
        r["ms_per_article"] = round(1000 * r["cpu_s"] / r["n"], 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stores", nargs="+", required=True, help="store URLs or SQLite paths")
    ap.add_argument("--sizes", nargs="+", type=int, default=[10, 100, 1000])
    ap.add_argument("--baseline-src", default=None)
    ap.add_argument("--baseline-sizes", nargs="+", type=int, default=[10, 100])
    ap.add_argument("--timeout", type=float, default=900.0)
    ap.add_argument("--json", default=str(REPO / "bench" / "results" / "views.json"))
    ap.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--updates", type=int, default=0,
                    help="also add this many articles one update at a time in another "
                         "process (each update's seconds, that process's peak memory)")
    ap.add_argument("--update-one", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--store-io", action="store_true",
                    help="with --update-one: read and save the view through a scratch "
                         "SQLite store (the store's JSON codec and SQLite I/O, as the "
                         "service does) instead of json.loads/dumps in the bench, and "
                         "the statement vectors the build saved with it")
    ap.add_argument("--stages", action="store_true",
                    help="with --update-one: each update's CPU seconds by stage "
                         "(wrappers on the functions an update calls, not cProfile)")
    ap.add_argument("--save-view", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--quality", action="store_true",
                    help="rebuild every story of the first store (clustered) and report "
                         "timeline repeats and disagreements (with --baseline-src: both)")
    ap.add_argument("--quality-one", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--bad", action="store_true",
                    help="the bad inputs: 10,000 copies of one article, 5,000 dates")
    ap.add_argument("--bad-one", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.stores, args.one, args.save_view)))
        return
    if args.update_one is not None:
        print(json.dumps(updates(args.stores, args.update_one, args.save_view, args.updates,
                                 args.store_io, args.stages)))
        return
    if args.bad_one:
        print(json.dumps(bad(args.stores, args.bad_one), ensure_ascii=False))
        return
    if args.bad:
        for kind in ("copies", "dates"):
            res = subprocess.run([sys.executable, __file__, "--bad-one", kind, "--stores",
                                  *args.stores], capture_output=True, text=True, check=False,
                                 timeout=args.timeout)
            print(kind, res.stdout.strip().splitlines()[-1:] if res.returncode == 0
                  else res.stderr.strip().splitlines()[-3:], flush=True)
        return
    if args.quality_one:
        print(json.dumps(quality(args.stores[0]), ensure_ascii=False))
        return
    if args.quality:
        out = {}
        for label, src in (("now", None), ("baseline", args.baseline_src)):
            if label == "baseline" and not src:
                continue
            env = dict(os.environ, **({"PYTHONPATH": src} if src else {}))
            res = subprocess.run([sys.executable, __file__, "--quality-one", "--stores",
                                  args.stores[0]], env=env, capture_output=True, text=True,
                                 check=False)
            out[label] = (json.loads(res.stdout.strip().splitlines()[-1]) if res.returncode == 0
                          else {"error": res.stderr.strip().splitlines()[-1:]})
            print(label, {k: v for k, v in out[label].items() if k != "samples"},
                  flush=True)
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False),
                                   encoding="utf-8")
        return
    report: dict[str, Any] = {"machine": f"{os.cpu_count()} cores",
                              "load_avg": os.getloadavg()[0], "rows": [], "baseline": []}
    for n in args.sizes:
        report["rows"].append(run_child(args.stores, n, None, args.timeout, args.updates))
        print("now", report["rows"][-1], flush=True)
    growth(report["rows"])
    if args.baseline_src:
        for n in args.baseline_sizes:
            report["baseline"].append(run_child(args.stores, n, args.baseline_src, args.timeout,
                                                args.updates))
            print("baseline", report["baseline"][-1], flush=True)
        growth(report["baseline"])
    print(f"{'':>9} {'n':>6} {'wall s':>8} {'cpu s':>8} {'ms/art':>7} {'exp':>5} {'peak MB':>8} "
          f"{'update cpu s':>12} {'updates (own process) cpu s':>28} {'upd peak MB':>11}")
    for label, rows in (("now", report["rows"]), ("baseline", report["baseline"])):
        for r in rows:
            if "error" in r:
                print(f"{label:>9} {r['n']:>6} {r['error']}")
                continue
            print(f"{label:>9} {r['n']:>6} {r['wall_s']:>8} {r['cpu_s']:>8} "
                  f"{r['ms_per_article']:>7} {r.get('exponent', ''):>5} {r['peak_rss_mb']:>8} "
                  f"{r.get('update_cpu_s') or '':>12} "
                  f"{' '.join(map(str, r.get('updates_cpu_s') or [])):>28} "
                  f"{r.get('update_peak_rss_mb') or '':>11}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
