"""Keep the figures the docs quote about the sample corpus true.

    python tools/doc_figures.py           # rewrite the figures from a build of corpus/
    python tools/doc_figures.py --check   # exit 1 and list the stale ones

Each figure sits in a sentence or table row of a doc, written below as a
template: the text around it is matched as it is (any run of spaces or line
breaks matching any other), the ``{name}`` slots are the figures, and only
they are rewritten. ``tests/test_docs.py`` runs the check, so a change of
the extractor that moves a count fails the tests until this is run.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.build import build_graph  # noqa: E402
from kg.model import EDGE_TYPES, NODE_TYPES  # noqa: E402
from kg.viz import drawn_at_first, select_view  # noqa: E402

CAPTION = "杨忠林 selected: {drawn} of its {nodes} nodes drawn at first"
TEMPLATES: list[tuple[str, str]] = [
    ("README.md", CAPTION),
    ("docs/html.md", CAPTION),
    ("docs/html.md", "So the sample page holds all {nodes} nodes and {edges} edges of `graph.json` and "
                     "draws, at first, {drawn} nodes ({unconnected} unconnected and {articles} articles "
                     "behind their ticks) and {lines} lines for {drawn_edges} edges."),
    ("docs/html.md", "| sample corpus | {nodes} | {edges} | {drawn} |"),
] + [("docs/databases.md", f"| {t} | {{{t}}} | {{{t}}} |") for t in NODE_TYPES + EDGE_TYPES]


def figures() -> dict[str, int]:
    """The figures of a build of the sample corpus."""
    graph, _ = build_graph([ROOT / "corpus"])
    view = select_view(graph)
    drawn, edges = drawn_at_first(graph, view.nodes)
    nodes, edge_counts = graph.counts()
    articles = nodes.get("Article", 0)
    return {"nodes": len(graph.nodes), "edges": len(graph.edges), "drawn": len(drawn),
            "articles": articles, "unconnected": len(view.nodes) - articles - len(drawn),
            "lines": len({(e.source, e.target, e.type) for e in edges}), "drawn_edges": len(edges),
            **{t: nodes.get(t, 0) for t in NODE_TYPES}, **{t: edge_counts.get(t, 0) for t in EDGE_TYPES}}


def _pattern(template: str) -> tuple[re.Pattern, list[str]]:
    names, parts = [], []
    for i, piece in enumerate(re.split(r"\{(\w+)\}", template)):
        if i % 2:
            names.append(piece)
            parts.append(r"(\d+)")
        else:
            parts.append(r"\s+".join(re.escape(w) for w in re.split(r"\s+", piece)))
    return re.compile(_join(parts)), names


def _join(parts: list[str]) -> str:
    # text parts become groups too, so a match can be rebuilt with new figures
    return "".join(p if i % 2 else f"({p})" for i, p in enumerate(parts))


def apply(text: str, template: str, values: dict[str, int]) -> tuple[str, list[str]]:
    """``text`` with the figures of ``template`` set to ``values``; and the
    stale ones, as ``name: written -> true`` (or a note that it is missing)."""
    pattern, names = _pattern(template)
    found = list(pattern.finditer(text))
    if not found:
        return text, [f"not found: {template!r}"]
    stale: list[str] = []

    def rebuild(m: re.Match) -> str:
        out = []
        for k, group in enumerate(m.groups()):
            if k % 2:
                name = names[k // 2]
                if int(group) != values[name]:
                    stale.append(f"{name}: {group} -> {values[name]}")
                out.append(str(values[name]))
            else:
                out.append(group)
        return "".join(out)

    return pattern.sub(rebuild, text), stale


def run(write: bool) -> list[str]:
    """Check (and with ``write``, rewrite) every template; the stale figures."""
    values = figures()
    report: list[str] = []
    texts: dict[str, str] = {}
    for doc, template in TEMPLATES:
        text = texts.get(doc) or (ROOT / doc).read_text(encoding="utf-8")
        texts[doc], stale = apply(text, template, values)
        report.extend(f"{doc}: {s}" for s in stale)
    if write:
        for doc, text in texts.items():
            (ROOT / doc).write_text(text, encoding="utf-8")
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report stale figures (exit 1 if any)")
    args = ap.parse_args()
    report = run(write=not args.check)
    for line in report:
        print(line)
    if args.check and report:
        sys.exit(1)


if __name__ == "__main__":
    main()
