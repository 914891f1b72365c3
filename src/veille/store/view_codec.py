"""The stored story view's JSON, read and written as UTF-8 bytes with orjson
(issue #19).

A story of 1,000 articles has a 20 MB view; an incremental update reads it
and writes it back, and SQLAlchemy's JSON type does both with the standard
library through a Python ``str`` (``json.loads`` ~0.18 s, ``json.dumps``
~0.10 s CPU on this machine, and the driver's conversion of 20 MB of text to
and from ``str``: a view with typographic quotes is a two-bytes-a-character
``str`` of 40 MB). orjson parses the same bytes into the same objects and
writes the same values as bytes (measured in docs/measured/performance.md);
``store.story_views`` moves those bytes to and from the database without a
``str`` in between. The view column stays JSON: the text written is JSON any
reader (SQLite's ``json_extract``, PostgreSQL's ``->``, SQLAlchemy's own JSON
type) reads as before; it carries non-ASCII characters as themselves, not
``\\u`` escapes.

Which texts orjson reads: those it wrote. orjson reads an integer beyond 64
bits as a float, without an error, so a text the standard library wrote (a
view stored before, or one that held what orjson refuses to write: such an
integer, a type only ``json`` knows) is read by ``json`` as before. The two
are told apart by their first key: orjson writes no space after a key's
colon, ``json.dumps`` always one. A float NaN is written ``null`` (``json``
wrote ``NaN``, which is no JSON and which PostgreSQL refused); views hold none.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from veille.core.gc_pause import cycle_collection_paused


def encode(value: Any) -> bytes:
    """UTF-8 JSON of a view (keys that are not strings become strings, as
    ``json.dumps`` makes them)."""
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
    except TypeError:  # orjson.JSONEncodeError is a TypeError: what json takes
        return json.dumps(value).encode("utf-8")


def decode(data: bytes | memoryview | str | None) -> Any:
    """The value of a view's JSON (None for SQL NULL).

    Parsed with Python's cycle collector paused (``core.gc_pause``, as for a
    build or an update): a 20 MB view is ~10^6 dicts, lists and strings without a reference cycle,
    and the collections their allocations trigger walk every object the
    process holds, the loaded pipelines too (measured at 1,000 articles:
    the view's read 0.12-0.15 -> 0.09-0.12 s CPU)."""
    if data is None:
        return None
    if isinstance(data, memoryview):
        data = data.tobytes()
    if isinstance(data, str):
        data = data.encode("utf-8")
    with cycle_collection_paused():
        if _ORJSON_TEXT.match(data):
            return orjson.loads(data)
        return json.loads(data)


#: an object whose first key's colon is followed by no space: orjson's text
_ORJSON_TEXT = re.compile(rb'\{"(?:[^"\\]|\\.)*":(?! )')
