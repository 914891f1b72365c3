"""Spreadsheet cells that stay text.

A CSV cell starting with ``=``, ``+``, ``-`` or ``@`` is run as a formula by
Excel, LibreOffice and Google Sheets; an article title like
``=HYPERLINK("http://…")`` would become a live link or worse (OWASP "CSV
injection"). Such a cell gets a leading apostrophe, which every spreadsheet
reads as "text" and hides. Only the CSV forms meant for spreadsheets do this;
JSON and JSONL keep the exact strings for programs.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: Any) -> Any:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
