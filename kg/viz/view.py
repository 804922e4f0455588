"""What a graph page shows: the whole graph, or a focused part of it.

A page with tens of thousands of nodes is slow to lay out and impossible to
read, so above a size cap (``max_nodes``) a page shows a *view*: the
neighbourhood of one node, grown breadth-first (one ring of neighbours at a
time, the best-connected first when a ring does not fit) until the cap.
``MENTIONS`` edges (provenance: article → everything it names) are not
walked, or every article would pull in everything it mentions. The view
records what it left out, so the page can say so.

>>> from kg.model import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> a = g.add_node("Person", "刘伟")
>>> b = g.add_node("Organization", "北京市总工会")
>>> c = g.add_node("Region", "北京市")
>>> _ = g.add_edge(a, b, "HOLDS_POST", title="主席")
>>> _ = g.add_edge(b, c, "LOCATED_IN")
>>> v = select_view(g, focus="刘伟", depth=1)
>>> v.nodes, v.left_out_nodes
(['Organization:北京市总工会', 'Person:刘伟'], {'Region': 1})
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from kg.model import NODE_TYPES, Edge, GraphError, KnowledgeGraph

DEFAULT_MAX_NODES = 2000
NOT_WALKED = frozenset({"MENTIONS"})
# not drawn until ticked on the page: provenance (one node per article, one
# MENTIONS edge per name it contains) would bury the extracted facts
HIDDEN_NODE_TYPES = ("Article",)
HIDDEN_EDGE_TYPES = ("MENTIONS",)


class ViewError(GraphError):
    """A view that cannot be made (unknown focus, unknown type, bad cap)."""


@dataclass
class View:
    """The nodes and edges a page shows, and what it left out."""

    nodes: list[str]
    edges: list[Edge]
    total_nodes: int
    total_edges: int
    focus: str | None = None
    depth: int | None = None
    types: tuple[str, ...] | None = None
    max_nodes: int | None = None
    left_out_nodes: dict[str, int] = field(default_factory=dict)
    left_out_edges: dict[str, int] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.left_out_nodes and not self.left_out_edges

    def describe(self, graph: KnowledgeGraph) -> str:
        """One sentence for the page and the CLI: what this view shows."""
        if self.complete:
            return f"All {self.total_nodes} nodes and {self.total_edges} edges."
        hidden = sum(graph.nodes[n].type in HIDDEN_NODE_TYPES for n in self.nodes)
        drawn = len(self.nodes) - hidden
        parts = [f"{len(self.nodes)} of {self.total_nodes} nodes"
                 + (f" ({drawn} drawn, {hidden} {'/'.join(HIDDEN_NODE_TYPES)} behind its tick)"
                    if hidden else "")]
        if self.focus:
            node = graph.nodes[self.focus]
            ring = f"within {self.depth} step{'s' if self.depth != 1 else ''} of" \
                if self.depth is not None else "around"
            parts.append(f"{ring} {node.label} ({node.type})")
        if self.types:
            parts.append("types " + ", ".join(self.types))
        if self.max_nodes is not None and drawn >= self.max_nodes:
            parts.append(f"capped at {self.max_nodes} drawn")
        left = sum(self.left_out_nodes.values())
        lo = ", ".join(f"{t} {n}" for t, n in self.left_out_nodes.items())
        eo = sum(self.left_out_edges.values())
        return (f"Showing {'; '.join(parts)}. Left out: {left} nodes"
                + (f" ({lo})" if lo else "") + f" and {eo} edges.")


def drawn_at_first(graph: KnowledgeGraph, nodes: Iterable[str]) -> tuple[list[str], list[Edge]]:
    """What a page of ``nodes`` draws when it opens (``graph_page.js`` does
    the same): the edges but those of :data:`HIDDEN_EDGE_TYPES` and those
    touching a node of :data:`HIDDEN_NODE_TYPES`, and the nodes with such an
    edge. The page draws edges of one pair and type as one line.

    >>> g = KnowledgeGraph()
    >>> a, b = g.add_node("Person", "刘伟"), g.add_node("Organization", "北京市总工会")
    >>> _ = g.add_node("Concept", "劳模精神")
    >>> _ = g.add_edge(a, b, "HOLDS_POST", title="主席")
    >>> drawn_at_first(g, g.nodes)[0]
    ['Organization:北京市总工会', 'Person:刘伟']
    """
    chosen = set(nodes)
    shown = {n for n in chosen if graph.nodes[n].type not in HIDDEN_NODE_TYPES}
    edges = [e for e in graph.edges if e.type not in HIDDEN_EDGE_TYPES
             and e.source in shown and e.target in shown]
    return sorted({x for e in edges for x in (e.source, e.target)}), edges


def _norm(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def find_nodes(graph: KnowledgeGraph, name: str) -> list[str]:
    """Node ids named ``name``: an exact id, else a label, else an alias
    (spaces and full/half width ignored). Best matches only, sorted."""
    if name in graph.nodes:
        return [name]
    key = _norm(name)
    by_label = sorted(n.id for n in graph.nodes.values() if _norm(n.label) == key)
    if by_label:
        return by_label
    return sorted(n.id for n in graph.nodes.values() if any(_norm(a) == key for a in n.aliases))


def _resolve_focus(graph: KnowledgeGraph, name: str) -> str:
    found = find_nodes(graph, name)
    if len(found) == 1:
        return found[0]
    if found:
        raise ViewError(f"{name!r} names {len(found)} nodes; give one id: {', '.join(found[:10])}")
    key = _norm(name)
    near = sorted(n.label for n in graph.nodes.values() if key and key in _norm(n.label))
    hint = f"; did you mean: {', '.join(near[:10])}" if near else ""
    raise ViewError(f"no node named {name!r}{hint}")


def _check_types(types: Iterable[str] | None) -> tuple[str, ...] | None:
    if types is None:
        return None
    types = tuple(dict.fromkeys(types))
    bad = [t for t in types if t not in NODE_TYPES]
    if bad:
        raise ViewError(f"unknown node type {bad[0]!r}; known: {', '.join(NODE_TYPES)}")
    return types


def select_view(graph: KnowledgeGraph, *, focus: str | None = None, depth: int | None = None,
                types: Iterable[str] | None = None,
                max_nodes: int | None = DEFAULT_MAX_NODES) -> View:
    """Choose the nodes a page shows.

    With no focus and at most ``max_nodes`` drawn nodes (of ``types``, when
    given), everything. Otherwise a neighbourhood grown from ``focus`` (a
    label, alias or id; by default the best-connected node) out to ``depth``
    steps (unlimited by default), best-connected first, until ``max_nodes``;
    when that neighbourhood is exhausted before the cap and no focus or
    depth was asked for, the next best-connected node seeds the rest (a node
    with no drawn edge seeds nothing). The cap counts drawn nodes only:
    the nodes of :data:`HIDDEN_NODE_TYPES` (articles) come on top, those
    linked by a drawn edge type to a chosen node (the articles its people
    wrote), at most a quarter of the cap. Edges are those of the graph
    between chosen nodes.
    """
    if max_nodes is not None and max_nodes < 1:
        raise ViewError(f"max_nodes must be at least 1, not {max_nodes}")
    if depth is not None and depth < 0:
        raise ViewError(f"depth must be 0 or more, not {depth}")
    types = _check_types(types)
    all_edges = graph.edges
    allowed = {nid for nid, n in graph.nodes.items() if types is None or n.type in types}
    focus_id = _resolve_focus(graph, focus) if focus is not None else None
    if focus_id is not None and focus_id not in allowed:
        raise ViewError(f"focus {focus_id!r} is a {graph.nodes[focus_id].type}, "
                        f"not one of the types shown ({', '.join(types or ())})")
    # the walk and the cap are over what the page draws (and the focus asked for)
    drawn = {nid for nid in allowed if graph.nodes[nid].type not in HIDDEN_NODE_TYPES or nid == focus_id}
    adj: dict[str, list[str]] = {nid: [] for nid in drawn}
    for e in all_edges:
        if e.type in NOT_WALKED or e.source not in drawn or e.target not in drawn:
            continue
        if e.source != e.target:
            adj[e.source].append(e.target)
            adj[e.target].append(e.source)
    degree = {nid: len(v) for nid, v in adj.items()}
    rank = lambda nid: (-degree[nid], nid)  # noqa: E731

    cap = max_nodes if max_nodes is not None else len(drawn)
    hidden_cap = max(1, cap // 4) if max_nodes is not None else len(allowed)
    if focus_id is None and depth is None and len(drawn) <= cap and len(allowed) - len(drawn) <= hidden_cap:
        chosen = set(allowed)
    else:
        pad = focus_id is None and depth is None  # fill the cap from the best-connected
        if focus_id is None and drawn:
            focus_id = min(drawn, key=rank)
        seeds = ([focus_id] if focus_id else []) + \
            (sorted((n for n in drawn if degree[n]), key=rank) if pad else [])
        chosen = set()
        for seed in seeds:
            if len(chosen) >= cap:
                break
            if seed in chosen:
                continue
            ring, steps = [seed], 0
            while ring and len(chosen) < cap:
                ring = sorted(set(ring) - chosen, key=rank)[:cap - len(chosen)]
                chosen.update(ring)
                if depth is not None and steps >= depth:
                    break
                steps += 1
                ring = [m for nid in ring for m in adj[nid] if m not in chosen]
        chosen |= _attached_hidden(all_edges, allowed - drawn, chosen, hidden_cap)
    edges = [e for e in all_edges if e.source in chosen and e.target in chosen]
    left_nodes: dict[str, int] = {}
    for nid, n in graph.nodes.items():
        if nid not in chosen:
            left_nodes[n.type] = left_nodes.get(n.type, 0) + 1
    left_edges: dict[str, int] = {}
    for e in all_edges:
        if e.source not in chosen or e.target not in chosen:
            left_edges[e.type] = left_edges.get(e.type, 0) + 1
    order = {t: i for i, t in enumerate(NODE_TYPES)}
    return View(sorted(chosen), edges, len(graph.nodes), len(all_edges),
                focus=focus_id,
                depth=depth, types=types, max_nodes=max_nodes,
                left_out_nodes=dict(sorted(left_nodes.items(), key=lambda kv: order[kv[0]])),
                left_out_edges=dict(sorted(left_edges.items())))


def _attached_hidden(edges: list[Edge], hidden: set[str], chosen: set[str], budget: int) -> set[str]:
    """Of the ``hidden`` nodes, at most ``budget`` linked to ``chosen`` by a
    walked edge of ``edges`` (the graph's, made once: an article to its
    authors), the most linked first."""
    links: dict[str, int] = {}
    for e in edges:
        if e.type in NOT_WALKED:
            continue
        for a, b in ((e.source, e.target), (e.target, e.source)):
            if a in hidden and b in chosen:
                links[a] = links.get(a, 0) + 1
    return set(sorted(links, key=lambda n: (-links[n], n))[:budget])
