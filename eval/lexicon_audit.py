"""Audit of the curated lexicon, checked by hand: draw a seeded random sample of the entries of some
lexicon files, and count the verdicts of the judged sample. The design and the figures are in
docs/lexicon-audit.md; the judged rows in docs/lexicon-audit-2026-11.tsv.

    python eval/lexicon_audit.py sample --seed 20261129 -n 100 > /tmp/sample.tsv
    python eval/lexicon_audit.py score docs/lexicon-audit-2026-11.tsv
    python eval/lexicon_audit.py sample --seed 20261130 -n 20 --status official \
        --exclude docs/lexicon-audit-2026-11.tsv                       # a second stratum: official only

``sample`` lists every entry of the audited files (sorted by id, so the draw does not depend on the
order of entries in the files), draws ``n`` of them with ``random.Random(seed).sample`` and prints one
row per entry (id, file, term) in id order. ``score`` counts the verdicts (one per entry: the worst of
its rows) and gives the share of ``wrong`` entries with its 95% Wilson interval.

    >>> [round(x, 3) for x in wilson(3, 100)]
    [0.01, 0.085]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

from scipy.stats import binomtest

ROOT = Path(__file__).resolve().parent.parent
FILES = (
    "party-discipline-spirit.yaml",
    "economy-regions-ecology.yaml",
    "world-security-law.yaml",
    "canon-culture-society.yaml",
)
VERDICTS = ("ok", "minor", "wrong")  # from best to worst
FIELDS = ("id", "file", "verdict", "field", "what", "fix")


def wilson(k: int, n: int) -> tuple[float, float]:
    """The 95% Wilson score interval of k successes in n trials."""
    if n == 0:
        return (0.0, 1.0)
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")  # scipy's, not ours
    return (float(ci.low), float(ci.high))


def population(
    lexicon_dir: Path, files: tuple[str, ...] = FILES, status: str | None = None
) -> list[tuple[str, str, str]]:
    """(id, file, term) of every entry of the audited files (of one gloss_status if given), sorted by id."""
    sys.path.insert(0, str(ROOT / "src"))
    from termkit.lexicon import read_lexicon

    rows = []
    for name in files:
        lexicon, problems = read_lexicon(lexicon_dir / name)
        if any(p.severity == "error" for p in problems):
            raise SystemExit(f"error: {lexicon_dir / name}: does not load")
        rows.extend((e.id, name, e.term) for e in lexicon.entries if status in (None, e.gloss_status))
    return sorted(rows)


def sample(rows: list[tuple[str, str, str]], n: int, seed: int) -> list[tuple[str, str, str]]:
    """n rows drawn at random with the seed, in id order."""
    return sorted(random.Random(seed).sample(rows, n))


def verdicts(path: Path) -> dict[str, str]:
    """Per entry id, the worst verdict of its rows in a judged file."""
    worst: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh, delimiter="\t"), start=2):
            v = row.get("verdict", "")
            if v not in VERDICTS:
                raise SystemExit(f"error: {path}:{line}: verdict {v!r} is not one of {', '.join(VERDICTS)}")
            if VERDICTS.index(v) >= VERDICTS.index(worst.get(row["id"], "ok")):
                worst[row["id"]] = v
    return worst


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw the sample of entries")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("-n", type=int, default=100)
    s.add_argument("--lexicon", type=Path, default=ROOT / "lexicon")
    s.add_argument("--status", help="only entries of this gloss_status (official, common, proposed)")
    s.add_argument("--exclude", type=Path, action="append", default=[], help="a judged TSV whose ids are left out")
    c = sub.add_parser("score", help="count the verdicts of a judged file")
    c.add_argument("file", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        rows = population(args.lexicon, status=args.status)
        for path in args.exclude:
            with path.open(encoding="utf-8", newline="") as fh:
                seen = {r["id"] for r in csv.DictReader(fh, delimiter="\t")}
            rows = [r for r in rows if r[0] not in seen]
        print(f"# {len(rows)} entries in {', '.join(FILES)} (status {args.status or 'any'}, "
              f"{len(args.exclude)} file(s) excluded); seed {args.seed}; n {args.n}", file=sys.stderr)
        out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        out.writerow(("id", "file", "term"))
        out.writerows(sample(rows, args.n, args.seed))
        return 0
    worst = verdicts(args.file)
    counts = Counter(worst.values())
    n = len(worst)
    lo, hi = wilson(counts["wrong"], n)
    for v in VERDICTS:
        print(f"{v}\t{counts[v]}")
    print(f"entries\t{n}")
    print(f"wrong rate\t{counts['wrong'] / n:.1%}\t95% Wilson {lo:.1%}–{hi:.1%}")
    lo2, hi2 = wilson(counts["wrong"] + counts["minor"], n)
    print(f"minor or wrong\t{(counts['wrong'] + counts['minor']) / n:.1%}\t95% Wilson {lo2:.1%}–{hi2:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
