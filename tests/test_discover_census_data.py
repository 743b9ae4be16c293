"""The hand censuses of single reports (bench/discover_round7/census_YYYY.tsv and census_YYYY_borderline.tsv)
stay well-formed, the figures in each report's note are what the files give (census_YYYY.md when it exists,
else the shared census_development.md), and, where ../shared/corpus is present, each row's count and first
line are what the report's text gives."""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench" / "discover_round7"
CORPUS = Path(os.environ.get("TERMKIT_CORPUS") or ROOT.parent / "shared" / "corpus")
HEADER = ["term", "kind", "count", "line", "reason"]
KINDS = ("numbered", "quoted", "parallel", "plain")
YEARS = sorted(p.name[len("census_") : -len(".tsv")] for p in HERE.glob("census_[0-9][0-9][0-9][0-9].tsv"))


def _good(year: str) -> Path:
    return HERE / f"census_{year}.tsv"


def _border(year: str) -> Path:
    return HERE / f"census_{year}_borderline.tsv"


def _note(year: str) -> Path:
    own = HERE / f"census_{year}.md"
    return own if own.is_file() else HERE / "census_development.md"


def _report(year: str) -> Path:
    return CORPUS / "reports" / "gov_work_reports" / f"gov_work_report_{year}.txt"


FILES = {path: header for y in YEARS for path, header in ((_good(y), HEADER), (_border(y), [*HEADER, "why_not"]))}


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return list(reader.fieldnames or []), list(reader)


def test_the_2014_census_is_there() -> None:
    assert "2014" in YEARS


@pytest.mark.parametrize("path", sorted(FILES), ids=lambda p: p.name)
def test_rows_are_complete(path: Path) -> None:
    header, rows = _read(path)
    assert header == FILES[path]
    assert rows
    for n, row in enumerate(rows, 2):
        assert None not in row, f"{path.name}:{n}: extra cells"
        assert all((row[k] or "").strip() for k in header), f"{path.name}:{n}: empty cell"
        assert row["kind"] in KINDS, f"{path.name}:{n}: kind {row['kind']!r}"
        assert int(row["count"]) >= 1 and int(row["line"]) >= 1, f"{path.name}:{n}"


@pytest.mark.parametrize("year", YEARS)
def test_a_string_is_listed_once_in_one_file(year: str) -> None:
    terms = [r["term"] for path in (_good(year), _border(year)) for r in _read(path)[1]]
    assert [t for t, n in Counter(terms).items() if n > 1] == []


@pytest.mark.parametrize("year", YEARS)
def test_the_note_gives_the_files_figures(year: str) -> None:
    text = _note(year).read_text(encoding="utf-8")
    for path in (_good(year), _border(year)):
        rows = _read(path)[1]
        kinds = Counter(r["kind"] for r in rows)
        line = next(ln for ln in text.splitlines() if ln.startswith(f"| {path.name} "))
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        assert [int(c) for c in cells[1:]] == [len(rows), *(kinds[k] for k in KINDS)], path.name
    good = _read(_good(year))[1]
    related = sum("lexicon" in r["reason"] for r in good)
    assert re.search(rf"\b{related} are longer forms, short forms or variants", text), year


@pytest.mark.parametrize("year", YEARS)
def test_counts_and_lines_are_the_texts(year: str) -> None:
    report = _report(year)
    if not report.is_file():
        pytest.skip(f"needs ../shared/corpus (the {year} work report)")
    text = report.read_text(encoding="utf-8")
    lines = text.split("\n")
    for path in (_good(year), _border(year)):
        for row in _read(path)[1]:
            term = row["term"]
            first = next((i for i, ln in enumerate(lines, 1) if term in ln), None)
            assert (text.count(term), first) == (int(row["count"]), int(row["line"])), f"{path.name}: {term}"
