"""Outputs that their readers read back, and usage errors that are one line
and a documented exit status (issue 16, classes 8 and 9)."""

import csv
import json
import subprocess
import sys

import networkx as nx
import pytest

from kg.build import write_outputs
from kg.exporters import kuzu, neo4j
from kg.exporters.report import render
from kg.model import Evidence, KnowledgeGraph
from tests.conftest import CORPUS, ROOT

XML_FORBIDDEN = ["工\x01会", "主\x0b席", "职工\ufffe", "劳模\uffff", "a\x1fb"]
LIST_SYNTAX = ["[unbalanced", "closing]", "'quote start", "it's", "a,b", '"dq', "{brace}", "back\\slash",
               "sp ace", "tab\tx", "[[]]", "'", "]"]
FORMULAS = ["=1+2", "+SUM(A1)", "-3", "@cmd", "=HYPERLINK(\"http://x\")"]


def _graph(names) -> KnowledgeGraph:
    g = KnowledgeGraph()
    org = g.add_node("Organization", "北京市总工会", kind="union", level="provincial")
    for i, name in enumerate(names):
        p = g.add_node("Person", f"张{i}{name}", aliases=[name, f"别名{name}"])
        g.add_edge(p, org, "HOLDS_POST", title=name,
                   evidence=[Evidence("d.txt", f"句子{name}", 0, len(f"句子{name}"))])
    return g


def test_reliability_xml_writers_drop_what_xml_forbids_and_networkx_reads_them(tmp_path):
    write_outputs(_graph(XML_FORBIDDEN), tmp_path, formats=("graphml", "gexf"))
    want = {f"张{i}{n}".translate({0x01: None, 0x0b: None, 0xfffe: None, 0xffff: None, 0x1f: None})
            for i, n in enumerate(XML_FORBIDDEN)}
    for g in (nx.read_graphml(tmp_path / "graph.graphml"), nx.read_gexf(tmp_path / "graph.gexf")):
        labels = {d.get("label") for _, d in g.nodes(data=True)}
        assert want <= labels


def test_reliability_kuzu_list_elements_with_list_syntax_survive_ladybug_copy(tmp_path):
    ladybug = pytest.importorskip("ladybug")
    g = _graph(LIST_SYNTAX)
    write_outputs(g, tmp_path, formats=("kuzu",))
    conn = ladybug.Connection(ladybug.Database(str(tmp_path / "db.lbug")))
    kuzu.load(conn, tmp_path / "kuzu")
    back = kuzu.read_database(conn)
    for nid, node in g.nodes.items():
        assert back.nodes[nid].aliases == node.aliases, node.label


def test_reliability_report_escapes_markdown_and_html(tmp_path):
    g = KnowledgeGraph()
    org = g.add_node("Organization", "<script>alert(1)</script>总工会", kind="union")
    prog = g.add_node("Programme", "**粗体**[链接](javascript:x)|表", )
    con = g.add_node("Concept", "<img src=x onerror=alert(1)>精神")
    ev = [Evidence("d.txt", "句子", 0, 2)]
    g.add_edge(org, prog, "RUNS", evidence=ev)
    g.add_edge(org, con, "ADVOCATES", evidence=ev)
    md = render(g)
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md
    assert "**粗体**" not in md and "\\*\\*粗体\\*\\*" in md and "\\[链接\\]\\(javascript:x\\)" in md
    assert "\\|表" in md


def test_reliability_csv_formula_cells_are_kept_verbatim_for_the_databases(tmp_path):
    """Why the CSVs are not neutralised with a leading ``'`` (docs/databases.md):
    they are loader input, and neither neo4j-admin import nor LadybugDB COPY
    can strip a prefix, so every stored value would change. The values read
    back exactly; the folders carry a warning against opening them in a
    spreadsheet."""
    g = _graph(FORMULAS)
    write_outputs(g, tmp_path, formats=("neo4j", "kuzu"))
    back = neo4j.read(tmp_path / "neo4j")
    assert {n.label for n in back.nodes.values()} == {n.label for n in g.nodes.values()}
    titles = {e.attrs.get("title") for e in back.iter_edges()}
    assert set(FORMULAS) <= titles
    for folder in ("neo4j", "kuzu"):
        assert "spreadsheet" in (tmp_path / folder / "README.txt").read_text(encoding="utf-8")
    rows = list(csv.reader((tmp_path / "neo4j" / "relationships_HOLDS_POST.csv").open(encoding="utf-8")))
    assert any(cell in FORMULAS for row in rows for cell in row)


def kg(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, **kw)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    pair = tmp_path_factory.mktemp("pair")
    for src in sorted(CORPUS.glob("*.txt"))[:2]:
        (pair / src.name).write_bytes(src.read_bytes())
    out = tmp_path_factory.mktemp("out")
    done = kg("build", pair, "--out", out, "--formats", "json,rdf", "--workers", "1")
    assert done.returncode == 0, done.stderr
    return out


def _one_line_error(done, code=1, *words):
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    for w in words:
        assert w in last, last


def test_reliability_eval_usage_errors(tmp_path, built):
    notobj, nodoc, empty, ok = (tmp_path / f"{n}.jsonl" for n in ("a", "b", "c", "d"))
    notobj.write_text("[1, 2]\n")
    nodoc.write_text('{"entities": []}\n')
    empty.write_text("\n")
    ok.write_text('{"doc": "x.txt", "entities": []}\n')
    _one_line_error(kg("eval", notobj, "--graph", built / "graph.json"), 1, "a.jsonl:1", "not a JSON object")
    _one_line_error(kg("eval", nodoc, "--graph", built / "graph.json"), 1, 'no "doc"')
    _one_line_error(kg("eval", empty, "--graph", built / "graph.json"), 1, "no gold documents")
    _one_line_error(kg("eval", ok, "--graph", built), 1, "a folder, not a graph.json")
    shape = tmp_path / "shape.json"
    shape.write_text("[1]")
    _one_line_error(kg("eval", ok, "--graph", shape), 1, "not a node-link graph.json")


def test_reliability_query_usage_errors_on_both_engines(tmp_path, built):
    q = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
    store = tmp_path / "store"
    assert kg("load", "--store", store, "--graph", built).returncode == 0
    for engine in (("--graph", built), ("--store", store)):
        _one_line_error(kg("query", q, *engine, "--bind", "nosuch=1"), 1, "no variable ?nosuch")
        _one_line_error(kg("query", q, *engine, "--bind", "s=<not an iri>"), 1, "not a valid IRI")
        _one_line_error(kg("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                           *engine), 1, "SERVICE is refused")
        assert kg("query", q, *engine, "--bind", "s=<https://example.org/x>").returncode == 0


def test_reliability_viz_and_build_usage_errors(tmp_path, built):
    _one_line_error(kg("viz", built), 1, "a folder, not a graph.json")
    shape = tmp_path / "shape.json"
    shape.write_text(json.dumps({"nodes": [{"x": 1}], "edges": []}))
    _one_line_error(kg("viz", shape), 1, "not a graph.json")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _one_line_error(kg("viz", built / "graph.json", "--out", blocker / "v.html"), 1, "--out", "cannot write")
    _one_line_error(kg("build", "--out", tmp_path / "o", "--formats", ","), 2, "no format named")


def test_reliability_ctrl_c_exits_130(tmp_path):
    import signal
    import time

    big = tmp_path / "big"
    big.mkdir()
    for i in range(40):
        for p in CORPUS.glob("*.txt"):
            (big / f"{i:02d}-{p.name}").write_bytes(p.read_bytes() + f"\n第{i}份。".encode())
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(big), "--out", str(tmp_path / "o"),
                             "--workers", "1", "--no-cache"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            # as from a terminal: a test run in the background ignores SIGINT,
                            # and its children would inherit that
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(4)
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
