"""The Dask engine on a small local cluster: exactly the figures of the local path."""

from __future__ import annotations

import json
import sys

import pytest
from distributed import Client, LocalCluster
from helpers import SEEDS
from typer.testing import CliRunner

from termkit.cli import app
from termkit.compile import load_compiled
from termkit.corpus import Document, read_documents
from termkit.engine_dask import count_on_dask
from termkit.lexicon import bundled_lexicon_path
from termkit.match import analyse
from termkit.stats import count

runner = CliRunner()


@pytest.fixture(scope="module")
def threads_cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster:
        yield cluster


def _docs() -> list[Document]:
    seeds = list(read_documents([str(SEEDS)]))
    return [Document(f"{d.id}#{i}", d.text[i * 400:(i + 1) * 400]) for d in seeds for i in range(6)] + seeds


def test_partitions_merge_to_the_local_result(threads_cluster) -> None:
    matcher = load_compiled(bundled_lexicon_path()).matcher
    docs = _docs()
    local = count(analyse(docs, matcher))
    with Client(threads_cluster) as client:
        for nested in (False, True):
            distributed = count_on_dask(docs, matcher, client, nested=nested, partition_chars=3000)
            assert distributed == count(analyse(docs, matcher, nested=nested))
    assert local.matches > 20 and local.damage


def test_cli_on_a_process_cluster_equals_the_local_run() -> None:
    local = runner.invoke(app, ["count", str(SEEDS), "--format", "json", "--sort", "first", "--jobs", "1"])
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        remote = runner.invoke(app, ["count", str(SEEDS), "--format", "json", "--sort", "first",
                                     "--engine", "dask", "--scheduler", cluster.scheduler_address])
    assert local.exit_code == remote.exit_code == 0, remote.stderr
    assert remote.stdout == local.stdout and json.loads(local.stdout)
    assert remote.stderr == local.stderr  # the same damage warning, nothing else


def test_dask_without_a_scheduler_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["count", str(SEEDS), "--engine", "dask"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: --engine dask needs --scheduler") and result.stderr.count("\n") == 1


def test_dask_not_installed_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    result = runner.invoke(app, ["count", str(SEEDS), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 1 and "pip install 'termkit[dask]'" in result.stderr
