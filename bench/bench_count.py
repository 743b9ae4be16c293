"""Benchmark of ``termkit count`` against its peers, measured in one run on the same text.

    python bench/bench_count.py [--corpus DIR] [--min-mb 200] [--repeats 3] [--peer-mb 8] [--jobs 1,2]
                                [--mem-mb 50,500]

Prints a Markdown table: throughput in MB/s of UTF-8 input (median of ``--repeats`` runs) and
the ratio to the raw pyahocorasick scan, for

- termkit count, end to end in-process (read + decode + fold + match + tally) at each ``--jobs``
  (a process pool above 1, as ``termkit count --jobs N``), and via the CLI;
- the raw automaton scan of the already-decoded text, with the lexicon's canonical forms as
  keys (no folding: it misses traditional, quoted and annotated forms) — the speed ceiling;
- flashtext and a regex alternation over the same keys (pure-Python peers; run on the first
  ``--peer-mb`` MB because they are slow, which the table says);
- jieba with the lexicon as a user dictionary (segmentation, then a dictionary look-up).

Then peak memory of ``termkit count`` at each ``--mem-mb`` size and job count: the largest RSS of
one process, and the largest sum over the process and its pool workers (sampled with psutil every
50 ms, because getrusage(RUSAGE_CHILDREN) only gives the largest single descendant, not the sum);
and start-up times. Uses ../shared/corpus when present, else the seeds repeated to --min-mb.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from termkit.compile import load_compiled
from termkit.corpus import iter_files, read_documents
from termkit.lexicon import bundled_lexicon_path
from termkit.parallel import match_documents
from termkit.stats import count


def corpus_files(corpus: Path | None, min_mb: float) -> tuple[list[str], str]:
    shared = ROOT.parent / "shared" / "corpus"
    base = corpus or (shared if shared.is_dir() else ROOT / "seeds")
    files = [str(f) for f in iter_files(base) if f.suffix == ".txt"]
    size = sum(os.path.getsize(f) for f in files)
    times = max(1, int(-(-min_mb * 1e6 // size)))
    return files * times, f"{base} ({len(files)} files, {size / 1e6:.1f} MB) x{times}"


def sized(files: list[str], mb: float) -> list[str]:
    """The files, repeated in order, until they hold at least ``mb`` MB."""
    out: list[str] = []
    total = 0
    while total < mb * 1e6:
        f = files[len(out) % len(files)]
        out.append(f)
        total += os.path.getsize(f)
    return out


def timed(fn, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def peak_memory_mb(cmd: list[str]) -> tuple[float, float, float]:
    """Run a command; return (seconds, peak RSS of the largest process, peak summed RSS of the
    process and all its descendants) in MB. The sum is sampled every 50 ms."""
    import psutil

    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ps = psutil.Process(proc.pid)
    peak_one = peak_sum = 0
    while proc.poll() is None:
        rss = []
        for p in [ps, *ps.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):  # a worker that just ended
                rss.append(p.memory_info().rss)
        peak_one, peak_sum = max(peak_one, *rss, 0), max(peak_sum, sum(rss))
        time.sleep(0.05)
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return seconds, peak_one / 2**20, peak_sum / 2**20


def max_rss_mb(cmd: list[str]) -> tuple[float, float]:
    """Run a command; return (seconds, peak RSS in MB) of that process alone."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return time.perf_counter() - t, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--min-mb", type=float, default=200)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--peer-mb", type=float, default=8)
    ap.add_argument("--jobs", default="1,2", help="job counts to compare, e.g. 1,2")
    ap.add_argument("--mem-mb", default="50,500", help="input sizes for the peak-memory runs")
    ap.add_argument("--long-line-mb", type=float, default=100,
                    help="size of the one-line document for the long-document memory run (0: skip)")
    args = ap.parse_args()

    files, described = corpus_files(args.corpus, args.min_mb)
    unique = list(dict.fromkeys(files))
    texts = {f: Path(f).read_text(encoding="utf-8", errors="replace") for f in unique}
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    compiled = load_compiled(bundled_lexicon_path())
    keys = sorted({s for e in compiled.lexicon.entries for s in e.surfaces}, key=len, reverse=True)
    print(f"corpus: {described} = {mb:.1f} MB; lexicon: {len(compiled.lexicon)} entries, {len(keys)} keys; "
          f"python {sys.version.split()[0]}, {os.cpu_count()} cores\n")

    rows: list[tuple[str, float, str]] = []
    job_counts = [int(j) for j in args.jobs.split(",")]
    for jobs in job_counts:
        def run_termkit(jobs: int = jobs) -> None:
            count(match_documents(read_documents(files), compiled.matcher, jobs=jobs))

        rows.append((f"termkit count --jobs {jobs} (in-process, read+decode+fold+match+tally)",
                     mb / timed(run_termkit, args.repeats), "full corpus"))

    import ahocorasick

    raw = ahocorasick.Automaton()
    for k in keys:
        raw.add_word(k, len(k))
    raw.make_automaton()

    def run_raw() -> None:
        for f in files:
            for _ in raw.iter(texts[f]):
                pass

    raw_speed = mb / timed(run_raw, args.repeats)
    rows.append(("raw pyahocorasick scan of decoded text (no folding)", raw_speed, "full corpus"))

    def run_raw_read() -> None:
        for f in files:
            for _ in raw.iter(Path(f).read_bytes().decode("utf-8", "replace")):
                pass

    rows.append(("raw pyahocorasick scan incl. read+decode", mb / timed(run_raw_read, args.repeats), "full corpus"))

    peer_files, peer_bytes = [], 0
    for f in unique:
        if peer_bytes >= args.peer_mb * 1e6:
            break
        peer_files.append(f)
        peer_bytes += os.path.getsize(f)
    peer_mb = peer_bytes / 1e6
    note = f"first {peer_mb:.1f} MB"

    try:
        from flashtext import KeywordProcessor

        kp = KeywordProcessor()
        kp.non_word_boundaries = set()  # Chinese has no word boundaries; match anywhere
        for k in keys:
            kp.add_keyword(k)
        rows.append(("flashtext extract_keywords", peer_mb / timed(
            lambda: [kp.extract_keywords(texts[f]) for f in peer_files], 1), note))
    except ImportError:
        rows.append(("flashtext (not installed: pip install '.[bench]')", float("nan"), ""))

    rx = re.compile("|".join(map(re.escape, keys)))
    rows.append(("regex alternation (re.finditer)", peer_mb / timed(
        lambda: [list(rx.finditer(texts[f])) for f in peer_files], 1), note))

    import jieba

    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    tok.initialize()
    for k in keys:
        tok.add_word(k, freq=10**6)
    keyset = set(keys)
    rows.append(("jieba with lexicon as user dictionary", peer_mb / timed(
        lambda: [sum(1 for w in tok.cut(texts[f], HMM=False) if w in keyset) for f in peer_files], 1), note))

    print("| method | MB/s | ratio to raw scan | text |")
    print("|---|---:|---:|---|")
    for name, speed, what in rows:
        print(f"| {name} | {speed:.1f} | {speed / raw_speed:.2f} | {what} |")

    termkit = [sys.executable, "-m", "termkit"]
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.txt"
        small.write_text(texts[unique[0]][:2000], encoding="utf-8")
        base = [max_rss_mb([sys.executable, "-c", "pass"])[0] for _ in range(5)]
        helps = [max_rss_mb([*termkit, "--help"])[0] for _ in range(5)]
        tags = [max_rss_mb([*termkit, "tag", str(small)])[0] for _ in range(5)]
    speeds = {name: speed for name, speed, _ in rows}
    one = next(v for k, v in speeds.items() if k.startswith("termkit count --jobs 1 "))
    for jobs in job_counts[1:]:
        n = next(v for k, v in speeds.items() if k.startswith(f"termkit count --jobs {jobs} "))
        print(f"\nspeed-up of --jobs {jobs} over --jobs 1 (in-process): {n / one:.2f}x")

    print("\n| termkit count via CLI | input | jobs | MB/s incl. start-up | peak RSS, largest process | "
          "peak RSS, process + workers |\n|---|---:|---:|---:|---:|---:|")
    peaks: dict[int, list[float]] = {}
    for size in (float(x) for x in args.mem_mb.split(",")):
        subset = sized(unique, size)
        sub_mb = sum(os.path.getsize(f) for f in subset) / 1e6
        for jobs in job_counts:
            secs, one_rss, sum_rss = peak_memory_mb([*termkit, "count", *subset, "--format", "csv",
                                                     "--jobs", str(jobs)])
            peaks.setdefault(jobs, []).append(sum_rss)
            print(f"| count | {sub_mb:.0f} MB | {jobs} | {sub_mb / secs:.1f} | {one_rss:.0f} MB | {sum_rss:.0f} MB |")
    for jobs, sums in peaks.items():
        print(f"\npeak memory (process + workers), --jobs {jobs}, largest input / smallest: "
              f"{sums[-1] / sums[0]:.2f}")

    if args.long_line_mb > 0:
        print("\n| one document on one line | input | jobs | seconds | peak RSS, process + workers | "
              "peak / input |\n|---|---:|---:|---:|---:|---:|")
        with tempfile.TemporaryDirectory() as tmp:
            line = Path(tmp) / "one-line.txt"
            with line.open("w", encoding="utf-8") as fh:
                written = 0
                while written < args.long_line_mb * 1e6:
                    for f in unique:
                        chunk = texts[f].replace("\r", "").replace("\n", "")
                        fh.write(chunk)
                        written += len(chunk.encode("utf-8"))
                        if written >= args.long_line_mb * 1e6:
                            break
            line_mb = line.stat().st_size / 1e6
            for jobs in job_counts:
                secs, _, sum_rss = peak_memory_mb([*termkit, "count", str(line), "--format", "csv",
                                                   "--jobs", str(jobs)])
                print(f"| count | {line_mb:.0f} MB | {jobs} | {secs:.1f} | {sum_rss:.0f} MB | "
                      f"{sum_rss / line_mb:.2f} |")

    print("\n| start-up | seconds |\n|---|---:|")
    print(f"| python -c pass (interpreter start-up, median of 5) | {statistics.median(base):.3f} |")
    print(f"| termkit --help (median of 5) | {statistics.median(helps):.3f} |")
    print(f"| termkit tag on a 2,000-character file (median of 5, cached matcher, default --jobs) | "
          f"{statistics.median(tags):.3f} |")


if __name__ == "__main__":
    main()
