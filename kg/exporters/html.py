"""``graph.html``: one self-contained, offline page to explore the graph.

The page is built by :mod:`kg.viz` (vis-network inlined, data as inert JSON,
a CSP that forbids every request). Above ``options.max_nodes`` nodes
(default :data:`kg.viz.DEFAULT_MAX_NODES`) it opens on a focused view and
says what it left out; ``kg viz`` writes other views.

pyvis's own template is not used: it loads Bootstrap (and, in ``local``
mode, vis-network) from a CDN, interpolates labels into HTML tooltips, and
its ``add_node`` is quadratic. pyvis is kept as the source of vis-network.
"""

from __future__ import annotations

from pathlib import Path

from kg.exporters import ExportOptions
from kg.model import KnowledgeGraph
from kg.viz import DEFAULT_MAX_NODES, render_page, select_view


def write(graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
    options = options or ExportOptions()
    view = select_view(graph, max_nodes=options.max_nodes or DEFAULT_MAX_NODES)
    page = render_page(graph, view, title=options.title)
    (Path(out_dir) / "graph.html").write_text(page, encoding="utf-8", newline="\n")
    return ["graph.html"]
