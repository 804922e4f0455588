"""Per-writer times of the export stage on one ``graph.json``.

The graph is read once (:func:`kg.exporters.node_link.read`, not timed);
then each format of :data:`kg.exporters.FORMATS` is written ``--repeat``
times into a fresh folder, one after the other as ``kg build --workers 1``
writes them, and its CPU time (``time.process_time()``: the machine is
shared, wall time is noisy) and wall time are printed, medians of the runs.
With ``--compare DIR`` every file written is compared byte for byte with
the file of the same name under ``DIR`` (the output folder of an earlier
build, e.g. ``output/``); with ``--profile NAME`` one more run of that
writer goes through cProfile and its 25 most expensive functions (by
cumulative time) are printed; with ``--memory`` each writer runs once more
in a forked child, and the child's peak RSS above its RSS at the start (the graph
it inherits) is printed: about what the writer itself holds at its
largest.

    python bench/export_bench.py output/graph.json [--formats rdf,graphml]
        [--repeat 3] [--compare output] [--profile rdf] [--memory]

Prints a Markdown table:

    | format | CPU s (median) | the runs | wall s (median) | files |
"""

from __future__ import annotations

import argparse
import cProfile
import filecmp
import io
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def compare(written: Path, reference: Path) -> list[str]:
    """The files under ``written`` that differ from (or are missing in)
    ``reference``."""
    bad = []
    for rel in _files(written):
        ref = reference / rel
        if not ref.is_file() or not filecmp.cmp(written / rel, ref, shallow=False):
            bad.append(str(rel))
    return bad


def _status_kib(field: str) -> int:
    """A figure of this process's /proc/self/status (KiB): VmRSS, VmHWM."""
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith(field + ":"))


def peak_above_start(write, *args) -> float:
    """MiB the peak RSS of a forked child running ``write(*args)`` rose above
    its RSS when it started (the parent's pages it inherits, the graph)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write, then report its growth
        os.close(r)
        code = 0
        try:
            start = _status_kib("VmRSS")
            write(*args)
            os.write(w, str(_status_kib("VmHWM") - start).encode())
        except BaseException:
            code = 1
        os._exit(code)
    os.close(w)
    with os.fdopen(r) as fh:
        grown = int(fh.read() or 0)
    _, status = os.waitpid(pid, 0)
    if status:
        raise RuntimeError(f"the writer failed in the child (status {status})")
    return grown / 1024


def main() -> None:
    from kg.exporters import FORMATS, ExportOptions
    from kg.exporters.node_link import read

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", type=Path, help="a graph.json written by kg build")
    ap.add_argument("--formats", default=",".join(FORMATS), help="comma-separated (default: all)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each writer (0: none)")
    ap.add_argument("--compare", type=Path, help="an output folder to compare every file with")
    ap.add_argument("--profile", help="one format to run once more under cProfile")
    ap.add_argument("--memory", action="store_true", help="each writer's peak RSS, in a forked child")
    a = ap.parse_args()
    names = [n for n in a.formats.split(",") if n]
    for n in names + ([a.profile] if a.profile else []):
        if n not in FORMATS:
            ap.error(f"unknown format {n!r}; known: {', '.join(FORMATS)}")

    t0 = time.perf_counter()
    graph = read(a.graph)
    print(f"{a.graph}: {len(graph.nodes):,} nodes, read in {time.perf_counter() - t0:.1f} s; "
          f"CPU s, medians of {a.repeat}")
    options = ExportOptions()
    if a.memory:  # first: the timed runs leave freed memory that a child would reuse
        print("| format | peak RSS above the graph, MiB |")
        print("|---|---:|")
        for name in names:
            out = Path(tempfile.mkdtemp(prefix=f"export-bench-{name}-"))
            try:
                print(f"| {name} | {peak_above_start(FORMATS[name].write, graph, out, options):.0f} |")
            finally:
                shutil.rmtree(out, ignore_errors=True)
    if a.repeat < 1:
        return
    rows, differ = [], {}
    total = 0.0
    for name in names:
        cpu, wall = [], []
        for i in range(a.repeat):
            out = Path(tempfile.mkdtemp(prefix=f"export-bench-{name}-"))
            try:
                c0, w0 = time.process_time(), time.perf_counter()
                files = FORMATS[name].write(graph, out, options)
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
                if a.compare is not None and i == 0:
                    differ[name] = compare(out, a.compare)
            finally:
                shutil.rmtree(out, ignore_errors=True)
        med = statistics.median(cpu)
        total += med
        runs = ", ".join(f"{c:.2f}" for c in cpu)
        rows.append(f"| {name} | {med:.2f} | {runs} | {statistics.median(wall):.2f} | {', '.join(files)} |")
    print("| format | CPU s (median) | the runs | wall s (median) | files |")
    print("|---|---:|---|---:|---|")
    print("\n".join(rows))
    print(f"| all | {total:.2f} | | | |")
    if a.compare is not None:
        for name, bad in differ.items():
            print(f"{name}: {'byte-identical to ' + str(a.compare) if not bad else 'DIFFERS: ' + ', '.join(bad)}")
    if a.profile:
        out = Path(tempfile.mkdtemp(prefix="export-bench-profile-"))
        try:
            prof = cProfile.Profile()
            prof.runcall(FORMATS[a.profile].write, graph, out, options)
        finally:
            shutil.rmtree(out, ignore_errors=True)
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(25)
        print(buf.getvalue())


if __name__ == "__main__":
    main()
