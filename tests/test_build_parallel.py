"""kg build extracting in worker processes: the same bytes whatever the
number of workers and whatever the order the files are given in."""

from __future__ import annotations

import io
import os
import shutil
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import DEFAULT_FORMATS, build_graph, write_outputs
from kg.cli import main
from kg.cli_summary import ExportLines
from kg.exporters import node_link
from kg.model import KnowledgeGraph
from tests.conftest import CORPUS


def _json(graph) -> bytes:
    buf = io.StringIO()
    node_link.dump(graph, buf)
    return buf.getvalue().encode("utf-8")


@pytest.mark.parametrize("workers", [2])
def test_build_parallel_workers_give_identical_bytes(sample_build, workers):
    graph, report = build_graph([CORPUS], workers=workers)
    assert report.documents == sample_build[1].documents
    assert _json(graph) == (sample_build[2] / "graph.json").read_bytes()


def test_build_parallel_file_order_does_not_matter(sample_build):
    files = sorted(CORPUS.glob("*.txt"))
    graph, _ = build_graph(list(reversed(files)), workers=2)
    assert _json(graph) == (sample_build[2] / "graph.json").read_bytes()


def test_build_parallel_skips_unreadable_files_in_order(tmp_path):
    for p in sorted(CORPUS.glob("*.txt"))[:2]:
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "000_empty.txt").write_bytes(b"")
    (tmp_path / "zzz.txt").write_bytes(b"\x89PNG\r\n")
    graph, report = build_graph([tmp_path], workers=2)
    assert [doc for doc, _ in report.skipped] == ["000_empty.txt", "zzz.txt"]
    assert report.documents == 2 and report.exit_code == 3


def test_build_parallel_strict_stops_at_first_unreadable(tmp_path):
    from extract.corpus import ReadError

    shutil.copy(next(CORPUS.glob("*.txt")), tmp_path / "b.txt")
    (tmp_path / "a.txt").write_bytes(b"")
    with pytest.raises(ReadError, match="a.txt: empty file"):
        build_graph([tmp_path], workers=2, strict=True)


@pytest.mark.parametrize("meta", [{}, {"extractor": "1-x"}])
def test_build_parallel_streamed_json_matches_to_json(meta):
    g = KnowledgeGraph(meta)
    assert _json(g).decode("utf-8") == g.to_json()
    a = g.add_node("Person", "刘伟", aliases=["刘 伟"])
    b = g.add_node("Organization", "北京市总工会", kind="union")
    g.add_edge(a, b, "HOLDS_POST", title="主席")
    g.add_edge(a, b, "HOLDS_POST", title="副主席")
    assert _json(g).decode("utf-8") == g.to_json()


def test_build_parallel_cli_workers_and_quiet_progress(tmp_path, sample_build):
    res = CliRunner().invoke(main, ["build", str(CORPUS), "--out", str(tmp_path), "--workers", "2",
                                    "--no-cache"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "graph.json").read_bytes() == (sample_build[2] / "graph.json").read_bytes()
    assert "extracting" not in res.stdout  # progress goes to stderr
    assert not (tmp_path / ".cache").exists()


def test_build_parallel_write_outputs_unchanged(tmp_path, sample_build):
    graph, _ = build_graph([CORPUS], workers=2)
    write_outputs(graph, tmp_path, formats=("json",))
    assert (tmp_path / "graph.json").read_bytes() == (sample_build[2] / "graph.json").read_bytes()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".lock"}


@pytest.mark.parametrize("workers", [2, 3])
def test_build_parallel_exporters_side_by_side_give_the_same_bytes(tmp_path, sample_build, monkeypatch, workers):
    import kg.export

    monkeypatch.setattr(kg.export, "fork_is_safe", lambda: True)  # other tests' threads may be alive
    lines = ExportLines(io.StringIO())
    written = write_outputs(sample_build[0], tmp_path, workers=workers, progress=lines)
    assert written == sample_build[1].written  # in the formats' order, not the order they finished in
    mine, theirs = _files(tmp_path / "current"), _files(sample_build[2] / "current")
    assert sorted(mine) == sorted(theirs) and len(mine) > 10
    assert [name for name in mine if mine[name] != theirs[name]] == []
    log = lines.stream.getvalue().splitlines()
    assert sorted(ln.split()[1] for ln in log if ln.startswith("writing ")) == sorted(DEFAULT_FORMATS)
    assert sorted(ln.split()[1] for ln in log if ln.startswith("wrote ")) == sorted(DEFAULT_FORMATS)
    assert log[0] == "writing rdf …"  # the slowest starts first


def _fails(graph, out_dir, options=None):
    raise OSError(28, "No space left on device", str(out_dir / "graph.graphml"))


def _dies(graph, out_dir, options=None):
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.parametrize("writer, error", [(_fails, "No space left on device"),
                                           (_dies, r"writing (\w+, )*graphml(, \w+)*: a process writing them ended")])
def test_build_parallel_exporter_that_fails_leaves_the_previous_outputs(tmp_path, sample_build, monkeypatch,
                                                                        writer, error):
    import dataclasses

    import kg.export
    from kg import exporters

    write_outputs(sample_build[0], tmp_path, ("json", "report"))
    before = _files(tmp_path)
    monkeypatch.setattr(kg.export, "fork_is_safe", lambda: True)
    monkeypatch.setitem(exporters.FORMATS, "graphml",
                        dataclasses.replace(exporters.FORMATS["graphml"], writer=f"{__name__}:{writer.__name__}"))
    with pytest.raises((OSError, kg.export.ExportFailed), match=error):
        write_outputs(sample_build[0], tmp_path, ("json", "graphml", "report"), workers=2)
    assert _files(tmp_path) == before
    assert not list(tmp_path.glob(".staging-*"))
