"""``graph.gexf``: GEXF 1.3 (https://gexf.net/) for Gephi.

Written directly, not with networkx's GEXF writer, which would turn the edge
attribute ``type`` into GEXF's directed/undirected flag and an article's
``start``/``end`` into time intervals; one node and edge at a time
(:func:`write_gexf`), with the bytes ElementTree writes of
:func:`to_element`, the tree it built before.

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
from typing import Any, Iterable
from xml.etree import ElementTree as ET

import networkx as nx

from kg.exporters import ExportOptions
from kg.exporters import tabular as tb
from kg.exporters.graphml import (XML_DECLARATION, Batch, edge_items, escape_attr, from_networkx,
                                  needs_networkx, node_items, to_networkx)
from kg.model import KnowledgeGraph

FILE = "graph.gexf"
NS = "http://gexf.net/1.3"
_GEXF_TYPES = {tb.STRING: "string", tb.JSON: "string", tb.LIST: "string", tb.INT: "integer",
               tb.BOOL: "boolean"}


def _columns() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The node and the edge columns GEXF declares before any unknown name."""
    node_cols: list[tuple[str, str]] = list(tb.NODE_COMMON)
    for t in tb.NODE_SPECIFIC:
        node_cols += [c for c in tb.NODE_SPECIFIC[t] if c not in node_cols]
    return node_cols, list(tb.EDGE_COLUMNS)


def _known(columns: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("type", "string")] + [(n, _GEXF_TYPES[k]) for n, k in columns if n not in ("extra", "key", "label")]


def _schema(columns: list[tuple[str, str]], g_items: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    """Declared attributes: ``type``, the schema columns, then unknown names."""
    known = _known(columns)
    names = {n for n, _ in known} | {"label"}
    extra = sorted({k for d in g_items for k in d} - names)
    return known + [(k, "string") for k in extra]


def _fmt(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def to_element(graph: KnowledgeGraph) -> ET.Element:
    """The document as an ElementTree (what :func:`write` wrote before it
    streamed; kept as the reference of its layout, and for graphs it leaves
    to networkx: :func:`kg.exporters.graphml.needs_networkx`)."""
    g = to_networkx(graph)  # the same typed, JSON-encoded values as GraphML
    node_cols, edge_cols = _columns()
    nattrs = _schema(node_cols, [d for _, d in g.nodes(data=True)])
    eattrs = _schema(edge_cols, [d for *_, d in g.edges(data=True)])

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


def _unknown_names(graph: KnowledgeGraph) -> tuple[set[str], set[str]]:
    """The names of the node and of the edge attributes that
    :func:`kg.exporters.tabular.node_row` and ``edge_row`` put in ``extra``
    (outside the columns of their type, or not fitting them), found without
    making the rows: the values those rows set themselves (label, aliases,
    docs; key, evidence, evidence_docs) always fit their columns."""
    node_cols = {t: dict(tb.node_columns(t)) for t in tb.NODE_TYPES}
    nodes: set[str] = set()
    for node in graph.nodes.values():
        cols = node_cols.get(node.type) or dict(tb.node_columns(node.type))
        for k, v in node.attrs.items():
            if k not in ("label", "aliases", "docs") and (k not in cols or k == "extra" or not tb.fits(v, cols[k])):
                nodes.add(k)
    edge_cols = dict(tb.EDGE_COLUMNS)
    edges: set[str] = set()
    for e in graph.iter_edges():
        for k, v in e.attrs.items():
            if k not in ("key", "evidence", "evidence_docs") and (
                    k not in edge_cols or k == "extra" or not tb.fits(v, edge_cols[k])):
                edges.add(k)
    return nodes, edges


def _attvalues(ids: dict[str, str], d: dict[str, Any], pad: str) -> str:
    vals = [f'<attvalue for="{i}" value="{escape_attr(_fmt(d[name]))}" />' for name, i in ids.items() if name in d]
    if not vals:
        return "<attvalues />"
    inner = pad + " "
    return "<attvalues>" + inner + inner.join(vals) + pad + "</attvalues>"


def _declarations(cls: str, attrs: list[tuple[str, str]]) -> str:
    lines = [f'<attribute id="{i}" title="{escape_attr(name)}" type="{typ}" />' for i, (name, typ) in enumerate(attrs)]
    head = f'<attributes class="{cls}" mode="static"'
    return head + (">\n   " + "\n   ".join(lines) + "\n  </attributes>" if lines else " />")


def write_gexf(graph: KnowledgeGraph, path: Path) -> None:
    """``graph.gexf`` as :func:`to_element` indented with ``ET.indent(root,
    space=" ")`` and written by ElementTree, byte for byte, one node and
    edge at a time (the unknown names, declared first, are found first)."""
    node_cols, edge_cols = _columns()
    nknown, eknown = _known(node_cols), _known(edge_cols)
    nextra, eextra = _unknown_names(graph)
    nattrs = nknown + [(k, "string") for k in sorted(nextra - {n for n, _ in nknown} - {"label"})]
    eattrs = eknown + [(k, "string") for k in sorted(eextra - {n for n, _ in eknown} - {"label"})]
    nids = {name: str(i) for i, (name, _) in enumerate(nattrs)}
    eids = {name: str(i) for i, (name, _) in enumerate(eattrs)}
    with open(path, "wb") as fh:
        out = Batch(fh)
        out.add(XML_DECLARATION + f'<gexf xmlns="{NS}" version="1.3">\n <meta>\n  <creator>union-kg</creator>\n'
                "  <description>Knowledge graph of Chinese trade-union texts</description>\n </meta>\n"
                ' <graph defaultedgetype="directed" mode="static">\n  '
                + _declarations("node", nattrs) + "\n  " + _declarations("edge", eattrs) + "\n  ")
        first = True
        for nid, d in node_items(graph):
            out.add(("<nodes>\n   " if first else "\n   ") + f'<node id="{escape_attr(nid)}" label="{escape_attr(d["label"])}">'
                    "\n    " + _attvalues(nids, d, "\n    ") + "\n   </node>")
            first = False
        out.add("<nodes />\n  " if first else "\n  </nodes>\n  ")
        first = True
        for u, v, eid, d in edge_items(graph):
            kind = escape_attr(d["type"])
            out.add(("<edges>\n   " if first else "\n   ")
                    + f'<edge id="{escape_attr(eid)}" source="{escape_attr(u)}" target="{escape_attr(v)}" '
                    f'label="{kind}" kind="{kind}">' + "\n    " + _attvalues(eids, d, "\n    ") + "\n   </edge>")
            first = False
        out.add("<edges />\n </graph>\n</gexf>" if first else "\n  </edges>\n </graph>\n</gexf>")
        out.flush()


def write(graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
    path = Path(out_dir) / FILE
    if needs_networkx(graph):
        root = to_element(graph)
        ET.indent(root, space=" ")
        ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    else:
        write_gexf(graph, path)
    return [FILE]


def read(path: Path | str) -> KnowledgeGraph:
    """Read a ``graph.gexf`` written by :func:`write`."""
    g = nx.read_gexf(path, version="1.3")
    if not g.is_multigraph():
        g = nx.MultiDiGraph(g)
    return from_networkx(g)
