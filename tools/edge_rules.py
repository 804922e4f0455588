"""Precision of each relation rule: which rules earn their keep.

Usage: python tools/edge_rules.py TEXTS_DIR GOLD.jsonl GRAPH.json [EDGE_TYPE ...]

``kg eval --by-rule`` scores the node rules from graph.json; edges carry no
rule there. This re-reads the texts (the same extraction ``kg build`` ran
for GRAPH.json, so build it first from TEXTS_DIR), notes which rule stated
each (type, source, target), and counts a graph edge as a true positive the
way ``kg eval`` matches it. An edge stated by two rules counts under both.
It prints a table only, so it may be run on ``check/``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

from extract.corpus import discover, read_source
from extract.pipeline import extract
from kg.evaluate import _Gold, _match_nodes, load_gold

NODE_TYPES = ("Person", "Organization", "Region", "Programme", "Concept", "Document", "Event")


def main(texts: str, gold_path: str, graph_path: str, *types: str) -> None:
    gold = _Gold(load_gold(gold_path))
    graph = json.load(open(graph_path, encoding="utf-8"))
    mapped: dict[str, tuple[str, int]] = {}
    for t in NODE_TYPES:
        preds = [n for n in graph["nodes"] if n["type"] == t]
        mapped.update({k: (t, v) for k, v in _match_nodes(gold, t, preds).items()})
    label = {n["id"]: n["label"] for n in graph["nodes"]}
    edges = {(e["type"], label[e["source"]], label[e["target"]]): (e["source"], e["target"])
             for e in graph["edges"] if e["type"].isupper() and e["type"] != "MENTIONS"}
    rules: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for cf in discover([texts]):
        for f in extract(read_source(cf)).facts:
            rules[(f.type, f.source[1], f.target[1])].add(f.rule or "(none)")
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for key, (s, o) in sorted(edges.items()):
        if types and key[0] not in types:
            continue
        tp = (mapped.get(s), mapped.get(o)) in gold.edges.get(key[0], set())
        for r in sorted(rules.get(key) or {"(unknown)"}):
            c = counts[(key[0], r)]
            c[0] += 1
            c[1] += tp
    print(f"{'type':<20}{'rule':<30}{'pred':>6}{'tp':>6}{'P':>8}")
    for (t, r), (p, tp) in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1][0], kv[0][1])):
        print(f"{t:<20}{r:<30}{p:>6}{tp:>6}{tp / p:>8.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
