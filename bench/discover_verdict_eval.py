"""How well a shipped ranking model (``model.json``) ranks development text whose curators' verdicts it was not
trained on: the measuring split of bench/discover_results.md, round 7 ("learning from the curators' verdicts").

- ``news`` (M1): ``discover`` on each quarter of 新闻联播 2024, full bundled lexicon, ranked by the model as a small
  input is (the input's own known terms are not learnt from), no score floor; judged by the verdicts on 新闻联播 2024.
- ``reports`` (M2): each of the five development reports alone with defaults (the model ranks inputs this small);
  judged by the verdicts on those reports.

A row is good or bad by the verdict on its (folded) string; a string judged both ways, and rows no verdict covers,
count as unjudged and are said. Only development text is read (bench/discover_slices.py ``development_only``).

    python bench/discover_verdict_eval.py MODEL.json [MODEL2.json …] [--part news|reports|both] [--top 30 100]
        [--no-floor] [--exponent K]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices as S
from discover_train import SPLIT_NEWS, SPLIT_REPORTS, in_split, input_files, judged_keys, read_verdicts, usable

QUARTERS = tuple(tuple(S.XWLB / "2024" / f"xinwenlianbo_2024-{m:02d}.txt" for m in range(q, q + 3))
                 for q in (1, 4, 7, 10))
REPORTS = tuple(S.CORPUS / f for f in SPLIT_REPORTS)


def split_verdicts(fold) -> tuple[dict[str, bool], dict[str, bool]]:
    """The split's verdicts, folded string → good: M1 (新闻联播 2024), M2 (the five development reports)."""
    files = [p.relative_to(S.CORPUS).as_posix() for p in S.whole()]
    dev = [p.relative_to(S.CORPUS).as_posix() for p in S.development()]
    rows = [r for r in usable(read_verdicts(), files, dev) if in_split(r, files)]
    news = [r for r in rows if any(f.startswith(SPLIT_NEWS) for f in input_files(r["input"], files))]
    reports = [r for r in rows if input_files(r["input"], files) <= set(SPLIT_REPORTS)]
    return judged_keys(news, fold), judged_keys(reports, fold)


def run(paths: tuple[Path, ...], model_path: Path, small: bool, floor: bool = True) -> list:
    """``discover`` on ``paths`` with the model at ``model_path`` ranking; ``small``: defaults (a report), else the
    news setting (no floor, the model ranks though the input holds enough known terms); ``floor`` False: a report's
    whole ranked list (``--min-score 0``)."""
    from termkit.compile import load_compiled
    from termkit.corpus import read_documents
    from termkit.discover import DiscoverOptions, discover
    from termkit.discover.learn import Model
    from termkit.discover.rejected import load_rejected
    from termkit.lexicon import bundled_lexicon_path

    names = [str(p) for p in S.development_only("measure", list(paths))]
    compiled = load_compiled(bundled_lexicon_path())
    rejected = load_rejected(lambda s: compiled.matcher.fold(s).text)
    if small:
        options = DiscoverOptions() if floor else DiscoverOptions(min_score=0.0, top=None)
    else:
        options = DiscoverOptions(min_positives=sys.maxsize, min_score=0.0, top=None)
    model = Model.load(model_path)
    if model is None:
        sys.exit(f"error: {model_path}: no ranking model in it")
    return discover(lambda: read_documents(names), compiled.matcher, options, model=model, rejected=rejected)


def tally(cands: list, judged: dict[str, bool], fold, top: int) -> tuple[int, int, int]:
    """Good, bad and unjudged rows among the first ``top``."""
    good = bad = 0
    for c in cands[:top]:
        v = judged.get(fold(c.key or c.candidate), judged.get(fold(c.candidate)))
        good += v is True
        bad += v is False
    return good, bad, min(top, len(cands)) - good - bad


def auc(cands: list, judged: dict[str, bool], fold) -> str:
    """The area under the ROC curve of the model's probability over the judged rows of ``cands`` (how well the
    model alone orders them), or ``-`` when one side is empty."""
    from sklearn.metrics import roc_auc_score

    pairs = [(judged.get(fold(c.key or c.candidate)), c.notes.get("probability")) for c in cands]
    pairs = [(g, p) for g, p in pairs if g is not None and p is not None]
    if len({g for g, _ in pairs}) < 2:
        return "-"
    return f"{roc_auc_score([g for g, _ in pairs], [p for _, p in pairs]):.2f} ({len(pairs)} rows)"


def tally_tops(cands, judged, fold, tops, totals: dict[str, list[int]], part: str) -> list[str]:
    """Good, bad and unjudged rows in each top N of one list, added to ``totals`` under ``part@N``; the cells shown."""
    cells = []
    for top in tops:
        g, b, u = tally(cands, judged, fold, top)
        t = totals.setdefault(f"{part}@{top}", [0, 0, 0])
        t[:] = [t[0] + g, t[1] + b, t[2] + u]
        cells.append(f"top {top}: {g} good {b} bad {u} unjudged")
    return cells


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="+", type=Path)
    ap.add_argument("--part", default="both", choices=("news", "reports", "both"))
    ap.add_argument("--top", type=int, nargs="+", default=[30, 100])
    ap.add_argument("--no-floor", action="store_true", help="reports: the whole ranked list, not the default one")
    ap.add_argument("--exponent", type=float, default=None,
                    help="the shipped model's exponent (termkit.discover.SHIPPED_EXPONENT) for this run, to compare")
    args = ap.parse_args()
    if args.exponent is not None:
        import termkit.discover

        termkit.discover.SHIPPED_EXPONENT = args.exponent
    os.environ["TERMKIT_LEXICON_DIR"] = tempfile.mkdtemp()  # no user lexicon
    from termkit.compile import load_compiled
    from termkit.lexicon import bundled_lexicon_path

    matcher = load_compiled(bundled_lexicon_path()).matcher
    fold = lambda s: matcher.fold(s).text  # noqa: E731
    news, reports = split_verdicts(fold)
    print(f"verdicts: news {sum(news.values())} good / {len(news)}; "
          f"reports {sum(reports.values())} good / {len(reports)}")
    for model in args.models:
        totals: dict[str, list[int]] = {}
        if args.part in ("news", "both"):
            for q in QUARTERS:
                cands = run(q, model, small=False)
                cells = tally_tops(cands, news, fold, args.top, totals, "news")
                print(f"{model.name}\t{q[0].stem}…{q[-1].stem[-2:]}\t" + "; ".join(cells)
                      + f"; AUC of the model's probability over the judged rows {auc(cands, news, fold)}", flush=True)
        if args.part in ("reports", "both"):
            for doc in REPORTS:
                cands = run((doc,), model, small=True, floor=not args.no_floor)
                cells = tally_tops(cands, reports, fold, args.top, totals, "reports")
                print(f"{model.name}\t{doc.stem}\t" + "; ".join(cells) + f"; {len(cands)} shown; AUC of the model's "
                      f"probability over the judged rows {auc(cands, reports, fold)}", flush=True)
        for key, (g, b, u) in totals.items():
            print(f"{model.name}\t{key}\t{g} good {b} bad {u} unjudged: precision of judged "
                  f"{g / max(g + b, 1):.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
