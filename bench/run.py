"""Benchmark of ``kg build`` against the jieba floor, at one or more sizes.

For each size N (MB) it generates a corpus in which every document is altered
(:mod:`make_corpus`), then times, each in its own process:

(a) reading the corpus and segmenting it with a bare private jieba Tokenizer
    and the project's dictionary (``bench/floor.py``), the floor;
(b) ``kg build --workers 1 --no-cache``;
(c) ``kg build --workers 2 --no-cache``;

and prints wall time, throughput, CPU time and peak RSS (the sum over the
process and its children, sampled every 0.2 s; also their summed PSS, which
counts a page forked processes share once, sampled every second), and the ratios the issue
asks for. A script that prints figures, not a test.

    python bench/run.py --mb 10 100 [--repeat 3] [--keep DIR]

With ``--repeat K`` the three runs are made K times, interleaved, and the
tables give each figure's median (peak RSS: the largest); a shared or
virtual machine's speed drifts by several per cent between runs.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import make_corpus  # noqa: E402


# seconds between memory samples: at 0.05 s the sampler (every process's
# /proc entries, 20 times a second) took 13 % of a core, which the measured
# build's second worker then lacked; a writer's or a worker's peak lasts
# seconds, so 0.2 s still sees it
SAMPLE_EVERY = 0.2
# PSS is read every this many samples (once a second): the kernel walks every
# page table of a process to sum it (/proc/PID/smaps_rollup), 2.6 ms a process
# of 300 MB here, where RSS and CPU times cost 0.04 ms; read at every sample it
# took 4 % of a core, all of it from --workers 2, whose two workers have no
# core to spare, and none from --workers 1 (measured on 5 MB, 2026-12-02)
PSS_EVERY = 5


def _sample(proc: psutil.Process, cpu: dict[int, float], pss_too: bool = True) -> tuple[int, int]:
    """Summed RSS and summed PSS of ``proc`` and its children; records each
    one's CPU time. RSS counts a page every process shares (a forked
    writer's inherited graph) once per process; PSS splits it between them,
    so their sum is the memory the run holds (0 where the system has no PSS,
    or when ``pss_too`` is false: it is the costly one)."""
    rss = pss = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    for p in procs:
        try:
            with p.oneshot():
                rss += p.memory_info().rss
                t = p.cpu_times()
                cpu[p.pid] = t.user + t.system
            if pss_too:
                pss += getattr(p.memory_full_info(), "pss", 0)
        except (psutil.Error, OSError):
            pass
    return rss, pss


def measure(cmd: list[str], log: Path) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    cpu: dict[int, float] = {}
    with open(log, "wb") as fh:
        popen = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT)
        proc = psutil.Process(popen.pid)
        peak = peak_pss = 0
        for n in itertools.count():
            if popen.poll() is not None:
                break
            rss, pss = _sample(proc, cpu, pss_too=n % PSS_EVERY == 0)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            time.sleep(SAMPLE_EVERY)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if popen.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({popen.returncode}); see {log}")
    total = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # the busiest single process: on an otherwise idle machine with a core
    # for each process, the run cannot take less than this
    busiest = max(cpu.values(), default=total)
    return {"wall": wall, "cpu": total, "busiest": busiest, "main": cpu.get(popen.pid, total),
            "rss": peak / 2**20, "pss": peak_pss / 2**20}


def _median(tries: list[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over the tries; peak RSS, the largest."""
    out = {k: statistics.median(t[k] for t in tries) for k in tries[0]}
    out["rss"] = max(t["rss"] for t in tries)
    out["pss"] = max(t.get("pss", 0) for t in tries)
    return out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return (f"{cpu}, {os.cpu_count()} CPUs, {mem:.0f} GiB, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[10])
    ap.add_argument("--keep", type=Path, help="generate the corpora here and keep them")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--formats", default=None, help="passed to kg build (default: all outputs)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each; medians are reported")
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    py = sys.executable
    kg = [py, "-m", "kg.cli", "build"] + (["--formats", a.formats] if a.formats else [])
    print(f"machine: {machine()}")
    print(f"kg build outputs: {a.formats or 'all'}")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rows = []
    for mb in a.mb:
        corpus = work / f"corpus-{mb:g}mb"
        n, size = make_corpus(corpus, mb, a.seed)
        out = work / f"out-{mb:g}mb"
        tries: dict[str, list[dict[str, float]]] = {"a": [], "b": [], "c": []}
        for _ in range(max(1, a.repeat)):
            tries["a"].append(measure([py, str(HERE / "floor.py"), str(corpus)], work / f"a-{mb:g}.log"))
            for key, w in (("b", 1), ("c", 2)):
                shutil.rmtree(out, ignore_errors=True)
                tries[key].append(measure(kg + [str(corpus), "--out", str(out), "--workers", str(w),
                                                "--no-cache"], work / f"{key}-{mb:g}.log"))
                (work / f"graph-{key}-{mb:g}.json").write_bytes((out / "graph.json").read_bytes())
            print(f"{mb:g} MB, wall s: " + ", ".join(f"({k}) {t[-1]['wall']:.1f}" for k, t in tries.items()),
                  flush=True)
        runs = {key: _median(t) for key, t in tries.items()}
        same = (work / f"graph-b-{mb:g}.json").read_bytes() == (work / f"graph-c-{mb:g}.json").read_bytes()
        mbs = size / 1e6
        for key in "abc":
            r = runs[key]
            r["mbps"] = mbs / r["wall"]
        rows.append((mb, n, mbs, runs, same))
        print(f"\n{n} documents, {mbs:.1f} MB; load average now "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print("| run | wall s | MB/s (wall) | CPU s, all processes | busiest process CPU s "
              "| MB per busiest-process CPU s | peak RSS MiB (sum) |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for key, name in (("a", "(a) jieba floor"), ("b", "(b) kg build --workers 1"),
                          ("c", "(c) kg build --workers 2")):
            r = runs[key]
            print(f"| {name} | {r['wall']:.1f} | {r['mbps']:.2f} | {r['cpu']:.1f} | {r['busiest']:.1f} "
                  f"| {mbs / r['busiest']:.2f} | {r['rss']:.0f} |")
        a_, b_, c_ = runs["a"], runs["b"], runs["c"]
        print(f"wall: (b)/(a) throughput {b_['mbps'] / a_['mbps']:.2f} (target >= 0.8); "
              f"(c)/(b) {c_['mbps'] / b_['mbps']:.2f} (target >= 1.7)")
        # on an idle machine a run takes at least its busiest process's CPU time
        # and at least its total CPU time spread over the cores
        cores = os.cpu_count() or 1
        bound = {k: max(r["busiest"], r["cpu"] / cores) for k, r in runs.items()}
        print(f"CPU-bound estimate (idle machine, {cores} cores): (b)/(a) {bound['a'] / bound['b']:.2f}; "
              f"(c)/(b) {bound['b'] / bound['c']:.2f}; (c) main process {c_['main']:.1f} CPU s")
        print(f"graph.json of (b) and (c) identical: {same}")
    if len(rows) > 1:
        small, big = rows[0], rows[-1]
        for key in "bc":
            ratio = big[3][key]["rss"] / small[3][key]["rss"]
            print(f"peak RSS ({key}) at {big[0]:g} MB / at {small[0]:g} MB: {ratio:.2f} (target <= 2)")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
