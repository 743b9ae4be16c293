"""Sizes from the hostile-input issue, scaled down so a run stays within two minutes on a shared machine.

Each case runs ``termkit`` in a child process and reads that child's own peak memory (``os.wait4``) and
CPU time, for the source tree given with ``--src`` (default: this checkout), so the same script measures
the code before and after a change:

    python bench/bench_hostile.py                       # this checkout
    python bench/bench_hostile.py --src /tmp/before/src # another checkout, for the "before" column

Cases (the generated text is the data; there is no development/figure split because nothing is tuned):

- ``count`` on text without the barrier characters 。！？；!?; — English with only ``.`` and ``,``;
  Chinese with ``，`` but no ``。``; Chinese terms run together with no punctuation at all; and normal
  Chinese of the same size for comparison. Peak memory should stay near the normal text's.
- ``gloss`` on Chinese without sentence ends holding every term of the lexicon once, where each term's
  context sentence was walked to the text's edges (terms × length); CPU seconds at two sizes show
  whether it still grows faster than the text.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NORMAL = "经济社会发展取得新成效，人民生活水平不断提高。坚持“两个确立”，做到“两个维护”。"
TEXTS = {
    "normal Chinese": NORMAL,
    "English, only . and ,": "the quick brown fox, jumps over the lazy dog. ",
    "Chinese with ， but no 。": NORMAL.replace("。", "，"),
    "terms run together, no punctuation": "两个确立两个维护四个意识四个自信",
}


def run(src: Path, args: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MB) of ``python -m termkit ARGS`` with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src), "TERMKIT_CACHE_DIR": tempfile.mkdtemp()}
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "termkit", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"termkit {' '.join(args)} failed with {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _terms(src: Path) -> list[str]:
    code = ("from termkit.lexicon import bundled_lexicon_path, load_lexicon\n"
            "print('\\n'.join(e.term for e in load_lexicon(bundled_lexicon_path()).entries))")
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(src)},
                         capture_output=True, text=True, check=True).stdout
    return [t for t in out.splitlines() if t]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=HERE.parent / "src")
    ap.add_argument("--mb", type=int, default=20, help="size of each count input (the issue used 100 MB-1 GB)")
    ap.add_argument("--gloss-chars", type=int, nargs=2, default=[250_000, 500_000],
                    help="two sizes of the gloss input, in characters (the issue: 2M took 44 s, 4M 76 s)")
    opts = ap.parse_args()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"src: {opts.src}; python {sys.version.split()[0]}; cores: {os.cpu_count()}; load average: {load}\n")
    print("| case | input | wall s | CPU s | peak MB |\n|---|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as d:
        for name, unit in TEXTS.items():
            path = Path(d) / "in.txt"
            size = opts.mb << 20
            path.write_text(unit * (size // len(unit.encode()) + 1), encoding="utf-8")
            wall, cpu, peak = run(opts.src, ["count", str(path), "-f", "json", "--jobs", "1"])
            print(f"| count | {name}, {opts.mb} MB on one line | {wall:.1f} | {cpu:.1f} | {peak:.0f} |", flush=True)
        filler = NORMAL.replace("。", "").replace("，", "").replace("“", "").replace("”", "")
        terms = _terms(opts.src)
        for chars in opts.gloss_chars:
            path = Path(d) / "gloss.txt"
            # every term of the lexicon once, spread over a text with no sentence end: one context
            # sentence looked for per distinct term
            step = max(1, chars // len(terms))
            body = filler * (chars // len(filler) + 1)
            path.write_text("".join(body[i * step:(i + 1) * step] + t for i, t in enumerate(terms)), encoding="utf-8")
            wall, cpu, peak = run(opts.src, ["gloss", str(path), "-f", "md", "--jobs", "1"])
            print(f"| gloss | {len(terms):,} terms in Chinese without sentence ends, {chars:,} characters | "
                  f"{wall:.1f} | {cpu:.1f} | {peak:.0f} |", flush=True)


if __name__ == "__main__":
    main()
