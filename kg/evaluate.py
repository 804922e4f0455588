"""Score a ``graph.json`` against gold annotations, as ``docs/graph.md`` says.

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
                ordered = sorted(names)
                for nm in ordered[1:]:
                    uf.union(ordered[0], nm)
            groups: dict[str, set[str]] = defaultdict(set)
            for names in names_of:
                for nm in names:
                    groups[uf[nm]].add(nm)
            # clusters in the order of their least name: not of the union-find's
            # roots, which follow set order, so hashing would change the matching
            self.clusters[t] = sorted(groups.values(), key=min)
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
    pred_names = {p["id"]: {norm_name(n) for n in [p.get("label", "")] + list(p.get("aliases") or [])} - {""}
                  for p in preds}
    adj = {pid: sorted({c for nm in pred_names[pid] if (c := gold.lookup.get((t, nm))) is not None})
           for pid in pred_names}
    out = _matching({pid: cs for pid, cs in adj.items() if cs})
    if t in CONTAINMENT_TYPES:
        used = set(out.values())
        adj2 = {}
        for pid in sorted(pred_names):
            if pid in out:
                continue
            names = pred_names[pid]
            cs = [ci for ci, gnames in enumerate(clusters) if ci not in used
                  and any(_contains(a, b) for a in names for b in gnames)]
            if cs:
                adj2[pid] = cs
        out.update(_matching(adj2))
    return out


def _matching(adj: dict[str, list[int]]) -> dict[str, int]:
    """A maximum one-to-one matching of predicted ids to gold clusters
    (augmenting paths, Kuhn's algorithm), found in the order of the ids and
    of their candidates, so that ties always fall the same way (networkx's
    matchings walk sets, whose order changes with string hashing).

    >>> _matching({"a": [0, 1], "b": [0]})
    {'a': 1, 'b': 0}
    """
    owner: dict[int, str] = {}  # cluster -> predicted id
    for root in sorted(adj):
        if not adj[root]:
            continue
        # depth-first search for an augmenting path from ``root``
        parent: dict[int, tuple[str, int | None]] = {}  # cluster -> (id reaching it, cluster that id held)
        stack: list[tuple[str, int | None, int]] = [(root, None, 0)]  # (id, cluster it holds, next candidate)
        found = None
        while stack and found is None:
            pid, held, i = stack[-1]
            cands = adj[pid]
            if i >= len(cands):
                stack.pop()
                continue
            stack[-1] = (pid, held, i + 1)
            c = cands[i]
            if c in parent:
                continue
            parent[c] = (pid, held)
            if c not in owner:
                found = c
            else:
                stack.append((owner[c], c, 0))
        c = found
        while c is not None:  # flip the path
            pid, held = parent[c]
            owner[c] = pid
            c = held
    return {pid: c for c, pid in sorted(owner.items(), key=lambda kv: kv[1])}


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


NO_RULE = "(none)"


def by_rule(gold_docs: list[dict[str, Any]], graph: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """Precision per node type and per rule that found the nodes: a node
    counts once under each rule in its ``rules`` attribute (``kg build``
    lists there the rules of the mentions that made it; a node without it
    counts under ``(none)``), and is a true positive when it matches a gold
    entity as :func:`evaluate` matches it. Rules are listed by type, then
    by number predicted (most first), then by name.

    >>> gold = [{"doc": "d", "entities": [{"type": "Programme", "label": "安康杯竞赛"}]}]
    >>> graph = {"nodes": [{"id": "Programme:安康杯竞赛", "type": "Programme", "label": "安康杯竞赛",
    ...                     "rules": ["quoted-head", "recurrence"]},
    ...                    {"id": "Programme:劳动竞赛", "type": "Programme", "label": "劳动竞赛",
    ...                     "rules": ["verb-head"]}]}
    >>> by_rule(gold, graph)["Programme"]["verb-head"]
    {'pred': 1, 'tp': 0, 'precision': 0.0}
    """
    gold = _Gold(gold_docs)
    by_type: dict[str, list[dict]] = defaultdict(list)
    for n in graph.get("nodes", []):
        by_type[n.get("type", "")].append(n)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for t in NODE_TYPES:
        preds = by_type.get(t, [])
        if not preds:
            continue
        matched = _match_nodes(gold, t, preds)
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for n in preds:
            for rule in sorted(set(n.get("rules") or [NO_RULE])):
                c = counts[rule]
                c[0] += 1
                c[1] += n["id"] in matched
        out[t] = {rule: {"pred": p, "tp": tp, "precision": round(tp / p, 4)}
                  for rule, (p, tp) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))}
    return out


def format_by_rule(rows: dict[str, dict[str, dict[str, Any]]]) -> str:
    """The per-rule table: type, rule, predicted, true positives, precision."""
    lines = [f"{'type':<14}{'rule':<30}{'pred':>6}{'tp':>6}{'P':>8}"]
    for t, rules in rows.items():
        for rule, s in rules.items():
            lines.append(f"{t:<14}{rule:<30}{s['pred']:>6}{s['tp']:>6}{s['precision']:>8.3f}")
    return "\n".join(lines)


def format_table(scores: dict[str, Any]) -> str:
    lines = [f"{'type':<20}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}"]
    for section in ("nodes", "edges"):
        for t, s in scores[section].items():
            lines.append(f"{t:<20}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                         f"{s['tp']:>6}{s['pred']:>6}{s['gold']:>6}")
    lines.append(f"HOLDS_POST title accuracy: {scores['holds_post_title_accuracy']:.3f}")
    return "\n".join(lines)
