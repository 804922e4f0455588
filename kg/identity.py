"""One node per real person across documents.

The extractor qualifies a person who holds posts in a province's bodies with
that province (``Person:刘伟@北京市``). Across the corpus, a name held in
one province only is one person: the qualified node and the unqualified
mentions of the same name (a byline elsewhere, 刘伟 without a post) become
one node, ``Person:刘伟``. A name held in two provinces stays two people,
and its unqualified mentions stay apart, since the text does not say which.

>>> from kg.model import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> _ = g.add_node("Person", "刘伟", qualifier="北京市"); _ = g.add_node("Person", "刘伟")
>>> _ = g.add_node("Person", "李明", qualifier="安徽省"); _ = g.add_node("Person", "李明", qualifier="河北省")
>>> unify_people(g); sorted(g.nodes)
['Person:刘伟', 'Person:李明@安徽省', 'Person:李明@河北省']
"""

from __future__ import annotations

from collections import defaultdict

from kg.model import KnowledgeGraph, node_id


def unify_people(graph: KnowledgeGraph) -> None:
    qualified: dict[str, list[str]] = defaultdict(list)
    for nid, node in graph.nodes.items():
        if node.type == "Person" and nid != node_id("Person", node.label):
            qualified[node.label].append(nid)
    mapping = {ids[0]: node_id("Person", label) for label, ids in qualified.items() if len(ids) == 1}
    graph.merge_nodes(mapping)
