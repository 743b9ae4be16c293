"""``discover --since``: are the formulas that appeared after a date found as new and rising?

Hides every bundled entry first seen in ``--year`` or later, runs ``discover --since YEAR-01`` on the
新闻联播 transcripts (2022-09 … 2026, monthly files, dated by name) with the rest of the lexicon, and
prints how many hidden entries occurring at least 3 times come back in the top N, and the top 30.

Round 5 (bench/discover_protocol.md) splits the hidden entries into two halves by a fixed rule: an entry is
in the *report half* when the first byte of the SHA-1 of its id (UTF-8) is odd, else in the *development
half*. Only the entries hidden when the round began count (``discover_since_round5.txt``; for ``--year``
2023). By default only the development half is printed, and a candidate of the top list that is (or holds,
or lies inside) a report-half entry is shown as ``[report-half entry]``; ``--report`` prints the report half,
once, at the end of the round.

Round 10 develops on both halves of round 5 (``--set round5``) and reports on its own set
(``discover_round10/since_report_ids.txt``: the entries first seen in 2023 or later that came into the lexicon after
round 5 began), ``--set round10``, once at the end; every other set masks round 10's entries in the top list.
``--lexicon-at COMMIT`` runs with ``lexicon/`` as it was at COMMIT (round 10: ``1416df4``, for both codes).

    python bench/discover_since.py [--year 2023] [--top 100] [--ranks] [--set round5] [--lexicon-at 1416df4]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices
from discover_kfold import found_entries, occurrences

ROUND5_IDS = Path(__file__).resolve().parent / "discover_since_round5.txt"
ROUND10_IDS = Path(__file__).resolve().parent / "discover_round10" / "since_report_ids.txt"
MASK = "[report-half entry]"


def report_half(entry_id: str) -> bool:
    """The fixed rule of round 5: the first byte of the SHA-1 of the id is odd."""
    return hashlib.sha1(entry_id.encode("utf-8")).digest()[0] % 2 == 1


def ids_in(path: Path) -> set[str]:
    """The ids listed in ``path`` (one a line, ``#`` comments)."""
    return {s.strip() for s in path.read_text("utf-8").splitlines() if s.strip() and not s.startswith("#")}


def round5_ids() -> set[str]:
    """The ids hidden when round 5 began (entries added later are in neither half)."""
    return ids_in(ROUND5_IDS)


def masked(text: str, surfaces: list[str]) -> bool:
    """``text`` is, holds or lies inside one of ``surfaces`` (folded forms of report-half entries)."""
    return any(s in text or (len(text) >= 2 and text in s) for s in surfaces)


def main() -> None:
    from termkit.compile import compile_lexicon, load_compiled
    from termkit.corpus import read_documents
    from termkit.discover import DiscoverOptions, discover
    from termkit.lexicon import Lexicon, bundled_lexicon_path

    ap = argparse.ArgumentParser()
    ap.add_argument("--year", type=int, default=2023)
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--min-score", type=float, default=None, help="the score floor (default: discover's own)")
    ap.add_argument("--ranks", action="store_true", help="the rank of each development-half entry in the full list")
    ap.add_argument("--report", action="store_true",
                    help="print round 5's report half instead (round 5: run once, at the end of the round)")
    ap.add_argument("--set", choices=("development", "report", "round5", "round10"), default=None,
                    help="the entries counted: round 5's development half (default), its report half (= --report), "
                         "both halves, or round 10's report set (run once, at the end of round 10)")
    ap.add_argument("--lexicon-at", metavar="COMMIT", help="lexicon/ as it was at COMMIT (default: this tree's)")
    args = ap.parse_args()
    half = args.set or ("report" if args.report else "development")
    if args.lexicon_at:
        import tempfile

        from discover_census_score import lexicon_at

        full = load_compiled(lexicon_at(args.lexicon_at, Path(tempfile.mkdtemp())))
    else:
        full = load_compiled(bundled_lexicon_path())
    by_id = full.lexicon.by_id
    paths = [str(discover_slices.XWLB)]
    hidden = {e.id for e in full.lexicon.entries if e.first_seen and int(str(e.first_seen)[:4]) >= args.year}
    visible = compile_lexicon(Lexicon(tuple(e for e in full.lexicon.entries if e.id not in hidden)), full.matcher.table)
    occ = occurrences(paths, full.matcher)
    counted = hidden & round5_ids() if args.year == 2023 else hidden
    wanted = sorted(i for i in counted if occ[i] >= 3)
    round10 = ids_in(ROUND10_IDS)
    halves = {"report": [i for i in wanted if report_half(i)], "development": [i for i in wanted if not report_half(i)],
              "round5": wanted, "round10": sorted(i for i in hidden & round10 if occ[i] >= 3)}
    masked_ids = {i for i in hidden
                  if (report_half(i) and half == "development") or (i in round10 and half != "round10")}
    hide = [full.matcher.fold(s).text for i in masked_ids for s in (by_id[i].term, *by_id[i].variants)]
    t = time.perf_counter()
    ranked = discover(lambda: read_documents(paths), visible,
                      DiscoverOptions(top=None, since=f"{args.year}-01", min_score=args.min_score))
    found = ranked[: args.top]
    mine = halves[half]
    hits = found_entries(found, mine, by_id, full.matcher)
    print(f"entries first seen in {args.year} or later: {len(hidden)}; counted, occurring >= 3 times in 新闻联播: "
          f"{len(wanted)} ({len(halves['development'])} development half, {len(halves['report'])} report half); "
          f"round 10's set: {len(halves['round10'])}")
    print(f"{half} set found in the top {args.top} of --since {args.year}-01: {len(hits)}/{len(mine)} "
          f"({time.perf_counter() - t:.0f} s): {', '.join(by_id[i].term for i in hits)}")
    print(f"missed: {', '.join(by_id[i].term for i in mine if i not in hits)}")
    if args.ranks:
        keys = [{c.key, full.matcher.fold(c.candidate).text} for c in ranked]
        for i in mine:
            forms = {full.matcher.fold(s).text for s in (by_id[i].term, *by_id[i].variants)}
            at = next((n for n, k in enumerate(keys, 1) if k & forms), None)
            print(f"  rank {at or '-':>5}  {by_id[i].term}  (occurs {occ[i]}×)")
    print(f"{len(ranked)} ranked; the first 30:")
    for n, c in enumerate(found[:30], 1):
        if any(masked(k, hide) for k in (c.key, full.matcher.fold(c.candidate).text) if k):
            print(f"  {n:>3} {MASK}")
            continue
        print(f"  {n:>3} {c.candidate}  first {c.notes.get('first_seen')}  rising {c.notes.get('rising')}  "
              f"count {c.count}  score {c.score:.1f}")


if __name__ == "__main__":
    main()
