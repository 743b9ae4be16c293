"""Precision of ``discover`` on LARGE inputs (many documents run together), on round 8's development inputs
(bench/discover_protocol.md, round 8): the work reports 2004–2012 together (round 6's blind verdicts) and quarters of
新闻联播 2023–2024 (the curators' verdicts). Each list is the one ``termkit discover`` shows with defaults, bundled
lexicon and rejection list (no user lexicon); it is scored against the verdicts on it, and the rows no verdict covers
are printed so that they can be judged (bench/discover_dev_judged_round8.jsonl, ``judge: author``).

The work reports 1993–2003 together (round 7's blind verdicts) are KEPT ASIDE: ``reports1993_2003`` runs only with
``--kept-aside``, once, at the end of the work. Every other input must be development text (bench/discover_slices.py)
or the named development inputs (the 2004–2012 reports, held out in round 6 and development in round 8; the 1978–1992
reports less 1988 and 1991, held out in round 8 and development in round 9).

    python bench/discover_large_dev.py run reports2004_2012 --out /tmp/r.jsonl [--model M.json]
    python bench/discover_large_dev.py score reports2004_2012 /tmp/r.jsonl [--unjudged]
    python bench/discover_large_dev.py run news2024q3 --out /tmp/n.jsonl --model /tmp/split.json

``--lexicon-at COMMIT``: run with ``lexicon/`` as it was at COMMIT (``git archive``), so that rows a judge ruled on
and that became entries later are still candidates (round 8's start lexicon ``41ccfc8`` for the report groups).
``--shipped``: rank by the shipped model whatever the input's known terms (``min_positives`` forced), the path a
mid-sized input with under 150 known terms takes.
``--model``: the shipped ranking model to use (a model trained without the input's verdicts when the input's verdicts
trained the shipped one: ``python bench/discover_train.py --verdicts split`` leaves out 新闻联播 2024's).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices as S
from discover_judge_sheet import read_list

BENCH = Path(__file__).resolve().parent
AUTHOR_VERDICTS = BENCH / "discover_dev_judged_round8.jsonl"


def _quarter(year: int, q: int) -> tuple[Path, ...]:
    return tuple(S.XWLB / str(year) / f"xinwenlianbo_{year}-{m:02d}.txt" for m in range(3 * q - 2, 3 * q + 1))


# round 8's development inputs for large text (bench/discover_protocol.md, round 8)
INPUTS: dict[str, tuple[Path, ...]] = {
    "reports2004_2012": S.PRECISION_6,  # held out in round 6, development in round 8 (blind verdicts of round 6)
    "reports1978_1992": S.PRECISION_8,  # held out in round 8, development in round 9 (blind verdicts of round 8)
    **{f"news{y}q{q}": _quarter(y, q) for y in (2023, 2024) for q in (1, 2, 3, 4)},
}
KEPT_ASIDE = {"reports1993_2003": S.PRECISION_7}  # round 7's verdicts; scored once, at the end


def files_of(name: str, kept_aside: bool = False) -> tuple[Path, ...]:
    """The files of input ``name``; exits with an error for held-out text, or the kept-aside input without
    ``kept_aside``."""
    if name in KEPT_ASIDE:
        if not kept_aside:
            sys.exit(f"error: input {name} is kept aside for the end of the work: pass --kept-aside (once)")
        return KEPT_ASIDE[name]
    files = INPUTS[name]
    if name not in ("reports2004_2012", "reports1978_1992"):
        S.development_only(name, list(files))
    return files


def run(name: str, out: Path, model: Path | None, kept_aside: bool = False, commit: str | None = None,
        shipped: bool = False) -> None:
    """``discover`` with defaults on input ``name``, its list written to ``out`` as JSONL, its notes to stderr;
    with the lexicon of ``commit`` if given, ranked by the shipped model if ``shipped``."""
    os.environ["TERMKIT_LEXICON_DIR"] = tempfile.mkdtemp()  # no user lexicon, no user rejections
    from discover_census_score import lexicon_at

    from termkit.compile import load_compiled
    from termkit.corpus import read_documents
    from termkit.discover import DiscoverOptions, discover
    from termkit.discover.learn import Model
    from termkit.discover.rejected import load_rejected
    from termkit.lexicon import bundled_lexicon_path

    names = [str(p) for p in files_of(name, kept_aside)]
    compiled = load_compiled(lexicon_at(commit, Path(tempfile.mkdtemp())) if commit else bundled_lexicon_path())
    rejected = load_rejected(lambda s: compiled.matcher.fold(s).text)
    ranker = Model.load(model) if model else None
    if model and ranker is None:
        sys.exit(f"error: {model}: no ranking model in it")
    options = DiscoverOptions(min_positives=sys.maxsize) if shipped else DiscoverOptions()
    found = discover(lambda: read_documents(names), compiled.matcher, options, model=ranker,
                     rejected=rejected, on_note=lambda n: print(n, file=sys.stderr))
    out.write_text("".join(json.dumps({"rank": i, **c.to_dict()}, ensure_ascii=False) + "\n"
                           for i, c in enumerate(found, 1)), encoding="utf-8")
    print(f"{len(found)} rows -> {out}", file=sys.stderr)


def _tsv_verdicts(path: Path) -> dict[str, bool]:
    with path.open(encoding="utf-8") as f:
        return {r["candidate"]: r["verdict"] == "good" for r in csv.DictReader(f, delimiter="\t")}


def verdicts(name: str) -> tuple[dict[str, bool], dict[str, bool]]:
    """Verdicts on input ``name`` (string → good): the judges' or curators' first, then the author's own."""
    theirs: dict[str, set[bool]] = {}
    if name == "reports2004_2012":
        for r in map(json.loads, (BENCH / "discover_heldout_judged.jsonl").open(encoding="utf-8")):
            if r.get("round") == 6 and r["slice"].startswith("gov_work_report_2004"):
                theirs.setdefault(r["candidate"], set()).add(r["verdict"] == "good")
    elif name == "reports1978_1992":  # round 8's blind verdicts on both codes' lists of this group
        for r in map(json.loads, (BENCH / "discover_heldout_judged.jsonl").open(encoding="utf-8")):
            if r.get("round") == 8 and r["slice"].startswith("reports1978_1992"):
                theirs.setdefault(r["candidate"], set()).add(r["verdict"] == "good")
    elif name == "reports1993_2003":
        for k, v in _tsv_verdicts(BENCH / "discover_round7" / "reports_1993_2003.tsv").items():
            theirs.setdefault(k, set()).add(v)
    else:  # the curators' verdicts on development lists (most on 新闻联播 2023–2024), whatever list they judged
        from discover_train import read_verdicts

        for r in read_verdicts():
            theirs.setdefault(r["candidate"], set()).add(r["good"])
    mine = {}
    if AUTHOR_VERDICTS.exists():
        for r in map(json.loads, AUTHOR_VERDICTS.open(encoding="utf-8")):
            if r["input"] == name:
                mine[r["candidate"]] = r["good"]
    return {k: v.pop() for k, v in theirs.items() if len(v) == 1}, mine


def score(name: str, path: Path, top: int = 100, show_unjudged: bool = False) -> dict[str, int]:
    """Good, bad (theirs / mine) and unjudged rows of the list at ``path``, printed as one line."""
    theirs, mine = verdicts(name)
    rows = read_list(path)[:top]
    t = dict(good=0, bad=0, mine_good=0, mine_bad=0, unjudged=0, shown=len(rows))
    for r in rows:
        v = theirs.get(r["candidate"], theirs.get(r["key"]))
        if v is None and (v := mine.get(r["candidate"], mine.get(r["key"]))) is not None:
            t["mine_good" if v else "mine_bad"] += 1
            continue
        if v is None:
            t["unjudged"] += 1
            if show_unjudged:
                print(f"? {r['rank']}\t{r['candidate']}\t{r['kind']}\t{r['relation']}\t{r['count']}\t{r['example']}")
            continue
        t["good" if v else "bad"] += 1
    good = t["good"] + t["mine_good"]
    print(f"{name}\t{path.name}\tgood {good}/{top} = {good / top:.2f}; good/shown {good}/{t['shown']}"
          f" = {good / max(t['shown'], 1):.2f}; bad {t['bad'] + t['mine_bad']}; unjudged {t['unjudged']}; "
          f"author's verdicts {t['mine_good']} good {t['mine_bad']} bad")
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("run", "score"))
    ap.add_argument("input", choices=sorted({*INPUTS, *KEPT_ASIDE}))
    ap.add_argument("list", nargs="?", type=Path, help="score: the list to score")
    ap.add_argument("--out", type=Path, help="run: where the list goes")
    ap.add_argument("--model", type=Path, help="run: the ranking model (default: the shipped one)")
    ap.add_argument("--lexicon-at", metavar="COMMIT", help="run: lexicon/ as it was at COMMIT (default: this tree's)")
    ap.add_argument("--shipped", action="store_true", help="run: rank by the shipped model (min_positives forced)")
    ap.add_argument("--kept-aside", action="store_true", help="allow the kept-aside input (once, at the end)")
    ap.add_argument("--unjudged", action="store_true", help="score: print the rows no verdict covers")
    ap.add_argument("-n", "--top", type=int, default=100)
    args = ap.parse_args()
    if args.what == "run":
        if args.out is None:
            sys.exit("error: run needs --out")
        run(args.input, args.out, args.model, args.kept_aside, args.lexicon_at, args.shipped)
    else:
        if args.list is None:
            sys.exit("error: score needs the list")
        score(args.input, args.list, args.top, args.unjudged)


if __name__ == "__main__":
    main()
