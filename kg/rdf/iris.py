"""The IRI scheme: every resource lives under one base IRI, and every piece
of corpus text in an IRI is percent-encoded (UTF-8, RFC 3986: only
``A–Z a–z 0–9 - . _ ~`` stay as they are), so an IRI never carries a quote,
bracket, space or newline, whatever the text.

=====================================  ==========================================
``{base}person/{label}``               a node (``person``, ``organization``,
                                       ``region``, ``programme``, ``concept``,
                                       ``document``, ``event``, ``article``),
                                       keyed by its node id after ``Type:``
``{base}source/{file}``                a corpus file
``{base}source/{file}/chars/{s}-{e}``  an evidence sentence: ``[s, e)`` of its
                                       normalised text (``#position``,
                                       ``#quote``: its two selectors)
``{base}membership/{digest}``          one org:Membership per HOLDS_POST edge
``{base}statement/{digest}``           the reified statement of any other fact
``{base}role/{title}``                 an org:Role (a post title)
``{base}scheme/concepts``, ``…/roles``  the SKOS concept schemes
``{base}graph/{file}``                 the TriG named graph of one document
=====================================  ==========================================

Digests are SHA-256 of the edge's identity (ends, type, title, date,
former), so an IRI depends on the fact alone, not on what else the corpus
holds: the same input gives the same IRIs on every run.

>>> Iris("https://example.org/kg/").node("Person:刘伟")
rdflib.term.URIRef('https://example.org/kg/person/%E5%88%98%E4%BC%9F')
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, unquote

from rdflib import URIRef

from kg.model import NODE_TYPES, Edge
from kg.rdf import RdfError

DEFAULT_BASE = "https://w3id.org/union-kg/"

# an absolute IRI with a scheme, ending in / or #, and none of the characters
# that an IRI may not contain (RFC 3987) or that would need escaping
_BASE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x1f\x7f]*[/#]$")

SEGMENTS = {t: t.lower() for t in NODE_TYPES}


def check_base(base: str) -> str:
    if not _BASE_RE.match(base or ""):
        raise RdfError(f"base IRI {base!r} must be an absolute IRI ending in '/' or '#', "
                       "without spaces, quotes or angle brackets "
                       f"(for example {DEFAULT_BASE})")
    return base


def enc(text: str) -> str:
    """Percent-encode any text for one IRI path segment."""
    return quote(text, safe="")


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


class Iris:
    """IRI factory for one base IRI. Each IRI is made once and remembered
    (an export asks for the same node, document and graph IRIs hundreds of
    thousands of times; percent-encoding was a third of the RDF stage), so
    the same text gives the same :class:`~rdflib.URIRef` object.

    >>> iris = Iris(); iris.graph("a b.txt") is iris.graph("a b.txt")
    True
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)
        self._nodes: dict[str, URIRef] = {}
        self._sources: dict[str, URIRef] = {}
        self._graphs: dict[str, URIRef] = {}
        self._evidence: dict[tuple[str, int, int], URIRef] = {}
        self._roles: dict[str, URIRef] = {}

    def node(self, node_id: str) -> URIRef:
        iri = self._nodes.get(node_id)
        if iri is None:
            type_, sep, key = node_id.partition(":")
            if not sep or type_ not in SEGMENTS:
                raise RdfError(f"node id {node_id!r} does not start with a known type; "
                               f"known: {', '.join(NODE_TYPES)}")
            iri = self._nodes[node_id] = URIRef(f"{self.base}{SEGMENTS[type_]}/{enc(key)}")
        return iri

    def source(self, doc: str) -> URIRef:
        iri = self._sources.get(doc)
        if iri is None:
            iri = self._sources[doc] = URIRef(f"{self.base}source/{enc(doc)}")
        return iri

    def evidence(self, doc: str, start: int, end: int) -> URIRef:
        key = (doc, start, end)
        iri = self._evidence.get(key)
        if iri is None:
            iri = self._evidence[key] = URIRef(f"{self.source(doc)}/chars/{int(start)}-{int(end)}")
        return iri

    def graph(self, doc: str) -> URIRef:
        iri = self._graphs.get(doc)
        if iri is None:
            iri = self._graphs[doc] = URIRef(f"{self.base}graph/{enc(doc)}")
        return iri

    def role(self, title: str) -> URIRef:
        iri = self._roles.get(title)
        if iri is None:
            iri = self._roles[title] = URIRef(f"{self.base}role/{enc(title)}")
        return iri

    def scheme(self, name: str) -> URIRef:
        return URIRef(f"{self.base}scheme/{name}")

    def fact(self, edge: Edge) -> URIRef:
        kind = "membership" if edge.type == "HOLDS_POST" else "statement"
        return URIRef(f"{self.base}{kind}/{digest(*map(str, _flat(edge.identity)))}")

    def node_id(self, iri: str) -> str:
        """The node id an IRI from :meth:`node` was made from (its inverse)."""
        if not iri.startswith(self.base):
            raise RdfError(f"{iri} is not under {self.base}")
        seg, _, key = iri[len(self.base):].partition("/")
        for type_, s in SEGMENTS.items():
            if s == seg:
                return f"{type_}:{unquote(key)}"
        raise RdfError(f"{iri} is not a node IRI")


def _flat(t: tuple) -> list:
    out: list = []
    for x in t:
        out.extend(_flat(x) if isinstance(x, tuple) else [x])
    return out
