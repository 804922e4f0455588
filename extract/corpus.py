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
import datetime
import io
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
        super().__init__(f"{printable(str(path))}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    doc: str  # stable id: path relative to the input folder, POSIX separators
    base: Path | None = None  # the input folder it was found in (its metadata.csv applies)
    rel: str = ""  # its path relative to ``base``, as metadata.csv names it


@dataclass(frozen=True)
class Skipped:
    """A path ``discover`` could not list or read: its printable name and why."""

    path: str
    reason: str


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(name: str) -> str:
    r"""``name`` with what a terminal would act on, or what is not Unicode,
    written as escapes: control characters (``\x1b``), bidirectional marks,
    and the bytes of a file name that are not UTF-8 (read by Python as lone
    surrogates, ``\xff``). The document id of a file is its printable name,
    so every output can hold it and every message can show it.

    >>> printable("a\udcff.txt"), printable("\x1b[31mred.txt"), printable("二.txt")
    ('a\\xff.txt', '\\x1b[31mred.txt', '二.txt')
    """
    def esc(m: re.Match) -> str:
        c = ord(m.group(0))
        return f"\\x{c - 0xdc00:02x}" if 0xdc80 <= c <= 0xdcff else (
            f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}")

    return _UNPRINTABLE.sub(esc, name)


@dataclass
class SourceText:
    doc: str
    path: Path
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    date: str = ""
    title: str = ""


def discover(inputs: list[Path | str], skipped: list[Skipped] | None = None) -> list[CorpusFile]:
    """Every ``.txt`` under the folders, and every file named, sorted by id.

    A file's id is its path relative to the folder given (its name, for a
    file given by name), written :func:`printable`; when two inputs hold the
    same relative path (``a/x.txt``, ``b/x.txt``) both are kept, each id led
    by as many of its folder's last path components as tell them apart. The
    same file reached twice is read once. Symbolic links to folders are not
    followed (no loops). A folder that cannot be listed (no permission, a
    path over the system's limit) is added to ``skipped`` with the reason; a
    path that does not exist raises :class:`ReadError`.
    """
    found: list[CorpusFile] = []
    seen: set[str] = set()

    def take(fp: Path, base: Path, rel: str) -> None:
        real = os.path.realpath(fp)
        if real not in seen:
            seen.add(real)
            found.append(CorpusFile(fp, printable(rel), base, rel))

    def unlisted(exc: OSError) -> None:
        if skipped is not None:
            skipped.append(Skipped(printable(str(exc.filename or "?")),
                                   f"folder not read: {exc.strerror or exc}"))

    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False, onerror=unlisted):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(".txt") and not name.startswith("."):
                        fp = Path(root) / name
                        take(fp, p, fp.relative_to(p).as_posix())
        elif p.exists() or p.is_symlink():
            take(p, p.parent, p.name)
        else:
            raise ReadError(p, "no such file or folder")
    return sorted(_apart(found), key=lambda f: f.doc)


def _apart(files: list[CorpusFile]) -> list[CorpusFile]:
    """Give files of the same id distinct ids, led by the last components of
    their folders' absolute paths (as few as tell them apart)."""
    by_doc: dict[str, list[CorpusFile]] = {}
    for f in files:
        by_doc.setdefault(f.doc, []).append(f)
    out = [fs[0] for fs in by_doc.values() if len(fs) == 1]
    taken = {f.doc for f in out}
    for doc, group in by_doc.items():
        if len(group) == 1:
            continue
        parts = [Path(os.path.abspath(f.base or f.path.parent)).parts for f in group]
        for depth in range(1, max(map(len, parts)) + 2):
            ids = [printable("/".join((*pp[-depth:], f.rel)).lstrip("/")) for pp, f in zip(parts, group)]
            if depth > max(map(len, parts)):  # the same folder path twice: number them
                ids = [f"{i}#{k}" for k, i in enumerate(ids, 1)]
            if len(set(ids)) == len(ids) and not taken & set(ids):
                break
        taken.update(ids)
        out += [CorpusFile(f.path, i, f.base, f.rel) for f, i in zip(group, ids)]
    return out


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


_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def valid_date(value: str) -> bool:
    """An ISO date, year-month or year in ASCII digits that names a real day.

    >>> [valid_date(v) for v in ("2018-10-29", "2018-10", "2019", "2018-13-45", "２０１８-１０-２９")]
    [True, True, True, False, False]
    """
    m = _ISO.fullmatch(value)
    if not m:
        return False
    try:
        datetime.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return False
    return True


def read_metadata(folder: Path, problems: list[str] | None = None) -> dict[str, dict[str, str]]:
    r"""Optional ``metadata.csv`` beside the corpus: a header row with ``file``
    and any of ``date`` (ISO, 2018-10-29; or 2018-10, or 2018), ``title``,
    ``source``; one row per document. Dates given there win over dates read
    from the text. The file's encoding is found as for texts (Excel on a
    Chinese Windows saves GBK); a row whose date is not a real one is left
    out and named, with its line, in ``problems``.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "metadata.csv").write_bytes("file,date,title\na.txt,2018-13-45,\nb.txt,2018-10,标题\n".encode("gbk"))
    >>> problems = []; read_metadata(d, problems)
    {'b.txt': {'date': '2018-10', 'title': '标题'}}
    >>> problems
    ["metadata.csv line 2: date '2018-13-45' is not a real date (YYYY-MM-DD, YYYY-MM or YYYY); row left out"]
    """
    path = Path(folder) / "metadata.csv"
    if not path.is_file():
        return {}
    problems = problems if problems is not None else []
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(f"metadata.csv: not read ({exc.strerror or exc})")
        return {}
    text, _, _ = _decode(data)
    out: dict[str, dict[str, str]] = {}
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        for row in reader:
            name = (row.get("file") or "").strip()
            if not name:
                continue
            values = {k: (v or "").strip() for k, v in row.items() if k and k != "file"}
            date = values.get("date", "")
            if date and not valid_date(date):
                problems.append(f"metadata.csv line {reader.line_num}: date {printable(date)!r} is not a real "
                                "date (YYYY-MM-DD, YYYY-MM or YYYY); row left out")
                continue
            out[name] = values
    except csv.Error as exc:
        problems.append(f"metadata.csv line {reader.line_num}: {exc}; the rows after it left out")
    return out
