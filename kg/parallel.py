"""Run the extractor over many documents: here, in worker processes, or on
a Dask cluster, always handing the results back in the order given.

A :class:`Task` names one file and its metadata; :func:`extract_task` reads
and extracts it, prepares the result for the merge (:func:`kg.merge.prepare`)
and returns an :class:`Outcome`. The runners
(:func:`run_inline`, :func:`run_processes`, :func:`run_dask`) take an
iterable of tasks and yield one outcome per task, in the tasks' order, with
a bounded number in flight, so memory does not grow with the corpus and the
merge (:func:`kg.merge.merge`, the same code for every runner) sees
the documents in a fixed order whatever the number of workers.

Results cross process boundaries as pickled bytes (``Outcome.blob``): the
worker pickles once, and the same bytes go to the cache. Worker processes
are :func:`kg.pool.imap_ordered`'s (a ``ProcessPoolExecutor``).

>>> from pathlib import Path
>>> import tempfile
>>> p = Path(tempfile.mkdtemp()) / "a.txt"; _ = p.write_text("全国总工会主席王东明。", encoding="utf-8")
>>> [o.result.doc for o in run_inline([Task(str(p), "a.txt")])]
['a.txt']
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from extract.corpus import CorpusFile, ReadError, read_source
from extract.pipeline import extract
from kg.merge import Prepared, prepare
from kg.pool import imap_ordered


@dataclass(frozen=True)
class Task:
    path: str
    doc: str
    date: str = ""
    title: str = ""


@dataclass
class Outcome:
    doc: str
    result: Prepared | None = None
    reason: str = ""  # why the file was skipped, when result is None
    blob: bytes | None = None  # the pickled result, when it crossed a process boundary
    cached: bool = False

    def loaded(self) -> "Outcome":
        if self.result is None and self.blob is not None:
            self.result = pickle.loads(self.blob)
        return self

    def pickled(self) -> bytes:
        if self.blob is None:
            self.blob = pickle.dumps(self.result, protocol=pickle.HIGHEST_PROTOCOL)
        return self.blob


def extract_task(task: Task) -> Outcome:
    """Read and extract one file. A file that cannot be read gives its
    reason, and so does one that trips the extractor (a bug, but one text
    should not stop the build of an archive: it is reported and skipped)."""
    try:
        src = read_source(CorpusFile(Path(task.path), task.doc))
    except ReadError as exc:
        return Outcome(task.doc, reason=exc.reason)
    src.date, src.title = task.date, task.title
    try:
        return Outcome(task.doc, prepare(extract(src)))
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Outcome(task.doc, reason=f"the extractor failed on it ({type(exc).__name__}: {exc}, "
                                        f"at {Path(where.filename).name}:{where.lineno}); "
                                        "please report this with the file")


def extract_task_pickled(task: Task) -> Outcome:
    """:func:`extract_task` for another process: the result as pickled bytes."""
    out = extract_task(task)
    if out.result is not None:
        out.pickled()
        out.result = None
    return out


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def run_inline(tasks: Iterable[Task]) -> Iterator[Outcome]:
    for task in tasks:
        yield extract_task(task)


def _ordered(submit, tasks: Iterable[Task], window: int) -> Iterator[Any]:
    """Submit tasks keeping at most ``window`` in flight; yield results in order."""
    pending: deque = deque()
    it = iter(tasks)
    for task in it:
        pending.append(submit(task))
        if len(pending) >= window:
            break
    while pending:
        fut = pending.popleft()
        nxt = next(it, None)
        if nxt is not None:
            pending.append(submit(nxt))
        yield fut.result()


def run_processes(tasks: Iterable[Task], workers: int) -> Iterator[Outcome]:
    """Extract in ``workers`` processes; outcomes in task order."""
    for out in imap_ordered(extract_task_pickled, tasks, workers, describe=lambda t: t.path):
        yield out.loaded()


def run_dask(tasks: Iterable[Task], address: Any) -> Iterator[Outcome]:
    """Extract on a Dask cluster (``tcp://HOST:PORT``, or a ``Client``).

    The workers need this package installed (``pip install 'union-kg[dask]'``)
    and must see the corpus files at the same paths (a shared file system).
    """
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("--dask needs dask.distributed: pip install 'union-kg[dask]'") from exc
    client = address if isinstance(address, Client) else Client(address, set_as_default=False)
    try:
        threads = sum(client.nthreads().values()) or 1
        futures: list = []

        def submit(task: Task):
            fut = client.submit(extract_task_pickled, task, pure=False)
            futures.append(fut)
            return fut

        try:
            for out in _ordered(submit, tasks, 4 * threads):
                futures.pop(0)
                yield out.loaded()
        except BaseException:
            client.cancel(futures)
            raise
    finally:
        if client is not address:
            client.close()


def run(tasks: Iterable[Task], workers: int = 1, dask: Any = None) -> Iterator[Outcome]:
    """The runner for the options given: Dask, worker processes, or this process."""
    if dask is not None:
        return run_dask(tasks, dask)
    if workers > 1:
        return run_processes(tasks, workers)
    return run_inline(tasks)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("kg.parallel is a library; run `kg build --workers N`")
