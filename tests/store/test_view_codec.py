"""The stored view's JSON through ``store.view_codec`` (orjson), on both
backends: what ``save_view`` writes reads back as the standard library's
round trip of the same view, through ``stored_view`` and through every other
reader of the column (SQLAlchemy's JSON type, a JSON path in SQL), and a view
written by the old codec (SQLAlchemy's ``json.dumps``) reads back the same."""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func as sqlfunc
from sqlalchemy import select, update

from veille.store import Store, view_codec
from veille.store.schema import stories
from veille.store.story_views import previous_view, save_view, stored_view

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _view() -> dict[str, Any]:
    """A view-shaped value over the seed articles' real sentences (French and
    English: accents, typographic quotes, non-breaking spaces), with the
    number kinds a view holds."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts, "examples/*.txt missing"
    sentences = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    assert any(not s.isascii() for s in sentences)
    facts = [{"id": f"F{k + 1}", "statement": s, "n_sources": k % 4 + 1,
              "score": k / 7, "members": [{"start": 10 * k, "end": 10 * k + len(s), "text": s,
                                           "caption": k % 5 == 0, "language": None}]}
             for k, s in enumerate(sentences)]
    return {"schema": 3, "builder": 20, "title": {"text": sentences[0]}, "facts": facts,
            "corroboration": {"by_sources": {1: 3, "2": 4}}, "tiny": 1e-7, "big": 2**62,
            "summary": [{"text": sentences[1], "fact": "F2"}], "missing": []}


def _new_story(conn: Any) -> int:
    return int(conn.execute(stories.insert().values(size=0, updated_at=datetime.now(UTC)))
               .inserted_primary_key[0])


def test_a_saved_view_reads_back_as_the_standard_round_trip(store: Store) -> None:
    view = _view()
    with store.begin() as conn:
        sid = _new_story(conn)
        save_view(conn, sid, view, "title")
    expected = json.loads(json.dumps(view))  # int keys become strings, as before
    with store.connect() as conn:
        exists, got = stored_view(conn, sid)
        by_json_type = conn.execute(select(stories.c.view).where(stories.c.id == sid)).scalar()
        title = conn.execute(select(stories.c.view["title"]["text"].as_string())
                             .where(stories.c.id == sid)).scalar()
        # what save_view binds as bytes is stored as the column's text (a BLOB
        # is not what SQL's JSON functions and other readers take)
        kind = conn.execute(select(sqlfunc.typeof(stories.c.view)
                                   if conn.dialect.name == "sqlite"
                                   else sqlfunc.json_typeof(stories.c.view))
                            .where(stories.c.id == sid)).scalar()
    assert kind == ("text" if store.engine.dialect.name == "sqlite" else "object")
    assert exists and got == expected
    assert by_json_type == expected  # readers through SQLAlchemy's JSON type
    assert title == view["title"]["text"]  # and through a JSON path in SQL


def test_a_view_the_old_codec_wrote_reads_back_the_same(store: Store) -> None:
    view = _view()
    with store.begin() as conn:
        sid = _new_story(conn)
        conn.execute(update(stories).where(stories.c.id == sid)
                     .values(view=view, previous_view=view))
    with store.connect() as conn:
        _, got = stored_view(conn, sid)
        before = previous_view(conn, sid)
    assert got == before == json.loads(json.dumps(view))


def test_a_story_without_a_view() -> None:
    assert view_codec.decode(None) is None


@pytest.mark.parametrize("value", [{"n": 2**70, "k": [-(2**65)]}, {"x": math.nan}])
def test_what_orjson_cannot_read_exactly_goes_through_json(value: dict[str, Any]) -> None:
    """orjson reads an integer beyond 64 bits as a float, and refuses NaN:
    a text the old codec wrote is read by ``json``, exactly."""
    text = json.dumps(value)  # as the old codec wrote it
    assert json.dumps(view_codec.decode(text)) == text
    if "n" in value:  # orjson refuses to write it: written and read by json
        assert view_codec.decode(view_codec.encode(value)) == value


def test_the_codec_reads_its_own_text_with_orjson() -> None:
    view = _view()
    text = view_codec.encode(view)
    assert view_codec._ORJSON_TEXT.match(text)  # the fast path is the one taken
    assert not view_codec._ORJSON_TEXT.match(json.dumps(view).encode())
    assert view_codec.decode(text) == json.loads(json.dumps(view))


def test_the_collector_is_paused_while_parsing_and_restored(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A view is parsed with the cycle collector off (no collection walks the
    process's objects for the view's allocations) and its state is restored,
    whether it was on or off, and after a text that is no JSON."""
    import gc

    seen: list[bool] = []
    real = view_codec.orjson.loads

    def loads(data: bytes) -> Any:
        seen.append(gc.isenabled())
        return real(data)

    monkeypatch.setattr(view_codec.orjson, "loads", loads)
    text = view_codec.encode(_view())
    was = gc.isenabled()
    try:
        for state in (True, False):
            (gc.enable if state else gc.disable)()
            assert view_codec.decode(text) == json.loads(text)
            assert gc.isenabled() is state
            with pytest.raises(ValueError):
                view_codec.decode(b'{"a":')
            assert gc.isenabled() is state
    finally:
        (gc.enable if was else gc.disable)()
    assert seen and not any(seen)
