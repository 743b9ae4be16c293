"""termkit report as a reader opens it: axis labels that do not collide, a legend for the colours,
the language of the Chinese text, the terms the trend chart shows, each term's occurrences."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from helpers import SEEDS
from typer.testing import CliRunner

from termkit.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds as 23 yearly reports (a year alone in the file name dates them)."""
    folder = tmp_path_factory.mktemp("years")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i, year in enumerate(range(2000, 2023)):
        (folder / f"report_{year}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    return folder


def report(*args: str) -> str:
    result = runner.invoke(app, ["report", *args, "-o", "-"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_trend_axis_labels_do_not_collide_and_the_last_is_not_clipped(dated: Path) -> None:
    page = report(str(dated))
    chart = re.search(r'<svg id="trend-chart".*?</svg>', page, re.S).group()
    width = float(re.search(r'viewBox="0 0 (\d+)', chart).group(1))
    labels = re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)">(\d{4})</text>', chart)
    assert labels[-1][2] == "2022" and labels[-1][1] == "end" and float(labels[-1][0]) <= width
    xs = [float(x) for x, _, _ in labels]
    assert all(b - a >= 40 for a, b in pairwise(xs)), xs  # a four-digit year needs about 30 px


def test_report_terms_chooses_what_the_trend_chart_shows(dated: Path) -> None:
    page = report(str(dated), "--terms", "两个确立,作风建设")
    chart = re.search(r'<svg id="trend-chart".*?</svg>', page, re.S).group()
    assert "两个确立" in chart and "作风建设" in chart
    assert chart.count("<polyline") == 2
    result = runner.invoke(app, ["report", str(dated), "-o", "-", "--terms", "nosuchterm"])
    assert result.exit_code == 2 and "not in the lexicon" in result.stderr


def test_report_marks_chinese_text_and_explains_the_colours() -> None:
    page = report(str(SEEDS))
    assert '<div class="text" lang="zh">' in page
    assert 'class="legend"' in page and 'cat-formula">formula</mark>' in page


def test_report_lists_each_terms_occurrences_in_context() -> None:
    page = report(str(SEEDS), "--top", "200")  # the occurrences of the terms in the bar chart
    block = re.search(r'<details id="kwic-two-establishments">.*?</details>', page, re.S).group()
    assert block.count('<td class="kw"') == 3  # the three occurrences of 两个确立 in the seeds
    assert "兩個確立" in block


def test_report_docs_help_says_documents_are_cut() -> None:
    result = runner.invoke(app, ["report", "--help"])
    assert "in full" not in result.stdout and "20,000 characters" in result.stdout


def test_trend_reads_a_year_alone_in_a_file_name(dated: Path) -> None:
    result = runner.invoke(app, ["trend", str(dated), "--format", "csv"])
    assert result.exit_code == 0
    import csv
    import io

    periods = {row["period"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert "undated" not in periods and {"2000", "2022"} <= periods


def test_undated_hint_names_file_names_for_text_and_date_field_for_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("两个确立", encoding="utf-8")
    result = runner.invoke(app, ["trend", str(tmp_path)], env={"TTY_COMPATIBLE": "0"})
    flat = " ".join(result.stdout.split())
    assert "text files: a year or date in the file name" in flat and "JSONL/CSV: --date-field" in flat


def test_characters_are_counted_one_way_everywhere() -> None:
    import json

    out = runner.invoke(app, ["count", str(SEEDS)], env={"TTY_COMPATIBLE": "0"}).stdout
    in_count = int(re.search(r"([\d,]+) characters", out).group(1).replace(",", ""))
    assert "characters: all but whitespace" in out
    rows = json.loads(runner.invoke(app, ["trend", str(SEEDS), "--format", "json"]).stdout)
    assert sum({r["period"]: r["characters"] for r in rows}.values()) == in_count
    page = report(str(SEEDS))
    per_doc = [int(n.replace(",", "")) for n in re.findall(r"([\d,]+) characters", page.split('id="documents"')[1])]
    assert sum(per_doc) == in_count


def test_tables_go_to_stdout_as_the_readme_says() -> None:
    result = runner.invoke(app, ["count", str(SEEDS)], env={"TTY_COMPATIBLE": "0"})
    assert "per 10k" in result.stdout and "per 10k" not in result.stderr
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "tables and tagged text" in readme and "terminal (stderr)" not in readme


def test_only_terms_in_documents_are_interactive_marks() -> None:
    """The legend's and the occurrences' colour samples are not focusable terms (hovering the first
    highlighted term must show its tooltip, not land on a legend swatch without data)."""
    import re

    page = report(str(SEEDS), "--top", "200")
    marks = re.findall(r'<mark class="term[^"]*"[^>]*>', page)
    assert marks and all('data-id="' in m and 'tabindex="0"' in m for m in marks)
    assert 'class="sample cat-' in page
