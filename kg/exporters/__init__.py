"""Output formats written by ``kg build``, one module each.

Every exporter is a function ``write(graph, out_dir, options)`` that writes
its files into ``out_dir`` (a staging folder: see :mod:`kg.outputs`) from a
:class:`kg.model.KnowledgeGraph`, and knows nothing of the extractor.
``EXPORTERS`` lists them in the order ``kg build`` runs them.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any, Callable

from kg.model import KnowledgeGraph

Writer = Callable[[KnowledgeGraph, Path, dict[str, Any]], list[str]]

# name -> "module:function"; imported only when used
EXPORTERS: dict[str, str] = {
    "json": "kg.exporters.node_link:write",
    "graphml": "kg.exporters.graphml:write",
    "gexf": "kg.exporters.gexf:write",
    "neo4j": "kg.exporters.neo4j:write",
    "kuzu": "kg.exporters.kuzu:write",
    "rdf": "kg.exporters.rdf:write",
    "html": "kg.exporters.html:write",
    "report": "kg.exporters.report:write",
}


def get(name: str) -> Writer:
    try:
        module, func = EXPORTERS[name].split(":")
    except KeyError:
        raise KeyError(f"unknown output format {name!r}; known: {', '.join(EXPORTERS)}") from None
    return getattr(import_module(module), func)
