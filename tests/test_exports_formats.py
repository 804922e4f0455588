"""The graph-file and database exports as a set: registered, written by
``kg build``, byte-identical for the same graph, readable by networkx, and
within the import boundaries."""

from __future__ import annotations

import ast
import filecmp
from pathlib import Path

import networkx as nx
import pytest

from kg import exporters
from kg.build import DEFAULT_FORMATS, write_outputs
from kg.exporters import gexf, graphml
from kg.model import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
MINE = ("graphml", "gexf", "neo4j", "kuzu")


@pytest.fixture(scope="module")
def graph(sample_build) -> KnowledgeGraph:
    return sample_build[0]


@pytest.mark.parametrize("name", MINE)
def test_exports_registered_and_built_by_default(name):
    assert name in exporters.EXPORTERS
    assert name in DEFAULT_FORMATS
    assert callable(exporters.get(name))


READABLE = [name for name, f in exporters.FORMATS.items() if f.reader]


def test_exports_registry_has_readers_beside_writers():
    assert set(READABLE) >= {"json", "graphml", "gexf", "neo4j"}
    assert all(exporters.FORMATS[name].reader is None for name in ("rdf", "html", "report"))
    with pytest.raises(KeyError, match="has no reader; readable: json, graphml"):
        exporters.FORMATS["html"].read(Path("."))


@pytest.mark.parametrize("name", READABLE)
def test_exports_round_trip_through_every_reader(graph, tmp_path, name):
    fmt = exporters.FORMATS[name]
    assert fmt.write(graph, tmp_path) == list(fmt.files)
    back, want = fmt.read(tmp_path).to_node_link(), graph.to_node_link()
    assert len(want["nodes"]) > 50 and len(want["edges"]) > 100
    assert back["nodes"] == want["nodes"]
    assert back["edges"] == want["edges"]


@pytest.mark.parametrize("name", exporters.EXPORTERS)
def test_exports_write_what_the_registry_says(sample_build, name):
    fmt = exporters.FORMATS[name]
    assert [f for f in sample_build[1].written if f in fmt.files] == list(fmt.files)
    assert all((sample_build[2] / f).exists() for f in fmt.files)


def test_exports_byte_identical_for_the_same_graph(graph, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_outputs(graph, a, ("json",) + MINE)
    write_outputs(KnowledgeGraph.load(a / "graph.json"), b, ("json",) + MINE)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert len(files) > 10
    for f in files:
        assert filecmp.cmp(a / f, b / f, shallow=False), f


def test_graphml_networkx_reads_the_sample(graph, tmp_path):
    graphml.write(graph, tmp_path)
    g = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert g.number_of_nodes() == len(graph.nodes)
    assert g.number_of_edges() == len(graph.edges)
    assert g.nodes["Organization:中华全国总工会"]["label"] == "中华全国总工会"
    back = graphml.read(tmp_path / "graph.graphml")
    assert back.to_node_link() == graph.to_node_link()


def test_gexf_networkx_reads_the_sample(graph, tmp_path):
    gexf.write(graph, tmp_path)
    g = nx.read_gexf(tmp_path / "graph.gexf", version="1.3")
    assert g.number_of_nodes() == len(graph.nodes)
    assert g.number_of_edges() == len(graph.edges)
    back = gexf.read(tmp_path / "graph.gexf")
    assert back.to_node_link()["nodes"] == graph.to_node_link()["nodes"]
    assert back.to_node_link()["edges"] == graph.to_node_link()["edges"]


@pytest.mark.parametrize("module", ["tabular", "graphml", "gexf", "neo4j", "kuzu"])
def test_exports_import_only_the_model_and_their_library(module):
    tree = ast.parse((ROOT / "kg" / "exporters" / f"{module}.py").read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
    project = {n for n in names if n.split(".")[0] in ("kg", "extract")}
    assert project <= {"kg.model", "kg.exporters", "kg.exporters.tabular", "kg.exporters.graphml"}, project
