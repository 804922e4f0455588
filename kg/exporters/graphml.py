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

The file is written one node and edge at a time (:func:`write_graphml`),
with the bytes ``nx.write_graphml_xml(to_networkx(graph))`` writes (its key
numbering, element and attribute order, indentation and escapes), four
times faster and without a tree of the whole graph in memory; the rare
graph that networkx would change (:func:`needs_networkx`) is still written
by networkx. GEXF (:mod:`kg.exporters.gexf`) uses the same items and
escapes.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any, Iterator

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


# -- what GraphML and GEXF write of each node and edge ------------------------
def node_items(graph: KnowledgeGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(id, data)`` of every node, in id order: ``type``, the node columns
    that have a value (lists and JSON as JSON text, text without what XML
    cannot hold), then the attributes outside the schema as text.

    >>> g = KnowledgeGraph(); _ = g.add_node("Person", "刘伟", aliases=["刘 伟"])
    >>> next(node_items(g))
    ('Person:刘伟', {'type': 'Person', 'label': '刘伟', 'aliases': '["刘 伟"]', 'docs': '[]'})
    """
    for nid in sorted(graph.nodes):
        node = graph.nodes[nid]
        row = tb.node_row(node)
        attrs: dict[str, Any] = {"type": node.type}
        for name, kind in tb.node_columns(node.type):
            if name != "extra" and row.get(name) is not None:
                attrs[name] = _value(row[name], kind)
        for k, v in (row["extra"] or {}).items():
            attrs.setdefault(k, _unknown(v))
        yield xml_text(nid), attrs


_EDGE_COLUMNS = [(name, kind) for name, kind in tb.EDGE_COLUMNS if name not in ("extra", "key")]


def edge_items(graph: KnowledgeGraph) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """``(source, target, id, data)`` of every edge, in graph.json order (ids
    ``e0``, ``e1``, …): ``type``, the edge columns that have a value, then
    the attributes outside the schema, as :func:`node_items`.

    >>> g = KnowledgeGraph(); a = g.add_node("Article", "a", key="d#1"); p = g.add_node("Person", "刘伟")
    >>> _ = g.add_edge(a, p, "MENTIONS"); next(edge_items(g))
    ('Article:d#1', 'Person:刘伟', 'e0', {'type': 'MENTIONS', 'evidence_docs': '[]'})
    """
    for i, (k, e) in enumerate(graph.keyed_edges()):
        if not e.attrs and not e.evidence:  # a bare mention, most edges: what the loop below gives
            attrs = {"type": e.type, "evidence_docs": "[]"}
        else:
            row = tb.edge_row(k, e)
            attrs = {"type": e.type}
            for name, kind in _EDGE_COLUMNS:
                if row.get(name) is not None:
                    attrs[name] = _value(row[name], kind)
            for name, v in (row["extra"] or {}).items():
                attrs.setdefault(name, _unknown(v))
        yield xml_text(e.source), xml_text(e.target), f"e{i}", attrs


def graph_items(graph: KnowledgeGraph) -> dict[str, str]:
    """The graph's own data (``meta``) as text, by name."""
    return {k: _unknown(v) for k, v in sorted(graph.meta.items())}


def needs_networkx(graph: KnowledgeGraph) -> bool:
    """Whether the graph is one the streaming writers leave to networkx
    (whose layout they copy): two node ids that are the same once the
    characters XML cannot hold are dropped (networkx merges them into one
    node), or a ``node_default``/``edge_default`` in ``meta`` (which
    networkx reads as defaults). Never so for a graph ``kg build`` makes.

    >>> g = KnowledgeGraph(); _ = g.add_node("Person", "刘伟"); _ = g.add_node("Person", "刘\x0b伟")
    >>> needs_networkx(g)
    True
    """
    if "node_default" in graph.meta or "edge_default" in graph.meta:
        return True
    changed = [xml_text(n) for n in graph.nodes if _NOT_XML.search(n)]
    return len(set(changed)) < len(changed) or any(n in graph.nodes for n in changed)


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """The graph as networkx holds what GraphML and GEXF write of it."""
    g = nx.MultiDiGraph(**graph_items(graph))
    for nid, attrs in node_items(graph):
        g.add_node(nid, **attrs)
    for u, v, key, attrs in edge_items(graph):
        g.add_edge(u, v, key=key, **attrs)
    return g


# -- XML text, written as xml.etree.ElementTree writes it ---------------------
def escape_text(s: str) -> str:
    """Character data as ElementTree writes it: ``&``, ``<``, ``>`` escaped.

    >>> escape_text('a<b & "c"')
    'a&lt;b &amp; "c"'
    """
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    return s


_ATTR_SPECIAL = re.compile('[&<>"\r\n\t]')


def escape_attr(s: str) -> str:
    """An attribute value as ElementTree writes it: ``& < > "`` as entities,
    carriage return, line feed and tab as character references (a parser
    would turn them into spaces otherwise). One search finds most values
    need nothing; the others are replaced a character at a time, as
    ElementTree does (``str.translate`` is slower on long values).

    >>> escape_attr('say "hi"\\n\\t&')
    'say &quot;hi&quot;&#10;&#09;&amp;'
    """
    if not _ATTR_SPECIAL.search(s):
        return s
    s = escape_text(s)
    if '"' in s:
        s = s.replace('"', "&quot;")
    if "\r" in s:
        s = s.replace("\r", "&#13;")
    if "\n" in s:
        s = s.replace("\n", "&#10;")
    if "\t" in s:
        s = s.replace("\t", "&#09;")
    return s


XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"


def encode(text: str) -> bytes:
    """``text`` as ElementTree writes it to a file: UTF-8, a character UTF-8
    cannot hold (a lone surrogate in an attribute name) as a character
    reference.

    >>> encode("工会" + chr(0xD800))
    b'\xe5\xb7\xa5\xe4\xbc\x9a&#55296;'
    """
    return text.encode("utf-8", "xmlcharrefreplace")


class Batch:
    """Pieces of text gathered into writes of about ``size`` characters to
    the binary stream ``out`` (see :func:`encode`)."""

    def __init__(self, out: IO[bytes], size: int = 1 << 16) -> None:
        self.out, self.size = out, size
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
        if self.length >= self.size:
            self.flush()

    def flush(self) -> None:
        self.out.write(encode("".join(self.parts)))
        self.parts.clear()
        self.length = 0


# -- the GraphML writer ---------------------------------------------------------
_GRAPHML_OPEN = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
# networkx's names for the Python types of values (the last of its table wins)
_GRAPHML_TYPES = {str: "string", int: "long", bool: "boolean", float: "double"}


class _Keys:
    """GraphML ``<key>`` declarations, ``d0``, ``d1``, … in order of first
    use, by (name, type, scope), as networkx numbers them."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, type, str], str] = {}
        self.lines: list[str] = []

    def data(self, name: str, value: Any, scope: str) -> str:
        """``<data>`` of one value, its key declared if new."""
        kid = self.ids.get((name, type(value), scope))
        if kid is None:
            kid = self.ids[(name, type(value), scope)] = f"d{len(self.ids)}"
            self.lines.append(f'<key id="{kid}" for="{scope}" attr.name="{escape_attr(str(name))}" '
                              f'attr.type="{_GRAPHML_TYPES[type(value)]}" />')
        text = escape_text(str(value))
        return f'<data key="{kid}">{text}</data>' if text else f'<data key="{kid}" />'


def _element(head: str, tag: str, children: list[str], pad: str) -> str:
    """``head`` (``<tag …``) closed, with ``children`` one a line at ``pad``."""
    if not children:
        return head + " />"
    inner = pad + "  "
    return head + ">" + inner + inner.join(children) + pad + "</" + tag + ">"


def write_graphml(graph: KnowledgeGraph, path: Path, scratch: Path) -> None:
    """``graph.graphml`` as ``nx.write_graphml_xml(to_networkx(graph))``
    writes it, byte for byte, one node and edge at a time: the nodes and
    edges go to a temporary file in ``scratch`` while their keys are
    numbered, then the file is the keys (declared first, the last numbered
    on top, as networkx inserts each new one before the others) and that
    text."""
    keys = _Keys()
    meta = graph_items(graph)
    graph_id = meta.pop("id", None)
    graph_data = [keys.data(k, v, "graph") for k, v in meta.items()]  # numbered first, written last
    empty = True
    with tempfile.TemporaryFile(dir=scratch) as tmp:
        out = Batch(tmp)
        for nid, attrs in node_items(graph):
            data = [keys.data(k, v, "node") for k, v in attrs.items()]
            out.add("\n    " + _element(f'<node id="{escape_attr(nid)}"', "node", data, "\n    "))
            empty = False
        for u, v, eid, attrs in edge_items(graph):
            data = [keys.data(k, val, "edge") for k, val in attrs.items()]
            out.add("\n    " + _element(f'<edge source="{escape_attr(u)}" target="{escape_attr(v)}" '
                                         f'id="{escape_attr(eid)}"', "edge", data, "\n    "))
            empty = False
        for d in graph_data:
            out.add("\n    " + d)
            empty = False
        out.flush()
        head = '<graph edgedefault="directed"' + (f' id="{escape_attr(graph_id)}"' if graph_id is not None else "")
        with open(path, "wb") as fh:
            fh.write(encode(XML_DECLARATION + _GRAPHML_OPEN + "".join("\n  " + k for k in reversed(keys.lines))
                            + "\n  " + head + (" />" if empty else ">")))
            tmp.seek(0)
            shutil.copyfileobj(tmp, fh, 1 << 20)
            fh.write(encode(("" if empty else "\n  </graph>") + "\n</graphml>\n"))


def write(graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
    path = Path(out_dir) / FILE
    if needs_networkx(graph):
        nx.write_graphml_xml(to_networkx(graph), path, encoding="utf-8")
    else:
        write_graphml(graph, path, Path(out_dir))
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
