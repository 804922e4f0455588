"""From corpus files to a :class:`~kg.model.KnowledgeGraph`: the one bridge
between the extractor and the graph.

``build_graph`` reads each document, extracts it, and merges its mentions and
facts into the graph; a file that cannot be read is reported and skipped.
``write_outputs`` runs the exporters into a staging folder and publishes the
whole set at once.

>>> report = BuildReport()
>>> report.exit_code
0
"""

from __future__ import annotations

import bisect
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from extract.corpus import CorpusFile, ReadError, discover, read_metadata, read_source
from extract.pipeline import EXTRACTOR_VERSION, extract
from extract.records import DocumentResult
from kg import exporters
from kg.identity import unify_people
from kg.model import Evidence, KnowledgeGraph
from kg.outputs import staged_outputs

DEFAULT_FORMATS = ("json", "graphml", "gexf", "neo4j", "kuzu", "rdf", "html", "report")  # report: issue 4
# attributes of a mention that become node attributes; the rest is the
# extractor's working state
NODE_ATTRS = ("kind", "level", "code", "division")
EXIT_SKIPPED = 3  # some files could not be read; the rest was built


@dataclass
class BuildReport:
    documents: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    encodings: dict[str, str] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.skipped else 0


def _evidence(result: DocumentResult, start: int, end: int, article: str) -> Evidence:
    """The sentence (or sentences) covering ``[start, end)``."""
    sents = result.sentences
    starts = [s for s, _ in sents]
    i = max(0, bisect.bisect_right(starts, start) - 1)
    j = max(i, bisect.bisect_right(starts, max(start, end - 1)) - 1)
    s, e = (sents[i][0], sents[j][1]) if sents else (start, end)
    s, e = min(s, start), max(e, end)
    return Evidence(result.doc, result.text[s:e], s, e, article)


def merge_result(graph: KnowledgeGraph, result: DocumentResult) -> None:
    """Add one document's articles, entities and facts to ``graph``."""
    article_ids: list[str] = []
    article_starts: list[int] = []
    for art in result.articles:
        aid = graph.add_node("Article", art.title or art.id, key=art.id, docs=[result.doc],
                             doc=result.doc, start=art.start, end=art.end, date=art.date or None,
                             title=art.title or None)
        article_ids.append(aid)
        article_starts.append(art.start)

    def article_of(pos: int) -> str:
        if not article_ids:
            return ""
        return article_ids[max(0, bisect.bisect_right(article_starts, pos) - 1)]

    ids: dict[tuple[str, str, str], str] = {}
    for m in result.mentions:
        nid = graph.add_node(m.type, m.label, qualifier=m.qualifier, docs=[result.doc],
                             aliases=(m.surface, *m.aliases),
                             **{k: v for k, v in m.attrs if k in NODE_ATTRS})
        ids[m.key] = nid
        art = article_of(m.start)
        if art:
            graph.add_edge(art, nid, "MENTIONS")
    for f in result.facts:
        src, tgt = ids.get(f.source), ids.get(f.target)
        if src is None or tgt is None:
            continue
        art_id = f"Article:{f.article}" if f.article else article_of(f.start)
        ev = _evidence(result, f.start, f.end, art_id.split(":", 1)[-1] if art_id else "")
        graph.add_edge(src, tgt, f.type, evidence=[ev], **dict(f.attrs))
    by_id = {a.id: a for a in result.articles}
    for art, aid in zip(result.articles, article_ids):
        signed = art if art.byline else by_id.get(art.continues)
        if signed is None or not signed.byline:
            continue
        for key in art.authors:
            if key in ids:
                graph.add_edge(ids[key], aid, "AUTHORED",
                               evidence=[_evidence(result, signed.byline[0], signed.byline[1], signed.id)])


def build_graph(inputs: Iterable[Path | str], *, strict: bool = False,
                progress: Callable[[str], None] | None = None,
                report: BuildReport | None = None) -> tuple[KnowledgeGraph, BuildReport]:
    """Read and extract every document under ``inputs`` into one graph."""
    report = report or BuildReport()
    inputs = [Path(p) for p in inputs]
    files: list[CorpusFile] = discover(inputs)
    meta: dict[str, dict[str, str]] = {}
    for p in inputs:
        if p.is_dir():
            meta.update(read_metadata(p))
    graph = KnowledgeGraph({"extractor": EXTRACTOR_VERSION})
    for cf in files:
        try:
            src = read_source(cf)
        except ReadError as exc:
            report.skipped.append((cf.doc, exc.reason))
            if strict:
                raise
            continue
        m = meta.get(cf.doc) or meta.get(cf.path.name) or {}
        src.date = m.get("date", "")
        src.title = m.get("title", "")
        result = extract(src)
        report.documents += 1
        report.encodings[cf.doc] = result.encoding
        report.warnings.extend(f"{cf.doc}: {w}" for w in result.warnings)
        merge_result(graph, result)
        if progress:
            progress(cf.doc)
    unify_people(graph)
    return graph, report


def write_outputs(graph: KnowledgeGraph, out_dir: Path, formats: Iterable[str] = DEFAULT_FORMATS,
                  options: dict[str, Any] | None = None) -> list[str]:
    written: list[str] = []
    with staged_outputs(Path(out_dir)) as stage:
        for name in formats:
            written.extend(exporters.get(name)(graph, stage, options or {}))
    return written


def print_summary(graph: KnowledgeGraph, report: BuildReport, out=None) -> None:
    out = out or sys.stdout
    nodes, edges = graph.counts()
    print(f"documents read: {report.documents}", file=out)
    for doc, enc in sorted(report.encodings.items()):
        print(f"  {doc}  [{enc}]", file=out)
    print("nodes: " + ", ".join(f"{k} {v}" for k, v in nodes.items()), file=out)
    print("edges: " + ", ".join(f"{k} {v}" for k, v in edges.items()), file=out)
    if report.warnings:
        print(f"warnings: {len(report.warnings)}", file=out)
        for w in report.warnings:
            print(f"  {w}", file=out)
    if report.skipped:
        print(f"skipped: {len(report.skipped)}", file=out)
        for doc, reason in report.skipped:
            print(f"  {doc}: {reason}", file=out)
    if report.written:
        print("wrote: " + ", ".join(report.written), file=out)
