"""SHACL validation of the RDF output against ``kg/data/shapes.ttl``.

``validate(path)`` loads an RDF file (or the ``graph.nt``/``graph.ttl`` of
an output folder), runs pyshacl and returns a :class:`Report`: whether the
graph conforms and one :class:`Violation` per result, readable on its own
(focus node, property path, value, message).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from kg.rdf import RdfError, data_path
from kg.rdf.query import load_graph, resolve_graph_path
from kg.rdf.vocab import ORG, RDF, RDFS, UKG, compact

# shapes that target these IRIs run one query over the whole graph and
# report the offending node as sh:value (see kg/data/shapes.ttl)
GLOBAL_TARGETS = {UKG.Evidence, RDF.Statement, ORG.memberOf}


@dataclass(frozen=True, order=True)
class Violation:
    severity: str
    focus: str
    path: str
    value: str
    message: str
    shape: str

    def format(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value else ""
        return f"[{self.severity}] {self.focus}{where}{value}: {self.message}"


@dataclass
class Report:
    conforms: bool
    triples: int
    source: str
    violations: list[Violation] = field(default_factory=list)

    def format(self, limit: int = 50) -> str:
        head = (f"{self.source}: {self.triples} triples, "
                + ("conforms to the SHACL shapes" if self.conforms else
                   f"does NOT conform: {len(self.violations)} violation(s)"))
        lines = [head]
        by_msg: dict[str, int] = {}
        for v in self.violations:
            by_msg[v.message] = by_msg.get(v.message, 0) + 1
        if by_msg:
            lines.append("by message:")
            lines.extend(f"  {n:5d}  {m}" for m, n in sorted(by_msg.items(), key=lambda x: (-x[1], x[0])))
            lines.append("violations:")
            lines.extend("  " + v.format() for v in self.violations[:limit])
            if len(self.violations) > limit:
                lines.append(f"  … and {len(self.violations) - limit} more")
        return "\n".join(lines)


def shapes_graph(path: Path | None = None) -> Graph:
    return Graph().parse(str(path or data_path("shapes.ttl")), format="turtle")


def _short(term, g: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(str(term)) or f"<{term}>"
    if hasattr(term, "n3"):
        try:
            return term.n3()
        except Exception:  # a blank node path, say
            return str(term)
    return str(term)


def _one_line(text, width: int = 30) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= width else s[: width - 1] + "…"


def validate_graph(data: Graph, shapes: Graph | None = None, source: str = "graph") -> Report:
    from pyshacl import validate as shacl

    conforms, results, _text = shacl(data, shacl_graph=shapes or shapes_graph(),
                                     inference="none", advanced=True, allow_warnings=True)
    violations = []
    for r in results.subjects(SH.focusNode, None):
        def one(p):
            return results.value(r, p)
        msg = one(SH.resultMessage)
        focus, value = one(SH.focusNode), one(SH.value)
        if focus in GLOBAL_TARGETS and value is not None:
            # a whole-graph check: the offending node is the value
            focus, value = value, None
        label = data.value(focus, RDFS.label) if focus is not None else None
        violations.append(Violation(
            severity=str(one(SH.resultSeverity) or "").rsplit("#", 1)[-1],
            focus=_short(focus, data) + (f" ({_one_line(label)})" if label is not None else ""),
            path=_short(one(SH.resultPath), data),
            value=_short(value, data),
            message=str(msg) if msg is not None else "",
            shape=_short(one(SH.sourceShape), data)))
    return Report(bool(conforms), len(data), source, sorted(violations))


def validate(path: str | Path, shapes: str | Path | None = None) -> Report:
    """Validate an RDF file, or the RDF in an output folder."""
    path = resolve_graph_path(Path(path))
    data = load_graph(path)
    return validate_graph(data, shapes_graph(Path(shapes)) if shapes else None, str(path))


__all__ = ["Report", "Violation", "validate", "validate_graph", "shapes_graph", "RdfError"]
