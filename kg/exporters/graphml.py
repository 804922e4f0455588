"""``graph.graphml``: GraphML (http://graphml.graphdrawing.org/) for Gephi, yEd
and networkx.

Every node has the data keys ``type`` and ``label`` (Gephi shows ``label``
as the node label) and the typed columns of :mod:`kg.exporters.tabular`;
every edge ``type`` and the edge columns. GraphML data are scalars, so:

- lists (``aliases``, ``docs``, ``evidence_docs``) are JSON arrays written as
  text, e.g. ``["全总","全国总工会"]``;
- ``evidence`` is a JSON array of ``{doc, sentence, start, end, article}``;
- ``start``/``end`` are ``int``, ``former`` is ``boolean``, the rest ``string``;
- an attribute outside the schema is written under its own name as a
  string (JSON text unless it is already text).

Edge ids are ``e0``, ``e1``, … in graph.json order. yEd shows no label until
you map ``label`` to the node text (Edit > Properties Mapper). :func:`read`
reads the file back into a :class:`~kg.model.KnowledgeGraph`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.exporters import ExportOptions
from kg.exporters import tabular as tb
from kg.model import Evidence, KnowledgeGraph, Node

FILE = "graph.graphml"
_DECODE_JSON = {"aliases", "docs", "evidence", "evidence_docs", "rules"}  # rules: kg.merge.RULES


# what XML 1.0 forbids in a document (its Char production): C0 controls but
# tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(s: str) -> str:
    """``s`` without the characters XML 1.0 cannot hold (dropped: they carry
    no text, and networkx's readers, like every XML parser, reject them).

    >>> xml_text("工会\x0b主席\ufffe")
    '工会主席'
    """
    return _NOT_XML.sub("", s)


def _value(v: Any, kind: str) -> Any:
    if kind in (tb.LIST, tb.JSON):
        return xml_text(tb.to_json(v))
    return xml_text(v) if isinstance(v, str) else v


def _unknown(v: Any) -> str:
    return xml_text(v if isinstance(v, str) else tb.to_json(v))


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(**{k: _unknown(v) for k, v in sorted(graph.meta.items())})
    for nid in sorted(graph.nodes):
        node = graph.nodes[nid]
        row = tb.node_row(node)
        attrs: dict[str, Any] = {"type": node.type}
        for name, kind in tb.node_columns(node.type):
            if name != "extra" and row.get(name) is not None:
                attrs[name] = _value(row[name], kind)
        for k, v in (row["extra"] or {}).items():
            attrs.setdefault(k, _unknown(v))
        g.add_node(xml_text(nid), **attrs)
    for i, (e, row) in enumerate(tb.edge_rows(graph)):
        attrs = {"type": e.type}
        for name, kind in tb.EDGE_COLUMNS:
            if name not in ("extra", "key") and row.get(name) is not None:
                attrs[name] = _value(row[name], kind)
        for k, v in (row["extra"] or {}).items():
            attrs.setdefault(k, _unknown(v))
        g.add_edge(xml_text(e.source), xml_text(e.target), key=f"e{i}", **attrs)
    return g


def write(graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
    nx.write_graphml_xml(to_networkx(graph), Path(out_dir) / FILE, encoding="utf-8")
    return [FILE]


def from_networkx(g: nx.MultiDiGraph) -> KnowledgeGraph:
    """The inverse of :func:`to_networkx` (also used for GEXF)."""
    kg = KnowledgeGraph({k: v for k, v in g.graph.items() if k not in ("node_default", "edge_default")})
    for nid, d in g.nodes(data=True):
        d = {k: (json.loads(v) if k in _DECODE_JSON else v) for k, v in d.items()}
        type_, label = d.pop("type"), d.pop("label")
        kg.nodes[nid] = Node(nid, type_, label, set(d.pop("aliases", [])), docs=set(d.pop("docs", [])))
        kg.nodes[nid].attrs = d
    for u, v, d in g.edges(data=True):
        d = {k: (json.loads(v) if k in _DECODE_JSON else v) for k, v in d.items()}
        d.pop("evidence_docs", None)
        d.pop("id", None)
        d.pop("label", None)  # GEXF: the edge type again
        ev = [Evidence.from_dict(x) for x in d.pop("evidence", None) or []]
        kg.add_edge(u, v, d.pop("type"), evidence=ev, **d)
    return kg


def read(path: Path | str) -> KnowledgeGraph:
    """Read a ``graph.graphml`` written by :func:`write`."""
    return from_networkx(nx.read_graphml(path, force_multigraph=True))
