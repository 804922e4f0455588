"""Per-document extraction results kept under the output folder.

A build that finds a document it has already extracted, with the same bytes,
the same document id, the same metadata (date, title) and the same extractor,
reads the result back instead of extracting again. The key is the SHA-256 of
all of these; the version names the folder: the extractor's
(:data:`extract.pipeline.EXTRACTOR_VERSION`, which hashes every data file and
the extractor's code) and that of the form kept (:data:`kg.merge.FORMAT`), so
a changed dictionary or rule starts an empty cache and the old folder is
removed.

Layout: ``OUT/.cache/<version>/<2 hex>/<64 hex>.pickle``, each file a
pickled :class:`~kg.merge.Prepared` document, written through a temporary
file and ``os.replace`` so that a killed build leaves no half-written entry.
The cache is a pickle store: it is read only from the user's own output
folder, and must not be shared with people you would not run code from.

>>> import tempfile, pathlib
>>> c = ResultCache(pathlib.Path(tempfile.mkdtemp()), "1-abc")
>>> k = cache_key(b"text", "a.txt")
>>> c.get(k) is None
True
>>> c.put(k, b"blob"); c.get(k)
b'blob'
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

CACHE_DIR = ".cache"


def cache_key(data: bytes, doc: str, date: str = "", title: str = "") -> str:
    """SHA-256 of the file's bytes and of everything else a result depends on."""
    h = hashlib.sha256(data)
    for part in (doc, date, title):
        h.update(b"\0" + part.encode("utf-8", "surrogateescape"))  # a name's non-UTF-8 bytes as they are
    return h.hexdigest()


class ResultCache:
    """A folder of pickled results for one extractor version."""

    def __init__(self, root: Path, version: str) -> None:
        self.root = Path(root)
        self.version = re.sub(r"[^A-Za-z0-9._-]", "_", version)
        self.folder = self.root / self.version

    def prune_other_versions(self) -> None:
        """Remove the folders of other extractor versions: they can never hit."""
        if self.root.is_dir():
            for entry in self.root.iterdir():
                if entry.is_dir() and entry.name != self.version:
                    shutil.rmtree(entry, ignore_errors=True)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> bytes | None:
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, blob: bytes) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
