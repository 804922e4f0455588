"""Text survives every database and graph-file format: quotes, commas,
semicolons, newlines, backslashes, Chinese, spreadsheet-formula look-alikes,
list syntax and attributes outside the schema."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.exporters import gexf, graphml, kuzu, neo4j, tabular
from kg.model import Evidence, KnowledgeGraph

HOSTILE = [
    'say "hi", then; leave',
    "line one\nline two",
    "C:\\path\\ends\\",
    'back\\"slash quote',
    "中华全国总工会，“五个一批”；《条例》",
    "=HYPERLINK(\"http://x\")",
    "+1", "-3", "@sum",
    "[not, a list]", "{brace}", "'single'",
    " padded ",
    "tab\there",
    "null",
]


def hostile_graph() -> KnowledgeGraph:
    g = KnowledgeGraph({"extractor": 'test "v1"; ok'})
    people = []
    for i, text in enumerate(HOSTILE):
        people.append(g.add_node("Person", text, aliases=[t for t in HOSTILE if t != text][:4] + [f"别名{i}"],
                                 docs=[f"doc {i}; \"x\".txt"]))
    org = g.add_node("Organization", 'Union, "A";\nB\\', kind="union", level="provincial",
                     aliases=["a;b", '"q"', "x,y"], docs=["d.txt"])
    leg = g.add_node("Organization", "人大常委会,;\"", kind="legislature")
    reg = g.add_node("Region", "=1+2", code="-0001", division="province")
    art = g.add_node("Article", "标题, \"quoted\"; \\n", key="d.txt#1", doc="d.txt", start=0, end=9,
                     title="标题, \"quoted\"; \\n", date="2018-10-29", docs=["d.txt"])
    prog = g.add_node("Programme", "“五个一批”", wikidata="Q1", score=0.5, tags=["a,b", "c"],
                      note={"k": "v;\n"})
    sentence = '他说："工会,工人;\\家"\n第二行'
    for i, p in enumerate(people):
        ev = Evidence(f"d{i % 3}.txt", sentence, 10, 10 + len(sentence), "d.txt#1")
        g.add_edge(p, org, "HOLDS_POST", title=HOSTILE[i], evidence=[ev])
        g.add_edge(p, leg, "HOLDS_POST", title="副主任", date="2018", former=bool(i % 2), evidence=[ev])
        g.add_edge(art, p, "MENTIONS")
    g.add_edge(org, reg, "LOCATED_IN", evidence=[Evidence("d.txt", "x", 0, 1)])
    g.add_edge(org, prog, "RUNS", evidence=[Evidence("d.txt", "\\", 0, 1)], confidence=0.9)
    g.add_edge(people[0], reg, "LOCATED_IN")  # a pair outside the contract
    g.add_edge(art, prog, "MENTIONS")
    return g


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    return hostile_graph()


@pytest.fixture(scope="module")
def out(graph, tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    for mod in (graphml, gexf, neo4j, kuzu):
        mod.write(graph, d)
    return d


def same(a: KnowledgeGraph, b: KnowledgeGraph) -> None:
    da, db = a.to_node_link(), b.to_node_link()
    assert db["nodes"] == da["nodes"]
    assert db["edges"] == da["edges"]


def test_exports_hostile_graph_round_trips_json(graph):
    same(graph, KnowledgeGraph.from_node_link(json.loads(graph.to_json())))


def as_graph_file(graph: KnowledgeGraph) -> KnowledgeGraph:
    """What GraphML and GEXF promise: attributes outside the schema come back
    as text (JSON text unless they were text)."""
    g = KnowledgeGraph.from_node_link(json.loads(graph.to_json()))
    for n in g.nodes.values():
        known = {c for c, _ in tabular.node_columns(n.type)}
        n.attrs = {k: (v if k in known or isinstance(v, str) else tabular.to_json(v)) for k, v in n.attrs.items()}
    for e in g.edges:
        e.attrs = {k: (v if k in dict(tabular.EDGE_COLUMNS) or isinstance(v, str) else tabular.to_json(v))
                   for k, v in e.attrs.items()}
    return g


def test_graphml_hostile_text_round_trips(graph, out):
    same(as_graph_file(graph), graphml.read(out / "graph.graphml"))


def test_graphml_networkx_reads_labels_and_json_lists(graph, out):
    g = nx.read_graphml(out / "graph.graphml")
    for nid, node in graph.nodes.items():
        assert g.nodes[nid]["label"] == node.label
        assert json.loads(g.nodes[nid]["aliases"]) == sorted(node.aliases - {node.label})
    assert g.graph["extractor"] == graph.meta["extractor"]


def test_gexf_hostile_text_round_trips(graph, out):
    same(as_graph_file(graph), gexf.read(out / "graph.gexf"))


def test_gexf_edges_keep_their_type_as_label_and_kind(out):
    import xml.etree.ElementTree as ET
    root = ET.parse(out / "graph.gexf").getroot()
    ns = {"g": gexf.NS}
    edges = root.findall(".//g:edge", ns)
    assert edges and all(e.get("label") == e.get("kind") for e in edges)
    assert {e.get("label") for e in edges} == {"HOLDS_POST", "MENTIONS", "LOCATED_IN", "RUNS"}


def test_neo4j_hostile_text_round_trips(graph, out):
    same(graph, neo4j.read(out / "neo4j"))


def test_neo4j_semicolon_in_list_element_is_json_quoted(out):
    text = (out / "neo4j" / "nodes_Organization.csv").read_text(encoding="utf-8")
    assert ';""a\\u003bb"";' in text  # the element a;b, JSON-quoted, inside a quoted CSV field


def test_kuzu_hostile_text_round_trips_through_ladybug(graph, out, tmp_path):
    ladybug = pytest.importorskip("ladybug")
    conn = ladybug.Connection(ladybug.Database(str(tmp_path / "db")))
    kuzu.load(conn, out / "kuzu")
    same(graph, kuzu.read_database(conn))


def test_kuzu_formula_lookalikes_are_stored_verbatim(out, tmp_path):
    """No spreadsheet guard: the database holds the original text."""
    ladybug = pytest.importorskip("ladybug")
    conn = ladybug.Connection(ladybug.Database(str(tmp_path / "db")))
    kuzu.load(conn, out / "kuzu")
    labels = {r[0] for r in conn.execute("MATCH (p:Person) RETURN p.label").get_all()}
    assert {"=HYPERLINK(\"http://x\")", "+1", "-3", "@sum"} <= labels
    assert conn.execute("MATCH (r:Region) RETURN r.label, r.code").get_all() == [["=1+2", "-0001"]]


def test_kuzu_unknown_attributes_go_to_extra(out):
    text = (out / "kuzu" / "nodes" / "Programme.csv").read_text(encoding="utf-8")
    header, row = text.splitlines()[:2]
    assert header == "id,label,aliases,docs,extra"
    assert '""wikidata"":""Q1""' in row


def test_kuzu_pair_outside_contract_gets_declared(out):
    schema = (out / "kuzu" / "schema.cypher").read_text(encoding="utf-8")
    line = next(l for l in schema.splitlines() if l.startswith("CREATE REL TABLE LOCATED_IN("))
    assert "FROM Person TO Region" in line


@pytest.mark.parametrize("text", HOSTILE + ["", '"starts with quote', "a;b", "x,y", "中文"])
@pytest.mark.parametrize("unsafe", [";", ","])
def test_tabular_list_element_round_trips(text, unsafe):
    enc = tabular.list_element(text, unsafe)
    assert tabular.read_list_element(enc) == text
    assert not any(c in unsafe for c in enc) or enc == text and not any(c in unsafe for c in text)
    if enc != text:
        assert not any(c.isspace() for c in enc)


def test_hostile_graph_json_writer_gives_the_bytes_of_json_dumps(graph):
    # graph.json is written from templates; json.dumps of the node-link dict is the reference
    import io

    from kg.exporters import node_link
    g = KnowledgeGraph.from_node_link(graph.to_node_link())
    art = next(n for n in g.nodes if n.startswith("Article:"))
    g.add_edge(art, next(n for n in g.nodes if n.startswith("Person:")), "MENTIONS",
               evidence=[Evidence("d.txt", "杨忠林", 3, 6)])  # a mention with evidence
    buf = io.StringIO()
    node_link.dump(g, buf)
    assert buf.getvalue() == g.to_json()
    assert json.loads(buf.getvalue())["edges"]


@pytest.mark.parametrize("unsafe", [";", ","])
def test_tabular_list_element_quotes_exactly_what_its_rule_names(unsafe):
    # one regex search stands for a test per character: unsafe, list syntax,
    # str.isspace, control characters; the same on every code point
    def rule(c: str) -> bool:
        return c in unsafe or c in '"\\\'[]{},' or c.isspace() or ord(c) < 0x20

    quoted = {c for c in map(chr, range(0x110000)) if tabular.list_element(c, unsafe) != c}
    assert quoted == {c for c in map(chr, range(0x110000)) if rule(c)}
    assert {"\u3000", "\u00a0", "\x1f", "\x85"} <= quoted and "全" not in quoted
