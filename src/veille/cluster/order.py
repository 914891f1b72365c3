"""Stream order: publication date where known, ingest order otherwise.

A near duplicate must meet its original's story, so it is held back until its
original (when pending too) has been placed, even if it carries an earlier
date.
"""

from __future__ import annotations

from collections.abc import Sequence


def stream_order(items: Sequence[tuple[str, str | None, int, str | None]]) -> list[str]:
    """items: (uid, published_start ISO or None, seq, duplicate_of) -> uids in order."""
    ordered = sorted(items, key=lambda r: (r[1] is None, r[1] or "", r[2]))
    pending = {r[0] for r in ordered}
    waiting: dict[str, list[str]] = {}
    out: list[str] = []
    done: set[str] = set()

    def emit(uid: str) -> None:
        stack = [uid]
        while stack:
            u = stack.pop()
            out.append(u)
            done.add(u)
            stack.extend(reversed(waiting.pop(u, [])))

    for uid, _, _, dup in ordered:
        if dup and dup in pending and dup not in done and dup != uid:
            waiting.setdefault(dup, []).append(uid)
        else:
            emit(uid)
    for rest in list(waiting.values()):  # originals that never came (cycles): keep them
        for u in rest:
            if u not in done:
                emit(u)
    return out
