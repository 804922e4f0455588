"""Write a graph's output formats into one staging folder, published at once.

The formats (:data:`kg.exporters.FORMATS`) are independent of each other:
with ``workers`` above 1 they are written that many at a time, each in a
process of a :class:`~concurrent.futures.ProcessPoolExecutor` forked from
this one, so the graph is not copied or pickled but inherited. The slowest
formats (by :attr:`kg.exporters.Format.cost`) start first, so the last one
to finish is not a slow one started late. Each writer writes only its own
files into the staging folder of :func:`kg.outputs.staged_outputs`, which
is published when every format has finished: the previous outputs stay as
they are until then, and stay so when a writer fails. A file's bytes do not
depend on the process that wrote it, so the output is the same whatever
the number of workers.

``progress`` (an :class:`ExportProgress`, :class:`kg.cli_summary.ExportLines`
in the CLI) is told as each format starts and finishes.

>>> import tempfile, pathlib
>>> from kg.model import KnowledgeGraph
>>> g = KnowledgeGraph(); _ = g.add_node("Person", "刘伟")
>>> write_outputs(g, pathlib.Path(tempfile.mkdtemp()), ("json", "report"), workers=2)
['graph.json', 'report.md']
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Iterable, Protocol, runtime_checkable

from kg.exporters import DEFAULT_FORMATS, ExportOptions, format_named
from kg.model import KnowledgeGraph
from kg.outputs import staged_outputs
from kg.pool import exit_with_parent, fork_is_safe


@runtime_checkable
class ExportProgress(Protocol):
    """What follows the export: told each format's name as it starts, and
    again with the time it took and the names it wrote as it finishes."""

    def started(self, name: str) -> None: ...

    def finished(self, name: str, seconds: float, files: list[str]) -> None: ...


class ExportFailed(RuntimeError):
    """A process writing a format ended before it finished (killed, out of
    memory); the message names the format."""


_GRAPH: KnowledgeGraph | None = None  # the graph the forked writers inherit


def _write_one(name: str, stage: Path, options: ExportOptions) -> tuple[list[str], float]:
    """In a writer process: one format, and the seconds it took."""
    assert _GRAPH is not None, "set kg.export._GRAPH before forking the writers"
    t0 = time.perf_counter()
    files = format_named(name).write(_GRAPH, stage, options)
    return files, time.perf_counter() - t0


def write_formats(graph: KnowledgeGraph, stage: Path, formats: Iterable[str],
                  options: ExportOptions | None = None, *, workers: int = 1,
                  progress: ExportProgress | None = None) -> list[str]:
    """Write ``formats`` into the folder ``stage``, ``workers`` at a time;
    the names written, in the order of ``formats``. A writer's own error is
    raised here as it was raised there."""
    formats = list(dict.fromkeys(formats))
    for name in formats:
        format_named(name)  # an unknown name stops the export before any is written
    options = options or ExportOptions()
    written: dict[str, list[str]] = {}
    workers = min(workers, len(formats))
    if workers <= 1 or not fork_is_safe():  # one at a time, here
        for name in formats:
            if progress is not None:
                progress.started(name)
            t0 = time.perf_counter()
            written[name] = format_named(name).write(graph, stage, options)
            if progress is not None:
                progress.finished(name, time.perf_counter() - t0, written[name])
    else:
        _write_side_by_side(graph, stage, formats, options, workers, progress, written)
    return [f for name in formats for f in written[name]]


def _write_side_by_side(graph: KnowledgeGraph, stage: Path, formats: list[str], options: ExportOptions,
                        workers: int, progress: ExportProgress | None, written: dict[str, list[str]]) -> None:
    global _GRAPH
    todo = deque(sorted(formats, key=lambda n: -format_named(n).cost))  # the slowest first
    running: dict[Future, str] = {}
    _GRAPH = graph
    gc.freeze()  # the children's collections leave the inherited objects alone (no copy on write)
    try:
        # a build killed with SIGKILL cannot stop its writers: they stop themselves
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=exit_with_parent) as pool:
            def submit() -> None:
                name = todo.popleft()
                if progress is not None:
                    progress.started(name)
                running[pool.submit(_write_one, name, stage, options)] = name

            while todo and len(running) < workers:  # no more in flight than workers: each starts when said
                submit()
            def died(*names: str) -> ExportFailed:  # which of those in flight died, the pool does not say
                held = ", ".join(n for n in formats if n in names or n in running.values())
                return ExportFailed(f"writing {held}: a process writing them ended before it "
                                    "finished (killed, or out of memory? try --workers 1)")

            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in sorted(done, key=lambda f: formats.index(running[f])):
                    name = running.pop(fut)
                    try:
                        files, seconds = fut.result()
                    except BrokenProcessPool:
                        raise died(name) from None
                    written[name] = files
                    if progress is not None:
                        progress.finished(name, seconds, files)
                    if todo:
                        try:
                            submit()
                        except BrokenProcessPool:  # a writer still in flight died meanwhile
                            raise died() from None
    finally:
        _GRAPH = None
        gc.unfreeze()


def write_outputs(graph: KnowledgeGraph, out_dir: Path, formats: Iterable[str] = DEFAULT_FORMATS,
                  options: ExportOptions | None = None, *, workers: int = 1,
                  progress: ExportProgress | None = None) -> list[str]:
    """Write ``formats`` of ``graph`` into ``out_dir`` (see the module's
    docstring and :mod:`kg.outputs` for the layout); the names written."""
    with staged_outputs(Path(out_dir)) as stage:
        return write_formats(graph, stage, formats, options, workers=workers, progress=progress)
