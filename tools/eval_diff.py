"""Show what the graph misses and adds against the gold, per node type.

Usage: python tools/eval_diff.py tests/seeds.jsonl output/graph.json Organization [EDGE_TYPE ...]
A development aid for reading errors; `kg eval` gives the figures.
"""

import json
import sys

from kg.evaluate import _Gold, _match_nodes, load_gold


def main(gold_path: str, graph_path: str, *types: str) -> None:
    gold = _Gold(load_gold(gold_path))
    graph = json.load(open(graph_path, encoding="utf-8"))
    mapped = {}
    for t in ("Person", "Organization", "Region", "Programme", "Concept", "Document", "Event"):
        preds = [n for n in graph["nodes"] if n["type"] == t]
        m = _match_nodes(gold, t, preds)
        mapped.update({k: (t, v) for k, v in m.items()})
        if t in types:
            fp = sorted(n["label"] for n in preds if n["id"] not in m)
            hit = set(m.values())
            fn = sorted(sorted(c)[0] for i, c in enumerate(gold.clusters.get(t, [])) if i not in hit)
            print(f"== {t}\n  FP: {fp}\n  FN: {fn}")
    label = {}
    for t, cl in gold.clusters.items():
        for i, c in enumerate(cl):
            label[(t, i)] = sorted(c, key=len)[-1]
    for et in types:
        if et.isupper():
            pairs = {(e["source"], e["target"]) for e in graph["edges"] if e["type"] == et}
            keys = {(mapped.get(s), mapped.get(o)): (s, o) for s, o in pairs}
            gp = gold.edges.get(et, set())
            print(f"== {et}")
            print("  FP:", sorted(f"{s}->{o}" for k, (s, o) in keys.items() if k not in gp))
            print("  FN:", sorted(f"{label.get(a)}->{label.get(b)}" for a, b in gp if (a, b) not in keys))


if __name__ == "__main__":
    main(*sys.argv[1:])
