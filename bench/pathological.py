"""Time and peak memory of the extractor over generated repetitive inputs.

Each *shape* is a short unit of text repeated to fill 10, 100 and 1,000 KB
(UTF-8 bytes): one long clause of list items, a region name without end, a
run of quoted programmes, titles and names, unclosed brackets and quotes …
the inputs that made a recogniser rescan what it had already read. Every run
is one document through :func:`extract.pipeline.extract`, in its own
process, so that the peak RSS is that document's. A near-linear extractor
takes about ten times as long for ten times the text; a quadratic one, a
hundred.

    python bench/pathological.py [--kb 10 100 1000] [--shape NAME ...] [--timeout 120]

``tests/test_pathological.py`` runs every shape at 100 KB under a time and
memory bound; this script prints the figures.

>>> len(generate("region", 10).encode("utf-8")) >= 10 * 1000
True
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# name -> (head written once, unit repeated, tail written once)
SHAPES: dict[str, tuple[str, str, str]] = {
    "list-clause": ("总工会", "开展劳动竞赛、", "等活动。"),
    "region": ("", "北京市", "总工会。"),
    "region-run": ("", "北京市", ""),
    "nested-regions": ("", "辽宁省沈阳市和平区", "总工会。"),
    "quoted-programme": ("", "“安康杯”竞赛、", "等品牌。"),
    "quoted-list": ("深入开展", "“玫瑰书香”、", "等品牌。"),
    "verb-head": ("", "设立就业服务专项基金和", "。"),
    "titles": ("刘伟", "市总工会主席、", "刘伟。"),
    "names": ("", "刘 伟、", "出席会议。"),
    "orgs": ("", "辽宁省总工会", "。"),
    "unclosed-quote": ("", "“工会", "。"),
    "unclosed-bracket": ("", "（记者", "）"),
    "no-punctuation": ("", "工会职工劳动模范代表大会委员会", "。"),
    "lines": ("", "北京市总工会主席刘伟出席。\n", ""),
    "short-lines": ("", "工\n", ""),
    "event": ("", "第十次代表大会、", "召开。"),
    "documents": ("", "《关于加强工会工作的意见》、", "印发。"),
}


def generate(shape: str, kb: int) -> str:
    """``shape``'s unit repeated until the text holds ``kb`` thousand bytes."""
    head, unit, tail = SHAPES[shape]
    n = max(1, (kb * 1000 - len((head + tail).encode("utf-8"))) // len(unit.encode("utf-8")) + 1)
    return head + unit * n + tail


def _peak_kb() -> int:
    """This process's peak RSS in kB: VmHWM (ru_maxrss would count the RSS
    of the parent it was forked from, a large pytest say, kept across exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child(shapes: list[str], kb: int) -> None:
    """Extract each shape in turn in this process; one JSON line each (the
    peak RSS is this process's so far, so a line's figure bounds its shape's)."""
    sys.path.insert(0, str(ROOT))
    from extract.corpus import SourceText
    from extract.pipeline import extract

    extract(SourceText("warm.txt", None, "北京市总工会主席刘伟出席。", "utf-8"))  # load the data
    for shape in shapes:
        text = generate(shape, kb)
        t0 = time.perf_counter()
        result = extract(SourceText(f"{shape}.txt", None, text, "utf-8"))
        seconds = time.perf_counter() - t0
        print(json.dumps({"shape": shape, "seconds": seconds, "peak_mb": _peak_kb() / 1024,
                          "mentions": len(result.mentions)}), flush=True)


def measure(shape: str, kb: int, timeout: float = 120.0) -> dict:
    """Run one shape at one size in a fresh process; its figures, or
    ``{"timeout": True}`` when it did not finish in ``timeout`` seconds."""
    return measure_all([shape], kb, timeout)[0]


def measure_all(shapes: list[str], kb: int, timeout: float = 120.0) -> list[dict]:
    """Several shapes at one size, one after the other in one fresh process
    (each shape's peak RSS is then that of it and the ones before it)."""
    try:
        done = subprocess.run([sys.executable, __file__, "--child", str(kb), *shapes],
                              capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        finished = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        return finished + [{"shape": s, "timeout": True, "seconds": timeout} for s in shapes[len(finished):]]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kb", type=int, nargs="+", default=[10, 100, 1000])
    ap.add_argument("--shape", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child[1:], int(args.child[0]))
        return 0
    print(f"{'shape':18} " + " ".join(f"{str(kb) + ' KB':>20}" for kb in args.kb)
          + f" {'×time 10×text':>14}")
    print(f"{'':18} " + " ".join(f"{'s / peak MB':>20}" for _ in args.kb))
    for shape in args.shape:
        cells, times = [], []
        for kb in args.kb:
            r = measure(shape, kb, args.timeout)
            times.append(r["seconds"])
            cells.append(f"> {args.timeout:.0f} s" if r.get("timeout")
                         else f"{r['seconds']:.2f} / {r['peak_mb']:.0f}")
        growth = max((b / a for a, b in zip(times, times[1:]) if a >= 0.01), default=0.0)
        print(f"{shape:18} " + " ".join(f"{c:>20}" for c in cells) + f" {growth:>14.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
