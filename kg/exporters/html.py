"""``graph.html``: an interactive page of the graph (pyvis), a first cut.

Labels are passed to vis-network as data, never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pyvis.network import Network

from kg.model import KnowledgeGraph

COLOURS = {"Person": "#e15759", "Organization": "#4e79a7", "Region": "#59a14f",
           "Programme": "#f28e2b", "Concept": "#b07aa1", "Document": "#9c755f",
           "Event": "#edc948", "Article": "#bab0ac"}


def write(graph: KnowledgeGraph, out_dir: Path, options: dict[str, Any] | None = None) -> list[str]:
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for n in graph.nodes.values():
        if n.type == "Article":
            continue
        net.add_node(n.id, label=n.label, title=f"{n.type}: {n.label}", color=COLOURS.get(n.type))
    for e in graph.edges:
        if e.type in ("MENTIONS", "AUTHORED"):
            continue
        net.add_edge(e.source, e.target, title=e.type, label=e.attrs.get("title", ""))
    (Path(out_dir) / "graph.html").write_text(net.generate_html(), encoding="utf-8")
    return ["graph.html"]
