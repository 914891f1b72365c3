"""Turn the paths a user names into records: files, folders (recursive,
format detected per file) and standard input."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from veille.core.errors import VeilleError
from veille.core.model import DateRange, Reject
from veille.core.settings import MAX_ARTICLE_BYTES
from veille.ingest.decode import loads_bounded
from veille.ingest.readers import READERS, Item, ReadOptions, detect_format, read_jsonl_lines

SIDECAR_SUFFIX = ".meta.json"
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}
#: What --format accepts: "auto" (detected per file) or a registered reader's name.
FORMATS = ("auto", *READERS)


@dataclass
class SourceOptions:
    fmt: str = "auto"
    source: str | None = None
    published: DateRange | None = None
    max_bytes: int = MAX_ARTICLE_BYTES
    files_seen: list[str] = field(default_factory=list)


def iter_files(path: Path) -> Iterator[Path]:
    """Files under a folder in a stable (sorted) order, hidden ones and
    sidecars skipped; symlinks are not followed out of the folder."""
    root = path.resolve()
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name in _SKIP_NAMES or name.endswith(SIDECAR_SUFFIX):
                continue
            p = Path(dirpath) / name
            try:
                if p.is_symlink() and not p.resolve(strict=True).is_relative_to(root):
                    continue
            except (OSError, RuntimeError):
                # A dangling link or a loop (Python 3.11 raises RuntimeError
                # "Symlink loop"): yielded all the same, so reading it gives
                # a reject with the reason, and the files beside it go on.
                pass
            yield p


def read_paths(paths: list[str], opts: SourceOptions) -> Iterator[Item]:
    for given in paths:
        if given == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", opts)
            continue
        path = Path(given)
        if not path.exists():
            yield Reject(given, "no such file or folder", "E001")
            continue
        if path.is_dir():
            for f in iter_files(path):
                yield from read_file(f, opts)
        else:
            yield from read_file(path, opts)


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes]:
    """Lines of a binary stream, never holding more than ``limit + 1`` bytes
    of one line: an overlong line is cut there (its reader rejects it as over
    the limit) and the rest of it is skipped, so memory stays flat."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(limit + 1)) and not rest.endswith(b"\n"):
                pass
        yield line


def read_stream(stream: BinaryIO, origin: str, opts: SourceOptions) -> Iterator[Item]:
    """Standard input: JSONL streams line by line, other formats are read whole."""
    ropts = ReadOptions(origin=origin, name="stdin", source=opts.source,
                        published=opts.published, max_bytes=opts.max_bytes)
    first = stream.readline(opts.max_bytes + 1)
    fmt = opts.fmt if opts.fmt != "auto" else detect_format(Path("stdin"), first)
    if fmt == "jsonl":
        def lines() -> Iterator[bytes]:
            yield first
            if len(first) > opts.max_bytes and not first.endswith(b"\n"):
                # Skip the rest of an overlong first line, a bounded piece at a time.
                while (rest := stream.readline(opts.max_bytes + 1)) and not rest.endswith(b"\n"):
                    pass
            yield from bounded_lines(stream, opts.max_bytes)
        yield from read_jsonl_lines(lines(), ropts)
        return
    data = first + stream.read(opts.max_bytes * 20)
    yield from READERS[fmt](data, ropts)


def read_file(path: Path, opts: SourceOptions) -> Iterator[Item]:
    origin = str(path)
    opts.files_seen.append(origin)
    try:
        if opts.fmt == "jsonl" or (opts.fmt == "auto" and path.suffix.lower() in {".jsonl", ".ndjson"}):
            try:
                ropts = _options(path, opts)
            except VeilleError as err:
                yield Reject(origin, err.reason, err.code)
                return
            with path.open("rb") as fh:
                yield from read_jsonl_lines(bounded_lines(fh, opts.max_bytes), ropts)
            return
        size = path.stat().st_size
        limit = opts.max_bytes * 20
        with path.open("rb") as fh:
            # Never read an oversized file whole: the reader only needs to
            # know it is too big.
            data = fh.read(limit + 1)
    except OSError as exc:
        yield Reject(origin, f"cannot read: {exc.strerror or exc}", "E015")
        return
    if size == 0 or not data.strip():
        yield Reject(origin, "the file is empty", "E002")
        return
    fmt = opts.fmt if opts.fmt != "auto" else detect_format(path, data[:4096])
    try:
        ropts = _options(path, opts)
    except VeilleError as err:
        yield Reject(origin, err.reason, err.code)
        return
    if len(data) > limit and fmt != "feed":
        yield Reject(origin, f"{size:,} bytes is over the {opts.max_bytes:,}-byte limit", "E011")
        return
    yield from READERS[fmt](data, ropts)


def _options(path: Path, opts: SourceOptions) -> ReadOptions:
    return ReadOptions(
        origin=str(path), name=path.name, source=opts.source, published=opts.published,
        meta=_sidecar(path), max_bytes=opts.max_bytes,
    )


def _sidecar(path: Path) -> dict[str, object] | None:
    """``article.txt`` may come with ``article.txt.meta.json`` or
    ``article.meta.json`` holding id/source/published/url/title/language."""
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        if candidate.is_file():
            try:
                data = loads_bounded(candidate.read_bytes())
            except VeilleError as err:
                raise VeilleError(err.code, f"sidecar {candidate}: {err.reason}") from None
            except (OSError, ValueError) as exc:
                raise VeilleError("E012", f"sidecar {candidate} is not valid JSON: {exc}") from None
            return data if isinstance(data, dict) else None
    return None
