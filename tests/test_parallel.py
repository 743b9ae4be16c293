"""Parallel matching: the same results in the same order as one process; bounded read-ahead."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from helpers import SEEDS
from typer.testing import CliRunner

from termkit import parallel
from termkit.cli import app
from termkit.compile import load_compiled
from termkit.corpus import Document, read_documents
from termkit.lexicon import bundled_lexicon_path
from termkit.match import analyse
from termkit.parallel import chunked, match_documents


@pytest.fixture(scope="module")
def matcher():
    return load_compiled(bundled_lexicon_path()).matcher


def _flat(results) -> list:
    return [(r.doc.id, [(m.start, m.end, m.text, m.entry.id) for m in r.matches], r.damage) for r in results]


def _docs() -> list[Document]:
    seeds = list(read_documents([str(SEEDS)]))
    # many small documents, the seeds, and an empty one, in a fixed order
    return [Document(f"{d.id}#{i}", d.text[i * 300:(i + 1) * 300]) for d in seeds for i in range(8)] + seeds + [
        Document("empty", "")]


def test_pool_gives_the_same_results_in_the_same_order(matcher) -> None:
    docs = _docs()
    serial = _flat(analyse(docs, matcher))
    pooled = _flat(match_documents(docs, matcher, jobs=2, chunk_chars=2000))
    assert pooled == serial
    assert sum(len(m) for _, m, _ in serial) > 20 and any(d for _, _, d in serial)


def test_one_long_document_is_matched_in_pieces_by_the_pool(matcher) -> None:
    seeds = list(read_documents([str(SEEDS)]))
    long = Document("long", "\n".join(d.text for d in seeds) * 3 + "四风??。")
    pieces = list(parallel.work_items([long], matcher, 2000))
    assert len(pieces) > 3 and all(isinstance(p, parallel.Piece) for p in pieces)
    assert "".join(long.text[p.start:p.end] for p in pieces) == long.text
    for nested in (False, True):
        pooled = _flat(match_documents([long], matcher, nested=nested, jobs=2, chunk_chars=2000))
        assert pooled == _flat(analyse([long], matcher, nested=nested))
    assert len(pooled[0][1]) > 50 and pooled[0][2]


def test_pool_sends_each_documents_date_for_since() -> None:
    from termkit.compile import compile_lexicon
    from termkit.lexicon import Context, Entry, Lexicon

    m = compile_lexicon(Lexicon((Entry(id="new-era", term="新时代", gloss="new era", context=Context(since="2012")),)))
    docs = [Document(f"d{i}", "迈向新时代。" * 50, meta={"date": str(1990 + i)}) for i in range(40)]
    pooled = _flat(match_documents(docs, m, jobs=2, chunk_chars=500))
    assert pooled == _flat(analyse(docs, m))
    assert [len(ms) > 0 for _, ms, _ in pooled] == [1990 + i >= 2012 for i in range(40)]


def test_pool_keeps_nested_matches(matcher) -> None:
    docs = _docs()
    assert _flat(match_documents(docs, matcher, nested=True, jobs=2, chunk_chars=2000)) == _flat(
        analyse(docs, matcher, nested=True))


def test_matches_point_at_the_parents_entries(matcher) -> None:
    results = list(match_documents(_docs(), matcher, jobs=2, chunk_chars=2000))
    entries = {id(e) for e in matcher.entries}
    assert all(id(m.entry) in entries for r in results for m in r.matches)


def test_one_job_and_small_inputs_start_no_pool(matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*_a, **_k):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "_pooled", no_pool)
    docs = _docs()
    assert len(_flat(match_documents(docs, matcher, jobs=1, chunk_chars=10))) == len(docs)
    assert len(_flat(match_documents(docs, matcher, jobs=4))) == len(docs)  # all in one chunk


def test_read_ahead_is_bounded(matcher) -> None:
    read = 0

    def docs() -> Iterator[Document]:
        nonlocal read
        for i in range(400):
            read += 1
            yield Document(str(i), "坚持“两个确立”。" * 20)

    ahead = 0
    for done, _ in enumerate(match_documents(docs(), matcher, jobs=2, chunk_chars=1000), 1):
        ahead = max(ahead, read - done)
    # chunks hold 6 documents: at most 2 * jobs in flight, plus the one being filled and the one being yielded
    assert ahead <= 6 * (2 * 2 + 2)
    assert read == 400


def test_chunks_keep_order_and_respect_limits() -> None:
    docs = [Document(str(i), "x" * n) for i, n in enumerate([5, 5, 20, 1, 1, 1])]
    chunks = list(chunked(docs, max_chars=10, max_docs=2))
    assert [[d.id for d in c] for c in chunks] == [["0", "1"], ["2"], ["3", "4"], ["5"]]


def test_resolve_jobs_defaults_to_the_cores() -> None:
    assert parallel.resolve_jobs(None) == parallel.resolve_jobs(0) >= 1
    assert parallel.resolve_jobs(5) == 5


def test_cli_jobs_output_is_identical(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    # small chunks so that the seeds really go through a pool of two
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 500)
    runner = CliRunner()
    outs = {}
    for jobs in ("1", "2"):
        tag = runner.invoke(app, ["tag", str(SEEDS), "--format", "jsonl", "--jobs", jobs])
        count = runner.invoke(app, ["count", str(SEEDS), "--format", "json", "--jobs", jobs])
        gloss = runner.invoke(app, ["gloss", str(SEEDS), "--format", "csv", "--jobs", jobs])
        assert tag.exit_code == count.exit_code == gloss.exit_code == 0, tag.stderr + count.stderr + gloss.stderr
        outs[jobs] = (tag.stdout, count.stdout, gloss.stdout)
    assert outs["1"] == outs["2"]
    assert len(outs["1"][0].splitlines()) > 20 and json.loads(outs["1"][1])


def test_cli_rejects_zero_jobs() -> None:
    result = CliRunner().invoke(app, ["count", str(SEEDS), "--jobs", "0"])
    assert result.exit_code == 2


FORKED_POOL = """
import gc, json
from termkit import parallel
from termkit.compile import load_compiled
from termkit.lexicon import bundled_lexicon_path

def freeze_count():
    return gc.get_freeze_count()

matcher = load_compiled(bundled_lexicon_path()).matcher
pool = parallel.start_pool(matcher, False, None, 2)
try:
    started = len(pool._processes)
    frozen = pool.submit(freeze_count).result()
finally:
    pool.shutdown()
print(json.dumps({"started": started, "worker_frozen": frozen, "here_frozen": gc.get_freeze_count(),
                  "plain": matcher.takes_plain_path(1)}))
"""


def test_a_forked_pool_starts_its_workers_with_the_inherited_heap_frozen() -> None:
    """The workers' cycle collections never walk (and so never copy) what they inherit; this process
    takes its objects back into its own collections once the workers are forked. Run in a fresh
    interpreter: a pool forks only while no other thread runs, which earlier tests of this process
    cannot promise."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", FORKED_POOL], capture_output=True, text=True, check=True).stdout
    got = json.loads(out)
    assert got["started"] == 2  # forked when the pool started, not at the first real task
    assert got["worker_frozen"] > 1000 and got["here_frozen"] == 0
    assert got["plain"] is False  # prepared before the fork: the workers share it


@pytest.mark.parametrize(("frozen_before", "calls"), [(0, ["freeze", "unfreeze"]), (5, [])])
def test_a_program_that_froze_objects_itself_keeps_them_frozen(monkeypatch, frozen_before, calls) -> None:
    # the collector's own functions are replaced by spies: the real freeze count moves whenever another thread
    # frees a frozen object, so comparing counts made this test fail now and then in the full suite
    seen: list[str] = []
    monkeypatch.setattr(parallel.gc, "get_freeze_count", lambda: frozen_before)
    monkeypatch.setattr(parallel.gc, "freeze", lambda: seen.append("freeze"))
    monkeypatch.setattr(parallel.gc, "unfreeze", lambda: seen.append("unfreeze"))
    with parallel._heap_frozen():
        pass
    assert seen == calls
