"""Scoring the furniture detector against the lines labelled in tests/data/furniture.

The labels name a line by corpus, document and segment index (the segments of
:func:`veille.analyze.furniture.segments`); the texts are read from the public
dev corpora in ``../shared/data`` and the seeds, never copied into the repo
(each label carries the first characters of its line and a hash of the whole,
so a label that no longer points at its line is reported, not scored).
The split into a tuning and a held-out part is by document, by a stable hash,
fixed before any tuning.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.analyze import furniture
from veille.analyze.furniture import Model, SiteCounts

HELD_OUT_MODULUS = 3  # one document in three is held out


@dataclass(frozen=True)
class Doc:
    corpus: str
    doc_id: str
    text: str
    language: str | None
    source: str | None = None


@dataclass(frozen=True)
class Label:
    corpus: str
    doc_id: str
    segment: int
    label: str  # "furniture" | "prose"
    sha1: str
    text: str = ""
    #: A part named in the labels file (the fresh held-out set labelled after
    #: the weights were fitted says so itself); else the document's hash decides.
    split: str | None = None
    source: str | None = None

    @property
    def part(self) -> str:
        return self.split or part_of(self.corpus, self.doc_id)


def part_of(corpus: str, doc_id: str) -> str:
    """``held-out`` or ``tune``: a stable hash of the document, never of the line."""
    h = int(hashlib.sha1(f"furniture:{corpus}:{doc_id}".encode()).hexdigest()[:8], 16)
    return "held-out" if h % HELD_OUT_MODULUS == 0 else "tune"


def line_hash(line: str) -> str:
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:12]


def _news_clusters(root: Path) -> Iterator[Doc]:
    path = root / "news-clusters" / "news_cluster.jsonl"
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if raw.strip():
                r = json.loads(raw)
                yield Doc("news-clusters", str(r["id"]), str(r.get("text") or ""),
                          r.get("language"), r.get("source"))


def _polnear(root: Path, split: str = "dev") -> Iterator[Doc]:
    for p in sorted((root / "polnear" / split / "text").glob("*.txt")):
        yield Doc(f"polnear-{split}", p.stem, p.read_text(encoding="utf-8"), "en", p.stem.split("_")[0])


_TAG = re.compile(r"<[^>]+>")


def _fr_timebank(root: Path) -> Iterator[Doc]:
    """The dev articles' running text (the TimeML tags stripped; entities unescaped)."""
    for p in sorted((root / "fr-timebank" / "dev").glob("*.tml")):
        raw = p.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
        if m:
            yield Doc("fr-timebank-dev", p.stem, html.unescape(_TAG.sub("", m.group(1))), "fr")


def _semeval(root: Path) -> Iterator[Doc]:
    path = root / "semeval2022-task8" / "training_set.csv"
    csv.field_size_limit(sys.maxsize)
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ids = str(row.get("pair_id") or "").split("_")
            for k in (1, 2):
                lang = row.get(f"lang{k}")
                if not lang or len(ids) < k:
                    continue
                doc_id = ids[k - 1]
                if doc_id in seen:
                    continue
                seen.add(doc_id)
                yield Doc("semeval", doc_id, str(row.get(f"text{k}") or ""), lang)


def _seeds(seeds: Path) -> Iterator[Doc]:
    for p in sorted(seeds.glob("*.txt")):
        yield Doc("seeds", p.stem, p.read_text(encoding="utf-8"), "fr")


def load_docs(shared_data: Path, seeds: Path | None = None) -> dict[tuple[str, str], Doc]:
    """Every document the labels may name, by (corpus, id)."""
    out: dict[tuple[str, str], Doc] = {}
    readers: list[Iterable[Doc]] = [_news_clusters(shared_data), _polnear(shared_data),
                                    _polnear(shared_data, "train"), _semeval(shared_data),
                                    _fr_timebank(shared_data)]
    if seeds is not None and seeds.is_dir():
        readers.append(_seeds(seeds))
    for reader in readers:
        for d in reader:
            out[(d.corpus, d.doc_id)] = d
    return out


def _family(corpus: str) -> str:
    """Corpora whose sources are the same outlets (PolNeAR's dev and train)."""
    return "polnear" if corpus.startswith("polnear") else corpus


class SiteIndex:
    """Per-source line counts over the dev corpora, standing in for the store
    a new user's ingest builds (``veille.store.line_counts``): for a document,
    the other documents of its source (news-clusters ``source``, PolNeAR
    outlet) and in how many of them each of its lines recurs. A document
    without a source (SemEval, fr-timebank, the seeds) gets none."""

    def __init__(self, docs: Mapping[tuple[str, str], Doc]) -> None:
        self.docs = docs
        self._keys: dict[tuple[str, str], frozenset[str]] = {}
        self._by_source: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self._counts: dict[tuple[str, str], dict[str, int]] = {}
        for key, d in docs.items():
            if d.source:
                self._by_source.setdefault((_family(d.corpus), d.source), []).append(key)

    def keys(self, key: tuple[str, str]) -> frozenset[str]:
        if key not in self._keys:
            d = self.docs[key]
            self._keys[key] = frozenset(k for k in furniture.line_keys(d.text, language=d.language) if k)
        return self._keys[key]

    def of(self, key: tuple[str, str]) -> SiteCounts | None:
        d = self.docs.get(key)
        if d is None or not d.source:
            return None
        src = (_family(d.corpus), d.source)
        members = self._by_source.get(src, [])
        if src not in self._counts:
            counts: dict[str, int] = {}
            for m in members:
                for k in self.keys(m):
                    counts[k] = counts.get(k, 0) + 1
            self._counts[src] = counts
        counts = self._counts[src]
        mine = self.keys(key)
        return SiteCounts(len(members) - 1, {k: counts[k] - 1 for k in mine if counts.get(k, 0) > 1})


#: Parts a labels file may name itself: labelled after the model existed, never fitted on.
EXPLICIT_PARTS = ("fresh-held-out", "fresh2-held-out", "fresh3-held-out", "fresh4-held-out",
                  "fresh5-held-out", "fresh7-held-out", "fresh8-held-out", "fresh9-held-out",
                  "fresh10-held-out", "fresh11-held-out", "fresh12-held-out", "fresh13-held-out",
                  "fresh14-held-out", "fresh15-held-out", "fresh16-held-out")


def load_labels(path: Path) -> list[Label]:
    """The labels of one JSONL file, or of every ``*.jsonl`` in a folder."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    out = []
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for raw in fh:
                if raw.strip():
                    r = json.loads(raw)
                    # the part written in the file wins: the hash wrote it for rounds 1-4
                    # (they agree), and session 7's training lines are tune whatever
                    # their hash, so that the old held-out part keeps its documents
                    split = r.get("part") if r.get("part") in (*EXPLICIT_PARTS, "tune", "held-out") else None
                    out.append(Label(r["corpus"], r["doc"], int(r["segment"]), r["label"],
                                     r["sha1"], r.get("text", ""), split, r.get("source")))
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    missing: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, doc, line)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def to_dict(self) -> dict[str, object]:
        return {"lines": self.tp + self.fp + self.fn + self.tn, "furniture": self.tp + self.fn,
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "unmatched_labels": self.missing}


def _by_doc(labels: Iterable[Label]) -> dict[tuple[str, str], list[Label]]:
    out: dict[tuple[str, str], list[Label]] = {}
    for lb in labels:
        out.setdefault((lb.corpus, lb.doc_id), []).append(lb)
    return out


def labelled_rows(labels: Iterable[Label], docs: dict[tuple[str, str], Doc],
                  sites: SiteIndex | None = None, lines: list[str] | None = None,
                  ) -> tuple[list[list[float]], list[int], list[str], int]:
    """Feature rows, labels (1 = furniture) and document groups of the labels
    that still point at their line; and how many do not. ``lines``, when
    given, receives each row's line (a trainer listing its errors)."""
    sites = sites if sites is not None else SiteIndex(docs)
    rows: list[list[float]] = []
    ys: list[int] = []
    groups: list[str] = []
    missing = 0
    for key, lbs in _by_doc(labels).items():
        doc = docs.get(key)
        if doc is None:
            missing += len(lbs)
            continue
        spans = furniture.segments(doc.text, doc.language)
        feats = furniture.features(doc.text, spans, furniture.words_for(doc.language),
                                   furniture.stop_words(doc.language), sites.of(key))
        for lb in lbs:
            if lb.segment >= len(spans):
                missing += 1
                continue
            a, b = spans[lb.segment]
            if line_hash(doc.text[a:b]) != lb.sha1:
                missing += 1
                continue
            rows.append(feats[lb.segment])
            ys.append(int(lb.label == "furniture"))
            groups.append(f"{key[0]}:{key[1]}")
            if lines is not None:
                lines.append(doc.text[a:b])
    return rows, ys, groups, missing


def evaluate(labels: Iterable[Label], docs: dict[tuple[str, str], Doc],
             model: Model | None = None, sites: SiteIndex | None | bool = None) -> Score:
    """Precision and recall of the detector's verdicts on the labelled lines;
    with the per-source line counts of the corpora unless ``sites`` is False."""
    index = SiteIndex(docs) if sites is None or sites is True else (sites or None)
    score = Score()
    for key, lbs in _by_doc(labels).items():
        doc = docs.get(key)
        if doc is None:
            score.missing += len(lbs)
            continue
        segs = furniture.detect(doc.text, doc.language, model,
                                index.of(key) if index is not None else None)
        for lb in lbs:
            if lb.segment >= len(segs):
                score.missing += 1
                continue
            seg = segs[lb.segment]
            line = doc.text[seg.start:seg.end]
            if line_hash(line) != lb.sha1:
                score.missing += 1
                continue
            gold = lb.label == "furniture"
            if gold and seg.furniture:
                score.tp += 1
            elif gold:
                score.fn += 1
                score.errors.append(("missed", f"{lb.corpus}:{lb.doc_id}", line))
            elif seg.furniture:
                score.fp += 1
                score.errors.append(("false alarm", f"{lb.corpus}:{lb.doc_id}", line))
            else:
                score.tn += 1
    return score


@dataclass
class ViewCount:
    """Story-view items whose text lies mostly in a furniture line of its article."""

    stories: int = 0
    summary: int = 0
    summary_furniture: int = 0
    timeline: int = 0
    timeline_furniture: int = 0
    examples: list[tuple[str, int, str]] = field(default_factory=list)  # (part, story, text)

    def to_dict(self) -> dict[str, object]:
        return {"stories": self.stories, "summary_sentences": self.summary,
                "summary_furniture": self.summary_furniture, "timeline_items": self.timeline,
                "timeline_furniture": self.timeline_furniture}


def _is_furniture(segs: list[furniture.Segment], a: int, b: int) -> bool:
    inside = sum(max(0, min(b, s.end) - max(a, s.start)) for s in segs if s.furniture)
    return b > a and inside >= furniture.SENTENCE_SHARE * (b - a)


def count_view_furniture(views: Iterable[tuple[int, Mapping[str, Any]]],
                         article: Callable[[str], tuple[str, str | None] | None],
                         model: Model | None = None,
                         site: Callable[[str, str, str | None], SiteCounts | None] | None = None,
                         ) -> ViewCount:
    """Summary sentences and timeline items of stored views that the detector
    calls furniture in their own article: ``views`` are (story id, view JSON),
    ``article(uid)`` gives (text, language), ``site(uid, text, language)`` the
    store's per-source line counts. Works on a store made before the
    furniture flags existed, so "before" and "after" are counted alike."""
    out = ViewCount()
    cache: dict[str, tuple[str, list[furniture.Segment]] | None] = {}

    def segs_of(uid: str) -> tuple[str, list[furniture.Segment]] | None:
        if uid not in cache:
            got = article(uid)
            cache[uid] = None if got is None else (
                got[0], furniture.detect(got[0], got[1], model,
                                         site(uid, got[0], got[1]) if site is not None else None))
        return cache[uid]

    for sid, view in views:
        out.stories += 1
        for s in view.get("summary") or []:
            out.summary += 1
            got = segs_of(str(s.get("article")))
            if got and _is_furniture(got[1], int(s.get("start") or 0), int(s.get("end") or 0)):
                out.summary_furniture += 1
                out.examples.append(("summary", sid, str(s.get("text"))))
        for t in view.get("timeline") or []:
            out.timeline += 1
            sentence = str(t.get("sentence") or "")
            for uid in t.get("articles") or []:
                got = segs_of(str(uid))
                pos = got[0].find(sentence) if got and sentence else -1
                if got and pos >= 0:
                    if _is_furniture(got[1], pos, pos + len(sentence)):
                        out.timeline_furniture += 1
                        out.examples.append(("timeline", sid, sentence))
                    break
    return out
