"""``veille export story ID --format md|html|csv-timeline|csv-quotes`` and the
flat stories CSV, from the CLI, on the seeds (ingested without analysis: the
report's shape, not the extractors, is under test here) and on an article
whose title is a spreadsheet formula and markup."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import lxml.html
import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner, Result

from veille.cli import app

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "examples").glob("*.txt"))
HOSTILE_TITLE = '=HYPERLINK("http://evil.invalid","clic") <script>alert(1)</script> [x](javascript:alert(2))'


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(app, ["--db", db, *args])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    if len(SEEDS) < 2:
        pytest.skip("examples/ seeds absent")
    path = tmp_path_factory.mktemp("export") / "v.db"
    res = run(str(path), "ingest", "--no-analyze", *map(str, SEEDS))
    assert res.exit_code == 0, res.output
    return str(path)


def _stories(db: str) -> list[dict[str, object]]:
    return json.loads(run(db, "stories", "--json").stdout)


def test_every_story_format_to_stdout_and_file(db: str, tmp_path: Path) -> None:
    sid = str(_stories(db)[0]["id"])
    md = run(db, "export", "story", sid)  # Markdown by default
    assert md.exit_code == 0 and md.stdout.startswith("# ")
    assert "## Summary" in md.stdout and "## Sources" in md.stdout
    out = tmp_path / "s.html"
    res = run(db, "export", "story", sid, "--format", "html", "-o", str(out),
              "--base-url", "https://veille.example.org/")
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert f'href="https://veille.example.org/stories/{sid}"' in out.read_text(encoding="utf-8")
    for fmt, first in (("csv-timeline", "date,"), ("csv-quotes", "speaker,")):
        res = run(db, "export", "story", sid, "--format", fmt)
        assert res.exit_code == 0 and res.stdout.startswith(first)


def test_story_export_bad_input(db: str) -> None:
    missing = run(db, "export", "story", "987654")
    assert missing.exit_code == 1 and "no story 987654" in missing.stderr
    assert missing.stdout == ""
    assert run(db, "export", "story").exit_code == 2
    assert run(db, "export", "story", "1", "--format", "pdf").exit_code == 2
    assert run(db, "export", "articles", "1").exit_code == 2


def test_existing_invocations_still_work(db: str) -> None:
    for args in (["stories"], ["articles", "--format", "json"], ["quotes", "--format", "csv"],
                 ["entities", "--format", "jsonl"]):
        assert run(db, "export", *args).exit_code == 0, args


def test_hostile_title_stays_inert(db: str, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.jsonl"
    text = SEEDS[1].read_text(encoding="utf-8")
    hostile.write_text(json.dumps({"id": "hostile-1", "title": HOSTILE_TITLE, "text": text,
                                   "source": "evil.invalid", "url": "javascript:alert(3)",
                                   "published": "2031-01-01"}) + "\n", encoding="utf-8")
    copy = tmp_path / "h.db"
    res = run(str(copy), "ingest", "--no-analyze", str(hostile))
    assert res.exit_code == 0, res.output
    (story,) = _stories(str(copy))
    rows = list(csv.DictReader(io.StringIO(run(str(copy), "export", "stories", "--format", "csv").stdout)))
    # a spreadsheet shows the title as text: the formula is prefixed, the words kept
    assert rows[0]["title"] == "'" + str(story["title"]) and rows[0]["title"].startswith("'=HYPERLINK")
    html = run(str(copy), "export", "story", str(story["id"]), "--format", "html").stdout
    assert "<script>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = run(str(copy), "export", "story", str(story["id"])).stdout
    shown = lxml.html.fromstring(MarkdownIt("commonmark").render(md))
    assert not shown.xpath("//script") and shown.findtext(".//h1") == HOSTILE_TITLE
    assert not any((a.get("href") or "").startswith("javascript") for a in shown.iter("a"))


def test_untitled_sources_are_named_by_their_first_line(db: str) -> None:
    """Session-21 audit: the API's reports named an untitled source "first line
    (first line; ID)", `veille export story` by its bare id, and `veille story`
    listed it as "(untitled)". The seeds have no title line."""
    sid = str(_stories(db)[0]["id"])
    md = run(db, "export", "story", sid).stdout
    sources = [ln for ln in md.split("## Sources", 1)[1].split("\n## ", 1)[0].splitlines()
               if ln[:1].isdigit()]
    assert sources and all("(first line; " in ln for ln in sources), sources
    shown = run(db, "story", sid).stdout
    rows = shown.split("title, id):", 1)[1].strip().splitlines()
    assert rows and all("(first line)" in r and "(untitled)" not in r for r in rows), rows
    # the opening words of a seed (examples/004_…: « La Russie commencera à déployer … »)
    assert "La Russie commencera à déployer" in shown
