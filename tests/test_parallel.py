"""Parallel matching: the same results in the same order as one process; bounded read-ahead."""

from __future__ import annotations

import codecs
import functools
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from termkit import parallel
from termkit.cli import app
from termkit.compile import load_compiled
from termkit.corpus import Document, read_documents
from termkit.lexicon import bundled_lexicon_path
from termkit.match import analyse
from termkit.parallel import chunked, match_documents
from termkit.stats import count


@functools.lru_cache(maxsize=1)
def _matcher():
    return load_compiled(bundled_lexicon_path()).matcher


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


# ── count_sources: workers read their own files and send back counts ───────────────────────────────


def _figures(stats) -> tuple:
    return (stats.documents, stats.characters, stats.matches,
            [(t.entry.id, t.count, t.docs, t.first) for t in stats.terms], stats.damage)


def _mixed_corpus(folder: Path) -> list[str]:
    """Every kind of input: text in several encodings, a big UTF-8 file with damage and line breaks, one
    with a broken byte, JSONL and CSV, an empty file, a binary one, a path that does not exist."""
    seeds = [d.text for d in read_documents([str(SEEDS)])]
    (folder / "big.txt").write_text("\n".join(seeds) + "宁??县委。\n\ufffd四风。" + "\n".join(seeds), encoding="utf-8")
    (folder / "bom.txt").write_bytes(codecs.BOM_UTF8 + "\n".join(seeds).encode())
    (folder / "broken.txt").write_bytes("\n".join(seeds).encode() + b"\xff" + "两个确立。".encode() * 50)
    (folder / "gbk.txt").write_bytes("坚持“两个确立”。四风??问题。".encode("gb18030") * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    rows = [{"text": t[i % 50 * 20:][:400], "date": f"20{10 + i % 15}"} for i in range(700) for t in seeds[:1]]
    (folder / "rows.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{bad\n",
                                       encoding="utf-8")
    (folder / "rows.csv").write_text("title,body\n" + "".join(f"a,{t[:300]!r}\n" for t in seeds), encoding="utf-8")
    return [str(SEEDS), str(folder), str(folder / "gone.txt")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_count_gives_the_figures_and_messages_of_counting_the_results(matcher, tmp_path, monkeypatch, jobs) -> None:
    from termkit.pipeline import open_corpus

    monkeypatch.setattr(parallel, "POOL_MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "PIECE_BYTES", 700)  # the big files are cut into many pieces
    paths = _mixed_corpus(tmp_path)
    expected_said: list[str] = []
    expected = open_corpus(paths, on_warning=expected_said.append)
    figures = _figures(count(expected.results(matcher, jobs=1)))
    said: list[str] = []
    files: list[None] = []
    corpus = open_corpus(paths, on_warning=said.append)
    assert _figures(corpus.count(matcher, jobs=jobs, on_file=lambda: files.append(None))) == figures
    assert said == expected_said and corpus.errors == expected.errors
    assert len(files) == corpus.files
    assert figures[2] > 100 and figures[4] and any("big.txt" in d.doc for d in figures[4])
    assert any("broken.txt" in s for s in said) and corpus.errors
    assert figures[0] > 700  # the JSONL file's rows go out in several chunks


def test_count_reads_stdin_once(matcher, monkeypatch) -> None:
    import io
    import sys

    from termkit.pipeline import open_corpus

    text = "\n".join(d.text for d in read_documents([str(SEEDS)]))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    corpus = open_corpus(["-", str(SEEDS)])
    docs = list(corpus.documents())
    assert _figures(corpus.count(matcher, jobs=2)) == _figures(count(analyse(docs, matcher)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["四风", "四風", "两个确立", "兩個維護", "??", "\ufffd", "?", "。", "！", "；", "\n",
                                 "宁", "a", "𠀋", "“", "(lǐng)", " "]), max_size=300), st.integers(1, 80))
def test_a_file_counted_in_pieces_gives_the_figures_of_the_whole(words: list[str], size: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.txt"
        path.write_text("".join(words), encoding="utf-8")
        m = _matcher()
        whole = _figures(count(analyse(read_documents([str(path)]), m)))
        assert _figures(parallel.count_sources([path], m, piece_bytes=size).result()) == whole


def test_count_reads_a_named_pipe_in_this_process(matcher, tmp_path, monkeypatch) -> None:
    import os
    import threading

    monkeypatch.setattr(parallel, "POOL_MIN_BYTES", 0)
    text = "\n".join(d.text for d in read_documents([str(SEEDS)]))
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_text(text, encoding="utf-8"))
    writer.start()  # a thread runs: the pool is spawned, and a worker could not open this process's pipe
    seed = sorted(SEEDS.glob("*.txt"))[0]
    got = parallel.count_sources([pipe, seed], matcher, jobs=2).result()
    writer.join()
    docs = [*analyse([Document(str(pipe), text)], matcher), *analyse(read_documents([str(seed)]), matcher)]
    assert _figures(got) == _figures(count(docs)) and got.documents == 2 and got.matches > 50


def test_small_files_go_to_the_workers_together_largest_first() -> None:
    units = [parallel._Unit(i, size) for i, size in enumerate([3_000] * 1000 + [900_000, 40_000])]
    tasks = parallel.batches(units, jobs=2)
    assert sorted(id(u) for t in tasks for u in t) == sorted(id(u) for u in units)  # each unit once
    assert len(tasks) < 60 and all(len(t) > 1 for t in tasks[2:])
    assert [u.size for u in tasks[0]] == [900_000]  # the largest alone and first
    sizes = [u.size for t in tasks for u in t]
    assert sizes == sorted(sizes, reverse=True)
