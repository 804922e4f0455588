"""The per-document result cache under OUT/.cache/: a rebuild extracts only
what is new or changed, and a new extractor version starts afresh."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

import extract.pipeline
import kg.parallel
from kg.build import build_graph
from kg.cli import main
from tests.conftest import CORPUS


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[:3]:
        shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture
def counted(monkeypatch):
    """The documents extracted in this process (workers=1 extracts inline)."""
    seen: list[str] = []
    real = kg.parallel.extract

    def extract(src):
        seen.append(src.doc)
        return real(src)

    monkeypatch.setattr(kg.parallel, "extract", extract)
    return seen


def _json(graph) -> str:
    return graph.to_json()


def test_build_cache_rebuild_after_adding_one_file_extracts_only_it(corpus, tmp_path, counted):
    cache = tmp_path / "out" / ".cache"
    first, r1 = build_graph([corpus], cache_dir=cache)
    assert (r1.extracted, r1.cached) == (3, 0) and len(counted) == 3
    new = sorted(CORPUS.glob("*.txt"))[3]
    shutil.copy(new, corpus / new.name)
    counted.clear()
    graph, r2 = build_graph([corpus], cache_dir=cache)
    assert counted == [new.name]
    assert (r2.extracted, r2.cached, r2.documents) == (1, 3, 4)
    fresh, _ = build_graph([corpus])
    assert _json(graph) == _json(fresh)


def test_build_cache_same_bytes_with_and_without_cache(corpus, tmp_path):
    cache = tmp_path / ".cache"
    build_graph([corpus], cache_dir=cache, workers=2)
    cached, report = build_graph([corpus], cache_dir=cache, workers=2)
    assert report.cached == 3 and report.extracted == 0
    assert _json(cached) == _json(build_graph([corpus])[0])


def test_build_cache_changed_file_is_extracted_again(corpus, tmp_path, counted):
    cache = tmp_path / ".cache"
    build_graph([corpus], cache_dir=cache)
    target = sorted(corpus.glob("*.txt"))[1]
    target.write_text(target.read_text(encoding="utf-8") + "\n全国总工会主席王东明出席。\n", encoding="utf-8")
    counted.clear()
    _, report = build_graph([corpus], cache_dir=cache)
    assert counted == [target.name] and report.cached == 2


def test_build_cache_metadata_date_is_part_of_the_key(corpus, tmp_path, counted):
    cache = tmp_path / ".cache"
    build_graph([corpus], cache_dir=cache)
    name = sorted(corpus.glob("*.txt"))[0].name
    (corpus / "metadata.csv").write_text(f"file,date\n{name},2001-02-03\n", encoding="utf-8")
    counted.clear()
    graph, _ = build_graph([corpus], cache_dir=cache)
    assert counted == [name]
    assert any(n.attrs.get("date") == "2001-02-03" for n in graph.nodes.values())


def test_build_cache_invalidated_when_extractor_version_changes(corpus, tmp_path, counted, monkeypatch):
    cache = tmp_path / ".cache"
    build_graph([corpus], cache_dir=cache)
    old = {p.name for p in cache.iterdir()}
    monkeypatch.setattr(extract.pipeline, "EXTRACTOR_VERSION", extract.pipeline.EXTRACTOR_VERSION + "-new")
    counted.clear()
    graph, report = build_graph([corpus], cache_dir=cache)
    assert len(counted) == 3 and report.cached == 0
    assert graph.meta["extractor"].endswith("-new")
    assert not old & {p.name for p in cache.iterdir()}  # the old version's folder is gone


def test_build_cache_damaged_entry_is_extracted_again(corpus, tmp_path, counted):
    cache = tmp_path / ".cache"
    first, _ = build_graph([corpus], cache_dir=cache)
    for entry in cache.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    counted.clear()
    graph, report = build_graph([corpus], cache_dir=cache)
    assert len(counted) == 3 and report.extracted == 3
    assert _json(graph) == _json(first)


def test_build_cache_cli_uses_out_folder_and_no_cache_turns_it_off(corpus, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    res = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert list((out / ".cache").rglob("*.pickle"))
    res = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--workers", "1"])
    assert "from the cache 3" in res.output
    res = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--no-cache"])
    assert res.exit_code == 0 and "from the cache" not in res.output
