"""List the corpus candidates the lexicon does not match and the triage file does not list.

    python eval/triage.py                       # the repo's lexicon, ../shared/corpus, eval/corpus-triage.tsv
    python eval/triage.py --lexicon lexicon --lexicon DRAFTS   # the lexicon and a folder of draft files
                                                # (first claim of an id or a surface wins)
    python eval/triage.py --all                 # every candidate, with its state (matched/triaged/missing)
    python eval/triage.py --stale               # triage rows the lexicon now matches or no longer a candidate

Missing candidates are printed as triage rows with empty decision and reason (TSV, most frequent
first), ready to be decided and merged into eval/corpus-triage.tsv; a summary goes to stderr.
Exit status 1 when candidates are missing. See docs/corpus-triage.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from termkit.compile import compile_lexicon, load_compiled
from termkit.errors import TermkitError
from termkit.lexicon import bundled_lexicon_path, load_lexicon
from termkit.triage import check, corpus_candidates, format_rows, matched_whole, merge_lexicons, read_triage

ROOT = Path(__file__).resolve().parent.parent
CORPUS = os.environ.get("TERMKIT_CORPUS") or str(ROOT.parent / "shared" / "corpus")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=CORPUS, help="default: $TERMKIT_CORPUS or ../shared/corpus")
    ap.add_argument("--lexicon", action="append", help="a lexicon file or folder; repeat to merge several "
                    "(default: the bundled lexicon)")
    ap.add_argument("--triage", default=str(ROOT / "eval" / "corpus-triage.tsv"))
    ap.add_argument("--all", action="store_true", help="print every candidate with its state")
    ap.add_argument("--stale", action="store_true", help="print triage rows that are no longer needed")
    args = ap.parse_args(argv)
    try:
        paths = args.lexicon or [str(bundled_lexicon_path())]
        matcher = load_compiled(paths[0]).matcher
        if len(paths) > 1:
            merged = merge_lexicons([load_lexicon(p) for p in paths], lambda s: matcher.fold(s).text)
            matcher = compile_lexicon(merged)
        rows = read_triage(args.triage, lambda s: matcher.fold(s).text)
    except TermkitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not Path(args.corpus).is_dir():
        print(f"error: {args.corpus}: no such folder", file=sys.stderr)
        return 1
    cands = corpus_candidates(args.corpus)
    report = check(cands, matcher, rows)
    if args.all:
        state = {c.candidate: s for s, cs in (("matched", report.matched), ("triaged", report.triaged),
                                              ("missing", report.missing)) for c in cs}
        for c in cands:
            print(f"{c.candidate}\t{c.count}\t{c.kind}\t{state[c.candidate]}")
    elif args.stale:
        current = {c.candidate for c in cands}
        for r in rows:
            if r.candidate not in current:
                print(f"{r.candidate}\tno longer a candidate")
            elif matched_whole(r.candidate, matcher):
                print(f"{r.candidate}\tmatched by the lexicon ({r.decision})")
    else:
        sys.stdout.write(format_rows(report.missing))
    kinds = {k: sum(c.kind.startswith(k) or c.kind.endswith(k) for c in cands) for k in ("quoted", "numbered")}
    triaged = {c.candidate for c in report.triaged}
    decided: dict[str, int] = {}
    for r in rows:
        decided[r.decision] = decided.get(r.decision, 0) + (r.candidate in triaged)
    print(f"{len(cands)} candidates ({kinds['quoted']} quoted, {kinds['numbered']} numbered): "
          f"{len(report.matched)} matched, {len(report.triaged)} triaged "
          f"({', '.join(f'{n} {d}' for d, n in sorted(decided.items()))}), {len(report.missing)} missing",
          file=sys.stderr)
    return 1 if report.missing else 0


if __name__ == "__main__":
    sys.exit(main())
