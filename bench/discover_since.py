"""``discover --since``: are the formulas that appeared after a date found as new and rising?

Hides every bundled entry first seen in ``--year`` or later, runs ``discover --since YEAR-01`` on the
新闻联播 transcripts (2022-09 … 2026, monthly files, dated by name) with the rest of the lexicon, and
prints how many hidden entries occurring at least 3 times come back in the top N, and the top 30.

    python bench/discover_since.py [--year 2023] [--top 100]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices
from discover_kfold import found_entries, occurrences


def main() -> None:
    from termkit.compile import compile_lexicon, load_compiled
    from termkit.corpus import read_documents
    from termkit.discover import DiscoverOptions, discover
    from termkit.lexicon import Lexicon, bundled_lexicon_path

    ap = argparse.ArgumentParser()
    ap.add_argument("--year", type=int, default=2023)
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--min-score", type=float, default=None, help="the score floor (default: discover's own)")
    args = ap.parse_args()
    full = load_compiled(bundled_lexicon_path())
    paths = [str(discover_slices.XWLB)]
    hidden = {e.id for e in full.lexicon.entries if e.first_seen and int(str(e.first_seen)[:4]) >= args.year}
    visible = compile_lexicon(Lexicon(tuple(e for e in full.lexicon.entries if e.id not in hidden)), full.matcher.table)
    occ = occurrences(paths, full.matcher)
    wanted = [i for i in hidden if occ[i] >= 3]
    t = time.perf_counter()
    found = discover(lambda: read_documents(paths), visible, DiscoverOptions(top=args.top, since=f"{args.year}-01",
                                                                               min_score=args.min_score))
    hits = found_entries(found, wanted, full.lexicon.by_id, full.matcher)
    by_id = full.lexicon.by_id
    print(f"entries first seen in {args.year} or later: {len(hidden)}; occurring >= 3 times in 新闻联播: {len(wanted)}")
    print(f"found in the top {args.top} of --since {args.year}-01: {len(hits)}/{len(wanted)} "
          f"({time.perf_counter() - t:.0f} s): {', '.join(by_id[i].term for i in hits)}")
    print(f"missed: {', '.join(by_id[i].term for i in wanted if i not in hits)}")
    print(f"{len(found)} shown; the first 30:")
    for c in found[:30]:
        print(f"  {c.candidate}  first {c.notes.get('first_seen')}  rising {c.notes.get('rising')}  count {c.count}")


if __name__ == "__main__":
    main()
