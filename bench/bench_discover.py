"""Time and peak memory of ``termkit discover`` on the shared corpus (one run per setting).

Runs the real command in a child process (so start-up, jieba and the matcher cache count) and
reads the child's peak RSS from ``resource.getrusage(RUSAGE_CHILDREN)``. Targets: the whole
corpus in under 120 s with a peak under 2 GB on the 2-core machine.

    python bench/bench_discover.py [CORPUS] [--empty-only]
"""

from __future__ import annotations

import resource
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
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux; max over children so far
    return wall, max(peak, before) / 1024, len(out.splitlines())


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


if __name__ == "__main__":
    main()
