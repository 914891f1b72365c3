"""Bytes to text, refusing what is not text rather than ingesting mojibake."""

from __future__ import annotations

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


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with a BOM, or a legacy
    encoding that charset-normalizer identifies with confidence.

    Raises VeilleError E003 (binary) or E004 (undecodable), naming the first
    bad byte so the user can find it.
    """
    if looks_binary(data):
        raise VeilleError("E003", "the file contains NUL or control bytes: it is not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise VeilleError("E004", f"invalid UTF-16 at byte {exc.start}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    # Accept a legacy encoding only when the guess is clean (low "chaos"):
    # otherwise we would store garbled text that looks like an article.
    if best is not None and best.encoding not in {"utf_8", "ascii"} and best.chaos < 0.1:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise VeilleError(
        "E004", f"not valid UTF-8 (first bad byte at offset {first_bad}) and no clear legacy encoding"
    )
