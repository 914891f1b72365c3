"""Every third-party module veille imports is a dependency it declares itself.

A dependency reached only through another package's requirements breaks when
that package changes them or when an older pip resolves extras differently
(trafilatura's ``lxml.html.clean`` did, with the pip ``python3 -m venv``
installs). So: the distributions behind every import in ``src/veille`` are
listed in ``[project].dependencies``, and the libraries the readers load
lazily import in a clean interpreter and read a real sample.
"""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "veille"


def _imported_top_modules() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(REPO)))
    return found


def _declared() -> set[str]:
    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return {_norm(re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0]) for d in meta["project"]["dependencies"]}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_dependencies_every_import_is_declared_directly() -> None:
    declared = _declared()
    dists = md.packages_distributions()
    missing = {}
    for module, where in _imported_top_modules().items():
        if module in sys.stdlib_module_names or module in {"veille", "__future__"}:
            continue
        providers = {_norm(d) for d in dists.get(module, [])}
        assert providers, f"{module} (imported in {where}) is not installed"
        if not providers & declared:
            missing[module] = (where, sorted(providers))
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


_READERS_SCRIPT = r"""
import sys
from pathlib import Path
import lxml.html.clean, justext, trafilatura, htmldate, feedparser, charset_normalizer  # noqa: F401
from veille.ingest.sources import SourceOptions, read_file
data = Path(sys.argv[1])
for name, fmt in [("page_lemonde_like.html", "html"), ("feed.rss", "feed"), ("feed.atom", "feed"),
                  ("articles.jsonl", "jsonl"), ("article.txt", "text")]:
    items = list(read_file(data / name, SourceOptions(fmt=fmt)))
    texts = [getattr(i, "text", "") for i in items]
    assert any(len(t) > 40 for t in texts), (name, items[:2])
    print(name, len(items))
"""


def test_dependencies_readers_import_and_read_in_a_fresh_interpreter() -> None:
    """The lazily imported reader libraries load and work (nothing installed by the test)."""
    out = subprocess.run([sys.executable, "-c", _READERS_SCRIPT, str(REPO / "tests" / "data" / "ingest")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "page_lemonde_like.html 1" in out.stdout
