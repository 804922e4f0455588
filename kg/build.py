"""From corpus files to a :class:`~kg.model.KnowledgeGraph`: the one bridge
between the extractor and the graph.

``build_graph`` reads each document, extracts it, and merges its mentions and
facts into the graph; a file that cannot be read is reported and skipped.
``write_outputs`` (:mod:`kg.export`) runs the exporters into a staging folder
and publishes the whole set at once. What the command prints (progress,
summary) is the CLI's: :mod:`kg.cli_summary`.

>>> report = BuildReport()
>>> report.exit_code
0
"""

from __future__ import annotations

import itertools
import os
import pickle
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol, runtime_checkable

from extract import pipeline
from extract.corpus import MAX_BYTES, CorpusFile, ReadError, Skipped, discover, printable, read_metadata
from kg import parallel
from kg.cache import ResultCache, cache_key
from kg.export import write_outputs  # noqa: F401  (the library's two steps, side by side)
from kg.exporters import DEFAULT_FORMATS  # noqa: F401
from kg.identity import unify_people
from kg.merge import FORMAT, Prepared, merge
from kg.model import KnowledgeGraph
from kg.parallel import Outcome, Task

EXIT_SKIPPED = 3  # some files could not be read; the rest was built


@dataclass
class BuildReport:
    documents: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (document, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (document, warning)
    encodings: dict[str, str] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    extracted: int = 0  # documents extracted in this build
    cached: int = 0  # documents read back from the cache

    @property
    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.skipped else 0


@runtime_checkable
class Progress(Protocol):
    """What follows a build's progress (:class:`kg.cli_summary.Progress`):
    told the size of the work, then of each document as it is merged or
    skipped, then that it is over."""

    def start(self, total_bytes: int, total_docs: int) -> None: ...

    def advance(self, nbytes: int) -> None: ...

    def close(self) -> None: ...


def _tasks(files: list[CorpusFile], meta: dict[Path, dict[str, dict[str, str]]]) -> list[Task]:
    """One task per file, with the metadata.csv row of the folder it was
    found in (by its path there, else by its name): a folder's metadata
    never dates another folder's file of the same name."""
    tasks = []
    for cf in files:
        own = meta.get(cf.base, {}) if cf.base is not None else {}
        m = own.get(cf.rel) or own.get(cf.path.name) or {}
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
    if not isinstance(result, Prepared) or result.doc != doc:
        return None
    return Outcome(doc, result, blob=blob, cached=True)


def build_graph(inputs: Iterable[Path | str], *, strict: bool = False,
                progress: Progress | Callable[[str], None] | None = None,
                report: BuildReport | None = None, workers: int = 1, dask: Any = None,
                cache_dir: Path | str | None = None) -> tuple[KnowledgeGraph, BuildReport]:
    """Read and extract every document under ``inputs`` into one graph.

    Documents are read and extracted one at a time (``workers`` > 1: in that
    many processes; ``dask``: on a Dask cluster at that address) and merged
    in document order, so the graph is the same whatever runs the extraction.
    With ``cache_dir``, results are kept there and documents seen before are
    not extracted again (see :mod:`kg.cache`). ``progress``: a
    :class:`Progress`, or a callback given each document id as it is merged.
    """
    report = report or BuildReport()
    inputs = [Path(p) for p in inputs]
    unlisted: list[Skipped] = []
    files: list[CorpusFile] = discover(inputs, unlisted)
    report.skipped.extend((s.path, s.reason) for s in unlisted)
    if strict and unlisted:
        raise ReadError(unlisted[0].path, unlisted[0].reason)
    # metadata.csv of each folder given, and of the folder of each file given
    meta: dict[Path, dict[str, dict[str, str]]] = {}
    for folder in dict.fromkeys(p if p.is_dir() else p.parent for p in inputs):
        problems: list[str] = []
        meta[folder] = read_metadata(folder, problems)
        report.warnings.extend((printable(str(folder)), w) for w in problems)
    version = pipeline.extractor_version()  # read now: tests change it
    graph = KnowledgeGraph({"extractor": version})
    tasks = _tasks(files, meta)
    cache = ResultCache(Path(cache_dir), f"{version}-{FORMAT}") if cache_dir is not None else None
    bar = progress if isinstance(progress, Progress) else None
    if bar is not None:
        bar.start(sum(_file_size(t.path) for t in tasks), len(tasks))
    outcomes = _outcomes(tasks, workers=workers, dask=dask, cache=cache, report=report)
    try:
        for task, out in zip(tasks, outcomes):
            if bar is not None:
                bar.advance(_file_size(task.path))
            if out.result is None:
                report.skipped.append((out.doc, out.reason))
                if strict:
                    raise ReadError(task.path, out.reason)
                continue
            result = out.result
            out.result = out.blob = None  # let it go once merged
            report.documents += 1
            report.encodings[result.doc] = result.encoding
            report.warnings.extend((result.doc, w) for w in result.warnings)
            merge(graph, result)
            del result
            if bar is None and callable(progress):
                progress(task.doc)
    finally:
        close = getattr(outcomes, "close", None)
        if close:
            close()
        if bar is not None:
            bar.close()
    unify_people(graph)
    return graph, report

