"""``veille search``, ``veille export`` and ``veille serve`` (its printed address)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.store import Store

runner = CliRunner()


def test_cli_search(seeds_store: Store, seed_ids: list[str]) -> None:
    db = seeds_store.url.removeprefix("sqlite:///")
    res = runner.invoke(app, ["--db", db, "search", "Loukachenko", "--json"])
    assert res.exit_code == 0, res.output
    body = json.loads(res.stdout)
    assert sorted(r["id"] for r in body["results"]) == seed_ids
    plain = runner.invoke(app, ["--db", db, "search", "Loukachenko"])
    assert "2 article(s)" in plain.stdout


def test_cli_search_refuses_an_empty_query(seeds_store: Store) -> None:
    db = seeds_store.url.removeprefix("sqlite:///")
    assert runner.invoke(app, ["--db", db, "search", "!!!"]).exit_code == 2


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "parquet"])
def test_cli_export_articles(seeds_store: Store, seed_ids: list[str], fmt: str, tmp_path: Path) -> None:
    db = seeds_store.url.removeprefix("sqlite:///")
    out = tmp_path / f"a.{fmt}"
    res = runner.invoke(app, ["--db", db, "export", "articles", "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    if fmt == "json":
        ids = [r["id"] for r in json.loads(out.read_text())]
    elif fmt == "jsonl":
        ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    elif fmt == "csv":
        ids = [r["id"] for r in csv.DictReader(io.StringIO(out.read_text()))]
    else:
        import pyarrow.parquet as pq

        ids = pq.read_table(out).column("id").to_pylist()
    assert sorted(ids) == seed_ids


def test_cli_export_bad_kind_and_format(seeds_store: Store) -> None:
    db = seeds_store.url.removeprefix("sqlite:///")
    assert runner.invoke(app, ["--db", db, "export", "everything"]).exit_code == 2
    assert runner.invoke(app, ["--db", db, "export", "stories", "--format", "xml"]).exit_code == 2


def test_cli_serve_prints_its_address(seeds_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: seen.update(host=host, port=port))
    db = seeds_store.url.removeprefix("sqlite:///")
    res = runner.invoke(app, ["--db", db, "serve", "--host", "127.0.0.1", "--port", "8123"])
    assert res.exit_code == 0, res.output
    assert "http://127.0.0.1:8123/" in res.stdout
    assert seen == {"host": "127.0.0.1", "port": 8123}
