"""The pipeline: one call from paths to matched documents, the same for every caller."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from helpers import SEEDS, make_matcher

from termkit.corpus import read_documents
from termkit.match import analyse
from termkit.pipeline import open_corpus, run


@pytest.fixture()
def matcher(table):
    return make_matcher(table, {"term": "四风"}, {"term": "两个确立"}, {"term": "两个维护"})


def _flat(results):
    return [(r.doc.id, [(m.start, m.end, m.entry.id) for m in r.matches], r.damage) for r in results]


def test_run_equals_reading_then_matching(matcher) -> None:
    expected = _flat(analyse(read_documents([str(SEEDS)]), matcher))
    assert expected and _flat(run([str(SEEDS)], matcher)) == expected
    assert _flat(run([str(SEEDS)], matcher, jobs=2)) == expected


def test_warnings_of_reading_and_damage_go_to_one_callback(tmp_path: Path, matcher) -> None:
    (tmp_path / "a.txt").write_text("四风??", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 40)
    said: list[str] = []
    results = list(run([str(tmp_path), str(tmp_path / "gone.txt")], matcher, on_warning=said.append))
    assert [r.doc.id for r in results] == [str(tmp_path / "a.txt")]
    assert len(said) == 3
    assert "gone.txt: no such file" in said[0]  # folders and files are listed before any is read
    assert "a.txt: 1 damaged run " in said[1] and "b.txt: binary file" in said[2]


def test_corpus_read_twice_reads_stdin_once_and_warns_once(monkeypatch, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("两个确立".encode())))
    said: list[str] = []
    corpus = open_corpus(["-", str(tmp_path)], on_warning=said.append)
    first = [(d.id, d.text) for d in corpus.documents()]
    second = [(d.id, d.text) for d in corpus.documents()]
    assert first == second == [("<stdin>", "两个确立"), (str(tmp_path / "empty.txt"), "")]
    assert len(said) == 1 and "empty" in said[0]
    assert corpus.files == 2
