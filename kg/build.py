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
import itertools
import os
import pickle
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from extract import pipeline
from extract.corpus import MAX_BYTES, CorpusFile, ReadError, discover, read_metadata
from extract.records import DocumentResult
from kg import exporters, parallel
from kg.cache import ResultCache, cache_key
from kg.identity import unify_people
from kg.model import Evidence, KnowledgeGraph
from kg.outputs import staged_outputs
from kg.parallel import Outcome, Task

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
    extracted: int = 0  # documents extracted in this build
    cached: int = 0  # documents read back from the cache

    @property
    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.skipped else 0


def _evidence(result: DocumentResult, start: int, end: int, article: str,
              starts: list[int] | None, made: dict[tuple[int, int, str], Evidence]) -> Evidence:
    """The sentence (or sentences) covering ``[start, end)``; ``starts``: the
    sentences' starts, when the caller has them (one list per document);
    ``made``: the evidence made so far for this document, so that facts read
    in one sentence share one object and one copy of the sentence."""
    sents = result.sentences
    if starts is None:
        starts = [s for s, _ in sents]
    i = max(0, bisect.bisect_right(starts, start) - 1)
    j = max(i, bisect.bisect_right(starts, max(start, end - 1)) - 1)
    s, e = (sents[i][0], sents[j][1]) if sents else (start, end)
    s, e = min(s, start), max(e, end)
    ev = made.get((s, e, article))
    if ev is None:
        ev = made[(s, e, article)] = Evidence(result.doc, result.text[s:e], s, e, article)
    return ev


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

    # one add_node per entity, not per mention: its surfaces and aliases
    # gathered, and of each attribute the first value given, as add_node keeps
    entities: dict[tuple[str, str, str], tuple[set[str], dict[str, Any]]] = {}
    named: dict[str, list[tuple[str, str, str]]] = {a: [] for a in article_ids}
    for m in result.mentions:
        key = (m.type, m.label, m.qualifier)  # m.key, without the property call
        found = entities.get(key)
        if found is None:
            found = entities[key] = (set(), {})
        aliases, attrs = found
        aliases.add(m.surface)
        if m.aliases:
            aliases.update(m.aliases)
        for k, v in m.attrs:
            if k in NODE_ATTRS and v is not None and v != "" and k not in attrs:
                attrs[k] = v
        if article_ids:
            named[article_of(m.start)].append(key)
    ids: dict[tuple[str, str, str], str] = {}
    for (type_, label, qualifier), (aliases, attrs) in entities.items():
        ids[(type_, label, qualifier)] = graph.add_node(type_, label, qualifier=qualifier, docs=[result.doc],
                                                        aliases=aliases, **attrs)
    for aid, keys in named.items():
        if keys:
            graph.add_mentions(aid, [ids[k] for k in keys])
    starts = [s for s, _ in result.sentences]
    made: dict[tuple[int, int, str], Evidence] = {}
    for f in result.facts:
        src, tgt = ids.get(f.source), ids.get(f.target)
        if src is None or tgt is None:
            continue
        art_id = f"Article:{f.article}" if f.article else article_of(f.start)
        ev = _evidence(result, f.start, f.end, art_id.split(":", 1)[-1] if art_id else "", starts, made)
        graph.add_edge(src, tgt, f.type, evidence=[ev], **dict(f.attrs))
    by_id = {a.id: a for a in result.articles}
    for art, aid in zip(result.articles, article_ids):
        signed = art if art.byline else by_id.get(art.continues)
        if signed is None or not signed.byline:
            continue
        for key in art.authors:
            if key in ids:
                graph.add_edge(ids[key], aid, "AUTHORED",
                               evidence=[_evidence(result, signed.byline[0], signed.byline[1], signed.id,
                                                   starts, made)])


def _tasks(files: list[CorpusFile], meta: dict[str, dict[str, str]]) -> list[Task]:
    tasks = []
    for cf in files:
        m = meta.get(cf.doc) or meta.get(cf.path.name) or {}
        tasks.append(Task(str(cf.path), cf.doc, m.get("date", ""), m.get("title", "")))
    return tasks


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _outcomes(tasks: list[Task], *, workers: int, dask: Any, cache: ResultCache | None,
              report: BuildReport) -> Iterator[Outcome]:
    """One outcome per task, in task order: from the cache where it has the
    document, from the runner for the rest. Files are hashed as the build
    reaches them (the runner looks a few documents ahead), not all first."""
    if cache is None:
        for out in parallel.run(tasks, workers=workers, dask=dask):
            report.extracted += out.result is not None
            yield out
        return
    cache.prune_other_versions()

    def lookup(t: Task) -> tuple[Task, str | None, bool]:
        # only regular files within the size limit are hashed (a FIFO would
        # block here); anything else goes to the runner, which says why
        try:
            st = os.stat(t.path)
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
                return t, None, False
            key = cache_key(Path(t.path).read_bytes(), t.doc, t.date, t.title)
        except OSError:
            return t, None, False
        return t, key, cache.path(key).is_file()

    for_merge, for_runner = itertools.tee(map(lookup, tasks))
    misses = parallel.run((t for t, _, hit in for_runner if not hit), workers=workers, dask=dask)
    try:
        for t, key, hit in for_merge:
            if hit:
                out = _from_cache(cache, key, t.doc)
                if out is None:  # vanished or damaged since: extract it here
                    out, hit = parallel.extract_task(t), False
            else:
                out = next(misses)
            if hit:
                report.cached += 1
            elif out.result is not None:
                report.extracted += 1
                if key is not None:
                    cache.put(key, out.pickled())
            yield out
    finally:
        close = getattr(misses, "close", None)
        if close:
            close()


def _from_cache(cache: ResultCache, key: str, doc: str) -> Outcome | None:
    blob = cache.get(key)
    if blob is None:
        return None
    try:
        result = pickle.loads(blob)
    except Exception:
        return None
    if not isinstance(result, DocumentResult) or result.doc != doc:
        return None
    return Outcome(doc, result, blob=blob, cached=True)


def build_graph(inputs: Iterable[Path | str], *, strict: bool = False,
                progress: Callable[[str], None] | bool | None = None,
                report: BuildReport | None = None, workers: int = 1, dask: Any = None,
                cache_dir: Path | str | None = None) -> tuple[KnowledgeGraph, BuildReport]:
    """Read and extract every document under ``inputs`` into one graph.

    Documents are read and extracted one at a time (``workers`` > 1: in that
    many processes; ``dask``: on a Dask cluster at that address) and merged
    in document order, so the graph is the same whatever runs the extraction.
    With ``cache_dir``, results are kept there and documents seen before are
    not extracted again (see :mod:`kg.cache`). ``progress``: a callback given
    each document id, or ``True`` for a progress bar on a terminal.
    """
    report = report or BuildReport()
    inputs = [Path(p) for p in inputs]
    files: list[CorpusFile] = discover(inputs)
    meta: dict[str, dict[str, str]] = {}
    # metadata.csv of each folder given, and of the folder of each file given
    for folder in dict.fromkeys(p if p.is_dir() else p.parent for p in inputs):
        for name, row in read_metadata(folder).items():
            meta.setdefault(name, row)
    version = pipeline.EXTRACTOR_VERSION  # read now: tests change it
    graph = KnowledgeGraph({"extractor": version})
    tasks = _tasks(files, meta)
    cache = ResultCache(Path(cache_dir), version) if cache_dir is not None else None
    bar = _progress_bar(tasks) if progress is True else None
    outcomes = _outcomes(tasks, workers=workers, dask=dask, cache=cache, report=report)
    try:
        for task, out in zip(tasks, outcomes):
            if bar is not None:
                bar.update(_file_size(task.path))
                bar.set_postfix_str(f"{report.documents + len(report.skipped) + 1}/{len(tasks)} docs",
                                    refresh=False)
            if out.result is None:
                report.skipped.append((out.doc, out.reason))
                if strict:
                    raise ReadError(task.path, out.reason)
                continue
            result = out.result
            out.result = out.blob = None  # let it go once merged
            report.documents += 1
            report.encodings[result.doc] = result.encoding
            report.warnings.extend(f"{result.doc}: {w}" for w in result.warnings)
            merge_result(graph, result)
            del result
            if callable(progress):
                progress(task.doc)
    finally:
        close = getattr(outcomes, "close", None)
        if close:
            close()
        if bar is not None:
            bar.close()
    unify_people(graph)
    return graph, report


def _progress_bar(tasks: list[Task]):
    """Bytes read (MB/s, ETA) and documents; silent when stderr is not a terminal."""
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return None
    total = sum(_file_size(t.path) for t in tasks)
    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1000, desc="extracting",
                disable=None, file=sys.stderr, smoothing=0.05, dynamic_ncols=True)


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
    if report.cached:
        print(f"  extracted {report.extracted}, from the cache {report.cached}", file=out)
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
