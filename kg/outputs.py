"""Write a build's outputs so that a reader never sees a half-written set.

Every exporter writes into a fresh staging folder beside the output folder;
only when all of them have finished are the files moved into place, one
``os.replace`` each. A build killed midway leaves the previous outputs intact
(and a stale ``.staging-*`` folder, removed by the next build).

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> with staged_outputs(out) as stage:
...     _ = (stage / "graph.json").write_text("{}")
>>> (out / "graph.json").read_text()
'{}'
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def staged_outputs(out_dir: Path) -> Iterator[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob(".staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        yield stage
        publish(stage, out_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def publish(stage: Path, out_dir: Path) -> None:
    """Move every file and folder of ``stage`` into ``out_dir``."""
    for entry in sorted(stage.iterdir()):
        dest = out_dir / entry.name
        if entry.is_dir():
            old = None
            if dest.exists():
                old = out_dir / f".old-{entry.name}"
                shutil.rmtree(old, ignore_errors=True)
                os.replace(dest, old)
            os.replace(entry, dest)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(entry, dest)


def atomic_write_text(path: Path, text: str) -> None:
    """Write one file through a temporary file in the same folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
