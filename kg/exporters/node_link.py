"""``graph.json``: NetworkX node-link JSON of a directed multigraph.

The one file every consumer reads (see ``GRAPH.md``); its reader is
:meth:`kg.model.KnowledgeGraph.load`, and ``networkx.node_link_graph(data,
edges="edges")`` reads it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.model import KnowledgeGraph


def write(graph: KnowledgeGraph, out_dir: Path, options: dict[str, Any] | None = None) -> list[str]:
    (Path(out_dir) / "graph.json").write_text(graph.to_json(), encoding="utf-8")
    return ["graph.json"]
