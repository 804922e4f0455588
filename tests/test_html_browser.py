"""graph.html in a real browser: headless Chromium (Debian's ``chromium``)
driven by Playwright for Python.

What is checked, on the sample corpus's page unless said otherwise:

- no console error or uncaught exception while the page loads and lays out;
- no request other than the page's own ``file://`` URL;
- every node of the graph is in the page (``KG.nodes``, the page's node set,
  has as many nodes as ``graph.json``); those drawn at first are all but the
  Article nodes, which sit behind the Article filter, and the nodes with
  no edge drawn, behind the Unconnected tick; the edges drawn are all but
  MENTIONS and those touching an article, one line per pair and type;
- labels show for the best-connected nodes at the first zoom, readable,
  and for every node zoomed in;
- physics stabilises, then stops;
- searching 杨忠林 selects that node, centres it and opens its panel with
  its posts and evidence sentences;
- unticking Concept hides every concept (on the sample and on a generated
  graph) and ticking it brings them back;
- hovering an edge shows its relation, title and evidence;
- a graph whose names, aliases, titles, sentences and document names carry
  ``<script>``, ``<img onerror>``, quotes and backticks opens no dialog, runs
  none of it, and shows it literally;
- a page over the size cap says what it left out.

CI needs ``apt-get install -y chromium fonts-noto-cjk`` and the ``test``
extra (Playwright's Python package; its own browser download is not used).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from kg.build import build_graph
from kg.model import Evidence, KnowledgeGraph
from kg.viz import drawn_at_first, render_page, select_view
from kg.viz.synthetic import synthetic_graph

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - an install problem, reported as such
        pytest.fail("Playwright for Python is missing: pip install -e '.[test]'", pytrace=False)
    if not Path(CHROMIUM).exists():  # pragma: no cover
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install -y chromium "
                    "(or set KG_CHROMIUM to its path)", pytrace=False)
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                    headless=True, viewport={"width": 1400, "height": 900})
        yield ctx
        ctx.close()
    shutil.rmtree(profile, ignore_errors=True)


class Page:
    """A page opened from a file, with what it logged and requested."""

    def __init__(self, ctx, path: Path) -> None:
        self.page = ctx.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.wait("KG.stabilised === true", timeout=120)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expr: str):
        return self.page.evaluate(expr)

    def wait(self, expr: str, timeout: float = 10) -> None:
        """Poll ``expr`` (Playwright's wait_for_function evaluates strings,
        which the page's CSP forbids)."""
        end = time.monotonic() + timeout
        while not self.page.evaluate(f"(() => {{ try {{ return !!({expr}); }} catch (e) {{ return false; }} }})()"):
            if time.monotonic() > end:
                raise AssertionError(f"timed out waiting for {expr}; errors: {self.errors}")
            time.sleep(0.05)

    def close(self) -> None:
        self.page.close()


def _write(graph: KnowledgeGraph, tmp: Path, name: str, **view) -> Path:
    path = tmp / name
    path.write_text(render_page(graph, select_view(graph, **view)), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sample_graph() -> KnowledgeGraph:
    graph, _ = build_graph([ROOT / "corpus"])
    return graph


@pytest.fixture(scope="session")
def sample_page(browser, sample_graph, tmp_path_factory):
    page = Page(browser, _write(sample_graph, tmp_path_factory.mktemp("html"), "graph.html"))
    yield page
    page.close()


@pytest.fixture(scope="session")
def typed_page(browser, tmp_path_factory):
    """A generated graph with every node and edge type, and many of each."""
    graph = synthetic_graph(300)
    page = Page(browser, _write(graph, tmp_path_factory.mktemp("html"), "typed.html"))
    page.graph = graph
    yield page
    page.close()


def test_html_browser_sample_loads_without_errors(sample_page):
    assert sample_page.errors == []
    assert sample_page.dialogs == []


def test_html_browser_sample_requests_nothing_but_its_file(sample_page):
    assert sample_page.requests, "the page request itself was not seen"
    assert all(u.startswith("file://") for u in sample_page.requests), sample_page.requests
    assert set(sample_page.requests) == {sample_page.url}


def _drawn_at_first(graph: KnowledgeGraph):
    """What the page draws when it opens (kg.viz.drawn_at_first, which the
    docs' figures come from): edges but MENTIONS and those touching an
    article; nodes but articles, and only those with such an edge."""
    nodes, edges = drawn_at_first(graph, graph.nodes)
    return set(nodes), edges, {n.id for n in graph.nodes.values() if n.type == "Article"}


def test_html_browser_node_count_equals_graph(sample_page, sample_graph):
    assert sample_page.js("KG.nodes.length") == len(sample_graph.nodes)
    nodes, edges, arts = _drawn_at_first(sample_graph)
    shown = sample_page.js("KG.visibleNodeIds()")
    assert sorted(shown) == sorted(nodes)
    # edges of one pair and type are one line, which stands for all of them
    assert sample_page.js("KG.visibleEdgeCount()") == len({(e.source, e.target, e.type) for e in edges})
    ids = sample_page.js("KG.visibleEdgeIds()")
    data = sample_page.js("KG.data.edges.map(e => [KG.data.nodes[e.s].id, KG.data.nodes[e.o].id, KG.data.edgeTypes[e.t].name])")
    assert sorted(tuple(data[j]) for j in ids) == sorted((e.source, e.target, e.type) for e in edges)
    assert len(data) == len(sample_graph.edges)


def test_html_browser_opens_on_connected_nodes_unconnected_one_tick_away(browser, sample_graph, tmp_path):
    page = Page(browser, _write(sample_graph, tmp_path, "graph.html"))
    try:
        nodes, _, arts = _drawn_at_first(sample_graph)
        lone = [n for n in sample_graph.nodes if n not in nodes and n not in arts]
        assert lone, "the sample has concepts only ever mentioned"
        label = page.page.text_content("label[for=show-unconnected]")
        assert label == f"Unconnected{len(lone)}"
        assert not set(lone) & set(page.js("KG.visibleNodeIds()"))
        page.page.check("#show-unconnected")
        page.wait("KG.network.physics.physicsEnabled === false", timeout=60)
        assert sorted(page.js("KG.visibleNodeIds()")) == sorted(set(sample_graph.nodes) - arts)
        # searching for an unconnected node shows it
        page.page.uncheck("#show-unconnected")
        page.js(f"KG.select({lone[0]!r})")
        assert lone[0] in page.js("KG.visibleNodeIds()")
        assert page.errors == []
    finally:
        page.close()


def test_html_browser_labels_best_connected_first_all_zoomed_in(sample_page, sample_graph):
    sample_page.js("document.getElementById('panel-close').click()")
    sample_page.js("KG.network.fit()")
    sample_page.wait("KG.labelsDrawn().length > 0")
    first = sample_page.js("KG.labelsDrawn()")
    visible = sample_page.js("KG.visibleNodeIds()")
    # a handful of labels, readable (12 px or more), the best-connected's among them
    assert 8 <= len(first) <= 40 < len(visible)
    assert min(px for _, px in first) >= 12
    nodes, edges, _ = _drawn_at_first(sample_graph)
    lines = {(e.source, e.target, e.type) for e in edges}
    links = {n: sum(n in (s, o) for s, o, _ in lines) for n in nodes}
    best = max(links.values())
    assert {n for n, k in links.items() if k == best} <= {n for n, _ in first}
    # zoomed in, every drawn node has its label
    sample_page.js("KG.network.moveTo({scale: 1})")
    sample_page.wait(f"KG.labelsDrawn().length === {len(visible)}")
    sample_page.js("KG.network.fit()")


def test_html_browser_physics_stops_after_stabilising(sample_page):
    assert sample_page.js("KG.network.physics.physicsEnabled") is False
    assert sample_page.js("KG.timings.rendered > 0")


@pytest.mark.parametrize("name,node_id", [("杨忠林", "Person:杨忠林")])
def test_html_browser_search_selects_and_centres(sample_page, name, node_id):
    p = sample_page.page
    p.fill("#search", name)
    p.press("#search", "Enter")
    sample_page.wait(f"KG.selected().length === 1 && KG.selected()[0] === {node_id!r}")
    # centred once the focus animation has ended
    sample_page.wait(f"""(() => {{ const n = KG.network.getPositions([{node_id!r}].map(
        id => KG.data.nodes.findIndex(x => x.id === id)));
        const pos = Object.values(n)[0], v = KG.network.getViewPosition();
        return Math.hypot(pos.x - v.x, pos.y - v.y) < 1; }})()""")
    assert p.is_visible("#panel")
    assert p.text_content("#panel h2") == name
    panel = p.text_content("#panel-body")
    assert "Posts" in panel and "辽宁省总工会" in panel and "主席" in panel
    assert p.locator("#panel blockquote").count() > 0
    assert "003_ca27a343f16d3193.txt" in panel or "000_7f6e878959a985ef.txt" in panel
    assert p.locator("#results button", has_text=name).count() >= 1


def test_html_browser_search_finds_aliases(sample_page):
    p = sample_page.page
    p.fill("#search", "全总")
    assert "中华全国总工会(全总)" in p.text_content("#results")


@pytest.fixture(params=["sample", "generated"])
def concept_page(request, sample_page, sample_graph, typed_page):
    if request.param == "sample":
        sample_page.graph = sample_graph
        return sample_page
    return typed_page


def test_html_browser_concept_filter_hides_concepts(concept_page):
    typed_page = concept_page
    nodes, _, _ = _drawn_at_first(typed_page.graph)
    concepts = {n.id for n in typed_page.graph.nodes.values() if n.type == "Concept" and n.id in nodes}
    assert concepts
    visible = lambda: set(typed_page.js("KG.visibleNodeIds()"))  # noqa: E731
    assert concepts <= visible()
    typed_page.page.uncheck("#show-node-Concept")
    assert not (concepts & visible())
    assert visible(), "the other types stay"
    typed_page.page.check("#show-node-Concept")
    typed_page.wait("KG.network.physics.physicsEnabled === false", timeout=60)
    assert concepts <= visible()
    assert typed_page.errors == []


def test_html_browser_edge_filter_hides_edges(typed_page):
    before = typed_page.js("KG.visibleEdgeCount()")
    typed_page.page.uncheck("#show-edge-HOLDS_POST")
    n_posts = typed_page.js("KG.visibleEdgeCount()")
    typed_page.page.check("#show-edge-HOLDS_POST")
    assert n_posts < before
    assert typed_page.js("KG.visibleEdgeCount()") == before


def _hover_edge(page: Page, edge_index: int) -> str | None:
    """Put the mouse on edge ``edge_index`` (where no node or other edge
    covers it) and return the tooltip's text."""
    page.page.mouse.move(1, 1)  # off the graph: the tooltip goes
    page.wait("KG.edgeTooltip() === null")
    page.js("document.getElementById('panel-close').click()")
    aim = f"""(() => {{
        const edge = KG.network.body.edges[{edge_index}].edgeType, mid = edge.getPoint(0.5);
        const v = KG.network.getViewPosition();
        if (KG.network.getScale() !== 1 || Math.hypot(v.x - mid.x, v.y - mid.y) > 0.5) {{
            KG.network.moveTo({{scale: 1, position: mid}});
            return "moved";  // check again: an animation or resize may still move the view
        }}
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {{
            const d = KG.network.canvasToDOM(edge.getPoint(t));
            if (KG.network.getNodeAt(d) === undefined && KG.network.getEdgeAt(d) === {edge_index}) return d;
        }}
        return null; }})()"""
    end = time.monotonic() + 10
    while (dom := page.js(aim)) == "moved":
        assert time.monotonic() < end, "the view did not settle"
        time.sleep(0.2)
    assert dom is not None, f"edge {edge_index} is covered everywhere"
    box = page.page.locator("#graph").bounding_box()
    page.page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
    page.wait(f"KG.edgeTooltip() !== null && document.getElementById('tooltip').dataset.edge === '{edge_index}'")
    return page.js("KG.edgeTooltip()")


def test_html_browser_edge_hover_shows_relation_title_evidence(sample_page, sample_graph):
    data_edges = sample_page.js("KG.data.edges.map(e => [e.t, e.a && e.a.title, e.s, e.o])")
    types = sample_page.js("KG.data.edgeTypes.map(t => t.name)")
    # a post whose ends have no other edge crossing the midpoint: take the
    # first HOLDS_POST that is its pair's only edge
    pairs: dict[tuple, int] = {}
    for t, _, s, o in data_edges:
        pairs[(min(s, o), max(s, o))] = pairs.get((min(s, o), max(s, o)), 0) + 1
    j = next(j for j, (t, title, s, o) in enumerate(data_edges)
             if types[t] == "HOLDS_POST" and title and pairs[(min(s, o), max(s, o))] == 1)
    tip = _hover_edge(sample_page, sample_page.js(f"KG.lineOf({j})"))
    assert "HOLDS_POST" in tip and f"title: {data_edges[j][1]}" in tip
    ev = sample_page.js(f"KG.data.edges[{j}].v[0]")
    assert ev[1] in tip and ev[0] in tip


def test_html_browser_same_pair_and_type_is_one_line_with_its_dates(sample_page, sample_graph):
    posts = [e for e in sample_graph.edges
             if (e.source, e.target, e.type) == ("Person:杨忠林", "Organization:辽宁省总工会", "HOLDS_POST")]
    dates = sorted(e.attrs["date"] for e in posts)
    assert len(posts) == 2 and dates == ["2018-10", "2019"]
    j = sample_page.js("KG.data.edges.findIndex(e => KG.data.nodes[e.s].id === 'Person:杨忠林' && "
                       "KG.data.nodes[e.o].id === 'Organization:辽宁省总工会')")
    line = sample_page.js(f"KG.lineOf({j})")
    assert len(sample_page.js(f"KG.lineMembers({line})")) == 2
    tip = _hover_edge(sample_page, line)
    assert "2 facts (2 dates)" in tip and "主席 · 2018-10" in tip and "主席 · 2019" in tip
    sample_page.js("KG.select('Person:杨忠林')")
    panel = sample_page.page.text_content("#panel-body")
    assert panel.count("辽宁省总工会Organization") == 1 and "主席 · 2018-10; 主席 · 2019" in panel


INJECTIONS = [
    '<script>window.__pwned = 1; alert(1)</script>',
    '<img src=x onerror="window.__pwned = 2; alert(2)">',
    '"\'><svg onload=alert(3)>`${alert(4)}`',
    '</script><script>window.__pwned = 5; alert(5)</script><!--',
]


def _injection_graph() -> KnowledgeGraph:
    g = KnowledgeGraph()
    people = []
    for i, evil in enumerate(INJECTIONS):
        p = g.add_node("Person", f"{evil}{i}", aliases=[f"alias{i}{evil}"], docs=[f"{evil}.txt"])
        o = g.add_node("Organization", f"org{i}\u2028{evil}", kind=evil)
        sentence = f"句子{evil}\u2029"
        g.add_edge(p, o, "HOLDS_POST", title=f"`主席`{evil}", date=evil,
                   evidence=[Evidence(f"doc{evil}.txt", sentence, 0, len(sentence))])
        people.append(p)
    return g


def _injection_corpus_graph(tmp: Path) -> KnowledgeGraph:
    corpus = tmp / "corpus"
    corpus.mkdir()
    (corpus / "evil<img src=x onerror=alert(7)>'`.txt").write_text(
        "辽宁省总工会主席杨忠林<script>alert(8)</script>表示，要做好工作<img src=x onerror=alert(9)>。\n"
        "天津市总工会主席梁宝明说：“`${alert(10)}`”和\"引号\"。\n", encoding="utf-8")
    graph, _ = build_graph([corpus])
    return graph


@pytest.mark.parametrize("source", ["model", "corpus"])
def test_html_browser_injection_runs_nothing(browser, tmp_path, source):
    graph = _injection_graph() if source == "model" else _injection_corpus_graph(tmp_path)
    page = Page(browser, _write(graph, tmp_path, "evil.html"))
    try:
        p = page.page
        shown = []
        for nid in sorted(n for n in graph.nodes if graph.nodes[n].type != "Article"):
            node = graph.nodes[nid]
            page.js(f"KG.select({nid!r})")
            assert p.text_content("#panel h2") == node.label
            panel = p.text_content("#panel-body")
            for e in graph.edges:
                if e.type != "MENTIONS" and nid in (e.source, e.target):
                    for ev in e.evidence:
                        assert ev.sentence in panel and ev.doc in panel
            assert all(a in panel for a in node.aliases) and all(d in panel for d in node.docs)
            shown.append(panel)
        tips = [_hover_edge(page, j) for j in range(len(page.js("KG.data.edges")))] if source == "model" else []
        p.fill("#search", "<")
        results = p.text_content("#results")
        p.fill("#search", "alias")
        assert page.js("window.__pwned") is None
        assert page.dialogs == []
        assert page.errors == []
        assert all(u.startswith("file://") for u in page.requests), page.requests
        assert p.locator("#panel img, #panel svg:not(.shape), #panel script, #results img, #results svg:not(.shape), "
                         "#tooltip img, #tooltip svg").count() == 0
        if source == "model":  # the payloads are shown literally, in the panel, the tooltip and the results
            for evil in INJECTIONS:
                assert any(evil in t for t in shown)
                assert any(evil in t for t in tips)
            assert INJECTIONS[0] + "0" in results
        else:
            assert any("`${alert(10)}`" in t for t in shown)
            assert any("evil<img src=x onerror=alert(7)>'`.txt" in t for t in shown)
    finally:
        page.close()


def test_html_browser_big_graph_opens_on_focused_view(browser, tmp_path):
    graph = synthetic_graph(3000)
    page = Page(browser, _write(graph, tmp_path, "big.html", max_nodes=500))
    try:
        # the cap counts what is drawn: articles come on top, behind their tick
        view = select_view(graph, max_nodes=500)
        arts = sum(graph.nodes[n].type == "Article" for n in view.nodes)
        assert page.js("KG.nodes.length") == 500 + arts
        assert len(page.js("KG.visibleNodeIds()")) == 500
        note = page.page.text_content("#view-note")
        assert f"{500 + arts} of 3000 nodes (500 drawn, {arts} Article" in note
        assert f"Left out: {2500 - arts} nodes" in note
        assert page.js("KG.network.physics.physicsEnabled") is False
        focus = select_view(graph, max_nodes=500).focus
        assert graph.nodes[focus].label in note
        assert page.js("KG.selected()") == [focus]
        assert page.errors == []
    finally:
        page.close()


def test_html_browser_article_filter_shows_provenance(browser, sample_graph, tmp_path):
    page = Page(browser, _write(sample_graph, tmp_path, "graph.html"))
    try:
        page.page.check("#show-node-Article")
        page.page.check("#show-edge-MENTIONS")
        page.wait("KG.network.physics.physicsEnabled === false", timeout=60)
        page.page.check("#show-unconnected")
        page.wait("KG.network.physics.physicsEnabled === false", timeout=60)
        assert sorted(page.js("KG.visibleNodeIds()")) == sorted(sample_graph.nodes)
        assert sorted(page.js("KG.visibleEdgeIds()")) == list(range(len(sample_graph.edges)))
        page.js("KG.select('Person:杨忠林')")
        panel = page.page.text_content("#panel-body")
        assert "Mentioned in" in panel
        assert page.errors == []
    finally:
        page.close()


@pytest.mark.parametrize("types", [(), ("Article",)], ids=["empty", "articles-only"])
def test_html_browser_page_with_nothing_to_draw_settles(browser, tmp_path, types):
    g = KnowledgeGraph()
    for i, t in enumerate(types):
        g.add_node(t, f"文章{i}", key=f"d.txt#{i}")
    page = Page(browser, _write(g, tmp_path, "empty.html"))
    try:
        assert page.js("KG.nodes.length") == len(g.nodes)
        assert page.errors == []
        if not types:
            assert page.page.text_content("#status") == "This graph has no nodes."
    finally:
        page.close()
