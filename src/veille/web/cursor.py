"""Opaque, stable page cursors.

A cursor is the keyset of the last item of a page (never an offset), tagged
with the listing it belongs to, base64url-encoded JSON. Rows added later can
only appear at their own place in the order, so following a cursor never
repeats or skips an item that was already there.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from veille.core.errors import VeilleError
from veille.ingest.decode import loads_bounded
from veille.web.problems import Problem

MAX_CURSOR = 2000  # ours are under 200 characters


def encode(kind: str, key: Any) -> str | None:
    if key is None:
        return None
    raw = json.dumps({"k": kind, "v": list(key) if isinstance(key, tuple) else key},
                     separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(kind: str, cursor: str | None, arity: int) -> tuple[Any, ...] | None:
    """The keyset in ``cursor``; a 400 problem when it is not one of ours for ``kind``."""
    if not cursor:
        return None
    try:
        if len(cursor) > MAX_CURSOR:
            raise ValueError("too long")
        pad = "=" * (-len(cursor) % 4)
        # Ours nest 2 deep; 2,000 characters of "[" would exhaust json's stack.
        data = loads_bounded(base64.urlsafe_b64decode(cursor + pad).decode(), max_depth=4)
        if not isinstance(data, dict) or data.get("k") != kind:
            raise ValueError("wrong listing")
        value = data["v"]
        values = tuple(value) if isinstance(value, list) else (value,)
        if len(values) != arity or any(isinstance(v, (dict, list)) for v in values):
            raise ValueError("wrong shape")
        return values
    except (ValueError, KeyError, UnicodeDecodeError, json.JSONDecodeError, VeilleError) as exc:
        raise Problem(400, "invalid-cursor",
                      f"cursor is not valid for {kind}: pass back the next_cursor of a previous page "
                      "unchanged") from exc
