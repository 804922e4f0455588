"""``graph.json``: NetworkX node-link JSON of a directed multigraph.

The one file every consumer reads (see ``docs/graph.md``). This module
writes it (:func:`write`, :func:`dump`) and reads it (:func:`read`,
:func:`from_data`); ``networkx.node_link_graph(data, edges="edges")`` reads
it too. ``KnowledgeGraph.load``, ``to_json``, ``to_node_link`` and
``from_node_link`` are this module's functions, at hand on the graph.

The file is written one node and one edge at a time (:func:`dump`), never
as one string, so writing it needs little memory beyond the graph itself;
the bytes are those of :func:`dumps`.

>>> import io
>>> g = KnowledgeGraph({"extractor": "1"}); _ = g.add_node("Person", "刘伟")
>>> buf = io.StringIO(); dump(g, buf); buf.getvalue() == dumps(g)
True
>>> from_data(json.loads(buf.getvalue())).nodes["Person:刘伟"].label
'刘伟'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from kg.exporters import ExportOptions
from kg.model import EVIDENCE_ORDER, NODE_TYPES, Edge, Evidence, GraphError, KnowledgeGraph, Node


# json.dumps with an indent runs the pure-Python encoder; this writes the same
# bytes (indent=1, ensure_ascii=False) with the C string encoder, about three
# times faster on a large graph
_quote = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring
_float = json.JSONEncoder(ensure_ascii=False).encode


def _indented(obj: Any, depth: int) -> str:
    r"""``obj`` as ``json.dumps(obj, ensure_ascii=False, indent=1)`` writes it,
    nested ``depth`` levels deep.

    >>> v = {"a": [1, 2.5, None, True, "引\"号\\\n\x01"], "b": {}, "c": []}
    >>> _indented(v, 2) == json.dumps(v, ensure_ascii=False, indent=1).replace("\n", "\n  ")
    True
    """
    if isinstance(obj, str):
        return _quote(obj)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        pad = "\n" + " " * (depth + 1)
        inner = ",".join(pad + _quote(str(k)) + ": " + _indented(v, depth + 1) for k, v in obj.items())
        return "{" + inner + "\n" + " " * depth + "}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        pad = "\n" + " " * (depth + 1)
        if all(type(v) is str for v in obj):  # a node's documents or aliases
            return "[" + ",".join(pad + _quote(v) for v in obj) + "\n" + " " * depth + "]"
        return "[" + ",".join(pad + _indented(v, depth + 1) for v in obj) + "\n" + " " * depth + "]"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if obj is None:
        return "null"
    if isinstance(obj, int):
        return int.__repr__(obj)
    if isinstance(obj, float):
        return _float(obj)
    return json.dumps(obj, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


def _array(out: TextIO, texts: Iterable[str], batch: int = 1 << 16) -> None:
    """Write a top-level array of items already written as JSON text (two
    levels deep), gathered into writes of about ``batch`` characters (a
    count of items would gather too much where items are large: a body's
    node with thousands of documents)."""
    first = True
    parts: list[str] = []
    size = 0
    for text in texts:
        parts.append("[\n  " if first else ",\n  ")
        parts.append(text)
        first = False
        size += len(text)
        if size >= batch:
            out.write("".join(parts))
            parts.clear()
            size = 0
    out.write("".join(parts))
    out.write("[]" if first else "\n ]")


def _edge_texts(graph: KnowledgeGraph) -> Iterator[str]:
    """Each edge as JSON text, the bytes ``_indented(edge.to_dict(key), 2)``
    gives, written straight from the edge (edges are most of a large
    graph.json; an article's mentions come together, so its quoted id is
    reused)."""
    source, quoted = None, ""
    for k, e in graph.keyed_edges():
        if e.source != source:
            source, quoted = e.source, _quote(e.source)
        head = f'{{\n   "source": {quoted},\n   "target": {_quote(e.target)},\n   "key": {k},\n   "type": {_quote(e.type)}'
        if e.type == "MENTIONS" and not e.attrs and not e.evidence:
            yield head + "\n  }"
            continue
        parts = [head]
        for name in sorted(e.attrs):
            parts.append(f",\n   {_quote(name)}: {_indented(e.attrs[name], 3)}")
        if e.type != "MENTIONS" or e.evidence:
            parts.append(',\n   "evidence": ')
            _evidence_parts(e, parts)
        parts.append("\n  }")
        yield "".join(parts)


def _evidence_parts(e: Edge, parts: list[str]) -> None:
    """An edge's evidence list, three levels deep, as Evidence.to_dict gives
    each, appended to ``parts`` (an edge read in thousands of sentences is
    joined once, not piece by piece)."""
    if not e.evidence:
        parts.append("[]")
        return
    sep = "["
    for ev in sorted(e.evidence, key=EVIDENCE_ORDER):
        article = f',\n     "article": {_quote(ev.article)}' if ev.article else ""
        parts.append(f'{sep}\n    {{\n     "doc": {_quote(ev.doc)},\n     "sentence": {_quote(ev.sentence)},'
                     f'\n     "start": {int(ev.start)},\n     "end": {int(ev.end)}{article}\n    }}')
        sep = ","
    parts.append("\n   ]")


def dump(graph: KnowledgeGraph, out: TextIO) -> None:
    """Write ``graph`` as node-link JSON to the text stream ``out``."""
    out.write('{\n "directed": true,\n "multigraph": true,\n "graph": ')
    out.write(_indented(dict(sorted(graph.meta.items())), 1))
    out.write(',\n "nodes": ')
    _array(out, (_indented(graph.nodes[n].to_dict(), 2) for n in sorted(graph.nodes)))
    out.write(',\n "edges": ')
    _array(out, _edge_texts(graph))
    out.write("\n}\n")


def write(graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
    """``graph.json`` in ``out_dir``."""
    with open(Path(out_dir) / "graph.json", "w", encoding="utf-8", newline="") as fh:
        dump(graph, fh)
    return ["graph.json"]


# -- reading, and the whole file as one object or string -------------------
def to_data(graph: KnowledgeGraph) -> dict[str, Any]:
    """The node-link object ``graph.json`` holds (``json.loads`` of it)."""
    return {"directed": True, "multigraph": True,
            "graph": dict(sorted(graph.meta.items())),
            "nodes": [graph.nodes[n].to_dict() for n in sorted(graph.nodes)],
            "edges": [e.to_dict(k) for k, e in graph.keyed_edges()]}


def dumps(graph: KnowledgeGraph) -> str:
    """``graph.json``'s text, as one string (:func:`dump` writes the same
    bytes to a stream)."""
    return json.dumps(to_data(graph), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def from_data(data: dict[str, Any]) -> KnowledgeGraph:
    """The graph of a node-link object (``links`` for ``edges`` is read too,
    as networkx writes it by default)."""
    g = KnowledgeGraph(data.get("graph") or {})
    for d in data.get("nodes", []):
        d = dict(d)
        nid, type_, label = d.pop("id"), d.pop("type"), d.pop("label")
        if type_ not in NODE_TYPES:
            raise GraphError(f"node {nid!r} has unknown type {type_!r}")
        node = Node(nid, type_, label, set(d.pop("aliases", []) or []), docs=set(d.pop("docs", []) or []))
        node.attrs = d
        g.nodes[nid] = node
    for d in data.get("edges", data.get("links", [])):
        d = dict(d)
        src, tgt, type_ = d.pop("source"), d.pop("target"), d.pop("type")
        d.pop("key", None)
        ev = [Evidence.from_dict(e) for e in d.pop("evidence", [])]
        g.add_edge(src, tgt, type_, evidence=ev, **d)
    g.seal_mentions()
    return g


def read(path: str | Path) -> KnowledgeGraph:
    """Read a ``graph.json`` written by ``kg build``; a :class:`GraphError`
    that says what to do when there is none or it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GraphError(f"{path}: no such graph file; run `kg build` first") from None
    except json.JSONDecodeError as exc:
        raise GraphError(f"{path}: not a graph.json file ({exc})") from exc
    return from_data(data)
