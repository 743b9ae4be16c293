"""Matching precision, judged by hand: draw a sample of the lexicon's matches over a corpus, and
compute the figures from the judged sample. The design is in eval/README.md.

    python eval/precision.py matches -o /tmp/matches.tsv          # every match over ../shared/corpus, once
    python eval/precision.py sample --matches /tmp/matches.tsv --seed 1 -o eval/precision-round1.tsv
    python eval/precision.py score eval/precision-round1.tsv      # figures from a judged file
    python eval/precision.py sample --matches /tmp/matches.tsv --seed 3 --since ddb4d7f -o eval/precision-added.tsv

``sample --since REV`` draws the other design instead: only the entries added to the lexicon after the
git revision REV (every one with matches, ``PER_ADDED`` matches each) and the matches an older entry
makes through a surface added after REV; see eval/README.md.

``matches`` runs the project's own pipeline (reading, folding, matching, context rules) over the
corpus and keeps every match with its context; ``sample`` draws the stratified sample from that
file and writes rows with empty ``verdict`` and ``reason`` columns for a person to fill in;
``score`` prints the overall figure, the figure over the frequency-weighted stratum, and every
entry with five or more sampled matches, each with a 95% Wilson interval.
"""

from __future__ import annotations

import argparse
import csv
import functools
import os
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scipy.stats import binomtest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = os.environ.get("TERMKIT_CORPUS") or str(ROOT.parent / "shared" / "corpus")

CONTEXT = 30  # characters of context kept on either side of a match
SHORT = 3  # entries whose term has at most this many characters are all sampled
PER_SHORT = 5  # matches drawn for each short entry (all of them when it has fewer)
TOTAL = 400  # the frequency-weighted stratum fills the sample up to this many rows
MIN_RANDOM = 100  # and is never smaller than this
PER_ADDED = 2  # matches drawn for each entry added since a revision (``sample --since``)
PER_ENTRY_MIN = 5  # an entry gets its own figure from this many sampled matches
VERDICTS = ("right", "wrong")
STRATA = ("weighted", "short", "added", "new-surface")  # figures list them in this order

MATCH_FIELDS = ("doc", "start", "end", "id", "term", "text", "left", "right")
SAMPLE_FIELDS = ("sample", "stratum", *MATCH_FIELDS, "verdict", "reason")


@dataclass(frozen=True)
class Row:
    """One match of the corpus with its context (newlines shown as ⏎)."""

    doc: str
    start: int
    end: int
    id: str
    term: str
    text: str
    left: str
    right: str


def _flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "⏎").replace("\t", " ")


def corpus_rows(corpus: str, lexicon: str | None = None, jobs: int = 1) -> Iterator[Row]:
    """Every match the pipeline finds in ``corpus`` (context rules applied), in document order."""
    from termkit.compile import load_compiled
    from termkit.lexicon import bundled_lexicon_path
    from termkit.pipeline import run

    matcher = load_compiled(lexicon or bundled_lexicon_path()).matcher
    root = Path(corpus)
    for result in run([str(root)], matcher, jobs=jobs):
        text, doc = result.doc.text, Path(result.doc.id)
        name = doc.relative_to(root).as_posix() if doc.is_relative_to(root) else doc.as_posix()
        for m in result.matches:
            yield Row(name, m.start, m.end, m.entry.id, m.entry.term, _flat(m.text),
                      _flat(text[max(0, m.start - CONTEXT):m.start]), _flat(text[m.end:m.end + CONTEXT]))


def write_tsv(path: str, fields: Iterable[str], rows: Iterable[dict[str, object]]) -> None:
    """Write rows as TSV, atomically; no field may hold a tab or a line break (none is quoted)."""
    fields = list(fields)
    lines = ["\t".join(fields)]
    for row in rows:
        cells = [str(row[f]) for f in fields]
        if any(ch in c for c in cells for ch in "\t\n\r"):
            raise ValueError(f"{path}: a field holds a tab or a line break: {cells}")
        lines.append("\t".join(cells))
    tmp = Path(path).with_name(Path(path).name + ".part")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def read_tsv(path: str) -> list[dict[str, str]]:
    """The rows of a TSV written by :func:`write_tsv` (lines starting with # are comments)."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_matches(path: str) -> list[Row]:
    return [Row(r["doc"], int(r["start"]), int(r["end"]), r["id"], r["term"], r["text"], r["left"], r["right"])
            for r in read_tsv(path)]


def draw(rows: list[Row], seed: int) -> list[tuple[str, Row]]:
    """The stratified sample: ``PER_SHORT`` matches of every entry whose term has at most ``SHORT``
    characters (all of them when it has fewer), then matches drawn uniformly from the rest (so
    weighted by frequency) up to ``TOTAL`` rows, at least ``MIN_RANDOM`` of them. Deterministic
    for a given seed and match list; rows come back in the order drawn, with their stratum."""
    rng = random.Random(seed)
    by_entry: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_entry[r.id].append(i)
    chosen: list[tuple[str, int]] = []
    for eid in sorted(by_entry):
        idx = by_entry[eid]
        if len(rows[idx[0]].term) <= SHORT:
            chosen += [("short", i) for i in sorted(rng.sample(idx, min(PER_SHORT, len(idx))))]
    taken = {i for _, i in chosen}
    rest = [i for i in range(len(rows)) if i not in taken]
    n = min(len(rest), max(MIN_RANDOM, TOTAL - len(chosen)))
    chosen += [("weighted", i) for i in rng.sample(rest, n)]
    return [(stratum, rows[i]) for stratum, i in chosen]


def lexicon_at(rev: str, into: Path) -> Path:
    """Write the bundled lexicon as it was at git revision ``rev`` of this repository into the folder
    ``into`` and return its lexicon folder (``git archive``, so nothing in the work tree changes)."""
    import io
    import subprocess
    import tarfile

    tar = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "lexicon"], capture_output=True, check=False)
    if tar.returncode:
        raise ValueError(f"{rev}: not a revision of {ROOT}: {tar.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(tar.stdout)) as t:
        t.extractall(into, filter="data")
    return into / "lexicon"


@dataclass(frozen=True)
class Added:
    """What the lexicon has that it did not have at an older revision: entries by id, and the older
    entries that gained a surface form (term or variant)."""

    entries: frozenset[str]
    grown: frozenset[str]


def added_since(old_lexicon: Path, lexicon: str | None = None) -> Added:
    """Compare the lexicon (default: the bundled one) with the one in ``old_lexicon``.

    >>> from termkit.lexicon import bundled_lexicon_path
    >>> added_since(bundled_lexicon_path())
    Added(entries=frozenset(), grown=frozenset())
    """
    from termkit.lexicon import bundled_lexicon_path, load_lexicon

    old = {e.id: {e.term, *e.variants} for e in load_lexicon(old_lexicon).entries}
    new = load_lexicon(lexicon or bundled_lexicon_path()).entries
    return Added(frozenset(e.id for e in new if e.id not in old),
                 frozenset(e.id for e in new if e.id in old and {e.term, *e.variants} - old[e.id]))


def draw_added(rows: list[Row], added: Added, new_surface: list[Row], seed: int) -> list[tuple[str, Row]]:
    """The sample of what was added: ``PER_ADDED`` matches of every added entry (all of them when it
    has fewer), then ``PER_ADDED`` of the matches ``new_surface`` lists for each grown entry (the
    matches the old lexicon did not make). Deterministic for a given seed and match list."""
    rng = random.Random(seed)
    chosen: list[tuple[str, Row]] = []
    for stratum, pool in (("added", [r for r in rows if r.id in added.entries]), ("new-surface", new_surface)):
        by_entry: dict[str, list[Row]] = defaultdict(list)
        for r in pool:
            by_entry[r.id].append(r)
        for eid in sorted(by_entry):
            got = rng.sample(by_entry[eid], min(PER_ADDED, len(by_entry[eid])))
            chosen += [(stratum, r) for r in sorted(got, key=lambda r: (r.doc, r.start))]
    return chosen


def wilson(k: int, n: int) -> tuple[float, float]:
    """The 95% Wilson score interval of k successes in n trials.

    >>> [round(x, 3) for x in wilson(97, 100)]
    [0.915, 0.99]
    """
    if n == 0:
        return (0.0, 1.0)
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")  # scipy's, not ours
    return (float(ci.low), float(ci.high))


@dataclass(frozen=True)
class Figure:
    """How many of ``n`` judged matches are right, with the Wilson interval."""

    label: str
    right: int
    n: int

    def line(self) -> str:
        lo, hi = wilson(self.right, self.n)
        share = self.right / self.n if self.n else 0.0
        return f"{self.label}: {self.right}/{self.n} right = {share:.1%} (95% Wilson {lo:.1%}–{hi:.1%})"


def figures(judged: list[dict[str, str]]) -> tuple[list[Figure], list[Figure]]:
    """The overall figures (all rows, then each stratum the sample has, in ``STRATA`` order) and
    one figure per entry with at least ``PER_ENTRY_MIN`` sampled matches, lowest share first."""
    def count(rows: list[dict[str, str]], label: str) -> Figure:
        return Figure(label, sum(r["verdict"] == "right" for r in rows), len(rows))

    labels = {"weighted": "frequency-weighted stratum", "short": "short-entry stratum",
              "added": "added-entry stratum", "new-surface": "new-surface stratum"}
    present = {r["stratum"] for r in judged}
    overall = [count(judged, "all sampled matches"),
               *(count([r for r in judged if r["stratum"] == st], labels[st]) for st in STRATA if st in present)]
    per: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in judged:
        per[r["id"]].append(r)
    entries = [count(rs, eid) for eid, rs in per.items() if len(rs) >= PER_ENTRY_MIN]
    entries.sort(key=lambda f: (f.right / f.n, f.label))
    return overall, entries


def check_judged(rows: list[dict[str, str]], name: str) -> list[str]:
    """Problems of a judged sample file: unknown verdicts, missing reasons, repeated ids or matches."""
    problems = []
    seen: set[str] = set()
    spans: set[tuple[str, str, str]] = set()
    for n, r in enumerate(rows, start=2):
        if None in r or any(r.get(f) is None for f in SAMPLE_FIELDS):
            problems.append(f"{name}: row {n}: expected the columns {', '.join(SAMPLE_FIELDS)}")
            continue
        if r["verdict"] not in VERDICTS:
            problems.append(f"{name}: row {n}: verdict {r['verdict']!r} is not right or wrong")
        if not r["reason"].strip():
            problems.append(f"{name}: row {n}: no reason")
        if r["stratum"] not in STRATA:
            problems.append(f"{name}: row {n}: stratum {r['stratum']!r}")
        if r["sample"] in seen or (r["doc"], r["start"], r["end"]) in spans:
            problems.append(f"{name}: row {n}: sample {r['sample']} drawn twice")
        seen.add(r["sample"])
        spans.add((r["doc"], r["start"], r["end"]))
    return problems


@functools.cache
def _read_document(path: str) -> Any:
    """A corpus file read (and decoded) once per process."""
    from termkit.corpus import read_documents

    return next(iter(read_documents([path])))


def found_now(rows: list[dict[str, str]], corpus: str, lexicon: str | None = None) -> list[list[tuple[int, int, str]]]:
    """For each judged row, the matches (start, end, entry id) the lexicon as it is now finds that
    overlap the row's span. Each row's line of its document is matched on its own, with the
    document's date, which is enough for every context rule: a sentence never crosses a line break."""
    from termkit.compile import load_compiled
    from termkit.lexicon import bundled_lexicon_path
    from termkit.match import doc_date

    matcher = load_compiled(lexicon or bundled_lexicon_path()).matcher
    docs = {name: _read_document(str(Path(corpus) / name)) for name in sorted({r["doc"] for r in rows})}
    found = []
    for r in rows:
        doc, start, end = docs[r["doc"]], int(r["start"]), int(r["end"])
        first = doc.text.rfind("\n", 0, start) + 1
        last = doc.text.find("\n", end)
        line = doc.text[first:last if last >= 0 else len(doc.text)]
        found.append([(first + m.start, first + m.end, m.entry.id) for m in matcher.find(line, date=doc_date(doc))
                      if first + m.start < end and first + m.end > start])
    return found


def still_matched(rows: list[dict[str, str]], now: list[list[tuple[int, int, str]]]) -> list[bool]:
    """For each judged row, whether the lexicon as it is now still finds that match (same span, same
    entry), from what it finds there now (:func:`found_now`)."""
    return [(int(r["start"]), int(r["end"]), r["id"]) in n for r, n in zip(rows, now, strict=True)]


def taken_by_longer(rows: list[dict[str, str]], now: list[list[tuple[int, int, str]]]) -> list[str | None]:
    """For each judged row the lexicon no longer finds, the id of the entry whose longer match now
    covers its span (leftmost-longest gives the characters to a longer entry added later), else None;
    ``now`` as for :func:`still_matched`."""
    out: list[str | None] = []
    for r, kept, found in zip(rows, still_matched(rows, now), now, strict=True):
        start, end = int(r["start"]), int(r["end"])
        longer = [eid for a, b, eid in found if a <= start and b >= end and b - a > end - start]
        out.append(None if kept or not longer else longer[0])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("matches", help="every match over the corpus, with context (TSV)")
    m.add_argument("--corpus", default=CORPUS)
    m.add_argument("--lexicon", help="default: the bundled lexicon")
    m.add_argument("--jobs", type=int, default=1)
    m.add_argument("-o", "--output", required=True)
    s = sub.add_parser("sample", help="draw the stratified sample from a matches file")
    s.add_argument("--matches", required=True)
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--since", metavar="REV",
                   help="draw only what was added to the lexicon after this git revision (see eval/README.md)")
    s.add_argument("--corpus", default=CORPUS, help="with --since: where the matches came from")
    c = sub.add_parser("score", help="figures from a judged sample")
    c.add_argument("judged")
    k = sub.add_parser("recheck", help="how many judged rows the lexicon as it is now still matches")
    k.add_argument("judged")
    k.add_argument("--corpus", default=CORPUS)
    k.add_argument("--lexicon", help="default: the bundled lexicon")
    args = ap.parse_args(argv)
    # every command but score reads the corpus (sample only with --since)
    if (args.cmd in ("matches", "recheck") or getattr(args, "since", None)) and not Path(args.corpus).is_dir():
        print(f"error: {args.corpus}: no such folder (--corpus, or TERMKIT_CORPUS)", file=sys.stderr)
        return 1
    if args.cmd == "matches":
        rows = list(corpus_rows(args.corpus, args.lexicon, args.jobs))
        write_tsv(args.output, MATCH_FIELDS, (vars(r) for r in rows))
        print(f"{len(rows)} matches of {len({r.id for r in rows})} entries", file=sys.stderr)
    elif args.cmd == "sample":
        rows, prefix = read_matches(args.matches), f"s{args.seed}"
        if args.since:
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                try:
                    old = lexicon_at(args.since, Path(tmp))
                except ValueError as e:
                    print(f"error: {e}", file=sys.stderr)
                    return 1
                added = added_since(old)
                grown = [r for r in rows if r.id in added.grown]
                grown_rows = [vars(r) for r in grown]
                kept = still_matched(grown_rows, found_now(grown_rows, args.corpus, str(old)))
                new_surface = [r for r, k in zip(grown, kept, strict=True) if not k]
            drawn, prefix = draw_added(rows, added, new_surface, args.seed), f"a{args.seed}"
            print(f"{len(added.entries)} entries added since {args.since}, "
                  f"{len({r.id for r in rows if r.id in added.entries})} with matches; "
                  f"{len(added.grown)} older entries with a new surface, "
                  f"{len({r.id for r in new_surface})} matched through it", file=sys.stderr)
        else:
            drawn = draw(rows, args.seed)
        write_tsv(args.output, SAMPLE_FIELDS,
                  ({"sample": f"{prefix}-{n:03d}", "stratum": st, **vars(r), "verdict": "", "reason": ""}
                   for n, (st, r) in enumerate(drawn, start=1)))
        print(f"{len(drawn)} rows, " + ", ".join(f"{sum(st == s for st, _ in drawn)} {s}" for s in STRATA
                                                if any(st == s for st, _ in drawn)), file=sys.stderr)
    elif args.cmd == "recheck":
        judged = read_tsv(args.judged)
        now = found_now(judged, args.corpus, args.lexicon)  # the lexicon matched over the rows' lines once
        kept, longer = still_matched(judged, now), taken_by_longer(judged, now)
        for verdict in VERDICTS:
            rows = [(r, k) for r, k in zip(judged, kept, strict=True) if r["verdict"] == verdict]
            print(f"{verdict}: {sum(k for _, k in rows)} of {len(rows)} still matched")
            for r, k in rows:
                if k == (verdict == "wrong"):
                    print(f"  {r['sample']}\t{r['id']}\t{r['left'][-12:]}[{r['text']}]{r['right'][:12]}")
        for r, t in zip(judged, longer, strict=True):
            if t:
                print(f"taken by a longer entry: {r['sample']} ({r['id']} → {t})")
    else:
        judged = read_tsv(args.judged)
        problems = check_judged(judged, args.judged)
        if problems:
            print("\n".join(f"error: {p}" for p in problems[:20]), file=sys.stderr)
            return 1
        overall, entries = figures(judged)
        print("\n".join(f.line() for f in overall))
        print(f"entries with {PER_ENTRY_MIN}+ sampled matches: {len(entries)}, "
              f"below 90%: {sum(f.right < 0.9 * f.n for f in entries)}")
        print("\n".join("  " + f.line() for f in entries))
        wrong = [r for r in judged if r["verdict"] == "wrong"]
        print(f"wrong rows: {len(wrong)}")
        print("\n".join(f"  {r['sample']}\t{r['id']}\t{r['left'][-12:]}[{r['text']}]{r['right'][:12]}\t{r['reason']}"
                        for r in wrong))
    return 0


if __name__ == "__main__":
    try:
        code = main()
        sys.stdout.flush()  # here, where a reader gone away is caught, not at exit
        sys.exit(code)
    except BrokenPipeError:  # the reader stopped early (| head): what it read is all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        sys.exit(141)
