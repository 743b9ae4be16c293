"""Would `discover` have proposed what the gap hunts added? The formulas curators found missing while reading
新闻联播 stories with the lexicon's matches and then added (bench/discover_round14/gaphunt_h*.tsv, decision
`added` or `variant`), looked up in `discover` lists run with the lexicon as it was before they were added
(bench/discover_protocol.md, round 14): one run over all the transcripts, a run over the story's month, a run over
the story alone.

    python bench/discover_hunt_lookup.py bench/discover_round14/gaphunt_h1.tsv … --whole /tmp/whole.jsonl \\
        --per-month /tmp/month --per-story /tmp/story

A story's list is looked up as ``hN-cNN.jsonl`` (N from the record's name ``gaphunt_hN.tsv``, cNN from
``gaphunt_sampleN.tsv`` beside it). Found: a candidate that is the formula as the curator copied it (NFKC, without
edge quotation marks) or a surface of the entry the curator added or extended (its term or a variant, in the
bundled lexicon: the copy may hold a verb, 铲除腐败滋生的土壤和条件); loosely, also a candidate whose relation names
that entry (:func:`discover_gaps.hunt_forms`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from discover_gaps import entry_surfaces, hunt_forms, hunt_records, month_list, rank, read_list, tops


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("records", nargs="+", type=Path)
    p.add_argument("--whole", type=Path)
    p.add_argument("--per-month", type=Path)
    p.add_argument("--per-story", type=Path)
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args(argv)
    surfaces = entry_surfaces()
    wanted = []
    for record in args.records:
        name, ids, rows = hunt_records(record)
        wanted += [(r, f"{name}-{ids[r['story']]}") for r in rows if r["decision"] in ("added", "variant")]
    print(f"{len(wanted)} gaps the hunts added ({sum(r['decision'] == 'added' for r, _ in wanted)} as entries, "
          f"{sum(r['decision'] == 'variant' for r, _ in wanted)} as variants)")
    lists = {}
    if args.whole:
        lists["whole transcripts"] = lambda r, s: read_list(args.whole)
    if args.per_month:
        lists["its month"] = lambda r, s: month_list(args.per_month, r["story"])
    if args.per_story:
        lists["its story alone"] = lambda r, s: read_list(args.per_story / f"{s}.jsonl")
    for name, get in lists.items():
        ranks = []
        for r, s in wanted:
            ranks.append(rank(get(r, s), hunt_forms(r, surfaces), {r["entry"]} - {""}))
            if args.verbose:
                print(f"  {name}: {r['formula']} ({r['decision']} {r['entry']}) -> {ranks[-1]}")
        print(f"{name}: {tops(ranks)}")


if __name__ == "__main__":
    main()
