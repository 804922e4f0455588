"""kg build extracting in worker processes: the same bytes whatever the
number of workers and whatever the order the files are given in."""

from __future__ import annotations

import io
import shutil

import pytest
from click.testing import CliRunner

from kg.build import build_graph, write_outputs
from kg.cli import main
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


def _forks(monkeypatch) -> list[int]:
    """Let node_link fork here (other tests' threads may be alive) and count its forks."""
    import os

    forks: list[int] = []
    real = os.fork
    monkeypatch.setattr(node_link, "fork_is_safe", lambda: True)
    monkeypatch.setattr(node_link, "PARALLEL_MIN_EDGES", 1)
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real())
    return forks


@pytest.mark.parametrize("workers", [2, 3, 7])
def test_build_parallel_graph_json_written_in_parts_is_the_same_bytes(tmp_path, sample_build, monkeypatch,
                                                                       workers):
    forks = _forks(monkeypatch)
    node_link.write(sample_build[0], tmp_path, {"workers": workers})
    assert len(forks) == workers - 1
    assert (tmp_path / "graph.json").read_bytes() == (sample_build[2] / "graph.json").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.json"]


def test_build_parallel_graph_json_part_that_fails_is_an_error_and_leaves_no_part(tmp_path, sample_build,
                                                                                   monkeypatch):
    forks = _forks(monkeypatch)
    monkeypatch.setattr(node_link, "_write_part", lambda *args: 1)
    with pytest.raises(OSError, match=r"writing graph.json: the part from 'Article:.*' on failed"):
        node_link.write(sample_build[0], tmp_path, {"workers": 2})
    assert forks and not list(tmp_path.glob(".graph.json.part*"))
