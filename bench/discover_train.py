"""Train the models that ship with termkit (src/termkit/discover/model.json): ``rank`` (the candidates'
ranking) and ``pool`` (the first pass's classifier of every n-gram, used when the input holds too few
known terms to learn its own).

Distant supervision: the bundled lexicon's terms found in the development slice are the positives, the
first pass's other candidates (for ``pool``: every other n-gram seen 3 times) the noisy negatives, and the
curators' rejections shipped with termkit (src/termkit/discover/rejected.tsv, only those whose evidence lies in
the development slice: bench/build_rejected.py) found there are labelled negatives weighing
``REJECTED_WEIGHT`` (5) each (bench/discover_protocol.md names the slice; the held-out slice is never read
here). The curators' verdicts on ``discover`` candidates (``VERDICT_FILES``: good or bad, each on a named input)
are labelled rows of ``rank`` too, weighing ``JUDGED_WEIGHT`` (10) each: a row is used only when every corpus file
its input names is development text (``usable``; round 5's report groups held reports now held out, so their rows
are not), a string judged both ways is not, and neither is a string the bundled lexicon holds (a positive already,
and a hidden entry when bench/discover_kfold.py retrains on part of the lexicon). Prints the training sets' sizes
and each feature's weight.

    python bench/discover_train.py [--out PATH] [--slice development|development_small]
    python bench/discover_train.py --verdicts split --out /tmp/m.json   # without the measuring split's verdicts
    python bench/discover_train.py --verdicts none --out /tmp/m0.json   # as before the verdicts were used
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices

BENCH = Path(__file__).resolve().parent
# the curators' verdicts on discover's candidates (bench/discover_results.md, round 7: which are used)
VERDICT_FILES = tuple(BENCH / name for name in (
    "discover_curation_round5.jsonl", "discover_curation_round6.jsonl", "discover_dev_judged_round4.jsonl",
    "discover_dev_judged_round6.jsonl", "discover_dev_judged_round6_recall.jsonl", "discover_noise_dev_judged.jsonl"))
# the measuring split (bench/discover_results.md, round 7, fixed before tuning): verdicts on 新闻联播 2024 (M1) and on
# the five development reports run alone (M2) are left out of the training of the model measured on them
SPLIT_NEWS = "news/xinwenlianbo/2024/"
SPLIT_REPORTS = ("reports/congress/20th_congress_report_2022.txt",
                 *(f"reports/gov_work_reports/gov_work_report_{y}.txt" for y in (2017, 2019, 2020, 2021)))


def read_verdicts(paths: Iterable[Path] = VERDICT_FILES) -> list[dict]:
    """Every verdict row of ``paths`` as ``{candidate, good, input, file, line}`` (``document`` and ``verdict`` of
    bench/discover_dev_judged_round6.jsonl read as ``input`` and ``good``)."""
    out = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            r = json.loads(line)
            good = r["good"] if "good" in r else r.get("verdict") == "good"
            out.append({"candidate": r["candidate"], "good": bool(good), "file": Path(path).name, "line": n,
                        "input": r.get("input") or r.get("document", "")})
    return out


def input_files(text: str, files: Sequence[str]) -> set[str]:
    """The corpus files (paths relative to the corpus, as in ``files``) that a verdict row's ``input`` names: months
    of 新闻联播 (``xinwenlianbo_2023-01…04``), work reports by year, list or range (``gov_work_report 1998…2012``,
    ``gov_work_report_2017, 2019.txt``), the Congress reports, People's Daily, and a folder named alone
    (``traditional/ (…)``, ``reports/ (…)``: every file under it). Nothing read: an empty set.

    >>> fs = ["news/xinwenlianbo/2023/xinwenlianbo_2023-0%d.txt" % m for m in (1, 2, 3)] + ["traditional/a.txt"]
    >>> sorted(input_files("news/xinwenlianbo/2023/xinwenlianbo_2023-01…02.txt, traditional/ (CityU)", fs))
    ['news/xinwenlianbo/2023/xinwenlianbo_2023-01.txt', 'news/xinwenlianbo/2023/xinwenlianbo_2023-02.txt', \
'traditional/a.txt']
    """
    have = set(files)
    out: set[str] = set()
    for year, first, last in re.findall(r"xinwenlianbo_(\d{4})-(\d{2})(?:…(\d{2}))?", text):
        out |= {f"news/xinwenlianbo/{year}/xinwenlianbo_{year}-{m:02d}.txt"
                for m in range(int(first), int(last or first) + 1)} & have
    for run in re.findall(r"gov_work_report[ _](\d{4}(?:(?:…|, )\d{4})*)", text):
        for part in run.split(", "):
            a, _, b = part.partition("…")
            out |= {f for f in have for y in range(int(a), int(b or a) + 1)
                    if f == f"reports/gov_work_reports/gov_work_report_{y}.txt"}
    for nth in re.findall(r"(\d+)th[ _]congress", text, flags=re.IGNORECASE):
        out |= {f for f in have if f.startswith(f"reports/congress/{nth}th_congress_report_")}
    if "peoples_daily" in text:
        out |= {f for f in have if "peoples_daily" in f}
    for folder in re.findall(r"(?:^|, )([a-z_]+(?:/[a-z_0-9]+)*)/(?=\s|,|$)", text):
        out |= {f for f in have if f.startswith(folder + "/")}
    return out


def usable(rows: Iterable[dict], files: Sequence[str], development: Iterable[str]) -> list[dict]:
    """The verdict rows whose input names at least one file and only files of ``development`` (corpus-relative
    paths, as ``files``): a verdict made on a list that held other text is not used."""
    dev = set(development)
    return [r for r in rows if (named := input_files(r["input"], files)) and named <= dev]


def in_split(row: dict, files: Sequence[str]) -> bool:
    """The row is a verdict of the measuring split (M1: 新闻联播 2024; M2: the five development reports)."""
    named = input_files(row["input"], files)
    return any(f.startswith(SPLIT_NEWS) or f in SPLIT_REPORTS for f in named)


def judged_keys(rows: Iterable[dict], fold: Callable[[str], str], skip: Iterable[str] = ()) -> dict[str, bool]:
    """Folded string → good, from verdict rows; a string judged both ways, or in ``skip``, is left out."""
    seen: dict[str, set[bool]] = {}
    for r in rows:
        seen.setdefault(fold(r["candidate"]), set()).add(r["good"])
    skip = set(skip)
    return {k: v.pop() for k, v in seen.items() if len(v) == 1 and k not in skip and k}


def verdict_keys(matcher, mode: str = "all") -> dict[str, bool]:
    """The usable development verdicts (``mode``: ``all``; ``split``: less the measuring split's, and less any
    string the split judges; ``none``), folded, less the bundled lexicon's terms."""
    from termkit.compile import load_compiled
    from termkit.discover import known_keys
    from termkit.lexicon import bundled_lexicon_path

    if mode == "none":
        return {}
    corpus = discover_slices.CORPUS
    files = [p.relative_to(corpus).as_posix() for p in discover_slices.whole()]
    dev = [p.relative_to(corpus).as_posix() for p in discover_slices.development()]
    rows = usable(read_verdicts(), files, dev)
    fold = lambda s: matcher.fold(s).text  # noqa: E731
    skip = known_keys(load_compiled(bundled_lexicon_path()).matcher)
    if mode == "split":
        measured = [r for r in rows if in_split(r, files)]
        skip |= {fold(r["candidate"]) for r in measured}
        rows = [r for r in rows if not in_split(r, files)]
    return judged_keys(rows, fold, skip)


def rejected_keys(matcher) -> set[str]:
    """The shipped rejections, folded as candidates are (the user's own list is not read here)."""
    from termkit.discover.rejected import BUNDLED_PATH, load_rejected

    return set(load_rejected(lambda s: matcher.fold(s).text, [BUNDLED_PATH]))


def train(files: list[Path], matcher, label: str, judged: dict[str, bool] | None = None,
          judged_weight: float | None = None):
    """A model fitted on ``files`` with ``matcher``'s entries as positives, the shipped rejections as labelled
    negatives and ``judged`` (folded string → good: the curators' verdicts, :func:`verdict_keys`) as labelled rows.
    Returns it, the positives, the rows and the labelled rows (rejections and verdicts) among them."""
    from termkit.corpus import read_documents
    from termkit.discover.learn import fit_portable, training_rows

    paths = [str(p) for p in files]
    rows, labels, _, weights = training_rows(lambda: read_documents(paths), matcher,
                                             negatives=rejected_keys(matcher), judged=judged,
                                             judged_weight=judged_weight)
    labelled = sum(w != 1.0 for w in weights)
    return fit_portable(rows, labels, label, weights), sum(labels), len(labels), labelled


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
    from termkit.discover import JUDGED_WEIGHT
    from termkit.discover.learn import MODEL_PATH, Model
    from termkit.lexicon import bundled_lexicon_path

    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--slice", default="development", choices=("development", "development_small"))
    ap.add_argument("--verdicts", default="all", choices=("all", "split", "none"),
                    help="the curators' verdicts used: every usable one, all but the measuring split's, none")
    ap.add_argument("--verdict-weight", type=float, default=None,
                    help="weight of a verdict row (default JUDGED_WEIGHT, 10)")
    ap.add_argument("--verdicts-good", default="yes", choices=("yes", "no"),
                    help="use good verdicts as positives too (no: only bad ones, as negatives)")
    args = ap.parse_args()
    files = getattr(discover_slices, args.slice)()
    matcher = load_compiled(bundled_lexicon_path()).matcher
    t = time.perf_counter()
    label = f"{args.slice} slice of the shared corpus ({len(files)} files), bundled lexicon ({len(matcher.entries)})"
    judged = verdict_keys(matcher, args.verdicts)
    if args.verdicts_good == "no":
        judged = {k: v for k, v in judged.items() if not v}
    verdicts = f", {len(judged)} curators' verdicts ({args.verdicts}, weight {args.verdict_weight or JUDGED_WEIGHT:g})"
    model, pos, n, rej = train(files, matcher, label + (verdicts if judged else ""), judged, args.verdict_weight)
    print(f"rank: trained on {n} strings ({pos} positives, {rej} labelled by curators; verdicts offered: "
          f"{sum(judged.values())} good, {sum(not v for v in judged.values())} bad) in {time.perf_counter() - t:.0f} s")
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
