"""Wrong cuts before and after a change (bench/discover_protocol.md, round 21).

The rows blind readers judged in rounds 15–19 (``bench/discover_round19/reader_rows.jsonl``, with each round's
``fresh_judged.tsv`` for the notes) are labelled ``cut`` (bad, the note names the cut: cut, carries, fragment, half,
misses), ``good`` or ``bad``. ``stories`` links the texts of the stories that hold a wrong cut or a good run into one
folder (named ``ROUND-STORY.txt``) to run with bench/discover_reference.py ``run``; ``compare`` reads two folders of
lists made from them and prints, per row: wrong cuts in the first list's top 10 gone from the second or still there,
good rows lost, and rows new in the second's top 10::

    python bench/discover_cuts.py stories --texts 15=/work/r15b/texts 16=… -o /tmp/dev/texts
    python bench/discover_cuts.py compare /tmp/dev/start /tmp/dev/new -o bench/discover_round21/dev_cuts.tsv
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
ROWS = HERE / "discover_round19" / "reader_rows.jsonl"
CUT_NOTE = re.compile("cut|carries|fragment|half|misses", re.I)
TOP = 10


def labels(rows: Path = ROWS) -> list[dict]:
    """Every judged row of rounds 15–19 with its label: ``cut``, ``good`` or ``bad``."""
    notes = {}
    for path in sorted(HERE.glob("discover_round1[5-9]/fresh_judged.tsv")):
        round_ = path.parent.name.removeprefix("discover_round")
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                notes[(round_, r["story"], r["candidate"])] = r.get("note") or ""
    out = []
    for line in rows.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        note = notes.get((r["round"], r["story"], r["candidate"]), "")
        label = "cut" if r["verdict"] == "bad" and CUT_NOTE.search(note) else r["verdict"]
        out.append({"name": f"{r['round']}-{r['story']}", "candidate": r["candidate"], "label": label,
                    "kind": r["row"]["kind"], "note": note})
    return out


def top(folder: Path, name: str) -> list[str]:
    path = folder / f"{name}.jsonl"
    if not path.exists():
        raise SystemExit(f"{path}: no list (run every story first)")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["candidate"] for line in lines if line.strip()][:TOP]


def compare(before: Path, after: Path, rows: list[dict]) -> list[tuple[str, ...]]:
    """One line per wrong cut or good row of the first list's top 10 (``gone``, ``still``, ``lost``, ``kept``) and
    per row new in the second's (``new``)."""
    names = sorted({r["name"] for r in rows if (before / f"{r['name']}.jsonl").exists()})
    label = {(r["name"], r["candidate"]): r["label"] for r in rows}
    out = []
    for name in names:
        a, b = top(before, name), top(after, name)
        for cand in a:
            lab = label.get((name, cand), "")
            if lab == "cut":
                out.append((name, cand, lab, "still" if cand in b else "gone"))
            elif lab == "good":
                out.append((name, cand, lab, "kept" if cand in b else "lost"))
        out += [(name, cand, label.get((name, cand), "unjudged"), "new") for cand in b if cand not in a]
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("stories")
    s.add_argument("--texts", nargs="+", required=True, help="ROUND=FOLDER of each round's story texts")
    s.add_argument("-o", type=Path, required=True)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("-o", type=Path)
    args = ap.parse_args(argv)
    rows = labels()
    if args.cmd == "stories":
        folders = dict(t.split("=", 1) for t in args.texts)
        args.o.mkdir(parents=True, exist_ok=True)
        wanted = {r["name"] for r in rows if r["label"] == "cut" or (r["label"] == "good" and r["kind"] == "parallel")}
        for name in sorted(wanted):
            round_, story = name.split("-", 1)
            link = args.o / f"{name}.txt"
            if not link.exists():
                link.symlink_to(Path(folders[round_]) / f"{story}.txt")
        print(f"{len(wanted)} stories -> {args.o}")
        return
    lines = compare(args.before, args.after, rows)
    if args.o:
        args.o.write_text("".join("\t".join(r) + "\n" for r in [("story", "candidate", "label", "fate"), *lines]),
                          encoding="utf-8")
    fates = [f for *_, f in lines]
    print(f"wrong cuts in the top 10s: {fates.count('gone')} gone, {fates.count('still')} still; good rows: "
          f"{fates.count('kept')} kept, {fates.count('lost')} lost; new rows: {fates.count('new')}")


if __name__ == "__main__":
    main()
