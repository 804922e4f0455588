"""CPU time of extraction per document, and of the part that is not the
tagger's ONNX call: what the rules and the tagger's Python cost.

Runs :func:`kg.parallel.extract_task` (read, :func:`extract.pipeline.extract`,
:func:`kg.merge.prepare`) over every ``.txt`` of a corpus in this process,
``--repeat`` times after a warm-up on the first three files (dictionaries
loaded, patterns compiled, the ONNX session made), and prints the median
and each run of ``time.process_time()``, in all and outside
``session.run`` (the encoder, timed around each call). With
``UNION_KG_RULES_ONLY=1`` the tagger is off and the two figures are one.
``--profile`` prints cProfile's top functions of one run instead. A script
that prints figures, not a test.

    python bench/make_corpus.py /tmp/corpus2 --mb 2
    python bench/extract_bench.py /tmp/corpus2 [--repeat 3] [--profile]
    UNION_KG_RULES_ONLY=1 python bench/extract_bench.py /tmp/corpus2
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from extract import pipeline, tagger  # noqa: E402
from kg.parallel import Task, extract_task  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="print cProfile's top functions of one run")
    args = ap.parse_args()
    files = sorted(args.corpus.rglob("*.txt"))
    if not files:
        sys.exit(f"{args.corpus}: no .txt files; make a corpus with bench/make_corpus.py")
    tasks = [Task(str(p), str(p.relative_to(args.corpus))) for p in files]
    mb = sum(p.stat().st_size for p in files) / 1e6
    in_run = [0.0]
    if pipeline.statistical():
        model = tagger._model()
        run = model.session.run

        def timed(*a, **k):
            t = time.process_time()
            try:
                return run(*a, **k)
            finally:
                in_run[0] += time.process_time() - t

        model.session.run = timed
    for t in tasks[:3]:
        extract_task(t)
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for t in tasks:
            extract_task(t)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(40)
        return
    total, outside = [], []
    for _ in range(args.repeat):
        in_run[0] = 0.0
        t0 = time.process_time()
        for t in tasks:
            extract_task(t)
        total.append(time.process_time() - t0)
        outside.append(total[-1] - in_run[0])
    mode = "statistical tagger on" if pipeline.statistical() else "rules only"
    each = lambda v: ", ".join(f"{x:.2f}" for x in v)  # noqa: E731
    print(f"{len(files)} documents, {mb:.2f} MB, {mode}, load average {os.getloadavg()[0]:.1f}")
    print(f"extraction CPU s: {statistics.median(total):.2f} ({each(total)}), "
          f"{statistics.median(total) / mb:.2f} s/MB")
    print(f"outside session.run: {statistics.median(outside):.2f} ({each(outside)}), "
          f"{statistics.median(outside) / mb:.2f} s/MB")


if __name__ == "__main__":
    main()
