"""Fixtures for clustering tests: the public news-cluster gold when present."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

NEWS = "news-clusters/news_cluster.jsonl"


@pytest.fixture(scope="session")
def news_path(shared_data: Path) -> Path:
    path = shared_data / NEWS
    if not path.is_file():
        pytest.skip(f"../shared/data absent: {path} not found (set VEILLE_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def news_rows(news_path: Path) -> list[dict[str, Any]]:
    with open(news_path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
