"""`discover` on a story alone, with and without a reference corpus, scored against the gap hunts' records
(bench/discover_protocol.md, round 15).

Three commands. ``run`` writes a list per story of the hunts named (``hN-cNN.jsonl``, as
bench/discover_hunt_lookup.py reads them), in one process: the lexicon, jieba and the reference are loaded once,
then `discover` is called on each story as `termkit discover STORY.txt -f jsonl -n 500 [-r REF]` would be::

    python bench/discover_reference.py run --hunts 1-8 --texts /work/hunt14 -l LEXICON -o /tmp/ref \\
        -r ../shared/corpus/news/xinwenlianbo

Without ``--hunts``, every ``.txt`` of ``--texts`` is run (census D's stories; bench/discover_gaps.py
``--per-story`` scores those lists). ``score`` reads the hunts' lists against their records: per story, the formulas
the curator added (or made variants of) found in the top 10 and top 30 (a candidate that is the formula as copied or
a surface of its entry, as discover_hunt_lookup matches them), and what the top 10 holds besides: rows the curator
recorded and rejected in that story, and rows the curator did not record (the curator recorded every formula the
lexicon missed)::

    python bench/discover_reference.py score --hunts 1-8 /tmp/start /tmp/ref

``time`` measures what the reference costs a user, one story at a time (medians of interleaved runs)::

    python bench/discover_reference.py time STORY.txt … -l LEXICON -r ../shared/corpus/news/xinwenlianbo

``sheet`` pools the top 10s of lists of the same stories (each folder a list, named by the folder) for a blind
judge: every row shown to TSV ``--rows``, and the distinct (story, candidate) pairs, shuffled, to ``--sheet``
with an empty verdict column; ``tally`` counts the judged verdicts of each list's rows::

    python bench/discover_reference.py sheet /tmp/start /tmp/final --rows top10.tsv --sheet sheet.tsv --seed 16
    python bench/discover_reference.py tally top10.tsv sheet.tsv

Stories are the texts /work/hunt14/hN/texts/cNN.txt that the curators read (a story's heading line, its title and
its text, as eval/coverage.py cuts it).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from discover_gaps import entry_surfaces, hunt_forms, hunt_records, key, rank, read_list

ROUND14 = Path(__file__).resolve().parent / "discover_round14"
TOPS = (10, 30)


def hunts(spec: str) -> list[int]:
    """``1-8`` or ``9,10`` → the hunt numbers.

    >>> hunts("1-3"), hunts("9,11")
    ([1, 2, 3], [9, 11])
    """
    out: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out += range(int(lo), int(hi or lo) + 1)
    return out


def run(args: argparse.Namespace) -> None:
    from termkit.compile import load_compiled
    from termkit.corpus import Document
    from termkit.discover import DiscoverOptions, discover
    from termkit.discover.background import Background
    from termkit.discover.reference import Reference
    from termkit.discover.rejected import load_rejected
    from termkit.pipeline import open_corpus

    compiled = load_compiled(args.lexicon)
    fold = compiled.matcher.fold
    bg = Background.load()
    ref = Reference.read(open_corpus(args.reference).documents(), lambda s: fold(s).text) if args.reference else None
    rejected = load_rejected(lambda s: fold(s).text)
    args.out.mkdir(parents=True, exist_ok=True)
    stories = []  # (text, list name)
    for h in hunts(args.hunts) if args.hunts else ():
        ids, recs = records(h)
        gaps = {ids[r["story"]] for r in recs if r["decision"] in ("added", "variant")}
        stories += [(t, f"h{h}-{t.stem}") for t in sorted((args.texts / f"h{h}" / "texts").glob("c*.txt"))
                    if not args.gap_stories or t.stem in gaps]
    if not args.hunts:  # a folder of stories: census D's (/work/census14/texts), lists named as the texts
        stories = [(t, t.stem) for t in sorted(args.texts.glob("*.txt"))]
    for text, name in stories:
        doc = Document(text.name, text.read_text(encoding="utf-8"))
        found = discover(lambda doc=doc: [doc], compiled.matcher, DiscoverOptions(top=args.top, strict=args.strict),
                         background=bg, rejected=rejected, reference=ref)
        (args.out / f"{name}.jsonl").write_text(
            "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in found), encoding="utf-8")


def records(h: int) -> tuple[dict[str, str], list[dict]]:
    """story → sample id (cNN), and the records of hunt ``h``."""
    return hunt_records(ROUND14 / f"gaphunt_h{h}.tsv")[1:]


def score(args: argparse.Namespace) -> None:
    surfaces = entry_surfaces()
    written: list[tuple[str, ...]] = []
    for folder in args.lists:
        found = {t: 0 for t in TOPS}
        wanted = rows = rejected = unrecorded = 0
        for h in hunts(args.hunts):
            ids, recs = records(h)
            gaps = {r["story"] for r in recs if r["decision"] in ("added", "variant")}
            for story, sample in ids.items():
                if args.gap_stories and story not in gaps:
                    continue
                listed = [r for r in read_list(folder / f"h{h}-{sample}.jsonl") if r["score"] >= args.min_score]
                mine = [r for r in recs if r["story"] == story]
                for r in mine:
                    if r["decision"] in ("added", "variant"):
                        wanted += 1
                        s, _ = rank(listed, hunt_forms(r, surfaces), ())
                        for t in TOPS:
                            found[t] += bool(s and s <= t)
                good = set().union(*(hunt_forms(r, surfaces) for r in mine if r["decision"] in ("added", "variant")))
                bad = {key(r["formula"]) for r in mine if r["decision"] == "rejected"}
                for i, row in enumerate(listed[:10], 1):
                    rows += 1
                    k = key(row["candidate"])
                    rejected += k in bad and k not in good
                    unrecorded += k not in bad and k not in good
                    use = row.get("reference") or {}
                    label = "added" if k in good else "rejected" if k in bad else "unrecorded"
                    written.append((folder.name, f"h{h}-{sample}", str(i), label, row["kind"], f"{row['score']:g}",
                                    str(use.get("count", "")), str(use.get("months", "")), row["candidate"]))
        tops = "  ".join(f"top {t}: {found[t]}" for t in TOPS)
        print(f"{folder}: {wanted} added formulas; found {tops}; top-10 rows {rows}: "
              f"{rows - rejected - unrecorded} added, {rejected} rejected by the curator, {unrecorded} unrecorded")
    if args.rows:
        head = ("list", "story", "rank", "label", "kind", "score", "ref_uses", "ref_months", "candidate")
        args.rows.write_text("".join("\t".join(r) + "\n" for r in [head, *written]), encoding="utf-8")


def timing(args: argparse.Namespace) -> None:
    """Wall time of `termkit discover STORY -f jsonl` without and with ``-r REF``, interleaved, ``--repeat`` times each:
    medians, their ratio, and the machine's load before and after."""
    import os
    import statistics
    import subprocess
    import time

    base = [sys.executable, "-m", "termkit", "discover", "-f", "jsonl", "-l", str(args.lexicon)]
    walls: dict[str, list[float]] = {"alone": [], "reference": []}
    load = os.getloadavg()[0]
    for _ in range(args.repeat):
        for story in args.stories:
            for name, extra in (("alone", []), ("reference", ["-r", *args.reference])):
                start = time.perf_counter()
                subprocess.run([*base, str(story), *extra], check=True, capture_output=True)
                walls[name].append(time.perf_counter() - start)
    alone, ref = statistics.median(walls["alone"]), statistics.median(walls["reference"])
    print(f"{len(args.stories)} stories x {args.repeat}: median wall alone {alone:.2f} s, with the reference "
          f"{ref:.2f} s (x{ref / alone:.2f}); 1-minute load {load:.2f} before, {os.getloadavg()[0]:.2f} after")


def sheet(args: argparse.Namespace) -> None:
    """The top-10 rows of each list (``--rows``) and the distinct rows, shuffled, for a blind judge (``--sheet``)."""
    import random

    shown: list[tuple[str, ...]] = []
    pooled: dict[tuple[str, str], str] = {}
    for folder in args.lists:
        for path in sorted(folder.glob("*.jsonl")):
            for i, row in enumerate(read_list(path)[:10], 1):
                use = row.get("reference") or {}
                shown.append((folder.name, path.stem, str(i), row["kind"], f"{row['score']:g}",
                              str(use.get("count", "")), str(use.get("months", "")), row["candidate"]))
                pooled.setdefault((path.stem, row["candidate"]), " ".join(row["example"].split()))
    head = ("list", "story", "rank", "kind", "score", "ref_uses", "ref_months", "candidate")
    args.rows.write_text("".join("\t".join(r) + "\n" for r in [head, *shown]), encoding="utf-8")
    pairs = sorted(pooled)
    random.Random(args.seed).shuffle(pairs)
    lines = [("id", "story", "candidate", "example", "verdict", "note")]
    lines += [(f"s{i:03d}", story, cand, pooled[(story, cand)], "", "") for i, (story, cand) in enumerate(pairs, 1)]
    args.sheet.write_text("".join("\t".join(r) + "\n" for r in lines), encoding="utf-8")
    print(f"{len(shown)} rows shown, {len(pairs)} distinct -> {args.sheet}")


def tally(args: argparse.Namespace) -> None:
    """Good rows and rows shown, each list, from the judged sheet (a row unjudged is an error)."""
    import csv
    from collections import Counter

    with args.sheet.open(encoding="utf-8") as fh:
        verdict = {(r["story"], r["candidate"]): r["verdict"] for r in csv.DictReader(fh, delimiter="\t")}
    n: Counter = Counter()
    with args.rows.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            v = verdict[(r["story"], r["candidate"])]
            if v not in ("good", "bad"):
                raise SystemExit(f"{args.sheet}: {r['story']} {r['candidate']}: no verdict")
            n[(r["list"], v)] += 1
    for name in sorted({k for k, _ in n}):
        good, rows = n[(name, "good")], n[(name, "good")] + n[(name, "bad")]
        print(f"{name}: {good} good / {rows} rows = {good / max(rows, 1):.2f}")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--hunts", help="hunts to run (1-8); without it, every .txt in --texts")
    r.add_argument("--texts", type=Path, default=Path("/work/hunt14"))
    r.add_argument("-l", "--lexicon", type=Path, required=True)
    r.add_argument("-r", "--reference", nargs="*")
    r.add_argument("-n", "--top", type=int, default=500)
    r.add_argument("-o", "--out", type=Path, required=True)
    r.add_argument("--gap-stories", action="store_true", help="only the stories where a curator added a formula")
    r.add_argument("--strict", action=argparse.BooleanOptionalAction, default=None,
                   help="as discover --strict/--no-strict (the readers' model's filter; default: discover's)")
    s = sub.add_parser("score")
    s.add_argument("--hunts", required=True)
    s.add_argument("lists", nargs="+", type=Path)
    s.add_argument("--gap-stories", action="store_true", help="only the stories where a curator added a formula")
    s.add_argument("--min-score", type=float, default=0.0, help="leave out rows scoring below this")
    s.add_argument("--rows", type=Path, help="write every top-10 row with its label to this TSV")
    t = sub.add_parser("time")
    t.add_argument("stories", nargs="+", type=Path)
    t.add_argument("-l", "--lexicon", type=Path, required=True)
    t.add_argument("-r", "--reference", nargs="+", required=True)
    t.add_argument("--repeat", type=int, default=3)
    h = sub.add_parser("sheet")
    h.add_argument("lists", nargs="+", type=Path)
    h.add_argument("--rows", type=Path, required=True)
    h.add_argument("--sheet", type=Path, required=True)
    h.add_argument("--seed", type=int, default=16)
    y = sub.add_parser("tally")
    y.add_argument("rows", type=Path)
    y.add_argument("sheet", type=Path)
    args = p.parse_args(argv)
    {"run": run, "score": score, "time": timing, "sheet": sheet, "tally": tally}[args.command](args)


if __name__ == "__main__":
    main()
