"""The command line under hostile arguments and file names (issue 20, items 1,
5 and 6): one error path, never a traceback; nothing a user controls can
write rich markup, emoji codes, fake lines or escape sequences to the terminal."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from veille.cli import app
from veille.cli.base import printable

GOOD = "date 2023-06 Le conseil municipal a voté mardi le budget de la ville de Brest."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"veille {' '.join(args)} raised {result.exception!r}")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    path = str(tmp_path / "v.db")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run("--db", path, "ingest", "--no-analyze", "--no-cluster", "a.txt")
    assert code == 0, err
    return path


@pytest.mark.parametrize("args", [
    ("articles", "--limit", "9223372036854775808"),
    ("articles", "--limit", "-5"),
    ("articles", "--limit", "0"),
    ("story", "99999999999999999999"),
    ("story", "-1"),
    ("stories", "--limit", "9223372036854775808"),
    ("alerts", "--limit", "9223372036854775808"),
    ("alerts", "--limit", "-1"),
    ("updates", "99999999999999999999"),
])
def test_out_of_range_numbers_are_refused_with_a_message(db: str, args: tuple[str, ...]) -> None:
    code, out, err = run("--db", db, *args)
    assert code == 2 and out == ""
    assert ("Invalid value" in err or "No such option" in err) and "Traceback" not in err


@pytest.mark.parametrize("db_value, says", [
    ("data.jsonl", "not a SQLite database"),
    ("/nonexistent/d/x.db", "does not exist"),
    ("mysql://x", "not a supported store"),
    (".", "is a folder"),
])
def test_a_bad_db_is_one_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 db_value: str, says: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.jsonl").write_text(json.dumps({"id": "a", "text": "x"}) + "\n")
    for args in (("articles",), ("stories",), ("rejects",)):
        code, _, err = run("--db", db_value, *args)
        assert code == 2 and err.startswith("error: --db") and says in err, err


@pytest.mark.parametrize("args, says", [
    (("ingest", "--workers", "99999999999999999999", "--engine", "processes", "a.txt"), "Invalid value"),
    (("source", "add", "http://example.invalid/rss", "--every", "99999999999999999999d"), "--every"),
    (("source", "add", "http://example.invalid/rss", "--every", "nan"), "--every"),
    (("watch", "--once", "--delay", "nan"), "Invalid value"),
    (("ingest", "--date", "99999-01", "a.txt"), "--date"),
])
def test_other_hostile_numbers_are_one_message(db: str, args: tuple[str, ...], says: str) -> None:
    code, _, err = run("--db", db, *args)
    assert code == 2 and says in err and "Traceback" not in err, err


def test_export_to_a_missing_folder_is_one_message(db: str) -> None:
    code, _, err = run("--db", db, "export", "articles", "-o", "/nonexistent/x.csv")
    assert code == 2 and err.startswith("error: --output") and "Traceback" not in err


def test_symlink_loop_in_a_folder_is_a_reject_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "z.txt").write_text(GOOD.replace("Brest", "Quimper"), encoding="utf-8")
    os.symlink("loop", folder / "loop")
    os.symlink("self.jsonl", folder / "self.jsonl")
    db = str(tmp_path / "v.db")
    code, out, _ = run("--db", db, "ingest", "--no-analyze", "--no-cluster", "--json", str(folder))
    assert code == 1 and json.loads(out)["ingest"]["added"] == 2
    _, out, _ = run("--db", db, "rejects", "--json")
    assert sorted((Path(r["origin"]).name, r["code"]) for r in json.loads(out)) == [
        ("loop", "E015"), ("self.jsonl", "E015")]


def test_deep_jsonl_line_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    good = json.dumps({"id": "ok", "text": "A good record with words."})
    deep = '{"id":"d","text":"t","x":' + "[" * 990 + "]" * 990 + "}"
    Path("deep.jsonl").write_text(good + "\n" + deep + "\n")
    code, out, err = run("--db", "d.db", "ingest", "--no-analyze", "--no-cluster", "deep.jsonl")
    assert code == 1 and "E017: deep.jsonl:2:" in " ".join(err.split())
    _, out, _ = run("--db", "d.db", "articles", "--json")
    assert [a["id"] for a in json.loads(out)] == ["ok"]


def test_e013_reject_has_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("dup.jsonl").write_text(
        json.dumps({"id": "a", "text": "Premier texte de test ici."}) + "\n"
        + json.dumps({"id": "a", "text": "Un tout autre texte avec le même id."}) + "\n")
    run("--db", "d.db", "ingest", "--no-analyze", "--no-cluster", "dup.jsonl")
    _, out, _ = run("--db", "d.db", "rejects", "--json")
    assert [(r["code"], r["line"]) for r in json.loads(out)] == [("E013", 2)]


# --- terminal injection --------------------------------------------------------------
HOSTILE_PARTS = [":100:", "[bold]", "[/]", "[red]x[/red]", "\n", "\r", "\x1b]0;pwned\x07",
                 "\x1b[2J", "\x1b[31m", "\u202e", "\x9b", "\x7f", "\t", "ingest: 999 added"]
hostile_names = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PARTS), st.text(alphabet="abc:[]/ é", max_size=4)),
    min_size=1, max_size=5,
).map("".join).filter(lambda s: "/" not in s and s.strip(". ") != "" and "\x00" not in s)


def _shown_safely(err: str, name: str) -> None:
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err and "\x9b" not in err
    assert "💯" not in err
    # The name appears escaped exactly, markup and emoji codes literal.
    assert printable(name) in err.replace("\n", ""), (printable(name), err)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile_names)
def test_hostile_file_names_are_printed_escaped(tmp_path_factory: pytest.TempPathFactory,
                                                name: str) -> None:
    folder = tmp_path_factory.mktemp("names")
    path = folder / (name + ".txt")
    try:
        path.write_bytes(b"")  # an empty file: always a reject naming the file
    except OSError:
        return  # a name this file system refuses
    db = str(folder / "v.db")
    code, _, err = run("--db", db, "ingest", "--no-analyze", "--no-cluster", str(path))
    assert code == 1
    lines = [line for line in err.splitlines() if line.strip()]
    # One line per reject and the summary: a newline in a name adds no line.
    assert [line.split(":")[0] for line in lines if line.startswith("ingest")] == ["ingest"]
    _shown_safely(err, str(path))


def test_hostile_ids_and_titles_in_listings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    evil = "a:100:[bold]b\ningest: 999 added\n\x1b]0;pwn\x07"
    Path("e.jsonl").write_text(json.dumps({"id": evil, "title": evil, "source": evil,
                                           "text": "Un texte pour un article de test."}) + "\n")
    run("--db", "d.db", "ingest", "--no-analyze", "--no-cluster", "e.jsonl")
    for args in (("articles",), ("article", evil), ("article", "missing" + evil),
                 ("search", "texte"), ("rejects",)):
        _, out, err = run("--db", "d.db", *args)
        both = out + err
        assert "\x1b" not in both and "💯" not in both and "\ningest: 999" not in both
        assert ":100:" in both.replace("\n", "") or args[-1].startswith("missing") or args == ("rejects",)


def test_printable_escapes_controls_and_keeps_text() -> None:
    assert printable("l'été à Brest") == "l'été à Brest"
    assert printable("a\nb\x1b[2J\u202ec") == "a\\nb\\x1b[2J\\u202ec"
    assert printable("ligne 1\nligne 2\x07", keep_newlines=True) == "ligne 1\nligne 2\\x07"


def test_watch_log_lines_escape_what_feeds_send() -> None:
    import logging

    from veille.cli.commands_watch import _SafeFormatter

    record = logging.LogRecord("veille.watch", logging.INFO, __file__, 1, "new entry %s", (
        "Titre\n2026-01-01T00:00:00 ERROR faux\x1b]0;pwn\x07",), None)
    line = _SafeFormatter("%(levelname)s %(message)s").format(record)
    assert "\n" not in line and "\x1b" not in line and "\\n2026-01-01" in line
