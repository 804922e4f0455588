"""SPARQL over the RDF output, by rdflib (a file, loaded in memory) or by
pyoxigraph (a persistent store on disk, for large graphs), with the same
answers either way.

User values are passed as *bindings* (rdflib ``initBindings``, oxigraph
``substitutions``, i.e. SEP-0007), never formatted into the query text, so a
value holding quotes or braces cannot change the query.

>>> parse_binding("name=刘伟")
('name', rdflib.term.Literal('刘伟'))
>>> parse_binding("org=<https://example.org/x>")
('org', rdflib.term.URIRef('https://example.org/x'))
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable

from kg.rdf import RdfError
from kg.rdf.vocab import PREFIXES, compact

FORMATS = ("table", "csv", "json")
RDF_SUFFIXES = {".nt": "nt", ".ttl": "turtle", ".trig": "trig", ".nq": "nquads",
                ".jsonld": "json-ld", ".json-ld": "json-ld", ".rdf": "xml", ".owl": "xml"}
# what an output folder offers, best first
FOLDER_FILES = ("graph.nt", "graph.ttl", "graph.trig", "graph.jsonld")
_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class Result:
    """A SELECT result: variable names and rows of rdflib terms (None when
    unbound). ASK gives one row with one boolean; CONSTRUCT gives
    subject/predicate/object rows."""

    vars: list[str]
    rows: list[tuple[Any, ...]]

    def as_strings(self) -> list[tuple[str | None, ...]]:
        return [tuple(None if t is None else str(t) for t in row) for row in self.rows]


# -- files ----------------------------------------------------------------------

def resolve_graph_path(path: Path) -> Path:
    """An RDF file, or the best RDF file of an output folder."""
    if path.is_dir():
        for name in FOLDER_FILES:
            if (path / name).is_file():
                return path / name
        raise RdfError(f"{path}: no graph.nt, graph.ttl, graph.trig or graph.jsonld; "
                       "run `kg build` first")
    if not path.is_file():
        raise RdfError(f"{path}: no such file; run `kg build` first")
    return path


def rdf_format(path: Path) -> str:
    try:
        return RDF_SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise RdfError(f"{path}: unknown RDF file type {path.suffix!r}; "
                       f"known: {', '.join(sorted(RDF_SUFFIXES))}") from None


def load_graph(path: Path) -> Graph:
    """Load an RDF file with rdflib; TriG and N-Quads are read as a dataset
    whose default graph is the union of its graphs."""
    fmt = rdf_format(path)
    try:
        if fmt in ("trig", "nquads"):
            ds = Dataset(default_union=True)
            ds.parse(str(path), format=fmt)
            return ds
        return Graph().parse(str(path), format=fmt)
    except Exception as exc:  # rdflib raises many kinds; name the file
        raise RdfError(f"{path}: cannot read as {fmt}: {exc}") from exc


def read_query(query: str) -> str:
    """QUERY is a file holding SPARQL, or SPARQL text."""
    p = Path(query)
    if len(query) < 4096 and "\n" not in query and p.suffix in (".rq", ".sparql") and not p.is_file():
        raise RdfError(f"{query}: no such query file")
    if len(query) < 4096 and "\n" not in query and p.is_file():
        return p.read_text(encoding="utf-8")
    return query


def parse_binding(text: str) -> tuple[str, Any]:
    """``name=value``: ``<…>`` is an IRI, anything else a plain string."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _VAR.match(name):
        raise RdfError(f"binding {text!r} is not NAME=VALUE (for example name=刘伟)")
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        iri = value[1:-1]
        if not _IRI.fullmatch(iri):
            raise RdfError(f"binding {name}: {iri!r} is not a valid IRI (a scheme such as https: and no "
                           "spaces or <>\"{}|^`\\); give a plain string without the <>")
        return name, URIRef(iri)
    return name, Literal(value)


# an absolute IRI (RFC 3987): a scheme, then no character IRIs forbid
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\\x7f]*")
_SERVICE = re.compile(r"(?i)\bSERVICE\s+(?:SILENT\s+)?[<?$]|\bSERVICE\s+(?:SILENT\s+)?\w*:")
_COMMENT = re.compile(r"(?m)#[^\n]*$")


def check_query(sparql: str, bindings: dict[str, Any] | None = None) -> None:
    """Refuse what the engines would do wrongly or silently: a ``SERVICE``
    clause (it would fetch from the network; ``kg query`` reads only the
    local graph), and a binding of a variable the query does not have
    (rdflib would answer no rows, pyoxigraph would ignore it).

    >>> check_query("SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.rdf.RdfError: SERVICE is refused: kg query reads only the local graph (no network access)
    >>> check_query("SELECT ?s WHERE { ?s ?p ?o }", {"name": Literal("x")})
    Traceback (most recent call last):
    ...
    kg.rdf.RdfError: --bind name: the query has no variable ?name
    """
    code = _COMMENT.sub("", sparql)
    if _SERVICE.search(code):
        raise RdfError("SERVICE is refused: kg query reads only the local graph (no network access)")
    for name in bindings or {}:
        if not re.search(rf"[?$]{re.escape(name)}(?![\w\u00b7\u0300-\u036f\u203f-\u2040])", code):
            raise RdfError(f"--bind {name}: the query has no variable ?{name}")


# -- rdflib ------------------------------------------------------------------------

def query_graph(graph: Graph, sparql: str, bindings: dict[str, Any] | None = None) -> Result:
    check_query(sparql, bindings)
    try:
        res = graph.query(sparql, initNs=PREFIXES,
                          initBindings={Variable(k): v for k, v in (bindings or {}).items()})
    except Exception as exc:
        raise RdfError(f"SPARQL error: {exc}") from exc
    if res.type == "ASK":
        return Result(["ask"], [(Literal(bool(res.askAnswer)),)])
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return Result(["subject", "predicate", "object"], sorted(tuple(t) for t in res.graph))
    names = [str(v) for v in res.vars]
    return Result(names, [tuple(row) for row in res])


def query_file(path: Path, sparql: str, bindings: dict[str, Any] | None = None) -> Result:
    return query_graph(load_graph(resolve_graph_path(path)), sparql, bindings)


# -- pyoxigraph ------------------------------------------------------------------------

def _ox():
    import pyoxigraph

    return pyoxigraph


def _to_ox(term):
    ox = _ox()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise RdfError(f"cannot bind {term!r}")


def _from_ox(term):
    ox = _ox()
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise RdfError(f"unsupported result term {term!r}")


def open_store(directory: Path, *, create: bool = False):
    ox = _ox()
    directory = Path(directory)
    if not create and not directory.is_dir():
        raise RdfError(f"{directory}: no such store; run `kg load --store {directory}` first")
    try:
        return ox.Store(str(directory))
    except OSError as exc:
        raise RdfError(f"{directory}: cannot open the store: {exc}") from exc


def load_store(directory: Path, source: Path, *, replace: bool = False) -> int:
    """Bulk-load an RDF file into a pyoxigraph store; returns its quad count."""
    ox = _ox()
    source = resolve_graph_path(source)
    fmt = {"nt": ox.RdfFormat.N_TRIPLES, "turtle": ox.RdfFormat.TURTLE,
           "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
           "json-ld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}[rdf_format(source)]
    store = open_store(directory, create=True)
    held = len(store)
    if held and not replace:
        del store  # release the lock before the error keeps this frame alive
        raise RdfError(f"{directory}: the store already holds {held} quads; "
                       "pass --replace to empty it first")
    if replace:
        store.clear()
    try:
        store.bulk_load(path=str(source), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise RdfError(f"{source}: cannot load: {exc}") from exc
    store.flush()
    n = len(store)
    del store
    _record_source(Path(directory), source)
    return n


LOADED_FROM = "kg-loaded-from.json"  # in the store's folder: the file it was loaded from


def _record_source(directory: Path, source: Path) -> None:
    st = source.stat()
    (directory / LOADED_FROM).write_text(json.dumps({
        "source": os.path.abspath(source), "real": os.path.realpath(source), "mtime_ns": st.st_mtime_ns,
    }), encoding="utf-8")


def stale_store(directory: Path) -> str | None:
    """Why the store may be older than the graph it was loaded from (its
    file rebuilt, or gone), or None. Output folders publish each build as a
    new folder behind their links, so a rebuilt file resolves elsewhere."""
    try:
        rec = json.loads((Path(directory) / LOADED_FROM).read_text(encoding="utf-8"))
        source = rec["source"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not os.path.exists(source):
        return f"the store {directory} was loaded from {source}, which a later build removed"
    if os.path.realpath(source) != rec.get("real") or os.stat(source).st_mtime_ns != rec.get("mtime_ns"):
        return f"the store {directory} is older than {source} (rebuilt since it was loaded)"
    return None


def query_store(store, sparql: str, bindings: dict[str, Any] | None = None) -> Result:
    check_query(sparql, bindings)
    ox = _ox()
    subs = {ox.Variable(k): _to_ox(v) for k, v in (bindings or {}).items()}
    try:
        res = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
                          substitutions=subs or None)
    except (SyntaxError, ValueError, OSError) as exc:
        raise RdfError(f"SPARQL error: {exc}") from exc
    if isinstance(res, ox.QueryBoolean):
        return Result(["ask"], [(Literal(bool(res)),)])
    if isinstance(res, ox.QueryTriples):
        return Result(["subject", "predicate", "object"],
                      sorted((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object))
                             for t in res))
    names = [v.value for v in res.variables]
    return Result(names, [tuple(_from_ox(sol[v]) for v in names) for sol in res])


# -- output ------------------------------------------------------------------------------

def _short(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(str(term)) or str(term)
    return str(term)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


MAX_CELL = 60  # display columns of a table cell; longer values end in …


def _cell(s: str) -> str:
    s = s.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if _width(s) <= MAX_CELL:
        return s
    out, w = [], 0
    for c in s:
        w += _width(c)
        if w > MAX_CELL - 1:
            break
        out.append(c)
    return "".join(out) + "…"


def format_result(result: Result, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(sparql_json(result), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(result.vars)
        for row in result.rows:
            w.writerow(["" if t is None else str(t) for t in row])
        return buf.getvalue()
    if fmt != "table":
        raise RdfError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    cells = [[_cell(_short(t)) for t in row] for row in result.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(result.vars)]

    def line(vals: Iterable[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(vals, widths)).rstrip()

    out = [line(result.vars), line("-" * w for w in widths)]
    out.extend(line(r) for r in cells)
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def sparql_json(result: Result) -> dict:
    """The W3C SPARQL 1.1 Query Results JSON format."""
    def term(t) -> dict:
        if isinstance(t, URIRef):
            return {"type": "uri", "value": str(t)}
        if isinstance(t, BNode):
            return {"type": "bnode", "value": str(t)}
        d: dict[str, str] = {"type": "literal", "value": str(t)}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype is not None:
            d["datatype"] = str(t.datatype)
        return d

    if result.vars == ["ask"] and len(result.rows) == 1 and isinstance(result.rows[0][0], Literal) \
            and result.rows[0][0].datatype is not None and str(result.rows[0][0].datatype).endswith("#boolean"):
        return {"head": {}, "boolean": bool(result.rows[0][0].toPython())}
    return {"head": {"vars": result.vars},
            "results": {"bindings": [{v: term(t) for v, t in zip(result.vars, row) if t is not None}
                                     for row in result.rows]}}
