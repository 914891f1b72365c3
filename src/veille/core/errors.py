"""Error codes, each with the remedy a user needs.

A rejected record carries one of these codes in the store (``veille rejects``)
and in the message printed for it, so a reason can be looked up here.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "E001": "path does not exist",
    "E002": "file is empty",
    "E003": "file looks binary (not text)",
    "E004": "bytes could not be decoded as text",
    "E005": "seed file: first line must start with 'date YYYY-MM'",
    "E006": "seed file: the date is not a valid year and month",
    "E007": "JSONL line is not valid JSON",
    "E008": "JSONL record is not an object or has no usable 'text'",
    "E009": "feed is not valid XML/RSS/Atom",
    "E010": "HTML page has no extractable main text",
    "E011": "record is larger than the size limit",
    "E012": "date option or field is malformed",
    "E013": "id already used by a different article",
    "E014": "text is empty after normalisation",
    "E015": "unreadable file (permission or I/O error)",
    "E016": "record field has the wrong type",
    "E017": "JSON nested deeper than the limit (64 levels)",
}


class VeilleError(Exception):
    """An error with a code; the message says what to do about it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.reason = message
