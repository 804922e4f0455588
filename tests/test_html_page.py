"""graph.html without a browser: the file, the data in it, the views, `kg viz`.

The browser's view of the same page is in ``test_html_browser.py``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.exporters import get
from kg.model import Evidence, KnowledgeGraph
from kg.viz import ViewError, find_nodes, render_page, select_view
from kg.viz.page import page_data, script_json, vis_network_js
from kg.viz.synthetic import synthetic_graph

SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


def _small() -> KnowledgeGraph:
    g = KnowledgeGraph()
    p = g.add_node("Person", "杨忠林", aliases=["杨 忠林"], docs=["003.txt"])
    o = g.add_node("Organization", "辽宁省总工会", aliases=["省总工会"], kind="union", level="provincial")
    r = g.add_node("Region", "辽宁省")
    c = g.add_node("Concept", "劳模精神")
    a = g.add_node("Article", "一篇", key="003.txt#1", doc="003.txt", start=0, end=9)
    g.add_edge(p, o, "HOLDS_POST", title="主席", evidence=[Evidence("003.txt", "省总工会主席杨忠林", 0, 9, "003.txt#1")])
    g.add_edge(o, r, "LOCATED_IN", evidence=[Evidence("003.txt", "辽宁省总工会", 0, 6)])
    g.add_edge(o, c, "ADVOCATES", evidence=[Evidence("003.txt", "弘扬劳模精神", 0, 6)])
    g.add_edge(a, p, "MENTIONS")
    return g


def _page_json(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


@pytest.mark.parametrize("graph", [_small(), synthetic_graph(500)], ids=["small", "synthetic"])
def test_html_write_is_deterministic(tmp_path, graph):
    write = get("html")
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    write(graph, tmp_path / "a")
    reloaded = KnowledgeGraph.from_node_link(json.loads(graph.to_json()))
    write(reloaded, tmp_path / "b")
    assert (tmp_path / "a" / "graph.html").read_bytes() == (tmp_path / "b" / "graph.html").read_bytes()


def test_html_page_refers_to_nothing_outside(tmp_path):
    page = render_page(_small(), select_view(_small()))
    assert "sourceMappingURL" not in page and "cdn" not in page.lower()
    markup = page.replace(vis_network_js(), "")  # the library's own code mentions .src
    assert not re.search(r"""<(link|img|iframe|object|embed)\b|\b(src|href)\s*=""", markup, re.I)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-eval" not in csp


def test_html_page_csp_pins_exactly_its_scripts():
    page = render_page(_small(), select_view(_small()))
    csp = re.search(r'content="(default-src[^"]+)"', page).group(1)
    pinned = set(re.findall(r"'sha256-([^']+)'", csp.split("script-src")[1].split(";")[0]))
    runnable = [body for attrs, body in SCRIPT.findall(page) if "application/json" not in attrs]
    assert len(runnable) == 2
    assert {base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() for b in runnable} == pinned


@pytest.mark.parametrize("evil", ["</script><script>alert(1)</script>", "<!--<script>", "a\u2028b\u2029c",
                                  "<img src=x onerror=alert(1)>", "\"'`${x}`&amp;"])
def test_html_page_data_cannot_break_out(evil):
    g = KnowledgeGraph()
    p = g.add_node("Person", evil, aliases=[evil + "2"], docs=[evil])
    o = g.add_node("Organization", "o" + evil)
    g.add_edge(p, o, "HOLDS_POST", title=evil, evidence=[Evidence(evil, evil, 0, len(evil))])
    page = render_page(g, select_view(g))
    assert len(SCRIPT.findall(page)) == 3 and page.replace(vis_network_js(), "").count("<script") == 3
    data = _page_json(page)
    assert data == page_data(g, select_view(g))
    assert data["nodes"][1]["l"] == evil and data["edges"][0]["v"][0][1] == evil
    blob = page[page.index('id="kg-data">'):page.index("</script>", page.index('id="kg-data">'))]
    assert not re.search("[<>&\u2028\u2029]", blob.split(">", 1)[1])


def test_html_script_json_escapes_markup():
    assert script_json(["<>&\u2028\u2029"]) == '["\\u003c\\u003e\\u0026\\u2028\\u2029"]'


def test_html_page_data_keeps_every_node_and_edge():
    g = _small()
    data = page_data(g, select_view(g))
    assert [n["id"] for n in data["nodes"]] == sorted(g.nodes)
    assert len(data["edges"]) == len(g.edges)
    assert data["hidden"] == {"nodeTypes": ["Article"], "edgeTypes": ["MENTIONS"]}
    post = next(e for e in data["edges"] if "a" in e)
    assert post["a"] == {"title": "主席"} and post["v"] == [["003.txt", "省总工会主席杨忠林", 0, 9, "一篇"]]


def test_html_view_small_graph_is_complete():
    v = select_view(_small())
    assert v.complete and len(v.nodes) == 5 and "All 5 nodes" in v.describe(_small())


@pytest.mark.parametrize("focus,depth,expected", [
    ("杨忠林", 0, {"Person:杨忠林"}),
    ("杨 忠林", 1, {"Person:杨忠林", "Organization:辽宁省总工会"}),
    ("省总工会", 2, {"Person:杨忠林", "Organization:辽宁省总工会", "Region:辽宁省", "Concept:劳模精神"}),
])
def test_html_view_focus_and_depth(focus, depth, expected):
    g = _small()
    v = select_view(g, focus=focus, depth=depth)
    assert set(v.nodes) == expected
    assert all(e.source in expected and e.target in expected for e in v.edges)
    assert sum(v.left_out_nodes.values()) == len(g.nodes) - len(expected)
    assert "Left out" in v.describe(g)


def test_html_view_types_filter():
    v = select_view(_small(), types=["Person", "Organization"])
    assert v.nodes == ["Organization:辽宁省总工会", "Person:杨忠林"]
    assert v.left_out_nodes == {"Region": 1, "Concept": 1, "Article": 1}


def test_html_view_cap_keeps_best_connected_neighbourhood():
    g = synthetic_graph(3000)
    v = select_view(g, max_nodes=400)
    # the cap counts what is drawn: articles (hidden until ticked) come on
    # top, the ones the chosen people wrote, at most a quarter of the cap
    drawn = [n for n in v.nodes if g.nodes[n].type != "Article"]
    articles = [n for n in v.nodes if g.nodes[n].type == "Article"]
    assert len(drawn) == 400 and 0 < len(articles) <= 100
    assert sum(v.left_out_nodes.values()) == 3000 - len(v.nodes)
    chosen = set(v.nodes)
    for a in articles:
        assert any(e.target == a and e.type == "AUTHORED" and e.source in chosen for e in g.edges)
    hub = v.focus
    deg = {n: 0 for n in g.nodes}
    for e in g.edges:
        if e.type != "MENTIONS":
            deg[e.source] += 1
            deg[e.target] += 1
    assert deg[hub] == max(deg.values())
    note = v.describe(g)
    assert f"{len(v.nodes)} of 3000 nodes (400 drawn, {len(articles)} Article behind its tick)" in note
    assert "capped at 400 drawn" in note


@pytest.mark.parametrize("kwargs,message", [
    ({"focus": "没有这个人"}, "no node named"),
    ({"types": ["Persons"]}, "unknown node type 'Persons'; known: Person"),
    ({"max_nodes": 0}, "at least 1"),
    ({"focus": "杨忠林", "types": ["Region"]}, "not one of the types shown"),
])
def test_html_view_errors_are_clear(kwargs, message):
    with pytest.raises(ViewError, match=re.escape(message)):
        select_view(_small(), **kwargs)


def test_html_find_nodes_by_label_alias_and_id():
    g = _small()
    assert find_nodes(g, "Person:杨忠林") == ["Person:杨忠林"]
    assert find_nodes(g, "辽宁省总工会") == ["Organization:辽宁省总工会"]
    assert find_nodes(g, "省总工会") == ["Organization:辽宁省总工会"]


def test_html_build_for_10000_nodes_takes_seconds():
    g = synthetic_graph(10_000)
    t0 = time.perf_counter()
    page = render_page(g, select_view(g, max_nodes=None))
    elapsed = time.perf_counter() - t0
    assert len(_page_json(page)["nodes"]) == 10_000
    assert elapsed < 10, f"building the page for 10 000 nodes took {elapsed:.1f}s"


def test_html_cli_viz_writes_focused_view(tmp_path):
    graph_path = tmp_path / "graph.json"
    graph_path.write_text(_small().to_json(), encoding="utf-8")
    out = tmp_path / "v" / "yang.html"
    result = CliRunner().invoke(main, ["viz", str(graph_path), "--focus", "杨忠林", "--depth", "1",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Showing 2 of 5 nodes" in result.output and f"wrote {out}" in result.output
    assert [n["id"] for n in _page_json(out.read_text(encoding="utf-8"))["nodes"]] == \
        ["Organization:辽宁省总工会", "Person:杨忠林"]


@pytest.mark.parametrize("args,message", [
    (["--focus", "没有"], "no node named '没有'"),
    (["--types", "Person,Nope"], "unknown node type 'Nope'"),
    (["--max-nodes", "0"], "0 is not in the range x>=1"),
])
def test_html_cli_viz_reports_bad_options(tmp_path, args, message):
    graph_path = tmp_path / "graph.json"
    graph_path.write_text(_small().to_json(), encoding="utf-8")
    result = CliRunner().invoke(main, ["viz", str(graph_path), *args])
    assert result.exit_code != 0 and message in result.output


def test_html_cli_viz_missing_graph_says_build_first(tmp_path):
    result = CliRunner().invoke(main, ["viz", str(tmp_path / "nope.json")])
    assert result.exit_code == 1 and "run `kg build` first" in result.output


def test_html_cli_viz_types_are_case_insensitive(tmp_path):
    graph_path = tmp_path / "graph.json"
    graph_path.write_text(_small().to_json(), encoding="utf-8")
    out = tmp_path / "p.html"
    result = CliRunner().invoke(main, ["viz", str(graph_path), "--types", "person", "--types", "region",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert {n["id"] for n in _page_json(out.read_text(encoding="utf-8"))["nodes"]} == {"Person:杨忠林", "Region:辽宁省"}


def test_html_exporter_imports_only_model_and_viz():
    import ast
    root = Path(__file__).resolve().parents[1] / "kg"
    for path in [root / "exporters" / "html.py", *sorted((root / "viz").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            for name in names:
                assert not name.startswith(("extract", "kg.build", "kg.cli", "pyvis.network")), (path, name)


def test_html_view_cap_is_spent_on_connected_drawn_nodes():
    """A capped view is grown over drawn edges: nodes with none (a concept
    only ever mentioned) and articles do not take places under the cap."""
    g = synthetic_graph(3000)
    art = next(n.id for n in g.nodes.values() if n.type == "Article")
    lone = [g.add_node("Concept", f"只被提到的概念{i}") for i in range(50)]
    for c in lone:
        g.add_mentions(art, [c])
    v = select_view(g, max_nodes=400)
    assert not set(lone) & set(v.nodes)
    assert sum(g.nodes[n].type != "Article" for n in v.nodes) == 400
    # under the cap, the page has everything: the lone ones wait behind a tick
    small = _small()
    c = small.add_node("Concept", "孤立概念")
    assert c in select_view(small).nodes
