"""How long graph.html takes to build and to first render.

    python bench/html_bench.py                  # sample corpus + generated 10 000 nodes
    python bench/html_bench.py --sizes 2000 10000 --screenshot docs/screenshot.png

For each graph: the time to build the page (``kg.viz.select_view`` +
``render_page``, from the model; not the extraction), its size, and in
headless Chromium the time from navigation start to the first frame drawn
after the layout has stabilised and physics stopped (``KG.timings.rendered``,
from ``performance.now()``), with the time the layout itself took. A
generated graph is measured twice: as ``graph.html`` (capped at
``DEFAULT_MAX_NODES``, a focused view) and whole (``--max-nodes`` = its size).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.build import build_graph  # noqa: E402
from kg.viz import DEFAULT_MAX_NODES, render_page, select_view  # noqa: E402
from kg.viz.synthetic import synthetic_graph  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build(graph, max_nodes, out: Path) -> tuple[float, int, str]:
    t0 = time.perf_counter()
    view = select_view(graph, max_nodes=max_nodes)
    page = render_page(graph, view)
    elapsed = time.perf_counter() - t0
    out.write_text(page, encoding="utf-8")
    return elapsed, len(page.encode()), view.describe(graph)


def render(ctx, path: Path, screenshot: Path | None = None) -> dict:
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.resolve().as_uri())
    end = time.monotonic() + 300
    while not page.evaluate("!!(window.KG && KG.stabilised)"):
        if time.monotonic() > end:
            raise SystemExit(f"{path}: not rendered after 300 s")
        time.sleep(0.02)
    t = page.evaluate("KG.timings")
    shown = page.evaluate("KG.visibleNodeIds().length")
    if screenshot:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.evaluate("KG.select('Person:杨忠林') >= 0 || true")
        time.sleep(0.8)
        page.screenshot(path=str(screenshot))
    page.close()
    return {"rendered": t["rendered"] / 1000, "layout": (t["stabilised"] - t["network"]) / 1000,
            "shown": shown, "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000])
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--screenshot", type=Path, help="save a screenshot of the sample page here")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="kg-html-bench-"))
    cases = [("sample corpus", build_graph([ROOT / "corpus"])[0], DEFAULT_MAX_NODES)]
    for n in args.sizes:
        g = synthetic_graph(n)
        cases.append((f"generated {n}, graph.html", g, DEFAULT_MAX_NODES))
        if n > DEFAULT_MAX_NODES:
            cases.append((f"generated {n}, whole", g, None))
    rows = []
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(str(tmp / "profile"), executable_path=args.chromium,
                                                    args=CHROMIUM_ARGS, headless=True,
                                                    viewport={"width": 1400, "height": 900})
        for i, (name, graph, cap) in enumerate(cases):
            path = tmp / f"page{i}.html"
            secs, size, desc = build(graph, cap, path)
            r = render(ctx, path, args.screenshot if i == 0 else None)
            rows.append((name, len(graph.nodes), len(graph.edges), r["shown"], secs, size, r["rendered"],
                         r["layout"], len(r["errors"])))
            print(f"{name}: {desc}", file=sys.stderr)
        ctx.close()
    shutil.rmtree(tmp, ignore_errors=True)
    print("| graph | nodes | edges | drawn at first | build | page size | first render | of which layout | console errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, n, e, shown, secs, size, rendered, layout, errs in rows:
        print(f"| {name} | {n} | {e} | {shown} | {secs:.2f} s | {size / 1e6:.1f} MB | {rendered:.1f} s "
              f"| {layout:.1f} s | {errs} |")


if __name__ == "__main__":
    main()
