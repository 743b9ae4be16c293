"""Time and peak memory of ``termkit discover`` on the shared corpus (one run per setting).

Runs the real command in a child process (so start-up, jieba and the matcher cache count) and
reads that child's own peak RSS from ``os.wait4``. Targets: the whole corpus in under 120 s with a
peak under 2 GB on the 2-core machine.

``--scaling`` then runs the empty-lexicon setting on a quarter, a half, all of the corpus (every
k-th file, so each part mixes its kinds of text) and the corpus read three times over, to show
that peak memory levels off instead of growing with the input (n-grams are pruned as they come).

    python bench/bench_discover.py [CORPUS] [--empty-only] [--scaling]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LIMIT_S, LIMIT_MB = 120.0, 2048.0


def run(paths: list[str], lexicon: str | None) -> tuple[float, float, int]:
    cmd = [sys.executable, "-m", "termkit", "discover", *paths, "-f", "jsonl", "-n", "100"]
    if lexicon:
        cmd += ["--lexicon", lexicon]
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, KiB on Linux
        wall = time.perf_counter() - t
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}")
        out.seek(0)
        rows = len(out.read().splitlines())
    return wall, usage.ru_maxrss / 1024, rows


def scaling(corpus: Path, empty: str, tmp: Path) -> None:
    files = sorted(corpus.rglob("*.txt"))
    print("\nscaling (empty lexicon)")
    print(f"{'input':<22}{'M chars':>9}{'wall s':>9}{'peak MB':>10}")
    peaks = []
    for share in (4, 2, 1):
        part = files[::share]
        folder = tmp / f"part{share}"
        folder.mkdir()
        for i, f in enumerate(part):
            (folder / f"{i:04d}-{f.name}").symlink_to(f)
        chars = sum(len(f.read_bytes().decode("utf-8", "replace")) for f in part)
        wall, peak, _ = run([str(folder)], empty)
        peaks.append(peak)
        print(f"{f'1/{share} of the corpus':<22}{chars / 1e6:>9.1f}{wall:>9.1f}{peak:>10.0f}")
    chars = 3 * sum(len(f.read_bytes().decode("utf-8", "replace")) for f in files)
    wall, peak, _ = run([str(corpus)] * 3, empty)
    print(f"{'the corpus 3 times':<22}{chars / 1e6:>9.1f}{wall:>9.1f}{peak:>10.0f}")
    print(f"peak ratios to the quarter: half {peaks[1] / peaks[0]:.2f}, whole {peaks[2] / peaks[0]:.2f}, "
          f"3x {peak / peaks[0]:.2f}")
    table_trace(files)


def table_trace(files: list[Path]) -> None:
    """The n-gram table's size after each bucket of the first pass (in this process): the part of
    discover's memory that could grow with the corpus."""
    import resource

    from termkit.compile import compile_lexicon
    from termkit.corpus import read_documents
    from termkit.discover.ngrams import NgramCounter
    from termkit.discover.view import make_view
    from termkit.lexicon import Lexicon

    matcher = compile_lexicon(Lexicon(()))
    counter = NgramCounter()
    flush = counter._flush
    print("\nfirst-pass n-gram table after each bucket (empty lexicon, whole corpus)")
    print(f"{'bucket':>6}{'M chars':>9}{'entries':>12}{'table MB':>10}{'peak RSS MB':>13}")

    def traced() -> None:
        flush()
        entries = sum(len(t.keys) for t in counter.tables)
        size = sum(a.nbytes for t in counter.tables for a in vars(t).values()) / 2**20
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{counter.bucket:>6}{counter.chars / 1e6:>9.1f}{entries:>12,}{size:>10.0f}{rss:>13.0f}")

    counter._flush = traced
    for doc in read_documents([str(f) for f in files]):
        counter.add(make_view(doc.text, matcher).han)
    counter.finish()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    corpus = Path(args[0]) if args else CORPUS
    chars = sum(len(p.read_bytes().decode("utf-8", "replace")) for p in corpus.rglob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.yaml"
        empty.write_text("terms: []\n", encoding="utf-8")
        settings = [("empty lexicon", str(empty))]
        if "--empty-only" not in sys.argv:
            settings.insert(0, ("bundled lexicon", None))
        print(f"corpus: {corpus} ({chars / 1e6:.1f} M characters)")
        print(f"{'setting':<18}{'wall s':>9}{'peak MB':>10}{'M chars/s':>11}{'rows':>6}  within limits")
        for name, lex in settings:
            wall, peak, rows = run([str(corpus)], lex)
            ok = wall < LIMIT_S and peak < LIMIT_MB
            print(f"{name:<18}{wall:>9.1f}{peak:>10.0f}{chars / 1e6 / wall:>11.2f}{rows:>6}  "
                  f"{'yes' if ok else 'NO'} (limits {LIMIT_S:.0f} s, {LIMIT_MB:.0f} MB)")
        if "--scaling" in sys.argv:
            scaling(corpus, str(empty), Path(tmp))


if __name__ == "__main__":
    main()
