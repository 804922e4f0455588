"""``graph.json``: NetworkX node-link JSON of a directed multigraph.

The one file every consumer reads (see ``GRAPH.md``); its reader is
:meth:`kg.model.KnowledgeGraph.load`, and ``networkx.node_link_graph(data,
edges="edges")`` reads it too.

The file is written one node and one edge at a time (:func:`dump`), never
as one string, so writing it needs little memory beyond the graph itself;
the bytes are those of ``KnowledgeGraph.to_json()``.

>>> import io
>>> from kg.model import KnowledgeGraph
>>> g = KnowledgeGraph({"extractor": "1"}); _ = g.add_node("Person", "刘伟")
>>> buf = io.StringIO(); dump(g, buf); buf.getvalue() == g.to_json()
True
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from kg.model import EVIDENCE_ORDER, Edge, KnowledgeGraph


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


def write(graph: KnowledgeGraph, out_dir: Path, options: dict[str, Any] | None = None) -> list[str]:
    with open(Path(out_dir) / "graph.json", "w", encoding="utf-8", newline="") as fh:
        dump(graph, fh)
    return ["graph.json"]
