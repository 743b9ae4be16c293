"""The hand-judged lexicon audit (docs/lexicon-audit-2026-11.tsv) stays well-formed and the figures in
docs/lexicon-audit.md stay what the file gives."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from helpers import ROOT, load_script

TSV = ROOT / "docs" / "lexicon-audit-2026-11.tsv"
OFFICIAL = ROOT / "docs" / "lexicon-audit-2026-11-official.tsv"  # second draw: official renderings only
DOC = ROOT / "docs" / "lexicon-audit.md"


def _audit():
    return load_script(ROOT / "eval" / "lexicon_audit.py")


def _rows(path: Path = TSV) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.mark.parametrize(("path", "n"), [(TSV, 100), (OFFICIAL, 20)])
def test_rows_are_well_formed(path: Path, n: int) -> None:
    audit = _audit()
    rows = _rows(path)
    assert rows and list(rows[0]) == list(audit.FIELDS)
    assert len({r["id"] for r in rows}) == len(rows) == n
    for r in rows:
        assert r["file"] in audit.FILES and r["verdict"] in audit.VERDICTS
        if r["verdict"] != "ok":  # every finding says what was wrong and what was done
            assert r["field"] and r["what"] and r["fix"], r["id"]


def test_the_draws_do_not_overlap() -> None:
    assert not {r["id"] for r in _rows(TSV)} & {r["id"] for r in _rows(OFFICIAL)}


@pytest.mark.parametrize("path", [TSV, OFFICIAL])
def test_doc_figures_match_the_file(path: Path) -> None:
    audit = _audit()
    worst = audit.verdicts(path)
    doc = DOC.read_text(encoding="utf-8")
    for v in audit.VERDICTS:
        n = sum(1 for x in worst.values() if x == v)
        assert re.search(rf"\| {v} \| {n} \|", doc), (v, n)
    k = sum(1 for x in worst.values() if x == "wrong")
    lo, hi = audit.wilson(k, len(worst))
    assert f"{100 * lo:.1f}–{100 * hi:.1f}%" in doc


def test_sample_is_a_seeded_draw_in_id_order(tmp_path: Path) -> None:
    audit = _audit()
    for i, name in enumerate(audit.FILES):  # entries written out of id order
        body = "".join(f"  - {{id: t{i}-{j}, term: 四风{i}{j}, gloss: x}}\n" for j in (3, 1, 2))
        (tmp_path / name).write_text("terms:\n" + body, encoding="utf-8")
    rows = audit.population(tmp_path)
    assert len(rows) == 12 and rows == sorted(rows)
    drawn = audit.sample(rows, 5, 7)
    assert drawn == audit.sample(rows, 5, 7) == sorted(drawn)
    assert {audit.sample(rows, 5, s)[0] for s in range(20)} != {drawn[0]}  # the seed matters
