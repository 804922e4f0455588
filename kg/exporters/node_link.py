"""``graph.json``: NetworkX node-link JSON of a directed multigraph.

The one file every consumer reads (see ``docs/graph.md``); its reader is
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
import os
import shutil
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from kg.model import EVIDENCE_ORDER, Edge, KnowledgeGraph
from kg.pool import fork_is_safe


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


def _array(out: TextIO, texts: Iterable[str], batch: int = 1 << 16, *, opened: bool = False,
           close: bool = True) -> bool:
    """Write a top-level array of items already written as JSON text (two
    levels deep), gathered into writes of about ``batch`` characters (a
    count of items would gather too much where items are large: a body's
    node with thousands of documents). ``opened``: the array is already
    open and has items, and ``close=False`` leaves it open (for writing an
    array in parts); returns whether it has items."""
    first = not opened
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
    if close:
        out.write("[]" if first else "\n ]")
    return not first


def _edge_texts(graph: KnowledgeGraph, start: str | None = None, stop: str | None = None) -> Iterator[str]:
    """Each edge as JSON text, the bytes ``_indented(edge.to_dict(key), 2)``
    gives, written straight from the edge (edges are most of a large
    graph.json; an article's mentions come together, so its quoted id is
    reused); ``start``, ``stop``: a range of sources."""
    source, quoted = None, ""
    for k, e in graph.keyed_edges(start, stop):
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


def dump(graph: KnowledgeGraph, out: TextIO, *, stop: str | None = None,
         rest: Callable[[TextIO], None] | None = None) -> None:
    """Write ``graph`` as node-link JSON to the text stream ``out``;
    ``stop``: write the edges of sources before it only, and ``rest(out)``
    after them writes the others (each edge preceded by ``,\\n  ``)."""
    out.write('{\n "directed": true,\n "multigraph": true,\n "graph": ')
    out.write(_indented(dict(sorted(graph.meta.items())), 1))
    out.write(',\n "nodes": ')
    _array(out, (_indented(graph.nodes[n].to_dict(), 2) for n in sorted(graph.nodes)))
    out.write(',\n "edges": ')
    if rest is None:
        _array(out, _edge_texts(graph))
    else:
        if not _array(out, _edge_texts(graph, None, stop), close=False):
            raise ValueError("a graph.json written in parts needs edges before the first split")
        rest(out)
        out.write("\n ]")
    out.write("\n}\n")


# a graph with this many edges or more is written in parts, side by side,
# when the build has more than one worker: the edges from each split on
# (KnowledgeGraph.source_splits) in a forked process of their own, into a
# file appended at the end; below it, a fork costs more than it saves
PARALLEL_MIN_EDGES = 100_000


def _write_part(graph: KnowledgeGraph, path: Path, start: str, stop: str | None) -> int:
    """In a forked child: the edges of sources ``start`` to ``stop`` into
    ``path``; the exit status to give."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            _array(fh, _edge_texts(graph, start, stop), opened=True, close=False)
        return 0
    except BaseException:  # the parent says which part failed
        return 1


def write(graph: KnowledgeGraph, out_dir: Path, options: dict[str, Any] | None = None) -> list[str]:
    """``graph.json`` in ``out_dir``; with ``options["workers"]`` above 1 and
    a large graph, its edges are written in that many parts side by side."""
    path = Path(out_dir) / "graph.json"
    workers = int((options or {}).get("workers", 1))
    splits: list[str] = []
    if workers > 1 and fork_is_safe() and graph.rough_edge_count() >= PARALLEL_MIN_EDGES:
        # the first part writes the nodes too: one costs about five edges
        splits = graph.source_splits(workers, head=5 * len(graph.nodes))
    children: list[tuple[int, Path]] = []
    try:
        for i, start in enumerate(splits):
            part = path.with_name(f".graph.json.part{i}")
            stop = splits[i + 1] if i + 1 < len(splits) else None
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child's coverage is not collected
                os._exit(_write_part(graph, part, start, stop))
            children.append((pid, part))

        def rest(out: TextIO) -> None:
            out.flush()
            for i, (pid, part) in enumerate(children):
                _, status = os.waitpid(pid, 0)
                children[i] = (0, part)
                if os.waitstatus_to_exitcode(status) != 0:
                    raise OSError(f"writing graph.json: the part from {splits[i]!r} on failed "
                                  f"(exit status {os.waitstatus_to_exitcode(status)})")
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, out.buffer, 1 << 20)  # type: ignore[attr-defined]
                part.unlink()

        with open(path, "w", encoding="utf-8", newline="") as fh:
            if children:
                dump(graph, fh, stop=splits[0], rest=rest)
            else:
                dump(graph, fh)
    finally:
        for pid, part in children:
            if pid:
                os.waitpid(pid, 0)
            part.unlink(missing_ok=True)
    return ["graph.json"]
