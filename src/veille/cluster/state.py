"""A story as the clusterer sees it: a JSON-serialisable running summary.

The state is what ``stories.state`` keeps, so an ingest tomorrow reloads
yesterday's stories and carries on without touching their articles again.
Sparse profiles are truncated to their strongest keys, so a story's size in
memory does not grow with its number of articles.
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from veille.cluster.features import ArticleFeatures
from veille.embed.encoder import model_name

MAX_TERMS = 250
MAX_TITLE = 60
MAX_KEYS = 100
MAX_NUMS = 80
MAX_SOURCES = 50
MAX_MERGES = 20  # merge records kept per story (the latest)


def story_id_for(first_uid: str) -> str:
    """Deterministic id: a rebuild over the same stream yields the same ids."""
    return "st_" + hashlib.sha1(first_uid.encode("utf-8")).hexdigest()[:12]


def _add(profile: dict[str, float], other: dict[str, float], scale: float = 1.0) -> None:
    for k, v in other.items():
        profile[k] = profile.get(k, 0.0) + v * scale


def _inv_norm(profile: dict[str, float], weight: Callable[[str], float]) -> float:
    sq = sum((v * weight(k)) ** 2 for k, v in profile.items())
    return 1.0 / math.sqrt(sq) if sq > 0 else 0.0


def _prune(profile: dict[str, float], limit: int, weight: Callable[[str], float]) -> None:
    """Keep the strongest keys; pruning waits for 25% slack so its sort is amortised."""
    if len(profile) <= limit + limit // 4:
        return
    keep = sorted(profile, key=lambda k: profile[k] * weight(k), reverse=True)[:limit]
    kept = {k: profile[k] for k in keep}
    profile.clear()
    profile.update(kept)


@dataclass
class StoryState:
    id: str
    n: int = 0  # distinct articles (duplicates count once)
    n_dup: int = 0
    terms: dict[str, float] = field(default_factory=dict)
    title_terms: dict[str, float] = field(default_factory=dict)
    keys: dict[str, float] = field(default_factory=dict)
    nums: dict[str, float] = field(default_factory=dict)
    first: date | None = None
    last: date | None = None
    languages: dict[str, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)
    title: str | None = None
    predecessor: str | None = None
    last_seq: int = 0
    ix: list[str] = field(default_factory=list)  # keys the story is posted under
    ix_at: int = 0  # when it was last (re)posted: reload order of the index
    split_at: int = 0  # size at the last split check (checks at x1.5 growth: amortised O(1))
    # Sum of the members' unit vectors (float32) and how many members had one:
    # the centroid direction, whatever the members' languages.
    vec: np.ndarray | None = None
    n_vec: int = 0
    # The stories folded into this one: which, when (stream position), how
    # sure and why (the signals that carried the decision).
    merges: list[dict[str, Any]] = field(default_factory=list)

    def record_merge(self, absorbed: StoryState, p: float, kind: str, why: dict[str, float]) -> None:
        self.merges.append({"absorbed": absorbed.id, "size": absorbed.n, "p": round(p, 4),
                            "kind": kind, "at_seq": self.last_seq, "why": why})
        del self.merges[:-MAX_MERGES]

    def add_vector(self, v: np.ndarray | None) -> None:
        if v is None:
            return
        self.vec = v.astype(np.float32) if self.vec is None else self.vec + v
        self.n_vec += 1

    def add(self, f: ArticleFeatures, weight: Callable[[str], float]) -> None:
        """Fold an article into the running profile.

        Each article enters as a unit vector (under the IDF of the moment), so
        the profile is the sum of its members: its cosine with an article is the
        centroid similarity, and its dot product divided by the size is the
        average-link similarity, both from one sparse vector.
        """
        self.n += 1
        self.add_vector(f.vector)
        _add(self.terms, f.terms, _inv_norm(f.terms, weight))
        _add(self.title_terms, f.title_terms, _inv_norm(f.title_terms, weight))
        _add(self.keys, f.keys, _inv_norm(f.keys, weight))
        _add(self.nums, f.nums, _inv_norm(f.nums, weight))
        _prune(self.terms, MAX_TERMS, weight)
        _prune(self.title_terms, MAX_TITLE, weight)
        _prune(self.keys, MAX_KEYS, weight)
        _prune(self.nums, MAX_NUMS, weight)
        self.note(f)

    def note(self, f: ArticleFeatures) -> None:
        """Bookkeeping shared by new members and duplicates."""
        if f.start and (self.first is None or f.start < self.first):
            self.first = f.start
        if f.end and (self.last is None or f.end > self.last):
            self.last = f.end
        self.languages[f.language] = self.languages.get(f.language, 0) + 1
        if f.source and (f.source in self.sources or len(self.sources) < MAX_SOURCES):
            self.sources[f.source] = self.sources.get(f.source, 0) + 1
        if self.title is None and f.title:
            self.title = f.title
        self.last_seq = max(self.last_seq, f.seq)

    def absorb(self, other: StoryState, weight: Callable[[str], float]) -> None:
        """Merge another story's profile into this one (merge pass)."""
        self.n += other.n
        self.n_dup += other.n_dup
        if other.vec is not None:
            self.vec = other.vec.copy() if self.vec is None else self.vec + other.vec
            self.n_vec += other.n_vec
        for mine, theirs, limit in (
            (self.terms, other.terms, MAX_TERMS),
            (self.title_terms, other.title_terms, MAX_TITLE),
            (self.keys, other.keys, MAX_KEYS),
            (self.nums, other.nums, MAX_NUMS),
        ):
            _add(mine, theirs)
            _prune(mine, limit, weight)
        for d in (other.first, other.last):
            if d and (self.first is None or d < self.first):
                self.first = d
            if d and (self.last is None or d > self.last):
                self.last = d
        for k, v in other.languages.items():
            self.languages[k] = self.languages.get(k, 0) + v
        for k, v in other.sources.items():
            self.sources[k] = self.sources.get(k, 0) + v
        self.last_seq = max(self.last_seq, other.last_seq)
        # What the absorbed story had absorbed is now this story's history.
        self.merges = (self.merges + other.merges)[-MAX_MERGES:]

    def to_dict(self) -> dict[str, Any]:
        # Full float precision: a reloaded state must equal the one in memory,
        # so a resumed run decides exactly as an uninterrupted one.
        return {
            "v": 1,
            "id": self.id,
            "n": self.n,
            "n_dup": self.n_dup,
            "terms": self.terms,
            "title_terms": self.title_terms,
            "keys": self.keys,
            "nums": self.nums,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "languages": self.languages,
            "sources": self.sources,
            "title": self.title,
            "predecessor": self.predecessor,
            "last_seq": self.last_seq,
            "ix": self.ix,
            "ix_at": self.ix_at,
            "split_at": self.split_at,
            # float32 bytes in base64: exact, and 4x smaller than a JSON list
            "vec": base64.b64encode(self.vec.astype("<f4").tobytes()).decode("ascii")
            if self.vec is not None else None,
            "n_vec": self.n_vec,
            "vec_model": model_name() if self.vec is not None else None,
            "merges": self.merges,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StoryState:
        return cls(
            id=d["id"],
            n=d.get("n", 0),
            n_dup=d.get("n_dup", 0),
            terms=dict(d.get("terms") or {}),
            title_terms=dict(d.get("title_terms") or {}),
            keys=dict(d.get("keys") or {}),
            nums=dict(d.get("nums") or {}),
            first=date.fromisoformat(d["first"]) if d.get("first") else None,
            last=date.fromisoformat(d["last"]) if d.get("last") else None,
            languages=dict(d.get("languages") or {}),
            sources=dict(d.get("sources") or {}),
            title=d.get("title"),
            predecessor=d.get("predecessor"),
            last_seq=d.get("last_seq", 0),
            ix=list(d.get("ix") or []),
            ix_at=d.get("ix_at", 0),
            split_at=d.get("split_at", 0),
            # A centroid of another encoder is not comparable with this one's
            # vectors: dropped, and rebuilt as members arrive (or by --rebuild).
            vec=np.frombuffer(base64.b64decode(d["vec"]), dtype="<f4").astype(np.float32)
            if d.get("vec") and d.get("vec_model") == model_name() else None,
            n_vec=d.get("n_vec", 0) if d.get("vec_model") == model_name() else 0,
            merges=list(d.get("merges") or []),
        )
