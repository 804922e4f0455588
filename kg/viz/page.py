"""One self-contained, offline HTML page for a graph view.

The page is the template ``kg/data/graph_page.html`` filled with:

- vis-network 9.1.2 (dual Apache-2.0/MIT), inlined from the copy that the
  ``pyvis`` package ships, its source-map comment removed;
- the page's own script and style (``graph_page.js``, ``graph_page.css``);
- the data, as JSON inside ``<script type="application/json">`` with ``<``,
  ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX``, so no corpus text
  can close the element or be read as markup;
- a Content-Security-Policy that allows only those two inline scripts (by
  hash) and the inline style, and no request of any kind (``default-src
  'none'``): even a mistake in the page could not load or send anything.

The script renders corpus text with ``textContent`` only. Same graph, same
bytes: nothing depends on time, randomness or dict order.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.model import EDGE_TYPES, NODE_TYPES, KnowledgeGraph
from kg.viz.view import HIDDEN_EDGE_TYPES, HIDDEN_NODE_TYPES, View

# colour, border, vis-network shape and a one-line help per type
NODE_STYLE = {
    "Person": ("#e15759", "#a83537", "dot", "a named individual"),
    "Organization": ("#4e79a7", "#2f5680", "square", "a named body"),
    "Region": ("#59a14f", "#3b7434", "triangle", "a province, city, county or town"),
    "Programme": ("#f28e2b", "#b9651a", "diamond", "a named initiative some body runs"),
    "Concept": ("#b07aa1", "#7f5274", "star", "a policy concept, doctrine or slogan"),
    "Document": ("#9c755f", "#6d5141", "triangleDown", "a law, regulation, plan, book or report"),
    "Event": ("#edc948", "#b3951f", "hexagon", "a congress, meeting or session"),
    "Article": ("#bab0ac", "#8a817d", "dot", "a source article (provenance)"),
}
EDGE_COLOUR = {
    "HOLDS_POST": "#c0392b", "LOCATED_IN": "#59a14f", "SUBORGANIZATION_OF": "#4e79a7",
    "RUNS": "#f28e2b", "PART_OF": "#d4a017", "ADVOCATES": "#b07aa1", "ISSUED": "#9c755f",
    "PARTICIPATED_IN": "#c9a800", "AUTHORED": "#e377c2", "MENTIONS": "#c8c8c8",
}
EDGE_ATTRS = ("title", "date", "former")

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_SLOT = re.compile(r"\{\{([A-Z]+)\}\}")


class PageError(RuntimeError):
    """The page cannot be built (the vis-network library is missing)."""


def script_json(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``.

    >>> script_json({"x": "</script><b>&\u2028"})
    '{"x":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """vis-network's standalone build, from the pyvis package."""
    try:
        lib = resources.files("pyvis") / "templates" / "lib"
    except ModuleNotFoundError as exc:
        raise PageError("pyvis is not installed; it supplies vis-network (pip install pyvis)") from exc
    path = lib / "vis-9.1.2" / "vis-network.min.js"
    if not path.is_file():
        found = sorted((p for p in Path(str(lib)).glob("vis-9.*/vis-network.min.js")),
                       key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)])
        if not found:
            raise PageError(f"no vis-network.min.js under {lib}; reinstall pyvis")
        path = found[-1]
    js = path.read_text(encoding="utf-8")
    js = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", js)
    if re.search(r"</script|<!--", js, re.IGNORECASE):
        raise PageError(f"{path} contains text that would end an inline script")
    return js


def _asset(name: str) -> str:
    return (resources.files("kg") / "data" / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def page_data(graph: KnowledgeGraph, view: View) -> dict[str, Any]:
    """The plain data the page script reads (see ``graph_page.js``)."""
    index = {nid: i for i, nid in enumerate(view.nodes)}
    t_index = {t: i for i, t in enumerate(NODE_TYPES)}
    e_index = {t: i for i, t in enumerate(EDGE_TYPES)}
    nodes = []
    for nid in view.nodes:
        n = graph.nodes[nid]
        attrs = {k: str(v) for k, v in sorted(n.attrs.items())
                 if not (k == "title" and v == n.label) and k not in ("start", "end")}
        nodes.append({"id": nid, "t": t_index[n.type], "l": n.label, "a": sorted(n.aliases),
                      "d": sorted(n.docs), "x": attrs})
    edges = []
    for e in view.edges:
        d: dict[str, Any] = {"s": index[e.source], "o": index[e.target], "t": e_index[e.type]}
        attrs = {k: e.attrs[k] for k in EDGE_ATTRS if k in e.attrs}
        if attrs:
            d["a"] = attrs
        if e.evidence:
            ev = []
            for x in sorted(e.evidence):
                art = graph.nodes.get(f"Article:{x.article}") if x.article else None
                ev.append([x.doc, x.sentence, x.start, x.end, art.label if art else ""])
            d["v"] = ev
        edges.append(d)
    return {
        "nodeTypes": [{"name": t, "colour": NODE_STYLE[t][0], "border": NODE_STYLE[t][1],
                       "shape": NODE_STYLE[t][2], "help": NODE_STYLE[t][3]} for t in NODE_TYPES],
        "edgeTypes": [{"name": t, "colour": EDGE_COLOUR[t], "help": t} for t in EDGE_TYPES],
        "hidden": {"nodeTypes": list(HIDDEN_NODE_TYPES), "edgeTypes": list(HIDDEN_EDGE_TYPES)},
        "view": {"description": view.describe(graph), "complete": view.complete,
                 "focus": view.focus, "totalNodes": view.total_nodes, "totalEdges": view.total_edges,
                 "leftOutNodes": view.left_out_nodes, "leftOutEdges": view.left_out_edges},
        "nodes": nodes,
        "edges": edges,
    }


def render_page(graph: KnowledgeGraph, view: View, title: str = "Trade-union knowledge graph") -> str:
    """The whole HTML page for ``view`` of ``graph``."""
    vis_js, app_js, css = vis_network_js(), _asset("graph_page.js"), _asset("graph_page.css")
    csp = ("default-src 'none'; "
           f"script-src {_sha256(vis_js)} {_sha256(app_js)}; "
           f"style-src {_sha256(css)} 'unsafe-inline'; "
           "img-src data:; font-src 'none'; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    slots = {"CSP": csp, "TITLE": html.escape(title), "STYLE": css, "VIS": vis_js, "APP": app_js,
             "DATA": script_json(page_data(graph, view))}
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("graph_page.html"))
