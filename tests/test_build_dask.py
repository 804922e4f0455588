"""kg build on a Dask cluster: the same merge, the same bytes as a local build."""

from __future__ import annotations

import pytest

from kg.build import build_graph
from tests.conftest import CORPUS

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from extract.tokenise import _pos, tokenizer

    tokenizer(), _pos()  # the in-process workers share this process's tokenizer
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as lc:
        yield lc


def test_build_dask_local_cluster_output_identical_to_local(cluster, sample_build):
    graph, report = build_graph([CORPUS], dask=cluster.scheduler_address)
    assert report.documents == sample_build[1].documents and not report.skipped
    assert graph.to_json().encode("utf-8") == (sample_build[2] / "graph.json").read_bytes()


def test_build_dask_with_cache_extracts_only_misses(cluster, tmp_path):
    cache = tmp_path / ".cache"
    first, r1 = build_graph([CORPUS], dask=cluster.scheduler_address, cache_dir=cache)
    again, r2 = build_graph([CORPUS], dask=cluster.scheduler_address, cache_dir=cache)
    assert r1.extracted == 5 and (r2.extracted, r2.cached) == (0, 5)
    assert again.to_json() == first.to_json()


def test_build_dask_cli_bad_address_is_a_clean_error(tmp_path):
    from click.testing import CliRunner

    import dask

    from kg.cli import main

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        res = CliRunner().invoke(main, ["build", str(CORPUS), "--out", str(tmp_path), "--no-cache",
                                        "--dask", "tcp://127.0.0.1:9"], catch_exceptions=False)
    assert res.exit_code == 1 and "dask cluster" in res.output
