"""``report.md``: a readable summary of who does what.

Sections: per body, the programmes it runs and the concepts it advocates;
per concept, the bodies and people that advocate it, with a body × concept
table; the most connected people, bodies and programmes (by the number of
distinct neighbours over every edge but MENTIONS). Reads only
:mod:`kg.model`. Markdown, sorted, so that one graph always gives the same
bytes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from kg.exporters import ExportOptions
from kg.model import KnowledgeGraph


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def _md(s: str) -> str:
    r"""A value as literal text in Markdown: HTML's ``& < >`` as entities (a
    ``<script>`` from a page stays text when the report is rendered), every
    Markdown mark backslash-escaped, line breaks as spaces.

    >>> print(_md("<script>alert(1)</script> **x** [a](b)|c"))
    &lt;script&gt;alert\(1\)&lt;/script&gt; \*\*x\*\* \[a\]\(b\)\|c
    """
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"[\r\n]+", " ", s))



def render(graph: KnowledgeGraph, top: int = 10) -> str:
    nodes = graph.nodes
    label = {nid: _md(n.label) for nid, n in nodes.items()}  # every value escaped
    runs: dict[str, set[str]] = defaultdict(set)
    adv: dict[str, set[str]] = defaultdict(set)
    by_concept: dict[str, set[str]] = defaultdict(set)
    neighbours: dict[str, set[str]] = defaultdict(set)
    for e in graph.iter_edges():
        if e.type == "RUNS":
            runs[e.source].add(e.target)
        elif e.type == "ADVOCATES":
            adv[e.source].add(e.target)
            by_concept[e.target].add(e.source)
        if e.type != "MENTIONS":
            neighbours[e.source].add(e.target)
            neighbours[e.target].add(e.source)
    lines = ["# Who runs and advocates what", ""]
    lines += ["## Bodies", ""]
    bodies = sorted({s for s in list(runs) + list(adv) if nodes[s].type == "Organization"},
                    key=lambda n: label[n])
    for b in bodies:
        lines.append(f"### {label[b]}")
        if runs.get(b):
            lines.append("- runs: " + "；".join(sorted(label[p] for p in runs[b])))
        if adv.get(b):
            lines.append("- advocates: " + "；".join(sorted(label[c] for c in adv[b])))
        lines.append("")
    lines += ["## Concepts", ""]
    for c in sorted(by_concept, key=lambda n: label[n]):
        lines.append(f"- **{label[c]}**: " + "；".join(sorted(label[s] for s in by_concept[c])))
    lines.append("")
    adv_bodies = [b for b in bodies if adv.get(b)]
    concepts = sorted({c for b in adv_bodies for c in adv[b]}, key=lambda n: label[n])
    if adv_bodies and concepts:
        lines += ["## Body × concept", ""]
        lines.append("| concept | " + " | ".join(label[b] for b in adv_bodies) + " |")
        lines.append("|---|" + "---|" * len(adv_bodies))
        for c in concepts:
            lines.append(f"| {label[c]} | " + " | ".join("✓" if c in adv[b] else ""
                                                                for b in adv_bodies) + " |")
        lines.append("")
    lines += ["## Most connected", ""]
    for t in ("Person", "Organization", "Programme"):
        ranked = sorted((n for n in neighbours if nodes[n].type == t),
                        key=lambda n: (-len(neighbours[n]), label[n]))[:top]
        lines.append(f"### {t}")
        lines += [f"{i}. {label[n]} ({len(neighbours[n])})" for i, n in enumerate(ranked, 1)]
        lines.append("")
    return "\n".join(lines)


def write(graph: KnowledgeGraph, out_dir: Path, options: ExportOptions | None = None) -> list[str]:
    (Path(out_dir) / "report.md").write_text(render(graph), encoding="utf-8")
    return ["report.md"]
