"""Write docs/cli.md from the commands' own --help (datasette's habit).

Run: .venv/bin/python scripts/gen_cli_docs.py   (tests/test_docs.py checks it is current)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer.core
import typer.main

from veille.cli import app

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _walk(cmd: Any, path: list[str]) -> list[tuple[str, str]]:
    ctx = type(cmd).context_class(cmd, info_name=" ".join(path), terminal_width=100, max_content_width=100)
    out = [(" ".join(path), cmd.get_help(ctx))]
    if hasattr(cmd, "list_commands"):
        for name in sorted(cmd.list_commands(ctx)):
            sub = cmd.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                out += _walk(sub, [*path, name])
    return out


def render() -> str:
    # Plain click help (no rich boxes) so the reference is stable text;
    # restored afterwards so a test calling this leaves the process as it was.
    saved, typer.core.HAS_RICH = typer.core.HAS_RICH, False
    try:
        root = typer.main.get_command(app)
        pages = _walk(root, ["veille"])
    finally:
        typer.core.HAS_RICH = saved
    parts = ["# veille command-line reference", "",
             "Generated from `--help` by `scripts/gen_cli_docs.py`; do not edit by hand.", ""]
    for name, text in pages:
        parts += [f"## `{name}`", "", "```", text.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.exists() and OUT.read_text() == text else 1)
    OUT.write_text(text)
    print(f"wrote {OUT}")
