"""One document's extraction result into the graph, in two steps.

:func:`prepare` turns a :class:`~extract.records.DocumentResult` into a
:class:`Prepared` document: its entities (one per resolved entity, not per
mention, with the surfaces, aliases and node attributes of all its
mentions), the entities each article names, and its facts with their
evidence sentences already cut from the text. It needs no graph, so a worker
process does it, and what crosses to the building process is a fifth of the
result's size: no text, no mention-by-mention lists. :func:`merge` adds a
prepared document to the graph in the building process, the one serial step
of a parallel build. The same two steps run whatever extracts the documents
(here, worker processes, a Dask cluster, the cache), so the graph is the
same.

>>> from extract.corpus import SourceText
>>> from extract.pipeline import extract
>>> from kg.model import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> merge(g, prepare(extract(SourceText("d.txt", None, "北京市总工会主席刘伟。", "utf-8"))))
>>> sorted(n.label for n in g.nodes.values() if n.type == "Person")
['刘伟']
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.records import Article, DocumentResult
from kg.model import Evidence, KnowledgeGraph

# attributes of a mention that become node attributes; the rest is the
# extractor's working state
NODE_ATTRS = ("kind", "level", "code", "division")
# the node attribute listing, sorted, the rules of all the mentions that made
# the node (``kg eval --by-rule`` reads it); merged across documents
RULES = "rules"

# the prepared form is what the result cache keeps: a change to this module
# must not read old entries, so its source is part of the cache's version
FORMAT = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]


@dataclass
class Prepared:
    """A document ready to merge. Entities, articles and evidence are listed
    once and referred to by their position in these lists."""

    doc: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    # (key, label, start, end, date, title) of each article
    articles: list[tuple[str, str, int, int, str, str]] = field(default_factory=list)
    # (type, label, qualifier, aliases, node attributes) of each entity
    entities: list[tuple[str, str, str, tuple[str, ...], dict[str, Any]]] = field(default_factory=list)
    # (article, entities it names)
    named: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)
    # (sentence text, start, end, article key) of each evidence
    evidence: list[tuple[str, int, int, str]] = field(default_factory=list)
    # (source entity, target, type, evidence, edge attributes); target is an
    # article for AUTHORED, an entity otherwise
    edges: list[tuple[int, int, str, int, tuple[tuple[str, Any], ...]]] = field(default_factory=list)


class _Evidence:
    """The evidence list of one document: the sentence (or sentences)
    covering a span, each (span, article) listed once."""

    def __init__(self, result: DocumentResult) -> None:
        self.text = result.text
        self.sents = result.sentences
        self.starts = [s for s, _ in result.sentences]
        self.index: dict[tuple[int, int, str], int] = {}
        self.rows: list[tuple[str, int, int, str]] = []

    def __call__(self, start: int, end: int, article: str) -> int:
        sents, starts = self.sents, self.starts
        i = max(0, bisect.bisect_right(starts, start) - 1)
        j = max(i, bisect.bisect_right(starts, max(start, end - 1)) - 1)
        s, e = (sents[i][0], sents[j][1]) if sents else (start, end)
        s, e = min(s, start), max(e, end)
        n = self.index.get((s, e, article))
        if n is None:
            n = self.index[(s, e, article)] = len(self.rows)
            self.rows.append((self.text[s:e], s, e, article))
        return n


def _piece(art: Article, by_id: dict[str, Article]) -> Article:
    """The article a section belongs to: ``continues`` followed to its end
    (the section itself when it continues nothing).

    >>> a, b = Article("d#1", "d", 0, 5, title="题"), Article("d#2", "d", 5, 9, continues="d#1")
    >>> _piece(b, {"d#1": a, "d#2": b}).title
    '题'
    """
    seen = {art.id}
    while art.continues and art.continues in by_id and art.continues not in seen:
        art = by_id[art.continues]
        seen.add(art.id)
    return art


def prepare(result: DocumentResult) -> Prepared:
    """The merge-ready form of ``result`` (see the module's docstring)."""
    arts = result.articles
    out = Prepared(result.doc, result.encoding, list(result.warnings))
    by_id = {a.id: a for a in arts}
    piece = [_piece(a, by_id) for a in arts]
    # a section of a piece (``continues``) without a title of its own takes
    # the piece's, not its raw id
    out.articles = [(a.id, (a.title or p.title) or a.id, a.start, a.end, a.date, a.title or p.title)
                    for a, p in zip(arts, piece)]
    starts = [a.start for a in arts]

    def article_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    # one entity per (type, label, qualifier): its surfaces, aliases and the
    # rules that found it gathered, and of each attribute the first value given
    index: dict[tuple[str, str, str], int] = {}
    gathered: list[tuple[set[str], dict[str, Any], set[str]]] = []
    named: list[set[int]] = [set() for _ in arts]
    for m in result.mentions:
        key = (m.type, m.label, m.qualifier)  # m.key, without the property call
        n = index.get(key)
        if n is None:
            n = index[key] = len(gathered)
            gathered.append((set(), {}, set()))
        aliases, attrs, rules = gathered[n]
        if not m.implied:
            aliases.add(m.surface)
        if m.rule:
            rules.add(m.rule)
        if m.aliases:
            aliases.update(m.aliases)
        for k, v in m.node_attrs:
            if k in NODE_ATTRS and v is not None and v != "" and k not in attrs:
                attrs[k] = v
        if arts:
            named[article_of(m.start)].add(n)
    out.entities = [(*key, tuple(sorted(aliases)), {**attrs, RULES: sorted(rules)} if rules else attrs)
                    for key, (aliases, attrs, rules) in zip(index, gathered)]
    out.named = [(a, tuple(sorted(ns))) for a, ns in enumerate(named) if ns]

    evidence = _Evidence(result)
    for f in result.facts:
        src, tgt = index.get(f.source), index.get(f.target)
        if src is None or tgt is None:
            continue
        article = f.article or (arts[article_of(f.start)].id if arts else "")
        out.edges.append((src, tgt, f.type, evidence(f.start, f.end, article), f.attrs))
    # one AUTHORED edge per signed piece, to the article that carries its
    # byline: the sections it continues in are the same piece
    for a, art in enumerate(arts):
        if not art.byline:
            continue
        for key in art.authors:
            if key in index:
                ev = evidence(art.byline[0], art.byline[1], art.id)
                out.edges.append((index[key], a, "AUTHORED", ev, ()))
    out.evidence = evidence.rows
    return out


def merge(graph: KnowledgeGraph, doc: Prepared) -> None:
    """Add a prepared document's articles, entities and facts to ``graph``."""
    name = doc.doc
    docs = [name]
    article_ids = [graph.add_node("Article", label, key=key, docs=docs, doc=name, start=start, end=end,
                                  date=date or None, title=title or None)
                   for key, label, start, end, date, title in doc.articles]
    add_node, nodes = graph.add_node, graph.nodes
    ids = []
    for type_, label, qualifier, aliases, attrs in doc.entities:
        nid = add_node(type_, label, qualifier=qualifier, docs=docs, aliases=aliases, **attrs)
        rules = attrs.get(RULES)
        if rules:
            node_attrs = nodes[nid].attrs
            if node_attrs[RULES] is not rules and not set(rules) <= set(node_attrs[RULES]):
                node_attrs[RULES] = sorted(set(node_attrs[RULES]) | set(rules))
        ids.append(nid)
    for a, named in doc.named:
        graph.add_mentions(article_ids[a], [ids[n] for n in named])
    evidence = [Evidence(name, text, s, e, article) for text, s, e, article in doc.evidence]
    for src, tgt, type_, ev, attrs in doc.edges:
        target = article_ids[tgt] if type_ == "AUTHORED" else ids[tgt]
        graph.add_edge(ids[src], target, type_, evidence=[evidence[ev]], **dict(attrs))
