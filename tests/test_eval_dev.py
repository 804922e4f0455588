"""`kg eval` on the development set (`../shared/dev/`): real pages the rules
were not written from. `fit/` is studied, `check/` only measured; the
builder is scored on unseen texts like `check/`, so a floor here guards
what generalises. The floors are what the builder reached when each was
set; raise them as the extractor improves, never lower them.

The texts belong to their publishers and are read in place, never copied
into the project; without `../shared/dev/` the tests are skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys


import pytest

from kg.evaluate import evaluate, load_gold
from tests.conftest import ROOT

DEV = ROOT.parent / "shared" / "dev"

FLOORS = {
    "fit": {"Person": 0.99, "Organization": 0.97, "Region": 0.93, "Programme": 0.88, "Concept": 0.70,
            "Event": 0.98, "HOLDS_POST": 0.98, "LOCATED_IN": 0.91, "SUBORGANIZATION_OF": 0.74, "RUNS": 0.86,
            "PART_OF": 0.92, "PARTICIPATED_IN": 0.91},
    "check": {"Person": 0.955, "Organization": 0.80, "Region": 0.89, "Programme": 0.78, "Concept": 0.72,
              "Event": 0.85, "HOLDS_POST": 0.78, "LOCATED_IN": 0.82, "SUBORGANIZATION_OF": 0.30, "RUNS": 0.65,
              "PARTICIPATED_IN": 0.82},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def dev_scores(request, tmp_path_factory):
    split = request.param
    texts, gold = DEV / split / "texts", DEV / split / "gold.jsonl"
    if not gold.exists():
        pytest.skip(f"no development set at {DEV}")
    from kg.build import build_graph
    from kg.exporters import node_link

    graph, report = build_graph([texts], workers=2)
    assert not report.skipped, report.skipped
    out = tmp_path_factory.mktemp(f"dev-{split}") / "graph.json"
    with open(out, "w", encoding="utf-8") as fh:
        node_link.dump(graph, fh)
    return split, gold, out, evaluate(load_gold(gold), json.loads(out.read_text(encoding="utf-8")))


def test_eval_dev_f1_stays_above_its_floors(dev_scores):
    split, _, _, scores = dev_scores
    got = {t: (scores["nodes"].get(t) or scores["edges"].get(t))["f1"] for t in FLOORS[split]}
    low = {t: (got[t], floor) for t, floor in FLOORS[split].items() if got[t] < floor}
    assert not low, f"{split}/: F1 below its floor (got, floor): {low}"


def test_eval_dev_scores_do_not_depend_on_hashing(dev_scores):
    """Ties in the one-to-one matching are broken in sorted order: the same
    graph and gold give the same table under any PYTHONHASHSEED (on fit/,
    seeds 1 and 2 gave LOCATED_IN .557 and .570 when the matching walked sets)."""
    _, gold, graph, _ = dev_scores
    tables = set()
    for seed in ("1", "2", "3"):
        run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(gold), "--graph", str(graph)],
                             capture_output=True, text=True, env=dict(os.environ, PYTHONHASHSEED=seed))
        assert run.returncode == 0, run.stderr
        tables.add(run.stdout)
    assert len(tables) == 1, tables
