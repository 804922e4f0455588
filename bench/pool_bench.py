"""The extraction stage with ``kg.pool.imap_ordered`` against
``concurrent.futures.ProcessPoolExecutor``: does the project's own pool
earn its lines?

Each run is a fresh process that calls :func:`kg.build.build_graph` on the
corpus (``--no-cache``: no cache; no exporter) with ``--workers`` processes,
the runner being either the project's pool (``own``) or an executor with the
same window of tasks in flight (``executor``: ``kg.parallel._ordered`` over
``ProcessPoolExecutor.submit``, forked workers). The two alternate, and the
table gives the median wall and CPU time (the process and its children) of
``--repeat`` runs each. Both runs must give the same graph (a digest of its
``graph.json`` bytes is compared).

    python bench/make_corpus.py /tmp/c20 --mb 20
    python bench/pool_bench.py /tmp/c20 --workers 2 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHILD = r"""
import hashlib, io, json, multiprocessing, resource, sys, time
from concurrent.futures import ProcessPoolExecutor
from kg import parallel
from kg.build import build_graph
from kg.exporters import node_link

corpus, workers, runner = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if runner == "executor":
    def run_processes(tasks, workers):
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as ex:
            for out in parallel._ordered(lambda t: ex.submit(parallel.extract_task_pickled, t), tasks,
                                         4 * workers):
                yield out.loaded()
    parallel.run_processes = run_processes
t0 = time.perf_counter()
graph, report = build_graph([corpus], workers=workers)
wall = time.perf_counter() - t0
buf = io.StringIO()
node_link.dump(graph, buf)
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "docs": report.documents,
                  "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                  "digest": hashlib.sha256(buf.getvalue().encode()).hexdigest()[:16]}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    runs: dict[str, list[dict]] = {"own": [], "executor": []}
    for i in range(args.repeat):
        for runner in runs:
            out = subprocess.run([sys.executable, "-c", CHILD, str(args.corpus), str(args.workers), runner],
                                 check=True, capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            runs[runner].append(r)
            print(f"run {i + 1} {runner:8}: {r['wall']:.1f} s wall, {r['cpu']:.1f} CPU s, "
                  f"graph {r['digest']}", file=sys.stderr, flush=True)
    digests = {r["digest"] for rs in runs.values() for r in rs}
    mb = sum(p.stat().st_size for p in args.corpus.rglob("*.txt")) / 1e6
    print(f"{mb:.1f} MB, --workers {args.workers}, medians of {args.repeat}; "
          f"graphs {'identical' if len(digests) == 1 else 'DIFFER'}")
    print("| runner | wall s (the runs) | CPU s |")
    print("|---|---:|---:|")
    for runner, rs in runs.items():
        walls = [r["wall"] for r in rs]
        print(f"| {runner} | {statistics.median(walls):.1f} ({', '.join(f'{w:.1f}' for w in walls)}) "
              f"| {statistics.median(r['cpu'] for r in rs):.1f} |")


if __name__ == "__main__":
    main()
