"""termkit kwic and termkit count --by doc: the concordance and the per-document table, through the CLI
and as library calls."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from helpers import SEEDS
from rich.cells import cell_len
from typer.testing import CliRunner

from termkit.cli import app
from termkit.concordance import split_terms

runner = CliRunner()
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PIPE = {"TTY_COMPATIBLE": "0"}
TERMINAL = {"COLUMNS": "80", "TTY_COMPATIBLE": "1", "NO_COLOR": "1"}
KWIC_FIELDS = ["doc", "line", "start", "end", "left", "match", "right", "id"]


def run(*args: str, env: dict[str, str] = PIPE, input: str | None = None) -> tuple[str, str, int]:
    result = runner.invoke(app, list(args), env=env, input=input)
    return ANSI.sub("", result.stdout), ANSI.sub("", result.stderr), result.exit_code


def test_kwic_finds_every_script_and_form_with_document_and_line() -> None:
    text = "第一行\n坚持“兩個確立”。两个确立，两 个 确 立\n"
    out, _, code = run("kwic", "两个确立", "-", "--format", "jsonl", input=text)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [list(r) for r in records] == [KWIC_FIELDS] * 3
    assert [r["match"] for r in records] == ["兩個確立", "两个确立", "两 个 确 立"]
    assert {r["line"] for r in records} == {2}
    for r in records:
        assert text[r["start"]:r["end"]].replace("\n", " ") == r["match"]
        assert r["id"] == "two-establishments"


def test_kwic_counts_agree_with_count_and_include_terms_inside_longer_ones() -> None:
    counts = {r["id"]: r["count"] for r in json.loads(run("count", str(SEEDS), "--format", "json")[0])}
    out, _, code = run("kwic", "two-establishments", "作风建设", str(SEEDS), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == KWIC_FIELDS
    by_id: dict[str, int] = {}
    for r in rows:
        by_id[r["id"]] = by_id.get(r["id"], 0) + 1
    assert by_id["two-establishments"] == counts["two-establishments"]
    # kwic also finds 作风建设 where leftmost-longest counts a longer term around it
    assert by_id["improving-party-conduct"] >= counts["improving-party-conduct"]


def test_kwic_width_and_sort() -> None:
    out, _, _ = run("kwic", "作风建设", str(SEEDS), "--format", "jsonl", "--width", "5", "--sort", "right")
    records = [json.loads(line) for line in out.splitlines()]
    assert all(len(r["left"]) <= 5 and len(r["right"]) <= 5 for r in records)
    assert [r["right"] for r in records] == sorted(r["right"] for r in records)
    out, _, _ = run("kwic", "作风建设", str(SEEDS), "--format", "jsonl", "--sort", "left")
    lefts = [json.loads(line)["left"][::-1] for line in out.splitlines()]
    assert lefts == sorted(lefts)


def test_kwic_table_aligns_the_matches_at_80_columns() -> None:
    out, _, code = run("kwic", "两个确立", "作风建设", str(SEEDS), env=TERMINAL)
    assert code == 0
    lines = [line for line in out.splitlines() if ".txt:" in line]
    assert lines and max(cell_len(line) for line in lines) <= 80
    # the match starts at the same cell on every line
    starts = {cell_len(line[:min(i for i in (line.find("兩個確立"), line.find("两个确立"), line.find("作風"),
                                             line.find("作风")) if i >= 0)]) for line in lines}
    assert len(starts) == 1
    assert re.search(r"\d+ occurrences", out)


def test_kwic_errors() -> None:
    _, err, code = run("kwic", "nosuchterm", str(SEEDS))
    assert code == 2 and "not in the lexicon" in err
    _, err, code = run("kwic", str(SEEDS))
    assert code == 2


def test_split_terms_stops_at_the_first_path() -> None:
    assert split_terms(["四风", "-"], lambda a: True, lambda a: False) == (["四风"], ["-"])


def test_count_by_doc_lists_every_document_with_its_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"text": "两个确立，两个确立。", "date": "2021-11-16", "region": "浙江"}\n'
                      '{"text": "今天天气很好。", "date": "2022-01-01", "region": "上海"}\n', encoding="utf-8")
    out, _, code = run("count", str(corpus), "--by", "doc", "--format", "csv", "--date-field", "date",
                       "--group-field", "region")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["doc", "date", "group", "id", "term", "count", "per_10k"]
    assert rows[0]["doc"].endswith("news.jsonl:1") and rows[0]["date"] == "2021-11-16"
    assert (rows[0]["group"], rows[0]["id"], rows[0]["count"]) == ("浙江", "two-establishments", "2")
    assert float(rows[0]["per_10k"]) == pytest.approx(2 * 10000 / 10)
    assert rows[-1]["doc"].endswith("news.jsonl:2") and rows[-1]["count"] == "0" and rows[-1]["id"] == ""


def test_count_by_doc_sums_to_count_and_same_for_any_jobs() -> None:
    totals = {r["id"]: r["count"] for r in json.loads(run("count", str(SEEDS), "--format", "json")[0])}
    out, _, code = run("count", str(SEEDS), "--by", "doc", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    summed: dict[str, int] = {}
    for r in rows:
        if r["id"]:
            summed[r["id"]] = summed.get(r["id"], 0) + r["count"]
    assert summed == totals
    assert {r["doc"] for r in rows} == {str(p) for p in SEEDS.glob("*.txt")}
    assert json.loads(run("count", str(SEEDS), "--by", "doc", "--format", "json", "-j", "2")[0]) == rows


def test_count_by_doc_table_on_a_terminal() -> None:
    out, _, code = run("count", str(SEEDS), "--by", "doc", env=TERMINAL)
    assert code == 0
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    assert "more rows (--top 0 shows all" in out
