"""Blind judging sheets for `discover`'s held-out precision (bench/discover_protocol.md, round 4 on).

``make`` runs ``termkit discover`` with defaults and the bundled lexicon on one named slice, as a user
would, and writes a TSV the judge fills in: rank, candidate, kind, relation, entry, example, and two
empty columns (verdict: good/bad; reason). The score and the ranking's reasons are left out, so the
judge sees what a curator sees. ``merge`` appends a filled sheet to
``bench/discover_heldout_judged.jsonl`` with its round and slice, refusing rows without a verdict.

    python bench/discover_judge_sheet.py make news2022 --top 100 --out /tmp/news2022.tsv
    python bench/discover_judge_sheet.py merge /tmp/news2022.tsv --round 4 --label "新闻联播 2022 (held out, round 4)"
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices as S

HERE = Path(__file__).resolve().parent
VERDICTS = HERE / "discover_heldout_judged.jsonl"
SLICES = {
    "news2022": lambda: sorted((S.XWLB / "2022").glob("*.txt")),
    "congress19": lambda: [S.LONG_DOCUMENTS_4[0]],
    "report2013": lambda: [S.LONG_DOCUMENTS_4[1]],
    "news2025": lambda: sorted((S.XWLB / "2025").glob("*.txt")),
    "report2018": lambda: [S.LONG_DOCUMENT_3],
}
COLUMNS = ["rank", "candidate", "kind", "relation", "entry", "count", "example", "verdict", "reason"]


def make(name: str, top: int, out: Path) -> None:
    files = [str(p) for p in SLICES[name]()]
    if not files:
        sys.exit(f"error: slice {name} has no files under {S.CORPUS}")
    run = subprocess.run([sys.executable, "-m", "termkit", "discover", *files, "-f", "jsonl", "-n", str(top)],
                         capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for rank, r in enumerate(rows, 1):
            w.writerow([rank, r["candidate"], r["kind"], r.get("relation") or "", r.get("entry") or "", r["count"],
                        " ".join(r["example"].split()), "", ""])
    print(f"{len(rows)} candidates from {len(files)} files -> {out}; stderr: {run.stderr.strip()}")


def merge(sheet: Path, round_: int, label: str) -> None:
    with sheet.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    bad = [r["rank"] for r in rows if r["verdict"] not in ("good", "bad")]
    if bad:
        sys.exit(f"error: {sheet}: rows without a good/bad verdict: {', '.join(bad)}")
    with VERDICTS.open("a", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"round": round_, "slice": label, "rank": int(r["rank"]), "candidate": r["candidate"],
                                "kind": r["kind"], "count": int(r["count"]), "relation": r["relation"] or None,
                                "entry": r["entry"] or None, "verdict": r["verdict"], "reason": r["reason"]},
                               ensure_ascii=False) + "\n")
    good = sum(r["verdict"] == "good" for r in rows)
    print(f"{label}: {good}/{len(rows)} good")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("slice", choices=sorted(SLICES))
    m.add_argument("--top", type=int, default=100)
    m.add_argument("--out", type=Path, required=True)
    g = sub.add_parser("merge")
    g.add_argument("sheet", type=Path)
    g.add_argument("--round", type=int, required=True)
    g.add_argument("--label", required=True)
    args = ap.parse_args()
    if args.cmd == "make":
        make(args.slice, args.top, args.out)
    else:
        merge(args.sheet, args.round, args.label)


if __name__ == "__main__":
    main()
