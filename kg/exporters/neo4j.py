"""``neo4j/``: CSV files for ``neo4j-admin database import full`` and a
``LOAD CSV`` script that reads the same files into a running server.

Format: the Neo4j 5 bulk-import header format
(https://neo4j.com/docs/operations-manual/current/tools/neo4j-admin/neo4j-admin-import/).

``nodes_<Type>.csv``
    ``id:ID,:LABEL,label,aliases:string[],docs:string[],…,extra`` — one row
    per node of that type. ``id`` is the graph.json id; it already starts
    with the type, so all nodes share one (global) ID space and every
    relationship file can point at any node. ``:LABEL`` is ``Node;<Type>``:
    the common ``Node`` label carries the uniqueness constraint that
    ``import.cypher`` matches on.
``relationships_<TYPE>.csv``
    ``:START_ID,:END_ID,:TYPE,key:int,title,date,former:boolean,evidence,evidence_docs:string[],extra``
    — one row per edge of that type.

Columns follow :mod:`kg.exporters.tabular`; ``string[]`` cells are joined
with ``;`` (``--array-delimiter=';'``); an element containing ``;`` or
starting with ``"`` is written as a JSON string literal (see
:func:`kg.exporters.tabular.list_element`). ``evidence`` and ``extra`` are
JSON text. Fields are RFC 4180 quoted (a quote is doubled; a backslash is an
ordinary character); evidence sentences may contain newlines, so the import
runs with ``--multiline-fields=true``.

No spreadsheet formula guard: these files are database input, and a leading
``'`` would be loaded into the database as part of the text. Do not open
them in a spreadsheet program.

Limits: ``LOAD CSV`` in a server with the default
``dbms.import.csv.legacy_quote_escaping=true`` reads ``\\"`` inside a quoted
field as an escaped quote; a text with a backslash right before a quote
needs that setting set to ``false`` (``neo4j-admin`` is not affected).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from kg.exporters import ExportOptions
from kg.exporters import tabular as tb
from kg.model import GraphError, KnowledgeGraph

FOLDER = "neo4j"
ARRAY_DELIMITER = ";"
COMMON_LABEL = "Node"

_SUFFIX = {tb.STRING: "", tb.JSON: "", tb.INT: ":int", tb.BOOL: ":boolean", tb.LIST: ":string[]"}


def header(name: str, kind: str) -> str:
    return name + _SUFFIX[kind]


def cell(value: Any, kind: str) -> str | None:
    if kind == tb.LIST:
        if not value:
            return None
        return ARRAY_DELIMITER.join(tb.list_element(v, ARRAY_DELIMITER) for v in value)
    return tb.scalar(value, kind)


def node_file(type_: str) -> str:
    return f"nodes_{type_}.csv"


def rel_file(type_: str) -> str:
    return f"relationships_{type_}.csv"


def tables(graph: KnowledgeGraph, folder: Path) -> list[str]:
    """Write the node and relationship CSVs into ``folder``, row by row;
    their names, node files first (types in contract order), then
    relationship files (edge types in contract order)."""
    by_type = tb.nodes_by_type(graph)
    with tb.CsvTables(folder) as out:
        for type_, nodes in by_type.items():
            cols = tb.node_columns(type_)
            head = ["id:ID", ":LABEL"] + [header(n, k) for n, k in cols]
            labels = ARRAY_DELIMITER.join((COMMON_LABEL, type_))
            path = node_file(type_)
            for node in nodes:
                r = tb.node_row(node)
                out.row(path, head, [node.id, labels] + [cell(r.get(n), k) for n, k in cols])
        head = [":START_ID", ":END_ID", ":TYPE"] + [header(n, k) for n, k in tb.EDGE_COLUMNS]
        for e, cells in tb.edge_cells(graph, cell):
            out.row(rel_file(e.type), head, [e.source, e.target, e.type, *cells])
    return [node_file(t) for t in by_type] + [rel_file(t) for t in tb.edge_types_present(graph)]


def import_sh(files: list[str]) -> str:
    lines = [
        "#!/bin/sh",
        "# Bulk-load these CSV files into a new, empty Neo4j 5 database.",
        "# Stop the database first; the import replaces its contents.",
        "# Usage: sh import.sh [database]    (default: neo4j)",
        "# Set NEO4J_ADMIN to the neo4j-admin binary if it is not on PATH.",
        "set -eu",
        'cd "$(dirname "$0")"',
        '"${NEO4J_ADMIN:-neo4j-admin}" database import full "${1:-neo4j}" \\',
        "  --overwrite-destination=true \\",
        "  --input-encoding=UTF-8 \\",
        "  --delimiter=',' \\",
        f"  --array-delimiter='{ARRAY_DELIMITER}' \\",
        "  --quote='\"' \\",
        "  --legacy-style-quoting=false \\",
        "  --multiline-fields=true \\",
        "  --id-type=STRING \\",
    ]
    for f in files:
        flag = "--nodes" if f.startswith("nodes_") else "--relationships"
        lines.append(f"  {flag}={f} \\")
    lines[-1] = lines[-1][:-2]
    return "\n".join(lines) + "\n"


def _list_expr(col: str) -> str:
    v = f"row.`{col}`"
    return f"CASE WHEN coalesce({v}, '') = '' THEN null ELSE split({v}, '{ARRAY_DELIMITER}') END"


def _value_expr(name: str, kind: str) -> str:
    col = header(name, kind)
    if kind == tb.LIST:
        return _list_expr(col)
    if kind == tb.INT:
        return f"toInteger(row.`{col}`)"
    if kind == tb.BOOL:
        return f"toBoolean(row.`{col}`)"
    return f"row.`{col}`"


def import_cypher(graph: KnowledgeGraph) -> str:
    out = [
        "// Load the CSV files of this folder into a running Neo4j 5 server.",
        "// 1. Copy the *.csv files into the server's import folder",
        "//    (LOAD CSV reads file:/// URLs from there).",
        "// 2. cypher-shell -u neo4j -p <password> -f import.cypher",
        "// Running it again changes nothing: nodes and relationships are MERGEd",
        "// on id and (type, key). Texts with a backslash before a quote need",
        "// dbms.import.csv.legacy_quote_escaping=false in neo4j.conf.",
        "",
        "// constraints first: MERGE below looks nodes up by id",
        f"CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:{COMMON_LABEL}) REQUIRE n.id IS UNIQUE;",
    ]
    by_type = tb.nodes_by_type(graph)
    for type_ in by_type:
        out.append(f"CREATE CONSTRAINT {type_.lower()}_id IF NOT EXISTS "
                   f"FOR (n:{type_}) REQUIRE n.id IS UNIQUE;")
    for type_ in by_type:
        sets = [f"n:{type_}"] + [f"n.`{n}` = {_value_expr(n, k)}" for n, k in tb.node_columns(type_)]
        out += ["", f"LOAD CSV WITH HEADERS FROM 'file:///{node_file(type_)}' AS row",
                f"MERGE (n:{COMMON_LABEL} {{id: row.`id:ID`}})",
                "SET " + ",\n    ".join(sets) + ";"]
    for type_ in tb.edge_types_present(graph):
        sets = [f"r.`{n}` = {_value_expr(n, k)}" for n, k in tb.EDGE_COLUMNS if n != "key"]
        out += ["", f"LOAD CSV WITH HEADERS FROM 'file:///{rel_file(type_)}' AS row",
                f"MATCH (a:{COMMON_LABEL} {{id: row.`:START_ID`}})",
                f"MATCH (b:{COMMON_LABEL} {{id: row.`:END_ID`}})",
                f"MERGE (a)-[r:{type_} {{key: toInteger(row.`key:int`)}}]->(b)",
                "SET " + ",\n    ".join(sets) + ";"]
    return "\n".join(out) + "\n"


def write(graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
    folder = Path(out_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    files = tables(graph, folder)
    (folder / "import.sh").write_text(import_sh(files), encoding="utf-8", newline="")
    (folder / "import.cypher").write_text(import_cypher(graph), encoding="utf-8", newline="")
    (folder / "README.txt").write_text(tb.SPREADSHEET_WARNING, encoding="utf-8", newline="")
    return [f"{FOLDER}/"]


# -- reading back ----------------------------------------------------------------

# A header field of neo4j-admin import: ``name:type``, ``name`` (a string
# property), ``:ID``/``name:ID`` with an optional ``(ID space)``, ``:LABEL``,
# ``:START_ID``/``:END_ID`` with an optional ID space, ``:TYPE``.
HEADER_FIELD = re.compile(
    r"^(?P<name>[^:()]*)"
    r"(?::(?P<kind>ID|START_ID|END_ID|LABEL|TYPE|IGNORE|string|int|long|float|double|boolean|byte|short|char"
    r"|date|localtime|time|localdatetime|datetime|duration|point)(?P<array>\[\])?"
    r"(?:\((?P<space>[^()]+)\))?)?$")
_KINDS = {"": tb.STRING, "string": tb.STRING, "int": tb.INT, "boolean": tb.BOOL}


def parse_header(field: str) -> tuple[str, str | None, bool, str | None]:
    """``(name, kind, is_array, id_space)`` of one header field; ``kind`` is
    ``None`` for a plain (string) property. Raises GraphError for a field
    neo4j-admin would not accept."""
    m = HEADER_FIELD.match(field)
    if not m:
        raise GraphError(f"not a neo4j-admin header field: {field!r}")
    if m["kind"] in ("ID", "START_ID", "END_ID", "LABEL", "TYPE") and m["array"]:
        raise GraphError(f"{field!r}: {m['kind']} cannot be an array")
    if m["space"] and m["kind"] not in ("ID", "START_ID", "END_ID"):
        raise GraphError(f"{field!r}: only ID columns take an ID space")
    if m["kind"] in ("START_ID", "END_ID", "LABEL", "TYPE") and m["name"]:
        raise GraphError(f"{field!r}: {m['kind']} takes no property name")
    return m["name"], m["kind"], bool(m["array"]), m["space"]


def _typed(text: str, kind: str | None, array: bool) -> Any:
    """A field as neo4j-admin stores it: empty is no value."""
    if text == "":
        return None
    if array:
        return text.split(ARRAY_DELIMITER)
    if kind in ("int", "long"):
        return int(text)
    if kind == "boolean":
        return text == "true"
    return text


def read(folder: Path | str) -> KnowledgeGraph:
    """Read ``nodes_*.csv`` and ``relationships_*.csv`` of ``folder`` the way
    ``neo4j-admin database import`` does (headers checked against the
    format, RFC 4180 quoting, multi-line fields, ``;`` arrays) and rebuild
    the graph."""
    folder = Path(folder)
    nodes, edges = [], []
    for kind_prefix in ("nodes_", "relationships_"):
        for path in sorted(folder.glob(f"{kind_prefix}*.csv")):
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh, strict=True)
                fields = [parse_header(f) for f in next(reader)]
                for rec in reader:
                    row: dict[str, Any] = {}
                    special: dict[str, str] = {}
                    for (name, kind, array, _), text in zip(fields, rec, strict=True):
                        if kind in ("ID", "START_ID", "END_ID", "LABEL", "TYPE"):
                            special[kind] = text
                            if kind == "ID" and name:
                                row[name] = text
                        else:
                            row[name] = _typed(text, kind, array)
                    if kind_prefix == "nodes_":
                        labels = special["LABEL"].split(ARRAY_DELIMITER)
                        type_ = next(x for x in labels if x != COMMON_LABEL)
                        row.pop("id", None)
                        nodes.append((special["ID"], type_, row))
                    else:
                        edges.append((special["START_ID"], special["END_ID"], special["TYPE"], row))
    return tb.graph_from_rows(nodes, edges)
