"""Round 15's judged rows (bench/discover_round15/): every row shown is judged, the figures bench/discover_results.md
reports follow from the data, and the fresh stories were drawn apart from every earlier sample."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from helpers import ROOT

DATA = ROOT / "bench" / "discover_round15"
# (rows file, verdicts file) → {list: (good, rows)}, as bench/discover_results.md reports them
FIGURES = {
    ("heldout_top10.tsv", "heldout_judged.tsv"): {"start": (51, 161), "reference": (56, 233)},
    ("fresh_top10.tsv", "fresh_judged.tsv"): {"start": (32, 119), "reference": (42, 155)},
}


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize(("files", "expect"), FIGURES.items(), ids=lambda x: x[0] if isinstance(x, tuple) else "")
def test_judged_figures(files: tuple[str, str], expect: dict[str, tuple[int, int]]) -> None:
    rows, verdicts = read(DATA / files[0]), read(DATA / files[1])
    verdict = {(v["story"], v["candidate"]): v["verdict"] for v in verdicts}
    assert set(verdict.values()) <= {"good", "bad"}
    assert len(verdict) == len(verdicts)  # one verdict a row
    shown = {(r["story"], r["candidate"]) for r in rows}
    assert shown == set(verdict)  # every row shown is judged, nothing else
    assert all(int(r["rank"]) <= 10 for r in rows)
    got = {}
    for name in expect:
        mine = [(r["story"], r["candidate"]) for r in rows if r["list"] == name]
        got[name] = (sum(verdict[k] == "good" for k in mine), len(mine))
    assert got == expect


def test_the_hunts_records_measure_on_h9_h12() -> None:
    """bench/discover_reference.py score's labels, as written with the rows: 1 added formula in the start's top 10s, 4
    with the reference."""
    rows = read(DATA / "heldout_top10.tsv")
    assert Counter(r["list"] for r in rows if r["label"] == "added") == {"start": 1, "reference": 4}


def test_fresh_stories_were_never_drawn_before() -> None:
    fresh = [r["story"] for name in ("fresh_sample.tsv", "fresh_sample2.tsv") for r in read(DATA / name)]
    assert len(fresh) == len(set(fresh)) == 200
    earlier = [*(ROOT / "eval").glob("coverage-sample-round*.tsv"),
               *(ROOT / "bench" / "discover_round14").glob("gaphunt_sample*.tsv")]
    assert len(earlier) == 16  # censuses A–D and the twelve gap hunts
    seen = {r["story"] for path in earlier for r in read(path)}
    assert not seen & set(fresh)
