"""Screenshot a graph page in headless Chromium, once it has laid out.

    python tools/screenshot.py output/graph.html docs/screenshot.png [--zoom 2.5]

Uses Debian's ``chromium`` through Playwright, as the browser tests do
(``KG_CHROMIUM`` names another binary). ``--zoom`` also takes a second shot
(``NAME-zoom.png``) zoomed in that many times on the centre of the view. Prints the page's own counts line.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("png", type=Path)
    ap.add_argument("--zoom", type=float, default=None)
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=900)
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="kg-shot-")
    try:
        with sync_playwright() as pw:
            ctx = pw.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=ARGS, headless=True,
                viewport={"width": a.width, "height": a.height})
            page = ctx.new_page()
            t0 = time.monotonic()
            page.goto(a.page.resolve().as_uri())
            while not page.evaluate("(() => { try { return KG.stabilised === true; } catch (e) { return false; } })()"):
                if time.monotonic() - t0 > 600:
                    raise SystemExit("the page did not settle in 10 minutes")
                time.sleep(0.2)
            time.sleep(0.5)
            print(f"settled in {time.monotonic() - t0:.1f}s:", page.evaluate("document.getElementById('status').textContent"))
            page.screenshot(path=str(a.png))
            if a.zoom:
                page.evaluate(f"KG.network.moveTo({{scale: KG.network.getScale() * {a.zoom}}})")
                time.sleep(0.5)
                page.screenshot(path=str(a.png.with_name(a.png.stem + "-zoom.png")))
            ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
