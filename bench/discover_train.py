"""Train the models that ship with termkit (src/termkit/discover/model.json): ``rank`` (the candidates'
ranking) and ``pool`` (the first pass's classifier of every n-gram, used when the input holds too few
known terms to learn its own).

Distant supervision: the bundled lexicon's terms found in the development slice are the positives, the
first pass's other candidates (for ``pool``: every other n-gram seen 3 times) the negatives
(bench/discover_protocol.md names the slice; the held-out slice is never read here). Prints the training
sets' sizes and each feature's weight.

    python bench/discover_train.py [--out PATH] [--slice development|development_small]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices


def train(files: list[Path], matcher, label: str):
    """A model fitted on ``files`` with ``matcher``'s entries as positives."""
    from termkit.corpus import read_documents
    from termkit.discover.learn import fit_portable, training_rows

    paths = [str(p) for p in files]
    rows, labels, _ = training_rows(lambda: read_documents(paths), matcher)
    return fit_portable(rows, labels, label), sum(labels), len(labels)


def train_pool(files: list[Path], matcher, label: str):
    """The shipped n-gram classifier: size-independent pool features, a logistic regression."""
    import numpy as np

    from termkit.compile import compile_lexicon
    from termkit.corpus import read_documents
    from termkit.discover import DiscoverOptions, adapt, collect, known_keys
    from termkit.discover.background import Background
    from termkit.discover.learn import fit_matrix
    from termkit.discover.pool import POOL_NAMES, PORTABLE_POOL, pool_features
    from termkit.lexicon import Lexicon

    blank = compile_lexicon(Lexicon(()), matcher.table)
    evidence = collect(read_documents([str(p) for p in files]), blank)
    options = adapt(DiscoverOptions(), evidence.stats.chars)[0]
    quoted = {k: e.quoted for k, e in evidence.tally.seen.items() if e.quoted}
    table = pool_features(evidence.stats, Background.load(), options.min_count, quoted)
    labels = table.labels(known_keys(matcher))
    rng = np.random.default_rng(0)
    neg = np.flatnonzero(~labels)
    rows = np.concatenate([np.flatnonzero(labels), rng.choice(neg, min(len(neg), 100_000), replace=False)])
    x = table.x[:, [POOL_NAMES.index(n) for n in PORTABLE_POOL]]
    return fit_matrix(x[rows], labels[rows], PORTABLE_POOL, label), int(labels.sum()), len(labels)


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
    model, pos, n = train(files, matcher, label)
    print(f"rank: trained on {n} strings ({pos} lexicon terms) in {time.perf_counter() - t:.0f} s")
    pool, pool_pos, pool_n = train_pool(files, matcher, label)
    print(f"pool: trained on {pool_n} n-grams ({pool_pos} lexicon terms) in {time.perf_counter() - t:.0f} s")
    Model.save_all(args.out, rank=model, pool=pool)
    print(f"-> {args.out}")
    for part, m in (("rank", model), ("pool", pool)):
        print(f"{part}:")
        for name, w in sorted(zip(m.names, m.coef), key=lambda x: -abs(x[1])):
            print(f"  {name:<18}{w:+.2f}")


if __name__ == "__main__":
    main()
