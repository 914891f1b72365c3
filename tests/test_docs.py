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


def _settings_docs_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "gen_settings_docs", REPO / "scripts" / "gen_settings_docs.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_configuration_page_is_current() -> None:
    expected = _settings_docs_module().render()
    actual = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "docs/configuration.md is stale: run .venv/bin/python scripts/gen_settings_docs.py")


def test_docs_every_environment_variable_is_a_setting() -> None:
    """A VEILLE_* variable named anywhere in the code is a declared, documented setting."""
    from veille.core.settings import describe

    declared = {env for env, *_ in describe()}
    named: dict[str, str] = {}
    for path in (REPO / "src" / "veille").rglob("*.py"):
        for var in re.findall(r"\bVEILLE_[A-Z_]+\b", path.read_text(encoding="utf-8")):
            named.setdefault(var, str(path.relative_to(REPO)))
    undeclared = {var: where for var, where in named.items() if var not in declared}
    assert not undeclared, f"environment variables read but not in core.settings.Settings: {undeclared}"


def test_docs_settings_are_read_from_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from veille.core.settings import MAX_ARTICLE_BYTES, Settings

    monkeypatch.setenv("VEILLE_MAX_ARTICLE_BYTES", "1234")
    monkeypatch.setenv("VEILLE_PROTECT_READS", "yes")
    monkeypatch.delenv("VEILLE_SERVE_CACHE", raising=False)
    s = Settings()
    assert (s.max_article_bytes, s.protect_reads, s.serve_cache) == (1234, True, True)
    t = Settings.from_env({"VEILLE_SERVE_CACHE": "0"})
    assert (t.max_article_bytes, t.serve_cache, t.token) == (MAX_ARTICLE_BYTES, False, None)


def test_docs_architecture_names_only_paths_that_exist() -> None:
    """ARCHITECTURE.md stays true: every source path, module and test file it names exists."""
    text = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
    missing = []
    for path in set(re.findall(r"`((?:src|tests|scripts)/[\w/.]+?\.(?:py|sh|md))`", text)):
        if not (REPO / path).exists():
            missing.append(path)
    src = REPO / "src" / "veille"
    packages = "core|lang|analyze|store|web|watch|stories|ingest|services|engine"
    for mod in set(re.findall(rf"`((?:{packages})/[\w/]+?\.py)`", text)):
        if "<" not in mod and not (src / mod).exists():
            missing.append(mod)
    assert not missing, f"ARCHITECTURE.md names files that do not exist: {sorted(missing)}"
