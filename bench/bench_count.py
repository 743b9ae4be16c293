"""Benchmark of ``termkit count`` beside its peers, measured in one run on the same text.

    python bench/bench_count.py [--corpus DIR] [--repeats 3] [--jobs 1,2] [--big-mb 200] [--startup 10]
                                [--python-peers]

Prints Markdown tables (see bench/speed_protocol.md for which data is for what):

1. throughput on the corpus text: termkit end to end in-process (read, decode, fold, match, tally) at
   each ``--jobs``; the read+decode ceiling; termkit's fold alone; raw pyahocorasick, ahocorasick_rs
   (leftmost-longest DFA over UTF-8 bytes) and hyperscan (literals, all overlaps) over the unfolded
   text; ripgrep and GNU grep ``-oFf keys | sort | uniq -c``; with ``--python-peers`` also flashtext and a
   regex alternation on the first 8 MB. Wall and CPU time (this process and its children, so a pool's
   workers and a shell pipeline count), medians of ``--repeats``, ratios to ``termkit --jobs 1``;
2. the differential check: matches of the fast engine and of the reference (pyahocorasick) engine
   on every document of the corpus;
3. one big file, one document (``--big-mb`` of the corpus's text; and of its simplified news alone,
   which is all in the BMP, so Python holds it in 2 bytes a character instead of 4): wall, CPU, and
   the peaks of the largest process's RSS and of the summed PSS of the command and its workers
   (psutil, every 50 ms), per ``--jobs``;
4. start-up: ``python -c pass``, ``termkit --help``, ``termkit tag`` on a 2,000-character file and one
   command of each other kind, median of ``--startup`` runs each, with the imports that cost most
   (``-X importtime``) and which heavy libraries ``tag`` loads; ``--startup-only`` measures this alone,
   ``--startup-trees before=OLD/src,after=src`` two source trees side by side in one run;

with the load average before and after. The peers use the lexicon's surface forms unfolded as keys.
``bench/bench_jobs.py`` measures ``--jobs 2`` against ``--jobs 1`` alone: the command end to end in
alternating runs, its serial part and the bound that part sets.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from termkit.compile import load_compiled
from termkit.corpus import iter_files, read_documents
from termkit.lexicon import bundled_lexicon_path
from termkit.pipeline import open_corpus

Row = tuple[str, str, float, float]  # method, what it does not do, wall s, cpu s


def cpu_now() -> float:
    """CPU seconds of this process and of its waited-for children (pool workers, pipelines)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure(fn: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``fn``."""
    walls, cpus = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), cpu_now()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(cpu_now() - c)
    return statistics.median(walls), statistics.median(cpus)


def sh(cmd: str) -> None:
    subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def peak_memory(cmd: list[str]) -> tuple[float, float, float, float]:
    """Run a command; (wall s, CPU s, peak RSS of its largest process, peak summed PSS of it and its
    descendants), in MB, sampled every 50 ms. PSS shares a page among the processes that map it, so
    forked workers are not charged again for the parent's pages they only read."""
    import psutil

    w, c = time.perf_counter(), cpu_now()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ps = psutil.Process(proc.pid)
    largest = total = 0
    while proc.poll() is None:
        pss = 0
        for p in [ps, *ps.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                info = p.memory_full_info()
                pss += info.pss
                largest = max(largest, info.rss)
        total = max(total, pss)
        time.sleep(0.05)
    if proc.returncode:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return time.perf_counter() - w, cpu_now() - c, largest / 2**20, total / 2**20


def throughput(files: list[str], keys: list[str], matcher, args) -> list[Row]:
    rows: list[Row] = []
    open_corpus(files[:3]).count(matcher)  # warm: automata built once, as in a run
    for jobs in [int(j) for j in args.jobs.split(",")]:
        # the library call `termkit count` makes: the pool's workers read the files themselves
        wall, cpu = measure(lambda jobs=jobs: open_corpus(files).count(matcher, jobs=jobs), args.repeats)
        rows.append((f"termkit count --jobs {jobs} (in-process: read, decode, fold, match, tally)", "—", wall, cpu))
    read = lambda: [Path(f).read_bytes().decode("utf-8") for f in files]  # noqa: E731
    rows.append(("read + UTF-8 decode (the ceiling)", "everything but reading", *measure(read, args.repeats)))
    rows.append(("read + decode + termkit's fold()", "matching", *measure(
        lambda: [matcher.fold(Path(f).read_text(encoding="utf-8")) for f in files], args.repeats)))

    import ahocorasick

    raw = ahocorasick.Automaton()
    for k in keys:
        raw.add_word(k, len(k))
    raw.make_automaton()
    rows.append(("pyahocorasick iter over the decoded text", "folding, leftmost-longest", *measure(
        lambda: [sum(1 for _ in raw.iter(Path(f).read_text(encoding="utf-8"))) for f in files], args.repeats)))

    import ahocorasick_rs as rs

    ll = rs.BytesAhoCorasick([k.encode() for k in keys], matchkind=rs.MatchKind.LeftmostLongest,
                             implementation=rs.Implementation.DFA)
    rows.append(("ahocorasick_rs leftmost-longest over UTF-8 bytes (DFA)", "folding", *measure(
        lambda: [len(ll.find_matches_as_indexes(Path(f).read_bytes())) for f in files], args.repeats)))
    rows.append(_hyperscan(files, keys, args.repeats))

    with tempfile.TemporaryDirectory() as tmp:
        keyfile = Path(tmp) / "keys.txt"
        keyfile.write_text("\n".join(keys) + "\n", encoding="utf-8")
        listed = " ".join(f"'{f}'" for f in files)
        for tool in ("rg", "grep"):
            if not shutil.which(tool):
                rows.append((f"{tool} (not installed)", "", float("nan"), float("nan")))
                continue
            opts = "--no-filename -oFf" if tool == "rg" else "-hoFf"
            name = "ripgrep" if tool == "rg" else "GNU grep"
            rows.append((f"{name} -oFf keys … \\| sort \\| uniq -c", "folding, matches across line breaks",
                         *measure(lambda tool=tool, opts=opts: sh(
                             f"LC_ALL=C {tool} {opts} {keyfile} {listed} | LC_ALL=C sort | uniq -c"), args.repeats)))
    if args.python_peers:
        rows.extend(_python_peers(files, keys))
    return rows


def _hyperscan(files: list[str], keys: list[str], repeats: int) -> Row:
    name = "hyperscan literals over UTF-8 bytes, all overlaps"
    try:
        import hyperscan
    except ImportError:
        return (name + " (not installed)", "", float("nan"), float("nan"))
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(expressions=[k.encode() for k in keys], ids=list(range(len(keys))),
               flags=hyperscan.HS_FLAG_SOM_LEFTMOST, literal=True)
    found = [0]

    def on_match(*_: object) -> None:
        found[0] += 1

    return (name, "folding, leftmost-longest", *measure(
        lambda: [db.scan(Path(f).read_bytes(), match_event_handler=on_match) for f in files], repeats))


def _python_peers(files: list[str], keys: list[str]) -> list[Row]:
    """flashtext and a regex alternation on the first 8 MB (slow), scaled to the whole corpus."""
    first, size = [], 0
    for f in files:
        if size > 8e6:
            break
        first.append(f)
        size += os.path.getsize(f)
    scale = sum(os.path.getsize(f) for f in files) / size
    texts = [Path(f).read_text(encoding="utf-8") for f in first]
    rows: list[Row] = []
    with contextlib.suppress(ImportError):
        from flashtext import KeywordProcessor

        kp = KeywordProcessor()
        kp.non_word_boundaries = set()
        for k in keys:
            kp.add_keyword(k)
        w, c = measure(lambda: [kp.extract_keywords(t) for t in texts], 1)
        rows.append(("flashtext (first 8 MB, scaled)", "folding", w * scale, c * scale))
    rx = re.compile("|".join(map(re.escape, keys)))
    w, c = measure(lambda: [list(rx.finditer(t)) for t in texts], 1)
    rows.append(("regex alternation (first 8 MB, scaled)", "folding", w * scale, c * scale))
    return rows


def differential(files: list[str], matcher) -> str:
    """Every document matched by both engines; the matches must be identical."""
    import dataclasses

    from termkit.match import PLAIN_TEXT

    reference = dataclasses.replace(matcher, engine="reference")
    matcher = dataclasses.replace(matcher, _plain=PLAIN_TEXT + 1)  # every text on the array path
    same = total = 0
    times = {"fast": 0.0, "reference": 0.0}
    docs = list(read_documents(files))
    for doc in docs:
        spans = {}
        for name, m in (("fast", matcher), ("reference", reference)):
            c = time.process_time()
            spans[name] = [(x.start, x.end, x.entry.id) for x in m.find(doc.text)]
            times[name] += time.process_time() - c
        same += spans["fast"] == spans["reference"]
        total += len(spans["fast"])
    return (f"differential check: {same} of {len(docs)} documents give identical matches on both engines "
            f"({total} matches); find() CPU: fast {times['fast']:.1f} s, reference {times['reference']:.1f} s "
            f"({times['reference'] / max(times['fast'], 1e-9):.2f}x)")


def big_file(files: list[str], mb: float, jobs: list[int], path: Path, label: str) -> list[str]:
    with path.open("wb") as out:
        while out.tell() < mb * 1e6:
            for f in files:
                out.write(Path(f).read_bytes())
                if out.tell() >= mb * 1e6:
                    break
    size = path.stat().st_size / 1e6
    lines = [f"\n| one file, one document: {label} ({size:.0f} MB) | jobs | wall s | CPU s | MB/s wall | MB/s CPU | "
             "peak RSS, largest process | peak PSS, process + workers | PSS / file size |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for j in jobs:
        wall, cpu, largest, total = peak_memory([sys.executable, "-m", "termkit", "count", str(path), "--format",
                                                 "csv", "--jobs", str(j)])
        lines.append(f"| termkit count | {j} | {wall:.1f} | {cpu:.1f} | {size / wall:.1f} | {size / cpu:.1f} | "
                     f"{largest:.0f} MB | {total:.0f} MB | {total / size:.2f} |")
    path.unlink()
    return lines


STARTUP_COMMANDS = {  # what a person types most, and one command of each kind
    "termkit --help": ["--help"],
    "termkit tag FILE (2,000 characters)": ["tag", "{small}"],
    "termkit tag FILE --format jsonl": ["tag", "{small}", "--format", "jsonl"],
    "termkit count FILE --format csv": ["count", "{small}", "--format", "csv"],
    "termkit show two-upholds": ["show", "two-upholds"],
}
# which of the heavy libraries a small `termkit tag` run imports (run in the child after the command)
LOADED = ("import sys; from termkit.cli import main; sys.argv = ['termkit', 'tag', sys.argv[1]]\n"
          "try:\n    main()\nexcept SystemExit:\n    pass\n"
          "print(' '.join(m for m in ('typer._adapters', 'pydantic', 'numpy', 'rich') if m in sys.modules),"
          " file=sys.stderr)")


def startup(text: str, runs: int, trees: dict[str, str | None]) -> list[str]:
    """Start-up of each command (and ``python -c pass``) in each source tree (label: ``src`` folder put on
    PYTHONPATH, None for the installed termkit), interleaved so a change in the machine's load hits all
    alike; medians of ``runs``."""
    base_env = dict(os.environ)
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled
    with tempfile.TemporaryDirectory() as tmp:
        base_env["PYTHONPYCACHEPREFIX"] = tmp
        small = Path(tmp) / "small.txt"
        small.write_text(text, encoding="utf-8")
        cmds: dict[str, tuple[list[str], dict[str, str]]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], base_env)}
        for label, src in trees.items():
            env = dict(base_env, PYTHONPATH=src) if src else base_env
            for name, args in STARTUP_COMMANDS.items():
                argv = [a.format(small=small) for a in args]
                shown = f"{name} [{label}]" if len(trees) > 1 else name
                cmds[shown] = ([sys.executable, "-m", "termkit", *argv], env)
        for cmd, env in cmds.values():  # warm: bytecode written, matcher cached
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
        for _ in range(runs):
            for name, (cmd, env) in cmds.items():
                w, c = time.perf_counter(), cpu_now()
                subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                results[name].append((time.perf_counter() - w, cpu_now() - c))
        notes = []
        for label, src in trees.items():
            env = dict(base_env, PYTHONPATH=src) if src else base_env
            tag = [sys.executable, "-X", "importtime", "-m", "termkit", "tag", str(small)]
            imports = subprocess.run(tag, env=env, capture_output=True, text=True).stderr
            loaded = subprocess.run([sys.executable, "-c", LOADED, str(small)], env=env, capture_output=True,
                                    text=True).stderr.strip().splitlines()
            notes.append(f"\n{label}: largest imports of `termkit tag` (cumulative ms, -X importtime): "
                         f"{_largest_imports(imports)}; heavy libraries loaded: {loaded[-1] if loaded else 'none'}")
    base_w = statistics.median(w for w, _ in results["python -c pass"])
    base_c = statistics.median(c for _, c in results["python -c pass"])
    lines = [f"\n| start-up (median of {runs}, interleaved) | wall s | over `python -c pass` | CPU s | over |",
             "|---|---:|---:|---:|---:|"]
    for name, rs in results.items():
        w, c = statistics.median(x for x, _ in rs), statistics.median(y for _, y in rs)
        lines.append(f"| {name} | {w:.3f} | {w - base_w:+.3f} | {c:.3f} | {c - base_c:+.3f} |")
    return lines + notes


def _startup_text(corpus: Path) -> str:
    """The first 2,000 characters of the first text file of the corpus (of the seeds without it)."""
    base = corpus if corpus.is_dir() else ROOT / "seeds"
    first = next(f for f in iter_files(base) if f.suffix == ".txt" and "encodings" not in f.parts)
    return Path(first).read_text(encoding="utf-8")[:2000]


def _largest_imports(importtime: str, n: int = 8) -> str:
    top = []
    for line in importtime.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit() and len(parts[2]) - len(parts[2].lstrip()) <= 3:
            top.append((int(parts[1]), parts[2].strip()))
    return ", ".join(f"{name} {us / 1000:.0f}" for us, name in sorted(top, reverse=True)[:n])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--big-mb", type=float, default=200)
    ap.add_argument("--startup", type=int, default=10)
    ap.add_argument("--startup-only", action="store_true", help="measure start-up alone")
    ap.add_argument("--startup-trees", default="", metavar="LABEL=SRC,...",
                    help="start-up of these source trees side by side (e.g. before=/tmp/old/src,after=src)")
    ap.add_argument("--python-peers", action="store_true", help="also flashtext and a regex (slow)")
    args = ap.parse_args()
    trees = dict(t.split("=", 1) for t in args.startup_trees.split(",") if t) or {"termkit": None}
    if args.startup_only:
        load_before = os.getloadavg()
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; load average before: "
              f"{' '.join(f'{x:.2f}' for x in load_before)}")
        print("\n".join(startup(_startup_text(args.corpus), args.startup, trees)))
        print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        return

    base = args.corpus if args.corpus.is_dir() else ROOT / "seeds"
    files = [str(f) for f in iter_files(base) if f.suffix == ".txt" and "encodings" not in f.parts]
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    compiled = load_compiled(bundled_lexicon_path())
    matcher = compiled.matcher
    keys = sorted({s for e in compiled.lexicon.entries for s in e.surfaces}, key=len, reverse=True)
    load_before = os.getloadavg()
    print(f"corpus: {base} ({len(files)} UTF-8 files, {mb:.1f} MB); lexicon: {len(compiled.lexicon)} entries, "
          f"{len(keys)} surface forms; python {sys.version.split()[0]}, {os.cpu_count()} cores; "
          f"load average before: {' '.join(f'{x:.2f}' for x in load_before)}\n")

    rows = throughput(files, keys, matcher, args)
    one_wall, one_cpu = rows[0][2], rows[0][3]
    print("| method | does not do | MB/s wall | MB/s CPU | wall ratio to termkit --jobs 1 | CPU ratio |\n"
          "|---|---|---:|---:|---:|---:|")
    for name, lacks, wall, cpu in rows:
        print(f"| {name} | {lacks} | {mb / wall:.1f} | {mb / cpu:.1f} | {one_wall / wall:.2f} | {one_cpu / cpu:.2f} |")
    print(f"\n{differential(files, matcher)}")
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [int(j) for j in args.jobs.split(",")]
        if args.big_mb > 0:
            print("\n".join(big_file(files, args.big_mb, jobs, Path(tmp) / "all.txt",
                                      "the whole corpus's text, which has characters beyond the BMP")))
            news = [f for f in files if "xinwenlianbo" in f]
            if news:  # the seeds, when the corpus is missing, hold none
                print("\n".join(big_file(news, args.big_mb, jobs, Path(tmp) / "news.txt",
                                          "simplified news only (all in the BMP)")))
        base = peak_memory([sys.executable, "-m", "termkit", "count", str(ROOT / "seeds"), "--format", "csv",
                            "--jobs", "1"])
        print(f"\nthe same command on the seeds (interpreter, libraries and matcher alone): {base[3]:.0f} MB PSS")
    if args.startup > 0:
        print("\n".join(startup(_startup_text(args.corpus), args.startup, trees)))
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"(before: {' '.join(f'{x:.2f}' for x in load_before)}; 1, 5 and 15 minutes)")


if __name__ == "__main__":
    main()
