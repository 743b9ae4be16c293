"""The readers' model (src/termkit/discover/reader.py): its training rows, leave-one-round-out, training
(bench/discover_protocol.md, round 19).

``rows`` joins each round's blind verdicts (``fresh_judged.tsv``: story, candidate, verdict) with the lists of the
same stories made again by the code the model is trained for (one ``STORY.jsonl`` per story, as
bench/discover_reference.py ``run`` writes them): each judged row of a list's top 10 becomes a training row, with the
list's own ``--format jsonl`` row, so the features can be recomputed from the file alone::

    python bench/discover_reader.py rows --round 15 bench/discover_round15/fresh_judged.tsv /tmp/r15 \\
        --round 16 … -o bench/discover_round19/reader_rows.jsonl

``loro`` trains on every round but one and scores the one left out, for a range of thresholds: the good and bad
rows each would leave out, per round and pooled. ``train`` fits the model on every row and keeps it as the
``reader`` part of model.json (the other parts unchanged)::

    python bench/discover_reader.py loro bench/discover_round25/reader_rows.jsonl [--rounds 15,16,17,18]
    python bench/discover_reader.py train bench/discover_round25/reader_rows.jsonl

Round 19's model was trained on rounds 15–18 with round 19's features (``--features round19``, rows in
bench/discover_round19/reader_rows.jsonl; round 19's held-out sheet joined that file after it was measured, and
round 20 tried a model of all five rounds). The shipped model (round 25) is trained on the eight judged sheets of
rounds 15–19, 21, 23 and 24 (bench/discover_round25/reader_rows.jsonl: round 19's file, then the rows of rounds 21,
23 and 24 from the lists those rounds made) with round 25's features (bench/discover_results.md).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from termkit.discover.features import matrix
from termkit.discover.learn import MODEL_PATH, Model, fit_matrix
from termkit.discover.reader import NAMES, NAMES_ROUND19, features

TOP = 10
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def judged_rows(round_: str, judged: Path, lists: Path, top: int = TOP) -> list[dict]:
    """The judged rows among the top ``top`` of each story's list in ``lists``."""
    verdicts = {}
    with judged.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["verdict"] in ("good", "bad"):
                verdicts[(r["story"], r["candidate"])] = r["verdict"]
    out = []
    for path in sorted(lists.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for rank, row in enumerate(rows[:top], 1):
            verdict = verdicts.get((path.stem, row["candidate"]))
            if verdict:
                out.append({"round": round_, "story": path.stem, "rank": rank, "candidate": row["candidate"],
                            "verdict": verdict, "row": row})
    return out


def load(path: Path, rounds: list[str] | None = None) -> list[dict]:
    """The training rows of ``path`` (of ``rounds`` only, when given)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if rounds is None or r["round"] in rounds]


FEATURES = {"round25": NAMES, "round19": NAMES_ROUND19}  # the model's features, by the round that chose them


def design(rows: list[dict], names: tuple[str, ...] = NAMES) -> tuple[np.ndarray, np.ndarray]:
    x = matrix([features(r["row"]) for r in rows], names)
    y = np.array([r["verdict"] == "good" for r in rows], dtype=int)
    return x, y


def fit(rows: list[dict], trained_on: str = "", names: tuple[str, ...] = NAMES) -> Model:
    x, y = design(rows, names)
    return fit_matrix(x, y, names, trained_on)


def loro(rows: list[dict], names: tuple[str, ...] = NAMES) -> dict[str, list[float]]:
    """Each row's chance from a model trained on the other rounds, by round."""
    rounds = sorted({r["round"] for r in rows})
    out = {}
    for held in rounds:
        train = [r for r in rows if r["round"] != held]
        test = [r for r in rows if r["round"] == held]
        model = fit(train, names=names)
        out[held] = [float(p) for p in model.probability(design(test, names)[0])]
    return out


def auc(rows: list[dict], chance: dict[str, list[float]]) -> tuple[float, dict[str, float]]:
    """ROC AUC of :func:`loro`'s chances against the verdicts: pooled over the left-out rounds, and per round."""
    from sklearn.metrics import roc_auc_score

    ys, ps, per = [], [], {}
    for rnd, p in chance.items():
        y = [r["verdict"] == "good" for r in rows if r["round"] == rnd]
        per[rnd] = float(roc_auc_score(y, p))
        ys += y
        ps += p
    return float(roc_auc_score(ys, ps)), per


def left_out(rows: list[dict], chance: dict[str, list[float]], threshold: float) -> dict[str, Counter[str]]:
    """By left-out round, the verdicts of the rows :func:`loro`'s chance puts below ``threshold`` (``out``) and at
    or above it (``kept``): ``{round: Counter({"out bad": …, "out good": …, "kept bad": …, "kept good": …})}``."""
    by_round = {}
    for rnd, ps in chance.items():
        these = [r for r in rows if r["round"] == rnd]
        by_round[rnd] = Counter(f"{'out' if p < threshold else 'kept'} {r['verdict']}"
                                for r, p in zip(these, ps, strict=True))
    return by_round


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rows")
    r.add_argument("--round", nargs=3, action="append", metavar=("ROUND", "JUDGED", "LISTS"), required=True)
    r.add_argument("-o", "--out", type=Path, required=True)
    lo = sub.add_parser("loro")
    lo.add_argument("rows", type=Path)
    t = sub.add_parser("train")
    t.add_argument("rows", type=Path)
    t.add_argument("--out", type=Path, default=MODEL_PATH)
    for p in (lo, t):
        p.add_argument("--rounds", help="only these rounds' rows (15,16,17,18); default: every round of the file")
        p.add_argument("--features", choices=sorted(FEATURES), default="round25",
                       help="round 19's features or round 25's (with noun_list); default: round 25's")
    args = ap.parse_args(argv)

    if args.cmd == "rows":
        rows = [row for rnd, judged, lists in args.round for row in judged_rows(rnd, Path(judged), Path(lists))]
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        for rnd in sorted({r["round"] for r in rows}):
            these = [r for r in rows if r["round"] == rnd]
            print(f"round {rnd}: {len(these)} judged rows, {sum(r['verdict'] == 'good' for r in these)} good")
        print(f"-> {args.out}")
        return 0
    rows = load(args.rows, args.rounds.split(",") if args.rounds else None)
    names = FEATURES[args.features]
    if args.cmd == "loro":
        chance = loro(rows, names)
        pooled_auc, per_round = auc(rows, chance)
        print(f"ROC AUC over the left-out rounds {pooled_auc:.3f} (per round "
              + ", ".join(f"r{k} {v:.3f}" for k, v in per_round.items()) + ")")
        head = "  ".join(f"r{k}: bad/good out" for k in chance)
        print(f"threshold  {head}   pooled bad/good out  kept good/shown")
        for t in THRESHOLDS:
            by_round = left_out(rows, chance, t)
            pooled = sum(by_round.values(), Counter())
            cells = [f"{c['out bad']:>4}/{c['out good']:<4}          " for c in by_round.values()]
            kept = f"{pooled['kept good']}/{pooled['kept good'] + pooled['kept bad']}"
            out = f"{pooled['out bad']:>4}/{pooled['out good']:<4}"
            print(f"{t:>9}  " + "  ".join(cells) + f"   {out}            {kept}")
        return 0
    model = fit(rows, trained_on="blind verdicts of rounds " + ", ".join(sorted({r["round"] for r in rows}))
                + f" ({args.rows.as_posix()})", names=names)
    Model.save_all(args.out, reader=model)
    for name, c in sorted(zip(model.names, model.coef, strict=True), key=lambda nc: -abs(nc[1])):
        print(f"{name:>28} {c:+.2f}")
    print(f"-> {args.out} (reader)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
