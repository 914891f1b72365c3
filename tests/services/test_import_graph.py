"""The import graph of veille's own modules: no cycles (imports inside
functions included: they hide cycles rather than break them), and the stages
never reach up to the services or the front ends.

``lint-imports`` (pyproject's contracts) checks the layers in CI; this walk of
the sources needs nothing installed and names the modules of any cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[2] / "src"
STAGES = ("ingest", "analyze", "cluster", "stories", "search", "store", "lang", "core")
ABOVE_STAGES = ("veille.services", "veille.cli", "veille.web", "veille.watch")


def _modules(src: Path) -> dict[str, tuple[Path, bool]]:
    mods = {}
    for path in (src / "veille").rglob("*.py"):
        parts = list(path.relative_to(src).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        mods[".".join(parts[:-1] if is_pkg else parts)] = (path, is_pkg)
    return mods


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """Imports under ``if TYPE_CHECKING:`` never run."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            out |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return out


def import_graph(src: Path = SRC) -> nx.DiGraph:
    mods = _modules(src)
    graph = nx.DiGraph()
    for name, (path, is_pkg) in mods.items():
        graph.add_node(name)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_nodes(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_pkg else name.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                subs = [f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in mods]
                # "from pkg import submodule" needs the submodule; any other name, the module.
                targets = subs if len(subs) == len(node.names) else [module, *subs]
            graph.add_edges_from((name, t) for t in targets if t in mods and t != name)
    return graph


def test_no_import_cycles() -> None:
    cycles = [" -> ".join([*c, c[0]]) for c in nx.simple_cycles(import_graph())]
    assert cycles == [], "import cycles:\n" + "\n".join(sorted(cycles, key=len)[:20])


def test_stages_do_not_import_services_or_front_ends() -> None:
    graph = import_graph()
    bad = sorted(f"{a} -> {b}" for a, b in graph.edges
                 if a.split(".")[1] in STAGES and b.startswith(ABOVE_STAGES))
    assert bad == []


def test_the_walk_sees_imports_inside_functions(tmp_path: Path) -> None:
    """A lazy import is an edge (the kind that hid three cycles); one under
    TYPE_CHECKING is not."""
    pkg = tmp_path / "veille" / "x"
    pkg.mkdir(parents=True)
    for init in (tmp_path / "veille" / "__init__.py", pkg / "__init__.py"):
        init.write_text("")
    (pkg / "a.py").write_text("from veille.x import b\n")
    (pkg / "b.py").write_text("def f():\n    from veille.x.a import g\n")
    (pkg / "c.py").write_text("from typing import TYPE_CHECKING\n"
                              "if TYPE_CHECKING:\n    from veille.x import a\n")
    graph = import_graph(tmp_path)
    assert sorted(graph.edges) == [("veille.x.a", "veille.x.b"), ("veille.x.b", "veille.x.a")]
    assert import_graph().number_of_edges() > 300  # the real sources are walked
