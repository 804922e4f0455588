"""``graph.gexf``: GEXF 1.3 (https://gexf.net/) for Gephi.

Written directly, not with networkx's GEXF writer, which would turn the edge
attribute ``type`` into GEXF's directed/undirected flag and an article's
``start``/``end`` into time intervals.

Nodes carry ``label`` (shown by Gephi) and the attribute columns ``type``
plus the node columns of :mod:`kg.exporters.tabular`; edges carry
``label`` and ``kind`` = the edge type (Gephi 0.9+ keeps parallel edges of
different kinds apart) and the attribute columns ``type`` plus the edge
columns. Lists and evidence are JSON text (as in GraphML); ``start``/``end``
are ``integer``, ``former`` is ``boolean``; an attribute outside the schema
is a ``string`` column of its own. Edge ids are ``e0``, ``e1``, … in
graph.json order. networkx reads the file with
``nx.read_gexf(path, version="1.3")``; :func:`read` gives back a
:class:`~kg.model.KnowledgeGraph`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import networkx as nx

from kg.exporters import ExportOptions
from kg.exporters import tabular as tb
from kg.exporters.graphml import from_networkx, to_networkx
from kg.model import KnowledgeGraph

FILE = "graph.gexf"
NS = "http://gexf.net/1.3"
_GEXF_TYPES = {tb.STRING: "string", tb.JSON: "string", tb.LIST: "string", tb.INT: "integer",
               tb.BOOL: "boolean"}


def _schema(columns: list[tuple[str, str]], g_items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Declared attributes: ``type``, the schema columns, then unknown names."""
    known = [("type", "string")] + [(n, _GEXF_TYPES[k]) for n, k in columns if n not in ("extra", "key", "label")]
    names = {n for n, _ in known} | {"label"}
    extra = sorted({k for d in g_items for k in d} - names)
    return known + [(k, "string") for k in extra]


def _fmt(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def to_element(graph: KnowledgeGraph) -> ET.Element:
    g = to_networkx(graph)  # the same typed, JSON-encoded values as GraphML
    node_cols: list[tuple[str, str]] = list(tb.NODE_COMMON)
    for t in tb.NODE_SPECIFIC:
        node_cols += [c for c in tb.NODE_SPECIFIC[t] if c not in node_cols]
    nattrs = _schema(node_cols, [d for _, d in g.nodes(data=True)])
    eattrs = _schema(list(tb.EDGE_COLUMNS), [d for *_, d in g.edges(data=True)])

    root = ET.Element("gexf", {"xmlns": NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "union-kg"
    ET.SubElement(meta, "description").text = "Knowledge graph of Chinese trade-union texts"
    graph_el = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    ids: dict[str, dict[str, str]] = {}
    for cls, attrs in (("node", nattrs), ("edge", eattrs)):
        el = ET.SubElement(graph_el, "attributes", {"class": cls, "mode": "static"})
        ids[cls] = {}
        for i, (name, typ) in enumerate(attrs):
            ids[cls][name] = str(i)
            ET.SubElement(el, "attribute", {"id": str(i), "title": name, "type": typ})

    def attvalues(parent: ET.Element, cls: str, d: dict[str, Any]) -> None:
        vals = ET.SubElement(parent, "attvalues")
        for name, i in ids[cls].items():
            if name in d:
                ET.SubElement(vals, "attvalue", {"for": i, "value": _fmt(d[name])})

    nodes = ET.SubElement(graph_el, "nodes")
    for nid, d in g.nodes(data=True):
        attvalues(ET.SubElement(nodes, "node", {"id": nid, "label": d["label"]}), "node", d)
    edges = ET.SubElement(graph_el, "edges")
    for u, v, key, d in g.edges(keys=True, data=True):
        el = ET.SubElement(edges, "edge", {"id": key, "source": u, "target": v,
                                           "label": d["type"], "kind": d["type"]})
        attvalues(el, "edge", d)
    return root


def write(graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
    root = to_element(graph)
    ET.indent(root, space=" ")
    ET.ElementTree(root).write(Path(out_dir) / FILE, encoding="utf-8", xml_declaration=True)
    return [FILE]


def read(path: Path | str) -> KnowledgeGraph:
    """Read a ``graph.gexf`` written by :func:`write`."""
    g = nx.read_gexf(path, version="1.3")
    if not g.is_multigraph():
        g = nx.MultiDiGraph(g)
    return from_networkx(g)
