"""GraphML and GEXF are written one node and edge at a time, with the bytes
of the tree-building writers they replaced: ``nx.write_graphml_xml`` of
``graphml.to_networkx`` and ElementTree of ``gexf.to_element``. Compared
here on the sample graph and on graphs made to break the layout: escapes
in every attribute and text, characters XML cannot hold, typed and unknown
attributes, a graph id, empty values and an empty graph."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.exporters import gexf, graphml
from kg.model import Evidence, KnowledgeGraph
from tests.test_exports_hostile import hostile_graph


def networkx_graphml(graph: KnowledgeGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml_xml(graphml.to_networkx(graph), buf, encoding="utf-8")
    return buf.getvalue()


def tree_gexf(graph: KnowledgeGraph) -> bytes:
    root = gexf.to_element(graph)
    ET.indent(root, space=" ")
    buf = io.BytesIO()
    ET.ElementTree(root).write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue()


def typed_graph(person_start: bool = True) -> KnowledgeGraph:
    """Values of every column type, attributes outside the schema (some
    named like a column of another type or with XML in their name), text
    XML forbids, and a value that is empty once that text is dropped.
    ``person_start``: a Person with a text ``start``, which GEXF declares an
    integer for every node (networkx cannot read that file back)."""
    g = KnowledgeGraph({"id": 'kg "1" & <2>', "extractor": "工会\x01抽取", "version": 3, "note": None})
    art = g.add_node("Article", "标题\t<一>", key="d.txt#1", doc="d.txt", start=0, end=12,
                     title="标题\r\n&", date="2018-10", docs=["d.txt"])
    p = g.add_node("Person", "刘\x0b伟", aliases=["刘 伟", "Liu & <Wei>"], docs=["d.txt", "e.txt"],
                   score=0.25, tags=["a", "b"], **{'q"u&o<te': "x", "kind": 7})
    if person_start:
        g.nodes[p].attrs["start"] = "不是数字"
    org = g.add_node("Organization", "北京市总工会", kind="union", level="provincial", founded=1949)
    reg = g.add_node("Region", "北京市", code="110000000000", division="province")
    ev = [Evidence("d.txt", '他说："主席"\n & <b>', 3, 3 + len('他说："主席"\n & <b>'), "d.txt#1")]
    g.add_edge(p, org, "HOLDS_POST", title="主席", date="2018", former=True, evidence=ev)
    g.add_edge(p, org, "HOLDS_POST", title="\x0b", evidence=ev)  # a title that XML leaves empty
    g.add_edge(org, reg, "LOCATED_IN", evidence=ev, confidence=0.9, via={"k": [1, 2]})
    g.add_edge(art, p, "MENTIONS")
    g.add_edge(art, org, "MENTIONS", evidence=ev)
    g.add_mentions(art, [reg])
    return g


GRAPHS = {
    "typed": typed_graph,
    "hostile": hostile_graph,
    "empty": KnowledgeGraph,
    "nodes only": lambda: _nodes_only(),
}


def _nodes_only() -> KnowledgeGraph:
    g = KnowledgeGraph()
    g.add_node("Concept", "工匠精神")
    return g


@pytest.mark.parametrize("name", GRAPHS)
def test_graphml_streamed_gives_the_bytes_of_networkx(name, tmp_path):
    g = GRAPHS[name]()
    assert not graphml.needs_networkx(g)
    graphml.write(g, tmp_path)
    assert (tmp_path / "graph.graphml").read_bytes() == networkx_graphml(g)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]  # no scratch file left


@pytest.mark.parametrize("name", GRAPHS)
def test_gexf_streamed_gives_the_bytes_of_the_tree(name, tmp_path):
    g = GRAPHS[name]()
    gexf.write(g, tmp_path)
    assert (tmp_path / "graph.gexf").read_bytes() == tree_gexf(g)


def test_xml_streamed_on_the_sample(sample_build, tmp_path):
    g = sample_build[0]
    graphml.write(g, tmp_path)
    gexf.write(g, tmp_path)
    assert (tmp_path / "graph.graphml").read_bytes() == networkx_graphml(g)
    assert (tmp_path / "graph.gexf").read_bytes() == tree_gexf(g)


def test_xml_typed_values_keep_their_types_through_networkx(tmp_path):
    g = typed_graph(person_start=False)
    graphml.write(g, tmp_path)
    gexf.write(g, tmp_path)
    back = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert back.graph["extractor"] == "工会抽取"
    art = back.nodes["Article:d.txt#1"]
    # a carriage return in element text is read back as a line feed (XML's end-of-line rule)
    assert (art["start"], art["end"], art["title"], art["label"]) == (0, 12, "标题\n&", "标题\t<一>")
    assert back.nodes["Person:刘伟"]['q"u&o<te'] == "x"
    former = [d.get("former") for *_, d in back.edges(data=True) if d["type"] == "HOLDS_POST"]
    assert sorted(former, key=str) == [None, True]
    for read in (graphml.read(tmp_path / "graph.graphml"), gexf.read(tmp_path / "graph.gexf")):
        assert read.nodes["Person:刘伟"].label == "刘伟"
        assert read.nodes["Organization:北京市总工会"].attrs["founded"] == "1949"
        assert [e.evidence for e in read.edges if e.type == "LOCATED_IN"] == \
            [e.evidence for e in g.edges if e.type == "LOCATED_IN"]


def test_xml_ids_that_collide_once_cleaned_are_left_to_networkx(tmp_path):
    g = KnowledgeGraph()
    a, b = g.add_node("Person", "刘伟"), g.add_node("Person", "刘\x01伟")
    org = g.add_node("Organization", "北京市总工会")
    g.add_edge(b, org, "HOLDS_POST", title="主席", evidence=[Evidence("d.txt", "刘伟主席", 0, 4)])
    g.add_edge(a, org, "HOLDS_POST", title="副主席", evidence=[Evidence("d.txt", "刘伟副主席", 0, 5)])
    assert graphml.needs_networkx(g)
    graphml.write(g, tmp_path)
    gexf.write(g, tmp_path)
    assert (tmp_path / "graph.graphml").read_bytes() == networkx_graphml(g)
    assert (tmp_path / "graph.gexf").read_bytes() == tree_gexf(g)
    assert nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True).number_of_nodes() == 2


@pytest.mark.parametrize("text", ["", "plain 工会", 'a"b', "a&b<c>d", "\r\n\t", "&amp;", "]]>"])
def test_xml_escapes_are_elementtrees(text):
    el = ET.Element("x", {"v": text})
    el.text = text
    want = ET.tostring(el, encoding="unicode")
    got = f'<x v="{graphml.escape_attr(text)}"' + (f">{graphml.escape_text(text)}</x>" if text else " />")
    assert got == want
    assert ET.fromstring(got).get("v") == text
