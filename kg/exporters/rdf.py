"""``graph.ttl``: the graph as RDF (Turtle), a first cut on standard terms.

Nodes become resources under a base IRI (their id percent-encoded), typed by
a project class; labels are ``rdfs:label`` with ``@zh``; each edge is a
triple, and HOLDS_POST also an ``org:Membership`` carrying the title.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, ORG, RDF, RDFS, SKOS

from kg.model import KnowledgeGraph

DEFAULT_BASE = "https://w3id.org/union-kg/"


def iri(base: str, node_id: str) -> URIRef:
    return URIRef(base + "id/" + quote(node_id, safe=""))


def to_rdf(graph: KnowledgeGraph, base: str = DEFAULT_BASE) -> Graph:
    KG = Namespace(base + "ontology#")
    g = Graph()
    g.bind("kg", KG)
    g.bind("org", ORG)
    g.bind("foaf", FOAF)
    g.bind("skos", SKOS)
    for n in graph.nodes.values():
        s = iri(base, n.id)
        g.add((s, RDF.type, KG[n.type]))
        if n.type == "Person":
            g.add((s, RDF.type, FOAF.Person))
        elif n.type == "Organization":
            g.add((s, RDF.type, ORG.Organization))
        elif n.type == "Concept":
            g.add((s, RDF.type, SKOS.Concept))
        g.add((s, RDFS.label, Literal(n.label, lang="zh")))
        for a in sorted(n.aliases):
            g.add((s, SKOS.altLabel, Literal(a, lang="zh")))
    for i, e in enumerate(graph.edges):
        s, o = iri(base, e.source), iri(base, e.target)
        g.add((s, KG[e.type.lower()], o))
        if e.type == "HOLDS_POST":
            m = URIRef(f"{base}membership/{i}")
            g.add((m, RDF.type, ORG.Membership))
            g.add((m, ORG.member, s))
            g.add((m, ORG.organization, o))
            if "title" in e.attrs:
                g.add((m, ORG.role, Literal(e.attrs["title"], lang="zh")))
    return g


def write(graph: KnowledgeGraph, out_dir: Path, options: dict[str, Any] | None = None) -> list[str]:
    base = (options or {}).get("base_iri", DEFAULT_BASE)
    to_rdf(graph, base).serialize(destination=str(Path(out_dir) / "graph.ttl"), format="turtle")
    return ["graph.ttl"]
