"""Build the rejected-candidates list shipped with termkit (src/termkit/discover/rejected.tsv) from the
curators' corpus triage (eval/corpus-triage.tsv).

The rule (honesty): the triage was made on the whole test corpus, held-out text included, so a rejection
may rest on evidence the development slice does not hold. A ``reject`` row is shipped only when it is a
triage candidate *on the development slice alone* (bench/discover_slices.py ``development()``, less
``encodings/``, which the triage skips as a second copy of two other files), by the triage's own
thresholds (termkit.triage, docs/corpus-triage.md): quoted (between “ ” or 「 」) at least
``QUOTED_MIN`` = 8 times there, or of numbered shape (termkit.triage.numbered_spans) at least
``NUMBERED_MIN`` = 5 times there (termkit.triage.candidates on the slice's counts). Every other rejected row
is left out, so neither ``discover`` on held-out text nor the model trained on the development slice
(bench/discover_train.py) gains from a judgement that needed held-out text. ``entry`` rows are never
shipped (they are terms).

    python bench/build_rejected.py            # writes src/termkit/discover/rejected.tsv, prints a summary
    python bench/build_rejected.py --check    # exit 1 when the shipped file differs from a fresh build
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices

ROOT = Path(__file__).resolve().parent.parent
TRIAGE = ROOT / "eval" / "corpus-triage.tsv"


def development_files() -> list[str]:
    """The development slice as the triage counts a corpus (no ``encodings/``)."""
    return [str(p) for p in discover_slices.development() if "encodings" not in p.parts]


def dev_counts(files: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Quoted counts and numbered counts of every string on ``files``, as the triage makes them."""
    from termkit.compile import compile_lexicon
    from termkit.corpus import read_documents
    from termkit.lexicon import Lexicon
    from termkit.triage import numbered_counts, quoted_counts

    matcher = compile_lexicon(Lexicon(()))
    return quoted_counts(read_documents(files), matcher), numbered_counts(read_documents(files), matcher)


def build(rows, quoted: dict[str, int], numbered: dict[str, int]):
    """The rejections kept by the rule, in the triage's order, and how many were left out.

    >>> from termkit.triage import TriageRow
    >>> rows = [TriageRow("北溪", 286, "quoted", "reject", "name"), TriageRow("五一", 9, "quoted", "reject", "event"),
    ...         TriageRow("两国合作", 177, "numbered", "reject", "ordinary phrase"),
    ...         TriageRow("两新", 148, "quoted", "entry", "in staging")]
    >>> kept, left = build(rows, {"北溪": 8, "五一": 7}, {"两国合作": 5, "五一": 4})
    >>> [r.candidate for r in kept], left
    (['北溪', '两国合作'], 1)
    """
    from termkit.discover.rejected import Rejection
    from termkit.triage import candidates

    on_slice = {c.candidate for c in candidates(quoted, numbered)}  # the triage's thresholds, on these counts
    kept, left = [], 0
    for r in rows:
        if r.decision != "reject":
            continue
        if r.candidate in on_slice:
            kept.append(Rejection(r.candidate, r.reason))
        else:
            left += 1
    return kept, left


def main() -> int:
    from termkit.compile import compile_lexicon
    from termkit.discover.rejected import BUNDLED_PATH, format_rejected
    from termkit.lexicon import Lexicon
    from termkit.triage import read_triage

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    args = ap.parse_args()
    fold = compile_lexicon(Lexicon(())).fold
    rows = read_triage(TRIAGE, lambda s: fold(s).text)
    files = development_files()
    quoted, numbered = dev_counts(files)
    kept, left = build(rows, quoted, numbered)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    comment = (f"Rejected candidates shipped with termkit: built by bench/build_rejected.py (code {commit}) from\n"
               f"eval/corpus-triage.tsv. Only rejections that are triage candidates on the development slice alone\n"
               f"({len(files)} files; quoted >= 8 or numbered >= 5 there) are kept: {len(kept)} kept, {left} left out.")
    text = format_rejected(kept, comment)
    if args.check:
        body = BUNDLED_PATH.read_text(encoding="utf-8") if BUNDLED_PATH.exists() else ""
        strip = lambda t: [line for line in t.splitlines() if not line.startswith("#")]  # noqa: E731
        same = strip(body) == strip(text)
        print("the shipped list is current" if same else "the shipped list differs from a fresh build",
              file=sys.stderr)
        return 0 if same else 1
    from termkit.atomic import write_atomic

    write_atomic(BUNDLED_PATH, text)
    print(f"{len(kept)} rejections kept, {left} left out (evidence outside the development slice) -> {BUNDLED_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
