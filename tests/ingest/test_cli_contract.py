"""The JSON the CLI promises (`articles --json`, `article ID --json`, `rejects --json`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import Veille

SUMMARY = {"id": str, "source": (str, type(None)), "published": (str, type(None)),
           "date_precision": str, "language": (str, type(None)), "title": (str, type(None)),
           "n_chars": int, "duplicate_of": (str, type(None))}


def test_articles_json_shape(veille: Veille, data: Path, seeds: Path) -> None:
    veille.ingest(data, seeds)
    arts = veille.articles()
    assert len(arts) == 11
    for a in arts:
        for key, typ in SUMMARY.items():
            assert isinstance(a[key], typ), (key, a[key])
        assert a["date_precision"] in {"day", "month", "year", "unknown"}
        assert "text" not in a  # listings stay light


def test_article_json_has_text_and_links(veille: Veille, seeds: Path) -> None:
    veille.ingest(seeds)
    uid = veille.articles()[0]["id"]
    art = veille.article(uid)
    for key in SUMMARY:
        assert key in art
    assert isinstance(art["text"], str) and len(art["text"]) == art["n_chars"]
    assert art["also_published_by"] == [] and art["near_duplicates"] == []
    assert art["analysis"] == {"status": "pending"}  # ingested with --no-analyze


def test_unknown_article_is_an_error(veille: Veille, seeds: Path) -> None:
    veille.ingest(seeds)
    run = veille("article", "no-such-id", "--json")
    assert run.code == 1
    assert "no-such-id" in run.messages


def test_rejects_json_shape(veille: Veille, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    veille.ingest("empty.txt")
    [rej] = veille.rejects()
    assert {"id", "origin", "line", "code", "reason", "raw", "created_at"} <= rej.keys()
    assert (rej["origin"], rej["code"], rej["line"]) == ("empty.txt", "E002", None)


def test_real_entry_point_json_goes_to_stdout_only(tmp_path: Path, seeds: Path) -> None:
    """The installed command: --json output is clean JSON on stdout, progress on stderr."""
    veille_bin = Path(sys.executable).with_name("veille")
    db = str(tmp_path / "v.db")
    done = subprocess.run([str(veille_bin), "--db", db, "ingest", "--no-analyze", "--no-cluster",
                           "--json", str(seeds)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    import json

    assert json.loads(done.stdout)["ingest"]["added"] == 2
    listed = subprocess.run([str(veille_bin), "--db", db, "articles", "--json"],
                            capture_output=True, text=True, timeout=300)
    assert [a["published"] for a in json.loads(listed.stdout)] == ["2023-06", "2023-06"]
