"""Publish a build's outputs in one atomic step, one build at a time.

Layout of an output folder::

    OUT/.build-<hash>/        the files of one build (hash: of their names and bytes)
    OUT/current -> .build-<hash>
    OUT/graph.json -> current/graph.json      one link per file the build wrote
    OUT/neo4j -> current/neo4j …
    OUT/.lock                 held (fcntl.flock) by the build writing here
    OUT/.cache/, OUT/store/   kept as they are

Every exporter writes into a fresh ``.staging-*`` folder; when all have
finished its files are flushed to disk (fsync), the folder is renamed
``.build-<hash>`` and the ``current`` link is swapped with one
``os.replace``: a reader sees the previous build or this one, never a mix.
Names this build did not write (``--formats json`` after a full build) are
then removed, so the folder always describes one build; so are older
``.build-*`` folders. A build killed at any point leaves the previous
outputs readable (and a ``.staging-*`` folder, removed by the next build).
Two builds into one folder: the second finds the lock taken and stops with
:class:`OutputBusy`.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> with staged_outputs(out) as stage:
...     _ = (stage / "graph.json").write_text("{}")
>>> (out / "graph.json").read_text(), os.readlink(out / "graph.json")
('{}', 'current/graph.json')
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CURRENT = "current"
LOCK = ".lock"
BUILD_PREFIX = ".build-"
# what builds before this layout wrote as plain files: removed when a build
# in the new layout does not write them again
OLD_LAYOUT_NAMES = ("graph.json", "graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "ontology.ttl",
                    "graph.graphml", "graph.gexf", "neo4j", "kuzu", "graph.html", "report.md")

_held: dict[str, int] = {}  # output folders whose lock this process holds: path -> depth


class OutputBusy(OSError):
    """Another build holds the output folder's lock."""


@contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold ``OUT/.lock`` (an exclusive ``fcntl.flock``) for a build; raise
    :class:`OutputBusy` at once when another process holds it. Re-entrant
    within one process."""
    out_dir = Path(out_dir)
    key = os.path.realpath(out_dir)
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    created = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(out_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(f"{out_dir}/ is being written by another kg build (it holds {out_dir}/{LOCK}); "
                             "wait for it to finish, or build into another --out") from None
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]
            if created and os.listdir(out_dir) == [LOCK]:  # nothing was written: leave no folder
                os.unlink(out_dir / LOCK)
                os.rmdir(out_dir)
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def staged_outputs(out_dir: Path) -> Iterator[Path]:
    """A staging folder for the exporters; published when the block ends."""
    out_dir = Path(out_dir)
    with output_lock(out_dir):
        for stale in out_dir.glob(".staging-*"):
            shutil.rmtree(stale, ignore_errors=True)
        stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
        try:
            yield stage
            publish(stage, out_dir)
        finally:
            shutil.rmtree(stage, ignore_errors=True)


def _digest_and_sync(stage: Path) -> str:
    """The hash of every name and byte under ``stage``; each file and folder
    is flushed to disk on the way."""
    h = hashlib.sha256()
    for root, dirs, files in os.walk(stage):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            h.update(os.path.relpath(path, stage).encode("utf-8", "surrogateescape") + b"\0")
            with open(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    h.update(chunk)
                os.fsync(fh.fileno())
            h.update(b"\0")
        _fsync_dir(root)
    return h.hexdigest()[:16]


def _fsync_dir(path: Path | str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _link(out_dir: Path, name: str, target: str) -> None:
    """Make ``OUT/name`` the symbolic link ``target`` (atomically over a link
    or file; a folder of the old layout is moved aside and removed)."""
    dest = out_dir / name
    if dest.is_symlink() and os.readlink(dest) == target:
        return
    tmp = out_dir / f".link-{name}"
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    if dest.is_dir() and not dest.is_symlink():
        old = out_dir / f".old-{name}"
        shutil.rmtree(old, ignore_errors=True)
        os.replace(dest, old)
        os.replace(tmp, dest)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, dest)


def current_build(out_dir: Path) -> Path | None:
    """The folder of the build ``OUT/current`` names, if any."""
    cur = Path(out_dir) / CURRENT
    return cur.resolve() if cur.is_symlink() and cur.is_dir() else None


def publish(stage: Path, out_dir: Path) -> None:
    """Make ``stage`` the current build of ``out_dir`` in one ``os.replace``."""
    names = sorted(p.name for p in stage.iterdir())
    build = BUILD_PREFIX + _digest_and_sync(stage)
    previous = current_build(out_dir)
    if previous is not None and previous.name == build:
        shutil.rmtree(stage)  # the same files as the current build
    else:
        shutil.rmtree(out_dir / build, ignore_errors=True)  # left by a build killed before its swap
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(stage, 0o777 & ~umask)  # mkdtemp's 0700 would hide the outputs from other users
        os.rename(stage, out_dir / build)
    if previous is None:  # the first build in this layout: point there first
        _link(out_dir, CURRENT, build)
    for name in names:  # names new to the folder dangle until the swap: not yet written, as before
        _link(out_dir, name, f"{CURRENT}/{name}")
    _fsync_dir(out_dir)
    _link(out_dir, CURRENT, build)  # the one step that publishes the build
    _fsync_dir(out_dir)
    # what this build did not write goes: the folder describes one build
    kept = set(names)
    for entry in out_dir.iterdir():
        if entry.name in kept:
            continue
        if entry.is_symlink() and os.readlink(entry).startswith(f"{CURRENT}/"):
            entry.unlink()
        elif entry.name in OLD_LAYOUT_NAMES and not entry.is_symlink():
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        elif entry.name.startswith(BUILD_PREFIX) and entry.name != build and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(".link-") and entry.is_symlink():
            entry.unlink()

