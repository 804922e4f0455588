"""The graph model: bare MENTIONS edges are kept compactly but behave as
edges everywhere (order, counts, merging, round trip through graph.json)."""

from kg.model import Evidence, KnowledgeGraph


def _graph():
    g = KnowledgeGraph()
    a1 = g.add_node("Article", "天津工会", key="003.txt#2")
    a2 = g.add_node("Article", "辽宁工会", key="003.txt#1")
    p = g.add_node("Person", "杨忠林", qualifier="辽宁省")
    o = g.add_node("Organization", "辽宁省总工会")
    for art in (a1, a2):
        g.add_edge(art, p, "MENTIONS")
        g.add_edge(art, o, "MENTIONS")
    g.add_edge(p, o, "HOLDS_POST", title="主席",
               evidence=[Evidence("003.txt", "省总工会主席杨忠林", 0, 9, "003.txt#1")])
    return g, a1, a2, p, o


def test_model_mentions_iterate_in_identity_order_with_the_other_edges():
    g, *_ = _graph()
    keys = [(e.source, e.target, e.type) for e in g.iter_edges()]
    assert keys == sorted(keys)
    assert len(keys) == 5 and keys.count(("Article:003.txt#1", "Person:杨忠林@辽宁省", "MENTIONS")) == 1
    assert g.counts()[1] == {"HOLDS_POST": 1, "MENTIONS": 4}


def test_model_mentions_follow_merged_nodes_and_sealed_articles_take_more():
    g, a1, a2, p, o = _graph()
    g.seal_mentions()
    q = g.add_node("Person", "杨忠林")
    g.add_edge(a1, q, "MENTIONS")  # a sealed article names one more
    g.merge_nodes({p: q})
    assert {(e.source, e.target) for e in g.edges_of("MENTIONS")} == {
        (a1, q), (a1, o), (a2, q), (a2, o)}
    assert g.counts()[1]["MENTIONS"] == 4


def test_model_mention_with_evidence_is_one_edge_with_its_evidence():
    g, a1, a2, p, o = _graph()
    ev = Evidence("003.txt", "杨忠林", 5, 8, "003.txt#2")
    g.add_edge(a1, p, "MENTIONS", evidence=[ev])
    ms = [e for e in g.iter_edges() if e.type == "MENTIONS" and e.source == a1 and e.target == p]
    assert len(ms) == 1 and ms[0].evidence == {ev}
    assert g.counts()[1]["MENTIONS"] == 4


def test_model_graph_json_round_trip_keeps_every_mention():
    g, *_ = _graph()
    again = KnowledgeGraph.from_node_link(g.to_node_link())
    assert again.to_json() == g.to_json()
