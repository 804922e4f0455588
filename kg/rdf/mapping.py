"""From a :class:`~kg.model.KnowledgeGraph` to RDF: a deterministic stream of
statements, each triple once, with the named graphs it belongs to.

What a node and an edge become (see ``docs/rdf.md`` for the full table):

- Person → ``foaf:Person``; Organization → ``org:Organization`` (and
  ``org:FormalOrganization`` plus ``ukg:TradeUnion``, ``ukg:Legislature`` …
  by kind; ``ukg:unionLevel`` for unions); Region → ``ukg:Region`` with its
  code and ``owl:sameAs`` its Wikidata item; Concept → ``skos:Concept`` in a
  ``skos:ConceptScheme``; Article → ``ukg:Article`` with DCTERMS title, date,
  creator and source. Every node has ``rdfs:label`` ``@zh`` and its aliases
  as ``skos:altLabel``.
- HOLDS_POST → ``org:memberOf`` and one ``org:Membership`` (member,
  organization, ``org:role``, dates, ``ukg:former``); every other edge → its
  direct triple and an ``rdf:Statement`` reifying it. The membership or
  statement is ``prov:wasDerivedFrom`` its article(s) and ``ukg:hasEvidence``
  its sentence(s): a Web Annotation ``oa:SpecificResource`` of the source
  document, with an ``oa:TextPositionSelector`` (offsets) and an
  ``oa:TextQuoteSelector`` (the sentence).
- MENTIONS → ``schema:mentions`` from the article.

Named graphs (for TriG): what was read in a document goes into that
document's graph (its articles, the facts it evidences, their evidence);
descriptions of entities, roles and schemes go into the default graph. The
union of all graphs is what Turtle, N-Triples and JSON-LD hold.

Nodes are visited in id order and edges in identity order, and every set is
sorted, so the stream is the same on every run; no blank nodes are made.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from typing import Any, Iterable, Iterator, NamedTuple

from rdflib import Literal, URIRef
from rdflib.term import Node as Term

from kg.model import EVIDENCE_ORDER, Edge, Evidence, KnowledgeGraph, Node
from kg.rdf import data_path
from kg.rdf.iris import Iris
from kg.rdf import vocab
from kg.rdf.vocab import DIVISION, ORG_KIND_CLASS, UNION_LEVEL, WD

Triple = tuple[Term, Term, Term]


class Statement(NamedTuple):
    """One triple and the named graphs holding it (empty: the default graph).
    A named tuple: an export makes one per triple, and a frozen dataclass
    costs twice as much to make."""

    s: Term
    p: Term
    o: Term
    graphs: tuple[URIRef, ...] = ()

    @property
    def triple(self) -> Triple:
        return (self.s, self.p, self.o)


class _Terms:
    """An rdflib namespace whose terms, once looked up, are plain attributes:
    ``RDF.type`` on the namespace itself runs its ``__getattr__`` (1 to 4
    µs) at every use, and the mapping uses a few terms per statement. The
    first look-up goes to the namespace, so a closed one still rejects a
    misspelt term.

    >>> _Terms(vocab.RDF).type is vocab.RDF.type
    True
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


DCTERMS, FOAF, OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, TIME, UKG, XSD = map(_Terms, (
    vocab.DCTERMS, vocab.FOAF, vocab.OA, vocab.ORG, vocab.OWL, vocab.PROV, vocab.RDF, vocab.RDFS,
    vocab.SCHEMA, vocab.SKOS, vocab.TIME, vocab.UKG, vocab.XSD))


NODE_CLASSES = {
    "Person": (FOAF.Person,),
    "Organization": (ORG.Organization,),
    "Region": (UKG.Region,),
    "Programme": (UKG.Programme,),
    "Concept": (SKOS.Concept,),
    "Document": (UKG.Document,),
    "Event": (UKG.Event,),
    "Article": (UKG.Article, PROV.Entity),
}

# edge type -> (predicate, direction): +1 source→target, -1 target→source
EDGE_PREDICATES = {
    "LOCATED_IN": (UKG.locatedIn, 1),
    "SUBORGANIZATION_OF": (ORG.subOrganizationOf, 1),
    "RUNS": (UKG.runs, 1),
    "PART_OF": (UKG.partOf, 1),
    "ADVOCATES": (UKG.advocates, 1),
    "ISSUED": (UKG.issued, 1),
    "PARTICIPATED_IN": (UKG.participatedIn, 1),
    "AUTHORED": (DCTERMS.creator, -1),   # the article dcterms:creator the person
    "HOLDS_POST": (ORG.memberOf, 1),
    "MENTIONS": (SCHEMA.mentions, 1),
}

_DATE_TYPES = ((re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date, TIME.inXSDDate),
               (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth, TIME.inXSDgYearMonth),
               (re.compile(r"^\d{4}$"), XSD.gYear, TIME.inXSDgYear))
_ADMIN_CODE = re.compile(r"^\d{12}$")


@lru_cache(maxsize=1)
def wikidata_regions() -> dict[str, str]:
    """12-digit admin code -> Wikidata QID, from ``kg/data/wikidata_provinces.tsv``."""
    out: dict[str, str] = {}
    with data_path("wikidata_provinces.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if row and row[0] != "code":
                out[row[0]] = row[2]
    return out


def date_literal(value: str) -> tuple[Literal, URIRef] | None:
    """An ISO date (``2018-10-29``, ``2018-10`` or ``2018``) as a typed literal
    and the OWL-Time property for it; None for anything else."""
    for pattern, datatype, time_prop in _DATE_TYPES:
        if pattern.match(value or ""):
            return Literal(value, datatype=datatype), time_prop
    return None


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


@lru_cache(maxsize=1 << 16)
def offset(n: int) -> Literal:
    """An evidence offset as an ``xsd:nonNegativeInteger`` literal (made
    once per value: rdflib takes some 8 µs to make one, two per evidence).

    >>> offset(12)
    rdflib.term.Literal('12', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#nonNegativeInteger'))
    """
    return Literal(n, datatype=vocab.XSD.nonNegativeInteger)


class _Mapper:
    def __init__(self, graph: KnowledgeGraph, iris: Iris) -> None:
        self.kg = graph
        self.iris = iris
        self.seen_sources: set[str] = set()
        self.seen_evidence: set[tuple[str, int, int]] = set()
        self.seen_quoted: set[tuple[str, int, int, str]] = set()
        self.seen_roles: set[str] = set()
        self.seen_direct: set[Triple] = set()
        self.direct_graphs: dict[Triple, set[URIRef]] = {}

    def plan(self, edges: Iterable[Edge]) -> None:
        """Collect the graphs of direct triples shared by several facts."""
        edges = [e for e in edges if e.type != "MENTIONS"]
        count: dict[Triple, int] = {}
        for e in edges:
            key = self._direct(e)
            count[key] = count.get(key, 0) + 1
        for e in edges:
            key = self._direct(e)
            if count[key] > 1:
                gs = self.direct_graphs.setdefault(key, set())
                gs.update(self.iris.graph(ev.doc) for ev in e.evidence)
                if not e.evidence and e.type == "AUTHORED":
                    art = self.kg.nodes.get(e.target)
                    if art is not None and art.attrs.get("doc"):
                        gs.add(self.iris.graph(art.attrs["doc"]))

    def _direct(self, e: Edge) -> Triple:
        pred, direction = EDGE_PREDICATES[e.type]
        src, tgt = self.iris.node(e.source), self.iris.node(e.target)
        return (src, pred, tgt) if direction > 0 else (tgt, pred, src)

    # -- nodes -------------------------------------------------------------
    def node(self, n: Node) -> Iterator[Statement]:
        s = self.iris.node(n.id)
        g: tuple[URIRef, ...] = ()
        if n.type == "Article":
            doc = n.attrs.get("doc") or (sorted(n.docs)[0] if n.docs else "")
            g = (self.iris.graph(doc),) if doc else ()
            yield from self.source(doc, g)
        for cls in NODE_CLASSES[n.type]:
            yield Statement(s, RDF.type, cls, g)
        if n.type == "Organization":
            kind_cls = ORG_KIND_CLASS.get(n.attrs.get("kind", ""))
            if kind_cls is not None:
                yield Statement(s, RDF.type, ORG.FormalOrganization, g)
                yield Statement(s, RDF.type, kind_cls, g)
            level = UNION_LEVEL.get(n.attrs.get("level", ""))
            if level is not None:
                yield Statement(s, UKG.unionLevel, level, g)
        yield Statement(s, RDFS.label, zh(n.label), g)
        for alias in sorted(n.aliases - {n.label}):
            yield Statement(s, SKOS.altLabel, zh(alias), g)
        if n.type == "Person":
            yield Statement(s, FOAF.name, zh(n.label), g)
        elif n.type == "Concept":
            yield Statement(s, SKOS.prefLabel, zh(n.label), g)
            yield Statement(s, SKOS.inScheme, self.iris.scheme("concepts"), g)
        elif n.type == "Region":
            code = str(n.attrs.get("code", ""))
            if _ADMIN_CODE.match(code):
                yield Statement(s, UKG.adminCode, Literal(code), g)
                qid = wikidata_regions().get(code)
                if qid:
                    yield Statement(s, OWL.sameAs, WD[qid], g)
            division = DIVISION.get(n.attrs.get("division", ""))
            if division is not None:
                yield Statement(s, UKG.division, division, g)
        elif n.type == "Article":
            doc = n.attrs.get("doc", "")
            yield Statement(s, DCTERMS.identifier, Literal(n.id.partition(":")[2]), g)
            if n.attrs.get("title"):
                yield Statement(s, DCTERMS.title, zh(n.attrs["title"]), g)
            dated = date_literal(str(n.attrs.get("date", "")))
            if dated:
                yield Statement(s, DCTERMS.date, dated[0], g)
            if doc:
                yield Statement(s, DCTERMS.source, self.iris.source(doc), g)

    def source(self, doc: str, g: tuple[URIRef, ...]) -> Iterator[Statement]:
        if not doc or doc in self.seen_sources:
            return
        self.seen_sources.add(doc)
        s = self.iris.source(doc)
        yield Statement(s, RDF.type, UKG.SourceDocument, g)
        yield Statement(s, RDF.type, PROV.Entity, g)
        yield Statement(s, DCTERMS.identifier, Literal(doc), g)
        yield Statement(s, RDFS.label, Literal(doc), g)

    def schemes(self) -> Iterator[Statement]:
        for name, label in (("concepts", "概念"), ("roles", "职务")):
            s = self.iris.scheme(name)
            yield Statement(s, RDF.type, SKOS.ConceptScheme)
            yield Statement(s, SKOS.prefLabel, zh(label))
            yield Statement(s, RDFS.label, zh(label))

    # -- edges -------------------------------------------------------------
    def article_iri(self, ev: Evidence) -> URIRef | None:
        return self.iris.node(f"Article:{ev.article}") if ev.article else None

    def edge(self, e: Edge) -> Iterator[Statement]:
        pred, direction = EDGE_PREDICATES[e.type]
        src, tgt = self.iris.node(e.source), self.iris.node(e.target)
        s, o = (src, tgt) if direction > 0 else (tgt, src)
        if e.type == "MENTIONS":
            art = self.kg.nodes.get(e.source)
            doc = art.attrs.get("doc", "") if art is not None else ""
            yield Statement(s, pred, o, (self.iris.graph(doc),) if doc else ())
            return
        evidence = sorted(e.evidence, key=EVIDENCE_ORDER)
        docs = sorted({ev.doc for ev in evidence})
        # where the fact was read: its evidence; a byline-less AUTHORED edge
        # is read from the article itself
        derived: list[tuple[URIRef, str]] = []
        for ev in evidence:
            art = self.article_iri(ev)
            if art is not None:
                derived.append((art, ev.doc))
        if not evidence and e.type == "AUTHORED":
            art_node = self.kg.nodes.get(e.target)
            doc = art_node.attrs.get("doc", "") if art_node is not None else ""
            derived.append((tgt, doc))
            docs = [doc] if doc else []
        graphs = tuple(self.iris.graph(d) for d in docs)
        fact = self.iris.fact(e)
        # two facts may share their direct triple (two titles in one body):
        # it is written once, in the graphs of both
        direct = (s, pred, o)
        if direct not in self.seen_direct:
            self.seen_direct.add(direct)
            yield Statement(s, pred, o, tuple(sorted(self.direct_graphs.get(direct, graphs))))
        if e.type == "HOLDS_POST":
            yield from self.membership(e, fact, src, tgt, graphs, evidence)
        else:
            yield Statement(fact, RDF.type, RDF.Statement, graphs)
            yield Statement(fact, RDF.subject, s, graphs)
            yield Statement(fact, RDF.predicate, pred, graphs)
            yield Statement(fact, RDF.object, o, graphs)
        for art, doc in sorted(set(derived)):
            yield Statement(fact, PROV.wasDerivedFrom, art, (self.iris.graph(doc),) if doc else ())
        for ev in evidence:
            ev_iri = self.iris.evidence(ev.doc, ev.start, ev.end)
            yield Statement(fact, UKG.hasEvidence, ev_iri, (self.iris.graph(ev.doc),))
        for ev in evidence:
            yield from self.evidence(ev)

    def membership(self, e: Edge, m: URIRef, person: URIRef, body: URIRef,
                   graphs: tuple[URIRef, ...], evidence: list[Evidence]) -> Iterator[Statement]:
        yield Statement(m, RDF.type, ORG.Membership, graphs)
        yield Statement(m, ORG.member, person, graphs)
        yield Statement(m, ORG.organization, body, graphs)
        title = str(e.attrs.get("title", "")).strip()
        if title:
            role = self.iris.role(title)
            yield Statement(m, ORG.role, role, graphs)
            if title not in self.seen_roles:
                self.seen_roles.add(title)
                yield Statement(role, RDF.type, ORG.Role)
                yield Statement(role, RDF.type, SKOS.Concept)
                yield Statement(role, SKOS.prefLabel, zh(title))
                yield Statement(role, RDFS.label, zh(title))
                yield Statement(role, SKOS.inScheme, self.iris.scheme("roles"))
        if e.attrs.get("former"):
            yield Statement(m, UKG.former, Literal(True), graphs)
        # dated where the source is: the edge's own date, else its articles'
        dates: dict[str, set[URIRef]] = {}
        if e.attrs.get("date"):
            dates.setdefault(str(e.attrs["date"]), set()).update(graphs)
        else:
            for ev in evidence:
                art = self.kg.nodes.get(f"Article:{ev.article}") if ev.article else None
                if art is not None and art.attrs.get("date"):
                    dates.setdefault(str(art.attrs["date"]), set()).add(self.iris.graph(ev.doc))
        dated = {d: (date_literal(d), tuple(sorted(gs))) for d, gs in dates.items()}
        dated = {d: v for d, v in sorted(dated.items()) if v[0] is not None}
        if dated:
            during = URIRef(f"{m}#during")
            all_graphs = tuple(sorted({g for _, gs in dated.values() for g in gs}))
            yield Statement(m, ORG.memberDuring, during, all_graphs)
            yield Statement(during, RDF.type, TIME.ProperInterval, all_graphs)
            for d, ((lit, time_prop), gs) in dated.items():
                instant = URIRef(f"{m}#{d}")
                yield Statement(m, DCTERMS.date, lit, gs)
                yield Statement(during, TIME.inside, instant, gs)
                yield Statement(instant, RDF.type, TIME.Instant, gs)
                yield Statement(instant, time_prop, lit, gs)

    def evidence(self, ev: Evidence) -> Iterator[Statement]:
        g = (self.iris.graph(ev.doc),)
        s = self.iris.evidence(ev.doc, ev.start, ev.end)
        key = (ev.doc, ev.start, ev.end)
        if key not in self.seen_evidence:
            self.seen_evidence.add(key)
            yield from self.source(ev.doc, g)
            pos, quote = URIRef(f"{s}#position"), URIRef(f"{s}#quote")
            yield Statement(s, RDF.type, UKG.Evidence, g)
            yield Statement(s, RDF.type, OA.SpecificResource, g)
            yield Statement(s, OA.hasSource, self.iris.source(ev.doc), g)
            yield Statement(s, OA.hasSelector, pos, g)
            yield Statement(s, OA.hasSelector, quote, g)
            yield Statement(pos, RDF.type, OA.TextPositionSelector, g)
            yield Statement(pos, OA.start, offset(ev.start), g)
            yield Statement(pos, OA.end, offset(ev.end), g)
            yield Statement(quote, RDF.type, OA.TextQuoteSelector, g)
            yield Statement(quote, OA.exact, zh(ev.sentence), g)
        art = self.article_iri(ev)
        if art is not None and key + (ev.article,) not in self.seen_quoted:
            self.seen_quoted.add(key + (ev.article,))
            yield Statement(s, PROV.wasQuotedFrom, art, g)


def statements(graph: KnowledgeGraph, iris: Iris | None = None) -> Iterator[Statement]:
    """Every statement of the graph, each triple exactly once, in a fixed order."""
    m = _Mapper(graph, iris or Iris())
    m.plan(graph.iter_edges())
    yield from m.schemes()
    for nid in sorted(graph.nodes):
        yield from m.node(graph.nodes[nid])
    for e in graph.iter_edges():
        yield from m.edge(e)


def triples(graph: KnowledgeGraph, iris: Iris | None = None) -> Iterator[Triple]:
    for st in statements(graph, iris):
        yield st.triple


def quads(graph: KnowledgeGraph, iris: Iris | None = None) -> Iterator[tuple[Term, Term, Term, URIRef | None]]:
    """(s, p, o, g) with g None for the default graph; a triple in several
    documents' graphs appears once per graph."""
    for st in statements(graph, iris):
        if not st.graphs:
            yield (st.s, st.p, st.o, None)
        for g in st.graphs:
            yield (st.s, st.p, st.o, g)
