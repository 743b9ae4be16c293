"""Dates from evidence: earliest dated occurrence and counts per year, per entry."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from helpers import make_matcher
from typer.testing import CliRunner

from termkit.cli import app
from termkit.corpus import Document
from termkit.dates import entry_dates
from termkit.match import analyse
from termkit.normalize import FoldTable

LEXICON = """\
terms:
  - {id: two-establishments, term: 两个确立, gloss: Two Establishments, first_seen: 2018}
  - {id: four-winds, term: 四风, gloss: Four Forms of Decadence, first_seen: "2012-12"}
  - {id: new-era, term: 新时代, gloss: new era, context: {since: "2012-11"}}
"""


def test_earliest_date_wins_whatever_the_order(table: FoldTable) -> None:
    m = make_matcher(table, {"term": "两个确立", "first_seen": "2018"})
    docs = [Document("late", "两个确立", meta={"date": "2022-03"}), Document("early", "两个确立。两个确立",
                                                                          meta={"date": "2021-11-16"}),
            Document("none", "两个确立"), Document("same-day-b", "两个确立", meta={"date": "2021-11-16"})]
    [row] = entry_dates(analyse(docs, m))
    assert (row.earliest, row.earliest_doc) == ("2021-11-16", "early")
    assert row.by_year == {"2021": 3, "2022": 1} and row.undated == 1 and row.count == 5
    assert not row.earlier_than_lexicon  # 2021 is after the lexicon's 2018


def test_corpus_earlier_than_first_seen_is_flagged(table: FoldTable) -> None:
    m = make_matcher(table, {"term": "四风", "first_seen": "2013"})
    [row] = entry_dates(analyse([Document("a", "四风", meta={"date": "2012-12"})], m))
    assert row.earlier_than_lexicon


def test_entries_asked_for_but_not_found_are_listed_last(table: FoldTable) -> None:
    m = make_matcher(table, {"term": "四风"}, {"term": "两个确立"})
    rows = entry_dates(analyse([Document("a", "四风", meta={"date": "2014"})], m), m.entries)
    assert [(r.entry.term, r.earliest, r.count) for r in rows] == [("四风", "2014", 1), ("两个确立", None, 0)]


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    lex = tmp_path / "lex.yaml"
    lex.write_text(LEXICON, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report_2001.txt").write_text("迈向新时代。", encoding="utf-8")
    (docs / "news_2013-01-05.txt").write_text("反对四风。新时代。", encoding="utf-8")
    (docs / "news_2021-11.txt").write_text("两个确立。四风。", encoding="utf-8")
    (docs / "news_2022-01-03.txt").write_text("两个确立。两个确立。", encoding="utf-8")
    return lex, docs


def test_cli_csv_has_one_column_per_year(tmp_path: Path) -> None:
    lex, docs = _corpus(tmp_path)
    result = CliRunner().invoke(app, ["lexicon", "dates", str(docs), "-l", str(lex), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["four-winds", "new-era", "two-establishments"]
    by_id = {r["id"]: r for r in rows}
    assert by_id["two-establishments"]["earliest"] == "2021-11"
    assert (by_id["two-establishments"]["2021"], by_id["two-establishments"]["2022"]) == ("1", "2")
    assert by_id["four-winds"]["earliest_doc"].endswith("news_2013-01-05.txt")
    assert by_id["new-era"]["count"] == "1"  # the 2001 use is before its since: 2012-11
    assert list(rows[0])[-3:] == ["2013", "2021", "2022"]


def test_cli_json_and_table(tmp_path: Path) -> None:
    lex, docs = _corpus(tmp_path)
    out = CliRunner().invoke(app, ["lexicon", "dates", str(docs), "-l", str(lex), "-f", "json", "-t", "两个确立"])
    assert json.loads(out.stdout) == [{"id": "two-establishments", "term": "两个确立", "first_seen": "2018",
                                       "earliest": "2021-11", "earliest_doc": str(docs / "news_2021-11.txt"),
                                       "count": 3, "undated": 0, "earlier_than_lexicon": False,
                                       "by_year": {"2021": 1, "2022": 2}}]
    table = CliRunner().invoke(app, ["lexicon", "dates", str(docs), "-l", str(lex)], env={"COLUMNS": "160"})
    assert table.exit_code == 0 and "two-establishments" in table.stdout and "2021-11" in table.stdout


def test_cli_warns_when_nothing_is_dated(tmp_path: Path) -> None:
    lex, _ = _corpus(tmp_path)
    doc = tmp_path / "undated.txt"
    doc.write_text("四风", encoding="utf-8")
    result = CliRunner().invoke(app, ["lexicon", "dates", str(doc), "-l", str(lex), "-f", "csv"])
    assert result.exit_code == 0 and "no document has a date" in result.stderr
