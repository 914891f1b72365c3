"""Docs that must not drift from the code (datasette's habit)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _gen_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_cli_docs", REPO / "scripts" / "gen_cli_docs.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_cli_reference_is_current() -> None:
    expected = _gen_module().render()
    actual = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_docs.py"


def test_docs_every_command_is_in_the_reference() -> None:
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for cmd in ("ingest", "articles", "article", "rejects", "analyze", "cluster", "stories",
                "story", "serve", "export", "search", "watch", "eval clustering", "eval analysis",
                "eval timebank"):
        assert f"## `veille {cmd}`" in text


def test_docs_readme_links_resolve() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?:docs|examples)/[^)#]+)\)", readme)
    assert links, "the README links its docs"
    missing = [link for link in links if not (REPO / link).exists()]
    assert not missing, f"README links to missing files: {missing}"


def test_docs_every_error_code_is_documented() -> None:
    from veille.core.errors import CODES

    used = set()
    for path in (REPO / "src" / "veille").rglob("*.py"):
        used |= set(re.findall(r'"(E\d{3})"', path.read_text(encoding="utf-8")))
    assert used <= set(CODES), f"codes used but not documented in errors.py: {used - set(CODES)}"
