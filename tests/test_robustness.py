"""Nothing lost, nothing different, nothing injected (issue 9)."""

import ast
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from kg.build import build_graph, write_outputs
from kg.model import Evidence, KnowledgeGraph
from tests.conftest import CORPUS, ROOT


def _digest(folder: Path) -> dict[str, str]:
    """What a reader sees in an output folder: every file under its visible
    names (through the links into ``current``), hidden entries left out."""
    out = {}
    for root, dirs, files in os.walk(folder, followlinks=True):
        rel = Path(root).relative_to(folder)
        if rel == Path("."):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d != "current"]
            files = [f for f in files if not f.startswith(".")]
        for f in files:
            p = Path(root) / f
            out[(rel / f).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return dict(sorted(out.items()))


def test_robustness_two_builds_give_identical_bytes(tmp_path, sample_build):
    graph, _ = build_graph([CORPUS])
    write_outputs(graph, tmp_path / "again")
    first = _digest(sample_build[2])
    assert first and first == _digest(tmp_path / "again")


def test_robustness_file_order_does_not_change_ids_or_bytes(tmp_path):
    docs = sorted(p.name for p in CORPUS.glob("*.txt"))
    one, two = tmp_path / "one", tmp_path / "two"
    g1, _ = build_graph([CORPUS / d for d in docs])
    g2, _ = build_graph([CORPUS / d for d in reversed(docs)])
    write_outputs(g1, one, formats=("json", "graphml"))
    write_outputs(g2, two, formats=("json", "graphml"))
    assert _digest(one) == _digest(two)


def _processes_naming(path: Path) -> list[int]:
    """Pids of the running processes whose command line names ``path``."""
    pids = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if str(path) in cmd and state != "Z":
            pids.append(int(proc.name))
    return pids


@pytest.mark.parametrize("kill_while", ["extracting", "writing"])
def test_robustness_killed_build_leaves_previous_outputs_intact(tmp_path, kill_while):
    out = tmp_path / "out"
    ok = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(CORPUS), "--out", str(out)],
                        capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr
    before = _digest(out)
    big = tmp_path / "big"
    big.mkdir()
    for i in range(60):  # enough work that the build is still running when killed
        for p in CORPUS.glob("*.txt"):
            (big / f"{i:02d}-{p.name}").write_text(p.read_text(encoding="utf-8") + f"\n第{i}份。", encoding="utf-8")
    # rules only: the test is about where the kill lands, not about the tagger's speed
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(big), "--out", str(out), "--rules-only"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # the staging folder appears when the exporters start writing
    deadline = time.monotonic() + (2.5 if kill_while == "extracting" else 300)
    while proc.poll() is None and time.monotonic() < deadline and not list(out.glob(".staging-*")):
        time.sleep(0.005)
    assert proc.poll() is None, "the build finished before it could be killed; give it more work"
    assert bool(list(out.glob(".staging-*"))) == (kill_while == "writing")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _digest(out) == before
    # its worker processes do not outlive it
    deadline = time.monotonic() + 10
    while _processes_naming(big) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _processes_naming(big)
    json.loads((out / "graph.json").read_text(encoding="utf-8"))
    if kill_while == "writing":  # the next build clears what the killed one left
        again = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(CORPUS), "--out", str(out),
                                "--formats", "json"], capture_output=True, text=True, cwd=ROOT)
        assert again.returncode == 0, again.stderr
        assert not list(out.glob(".staging-*"))


HOSTILE = ['<script>alert(1)</script>', '"quoted" \'single\'', 'a&b<c>d', '`back`ticks`',
           'line\nbreak', 'semi;colon,comma', 'back\\slash', '=1+2', '+SUM(A1)', '-3', '@cmd']


def _hostile_graph() -> KnowledgeGraph:
    g = KnowledgeGraph()
    org = g.add_node("Organization", "北京市总工会", kind="union", level="provincial")
    for i, name in enumerate(HOSTILE):
        p = g.add_node("Person", f"张{i}{name}", aliases=[name])
        g.add_edge(p, org, "HOLDS_POST", title=name,
                   evidence=[Evidence("d.txt", f"句子{name}", 0, len(f"句子{name}"))])
    return g


def test_robustness_hostile_text_round_trips_through_json_and_graphml(tmp_path):
    g = _hostile_graph()
    write_outputs(g, tmp_path, formats=("json", "graphml"))
    back = KnowledgeGraph.load(tmp_path / "graph.json")
    assert {n.label for n in back.nodes.values()} == {n.label for n in g.nodes.values()}
    gml = nx.read_graphml(tmp_path / "graph.graphml")
    labels = {d["label"] for _, d in gml.nodes(data=True)}
    assert {f"张{i}{name}" for i, name in enumerate(HOSTILE)} <= labels


def test_robustness_extract_never_imports_kg_and_exporters_only_the_model():
    for path in (ROOT / "extract").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n == "kg" or n.startswith("kg.") for n in names), path
    for path in (ROOT / "kg" / "exporters").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("extract", "kg.build", "kg.cli")), (path, node.module)
