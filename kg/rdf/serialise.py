"""Turtle, TriG and JSON-LD from the N-Triples / N-Quads that
:mod:`kg.rdf.ntriples` streams out, by one of two engines:

- ``rdflib``: parses into an in-memory graph and uses rdflib's serialisers
  (pretty Turtle, subjects sorted); JSON-LD is then put in a canonical
  order (nodes by ``@id``, values sorted) so the bytes are stable.
- ``oxigraph``: pyoxigraph parses and re-serialises as a stream, in the
  input order (which :mod:`kg.rdf.mapping` fixes), in Rust.

Both give the same RDF (tests compare the graphs); the benchmark in
``docs/benchmarks-rdf.md`` measures them on a million triples, and
``choose_engine`` uses oxigraph above ``LARGE_GRAPH`` triples.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.rdf import RdfError
from kg.rdf.vocab import PREFIXES

ENGINES = ("auto", "rdflib", "oxigraph")
# above this many triples `auto` picks oxigraph (see docs/benchmarks-rdf.md)
LARGE_GRAPH = 20_000


def choose_engine(engine: str, n_triples: int) -> str:
    if engine not in ENGINES:
        raise RdfError(f"unknown RDF engine {engine!r}; known: {', '.join(ENGINES)}")
    if engine == "auto":
        return "oxigraph" if n_triples > LARGE_GRAPH else "rdflib"
    return engine


def data_prefixes(base: str) -> dict[str, str]:
    """Prefixes for the instance data under ``base`` (``person:`` …)."""
    segs = ("person", "organization", "region", "programme", "concept", "document", "event",
            "article", "source", "membership", "statement", "role")
    return {s: f"{base}{s}/" for s in segs}


def serialise(nt: Path, nq: Path, out_dir: Path, base: str, engine: str) -> list[str]:
    """Write ``graph.ttl``, ``graph.trig`` and ``graph.jsonld`` into ``out_dir``
    from the N-Triples file ``nt`` and the N-Quads file ``nq``."""
    prefixes = {**PREFIXES, **data_prefixes(base)}
    if engine == "oxigraph":
        _oxigraph(nt, nq, out_dir, prefixes)
    elif engine == "rdflib":
        _rdflib(nt, nq, out_dir, prefixes)
    else:
        raise RdfError(f"unknown RDF engine {engine!r}; known: rdflib, oxigraph")
    return ["graph.ttl", "graph.trig", "graph.jsonld"]


def _oxigraph(nt: Path, nq: Path, out_dir: Path, prefixes: dict[str, str]) -> None:
    """The files from our own N-Triples and N-Quads, parsed ``lenient``:
    without checking each IRI again (half the time of each file; same
    bytes). They need no check: :mod:`kg.rdf.iris` percent-encodes every
    piece of text under a base IRI it has checked, and
    :mod:`kg.rdf.ntriples` escapes every literal."""
    import pyoxigraph as ox

    ox.serialize(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES, lenient=True),
                 str(out_dir / "graph.ttl"), ox.RdfFormat.TURTLE, prefixes=prefixes)
    ox.serialize(ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS, lenient=True),
                 str(out_dir / "graph.trig"), ox.RdfFormat.TRIG, prefixes=prefixes)
    ox.serialize(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES, lenient=True),
                 str(out_dir / "graph.jsonld"), ox.RdfFormat.JSON_LD, prefixes=prefixes)


def _rdflib(nt: Path, nq: Path, out_dir: Path, prefixes: dict[str, str]) -> None:
    from rdflib import Dataset, Graph

    g = Graph(bind_namespaces="none")
    for p, ns in prefixes.items():
        g.bind(p, ns, override=True, replace=True)
    g.parse(str(nt), format="nt")
    g.serialize(destination=str(out_dir / "graph.ttl"), format="turtle")
    ctx = {p: ns for p, ns in sorted(prefixes.items())}
    doc = json.loads(g.serialize(format="json-ld", context=ctx, auto_compact=True))
    (out_dir / "graph.jsonld").write_text(canonical_jsonld(doc), encoding="utf-8")
    del g

    ds = Dataset(default_union=False)
    for p, ns in prefixes.items():
        ds.bind(p, ns, override=True, replace=True)
    ds.parse(str(nq), format="nquads")
    with (out_dir / "graph.trig").open("wb") as fh:
        _SortedTrigSerializer(ds).serialize(fh, encoding="utf-8")


def _trig_serializer():
    from rdflib.plugins.serializers.trig import TrigSerializer

    class SortedTrigSerializer(TrigSerializer):
        """rdflib's TriG writer with its graphs in a fixed order (the
        default graph first, then by name); within a graph rdflib already
        sorts subjects and predicates."""

        def __init__(self, store):
            super().__init__(store)
            default = self.default_context
            uniq = {c.identifier: c for c in self.contexts}
            self.contexts = sorted(uniq.values(),
                                   key=lambda c: (c.identifier != default, str(c.identifier)))

    return SortedTrigSerializer


def _SortedTrigSerializer(store):
    return _trig_serializer()(store)


def canonical_jsonld(doc: dict | list) -> str:
    """JSON-LD with its node objects sorted by ``@id`` and every array of
    values sorted: JSON-LD arrays (other than ``@list``) are unordered, so
    this changes no triple, only makes the bytes reproducible."""

    def norm(x, key=""):
        if isinstance(x, dict):
            return {k: norm(v, k) for k, v in sorted(x.items())}
        if isinstance(x, list):
            items = [norm(v) for v in x]
            if key == "@list":
                return items
            return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        return x

    if isinstance(doc, list):
        doc = {"@graph": doc}
    ctx = doc.get("@context")
    body = {k: norm(v, k) for k, v in doc.items() if k != "@context"}
    out = {"@context": ctx, **body} if ctx is not None else body
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"
