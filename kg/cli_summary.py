"""What ``kg build`` prints: its progress while it reads, its summary after.

The summary groups what an archive has many of: documents by encoding,
warnings by kind (with the first few files of each); skipped files are
always listed in full, each with its reason. ``verbosity`` 0 (``--quiet``)
prints only the skipped files; 2 (``--verbose``) also lists every document
and every warning.

Progress goes to stderr: a bar on a terminal; otherwise (a log, ``nohup``)
one line every :data:`PROGRESS_SECONDS` seconds (``KG_PROGRESS_SECONDS``
sets another interval) and one at the end. Then the export: a line as each
output format starts and one as it is written (:class:`ExportLines`); with
several workers, several formats are being written at once.

>>> from kg.build import BuildReport
>>> from kg.model import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> _ = g.add_edge(g.add_node("Person", "刘伟"), g.add_node("Organization", "北京市总工会"), "HOLDS_POST")
>>> r = BuildReport(documents=3, encodings={"a.txt": "utf-8", "b.txt": "utf-8", "c.txt": "gb18030"},
...                 warnings=[("a.txt", "11 repeated paragraph(s) read once")])
>>> print_summary(g, r)
documents read: 3 (utf-8 2, gb18030 1)
nodes: Organization 1, Person 1
edges: HOLDS_POST 1
warnings: 1 in 1 document
  repeated paragraph(s) read once: 1 (a.txt)
"""

from __future__ import annotations

import os
import re
import sys
import time
from typing import IO, Any

from kg.build import BuildReport
from kg.model import KnowledgeGraph

PROGRESS_SECONDS = 5.0
FIRST_FILES = 3  # files named per kind of warning


def warning_kind(text: str) -> str:
    """A warning without its figures, to group by.

    >>> warning_kind("invalid UTF-8 at byte 1234; 2 character(s) replaced")
    'invalid UTF-8 at byte N; N character(s) replaced'
    >>> warning_kind("11 repeated paragraph(s) read once")
    'repeated paragraph(s) read once'
    """
    kind = re.sub(r"(?<![\w-])\d+", "N", text)
    return kind[2:] if kind.startswith("N ") else kind


def _first(names: list[str], n: int = FIRST_FILES) -> str:
    shown = ", ".join(names[:n])
    return shown + (f", … and {len(names) - n} more" if len(names) > n else "")


def print_summary(graph: KnowledgeGraph, report: BuildReport, out: IO[str] | None = None,
                  verbosity: int = 1) -> None:
    """The summary of a build (see the module's docstring)."""
    out = out or sys.stdout

    def say(line: str) -> None:
        print(line, file=out)

    if verbosity >= 1:
        by_enc: dict[str, int] = {}
        for enc in report.encodings.values():
            by_enc[enc] = by_enc.get(enc, 0) + 1
        encs = ", ".join(f"{e} {n}" for e, n in sorted(by_enc.items(), key=lambda kv: (-kv[1], kv[0])))
        say(f"documents read: {report.documents}" + (f" ({encs})" if encs else ""))
        if report.cached:
            say(f"  extracted {report.extracted}, from the cache {report.cached}")
        if verbosity >= 2:
            for doc, enc in sorted(report.encodings.items()):
                say(f"  {doc}  [{enc}]")
        nodes, edges = graph.counts()
        say("nodes: " + ", ".join(f"{k} {v}" for k, v in nodes.items()))
        say("edges: " + ", ".join(f"{k} {v}" for k, v in edges.items()))
        if report.warnings:
            docs = len({d for d, _ in report.warnings})
            say(f"warnings: {len(report.warnings)} in {docs} document{'s' if docs != 1 else ''}")
            if verbosity >= 2:
                for doc, w in report.warnings:
                    say(f"  {doc}: {w}")
            else:
                kinds: dict[str, list[str]] = {}
                for doc, w in report.warnings:
                    kinds.setdefault(warning_kind(w), []).append(doc)
                for kind, files in sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0])):
                    say(f"  {kind}: {len(files)} ({_first(sorted(set(files)))})")
    if report.skipped:
        say(f"skipped: {len(report.skipped)}")
        for doc, reason in report.skipped:
            say(f"  {doc}: {reason}")
    if verbosity >= 1 and report.written:
        say("wrote: " + ", ".join(report.written))


class Progress:
    """Progress of the extraction on stderr (see the module's docstring);
    :func:`kg.build.build_graph` calls ``start``, ``advance`` and ``close``."""

    def __init__(self, stream: IO[str] | None = None, every: float | None = None,
                 enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        if every is None:
            every = float(os.environ.get("KG_PROGRESS_SECONDS", PROGRESS_SECONDS))
        self.every, self.enabled = every, enabled
        self.bar: Any = None
        self.total_bytes = self.total_docs = self.done_bytes = self.done_docs = 0
        self.t0 = self.last = 0.0

    def _tty(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def start(self, total_bytes: int, total_docs: int) -> None:
        self.total_bytes, self.total_docs = total_bytes, total_docs
        self.t0 = self.last = time.monotonic()
        if self.enabled and self._tty():
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self.bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1000,
                            desc="extracting", file=self.stream, smoothing=0.05, dynamic_ncols=True)

    def advance(self, nbytes: int) -> None:
        self.done_bytes += nbytes
        self.done_docs += 1
        if self.bar is not None:
            self.bar.update(nbytes)
            self.bar.set_postfix_str(f"{self.done_docs}/{self.total_docs} docs", refresh=False)
        elif self.enabled:
            now = time.monotonic()
            if now - self.last >= self.every:
                self.last = now
                self._line(now)

    def _line(self, now: float, end: bool = False) -> None:
        elapsed = max(now - self.t0, 1e-9)
        mb, total_mb = self.done_bytes / 1e6, self.total_bytes / 1e6
        rate = mb / elapsed
        pct = 100 * self.done_bytes / self.total_bytes if self.total_bytes else 100.0
        line = (f"extracting: {self.done_docs}/{self.total_docs} documents, "
                f"{mb:.1f}/{total_mb:.1f} MB ({pct:.0f}%), {rate:.1f} MB/s")
        if end:
            line += f", done in {elapsed:.1f}s"
        elif pct >= 2 and self.total_bytes > self.done_bytes:  # too early to say before
            line += f", about {(total_mb - mb) / rate:.0f}s left"
        print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        elif self.enabled and self.total_docs:
            self._line(time.monotonic(), end=True)


class ExportLines:
    """Progress of the export on stderr (:class:`kg.export.ExportProgress`):
    a line as each format starts, one with its time and files as it ends.

    >>> import io
    >>> lines = ExportLines(io.StringIO())
    >>> lines.started("rdf"); lines.finished("rdf", 2.04, ["graph.nt", "graph.ttl"])
    >>> print(lines.stream.getvalue(), end="")
    writing rdf …
    wrote rdf in 2.0s (graph.nt, graph.ttl)
    """

    def __init__(self, stream: IO[str] | None = None, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled

    def started(self, name: str) -> None:
        if self.enabled:
            print(f"writing {name} …", file=self.stream, flush=True)

    def finished(self, name: str, seconds: float, files: list[str]) -> None:
        if self.enabled:
            print(f"wrote {name} in {seconds:.1f}s ({', '.join(files)})", file=self.stream, flush=True)
