"""Authorship in the graph: one AUTHORED edge per signed piece, and a
section of a piece (a column cut by the layout, stitched back by
``extract.articles``) is titled as its piece, never by its raw id.

On the sample, 杨忠林 signs two essays (000 and 003); the 000 essay is laid
out in three sections, the 003 one in two.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kg.build import build_graph

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def graph():
    g, _ = build_graph([ROOT / "corpus"])
    return g


def test_authorship_one_edge_per_signed_piece(graph):
    by_person = Counter(e.source for e in graph.edges if e.type == "AUTHORED")
    assert by_person["Person:杨忠林"] == 2
    targets = sorted(e.target for e in graph.edges if e.source == "Person:杨忠林" and e.type == "AUTHORED")
    assert targets == ["Article:000_7f6e878959a985ef.txt#1", "Article:003_ca27a343f16d3193.txt#18"]
    # no person authors two articles of one piece: each target is the piece's
    # signed article, which its evidence (the byline) lies in
    for e in graph.edges:
        if e.type == "AUTHORED":
            art = graph.nodes[e.target]
            (ev,) = e.evidence
            assert ev.article == art.id.split(":", 1)[1]
            assert art.attrs["start"] <= ev.start < art.attrs["end"], (e.source, art.id)
            assert graph.nodes[e.source].label in ev.sentence


def test_authorship_sections_take_their_piece_title(graph):
    raw = [n.id for n in graph.nodes.values() if n.type == "Article" and re.search(r"\.txt#\d+$", n.label)]
    assert raw == []
    essay = graph.nodes["Article:000_7f6e878959a985ef.txt#1"]
    assert essay.label.startswith("学习贯彻习近平总书记关于工人阶级和工会工作的重要论述")
    for section in ("#2", "#4"):
        node = graph.nodes[f"Article:000_7f6e878959a985ef.txt{section}"]
        assert node.label == essay.label and node.attrs["title"] == essay.attrs["title"]
