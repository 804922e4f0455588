"""Every recogniser is near-linear in its text (issue 16): no generated
repetitive input of 100 KB (bench/pathological.py's shapes: long list
clauses, runs of region names, quoted programmes, titles, unclosed marks …)
takes more than a few seconds or 300 MB. The figures at 10, 100 and
1,000 KB are printed by ``python bench/pathological.py``."""

import importlib.util

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("pathological", ROOT / "bench" / "pathological.py")
pathological = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pathological)


def test_pathological_inputs_of_100_kb_take_seconds_and_bounded_memory():
    shapes = list(pathological.SHAPES)
    results = pathological.measure_all(shapes, 100, timeout=300)
    assert [r["shape"] for r in results] == shapes
    slow = {r["shape"]: round(r["seconds"], 1) for r in results if r.get("timeout") or r["seconds"] > 5}
    assert not slow, f"shapes over 5 s at 100 KB: {slow}"
    big = {r["shape"]: round(r["peak_mb"]) for r in results if r["peak_mb"] > 300}
    assert not big, f"shapes over 300 MB at 100 KB: {big}"
    # the extractor found something in the text it was given (not a no-op)
    assert sum(r["mentions"] for r in results) > 1000


def test_pathological_shapes_are_of_the_size_asked():
    for shape in pathological.SHAPES:
        text = pathological.generate(shape, 100)
        assert 100_000 <= len(text.encode("utf-8")) < 101_000
