"""How many records an ingest will see, so its progress bar can show an ETA.

Counting is cheap next to ingesting (a byte scan for newlines), and it is an
estimate for the bar only: the report counts what was really read. Where the
count cannot be known without parsing (feeds, standard input), the bar runs
without a total (rate and elapsed time only).
"""

from __future__ import annotations

from pathlib import Path

from veille.ingest.sources import iter_files

_MULTI = {".jsonl", ".ndjson"}
_UNKNOWN = {".xml", ".rss", ".atom", ".feed"}


def _count_lines(path: Path) -> int:
    n = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
        # a last line without a newline
        if path.stat().st_size and not _ends_with_newline(path):
            n += 1
    return n


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, 2)
        return fh.read(1) == b"\n"


def _file_records(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if suffix in _UNKNOWN:
        return None
    if suffix in _MULTI:
        try:
            return _count_lines(path)
        except OSError:
            return 1  # unreadable (a symlink loop...): its one reject
    return 1


def estimate_records(paths: list[str]) -> int | None:
    """Records in ``paths`` (JSONL lines, one per other file), or None if unknowable."""
    total = 0
    for given in paths:
        if given == "-":
            return None
        p = Path(given)
        if not p.exists():
            total += 1  # one reject
            continue
        files = iter_files(p) if p.is_dir() else [p]
        for f in files:
            n = _file_records(f)
            if n is None:
                return None
            total += n
    return total
