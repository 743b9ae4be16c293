"""Blind judging sheets for `discover`'s held-out precision (bench/discover_protocol.md, round 4 on).

``run`` runs ``termkit discover`` with defaults and the bundled lexicon on one named slice, as a user
would (the code on PYTHONPATH: run it once per version compared). ``sheet`` writes one TSV for the union
of several lists, each (candidate, relation, entry) once in alphabetical order, with kind, count and
example and two empty columns for the judge (verdict: good/bad; reason): no score, no rank, no sign of
which list a row came from. ``score`` reads one list's precision off the filled sheet and appends its
rows to ``bench/discover_heldout_judged.jsonl`` with round and slice.

    python bench/discover_judge_sheet.py run news2022 --out /tmp/news2022.after.jsonl
    python bench/discover_judge_sheet.py sheet /tmp/news2022.*.jsonl --out /tmp/news2022.tsv
    python bench/discover_judge_sheet.py score /tmp/news2022.after.jsonl /tmp/news2022.tsv --round 4 --label L
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
    "report2015": lambda: [S.LONG_DOCUMENTS_6[0]],  # round 6
    "report2016": lambda: [S.LONG_DOCUMENTS_6[1]],
    "reports2004_2012": lambda: list(S.PRECISION_6),
    "report2014": lambda: [S.LONG_DOCUMENT_7],  # round 7
    "reports1993_2003": lambda: list(S.PRECISION_7),
    "report1988": lambda: [S.LONG_DOCUMENTS_8[0]],  # round 8
    "report1991": lambda: [S.LONG_DOCUMENTS_8[1]],
    "reports1978_1992": lambda: list(S.PRECISION_8),
    "seeds": lambda: sorted((HERE.parent / "seeds").glob("*.txt")),  # to try the script
}
SHEET = ["candidate", "kind", "relation", "entry", "count", "example", "verdict", "reason"]


def run(name: str, top: int, out: Path) -> None:
    """``termkit discover`` with defaults on slice ``name``; its output (JSON lines, in rank order) to ``out``."""
    files = [str(p) for p in SLICES[name]()]
    if not files:
        sys.exit(f"error: slice {name} has no files under {S.CORPUS}")
    done = subprocess.run([sys.executable, "-m", "termkit", "discover", *files, "-f", "jsonl", "-n", str(top)],
                          capture_output=True, text=True, check=True)
    out.write_text(done.stdout, encoding="utf-8")
    print(f"{len(done.stdout.splitlines())} candidates from {len(files)} files -> {out}; stderr: {done.stderr.strip()}")


def _key(r: dict) -> tuple[str, str, str]:
    return r["candidate"], r.get("relation") or "", r.get("entry") or ""


def read_list(path: Path) -> list[dict]:
    """The rows of a ``discover --format jsonl`` list; a line that is not JSON is an error naming it."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                sys.exit(f"error: {path}:{n}: not JSON")
    return rows


def sheet(lists: list[Path], out: Path) -> None:
    """One sheet for the union of ``lists``: each (candidate, relation, entry) once, alphabetical."""
    rows: dict[tuple[str, str, str], dict] = {}
    for path in lists:
        for r in read_list(path):
            rows.setdefault(_key(r), r)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(SHEET)
        for k in sorted(rows):
            r = rows[k]
            w.writerow([*k[:1], r["kind"], *k[1:], r["count"], " ".join(r["example"].split()), "", ""])
    print(f"{len(rows)} distinct rows from {len(lists)} lists -> {out}")


def score(listed: Path, judged: Path, round_: int, label: str, top: int) -> None:
    """Precision of one list by the sheet's verdicts; its rows appended to the verdict file."""
    with judged.open(encoding="utf-8", newline="") as f:
        verdicts = {(r["candidate"], r["relation"], r["entry"]): r for r in csv.DictReader(f, delimiter="\t")}
    rows = read_list(listed)[:top]
    missing = [r["candidate"] for r in rows if verdicts.get(_key(r), {}).get("verdict") not in ("good", "bad")]
    if missing:
        sys.exit(f"error: {judged}: no good/bad verdict for {', '.join(missing)}")
    with VERDICTS.open("a", encoding="utf-8") as f:
        for rank, r in enumerate(rows, 1):
            v = verdicts[_key(r)]
            f.write(json.dumps({"round": round_, "slice": label, "rank": rank, "candidate": r["candidate"],
                                "kind": r["kind"], "count": r["count"], "relation": r.get("relation"),
                                "entry": r.get("entry"), "verdict": v["verdict"], "reason": v["reason"]},
                               ensure_ascii=False) + "\n")
    good = sum(verdicts[_key(r)]["verdict"] == "good" for r in rows)
    kinds: dict[str, list[int]] = {}
    for r in rows:
        k = r["kind"] if (r.get("relation") or "new") == "new" else "relation"
        kinds.setdefault(k, [0, 0])[0] += verdicts[_key(r)]["verdict"] == "good"
        kinds[k][1] += 1
    by_kind = ", ".join(f"{k} {g}/{n}" for k, (g, n) in sorted(kinds.items()))
    print(f"{label}: {good}/{len(rows)} shown good; {good}/{top} of {top}; {by_kind}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("slice", choices=sorted(SLICES))
    r.add_argument("--top", type=int, default=100)
    r.add_argument("--out", type=Path, required=True)
    h = sub.add_parser("sheet")
    h.add_argument("lists", type=Path, nargs="+")
    h.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("list", type=Path)
    c.add_argument("sheet", type=Path)
    c.add_argument("--round", type=int, required=True)
    c.add_argument("--label", required=True)
    c.add_argument("--top", type=int, default=100)
    args = ap.parse_args()
    if args.cmd == "run":
        run(args.slice, args.top, args.out)
    elif args.cmd == "sheet":
        sheet(args.lists, args.out)
    else:
        score(args.list, args.sheet, args.round, args.label, args.top)


if __name__ == "__main__":
    main()
