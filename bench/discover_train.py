"""Train the models that ship with termkit (src/termkit/discover/model.json): ``rank`` (the candidates'
ranking) and ``pool`` (the first pass's classifier of every n-gram, used when the input holds too few
known terms to learn its own).

Distant supervision: the bundled lexicon's terms found in the development slice are the positives, the
first pass's other candidates (for ``pool``: every other n-gram seen 3 times) the noisy negatives, and the
curators' rejections shipped with termkit (src/termkit/discover/rejected.tsv, only those whose evidence lies in
the development slice: bench/build_rejected.py) found there are labelled negatives weighing
``REJECTED_WEIGHT`` (5) each (bench/discover_protocol.md names the slice; the held-out slice is never read
here). Prints the training sets' sizes and each feature's weight.

    python bench/discover_train.py [--out PATH] [--slice development|development_small]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices


def rejected_keys(matcher) -> set[str]:
    """The shipped rejections, folded as candidates are (the user's own list is not read here)."""
    from termkit.discover.rejected import BUNDLED_PATH, load_rejected

    return set(load_rejected(lambda s: matcher.fold(s).text, [BUNDLED_PATH]))


def train(files: list[Path], matcher, label: str):
    """A model fitted on ``files`` with ``matcher``'s entries as positives and the shipped rejections as
    labelled negatives. Returns it, the positives, the rows and the labelled negatives among them."""
    from termkit.corpus import read_documents
    from termkit.discover import REJECTED_WEIGHT
    from termkit.discover.learn import fit_portable, training_rows

    paths = [str(p) for p in files]
    rows, labels, _, weights = training_rows(lambda: read_documents(paths), matcher,
                                             negatives=rejected_keys(matcher))
    rejected = sum(w == REJECTED_WEIGHT for w in weights)
    return fit_portable(rows, labels, label, weights), sum(labels), len(labels), rejected


def train_pool(files: list[Path], matcher, label: str):
    """The shipped n-gram classifier: size-independent pool features, a logistic regression."""
    import numpy as np

    from termkit.compile import compile_lexicon
    from termkit.corpus import read_documents
    from termkit.discover import REJECTED_WEIGHT, DiscoverOptions, adapt, collect, known_keys
    from termkit.discover.background import Background
    from termkit.discover.learn import fit_matrix
    from termkit.discover.pool import POOL_NAMES, PORTABLE_POOL, pool_features
    from termkit.lexicon import Lexicon

    blank = compile_lexicon(Lexicon(()), matcher.table)
    evidence = collect(read_documents([str(p) for p in files]), blank)
    options = adapt(DiscoverOptions(), evidence.stats.chars)[0]
    quoted = {k: e.quoted for k, e in evidence.tally.seen.items() if e.quoted}
    table = pool_features(evidence.stats, Background.load(), options.min_count, quoted)
    positives = known_keys(matcher)
    labels = table.labels(positives)
    rejected = table.labels(rejected_keys(matcher) - positives)  # labelled negatives, always in the sample
    rng = np.random.default_rng(0)
    neg = np.flatnonzero(~labels & ~rejected)
    rows = np.concatenate([np.flatnonzero(labels), np.flatnonzero(rejected),
                           rng.choice(neg, min(len(neg), 100_000), replace=False)])
    weights = np.where(rejected[rows], REJECTED_WEIGHT, 1.0)
    x = table.x[:, [POOL_NAMES.index(n) for n in PORTABLE_POOL]]
    model = fit_matrix(x[rows], labels[rows], PORTABLE_POOL, label, weights)
    return model, int(labels.sum()), len(labels), int(rejected.sum())


def main() -> None:
    from termkit.compile import load_compiled
    from termkit.discover.learn import MODEL_PATH, Model
    from termkit.lexicon import bundled_lexicon_path

    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--slice", default="development", choices=("development", "development_small"))
    args = ap.parse_args()
    files = getattr(discover_slices, args.slice)()
    matcher = load_compiled(bundled_lexicon_path()).matcher
    t = time.perf_counter()
    label = f"{args.slice} slice of the shared corpus ({len(files)} files), bundled lexicon ({len(matcher.entries)})"
    model, pos, n, rej = train(files, matcher, label)
    print(f"rank: trained on {n} strings ({pos} lexicon terms, {rej} rejected by curators) "
          f"in {time.perf_counter() - t:.0f} s")
    pool, pool_pos, pool_n, pool_rej = train_pool(files, matcher, label)
    print(f"pool: trained on {pool_n} n-grams ({pool_pos} lexicon terms, {pool_rej} rejected by curators) "
          f"in {time.perf_counter() - t:.0f} s")
    Model.save_all(args.out, rank=model, pool=pool)
    print(f"-> {args.out}")
    for part, m in (("rank", model), ("pool", pool)):
        print(f"{part}:")
        for name, w in sorted(zip(m.names, m.coef), key=lambda x: -abs(x[1])):
            print(f"  {name:<18}{w:+.2f}")


if __name__ == "__main__":
    main()
