"""output/neo4j/: headers in the neo4j-admin import format, one row per node
and edge, and an import.sh / import.cypher that name every file."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from kg.exporters import neo4j, tabular
from kg.model import GraphError

ROOT = Path(__file__).resolve().parents[1]


def rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        data = list(csv.reader(fh, strict=True))
    return data[0], data[1:]


@pytest.mark.parametrize("field, parsed", [
    ("id:ID", ("id", "ID", False, None)),
    (":ID(Person)", ("", "ID", False, "Person")),
    (":LABEL", ("", "LABEL", False, None)),
    ("aliases:string[]", ("aliases", "string", True, None)),
    ("start:int", ("start", "int", False, None)),
    ("former:boolean", ("former", "boolean", False, None)),
    ("label", ("label", None, False, None)),
    (":START_ID", ("", "START_ID", False, None)),
    (":END_ID(Organization)", ("", "END_ID", False, "Organization")),
    (":TYPE", ("", "TYPE", False, None)),
])
def test_neo4j_parse_header_accepts_the_documented_format(field, parsed):
    assert neo4j.parse_header(field) == parsed


@pytest.mark.parametrize("field", ["aliases:list", "x:LABEL", ":TYPE[]", "a:int(Space)", "a:b:c", "name:ID[]"])
def test_neo4j_parse_header_rejects_what_neo4j_admin_rejects(field):
    with pytest.raises(GraphError):
        neo4j.parse_header(field)


def test_neo4j_headers_parse_against_documented_format(sample):
    folder = sample / "neo4j"
    node_files = sorted(folder.glob("nodes_*.csv"))
    rel_files = sorted(folder.glob("relationships_*.csv"))
    assert node_files and rel_files
    for path in node_files:
        header, _ = rows(path)
        kinds = [neo4j.parse_header(f)[1] for f in header]
        assert kinds.count("ID") == 1 and kinds.count("LABEL") == 1, path.name
        assert header[0] == "id:ID"
        type_ = path.stem.split("_", 1)[1]
        expected = [neo4j.header(n, k) for n, k in tabular.node_columns(type_)]
        assert header[2:] == expected
    for path in rel_files:
        header, _ = rows(path)
        assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
        assert [neo4j.parse_header(f)[1] for f in header[3:]] == [
            {"int": "int", "boolean": "boolean", "string[]": "string"}.get(k) for _, k in tabular.EDGE_COLUMNS]
        assert "aliases:string[]" not in header and "evidence_docs:string[]" in header


def test_neo4j_one_row_per_node_and_edge(sample, graph):
    folder = sample / "neo4j"
    nodes, edges = graph.counts()
    got_nodes = {p.stem.split("_", 1)[1]: len(rows(p)[1]) for p in folder.glob("nodes_*.csv")}
    got_edges = {p.stem.split("_", 1)[1]: len(rows(p)[1]) for p in folder.glob("relationships_*.csv")}
    assert got_nodes == nodes
    assert got_edges == edges


def test_neo4j_labels_and_types_match_the_files(sample):
    folder = sample / "neo4j"
    ids = set()
    for p in folder.glob("nodes_*.csv"):
        for r in rows(p)[1]:
            assert r[1] == f"Node;{p.stem.split('_', 1)[1]}"
            ids.add(r[0])
    for p in folder.glob("relationships_*.csv"):
        for r in rows(p)[1]:
            assert r[2] == p.stem.split("_", 1)[1]
            assert r[0] in ids and r[1] in ids


def test_neo4j_read_round_trips_the_sample_graph(sample, graph):
    back = neo4j.read(sample / "neo4j")
    assert back.to_node_link()["nodes"] == graph.to_node_link()["nodes"]
    assert back.to_node_link()["edges"] == graph.to_node_link()["edges"]


def test_neo4j_import_sh_names_every_file_once(sample):
    folder = sample / "neo4j"
    script = (folder / "import.sh").read_text(encoding="utf-8")
    assert "database import full" in script
    for opt in ("--array-delimiter=';'", "--multiline-fields=true", "--delimiter=','"):
        assert opt in script
    named = re.findall(r"--(nodes|relationships)=(\S+)", script)
    assert sorted(f for _, f in named) == sorted(p.name for p in folder.glob("*.csv"))
    assert all((k == "nodes") == f.startswith("nodes_") for k, f in named)


def test_neo4j_import_cypher_constraints_first_and_columns_exist(sample):
    folder = sample / "neo4j"
    text = (folder / "import.cypher").read_text(encoding="utf-8")
    first_load = text.index("\nLOAD CSV")
    assert text.rfind("CREATE CONSTRAINT") < first_load
    assert "FOR (n:Node) REQUIRE n.id IS UNIQUE" in text
    loads = re.findall(r"LOAD CSV WITH HEADERS FROM 'file:///([^']+)' AS row\n(.*?);\n", text + "\n", re.S)
    assert sorted(f for f, _ in loads) == sorted(p.name for p in folder.glob("*.csv"))
    for name, body in loads:
        header = set(rows(folder / name)[0])
        used = set(re.findall(r"row\.`([^`]+)`", body))
        assert used <= header, (name, used - header)
        assert "MERGE" in body
