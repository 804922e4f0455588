"""The graph as Linked Data: W3C ORG, FOAF, SKOS, PROV-O, DCTERMS and Web
Annotation terms, a small project ontology, SHACL shapes and SPARQL.

- :mod:`kg.rdf.vocab`     namespaces (closed: a typo in a term is an error)
- :mod:`kg.rdf.iris`      the IRI scheme (stable, percent-encoded, under a base IRI)
- :mod:`kg.rdf.mapping`   :class:`~kg.model.KnowledgeGraph` → a stream of quads
- :mod:`kg.rdf.ntriples`  streaming N-Triples / N-Quads writer
- :mod:`kg.rdf.serialise` Turtle, TriG, JSON-LD (rdflib or pyoxigraph)
- :mod:`kg.rdf.query`     SPARQL over a file (rdflib) or a store (pyoxigraph)
- :mod:`kg.rdf.validate`  SHACL validation with pyshacl

Only :mod:`kg.model` and RDF libraries are imported here, never ``extract``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


class RdfError(ValueError):
    """A bad base IRI, query, binding or RDF file; the message says which."""


def data_path(name: str) -> Path:
    """A file shipped in ``kg/data`` (ontology, shapes, Wikidata table)."""
    return Path(str(files("kg") / "data" / name))
