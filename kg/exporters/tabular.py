"""The column schema shared by the table-shaped outputs (Neo4j, Kuzu/LadybugDB
CSVs) and the typed attributes of GraphML and GEXF.

Databases want a fixed set of typed columns per table, while the graph's
attribute sets grow as the extractor learns more. So every node type has a
documented list of columns (``NODE_COLUMNS``), every edge the same list
(``EDGE_COLUMNS``), and whatever a node or edge carries beyond that (or a
value that does not fit its column's type) goes, as a JSON object, into the
last column ``extra``. Nothing is dropped and no exporter crashes on an
attribute it has never seen.

Column kinds:

``string``   text, written as is
``int``      a whole number
``boolean``  ``true`` / ``false``
``string[]`` a list of text (each database has its own list syntax)
``json``     any value as compact JSON text (evidence, extra)

A list element that a database's list syntax cannot carry as is (see
:func:`list_element`) is written as a JSON string literal using only ``\\uXXXX``
escapes, so it reads back exactly with ``json.loads``; every such element,
and only those, starts with ``"``.

>>> list_element("全总", unsafe=";")
'全总'
>>> list_element("a;b", unsafe=";")
'"a\\\\u003bb"'
>>> import json; json.loads(list_element("a;b", unsafe=";"))
'a;b'
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from kg.model import EDGE_TYPES, EVIDENCE_ORDER, NODE_TYPES, Edge, KnowledgeGraph, Node

STRING, INT, BOOL, LIST, JSON = "string", "int", "boolean", "string[]", "json"

Column = tuple[str, str]  # (name, kind)

# Every node table: id (the primary key, written separately), then these.
NODE_COMMON: tuple[Column, ...] = (("label", STRING), ("aliases", LIST), ("docs", LIST))
NODE_SPECIFIC: dict[str, tuple[Column, ...]] = {
    "Organization": (("kind", STRING), ("level", STRING)),
    "Region": (("code", STRING), ("division", STRING)),
    "Article": (("doc", STRING), ("start", INT), ("end", INT), ("title", STRING), ("date", STRING)),
}
EXTRA: Column = ("extra", JSON)

# Every relationship table: source and target (written separately), then these.
# ``key`` is the edge's key in graph.json (0, 1, … among the edges between the
# same two nodes); ``evidence_docs`` lists the documents of its evidence.
EDGE_COLUMNS: tuple[Column, ...] = (
    ("key", INT), ("title", STRING), ("date", STRING), ("former", BOOL),
    ("evidence", JSON), ("evidence_docs", LIST), EXTRA)
assert EDGE_COLUMNS[0] == ("key", INT)  # edge_cells: a bare mention differs only there

# The (from, to) node types of each edge type, as the contract (GRAPH.md) has
# them; a table-per-pair database declares these even when no edge uses them,
# and adds any other pair the graph contains.
EDGE_ENDS: dict[str, tuple[tuple[str, str], ...]] = {
    "HOLDS_POST": (("Person", "Organization"),),
    "LOCATED_IN": (("Organization", "Region"), ("Region", "Region")),
    "SUBORGANIZATION_OF": (("Organization", "Organization"),),
    "RUNS": (("Organization", "Programme"),),
    "PART_OF": (("Programme", "Programme"),),
    "ADVOCATES": (("Organization", "Concept"), ("Person", "Concept")),
    "ISSUED": (("Organization", "Document"),),
    "PARTICIPATED_IN": (("Person", "Event"), ("Organization", "Event")),
    "AUTHORED": (("Person", "Article"),),
    "MENTIONS": tuple(("Article", t) for t in NODE_TYPES),
}


def node_columns(type_: str) -> tuple[Column, ...]:
    """The columns of a node table after ``id``."""
    return NODE_COMMON + NODE_SPECIFIC.get(type_, ()) + (EXTRA,)


def fits(value: Any, kind: str) -> bool:
    if kind == STRING:
        return isinstance(value, str)
    if kind == INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == BOOL:
        return isinstance(value, bool)
    if kind == LIST:
        return isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, str) for v in value)
    return True


def _split(attrs: dict[str, Any], columns: Iterable[Column]) -> dict[str, Any]:
    """Values by column name; what has no column (or does not fit) goes to ``extra``."""
    row: dict[str, Any] = {}
    extra = dict(attrs)
    for name, kind in columns:
        if name == "extra" or name not in extra:
            continue
        if fits(extra[name], kind):
            v = extra.pop(name)
            row[name] = sorted(v) if kind == LIST else v
    row["extra"] = {k: extra[k] for k in sorted(extra)} or None
    return row


def node_row(node: Node) -> dict[str, Any]:
    """``{"id": …, column: value, …, "extra": {…} | None}`` for one node."""
    attrs = dict(node.attrs)
    attrs.update(label=node.label, aliases=sorted(node.aliases - {node.label}), docs=sorted(node.docs))
    return {"id": node.id, **_split(attrs, node_columns(node.type))}


def edge_row(key: int, e: Edge) -> dict[str, Any]:
    """``{column: value, …, "extra": {…} | None}`` for one edge whose key in
    graph.json is ``key``.

    >>> edge_row(0, Edge("Article:d#1", "Person:刘伟", "MENTIONS"))
    {'key': 0, 'evidence': None, 'evidence_docs': [], 'extra': None}
    """
    if not e.attrs and not e.evidence:  # a bare mention, most edges: the row _split gives
        return {"key": key, "evidence": None, "evidence_docs": [], "extra": None}
    ev = sorted(e.evidence, key=EVIDENCE_ORDER)
    attrs = dict(e.attrs)
    attrs.update(key=key, evidence=[x.to_dict() for x in ev] or None,
                 evidence_docs=sorted({x.doc for x in ev}))
    return _split(attrs, EDGE_COLUMNS)


def edge_rows(graph: KnowledgeGraph) -> Iterator[tuple[Edge, dict[str, Any]]]:
    """Every edge in graph.json order, with its row (key as in graph.json)."""
    for k, e in graph.keyed_edges():
        yield e, edge_row(k, e)


def edge_cells(graph: KnowledgeGraph, cell: Callable[[Any, str], str | None]
               ) -> Iterator[tuple[Edge, list[str | None]]]:
    """Every edge in graph.json order with its cells, ``cell(value, kind)``
    for each of ``EDGE_COLUMNS``. The cells of a bare mention (most edges)
    are those of any other but its key, so they are made once.

    >>> g = KnowledgeGraph(); a = g.add_node("Article", "a", key="d#1")
    >>> g.add_mentions(a, [g.add_node("Person", "刘伟"), g.add_node("Person", "王芳")])
    >>> [cells for _, cells in edge_cells(g, scalar)]
    [['0', None, None, None, None, '[]', None], ['0', None, None, None, None, '[]', None]]
    """
    bare: list[str | None] | None = None
    for k, e in graph.keyed_edges():
        if not e.attrs and not e.evidence:
            if bare is None:
                row = edge_row(0, e)
                bare = [cell(row.get(n), kind) for n, kind in EDGE_COLUMNS[1:]]
            yield e, [cell(k, INT), *bare]
        else:
            row = edge_row(k, e)
            yield e, [cell(row.get(n), kind) for n, kind in EDGE_COLUMNS]


def nodes_by_type(graph: KnowledgeGraph) -> dict[str, list[Node]]:
    """Nodes of each type present, types in contract order, nodes by id."""
    out: dict[str, list[Node]] = {}
    for t in NODE_TYPES:
        ns = [graph.nodes[n] for n in sorted(graph.nodes) if graph.nodes[n].type == t]
        if ns:
            out[t] = ns
    return out


def edge_types_present(graph: KnowledgeGraph) -> list[str]:
    present = graph.counts()[1]
    return [t for t in EDGE_TYPES if t in present]


# -- cells -------------------------------------------------------------------------

def to_json(value: Any) -> str:
    """Compact, deterministic JSON text, non-ASCII kept as is."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


_LIST_SYNTAX = frozenset('"\\\'[]{},')


def list_element(text: str, unsafe: str) -> str:
    """``text`` as one element of a database list: as is when that is safe,
    else a JSON string literal in which every character of ``unsafe``, every
    quote, bracket, brace, backslash and whitespace is a ``\\uXXXX`` escape.
    Safe means none of these at all: an unbalanced ``[`` aborts LadybugDB's
    COPY, a leading ``'`` joins an element to the next.

    >>> list_element("a[b", ","), list_element("'x", ","), list_element("全总", ",")
    ('"a\\\\u005bb"', '"\\\\u0027x"', '全总')
    """
    if text and not _needs_quotes(unsafe).search(text):
        return text
    escape = set(unsafe) | _LIST_SYNTAX
    return '"' + "".join(f"\\u{ord(c):04x}" if c in escape or c.isspace() or ord(c) < 0x20 else c
                         for c in text) + '"'


@lru_cache(maxsize=None)
def _needs_quotes(unsafe: str) -> re.Pattern:
    """What :func:`list_element` quotes, as one character class: the
    characters of ``unsafe`` and of the list syntax, whitespace (``\\s`` is
    ``str.isspace``) and control characters. One search instead of a test
    per character (most of the time of the database tables)."""
    chars = "".join(re.escape(c) for c in sorted(set(unsafe) | _LIST_SYNTAX))
    return re.compile(f"[{chars}\\s\\x00-\\x1f]")


def read_list_element(text: str) -> str:
    """The inverse of :func:`list_element`."""
    return json.loads(text) if text.startswith('"') else text


def scalar(value: Any, kind: str) -> str | None:
    """A non-list cell; ``None`` (an empty field) for a missing value."""
    if value is None:
        return None
    if kind == BOOL:
        return "true" if value else "false"
    if kind == INT:
        return str(int(value))
    if kind == JSON:
        return to_json(value)
    return str(value)


def _writer(out: Any) -> Any:
    return csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def _fields(row: list[str | None]) -> list[str]:
    return ["" if v is None else v for v in row]


class CsvTables:
    """CSV files written row by row into ``folder``, each opened when its
    first row comes. RFC 4180: comma, double quote doubled inside quoted
    fields, ``\\n`` line ends, UTF-8 without BOM; fields quoted only when
    needed; a missing value is an empty field. A table is never held
    whole, as text or as rows (the MENTIONS table of a 100 MB corpus
    held so was 440 MB, most of a build's peak memory). ``written`` lists
    the paths that got a row, in the order they got their first.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> with CsvTables(d) as t:
    ...     t.row("rels/A.csv", ["from", "to"], ["x", None])
    >>> (d / "rels/A.csv").read_text(), t.written
    ('from,to\\nx,\\n', ['rels/A.csv'])
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.written: list[str] = []
        self._open: dict[str, tuple[Any, Any]] = {}

    def row(self, path: str, header: list[str], cells: list[str | None]) -> None:
        """Append ``cells`` to the table ``path``, which starts with ``header``."""
        entry = self._open.get(path)
        if entry is None:
            target = self.folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            fh = target.open("w", encoding="utf-8", newline="")
            entry = self._open[path] = (fh, _writer(fh))
            self.written.append(path)
            entry[1].writerow(header)
        entry[1].writerow(_fields(cells))

    def close(self) -> None:
        for fh, _ in self._open.values():
            fh.close()
        self._open.clear()

    def __enter__(self) -> "CsvTables":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# written beside the CSVs of neo4j/ and kuzu/ (see docs/databases.md)
SPREADSHEET_WARNING = """These CSV files are input for a graph database's loader, not for a spreadsheet.

Values are written exactly as the graph holds them, so a cell may start with
= + - or @ (a title, a name from the text). A spreadsheet opening the file
would read such a cell as a formula. The cells are not prefixed with ' (the
OWASP advice for files meant for spreadsheets) because neither
neo4j-admin import nor LadybugDB/Kuzu COPY can strip a prefix: every stored
value would change. Open them in a spreadsheet only with formulas disabled,
or import them as text.
"""


# -- reading back ----------------------------------------------------------------

def _decode(row: dict[str, Any], columns: Iterable[Column]) -> dict[str, Any]:
    """Typed values by column (lists as their stored elements) -> attributes."""
    kinds = dict(columns)
    out: dict[str, Any] = {}
    for name, v in row.items():
        if v is None or name == "extra":
            continue
        kind = kinds.get(name)
        if kind == LIST:
            v = [read_list_element(x) for x in v]
        elif kind == JSON:
            v = json.loads(v)
        out[name] = v
    if row.get("extra"):
        out.update(json.loads(row["extra"]))
    return out


def graph_from_rows(nodes: Iterable[tuple[str, str, dict[str, Any]]],
                    edges: Iterable[tuple[str, str, str, dict[str, Any]]],
                    meta: dict[str, Any] | None = None) -> KnowledgeGraph:
    """Rebuild a graph from table rows read out of a database: ``nodes`` as
    ``(id, type, {column: value})``, ``edges`` as ``(source, target, type,
    {column: value})``; list values are lists of stored elements, JSON
    columns their text. The inverse of :func:`node_row` / :func:`edge_rows`."""
    from kg.model import Evidence

    g = KnowledgeGraph(meta)
    for nid, type_, row in nodes:
        d = _decode(row, node_columns(type_))
        node = Node(nid, type_, d.pop("label"), set(d.pop("aliases", None) or ()),
                    docs=set(d.pop("docs", None) or ()))
        node.attrs = d
        g.nodes[nid] = node
    for src, dst, type_, row in edges:
        d = _decode(row, EDGE_COLUMNS)
        d.pop("key", None)
        d.pop("evidence_docs", None)
        ev = [Evidence.from_dict(x) for x in d.pop("evidence", None) or ()]
        g.add_edge(src, dst, type_, evidence=ev, **d)
    return g
