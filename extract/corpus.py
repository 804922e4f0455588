"""Find the corpus files and read each one's text, whatever its encoding.

``discover`` lists every ``.txt`` under the inputs (files given by name are
taken whatever their ending), in a stable order and with a stable document
id: the path relative to the folder it was found in. ``read_source`` decodes
one file and reports the encoding it used; a file that cannot be read raises
:class:`ReadError` naming the file and the reason, and the caller goes on.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_bytes("总工会".encode("gb18030"))
>>> src = read_source(discover([d])[0])
>>> (src.doc, src.text, src.encoding)
('a.txt', '总工会', 'gb18030')
"""

from __future__ import annotations

import codecs
import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 200 * 1024 * 1024

_MAGIC = [
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (docx/xlsx/zip)"), (b"%PDF", "a PDF file"),
    (b"\x1f\x8b", "a gzip archive"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7z archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"\x7fELF", "an executable"),
]


class ReadError(Exception):
    """A corpus file that could not be read; the message names file and reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    doc: str  # stable id: path relative to the input folder, POSIX separators


@dataclass
class SourceText:
    doc: str
    path: Path
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    date: str = ""
    title: str = ""


def discover(inputs: list[Path | str]) -> list[CorpusFile]:
    """Every ``.txt`` under the folders, and every file named, sorted by id.
    Symbolic links to folders are not followed (no loops); a path that does
    not exist raises :class:`ReadError`."""
    found: dict[str, CorpusFile] = {}
    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(".txt") and not name.startswith("."):
                        fp = Path(root) / name
                        doc = fp.relative_to(p).as_posix()
                        found.setdefault(doc, CorpusFile(fp, doc))
        elif p.exists() or p.is_symlink():
            found.setdefault(p.name, CorpusFile(p, p.name))
        else:
            raise ReadError(p, "no such file or folder")
    return [found[k] for k in sorted(found)]


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", warnings
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # GB18030 and Big5 often both decode Chinese bytes; keep the reading whose
    # characters are the common ones of either script
    readings = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        readings.append((_common_share(text), enc == "gb18030", enc, text))
    if readings:
        score, _, enc, text = max(readings)
        if score > 0.6:
            return text, enc, warnings
    from charset_normalizer import from_bytes  # only for files that are neither

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16_le", "utf_16_be", "utf_8"]).best()
    if best is not None and best.encoding not in ("utf_8",):
        enc = best.encoding.replace("_", "-")
        text = data.decode(best.encoding, errors="replace")
        if _cjk_share(text) > 0.2:
            return text, enc, warnings
    # mostly UTF-8 with some bad bytes: keep the good text
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    warnings.append(f"invalid UTF-8 at byte {utf8_error.start}; {bad} character(s) replaced")
    return text, "utf-8", warnings


def _common_share(text: str) -> float:
    """Share of the Chinese characters that are common ones: in GB2312 (common
    simplified) or in Big5's first level (common traditional, A440-C67E)."""
    sample = [c for c in text[:5000] if "\u3400" <= c <= "\u9fff"]
    if not sample:
        return 0.0
    common = 0
    for c in sample:
        try:
            c.encode("gb2312")
            common += 1
            continue
        except UnicodeEncodeError:
            pass
        try:
            b = c.encode("big5")
            if b"\xa4\x40" <= b <= b"\xc6\x7e":
                common += 1
        except UnicodeEncodeError:
            pass
    return common / len(sample)


def _cjk_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    letters = sum(1 for c in sample if not c.isspace())
    return cjk / max(1, letters)


def read_source(cf: CorpusFile) -> SourceText:
    """Read and decode one corpus file."""
    path = cf.path
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ReadError(path, "not a regular file")
        if size > MAX_BYTES:
            raise ReadError(path, f"file of {size} bytes is over the {MAX_BYTES}-byte limit; split it")
        data = path.read_bytes()
    except ReadError:
        raise
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from exc
    if not data.strip():
        raise ReadError(path, "empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(path, f"binary file ({what}), not text")
    text, encoding, warnings = _decode(data)
    if "\x00" in text:
        nul = text.count("\x00")
        if nul > len(text) // 10:
            raise ReadError(path, f"binary file ({nul} NUL bytes), not text")
        text = text.replace("\x00", "")
        warnings.append(f"{nul} NUL byte(s) removed")
    if re.search(r"(?is)<html|<body|<!doctype html", text[:4000]):
        warnings.append("HTML page: markup removed")
    if not text.strip():
        raise ReadError(path, "no text after decoding")
    return SourceText(cf.doc, path, text, encoding, warnings)


def read_metadata(folder: Path) -> dict[str, dict[str, str]]:
    """Optional ``metadata.csv`` beside the corpus: a header row with ``file``
    and any of ``date`` (ISO, 2018-10-29), ``title``, ``source``; one row per
    document. Dates given there win over dates read from the text."""
    path = Path(folder) / "metadata.csv"
    if not path.is_file():
        return {}
    out: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("file") or "").strip()
            if name:
                out[name] = {k: (v or "").strip() for k, v in row.items() if k and k != "file"}
    return out
