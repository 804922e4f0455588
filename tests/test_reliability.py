"""Reliability round two (issue 16): nothing dropped silently, no bad name
sinks a batch, nothing readable is a clear exit 3, metadata in GBK and bad
dates, and outputs published in one atomic step, one build at a time."""

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract.corpus import discover, printable, read_metadata
from kg.build import build_graph, write_outputs
from kg.outputs import CURRENT, OutputBusy, output_lock
from tests.conftest import CORPUS, ROOT

SAMPLES = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """Two sample pages: a corpus small enough to build often."""
    folder = tmp_path_factory.mktemp("pair")
    for src in SAMPLES[:2]:
        (folder / src.name).write_bytes(src.read_bytes())
    return folder


def kg(*args, cwd=ROOT, **kw):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, **kw)


# --- 1. silent drops -----------------------------------------------------------

def test_reliability_same_name_in_two_folders_keeps_both_with_distinct_stable_ids(tmp_path):
    for folder, src in (("a", SAMPLES[0]), ("b", SAMPLES[1])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_bytes(src.read_bytes())
    ids = [f.doc for f in discover([tmp_path / "a", tmp_path / "b"])]
    assert ids == ["a/x.txt", "b/x.txt"]
    assert [f.doc for f in discover([tmp_path / "b", tmp_path / "a"])] == ids  # whatever the order
    graph, report = build_graph([tmp_path / "a", tmp_path / "b"])
    assert report.documents == 2 and sorted(report.encodings) == ids
    # the same file reached twice is read once
    assert [f.doc for f in discover([tmp_path / "a", tmp_path / "a" / "x.txt"])] == ["x.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists every folder")
def test_reliability_unlistable_folder_is_a_named_skip(tmp_path):
    (tmp_path / "ok.txt").write_bytes(SAMPLES[0].read_bytes())
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "y.txt").write_bytes(SAMPLES[1].read_bytes())
    locked.chmod(0)
    try:
        graph, report = build_graph([tmp_path])
    finally:
        locked.chmod(0o755)
    assert report.documents == 1
    assert [(p, r) for p, r in report.skipped] == [(str(locked), "folder not read: Permission denied")]


def test_reliability_folder_that_cannot_be_listed_is_a_named_skip(tmp_path, monkeypatch):
    """A path over the system's limit, or a folder without permission (as
    root every folder can be listed, so the error is made here)."""
    (tmp_path / "ok.txt").write_bytes(SAMPLES[0].read_bytes())
    deep = tmp_path / "deep"
    deep.mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(deep):
            raise OSError(36, "File name too long", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    graph, report = build_graph([tmp_path])
    assert report.documents == 1
    assert report.skipped == [(str(deep), "folder not read: File name too long")]
    assert report.exit_code == 3


# --- 2. bad names --------------------------------------------------------------

def test_reliability_non_utf8_and_escape_names_do_not_sink_the_batch(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    bad = os.fsdecode(b"a\xff.txt")
    esc = "\x1b[31mred\x1b[0m.txt"
    (corpus / bad).write_bytes(SAMPLES[0].read_bytes())
    (corpus / esc).write_bytes(SAMPLES[1].read_bytes())
    out = tmp_path / "out"
    for extra in ((), ("--no-cache",)):
        done = kg("build", corpus, "--out", out, "--workers", "1", "--formats", "json,graphml,rdf", "--verbose",
                  *extra)
        assert done.returncode == 0, done.stderr
        assert "\x1b" not in done.stdout + done.stderr
        assert "a\\xff.txt" in done.stdout and "\\x1b[31mred" in done.stdout
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    docs = {n.get("doc") or n["id"] for n in graph["nodes"] if n.get("type") == "Article"}
    assert any("a\\xff.txt" in d for d in docs)


def test_reliability_printable_escapes_terminal_controls_and_bidi():
    assert printable("a\u202eb\x07c\x9b") == "a\\u202eb\\x07c\\x9b"
    assert printable("辽宁省 总工会.txt") == "辽宁省 总工会.txt"


# --- 3. nothing readable -------------------------------------------------------

@pytest.mark.parametrize("content", ["bad", "none"])
def test_reliability_nothing_readable_writes_nothing_and_exits_3(tmp_path, content):
    corpus = tmp_path / "c"
    corpus.mkdir()
    if content == "bad":
        (corpus / "p.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
        (corpus / "e.txt").write_bytes(b"")
    else:
        (corpus / "notes.md").write_text("正文", encoding="utf-8")
    out = tmp_path / "out"
    done = kg("build", corpus, "--out", out)
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    assert "nothing written: no readable .txt file under" in done.stderr
    if content == "bad":
        assert "p.txt: binary file (a PNG image), not text" in done.stdout
        assert "e.txt: empty file" in done.stdout
    assert not out.exists()


def test_reliability_nothing_readable_keeps_the_previous_outputs(tmp_path, pair):
    out = tmp_path / "out"
    assert kg("build", pair, "--out", out, "--formats", "json").returncode == 0
    before = (out / "graph.json").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert kg("build", empty, "--out", out, "--formats", "json").returncode == 3
    assert (out / "graph.json").read_bytes() == before


# --- 5. metadata.csv -----------------------------------------------------------

def test_reliability_metadata_in_gbk_is_read_and_bad_dates_are_named_with_their_line(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    names = []
    for i, src in enumerate(SAMPLES[:4]):
        name = f"{i}.txt"
        (corpus / name).write_bytes(src.read_bytes())
        names.append(name)
    rows = ["file,date,title", f"{names[0]},2018-10-29,辽宁工人报", f"{names[1]},2018-13-45,坏日期",
            f"{names[2]},２０１８-１０-２９,全角", f"{names[3]},2019-02-29,"]
    (corpus / "metadata.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("gbk"))
    problems: list[str] = []
    meta = read_metadata(corpus, problems)
    assert meta == {names[0]: {"date": "2018-10-29", "title": "辽宁工人报"}}
    assert [p.split(":")[0] for p in problems] == ["metadata.csv line 3", "metadata.csv line 4",
                                                   "metadata.csv line 5"]
    graph, report = build_graph([corpus])
    assert report.documents == 4  # the build goes on
    assert sum("metadata.csv line" in w for _, w in report.warnings) == 3
    done = kg("build", corpus, "--out", tmp_path / "out", "--formats", "json", "--verbose")
    assert done.returncode == 0, done.stderr
    assert "metadata.csv line 3: date '2018-13-45' is not a real date" in done.stdout


# --- 7. publishing -------------------------------------------------------------

def test_reliability_outputs_are_published_by_one_link_swap(tmp_path, sample_build):
    out = tmp_path / "out"
    write_outputs(sample_build[0], out, formats=("json", "graphml", "kuzu"))
    assert os.readlink(out / CURRENT).startswith(".build-")
    for name in ("graph.json", "graph.graphml", "kuzu"):
        assert os.readlink(out / name) == f"{CURRENT}/{name}"
    assert (out / "graph.json").read_bytes() == (sample_build[2] / "graph.json").read_bytes()
    builds = sorted(p.name for p in out.glob(".build-*"))
    assert len(builds) == 1 and (out / builds[0]).stat().st_mode & 0o055  # readable by others, as before


def test_reliability_partial_rebuild_leaves_no_stale_rdf_for_kg_query(tmp_path, sample_build, pair):
    out = tmp_path / "out"
    assert kg("build", pair, "--out", out, "--formats", "json,rdf").returncode == 0
    small = tmp_path / "small"
    small.mkdir()
    (small / "one.txt").write_bytes(SAMPLES[0].read_bytes())
    assert kg("build", small, "--out", out, "--formats", "json").returncode == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [CURRENT, "graph.json"]
    assert len(list(out.glob(".build-*"))) == 1
    done = kg("query", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "--graph", out)
    assert done.returncode != 0 and "Traceback" not in done.stderr  # no old graph answers


def test_reliability_old_layout_folder_is_taken_over(tmp_path, pair):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text("{}")
    (out / "graph.ttl").write_text("old")
    (out / "kuzu").mkdir()
    (out / "notes.txt").write_text("mine")
    assert kg("build", pair, "--out", out, "--formats", "json").returncode == 0
    assert (out / "graph.json").is_symlink() and not (out / "graph.ttl").exists()
    assert not (out / "kuzu").exists() and (out / "notes.txt").read_text() == "mine"


def test_reliability_store_older_than_the_graph_is_warned_of(tmp_path, pair):
    out = tmp_path / "out"
    assert kg("build", pair, "--out", out, "--formats", "rdf").returncode == 0
    assert kg("load", "--store", out / "store", "--graph", out).returncode == 0
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    fresh = kg("query", q, "--store", out / "store")
    assert fresh.returncode == 0 and "older" not in fresh.stderr
    small = tmp_path / "small"
    small.mkdir()
    (small / "one.txt").write_bytes(SAMPLES[0].read_bytes())
    assert kg("build", small, "--out", out, "--formats", "rdf").returncode == 0
    stale = kg("query", q, "--store", out / "store")
    assert stale.returncode == 0
    assert "warning: the store" in stale.stderr and "kg load --store" in stale.stderr


def test_reliability_second_build_into_one_folder_stops_with_a_clear_message(tmp_path, pair):
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as a running build holds it
    try:
        done = kg("build", pair, "--out", out, "--formats", "json")
        with pytest.raises(OutputBusy):
            with output_lock(out):
                pass
    finally:
        os.close(fd)
    assert done.returncode == 1
    assert "being written by another kg build" in done.stderr and "Traceback" not in done.stderr
    assert not (out / "graph.json").exists()


def test_reliability_unwritable_out_is_one_line_naming_the_path(tmp_path, pair):
    afile = tmp_path / "afile"
    afile.write_text("x")
    done = kg("build", pair, "--out", afile, "--formats", "json")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == f"Error: --out {afile}: a file, not a folder; name a folder"
    if os.geteuid() != 0:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        done = kg("build", pair, "--out", ro / "out", "--formats", "json")
        ro.chmod(0o700)
        assert done.returncode == 1 and "Traceback" not in done.stderr and str(ro) in done.stderr


def test_reliability_full_disk_is_one_line_naming_the_path(tmp_path, monkeypatch, sample_build, pair):
    from click.testing import CliRunner

    from kg import cli, outputs

    def full(*a, **k):
        raise OSError(28, "No space left on device", str(tmp_path / "out" / ".staging-x"))

    monkeypatch.setattr(outputs, "_digest_and_sync", full)
    result = CliRunner().invoke(cli.main, ["build", str(pair), "--out", str(tmp_path / "out"),
                                           "--formats", "json", "--workers", "1", "--no-cache"])
    assert result.exit_code == 1, result.output
    assert "No space left on device" in result.output and ".staging-x" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
