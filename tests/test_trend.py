"""Trends: counts and rates per year, month or group; undated documents counted apart; the view."""

from __future__ import annotations

import io

import pytest
from helpers import make_matcher
from rich.console import Console

from termkit.corpus import Document
from termkit.match import analyse
from termkit.trend import NO_GROUP, UNDATED, TrendTally, period_of, trend
from termkit.trend_view import render_trend, sparkline


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
    assert "1 documents have no date" in text and "'undated'" in text
