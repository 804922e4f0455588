"""``kuzu/``: node and relationship tables for LadybugDB (the maintained fork
of Kuzu, ``pip install ladybug``) and Kuzu itself.

``schema.cypher``
    One node table per node type of the contract (``id STRING PRIMARY
    KEY``, then the columns of :mod:`kg.exporters.tabular`), and one
    relationship table per edge type, declared with every (FROM, TO) pair
    the contract allows for it plus any other pair the graph contains
    (``MENTIONS`` goes from ``Article`` to every type).
``load.cypher``
    ``COPY <table> FROM '<path>' (…)`` for every non-empty table, paths
    relative to this folder: run it from here. A relationship table with
    several pairs is loaded one file per pair, ``(from='…', to='…')``.
``nodes/<Type>.csv``, ``rels/<TYPE>__<From>__<To>.csv``
    Header row, then one row per node or edge. These databases match
    columns by position, not by header name.

Lists are written the way these databases read them, ``[a,b]``; an element
their list syntax cannot carry as is (a comma, quote, bracket, brace,
backslash or whitespace) is written as a JSON string literal with
``\\uXXXX`` escapes and so stored with its quotes: ``json.loads`` gives the
original (:func:`kg.exporters.tabular.read_list_element`). Evidence and
``extra`` are JSON text. Missing values are empty fields, read as NULL.
Evidence sentences may contain newlines, which needs ``parallel=false``.

Load from Python (``load`` below does exactly this)::

    import ladybug
    conn = ladybug.Connection(ladybug.Database("union.lbug"))
    # from inside output/kuzu, or with each COPY path made absolute
    for stmt in schema.cypher + load.cypher statements: conn.execute(stmt)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kg.exporters import ExportOptions
from kg.exporters import tabular as tb
from kg.model import EDGE_TYPES, NODE_TYPES, KnowledgeGraph

FOLDER = "kuzu"
UNSAFE = ","  # besides quotes, brackets, braces, backslash and whitespace
COPY_OPTIONS = "header=true, delim=',', quote='\"', escape='\"', parallel=false"

_TYPES = {tb.STRING: "STRING", tb.JSON: "STRING", tb.INT: "INT64", tb.BOOL: "BOOLEAN",
          tb.LIST: "STRING[]"}


def cell(value: Any, kind: str) -> str | None:
    if kind == tb.LIST:
        return "[" + ",".join(tb.list_element(v, UNSAFE) for v in (value or ())) + "]"
    return tb.scalar(value, kind)


def node_path(type_: str) -> str:
    return f"nodes/{type_}.csv"


def rel_path(type_: str, src: str, dst: str) -> str:
    return f"rels/{type_}__{src}__{dst}.csv"


def _cols(columns: tuple[tb.Column, ...]) -> str:
    return ", ".join(f"`{n}` {_TYPES[k]}" for n, k in columns)


def rel_pairs(graph: KnowledgeGraph) -> dict[str, list[tuple[str, str]]]:
    """Every edge type with its (from, to) node-type pairs, contract first."""
    pairs = {t: list(tb.EDGE_ENDS.get(t, ())) for t in EDGE_TYPES}
    types = {nid: node.type for nid, node in graph.nodes.items()}
    for e in graph.iter_edges():
        p = (types[e.source], types[e.target])
        if p not in pairs[e.type]:
            pairs[e.type].append(p)
    return pairs


def schema_cypher(graph: KnowledgeGraph, pairs: dict[str, list[tuple[str, str]]] | None = None) -> str:
    """``schema.cypher`` (``pairs``: :func:`rel_pairs` of the graph, if already made)."""
    out = ["// Node and relationship tables for LadybugDB / Kuzu; run before load.cypher."]
    for t in NODE_TYPES:
        out.append(f"CREATE NODE TABLE {t}(`id` STRING PRIMARY KEY, {_cols(tb.node_columns(t))});")
    for t, type_pairs in (rel_pairs(graph) if pairs is None else pairs).items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in type_pairs)
        out.append(f"CREATE REL TABLE {t}({ends}, {_cols(tb.EDGE_COLUMNS)});")
    return "\n".join(out) + "\n"


def tables(graph: KnowledgeGraph, folder: Path, pairs: dict[str, list[tuple[str, str]]] | None = None
           ) -> str:
    """Write the CSV files into ``folder``, row by row, and return the
    ``load.cypher`` that reads them (``pairs``: :func:`rel_pairs` of the
    graph, if already made)."""
    load = ["// Run from this folder, after schema.cypher: paths are relative to it."]
    with tb.CsvTables(folder) as out:
        for type_, nodes in tb.nodes_by_type(graph).items():
            cols = tb.node_columns(type_)
            head = ["id"] + [n for n, _ in cols]
            path = node_path(type_)
            for node in nodes:
                r = tb.node_row(node)
                out.row(path, head, [node.id] + [cell(r.get(n), k) for n, k in cols])
            load.append(f"COPY {type_} FROM '{path}' ({COPY_OPTIONS});")
        types = {nid: node.type for nid, node in graph.nodes.items()}
        head = ["from", "to"] + [n for n, _ in tb.EDGE_COLUMNS]
        for e, cells in tb.edge_cells(graph, cell):
            out.row(rel_path(e.type, types[e.source], types[e.target]), head, [e.source, e.target, *cells])
    written = set(out.written)
    pairs = rel_pairs(graph) if pairs is None else pairs
    for type_ in EDGE_TYPES:
        for src, dst in pairs[type_]:
            path = rel_path(type_, src, dst)
            if path in written:
                which = f"from='{src}', to='{dst}', " if len(pairs[type_]) > 1 else ""
                load.append(f"COPY {type_} FROM '{path}' ({which}{COPY_OPTIONS});")
    return "\n".join(load) + "\n"


def write(graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
    folder = Path(out_dir) / FOLDER
    pairs = rel_pairs(graph)
    folder.mkdir(parents=True, exist_ok=True)
    load = tables(graph, folder, pairs)
    (folder / "schema.cypher").write_text(schema_cypher(graph, pairs), encoding="utf-8", newline="")
    (folder / "load.cypher").write_text(load, encoding="utf-8", newline="")
    (folder / "README.txt").write_text(tb.SPREADSHEET_WARNING, encoding="utf-8", newline="")
    return [f"{FOLDER}/"]


# -- reading back ----------------------------------------------------------------

def statements(text: str) -> list[str]:
    """The statements of a ``.cypher`` file written here: one per line, ``//``
    comment lines skipped."""
    return [line.rstrip().rstrip(";") for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("//")]


_COPY = re.compile(r"^(COPY \w+ FROM )'([^'\\]*)'")


def _absolute(stmt: str, folder: Path) -> str:
    """A ``COPY … FROM 'relative.csv'`` statement with the file's absolute
    path, so that loading does not depend on the working directory.

    >>> print(_absolute("COPY Person FROM 'nodes/Person.csv' (header=true)", Path("/d/it's")))
    COPY Person FROM '/d/it\\'s/nodes/Person.csv' (header=true)
    """
    def repl(m: re.Match) -> str:
        path = (folder / m.group(2)).as_posix().replace("\\", "\\\\").replace("'", "\\'")
        return f"{m.group(1)}'{path}'"
    return _COPY.sub(repl, stmt, count=1)


def load(connection: Any, folder: Path | str) -> None:
    """Run ``schema.cypher`` then ``load.cypher`` of ``folder`` on a LadybugDB or
    Kuzu ``Connection``; the CSV paths are made absolute (the working
    directory is not changed, so notebooks and threads are unaffected)."""
    folder = Path(folder).resolve()
    todo = [s for name in ("schema.cypher", "load.cypher")
            for s in statements((folder / name).read_text(encoding="utf-8"))]
    for stmt in todo:
        connection.execute(_absolute(stmt, folder))


def read_database(connection: Any) -> KnowledgeGraph:
    """Every node and relationship of the tables above, read back from a
    LadybugDB or Kuzu ``Connection`` into a :class:`~kg.model.KnowledgeGraph`."""
    nodes = []
    for t in NODE_TYPES:
        names = ["id"] + [n for n, _ in tb.node_columns(t)]
        res = connection.execute(f"MATCH (n:{t}) RETURN " + ", ".join(f"n.`{n}`" for n in names))
        for values in res.get_all():
            row = dict(zip(names, values))
            nodes.append((row.pop("id"), t, row))
    edges = []
    names = [n for n, _ in tb.EDGE_COLUMNS]
    for t in EDGE_TYPES:
        res = connection.execute(f"MATCH (a)-[r:{t}]->(b) RETURN a.id, b.id, "
                                 + ", ".join(f"r.`{n}`" for n in names))
        for a, b, *values in res.get_all():
            edges.append((a, b, t, dict(zip(names, values))))
    return tb.graph_from_rows(nodes, edges)


# The concurrent-posts question (docs/databases.md): people with a post in a
# provincial union and one in a people's congress standing committee (or a
# CPPCC committee) in the same period: the same ``date``, or both undated and
# read in the same document. Valid Cypher for LadybugDB/Kuzu and for Neo4j.
CONCURRENT_POSTS = """\
MATCH (p:Person)-[a:HOLDS_POST]->(u:Organization),
      (p)-[b:HOLDS_POST]->(l:Organization)
WHERE u.kind = 'union' AND u.level = 'provincial'
  AND l.kind IN ['legislature', 'cppcc']
  AND ((a.date IS NOT NULL AND a.date = b.date)
       OR (a.date IS NULL AND b.date IS NULL
           AND any(d IN a.evidence_docs WHERE d IN b.evidence_docs)))
RETURN DISTINCT p.label AS person, u.label AS union_body, a.title AS union_title,
       l.label AS body, b.title AS body_title
ORDER BY person, body, body_title"""
