"""What ``kg build`` prints: documents grouped by encoding, warnings by kind
with their first files, skipped files always in full; ``--verbose`` lists
every document, ``--quiet`` only the errors and the final line; progress
lines on stderr when it is not a terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import CORPUS

PAGE = "{name} 辽宁省人大常委会副主任、省总工会主席\n\n辽宁工会在全总和省委的领导下，始终坚持党的领导，努力开创工会工作新局面。\n"


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """Six UTF-8 pages with a bad byte each, two GB18030, one Big5, and
    four files that cannot be read."""
    d = tmp_path_factory.mktemp("batch")
    names = ["杨忠林", "王晓东", "梁宝明", "郭大为", "刘伟", "马璐", "邹震", "朱欣", "李明"]
    for i, name in enumerate(names[:6]):
        data = PAGE.format(name=name).encode("utf-8")
        (d / f"u{i}.txt").write_bytes(data[:40] + b"\xff" + data[40:])
    for i, name in enumerate(names[6:8]):
        (d / f"g{i}.txt").write_bytes(PAGE.format(name=name).encode("gb18030"))
    (d / "b0.txt").write_bytes("李明 陝西省人大常委會副主任、省總工會主席\n\n陝西工會堅持黨的領導，努力開創工會工作新局面。\n".encode("big5"))
    for i in range(4):
        (d / f"x{i}.txt").write_bytes(b"")
    return d


def _build(batch: Path, out: Path, *flags: str):
    return CliRunner().invoke(main, ["build", str(batch), "--out", str(out), "--formats", "json", *flags])


def test_summary_groups_documents_and_warnings_lists_every_skipped(batch, tmp_path):
    res = _build(batch, tmp_path)
    assert res.exit_code == 3, res.output
    out = res.stdout
    assert "documents read: 9 (utf-8 6, gb18030 2, big5 1)" in out
    assert not re.search(r"^\s+u\d\.txt\s+\[", out, re.M), "no line per document"
    assert "warnings: 7 in 7 documents" in out  # the Big5 page is traditional
    assert "  invalid UTF-8 at byte N; N character(s) replaced: 6 (u0.txt, u1.txt, u2.txt, … and 3 more)" in out
    assert "  traditional characters read through their simplified forms: 1 (b0.txt)" in out
    assert "skipped: 4" in out
    for i in range(4):
        assert re.search(rf"^  x{i}\.txt: .*empty file", out, re.M)
    assert len(out.splitlines()) == 13  # read, nodes, edges, warnings and 2 kinds, skipped and 4 files, wrote, built


def test_summary_verbose_lists_every_document_and_warning(batch, tmp_path):
    out = _build(batch, tmp_path, "--verbose").stdout
    for i in range(6):
        assert f"  u{i}.txt  [utf-8]" in out and re.search(rf"^  u{i}\.txt: invalid UTF-8 at byte 40;", out, re.M)
    assert "  g0.txt  [gb18030]" in out and "  b0.txt  [big5]" in out
    assert "skipped: 4" in out


def test_summary_quiet_prints_errors_and_the_final_line(batch, tmp_path):
    res = _build(batch, tmp_path, "--quiet")
    assert res.exit_code == 3
    lines = res.output.splitlines()  # stdout and stderr: no progress either
    assert lines[0] == "skipped: 4" and all(ln.startswith("  x") for ln in lines[1:5])
    assert re.fullmatch(r"built in \d+\.\ds into .*/", lines[5]) and len(lines) == 6


@pytest.mark.parametrize("flags,lines", [((), True), (("--quiet",), False)])
def test_progress_lines_on_stderr_off_a_terminal(tmp_path, flags, lines):
    env = dict(os.environ, KG_PROGRESS_SECONDS="0")
    res = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(CORPUS), "--out", str(tmp_path),
                          "--formats", "json", "--no-cache", "-j", "1", *flags],
                         capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    progress = [ln for ln in res.stderr.splitlines() if ln.startswith("extracting: ")]
    export = [ln for ln in res.stderr.splitlines() if ln.startswith(("writing ", "wrote "))]
    assert "extracting" not in res.stdout
    if not lines:
        assert progress == [] and export == []
        return
    assert export[0] == "writing json …" and re.fullmatch(r"wrote json in \d+\.\ds \(graph\.json\)", export[1])
    # one line per document at interval 0, then the closing one
    assert [re.match(r"extracting: (\d+)/5 documents", ln).group(1) for ln in progress] == \
        ["1", "2", "3", "4", "5", "5"]
    assert re.search(r"MB \(\d+%\), [\d.]+ MB/s, about \d+s left$", progress[0])
    assert progress[-1].endswith("s") and "done in" in progress[-1]
