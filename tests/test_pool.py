"""kg.pool.imap_ordered: results in the items' order, few items in flight,
a dead worker or a failing function named, no worker left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from kg.parallel import Task, extract_task
from kg.pool import WorkerDied, WorkerError, imap_ordered
from tests.conftest import CORPUS, ROOT


def _slow_square(n: int) -> int:
    time.sleep(0.002 * (n % 5))  # later items often finish first
    return n * n


def _dies_on_three(n: int) -> int:
    if n == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def _fails_on_two(n: int) -> int:
    if n == 2:
        raise ValueError("two is not allowed")
    return n


def _children() -> set[int]:
    return {p.pid for p in psutil.Process().children(recursive=True) if p.status() != psutil.STATUS_ZOMBIE}


def test_pool_results_come_in_item_order():
    assert list(imap_ordered(_slow_square, range(40), workers=2)) == [n * n for n in range(40)]


def test_pool_reads_items_no_further_than_its_window():
    pulled = []

    def items():
        for n in range(100):
            pulled.append(n)
            yield n

    results = imap_ordered(_slow_square, items(), workers=2, window=6)
    assert next(results) == 0
    assert len(pulled) <= 7  # the window, and the one that found it full
    assert list(results) == [n * n for n in range(1, 100)]


def test_pool_dead_worker_stops_the_run_naming_what_it_held():
    before = _children()
    with pytest.raises(WorkerDied, match=r"killed by signal 9.*item 3"):
        list(imap_ordered(_dies_on_three, range(8), workers=2, describe=lambda n: f"item {n}"))
    assert _children() <= before


def test_pool_exception_in_a_worker_is_raised_with_its_traceback():
    with pytest.raises(WorkerError, match=r"(?s)item 2:.*ValueError: two is not allowed"):
        list(imap_ordered(_fails_on_two, range(8), workers=2, describe=lambda n: f"item {n}"))


def test_pool_stopping_early_leaves_no_worker_behind():
    before = _children()
    results = imap_ordered(_slow_square, range(1000), workers=2)
    assert [next(results) for _ in range(3)] == [0, 1, 4]
    results.close()
    assert _children() <= before


def test_pool_document_that_trips_the_extractor_is_skipped_with_its_reason(tmp_path, monkeypatch):
    import kg.parallel

    real = kg.parallel.extract

    def extract(src):
        if "故障样本" in src.text:
            raise IndexError("list index out of range")
        return real(src)

    monkeypatch.setattr(kg.parallel, "extract", extract)
    sample = sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8")
    outs = []
    for i, extra in enumerate(["第一份。", "故障样本。", "第三份。"]):
        p = tmp_path / f"{i}.txt"
        p.write_text(sample + extra, encoding="utf-8")
        outs.append(extract_task(Task(str(p), p.name)))
    assert [o.result is not None for o in outs] == [True, False, True]
    assert outs[1].reason.startswith("the extractor failed on it (IndexError: list index out of range, at ")


def test_pool_build_whose_worker_is_killed_says_so_and_keeps_previous_outputs(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):  # enough work that the build is still extracting when a worker is killed
        for p in CORPUS.glob("*.txt"):
            (corpus / f"{i:02d}-{p.name}").write_text(p.read_text(encoding="utf-8") + f"\n第{i}份。",
                                                      encoding="utf-8")
    out = tmp_path / "out"
    (out / "graph.json").parent.mkdir()
    (out / "graph.json").write_text("{}", encoding="utf-8")  # a previous build's
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out),
                             "--workers", "2", "--no-cache", "--formats", "json"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    build = psutil.Process(proc.pid)
    deadline = time.monotonic() + 30
    while len(build.children()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "the build finished before a worker could be killed; give it more work"
    build.children()[0].send_signal(signal.SIGKILL)  # as the kernel's out-of-memory killer would
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    assert "a worker process ended (killed by signal 9)" in err and "previous outputs" in err
    assert (out / "graph.json").read_text(encoding="utf-8") == "{}"
