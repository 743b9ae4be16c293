"""``--jobs 2`` against ``--jobs 1``: the command end to end, its serial part, and the bound that part sets.

    python bench/bench_jobs.py [--corpus DIR] [--copies N] [--runs 9] [--trees LABEL=SRC,...] [--in-process]

For each source tree (default: this repository's ``src``), in alternating runs (jobs 1, jobs 2, the next
tree, … then again, ``--runs`` times), so that a change in the machine's load hits every variant alike:

1. ``termkit count CORPUS --format csv --jobs 1`` and ``--jobs 2`` as commands, end to end (start-up,
   imports, loading the cached matcher, the pool, the output): median wall and CPU seconds (the command
   and its workers, which it waits for), and the ratio of the medians;
2. the serial part, measured: the same command on a file of the corpus's first 100,000 characters
   (``--jobs 1``: interpreter, imports, the cached lexicon and matcher loaded, NumPy and the compiled scan
   loaded as for any text longer than 64K characters, the output written; the counting itself is a
   quarter of a percent of the corpus's), on an empty folder (all that but NumPy and the scan) and on
   ``seeds/`` (small texts: the plain path);
3. Amdahl's bound for two processes from those: with ``S`` the small file's wall time and ``T1`` the
   corpus's with ``--jobs 1``, ``--jobs 2`` can at best take ``S + (T1 - S) / 2``; the bound is
   ``T1 / (S + (T1 - S) / 2)``. The pool's own cost (forking, workers starting and exiting) and the
   parent's share of the work while the workers count come on top of ``S``;
4. with ``--in-process``, the library call the command makes, ``open_corpus([CORPUS]).count(matcher, jobs)``
   on the same input as the command (every file it reads, ``encodings/`` included), its matcher loaded and
   warmed by one count first, in a child process per tree and round: no start-up, the pool and the
   counting only.

``--copies N`` measures the corpus's files copied N times into a temporary folder (removed after), for a
run long enough that start-up is a small part of it (the speed issue's table measured the corpus and the
same ×5).

The load average (1, 5, 15 minutes) is printed before and after: the figure the issue asks for is for a
machine with nothing else running. Commands run with bytecode caching on (into a temporary folder), as an
installed termkit has it, and with a private matcher cache, filled by a warm-up run of each command.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

IN_PROCESS = """
import json, resource, sys, time
from pathlib import Path
from termkit.compile import load_compiled
from termkit.lexicon import bundled_lexicon_path
from termkit.pipeline import open_corpus

def cpu():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

paths = [sys.argv[1]]  # what the command is given: the same files are read, encodings/ included
matcher = load_compiled(bundled_lexicon_path()).matcher
open_corpus(paths).count(matcher)  # warm: every automaton built and imports done, in both measurements
out = {}
for jobs in (1, 2):
    w, c = time.perf_counter(), cpu()
    open_corpus(paths).count(matcher, jobs=jobs)
    out[jobs] = (time.perf_counter() - w, cpu() - c)
print(json.dumps(out))
"""


def cpu_now() -> float:
    """CPU seconds of this process's waited-for children (the commands and their workers)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    w, c = time.perf_counter(), cpu_now()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - w, cpu_now() - c


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def median(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in pairs), statistics.median(c for _, c in pairs)


def _first_characters(corpus: Path, n: int) -> str:
    """The first ``n`` characters of the corpus's largest UTF-8 text file (of the seeds' without it)."""
    base = corpus if corpus.is_dir() else ROOT / "seeds"
    files = [f for f in base.rglob("*.txt") if "encodings" not in f.parts]
    return max(files, key=lambda f: f.stat().st_size).read_text(encoding="utf-8")[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--copies", type=int, default=1, metavar="N",
                    help="the corpus's files copied N times into a temporary folder (removed after)")
    ap.add_argument("--runs", type=int, default=9, help="alternating runs of each command (medians)")
    ap.add_argument("--trees", default="", metavar="LABEL=SRC,...",
                    help="source trees side by side (e.g. before=/tmp/old/src,after=src); default: this one")
    ap.add_argument("--in-process", action="store_true", help="also the library call alone (no start-up)")
    args = ap.parse_args()
    trees = dict(t.split("=", 1) for t in args.trees.split(",") if t) or {"termkit": str(ROOT / "src")}
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        sys.exit(f"error: {corpus}: no such folder (--corpus DIR)")

    with tempfile.TemporaryDirectory() as tmp:
        if args.copies > 1:
            for i in range(1, args.copies + 1):
                shutil.copytree(corpus, Path(tmp) / "copies" / f"c{i}")
            corpus = Path(tmp) / "copies"
        env = dict(os.environ, PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"),
                   TERMKIT_CACHE_DIR=str(Path(tmp) / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled
        empty = Path(tmp) / "empty"
        empty.mkdir()
        small = Path(tmp) / "small.txt"
        small.write_text(_first_characters(corpus, 100_000), encoding="utf-8")
        commands: dict[str, tuple[list[str], dict[str, str]]] = {}
        for label, src in trees.items():
            tree_env = dict(env, PYTHONPATH=str(Path(src).resolve()))
            count = [sys.executable, "-m", "termkit", "count", "--format", "csv"]
            for name, target, jobs in (("corpus, --jobs 1", corpus, 1), ("corpus, --jobs 2", corpus, 2),
                                       ("100,000 characters", small, 1), ("empty folder", empty, 1),
                                       ("seeds/", ROOT / "seeds", 1)):
                commands[f"{label}: {name}"] = ([*count, str(target), "--jobs", str(jobs)], tree_env)
        for cmd, cmd_env in commands.values():  # warm: bytecode written, matcher and automata cached
            timed(cmd, cmd_env)
        copies = f"{args.corpus.resolve()} ×{args.copies} = " if args.copies > 1 else ""
        print(f"corpus: {copies}{corpus} ({sum(1 for _ in corpus.rglob('*') if _.is_file())} files, "
              f"{sum(f.stat().st_size for f in corpus.rglob('*') if f.is_file()) / 1e6:.1f} MB); python "
              f"{sys.version.split()[0]}, {os.cpu_count()} cores; load average before: {load()}")
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        inproc: dict[str, dict[int, list[tuple[float, float]]]] = {label: {1: [], 2: []} for label in trees}
        for _ in range(args.runs):
            for name, (cmd, cmd_env) in commands.items():
                results[name].append(timed(cmd, cmd_env))
            if args.in_process:
                for label, src in trees.items():
                    out = subprocess.run([sys.executable, "-c", IN_PROCESS, str(corpus)], capture_output=True,
                                         text=True, check=True, env=dict(env, PYTHONPATH=str(Path(src).resolve())))
                    for jobs, pair in json.loads(out.stdout).items():
                        inproc[label][int(jobs)].append(tuple(pair))
        after = load()

    print(f"\n| command (median of {args.runs}, alternating) | wall s | CPU s |\n|---|---:|---:|")
    for name, pairs in results.items():
        w, c = median(pairs)
        print(f"| `termkit count {name.split(': ', 1)[1]}` [{name.split(':')[0]}] | {w:.3f} | {c:.3f} |")
    print("\n| tree | jobs 2 / jobs 1, wall (ratio of medians) | each run's ratio (min–max) | CPU ratio | serial "
          "part S (100,000 characters) | S / T1 | Amdahl bound for 2 processes, wall (CPU) |\n"
          "|---|---:|---:|---:|---:|---:|---:|")
    for label in trees:
        one, two = results[f"{label}: corpus, --jobs 1"], results[f"{label}: corpus, --jobs 2"]
        (t1, c1), (t2, c2) = median(one), median(two)
        s, cs = median(results[f"{label}: 100,000 characters"])
        ratios = [a[0] / b[0] for a, b in zip(one, two)]
        print(f"| {label} | {t1 / t2:.2f}× | {min(ratios):.2f}–{max(ratios):.2f} | {c1 / c2:.2f} | {s:.3f} s | "
              f"{s / t1:.2f} | {t1 / (s + (t1 - s) / 2):.2f}× ({c1 / (cs + (c1 - cs) / 2):.2f}×) |")
    if args.in_process:
        print("\n| tree | in-process, jobs 1: wall s | CPU s | jobs 2: wall s | CPU s | jobs 2 / jobs 1, wall | "
              "each round's ratio (min–max) |\n|---|---:|---:|---:|---:|---:|---:|")
        for label, by_jobs in inproc.items():
            (w1, c1), (w2, c2) = median(by_jobs[1]), median(by_jobs[2])
            ratios = [a[0] / b[0] for a, b in zip(by_jobs[1], by_jobs[2])]
            print(f"| {label} | {w1:.3f} | {c1:.3f} | {w2:.3f} | {c2:.3f} | {w1 / w2:.2f}× | "
                  f"{min(ratios):.2f}–{max(ratios):.2f} |")
    print(f"\nload average after: {after} (before: see above; 1, 5 and 15 minutes)")


if __name__ == "__main__":
    main()
