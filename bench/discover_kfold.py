"""Recall of hidden lexicon entries: k-fold over the entries (bench/discover_protocol.md).

For each fold, one k-th of the entries is hidden: the ranking model is retrained with the other entries
as positives (on the training slice), then ``discover`` runs on the evaluation slice with the other
entries as its lexicon. Recall@N counts hidden entries occurring at least ``--min-occ`` times in the
evaluation slice (counted with the full lexicon) whose term or a variant is among the top N candidates.
Prints recall per fold, per kind (numbered, parallel, quoted: at least half of its occurrences stand in
quotation marks, other) and per category, each with how many hidden entries reached the ranked list at all
(anywhere, not only in the top N), and the misses of fold 1.

    python bench/discover_kfold.py [--folds 5] [--seed 1] [--eval whole] [--train development] [--top 200]
    python bench/discover_kfold.py --ceiling   # the most recall@N the top N can hold, from the counts alone
"""

from __future__ import annotations

import argparse
import contextlib
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices
from discover_train import train


def shape(term: str, occ: int = 0, quoted: int = 0) -> str:
    """numbered, parallel, quoted (at least half of ``occ`` occurrences in quotation marks) or other."""
    from termkit.discover.score import is_numbered

    if is_numbered(term) or any(ch.isdigit() for ch in term):
        return "numbered"
    if "、" in term:
        return "parallel"
    return "quoted" if occ and quoted * 2 >= occ else "other"


def entry_folds(lexicon, folds: int, seed: int) -> list[set[str]]:
    """The lexicon's entry ids in ``folds`` folds by a seeded shuffle (the split every k-fold check here uses)."""
    ids = sorted(e.id for e in lexicon.entries)
    random.Random(seed).shuffle(ids)
    return [set(ids[i::folds]) for i in range(folds)]


def occurrences(paths: list[str], matcher, quoted: Counter | None = None) -> Counter:
    """Occurrences of each entry; ``quoted`` (when given) counts those in quotation marks."""
    from termkit.corpus import read_documents
    from termkit.discover.recount import CLOSE_QUOTES, OPEN_QUOTES

    n: Counter = Counter()
    for doc in read_documents(paths):
        for m in matcher.find(doc.text):
            n[m.entry.id] += 1
            if quoted is not None and m.start > 0 and m.end < len(doc.text) \
                    and doc.text[m.start - 1] in OPEN_QUOTES and doc.text[m.end] in CLOSE_QUOTES:
                quoted[m.entry.id] += 1
    return n


def found_entries(found, wanted, by_id, matcher) -> list[str]:
    """Ids of the ``wanted`` entries whose term or a variant is among the candidates ``found``."""
    keys = {c.key for c in found} | {matcher.fold(c.candidate).text for c in found}
    return [i for i in wanted if any(matcher.fold(s).text in keys for s in (by_id[i].term, *by_id[i].variants))]


@contextlib.contextmanager
def keeping(kept: dict, on: bool):
    """While on, ``discover``'s ranking step also keeps its inputs in ``kept``: the candidates, their feature rows
    and those of the known terms and rejected strings it learns from (see ``--dump``)."""
    import termkit.discover as d

    original = d.learn_and_score

    def learn_and_score(cands, counts, positives, evidence, bg, model=None, min_count=1, min_positives=150,
                        negatives=frozenset()):
        found = d.positive_rows(positives, counts, min_count)
        rejected = d.positive_rows(set(negatives) - set(positives) - {c.key for c in cands}, counts, min_count)
        kept.update(cands=cands, negatives=set(negatives), found=found, rejected=rejected, min_count=min_count,
                    counts={k: counts[k] for k in [c.key for c in cands] + found + rejected},
                    rows=d.featurize([c.key for c in cands], counts, evidence, bg),
                    found_rows=d.featurize(found, counts, evidence, bg),
                    rejected_rows=d.featurize(rejected, counts, evidence, bg),
                    pool_scored_by=evidence.pool_scored_by, documents=evidence.tally.documents,
                    chars=evidence.stats.chars, volume=evidence.volume)
        out = original(cands, counts, positives, evidence, bg, model, min_count, min_positives, negatives)
        kept["scored"], kept["how"] = out
        return out

    if on:
        d.learn_and_score = learn_and_score
    try:
        yield
    finally:
        d.learn_and_score = original


def dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(data, fh)


def main() -> None:
    from termkit.compile import compile_lexicon, load_compiled
    from termkit.corpus import read_documents
    from termkit.discover import DiscoverOptions, discover
    from termkit.discover.rejected import BUNDLED_PATH, load_rejected
    from termkit.lexicon import Lexicon, bundled_lexicon_path

    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--run-folds", type=int, default=None, help="only the first N folds (development)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--eval", default="whole")
    ap.add_argument("--train", default="development")
    ap.add_argument("--top", type=int, default=200)
    ap.add_argument("--min-occ", type=int, default=3)
    ap.add_argument("--retrain", action="store_true",
                    help="retrain the fallback model per fold (used only when the input holds too few known terms)")
    ap.add_argument("--dump", default=None, metavar="DIR",
                    help="keep each fold's ranking inputs (candidates, feature rows, known terms) and hidden entries "
                         "as DIR/fold-K.pickle, to study the ranking without running discover again")
    ap.add_argument("--also", type=int, nargs="*", default=[], metavar="N",
                    help="also print each fold's recall@N for these N (e.g. the number of hidden entries wanted)")
    ap.add_argument("--ceiling", action="store_true",
                    help="only count each fold's hidden entries and print the highest recall@N the top N can hold "
                         "(N rows, one entry each), without running discover")
    args = ap.parse_args()
    full = load_compiled(bundled_lexicon_path())
    eval_paths = [str(p) for p in getattr(discover_slices, args.eval)()]
    train_files = getattr(discover_slices, args.train)()
    quoted: Counter = Counter()
    occ = occurrences(eval_paths, full.matcher, quoted)
    folds = entry_folds(full.lexicon, args.folds, args.seed)
    by_id = full.lexicon.by_id
    print(f"eval: {args.eval} ({len(eval_paths)} files); train: {args.train}; {args.folds} folds, seed {args.seed}; "
          f"recall@{args.top} of hidden entries with >= {args.min_occ} occurrences")
    if args.ceiling:
        wanted = [[i for i in hidden if occ[i] >= args.min_occ] for hidden in folds]
        for k, w in enumerate(wanted, 1):
            print(f"fold {k}: {len(w)} hidden entries wanted; at most {min(args.top, len(w))} in the top {args.top}: "
                  f"recall@{args.top} <= {min(args.top, len(w)) / max(len(w), 1):.2f}")
        n = sum(len(w) for w in wanted)
        print(f"all: {n} wanted of {len(full.lexicon.entries)} entries; recall@{args.top} <= "
              f"{sum(min(args.top, len(w)) for w in wanted) / max(n, 1):.2f}")
        return
    totals: Counter = Counter()
    for k, hidden in enumerate(folds[: args.run_folds or args.folds], 1):
        t = time.perf_counter()
        visible = compile_lexicon(Lexicon(tuple(e for e in full.lexicon.entries if e.id not in hidden)),
                                  full.matcher.table)
        model = train(train_files, visible, f"fold {k}")[0] if args.retrain else None
        # the whole ranking, not only what scores above the display floor (--min-score): recall is of the ranking
        # as the CLI runs it: the shipped rejections are labelled negatives and left out (none is a lexicon term)
        kept: dict = {}
        with keeping(kept, args.dump is not None):
            ranked = discover(lambda: read_documents(eval_paths), visible, DiscoverOptions(top=None, min_score=0.0),
                              model=model, rejected=load_rejected(lambda s: full.matcher.fold(s).text, [BUNDLED_PATH]))
        found = ranked[: args.top]
        wanted = [i for i in hidden if occ[i] >= args.min_occ]
        if args.dump:
            surfaces = {i: [full.matcher.fold(s).text for s in (by_id[i].term, *by_id[i].variants)] for i in wanted}
            kinds = {i: shape(by_id[i].term, occ[i], quoted[i]) for i in wanted}
            dump(Path(args.dump) / f"fold-{k}.pickle", {**kept, "ranked": ranked, "wanted": surfaces, "kinds": kinds})
        hits = found_entries(found, wanted, by_id, full.matcher)
        anywhere = found_entries(ranked, wanted, by_id, full.matcher)
        for i in wanted:
            for group in ("all", f"kind:{shape(by_id[i].term, occ[i], quoted[i])}", f"category:{by_id[i].category}"):
                totals[(group, "n")] += 1
                totals[(group, "hit")] += i in hits
                totals[(group, "reached")] += i in anywhere
        also = "".join(f"; recall@{n} {len(found_entries(ranked[:n], wanted, by_id, full.matcher))}" for n in args.also)
        print(f"fold {k}: {len(hits)}/{len(wanted)} = {len(hits) / max(len(wanted), 1):.2f}  "
              f"(ranked anywhere: {len(anywhere)} of {len(ranked)} candidates{also}; {time.perf_counter() - t:.0f} s)",
              flush=True)
        if k == 1:
            missed = [by_id[i].term for i in wanted if i not in hits]
            print(f"  missed in fold 1: {', '.join(missed)}")
            print(f"  top 30 of fold 1: {', '.join(c.candidate for c in found[:30])}")
    print(f"{'group':<28}{'recall@' + str(args.top):>16}{'reached':>16}")
    for group in sorted({g for g, _ in totals}):
        n, hit, reached = totals[(group, "n")], totals[(group, "hit")], totals[(group, "reached")]
        print(f"{group:<28}{hit:>5}/{n:<5}{hit / max(n, 1):>6.2f}{reached:>10}{reached / max(n, 1):>6.2f}")


if __name__ == "__main__":
    main()
