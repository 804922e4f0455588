"""The docs tell the truth about the sample: the figures they quote, the
graph.json example of docs/graph.md, how to read graph.json with networkx,
their links, and what ``kg load`` says it loads."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _doc_figures():
    spec = importlib.util.spec_from_file_location("doc_figures", ROOT / "tools" / "doc_figures.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_figures_match_a_build_of_the_sample():
    stale = _doc_figures().run(write=False)
    assert stale == [], "stale figures (python tools/doc_figures.py rewrites them):\n" + "\n".join(stale)


def test_docs_figures_check_catches_a_stale_figure():
    mod = _doc_figures()
    template = "holds {nodes} nodes"
    text, stale = mod.apply("the page\n  holds 12 nodes.", template, {"nodes": 381})
    assert text == "the page\n  holds 381 nodes." and stale == ["nodes: 12 -> 381"]
    assert mod.apply("nothing here", template, {"nodes": 1})[1] == [f"not found: {template!r}"]


def test_docs_readme_links_the_projects_own_contract():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/graph.md)" in readme and "shared/spec" not in readme
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", doc.read_text(encoding="utf-8")):
            assert (doc.parent / target).exists(), f"{doc.name} links {target}, which is not there"


def _json_block(doc: str, heading: str) -> dict:
    text = (ROOT / doc).read_text(encoding="utf-8")
    section = text[text.index(heading):]
    return json.loads(re.search(r"```json\n(.*?)```", section, re.S)[1])


def test_docs_graph_json_example_is_taken_from_the_sample(sample_json):
    example = _json_block("docs/graph.md", "## `graph.json`")
    assert {k: example[k] for k in ("directed", "multigraph")} == {"directed": True, "multigraph": True}
    assert set(example) == set(sample_json)
    nodes = {n["id"]: n for n in sample_json["nodes"]}
    for n in example["nodes"]:
        assert nodes[n["id"]] == n
    for e in example["edges"]:
        assert e in sample_json["edges"], e


def test_docs_gold_example_is_what_kg_eval_reads(tmp_path, sample):
    line = _json_block("docs/graph.md", "## Gold annotations")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(gold), "--graph", str(sample / "graph.json"), "--json"])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.output)
    assert "Person" in json.dumps(scores) and "HOLDS_POST" in json.dumps(scores)


def test_docs_networkx_reads_graph_json_as_documented(sample_json):
    g = nx.node_link_graph(sample_json, edges="edges")
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_edges() == len(sample_json["edges"]) and g.number_of_nodes() == len(sample_json["nodes"])
    posts = [(u, v, d["title"]) for u, v, d in g.edges(data=True) if d["type"] == "HOLDS_POST"]
    assert ("Person:杨忠林", "Organization:辽宁省总工会", "主席") in posts
    if sys.version_info >= (3, 11):  # networkx 3.6 required there: its default reads "edges"
        assert nx.node_link_graph(sample_json).number_of_edges() == len(sample_json["edges"])


def test_docs_pyproject_requires_the_networkx_that_reads_edges():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "\"networkx>=3.6; python_version >= '3.11'\"" in text
    assert "\"networkx>=3.4; python_version < '3.11'\"" in text


def test_docs_kg_load_says_and_does_trig_from_a_folder(sample, tmp_path):
    help_text = CliRunner().invoke(main, ["load", "--help"]).output
    assert "TriG" in help_text and "graph.trig" in re.sub(r"\s+", " ", help_text)
    assert "its graph.nt)" not in help_text
    pytest.importorskip("pyoxigraph")
    res = CliRunner().invoke(main, ["load", "--store", str(tmp_path / "store"), "--graph", str(sample)])
    assert res.exit_code == 0, res.output
    assert f"loaded {sample / 'graph.trig'} into" in res.output
