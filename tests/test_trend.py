"""Trends: counts and rates per year, month or group; undated documents counted apart; the view."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from helpers import SEEDS, make_matcher
from rich.console import Console
from typer.testing import CliRunner

from termkit.cli import app
from termkit.corpus import Document
from termkit.match import analyse
from termkit.trend import NO_GROUP, UNDATED, TrendTally, period_of, trend
from termkit.trend_view import render_trend, sparkline

runner = CliRunner()


@pytest.fixture(scope="module")
def matcher(table):
    return make_matcher(table, {"term": "四风", "id": "four-winds"}, {"term": "两个确立", "id": "two-est"},
                        {"term": "八项规定", "id": "eight-rules"})


DOCS = [
    Document("a", "反对四风。八项规定。", meta={"date": "2013-06-18", "group": "人民日报"}),
    Document("b", "四风四风，两个确立。", meta={"date": "2013-12", "group": "新华社"}),
    Document("c", "两个确立两个确立", meta={"date": "2021-11-16", "group": "人民日报"}),
    Document("d", "四风", meta={}),
]


def _results(matcher, docs=DOCS):
    return list(analyse(docs, matcher))


def test_by_year_counts_rates_gaps_and_undated(matcher) -> None:
    t = trend(_results(matcher), by="year", top=2)
    assert [e.id for e in t.terms] == ["four-winds", "two-est"]  # 4 and 3 occurrences
    keys = [p.key for p in t.periods]
    assert keys == [str(y) for y in range(2013, 2022)] + [UNDATED]
    p2013 = t.periods[0]
    assert (p2013.documents, p2013.characters, p2013.counts) == (2, 20, (3, 1))
    assert p2013.per_10k(0) == pytest.approx(3 * 10000 / 20)
    assert t.periods[1].documents == 0 and t.periods[1].per_10k(0) is None  # 2014: a gap, no rate
    assert t.missing == 1 and t.periods[-1].counts == (1, 0)
    assert len(t.series(0)) == 9  # undated is not part of the series


def test_by_month_keeps_year_only_dates_apart(matcher) -> None:
    docs = [*DOCS, Document("e", "四风", meta={"date": "2013"})]
    t = trend(_results(matcher, docs), by="month", top=1)
    keys = [p.key for p in t.periods]
    assert keys[:3] == ["2013", "2013-06", "2013-07"]
    assert "2021-11" in keys and keys[-1] == UNDATED


def test_by_group(matcher) -> None:
    t = trend(_results(matcher), by="group", top=3)
    assert [(p.key, p.documents) for p in t.periods] == [("人民日报", 2), ("新华社", 1), (NO_GROUP, 1)]


def test_chosen_terms_in_their_order_even_when_absent(matcher) -> None:
    entries = {e.id: e for e in matcher.entries}
    t = trend(_results(matcher), by="year", terms=[entries["eight-rules"], entries["four-winds"]])
    assert [e.id for e in t.terms] == ["eight-rules", "four-winds"]
    assert t.periods[0].counts == (1, 3)


def test_records_are_long_format(matcher) -> None:
    rows = trend(_results(matcher), by="year", top=1).records()
    assert rows[0] == {"period": "2013", "documents": 2, "characters": 20, "id": "four-winds", "term": "四风",
                       "gloss": "四风", "count": 3, "per_10k": 1500.0}
    assert rows[1]["per_10k"] is None and rows[-1]["period"] == UNDATED


def test_no_dates_at_all_is_one_undated_bucket(matcher) -> None:
    t = trend(_results(matcher, [Document("x", "四风")]), by="year")
    assert [p.key for p in t.periods] == [UNDATED] and t.placed == ()


def test_long_sparse_series_are_not_filled(matcher) -> None:
    docs = [Document("a", "四风", meta={"date": "1066"}), Document("b", "四风", meta={"date": "2024"})]
    assert [p.key for p in trend(_results(matcher, docs)).periods] == ["1066", "2024"]


def test_unknown_key_is_refused() -> None:
    with pytest.raises(ValueError, match="use one of year, month, group"):
        TrendTally("week")


def test_period_of() -> None:
    assert period_of({"date": "2024-01-05"}, "year") == "2024"
    assert period_of({"group": ""}, "group") is None


def test_sparkline_scales_to_the_maximum() -> None:
    assert sparkline([None, 0.0, 7.0, 3.5]) == " ▁█▅"
    assert sparkline([0.0, 0.0]) == "▁▁"


def test_view_shows_table_chart_and_the_undated_note(matcher) -> None:
    out = Console(file=io.StringIO(), width=140)
    render_trend(out, trend(_results(matcher), by="year", top=2))
    text = out.file.getvalue()
    assert "四风" in text and "3 · 1500.00" in text
    assert "2013 → 2021" in text and "█" in text
    assert "1 document has no date" in text and "'undated'" in text


# --- the command ---------------------------------------------------------------------------------

def _corpus(tmp_path: Path) -> Path:
    f = tmp_path / "corpus.jsonl"
    rows = [{"id": "a", "body": "反对四风，落实中央八项规定精神", "day": "2013-06-18", "outlet": "人民日报"},
            {"id": "b", "body": "坚决反对四风。四风问题", "day": "2014/1/5", "outlet": "新华社"},
            {"id": "c", "body": "两个确立", "outlet": "新华社"}]
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + "{oops\n", encoding="utf-8")
    return f


READ = ("--text-field", "body", "--id-field", "id", "--date-field", "day", "--group-field", "outlet")


def test_trend_cli_csv(tmp_path: Path) -> None:
    r = runner.invoke(app, ["trend", str(_corpus(tmp_path)), *READ, "-t", "four-forms-of-decadence,两个确立",
                            "-f", "csv"])
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(x["period"], x["id"], x["count"]) for x in rows] == [
        ("2013", "four-forms-of-decadence", "1"), ("2013", "two-establishments", "0"),
        ("2014", "four-forms-of-decadence", "2"), ("2014", "two-establishments", "0"),
        ("undated", "four-forms-of-decadence", "0"), ("undated", "two-establishments", "1")]
    assert "corpus.jsonl:4: not JSON" in r.stderr
    assert "1 document without a date is counted in 'undated'" in r.stderr


def test_trend_cli_json_by_group(tmp_path: Path) -> None:
    r = runner.invoke(app, ["trend", str(_corpus(tmp_path)), *READ, "--by", "group", "-n", "1", "-f", "json"])
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [(x["period"], x["id"], x["count"], x["documents"]) for x in rows] == [
        ("人民日报", "four-forms-of-decadence", 1, 1), ("新华社", "four-forms-of-decadence", 2, 2)]


def test_trend_cli_table_with_chart(tmp_path: Path) -> None:
    r = runner.invoke(app, ["trend", str(_corpus(tmp_path)), *READ, "-n", "2"])
    assert r.exit_code == 0, r.stderr
    assert "四风" in r.stdout and "2013 → 2014" in r.stdout and "█" in r.stdout
    assert "1 document has no date" in r.stdout


def test_trend_cli_unknown_term_is_a_usage_error(tmp_path: Path) -> None:
    r = runner.invoke(app, ["trend", str(_corpus(tmp_path)), "-t", "no-such-term"])
    assert r.exit_code == 2 and "no-such-term" in r.stderr


def test_trend_cli_on_the_seeds_says_they_are_undated() -> None:
    r = runner.invoke(app, ["trend", str(SEEDS), "-f", "json", "-t", "two-establishments"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)[0] == {"period": "undated", "documents": 5, "characters": 21011,
                                       "id": "two-establishments", "term": "两个确立", "gloss": "Two Establishments",
                                       "count": 3, "per_10k": 1.428}
