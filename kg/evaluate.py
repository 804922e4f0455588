"""Score a ``graph.json`` against gold annotations, as ``GRAPH.md`` says.

Gold entities of all documents are pooled per type and merged when they
share a name, ignoring aliases that belong to different entities in
different documents (省总工会). A predicted node matches a gold entity when
any of their names are equal after removing spaces, quotation marks, 《》 and
brackets and NFKC; Programme and Concept names also match by containment
when the shorter is at least half the longer. Matching is one to one
(maximum bipartite matching). An edge matches when its type and both ends
match; precision counts distinct predicted (source, target) pairs.

>>> norm_name("“安康杯” 竞赛")
'安康杯竞赛'
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

NODE_TYPES = ("Person", "Organization", "Region", "Programme", "Concept", "Document", "Event")
EDGE_TYPES = ("HOLDS_POST", "LOCATED_IN", "SUBORGANIZATION_OF", "RUNS", "PART_OF",
              "ADVOCATES", "ISSUED", "PARTICIPATED_IN")
CONTAINMENT_TYPES = ("Programme", "Concept")

_STRIP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】〔〕<>]")


def norm_name(name: str) -> str:
    return _STRIP.sub("", unicodedata.normalize("NFKC", name or ""))


def load_gold(path: Path | str) -> list[dict[str, Any]]:
    docs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: not a JSON line ({exc})") from exc
                if not isinstance(doc, dict):
                    raise ValueError(f"{path}:{n}: not a JSON object (a gold line is "
                                     '{"doc": …, "entities": […], "relations": […]})')
                if not isinstance(doc.get("doc"), str) or not doc["doc"]:
                    raise ValueError(f'{path}:{n}: no "doc" naming the document it annotates')
                docs.append(doc)
    if not docs:
        raise ValueError(f"{path}: no gold documents (one JSON object per line)")
    return docs


def read_graph_json(path: Path | str) -> dict[str, Any]:
    """A graph.json as a dict, or a one-line ValueError saying what is wrong
    with it (a folder, not JSON, not node-link JSON)."""
    path = Path(path)
    if path.is_dir():
        hint = f"; did you mean {path / 'graph.json'}?" if (path / "graph.json").is_file() else ""
        raise ValueError(f"{path}: a folder, not a graph.json{hint}")
    try:
        graph = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 JSON ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not JSON ({exc})") from exc
    if not isinstance(graph, dict) or not isinstance(graph.get("nodes"), list) \
            or not isinstance(graph.get("edges", graph.get("links", [])), list) \
            or not all(isinstance(n, dict) for n in graph["nodes"]):
        raise ValueError(f"{path}: not a node-link graph.json (an object with a list of nodes "
                         "and of edges), as kg build writes")
    return graph


class _Gold:
    """Pooled gold entities (clusters of names) and relations per type."""

    def __init__(self, docs: list[dict[str, Any]]) -> None:
        by_type: dict[str, list[tuple[str, dict]]] = defaultdict(list)
        for d in docs:
            for e in d.get("entities", []):
                by_type[e["type"]].append((d["doc"], e))
        self.clusters: dict[str, list[set[str]]] = {}
        self.lookup: dict[tuple[str, str], int] = {}  # (type, norm name) -> cluster
        for t, ents in by_type.items():
            owners: dict[str, set[str]] = defaultdict(set)
            for _, e in ents:
                for a in e.get("aliases", []):
                    owners[norm_name(a)].add(norm_name(e["label"]))
            ambiguous = {a for a, labels in owners.items() if len(labels) > 1}
            uf = nx.utils.UnionFind()
            names_of: list[set[str]] = []
            for _, e in ents:
                names = {norm_name(e["label"])} | {norm_name(a) for a in e.get("aliases", [])
                                                   if norm_name(a) not in ambiguous}
                names.discard("")
                names_of.append(names)
                first = next(iter(sorted(names)))
                for nm in names:
                    uf.union(first, nm)
            groups: dict[str, set[str]] = defaultdict(set)
            for names in names_of:
                for nm in names:
                    groups[uf[nm]].add(nm)
            self.clusters[t] = [groups[k] for k in sorted(groups)]
            for i, names in enumerate(self.clusters[t]):
                for nm in names:
                    self.lookup[(t, nm)] = i
        self.edges: dict[str, set[tuple]] = defaultdict(set)
        self.titles: dict[tuple, set[str]] = defaultdict(set)
        for d in docs:
            types = {norm_name(e["label"]): e["type"] for e in d.get("entities", [])}
            for r in d.get("relations", []):
                s, t = norm_name(r["source"]), norm_name(r["target"])
                ends = []
                for nm in (s, t):
                    ty = types.get(nm) or next((ty for (ty, n) in self.lookup if n == nm), None)
                    ends.append((ty, self.lookup.get((ty, nm))) if ty else None)
                if None in ends or any(c is None for _, c in ends):
                    continue
                key = (ends[0], ends[1])
                self.edges[r["type"]].add(key)
                if r["type"] == "HOLDS_POST" and r.get("title"):
                    self.titles[key].add(norm_name(r["title"]))


def _match_nodes(gold: _Gold, t: str, preds: list[dict]) -> dict[str, int]:
    clusters = gold.clusters.get(t, [])
    g = nx.Graph()
    pred_names = {p["id"]: {norm_name(n) for n in [p.get("label", "")] + list(p.get("aliases") or [])} - {""}
                  for p in preds}
    # insertion in sorted order: the matching found must not depend on hashing
    for pid in sorted(pred_names):
        g.add_node(("p", pid))
        for nm in sorted(pred_names[pid]):
            c = gold.lookup.get((t, nm))
            if c is not None:
                g.add_edge(("p", pid), ("g", c))
    matching = nx.bipartite.hopcroft_karp_matching(g, top_nodes=[("p", pid) for pid in sorted(pred_names)]) \
        if g.number_of_edges() else {}
    out = {k[1]: v[1] for k, v in matching.items() if k[0] == "p"}
    if t in CONTAINMENT_TYPES:
        used = set(out.values())
        g2 = nx.Graph()
        for pid in sorted(pred_names):
            names = pred_names[pid]
            if pid in out:
                continue
            for ci, gnames in enumerate(clusters):
                if ci in used:
                    continue
                if any(_contains(a, b) for a in sorted(names) for b in sorted(gnames)):
                    g2.add_edge(("p", pid), ("g", ci))
        if g2.number_of_edges():
            tops = sorted(n for n in g2 if n[0] == "p")
            for k, v in nx.bipartite.hopcroft_karp_matching(g2, top_nodes=tops).items():
                if k[0] == "p":
                    out[k[1]] = v[1]
    return out


def _contains(a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and short in long_ and 2 * len(short) >= len(long_)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(gold_docs: list[dict[str, Any]], graph: dict[str, Any]) -> dict[str, Any]:
    """Scores per node type and edge type, and HOLDS_POST title accuracy."""
    gold = _Gold(gold_docs)
    nodes = graph.get("nodes", [])
    edges = graph.get("edges", graph.get("links", []))
    by_type: dict[str, list[dict]] = defaultdict(list)
    for n in nodes:
        by_type[n.get("type", "")].append(n)
    node_scores: dict[str, Any] = {}
    mapped: dict[str, tuple[str, int]] = {}
    for t in NODE_TYPES:
        m = _match_nodes(gold, t, by_type.get(t, []))
        for pid, c in m.items():
            mapped[pid] = (t, c)
        node_scores[t] = _prf(len(m), len(by_type.get(t, [])), len(gold.clusters.get(t, [])))
    edge_scores: dict[str, Any] = {}
    pred_titles: dict[tuple, set[str]] = defaultdict(set)
    for t in EDGE_TYPES:
        pairs = {(e["source"], e["target"]) for e in edges if e.get("type") == t}
        gold_pairs = gold.edges.get(t, set())
        hit: set[tuple] = set()
        for s, o in pairs:
            key = (mapped.get(s), mapped.get(o))
            if None not in key and key in gold_pairs and key not in hit:
                hit.add(key)
        if t == "HOLDS_POST":
            for e in edges:
                if e.get("type") == t:
                    key = (mapped.get(e["source"]), mapped.get(e["target"]))
                    if key in hit:
                        pred_titles[key].add(norm_name(e.get("title", "")))
        edge_scores[t] = _prf(len(hit), len(pairs), len(gold_pairs))
    correct = sum(1 for k, ts in pred_titles.items() if ts and ts <= gold.titles.get(k, set()))
    title_acc = round(correct / len(pred_titles), 4) if pred_titles else 0.0
    return {"nodes": node_scores, "edges": edge_scores,
            "holds_post_title_accuracy": title_acc}


def format_table(scores: dict[str, Any]) -> str:
    lines = [f"{'type':<20}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}"]
    for section in ("nodes", "edges"):
        for t, s in scores[section].items():
            lines.append(f"{t:<20}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                         f"{s['tp']:>6}{s['pred']:>6}{s['gold']:>6}")
    lines.append(f"HOLDS_POST title accuracy: {scores['holds_post_title_accuracy']:.3f}")
    return "\n".join(lines)
