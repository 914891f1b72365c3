"""Bytes to text, refusing what is not text rather than ingesting mojibake;
JSON text to data, refusing nesting deep enough to exhaust the stack."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from veille.core.errors import VeilleError

# A file with NUL bytes or this share of control characters is not text.
_CONTROL_SHARE = 0.10
_ALLOWED_CONTROLS = {9, 10, 12, 13}
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _ALLOWED_CONTROLS)


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOMs carry NULs
        return False
    if b"\x00" in sample:
        return True
    # Count by deleting the control bytes (C speed, not a Python loop per byte).
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _CONTROL_SHARE


@dataclass(frozen=True)
class Decoded:
    """Text, and what was done to get it when the bytes were not clean UTF-8."""

    text: str
    note: str | None = None


def decode(data: bytes) -> str:
    """The text of ``data`` (see :func:`decode_noted`), without the note."""
    return decode_noted(data).text


#: A file is UTF-8 as a whole when it has valid multi-byte characters and at
#: least one for every this many invalid sequences.
UTF8_EVIDENCE = 10


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with its few bad bytes replaced (U+FFFD), when the file is UTF-8
    as a whole: it holds valid multi-byte UTF-8 characters, at least one per
    UTF8_EVIDENCE invalid sequences. A legacy-encoded file (Latin-1, CP1252)
    has almost no valid multi-byte sequences, so it goes on to detection;
    a few stray bytes never switch a UTF-8 file to another charset. A pure
    ASCII file with a stray high byte also goes to detection: that byte is
    more likely a Latin-1 letter ("caf\xe9") than noise."""
    text = data.decode("utf-8-sig", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore").decode("ascii"))
    valid_multibyte = non_ascii - text.count("\ufffd")
    # In a legacy-encoded file a valid multi-byte sequence is a coincidence
    # (an uppercase accented letter before a symbol byte), one in many
    # accented letters; in a UTF-8 file with noise they are the rule.
    if bad <= 0 or valid_multibyte < 1 or valid_multibyte * UTF8_EVIDENCE < bad:
        return None
    return Decoded(text, f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD")


def decode_noted(data: bytes) -> Decoded:
    """Decode UTF-8 (with or without BOM), UTF-16 with a BOM, UTF-8 with a few
    bad bytes (replaced, with a note), or a legacy encoding that
    charset-normalizer identifies with confidence in a file that is not UTF-8
    as a whole.

    Raises VeilleError E003 (binary) or E004 (undecodable), naming the first
    bad byte so the user can find it.
    """
    if looks_binary(data):
        raise VeilleError("E003", "the file contains NUL or control bytes: it is not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise VeilleError("E004", f"invalid UTF-16 at byte {exc.start}") from None
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if (mostly := _mostly_utf8(data)) is not None:
        return Decoded(mostly.text, f"{mostly.note} (first at byte {first_bad})")
    # lazy: charset-normalizer is only needed for the rare non-UTF-8 file
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    # Accept a legacy encoding only when the guess is clean (low "chaos"):
    # otherwise we would store garbled text that looks like an article.
    if best is not None and best.encoding not in {"utf_8", "ascii"} and best.chaos < 0.1:
        try:
            return Decoded(data.decode(best.encoding), f"decoded as {best.encoding}")
        except (UnicodeDecodeError, LookupError):
            pass
    raise VeilleError(
        "E004", f"not valid UTF-8 (first bad byte at offset {first_bad}) and no clear legacy encoding"
    )


#: Deepest JSON nesting accepted anywhere (JSONL lines, API bodies, sidecars).
#: News records nest a few levels; Python's parser recurses once per level and
#: the stack gives out near 1,000, so a limit far below that is refused early.
MAX_JSON_DEPTH = 64
# A JSON string, possessive so an unclosed one cannot make the regex backtrack.
_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """The deepest nesting of arrays/objects in ``text``, brackets inside
    strings ignored; computed without recursion, at C speed for the scans."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return text.count("[") + text.count("{")  # an upper bound, under the limit
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def loads_bounded(text: str | bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` refusing nesting deeper than ``max_depth`` with
    VeilleError E017 (never a RecursionError); json.JSONDecodeError and
    UnicodeDecodeError pass through as from json.loads."""
    s = text.decode("utf-8") if isinstance(text, bytes) else text
    depth = json_depth(s)
    if depth > max_depth:
        raise VeilleError("E017", f"JSON nested {depth} levels deep, over the limit of {max_depth}")
    try:
        return json.loads(s)
    except RecursionError:  # cannot happen under the limit; kept as the last guard
        raise VeilleError("E017", f"JSON nested too deep (limit {max_depth})") from None
