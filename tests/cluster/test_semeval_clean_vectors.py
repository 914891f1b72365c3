"""scripts/semeval_clean_vectors.py (session 18 measurement): the clean text it
embeds is the raw text less the detector's furniture, never nothing, and the
per-outlet line counts it gives the detector come from the other articles of
the same source only; on real SemEval and news-clusters texts."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from veille.analyze import furniture
from veille.cluster.semeval import read_pairs

CSV = "semeval2022-task8/training_set.csv"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "semeval_clean_vectors.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("semeval_clean_vectors", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_clean_text_is_the_raw_text_less_its_furniture(shared_data: Path) -> None:
    path = shared_data / CSV
    if not path.is_file():
        pytest.skip(f"../shared/data absent: {path} not found (set VEILLE_SHARED_DATA)")
    mod = _script()
    rows = read_pairs(path)[:60]
    dropped = 0
    for r in rows:
        title, body = mod.split_title(r["text1"])
        assert title is None or (r["text1"].strip().startswith(title) and len(title) <= mod.TITLE_MAX)
        kept = mod.clean_body(body, r["lang1"])
        assert kept.strip()
        segs = furniture.detect(body, r["lang1"])
        prose = [body[s.start:s.end] for s in segs if not s.furniture]
        if not prose:
            assert kept == body  # a page all furniture keeps its raw text
            continue
        # the prose segments, one a line (a blob's sentences too), in order
        assert kept.split("\n") == prose
        if len(prose) < len(segs):
            dropped += 1
            assert len(kept) < len(body)
    assert dropped  # the sample holds pages with furniture (most SemEval texts do)


def test_site_counts_come_from_the_same_source_only(news_rows: list[dict[str, Any]]) -> None:
    rows = news_rows[:120]
    sites = _script()._site_counts(rows)
    by_source: dict[Any, int] = {}
    for r in rows:
        by_source[r.get("source")] = by_source.get(r.get("source"), 0) + 1
    assert sites
    for r in rows:
        got = sites.get(str(r["id"]))
        if by_source[r.get("source")] == 1 or not r.get("source"):
            assert got is None
            continue
        assert got is not None and got.articles == by_source[r.get("source")] - 1
        assert all(1 <= n <= got.articles for n in got.lines.values())
