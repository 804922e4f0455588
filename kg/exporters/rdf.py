"""The graph as RDF: ``graph.nt``, ``graph.ttl``, ``graph.jsonld`` (the whole
graph) and ``graph.trig`` (one named graph per source document), plus
``ontology.ttl``, the project ontology they use.

Vocabularies: W3C ORG (bodies, posts as ``org:Membership``), FOAF
(persons), SKOS (concepts, post titles), DCTERMS (articles), PROV-O and Web
Annotation (every fact derived from its article, with the sentence and its
offsets). The mapping is :mod:`kg.rdf.mapping`; the IRI scheme
:mod:`kg.rdf.iris`; ``docs/rdf.md`` documents both.

Options (:class:`kg.exporters.ExportOptions`): ``base_iri`` (default
``https://w3id.org/union-kg/``) and ``rdf_engine`` (``auto``, ``rdflib`` or ``oxigraph``; see
:mod:`kg.rdf.serialise`). N-Triples is always written as a stream. The same
graph gives the same bytes in every file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import URIRef

from kg.exporters import ExportOptions
from kg.model import KnowledgeGraph
from kg.rdf import data_path
from kg.rdf.iris import DEFAULT_BASE, Iris
from kg.rdf.mapping import statements
from kg.rdf.ntriples import term
from kg.rdf.serialise import choose_engine, serialise

FILES = ["graph.nt", "graph.ttl", "graph.trig", "graph.jsonld", "ontology.ttl"]


def write_nt_nq(graph: KnowledgeGraph, nt: Path, nq: Path, iris: Iris) -> int:
    """Stream the graph into N-Triples (each triple once) and N-Quads (each
    triple once per named graph holding it); returns the triple count.

    Subjects, predicates, graph names and most objects are IRIs, and the
    same few thousand come back on every line (``iris`` makes each once):
    each IRI is written as N-Triples once and remembered. Lines are written
    a few thousand at a time."""
    n = 0
    iri_text: dict[URIRef, str] = {}  # an IRI -> its N-Triples form

    def iri(t: URIRef) -> str:
        text = iri_text.get(t)
        if text is None:
            text = iri_text[t] = term(t)
        return text

    with nt.open("w", encoding="utf-8", newline="\n") as fnt, \
            nq.open("w", encoding="utf-8", newline="\n") as fnq:
        lines: list[str] = []
        quad_lines: list[str] = []
        known = iri_text.get
        for s, p, o, graphs in statements(graph, iris):
            line = (f"{known(s) or iri(s)} {known(p) or iri(p)} "
                    f"{(known(o) or iri(o)) if type(o) is URIRef else term(o)}")
            lines.append(line)
            if graphs:
                for g in graphs:
                    quad_lines.append(f"{line} {known(g) or iri(g)}")
            else:
                quad_lines.append(line)
            n += 1
            if len(lines) >= 4096:
                _flush(fnt, lines)
                _flush(fnq, quad_lines)
        _flush(fnt, lines)
        _flush(fnq, quad_lines)
    return n


def _flush(out, lines: list[str]) -> None:
    """Write ``lines`` (statements without their closing `` .``), emptied."""
    if lines:
        out.write(" .\n".join(lines) + " .\n")
        lines.clear()


def write(graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
    options = options or ExportOptions()
    out_dir = Path(out_dir)
    iris = Iris(options.base_iri or DEFAULT_BASE)
    nt, nq = out_dir / "graph.nt", out_dir / ".graph.nq"
    try:
        n = write_nt_nq(graph, nt, nq, iris)
        engine = choose_engine(options.rdf_engine, n)
        serialise(nt, nq, out_dir, iris.base, engine)
    finally:
        nq.unlink(missing_ok=True)
    shutil.copyfile(data_path("ontology.ttl"), out_dir / "ontology.ttl")
    return list(FILES)
