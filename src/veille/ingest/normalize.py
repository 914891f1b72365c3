"""Text normalisation and content hashing, shared by every reader."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import ftfy

_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_WS = re.compile(r"\s+")
# Lone surrogates (JSON "\\ud800" decodes to one) cannot be stored as UTF-8,
# and control characters (NUL above all: PostgreSQL refuses it) have no place
# in a one-line field such as an id, a source name or a URL.
# Bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069) are
# dropped from these fields too: in an id or a source name they only serve to
# make "evil\u202egpj.exe" display as "evilexe.jpg".
_UNSTORABLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def normalize_text(text: str) -> str:
    """Repair mojibake (ftfy), compose characters (NFC), tidy whitespace.

    Non-breaking and thin spaces are kept inside numbers ("50 000") because
    quantities rely on them; only runs of ordinary spaces and tabs collapse.
    """
    text = ftfy.fix_text(text, normalization="NFC")
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_collapse_spaces(line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


def _collapse_spaces(line: str) -> str:
    def repl(m: re.Match[str]) -> str:
        run = m.group(0)
        # A single NBSP/thin space is meaningful (French thousands separator,
        # before « : ; »): keep it; collapse longer or mixed runs to one space.
        return run if len(run) == 1 else " "

    return _SPACES.sub(repl, line)


def content_hash(text: str) -> str:
    """Hash of the text with whitespace and case folded: two copies that differ
    only in layout are the same article."""
    folded = _WS.sub(" ", text).strip().casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def clean_field(value: str | None, max_chars: int | None = None) -> str | None:
    """A one-line metadata field (id, source, URL) that every store accepts:
    unstorable characters become spaces, spaces collapse; None when empty."""
    if value is None:
        return None
    value = _BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", str(value)))
    value = _WS.sub(" ", _UNSTORABLE.sub(" ", value)).strip()
    if max_chars is not None:
        value = value[:max_chars]
    return value or None
