"""A function over a stream of items in worker processes
(:class:`concurrent.futures.ProcessPoolExecutor`), results handed back in
the items' order, few items in flight.

The project had a pool of its own here (a pipe per worker kept two items
ahead); measured against the executor on the extraction stage (20 MB from
``bench/make_corpus.py``, ``--workers 2``, statistical recogniser on,
``bench/pool_bench.py``, medians of three) it was not faster: 100.6 s wall
and 168.7 CPU s against 103.8 s and 169.6 CPU s, with runs spread over
85–115 s either way. So the standard library does it.

A worker that dies (killed, out of memory) stops the run with an error that
says how and names the items in flight. An exception inside ``fn`` stops
the run with the worker's traceback (:func:`kg.parallel.extract_task` turns
its own into a result: one document that trips the extractor does not stop
a build). Workers ignore Ctrl-C, which the caller handles, and exit when
the caller is gone.

>>> list(imap_ordered(abs, [-3, 1, -2], workers=2))
[3, 1, 2]
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator


def fork_is_safe() -> bool:
    """Whether this process may fork: on Linux, and running no other thread
    (a Dask client, a host application), whose locks a child could inherit
    held, and hang on."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _context():
    # fork where it is safe: the workers start at once with what is loaded
    # (the tagger's model, the dictionaries), and the caller's script needs no
    # ``if __name__ == "__main__"`` guard; otherwise forkserver (workers forked
    # from a clean server process), spawn where there is neither
    if fork_is_safe():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this process when its parent dies:
    that needs no Python thread, so it holds while the process is in a long
    call that keeps the interpreter's lock (a writer serialising a graph)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # no prctl here: the watching thread alone


def exit_with_parent(interval: float = 0.5) -> None:
    """In a worker: exit once the process that started it is gone (a build
    killed with SIGKILL cannot stop its workers, and they would wait for work
    forever): killed by the kernel where Linux's prctl can ask for it, and
    checked every ``interval`` seconds on a daemon thread."""
    parent = os.getppid()
    _die_with_parent()
    if os.getppid() != parent:
        os._exit(1)  # gone before the kernel was asked

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(interval)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()


class WorkerFailed(RuntimeError):
    """The run stopped because of a worker."""


class WorkerDied(WorkerFailed):
    """A worker process ended before it was told to."""


class WorkerError(WorkerFailed):
    """``fn`` raised in a worker; the message has the worker's traceback."""


def _died(procs: list, held: list[Any], describe: Callable[[Any], str]) -> WorkerDied:
    """The error for a pool one of whose ``procs`` died; the executor
    terminates the others (SIGTERM), so the one that died is the one that
    ended otherwise."""
    codes = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
    code = next((c for c in codes if c != -signal.SIGTERM), codes[0] if codes else None)
    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    hint = " (out of memory? try fewer workers)" if code == -signal.SIGKILL else ""
    return WorkerDied(f"a worker process ended ({how}){hint} while it held one of: "
                      f"{', '.join(describe(item) for item in held) or 'nothing'}")


def _remote_traceback(exc: BaseException) -> str:
    tb = getattr(exc.__cause__, "tb", None)  # the executor's _RemoteTraceback
    return tb.strip() if tb else "".join(traceback.format_exception_only(type(exc), exc)).strip()


def imap_ordered(fn: Callable[[Any], Any], items: Iterable[Any], workers: int, *,
                 window: int | None = None, describe: Callable[[Any], str] = repr) -> Iterator[Any]:
    """``fn(item)`` for each item, computed in ``workers`` processes, yielded
    in the items' order.

    At most ``window`` items (default ``4 * workers``) are in flight, so
    memory does not grow with the stream. ``fn`` must be a module-level
    function; items and results must pickle. ``describe`` names an item in
    the error raised when a worker dies.
    """
    window = max(window or 4 * workers, workers)
    pool = ProcessPoolExecutor(max(1, workers), mp_context=_context(), initializer=_start_worker)
    procs: dict[int, Any] = {}  # the workers started so far (forked ones all start at the first call)
    pending: deque[tuple[Any, Future]] = deque()
    it = iter(items)
    graceful = False

    def workers_now() -> None:
        procs.update(getattr(pool, "_processes", None) or {})

    def submit(item: Any) -> None:
        pending.append((item, pool.submit(fn, item)))
        workers_now()

    try:
        for item in it:
            submit(item)
            if len(pending) >= window:
                break
        while pending:
            item, fut = pending[0]
            try:
                result = fut.result()
            except BrokenProcessPool:
                workers_now()
                pool.shutdown(wait=True)  # the executor joins every worker: their exit codes are known
                raise _died(list(procs.values()), [i for i, _ in pending], describe) from None
            except Exception as exc:
                raise WorkerError(f"{describe(item)}: {_remote_traceback(exc)}") from None
            pending.popleft()
            for nxt in it:
                submit(nxt)
                break
            yield result
        graceful = True
    finally:
        pool.shutdown(wait=graceful, cancel_futures=True)
        if not graceful:  # stopped early or failed: no worker is left behind
            for p in procs.values():
                if p.is_alive():
                    p.terminate()
                p.join(5)
