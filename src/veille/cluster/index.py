"""Inverted index from a story's strongest keys to the story.

A new article is compared only with the stories that share one of its
strongest terms, entities or figures, so the number of comparisons per article
does not grow with the corpus.  Posting lists are capped (most recently
updated stories kept): a key shared by thousands of stories carries no signal
anyway, and the cap bounds both memory and time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

POSTING_CAP = 40


class CandidateIndex:
    def __init__(self, cap: int = POSTING_CAP) -> None:
        self.cap = cap
        self.postings: dict[str, list[str]] = defaultdict(list)

    def add(self, story_id: str, keys: Iterable[str]) -> list[tuple[str, str]]:
        """Post the story under each key (most recent last); returns the
        (story, key) postings pushed out by the cap."""
        dropped: list[tuple[str, str]] = []
        for k in keys:
            plist = self.postings[k]
            if plist and plist[-1] == story_id:
                continue
            if story_id in plist:
                plist.remove(story_id)
            plist.append(story_id)
            if len(plist) > self.cap:
                dropped.append((plist.pop(0), k))
        return dropped

    def remove(self, story_id: str, keys: Iterable[str]) -> None:
        for k in keys:
            plist = self.postings.get(k)
            if plist and story_id in plist:
                plist.remove(story_id)
                if not plist:
                    del self.postings[k]

    def query(
        self,
        keys: dict[str, float],
        alive: Callable[[str], bool],
        limit: int,
    ) -> list[str]:
        """Stories sharing the given keys, best (sum of key weights) first."""
        scores: dict[str, float] = defaultdict(float)
        for k, w in keys.items():
            plist = self.postings.get(k)
            if not plist:
                continue
            stale = [sid for sid in plist if not alive(sid)]
            for sid in stale:
                plist.remove(sid)
            for sid in plist:
                scores[sid] += w
        return sorted(scores, key=lambda s: scores[s], reverse=True)[:limit]


def top_keys(profile: dict[str, float], weight: Callable[[str], float], n: int) -> list[str]:
    return sorted(profile, key=lambda k: profile[k] * weight(k), reverse=True)[:n]
