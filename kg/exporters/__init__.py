"""Output formats written by ``kg build``, one module each, and the readers
of those that can be read back.

Every writer is a function ``write(graph, out_dir, options)`` that writes
its files into ``out_dir`` (a staging folder: see :mod:`kg.outputs`) from a
:class:`kg.model.KnowledgeGraph`, takes an :class:`ExportOptions`, returns
the names it wrote, and knows nothing of the extractor. A reader
``read(path)`` turns the file (or folder) a writer wrote back into a graph.
``FORMATS`` lists the formats in the order ``kg build`` names them; the
writers are independent of each other, so :mod:`kg.export` runs them side
by side.

>>> [f.name for f in FORMATS.values() if f.reader]
['json', 'graphml', 'gexf', 'neo4j']
>>> FORMATS["rdf"].files
('graph.nt', 'graph.ttl', 'graph.trig', 'graph.jsonld', 'ontology.ttl')
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Callable

from kg.model import KnowledgeGraph


@dataclass(frozen=True)
class ExportOptions:
    """What a writer may be told; every writer reads only its own fields.

    >>> ExportOptions(base_iri="https://example.org/kg/").rdf_engine
    'auto'
    """

    base_iri: str | None = None  # rdf: the base of every IRI (default kg.rdf.iris.DEFAULT_BASE)
    rdf_engine: str = "auto"  # rdf: "auto", "rdflib" or "oxigraph" (kg.rdf.serialise)
    max_nodes: int | None = None  # html: the most nodes graph.html draws (default kg.viz.view's)
    title: str = "Trade-union knowledge graph"  # html: the page's title


Writer = Callable[[KnowledgeGraph, Path, ExportOptions], list[str]]
Reader = Callable[[Path], KnowledgeGraph]


@dataclass(frozen=True)
class Format:
    """One output format: its writer, what it writes, and its reader if any
    (``"module:function"``, imported only when used). ``cost``: the CPU
    seconds it takes on the graph of a 10 MB corpus (``bench/export_bench.py``,
    ``docs/benchmarks.md``), so that the slowest start first when formats
    are written side by side."""

    name: str
    writer: str
    files: tuple[str, ...]
    reader: str | None = None  # reads files[0]
    cost: float = 1.0

    def write(self, graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
        return _load(self.writer)(graph, Path(out_dir), options or ExportOptions())

    def read(self, out_dir: Path) -> KnowledgeGraph:
        """The graph this format wrote into ``out_dir``."""
        if self.reader is None:
            raise KeyError(f"output format {self.name!r} has no reader; "
                           f"readable: {', '.join(n for n, f in FORMATS.items() if f.reader)}")
        return _load(self.reader)(Path(out_dir) / self.files[0])


def _load(ref: str) -> Callable:
    module, func = ref.split(":")
    return getattr(import_module(module), func)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", "kg.exporters.node_link:write", ("graph.json",), "kg.exporters.node_link:read", cost=0.25),
    Format("graphml", "kg.exporters.graphml:write", ("graph.graphml",), "kg.exporters.graphml:read", cost=0.7),
    Format("gexf", "kg.exporters.gexf:write", ("graph.gexf",), "kg.exporters.gexf:read", cost=0.8),
    Format("neo4j", "kg.exporters.neo4j:write", ("neo4j/",), "kg.exporters.neo4j:read", cost=0.6),
    Format("kuzu", "kg.exporters.kuzu:write", ("kuzu/",), cost=0.7),
    Format("rdf", "kg.exporters.rdf:write",
           ("graph.nt", "graph.ttl", "graph.trig", "graph.jsonld", "ontology.ttl"), cost=3.4),
    Format("html", "kg.exporters.html:write", ("graph.html",), cost=0.4),
    Format("report", "kg.exporters.report:write", ("report.md",), cost=0.05),  # report: issue 4
)}
EXPORTERS: tuple[str, ...] = tuple(FORMATS)  # every format's name, in order
DEFAULT_FORMATS = EXPORTERS  # what `kg build` writes unless told --formats


def format_named(name: str) -> Format:
    """The format called ``name``; a KeyError naming the known ones else."""
    try:
        return FORMATS[name]
    except KeyError:
        raise KeyError(f"unknown output format {name!r}; known: {', '.join(FORMATS)}") from None


def get(name: str) -> Writer:
    """The writer of the format called ``name``."""
    return _load(format_named(name).writer)
