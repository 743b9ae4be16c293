"""The hand census of the 2014 work report (bench/discover_round7/census_2014*.tsv) stays well-formed, the
figures in census_2014.md are what the files give, and, where ../shared/corpus is present, each row's count
and first line are what the report's text gives."""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench" / "discover_round7"
GOOD = HERE / "census_2014.tsv"
BORDER = HERE / "census_2014_borderline.tsv"
NOTE = HERE / "census_2014.md"
CORPUS = Path(os.environ.get("TERMKIT_CORPUS") or ROOT.parent / "shared" / "corpus")
REPORT = CORPUS / "reports" / "gov_work_reports" / "gov_work_report_2014.txt"
HEADER = ["term", "kind", "count", "line", "reason"]
KINDS = ("numbered", "quoted", "parallel", "plain")
FILES = {GOOD: HEADER, BORDER: [*HEADER, "why_not"]}


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return list(reader.fieldnames or []), list(reader)


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


def test_a_string_is_listed_once_in_one_file() -> None:
    terms = [r["term"] for path in FILES for r in _read(path)[1]]
    assert [t for t, n in Counter(terms).items() if n > 1] == []


def test_the_note_gives_the_files_figures() -> None:
    text = NOTE.read_text(encoding="utf-8")
    for path in FILES:
        rows = _read(path)[1]
        kinds = Counter(r["kind"] for r in rows)
        line = next(ln for ln in text.splitlines() if ln.startswith(f"| {path.name} "))
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        assert [int(c) for c in cells[1:]] == [len(rows), *(kinds[k] for k in KINDS)], path.name
    related = sum("lexicon" in r["reason"] for r in _read(GOOD)[1])
    assert re.search(rf"\b{related} are longer forms, short forms or variants", text)


@pytest.mark.skipif(not REPORT.is_file(), reason="needs ../shared/corpus (the 2014 work report)")
@pytest.mark.parametrize("path", sorted(FILES), ids=lambda p: p.name)
def test_counts_and_lines_are_the_texts(path: Path) -> None:
    text = REPORT.read_text(encoding="utf-8")
    lines = text.split("\n")
    for row in _read(path)[1]:
        term = row["term"]
        first = next((i for i, ln in enumerate(lines, 1) if term in ln), None)
        assert (text.count(term), first) == (int(row["count"]), int(row["line"])), term
