"""Score lists already written by ``discover_judge_sheet.py run`` against a census (the lead's held-out check).

``bench/discover_census_score.py`` runs ``discover`` itself and only on development reports. The held-out
report of round 7 (the 2014 work report) is run once per code by ``discover_judge_sheet.py run report2014``;
this reads those lists and labels each row as that script does: good when it matches a census term after the
bundled lexicon's folding, bad when it matches a string the census reader rejected (the borderline file),
else unlabelled (the blind judge's verdicts settle those). Prints good@30, bad, unlabelled, census recall@30.

    python bench/discover_census_heldout.py 2014 bench/discover_round7/report_2014.start.jsonl \
        bench/discover_round7/report_2014.final.jsonl
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from discover_census_score import CENSUS, TOP, Setup, label_rows, read_terms
from discover_judge_sheet import read_list


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("year", help="the census's year (census_YEAR.tsv in --census-dir)")
    ap.add_argument("lists", nargs="+", type=Path, help="discover --format jsonl lists of that report")
    ap.add_argument("--census-dir", type=Path, default=CENSUS)
    ap.add_argument("--rows", action="store_true", help="each row with its label")
    a = ap.parse_args()
    setup = Setup()
    good = {setup.fold(t) for t in read_terms(a.census_dir / f"census_{a.year}.tsv")}
    border = {setup.fold(t) for t in read_terms(a.census_dir / f"census_{a.year}_borderline.tsv")} - good
    for path in a.lists:
        rows = label_rows(setup, read_list(path)[:TOP], good, border, {})
        found = {setup.fold(r.candidate) for r in rows} & good | {setup.fold(r.key) for r in rows} & good
        n = {label: sum(r.label == label for r in rows) for label in ("good", "bad", "?")}
        print(f"{path.name}: {len(rows)} rows in the top {TOP}; census good {n['good']}, borderline (bad) {n['bad']}, "
              f"unlabelled {n['?']}; census recall@{TOP} {len(found)}/{len(good)}")
        if a.rows:
            print("\n".join(f"{r.rank:>4} {r.label:<5} {r.kind:<8} {r.count:>3} {r.candidate}" for r in rows))


if __name__ == "__main__":
    main()
