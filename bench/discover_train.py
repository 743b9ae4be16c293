"""Train the ranking model that ships with termkit (src/termkit/discover/model.json).

Distant supervision: the bundled lexicon's terms found in the development slice are the positives, the
first pass's other candidates the negatives (bench/discover_protocol.md names the slice; the held-out
slice is never read here). Prints the training set's size and each feature's weight.

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


def main() -> None:
    from termkit.compile import load_compiled
    from termkit.discover.learn import MODEL_PATH
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
    model.save(args.out)
    print(f"trained on {n} strings ({pos} lexicon terms) in {time.perf_counter() - t:.0f} s -> {args.out}")
    for name, w in sorted(zip(model.names, model.coef), key=lambda x: -abs(x[1])):
        print(f"  {name:<18}{w:+.2f}")


if __name__ == "__main__":
    main()
