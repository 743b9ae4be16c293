"""Counting on several cores: workers read their own files, one big file in pieces, the figures and
messages of one process."""

from __future__ import annotations

import codecs
import functools
import json
import tempfile
from pathlib import Path

import pytest
from helpers import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit import counting
from termkit.compile import load_compiled
from termkit.corpus import Document, read_documents
from termkit.lexicon import bundled_lexicon_path
from termkit.match import analyse
from termkit.stats import count


@functools.lru_cache(maxsize=1)
def _matcher():
    return load_compiled(bundled_lexicon_path()).matcher


@pytest.fixture(scope="module")
def matcher():
    return _matcher()


def _figures(stats) -> tuple:
    return (stats.documents, stats.characters, stats.matches,
            [(t.entry.id, t.count, t.docs, t.first) for t in stats.terms], stats.damage,
            (stats.hidden, stats.hidden_terms))


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

    monkeypatch.setattr(counting, "POOL_MIN_BYTES", 0)
    monkeypatch.setattr(counting, "PIECE_BYTES", 700)  # the big files are cut into many pieces
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
    assert figures[5][0] > 10  # matches inside longer ones, in the big files' pieces too


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
        assert _figures(counting.count_sources([path], m, piece_bytes=size).result()) == whole


def test_count_reads_a_named_pipe_in_this_process(matcher, tmp_path, monkeypatch) -> None:
    import os
    import threading

    monkeypatch.setattr(counting, "POOL_MIN_BYTES", 0)
    text = "\n".join(d.text for d in read_documents([str(SEEDS)]))
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_text(text, encoding="utf-8"))
    writer.start()  # a thread runs: the pool is spawned, and a worker could not open this process's pipe
    seed = sorted(SEEDS.glob("*.txt"))[0]
    got = counting.count_sources([pipe, seed], matcher, jobs=2).result()
    writer.join()
    docs = [*analyse([Document(str(pipe), text)], matcher), *analyse(read_documents([str(seed)]), matcher)]
    assert _figures(got) == _figures(count(docs)) and got.documents == 2 and got.matches > 50


def test_small_files_go_to_the_workers_together_largest_first() -> None:
    units = [counting._Unit(i, size) for i, size in enumerate([3_000] * 1000 + [900_000, 40_000])]
    tasks = counting.batches(units, jobs=2)
    assert sorted(id(u) for t in tasks for u in t) == sorted(id(u) for u in units)  # each unit once
    assert len(tasks) < 60 and all(len(t) > 1 for t in tasks[2:])
    assert [u.size for u in tasks[0]] == [900_000]  # the largest alone and first
    sizes = [u.size for t in tasks for u in t]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize("enabled", [True, False])
def test_a_pooled_count_leaves_the_cycle_collector_as_it_found_it(matcher, monkeypatch, enabled: bool) -> None:
    import gc

    monkeypatch.setattr(counting, "POOL_MIN_BYTES", 0)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert counting.count_sources(sorted(SEEDS.rglob("*.txt")), matcher, jobs=2).result().matches > 0
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
