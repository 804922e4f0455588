"""``graph.graphml``: GraphML for Gephi, yEd and networkx.

GraphML attributes are scalars, so lists (aliases, docs) are written as JSON
text and evidence as a JSON array in the ``evidence`` attribute; networkx's
``read_graphml`` reads the file back with every label intact.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from kg.model import KnowledgeGraph


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n in sorted(graph.nodes):
        d = graph.nodes[n].to_dict()
        g.add_node(n, **{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                         for k, v in d.items() if k != "id"})
    for key, e in enumerate(graph.edges):
        d = e.to_dict(0)
        attrs = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                 for k, v in d.items() if k not in ("source", "target", "key")}
        g.add_edge(e.source, e.target, key=key, **attrs)
    return g


def write(graph: KnowledgeGraph, out_dir: Path, options: dict[str, Any] | None = None) -> list[str]:
    nx.write_graphml(to_networkx(graph), Path(out_dir) / "graph.graphml", encoding="utf-8")
    return ["graph.graphml"]
