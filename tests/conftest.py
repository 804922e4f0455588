"""Shared fixtures: the sample corpus built once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = Path(__file__).resolve().parent / "seeds.jsonl"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """(graph, report, out_dir) for the five sample texts, all outputs written."""
    from kg.build import build_graph, write_outputs

    out = tmp_path_factory.mktemp("sample-output")
    graph, report = build_graph([CORPUS])
    report.written = write_outputs(graph, out)
    return graph, report, out


@pytest.fixture(scope="session")
def sample_json(sample_build):
    return json.loads((sample_build[2] / "graph.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample(sample_build) -> Path:
    """The output folder of the session build."""
    return sample_build[2]


@pytest.fixture(scope="session")
def graph(sample):
    """The sample graph read back from its graph.json."""
    from kg.model import KnowledgeGraph

    return KnowledgeGraph.load(sample / "graph.json")
