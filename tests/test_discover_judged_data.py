"""The judged rows of rounds 15 to 18 (bench/discover_round15/ … discover_round18/): every row shown is judged, the
figures bench/discover_results.md reports follow from the data, and the fresh stories were drawn apart from every
earlier sample."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from helpers import ROOT

DATA = ROOT / "bench" / "discover_round15"
ROUND16 = ROOT / "bench" / "discover_round16"
# (rows file, verdicts file) → {list: (good, rows)}, as bench/discover_results.md reports them
FIGURES = {
    ("heldout_top10.tsv", "heldout_judged.tsv"): {"start": (51, 161), "reference": (56, 233)},
    ("fresh_top10.tsv", "fresh_judged.tsv"): {"start": (32, 119), "reference": (42, 155)},
    ("../discover_round16/fresh_top10.tsv", "../discover_round16/fresh_judged.tsv"): {"start": (27, 171),
                                                                                     "final": (27, 164)},
    ("../discover_round17/fresh_top10.tsv", "../discover_round17/fresh_judged.tsv"): {"start": (71, 219),
                                                                                     "final": (65, 165)},
    ("../discover_round18/fresh_top10.tsv", "../discover_round18/fresh_judged.tsv"): {"base18": (35, 123),
                                                                                     "final18": (35, 122)},
}
ROUND17 = ROOT / "bench" / "discover_round17"
ROUND18 = ROOT / "bench" / "discover_round18"


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
    earlier = [*(ROOT / "eval").glob("coverage-sample-round*.tsv"),
               *(ROOT / "bench" / "discover_round14").glob("gaphunt_sample*.tsv")]
    assert len(earlier) == 16  # censuses A–D and the twelve gap hunts
    for fresh_files in ([DATA / "fresh_sample.tsv", DATA / "fresh_sample2.tsv"], [ROUND16 / "fresh_sample.tsv"],
                        [ROUND17 / "fresh_sample.tsv"], [ROUND18 / "fresh_sample.tsv"]):
        fresh = [r["story"] for path in fresh_files for r in read(path)]
        assert len(fresh) == len(set(fresh)) == 200
        seen = {r["story"] for path in earlier for r in read(path)}
        assert not seen & set(fresh)
        earlier += fresh_files  # each round's fresh stories are apart from the earlier rounds' too


def test_round16_names_rule_removed_only_bad_rows() -> None:
    """The rows the names rule took out of the lists (start, not final) were all judged bad; one piece came up."""
    rows = read(ROUND16 / "fresh_top10.tsv")
    verdict = {(v["story"], v["candidate"]): v["verdict"] for v in read(ROUND16 / "fresh_judged.tsv")}
    lists = {name: {(r["story"], r["candidate"]) for r in rows if r["list"] == name} for name in ("start", "final")}
    assert Counter(verdict[k] for k in lists["start"] - lists["final"]) == {"bad": 8}
    assert Counter(verdict[k] for k in lists["final"] - lists["start"]) == {"bad": 1}


def test_round17_quoted_rule_removed_mostly_bad_rows() -> None:
    """Round 17's change took 54 rows out of the lists: 48 judged bad, 6 good; nothing came in."""
    rows = read(ROUND17 / "fresh_top10.tsv")
    verdict = {(v["story"], v["candidate"]): v["verdict"] for v in read(ROUND17 / "fresh_judged.tsv")}
    lists = {name: {(r["story"], r["candidate"]) for r in rows if r["list"] == name} for name in ("start", "final")}
    assert Counter(verdict[k] for k in lists["start"] - lists["final"]) == {"bad": 48, "good": 6}
    assert not lists["final"] - lists["start"]


def test_round18_pattern_rule_removed_one_bad_row() -> None:
    rows = read(ROUND18 / "fresh_top10.tsv")
    verdict = {(v["story"], v["candidate"]): v["verdict"] for v in read(ROUND18 / "fresh_judged.tsv")}
    lists = {name: {(r["story"], r["candidate"]) for r in rows if r["list"] == name} for name in ("base18", "final18")}
    assert lists["base18"] - lists["final18"] == {("c99", "党育才、为党献策")}
    assert verdict[("c99", "党育才、为党献策")] == "bad" and not lists["final18"] - lists["base18"]
