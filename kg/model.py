"""The graph model every exporter reads: nodes, edges, evidence.

Standard library only: the extractor's results are turned into this model by
:mod:`kg.build`, and every backend or exporter (node-link JSON, RDF, GraphML,
HTML, database CSVs) reads it, usually through ``graph.json``.

The serialised form (written and read by :mod:`kg.exporters.node_link`) is
NetworkX node-link JSON of a directed multigraph, as
the contract (``docs/graph.md``) asks::

    {"directed": true, "multigraph": true, "graph": {...},
     "nodes": [{"id": "Person:刘伟", "type": "Person", "label": "刘伟",
                "aliases": ["刘 伟"], "docs": ["003_….txt"]}, ...],
     "edges": [{"source": "Person:刘伟", "target": "Organization:北京市总工会",
                "key": 0, "type": "HOLDS_POST", "title": "主席",
                "evidence": [{"doc": "003_….txt", "sentence": "…",
                              "start": 12, "end": 40}]}, ...]}

Every list is sorted and every key written in a fixed order, so the same
corpus always gives the same bytes.

>>> g = KnowledgeGraph()
>>> a = g.add_node("Person", "刘伟", aliases=["刘 伟"])
>>> b = g.add_node("Organization", "北京市总工会", kind="union", level="provincial")
>>> _ = g.add_edge(a, b, "HOLDS_POST", title="主席",
...            evidence=[Evidence("d.txt", "刘伟主席", 0, 4)])
>>> g.to_node_link()["edges"][0]["title"]
'主席'
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, Iterable, Iterator

NODE_TYPES = ("Person", "Organization", "Region", "Programme", "Concept",
              "Document", "Event", "Article")
EDGE_TYPES = ("HOLDS_POST", "LOCATED_IN", "SUBORGANIZATION_OF", "RUNS", "PART_OF",
              "ADVOCATES", "ISSUED", "PARTICIPATED_IN", "AUTHORED", "MENTIONS")

# Edge attributes that make two edges between the same nodes distinct facts.
EDGE_IDENTITY = ("title", "date", "former")
# the identity of a bare MENTIONS edge (no attributes) after its two ends
_MENTION_TAIL = ("MENTIONS",) + ("",) * len(EDGE_IDENTITY)


class GraphError(ValueError):
    """A graph that breaks the contract (unknown type, dangling edge, bad file)."""


@dataclass(frozen=True, order=True, slots=True)
class Evidence:
    """Where a fact was read: half-open ``[start, end)`` into the normalised
    text of ``doc``, covering ``sentence`` exactly."""

    doc: str
    sentence: str
    start: int
    end: int
    article: str = ""

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise GraphError(f"evidence span [{self.start}, {self.end}) is not a valid span")
        if self.end - self.start != len(self.sentence):
            raise GraphError(f"evidence span [{self.start}, {self.end}) does not fit "
                             f"its sentence of {len(self.sentence)} characters")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"doc": self.doc, "sentence": self.sentence,
                             "start": self.start, "end": self.end}
        if self.article:
            d["article"] = self.article
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Evidence":
        return cls(d["doc"], d["sentence"], int(d["start"]), int(d["end"]), d.get("article", ""))


# Evidence's own order (its fields in turn, as order=True compares them),
# as a key: sorting by it skips the generated __lt__
EVIDENCE_ORDER = attrgetter("doc", "sentence", "start", "end", "article")


@dataclass(slots=True)
class Node:
    id: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    attrs: dict[str, Any] = field(default_factory=dict)
    docs: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "type": self.type, "label": self.label,
                             "aliases": sorted(self.aliases - {self.label})}
        for k in sorted(self.attrs):
            d[k] = self.attrs[k]
        if self.docs:
            d["docs"] = sorted(self.docs)
        return d


# the evidence of an edge that has none (MENTIONS): one shared empty set, not
# one empty set per edge, which was half the memory of a large graph
_NO_EVIDENCE: frozenset = frozenset()


@dataclass(slots=True)
class Edge:
    source: str
    target: str
    type: str
    attrs: dict[str, Any] = field(default_factory=dict)
    evidence: set[Evidence] | frozenset = _NO_EVIDENCE

    @property
    def identity(self) -> tuple:
        attrs = self.attrs
        return (self.source, self.target, self.type,
                *(str(attrs.get(k, "")) for k in EDGE_IDENTITY))

    def to_dict(self, key: int) -> dict[str, Any]:
        d: dict[str, Any] = {"source": self.source, "target": self.target, "key": key,
                             "type": self.type}
        for k in sorted(self.attrs):
            d[k] = self.attrs[k]
        if self.type != "MENTIONS" or self.evidence:
            d["evidence"] = [e.to_dict() for e in sorted(self.evidence, key=EVIDENCE_ORDER)]
        return d


def node_id(type_: str, label: str, qualifier: str = "") -> str:
    """The stable id of a node: its type and label, and a qualifier where two
    real things share a label (two people called 刘伟 in two provinces).

    >>> node_id("Person", "刘伟", "北京市")
    'Person:刘伟@北京市'
    """
    if type_ not in NODE_TYPES:
        raise GraphError(f"unknown node type {type_!r}; known: {', '.join(NODE_TYPES)}")
    return f"{type_}:{label}" + (f"@{qualifier}" if qualifier else "")


class KnowledgeGraph:
    """Nodes keyed by id and edges keyed by their identity; adding the same
    fact twice merges aliases, documents and evidence.

    Bare ``MENTIONS`` edges (no evidence, no attributes: an article naming an
    entity) are most of a large graph's edges, so they are kept compactly, as
    the ids each article names (a sorted tuple once the article is read:
    :meth:`add_mentions`, :meth:`seal_mentions`; a set while edges are added
    one by one), and made into
    :class:`Edge` objects only while the edges are iterated; everything else
    sees them as edges.

    >>> g = KnowledgeGraph()
    >>> art, p = g.add_node("Article", "a", key="d.txt#1"), g.add_node("Person", "刘伟")
    >>> _ = g.add_edge(art, p, "MENTIONS"); _ = g.add_edge(art, p, "MENTIONS")
    >>> [(e.source, e.target, e.type) for e in g.iter_edges()]
    [('Article:d.txt#1', 'Person:刘伟', 'MENTIONS')]
    """

    def __init__(self, meta: dict[str, Any] | None = None) -> None:
        self.nodes: dict[str, Node] = {}
        self._edges: dict[tuple, Edge] = {}
        # bare MENTIONS edges: article id -> ids of the nodes it names
        self._mentions: dict[str, set[str] | tuple[str, ...]] = {}
        self.meta: dict[str, Any] = dict(meta or {})

    # -- building ---------------------------------------------------------
    def add_node(self, type_: str, label: str, *, qualifier: str = "", key: str = "",
                 aliases: Iterable[str] = (), docs: Iterable[str] = (),
                 **attrs: Any) -> str:
        """Add (or merge into) the node ``type_:label`` (``type_:key`` when a
        key is given, as for articles, whose titles need not be unique)."""
        nid = node_id(type_, key or label, qualifier)
        node = self.nodes.get(nid)
        if node is None:
            node = self.nodes[nid] = Node(nid, type_, label)
        node.aliases.update(a for a in aliases if a and a != label)
        node.docs.update(docs)
        for k, v in attrs.items():
            if v is not None and v != "" and k not in node.attrs:
                node.attrs[k] = v
        return node.id  # the stored string, so that edges share it

    def add_edge(self, source: str, target: str, type_: str, *,
                 evidence: Iterable[Evidence] = (), **attrs: Any) -> Edge:
        if type_ not in EDGE_TYPES:
            raise GraphError(f"unknown edge type {type_!r}; known: {', '.join(EDGE_TYPES)}")
        for end in (source, target):
            if end not in self.nodes:
                raise GraphError(f"edge {type_} refers to unknown node {end!r}")
        attrs = {k: v for k, v in attrs.items() if v is not None and v != "" and v is not False}
        evidence = tuple(evidence)
        if type_ == "MENTIONS" and not attrs and not evidence:
            # kept compactly; a MENTIONS edge with evidence of the same identity,
            # if any, is in _edges and shadows this one (see iter_edges)
            targets = self._mentions.get(source)
            if targets is None:
                self._mentions[source] = {target}
            elif isinstance(targets, set):
                targets.add(target)
            elif target not in targets:  # a sealed article named again
                self._mentions[source] = {*targets, target}
            return Edge(source, target, type_)
        edge = Edge(source, target, type_, attrs)
        key = edge.identity
        found = self._edges.get(key)
        if found is None:
            found = self._edges[key] = edge
        if evidence:
            if not isinstance(found.evidence, set):
                found.evidence = set(found.evidence)
            found.evidence.update(evidence)
        return found

    def add_mentions(self, article: str, targets: Iterable[str]) -> None:
        """Bare MENTIONS edges from ``article`` to each of ``targets`` (repeats
        allowed), kept sealed as a sorted tuple: an article read at once.

        >>> g = KnowledgeGraph()
        >>> a, p = g.add_node("Article", "a", key="d#1"), g.add_node("Person", "刘伟")
        >>> g.add_mentions(a, [p, p]); g.counts()[1]
        {'MENTIONS': 1}
        """
        targets = set(targets)
        for end in (article, *targets):
            if end not in self.nodes:
                raise GraphError(f"edge MENTIONS refers to unknown node {end!r}")
        have = self._mentions.get(article)
        if have:
            targets.update(have)
        self._mentions[article] = tuple(sorted(targets))

    @property
    def edges(self) -> list[Edge]:
        """Every edge, in identity order (see :meth:`iter_edges`)."""
        return list(self.iter_edges())

    def iter_edges(self) -> Iterator[Edge]:
        """Every edge in identity order (source, target, type, then the
        identity attributes), one at a time: a bare MENTIONS edge is made
        here and dropped once the caller is done with it. The edges are
        taken a source at a time, bare mentions and the other edges merged
        only for a source that has both (rarely: an article's edges are
        its mentions)."""
        edges = self._edges
        full = itertools.groupby(sorted(edges), key=itemgetter(0))
        bare = iter(sorted(self._mentions))
        f, b = next(full, None), next(bare, None)
        while f is not None or b is not None:
            if b is None or (f is not None and f[0] < b):
                for k in f[1]:
                    yield edges[k]
                f = next(full, None)
            elif f is None or b < f[0]:
                for tgt in self._named(b):
                    yield Edge(b, tgt, "MENTIONS")
                b = next(bare, None)
            else:
                keyed = ((k, edges[k]) for k in f[1])
                for _, e in heapq.merge(keyed, self._bare_mentions(b), key=itemgetter(0)):
                    yield e
                f, b = next(full, None), next(bare, None)

    def keyed_edges(self) -> Iterator[tuple[int, Edge]]:
        """Every edge with its multigraph key (0, 1, … among the edges between
        the same two nodes), in :meth:`iter_edges` order; those edges are
        consecutive there, so nothing is remembered but the last pair."""
        last, k = None, 0
        for e in self.iter_edges():
            pair = (e.source, e.target)
            k = k + 1 if pair == last else 0
            last = pair
            yield k, e

    def _named(self, src: str) -> Iterable[str]:
        """The ids the article ``src`` names, in order."""
        targets = self._mentions[src]
        return targets if isinstance(targets, tuple) else sorted(targets)

    def _bare_mentions(self, src: str) -> Iterator[tuple[tuple, Edge]]:
        """The bare MENTIONS edges of ``src`` with their identity, in order,
        but those an edge with evidence of the same identity stands for."""
        edges = self._edges
        for tgt in self._named(src):
            key = (src, tgt, *_MENTION_TAIL)
            if key not in edges:
                yield key, Edge(src, tgt, "MENTIONS")

    def edges_of(self, type_: str) -> Iterator[Edge]:
        if type_ == "MENTIONS":
            return (e for e in self.iter_edges() if e.type == type_)
        return (self._edges[k] for k in sorted(k for k in self._edges if k[2] == type_))

    def seal_mentions(self, sources: Iterable[str] | None = None) -> None:
        """Keep what each of ``sources`` (every article: ``None``) names as a
        sorted tuple, a fifth of a set's memory; call it once an article has
        been read (naming more later still works)."""
        for src in self._mentions if sources is None else sources:
            targets = self._mentions.get(src)
            if isinstance(targets, set):
                self._mentions[src] = tuple(sorted(targets))

    def merge_nodes(self, mapping: dict[str, str]) -> None:
        """Merge each node ``old`` into ``mapping[old]`` (renaming where the
        target does not exist yet), carrying aliases, documents, attributes
        and every edge; one pass over the edges whatever the mapping's size.

        >>> g = KnowledgeGraph()
        >>> a = g.add_node("Person", "刘伟", qualifier="北京市")
        >>> g.merge_nodes({a: "Person:刘伟"})
        >>> sorted(g.nodes)
        ['Person:刘伟']
        """
        if not mapping:
            return
        for old, new in mapping.items():
            node = self.nodes.pop(old, None)
            if node is None:
                continue
            target = self.nodes.get(new)
            if target is None:
                node.id = new
                self.nodes[new] = node
                continue
            target.aliases |= node.aliases
            target.docs |= node.docs
            for k, v in node.attrs.items():
                target.attrs.setdefault(k, v)
        mentions, self._mentions = self._mentions, {}
        for src, targets in mentions.items():
            new = mapping.get(src, src)
            if new == src and new not in self._mentions and not any(t in mapping for t in targets):
                self._mentions[src] = targets  # untouched: kept as it is
                continue
            merged = set(self._mentions.get(new, ()))
            merged.update(mapping.get(t, t) for t in targets)
            self._mentions[new] = tuple(sorted(merged))
        edges, self._edges = list(self._edges.values()), {}
        for e in edges:
            e.source = mapping.get(e.source, e.source)
            e.target = mapping.get(e.target, e.target)
            found = self._edges.get(e.identity)
            if found is None:
                self._edges[e.identity] = e
            else:
                found.evidence = set(found.evidence) | set(e.evidence)

    # -- node-link JSON: read and written by kg.exporters.node_link ----------
    def to_node_link(self) -> dict[str, Any]:
        """:func:`kg.exporters.node_link.to_data` of this graph."""
        from kg.exporters import node_link

        return node_link.to_data(self)

    @classmethod
    def from_node_link(cls, data: dict[str, Any]) -> "KnowledgeGraph":
        """:func:`kg.exporters.node_link.from_data`."""
        from kg.exporters import node_link

        return node_link.from_data(data)

    def to_json(self) -> str:
        """:func:`kg.exporters.node_link.dumps` of this graph."""
        from kg.exporters import node_link

        return node_link.dumps(self)

    @classmethod
    def load(cls, path: str | Path) -> "KnowledgeGraph":
        """Read a ``graph.json`` written by ``kg build``
        (:func:`kg.exporters.node_link.read`)."""
        from kg.exporters import node_link

        return node_link.read(path)

    # -- summaries -------------------------------------------------------------
    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        nodes: dict[str, int] = {}
        for n in self.nodes.values():
            nodes[n.type] = nodes.get(n.type, 0) + 1
        edges: dict[str, int] = {}
        for e in self._edges.values():
            edges[e.type] = edges.get(e.type, 0) + 1
        bare = sum(len(ts) for ts in self._mentions.values())
        bare -= sum(1 for k in self._edges if k[2:] == _MENTION_TAIL and k[1] in self._mentions.get(k[0], ()))
        if bare:
            edges["MENTIONS"] = edges.get("MENTIONS", 0) + bare
        return dict(sorted(nodes.items())), dict(sorted(edges.items()))
