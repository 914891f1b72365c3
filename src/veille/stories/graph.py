"""Entity co-occurrence graph of a story (networkx), exportable as JSON or GraphML.

Weight = number of statements in which two entities occur together; a node
carries its mention count and the articles naming it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any

from veille.core.views import EntityGraph, GraphEdge, GraphNode
from veille.stories.units import Unit

if TYPE_CHECKING:
    import networkx as nx


def _get(rec: Any, name: str) -> Any:
    return rec.get(name) if isinstance(rec, Mapping) else getattr(rec, name, None)


def build_graph(units: Sequence[Unit], entities: Mapping[str, Any], *,
                copies: Mapping[str, Sequence[str]] | None = None) -> nx.Graph:
    import networkx as nx  # lazily: see summary.lexrank (start-up time)

    g = nx.Graph()
    mentions: Counter[str] = Counter()
    arts: dict[str, set[str]] = {}
    for u in units:
        for e in u.entities:
            mentions[e] += 1
            arts.setdefault(e, set()).add(u.uid)
            if copies and u.uid in copies:
                arts[e].update(copies[u.uid])
    for e, n in mentions.items():
        rec = entities.get(e)
        g.add_node(
            e,
            canonical=str(_get(rec, "canonical") or e) if rec is not None else e,
            label=str(_get(rec, "label") or "") if rec is not None else "",
            mentions=n,
            articles=len(arts[e]),
        )
    for u in units:
        for a, b in combinations(sorted(set(u.entities)), 2):
            w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
            g.add_edge(a, b, weight=w)
    return g


def graph_to_json(g: nx.Graph) -> dict[str, Any]:
    nodes = [{"id": n, **d} for n, d in g.nodes(data=True)]
    nodes.sort(key=lambda x: (-x["mentions"], x["id"]))
    edges = [{"source": a, "target": b, "weight": d["weight"]} for a, b, d in g.edges(data=True)]
    edges.sort(key=lambda x: (-x["weight"], x["source"], x["target"]))
    return {"nodes": nodes, "edges": edges}


def graph_view(g: nx.Graph) -> EntityGraph:
    """The graph as the view's ``entity_graph`` section (same order as graph_to_json)."""
    data = graph_to_json(g)
    return EntityGraph(nodes=[GraphNode(**n) for n in data["nodes"]],
                       edges=[GraphEdge(**e) for e in data["edges"]])


def graph_from_json(data: Mapping[str, Any]) -> nx.Graph:
    import networkx as nx  # lazily: see summary.lexrank (start-up time)

    g = nx.Graph()
    for n in data.get("nodes", []):
        g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
    for e in data.get("edges", []):
        g.add_edge(e["source"], e["target"], weight=e["weight"])
    return g


def to_graphml(data: Mapping[str, Any]) -> str:
    """GraphML text of a view's ``entity_graph`` section."""
    import networkx as nx  # lazily: see summary.lexrank (start-up time)

    return "\n".join(nx.generate_graphml(graph_from_json(data)))
