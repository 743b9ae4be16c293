"""Lexicon coverage, judged by hand: what share of the formulas in real stories the lexicon finds.

Precision (eval/precision.py) asks whether what the lexicon matches is right; this asks what it misses.
A reader who does not look at the lexicon lists every formula in a random sample of 新闻联播 stories
(the census); the lexicon is then run over the same stories, and each listed formula is covered (a match
spans it), partial (a match overlaps it, so the lexicon knows a shorter or different form) or missing.
Lexicon matches that overlap no census row are written out for the same reader to judge in a second pass
(``missed``: a formula the census left out, which then counts too; ``term``: a right match of a named
thing that is not a formula; ``wrong``: a wrong match). The design is in eval/README.md.

    python eval/coverage.py sample --seed 12 -n 30 -o eval/coverage-sample-round12.tsv --texts /tmp/stories
    python eval/coverage.py sample --seed 13 -n 50 --exclude eval/coverage-sample-round12.tsv \
        -o eval/coverage-sample-round12b.tsv --texts /tmp/stories-b
    python eval/coverage.py score eval/coverage-sample-round12.tsv eval/coverage-census-round12.tsv
    python eval/coverage.py score SAMPLE CENSUS --rev 9f8d476 --unlisted /tmp/unlisted.tsv

>>> story = Story("news/x.txt", 3, "2024-03-01", "标题", "标题\\n坚持“两个确立”")
>>> story.key
'news/x.txt:3'
>>> occurrences(story.text, "“两个确立”")
[(6, 10)]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from precision import _flat, lexicon_at, read_tsv, wilson, write_tsv

ROOT = Path(__file__).resolve().parent.parent
CORPUS = os.environ.get("TERMKIT_CORPUS") or str(ROOT.parent / "shared" / "corpus")
NEWS = "news/xinwenlianbo"
DAY = re.compile(r"^【新闻联播 (\d{4}-\d{2}-\d{2})】$")
MIN_CHARS, MAX_CHARS = 300, 2500  # stories drawn: long enough to hold formulas, short enough to read whole
EDGE_MARKS = "“”‘’\"'《》「」『』〈〉"  # a listed formula may carry its quotation marks; a match need not
KINDS = ("numbered", "quoted", "parallel", "plain")
STATUSES = ("covered", "partial", "missing")
SECOND_PASS = ("missed", "term", "wrong")  # verdicts on lexicon matches that overlap no census row

SAMPLE_FIELDS = ("sample", "story", "date", "chars", "title")
CENSUS_FIELDS = ("story", "formula", "kind", "reason")
UNLISTED_FIELDS = ("story", "start", "end", "text", "id", "term", "left", "right", "verdict", "reason")


@dataclass(frozen=True)
class Story:
    """One story of a 新闻联播 month file: its title line (1-based ``line``) and the lines after it."""

    doc: str
    line: int
    date: str
    title: str
    text: str  # title and body, joined by newlines

    @property
    def key(self) -> str:
        return f"{self.doc}:{self.line}"


def stories(path: Path, name: str) -> Iterator[Story]:
    """The stories of one month file: each day opens with 【新闻联播 DATE】, stories are separated by a
    blank line, and a story's first line is its title."""
    date, block, first = "", [], 0
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate([*lines, ""], start=1):
        day = DAY.match(line)
        if day:
            date = day.group(1)
        elif line.strip():
            if not block:
                first = i
            block.append(line)
            continue
        if block and date:
            yield Story(name, first, date, block[0], "\n".join(block))
        block = []


def all_stories(corpus: str) -> list[Story]:
    root = Path(corpus)
    found = sorted((root / NEWS).rglob("*.txt"))
    if not found:
        raise SystemExit(f"error: {root / NEWS}: no 新闻联播 files (set TERMKIT_CORPUS)")
    return [s for p in found for s in stories(p, p.relative_to(root).as_posix())]


def draw(corpus: str, seed: int, n: int, exclude: frozenset[str] = frozenset()) -> list[Story]:
    """``n`` stories drawn uniformly from those of ``MIN_CHARS``–``MAX_CHARS`` characters whose key is not
    in ``exclude``, in corpus order."""
    pool = [s for s in all_stories(corpus) if MIN_CHARS <= len(s.text) <= MAX_CHARS and s.key not in exclude]
    chosen = random.Random(seed).sample(range(len(pool)), n)
    return [pool[i] for i in sorted(chosen)]


def occurrences(text: str, formula: str) -> list[tuple[int, int]]:
    """Non-overlapping spans of ``formula`` in ``text``, each without the quotation marks at its edges."""
    spans, at = [], text.find(formula)
    while at >= 0:
        s, e = at, at + len(formula)
        while s < e and text[s] in EDGE_MARKS:
            s += 1
        while e > s and text[e - 1] in EDGE_MARKS:
            e -= 1
        spans.append((s, e))
        at = text.find(formula, at + len(formula))
    return spans


def status(spans: list[tuple[int, int]], matches: list[tuple[int, int]]) -> str:
    """covered when a match spans an occurrence, partial when one only overlaps it, else missing."""
    if any(ms <= s and me >= e for s, e in spans for ms, me in matches):
        return "covered"
    if any(ms < e and me > s for s, e in spans for ms, me in matches):
        return "partial"
    return "missing"


def cmd_sample(args: argparse.Namespace) -> None:
    exclude = frozenset(r["story"] for path in args.exclude for r in read_tsv(path))
    chosen = draw(args.corpus, args.seed, args.n, exclude)
    write_tsv(args.out, SAMPLE_FIELDS, ({"sample": f"c{i:02d}", "story": s.key, "date": s.date,
                                         "chars": len(s.text), "title": _flat(s.title)}
                                        for i, s in enumerate(chosen, start=1)))
    if args.texts:
        folder = Path(args.texts)
        folder.mkdir(parents=True, exist_ok=True)
        for i, s in enumerate(chosen, start=1):
            (folder / f"c{i:02d}.txt").write_text(f"{s.key} {s.date}\n\n{s.text}\n", encoding="utf-8")
    print(f"{len(chosen)} stories, {sum(len(s.text) for s in chosen):,} characters -> {args.out}")


def load(sample_path: str, census_path: str, corpus: str) -> tuple[dict[str, Story], list[dict[str, str]]]:
    """The sampled stories by key, and the census rows, each checked against its story's text."""
    wanted = {r["story"] for r in read_tsv(sample_path)}
    by_key = {s.key: s for s in all_stories(corpus) if s.key in wanted}
    if len(by_key) != len(wanted):
        raise SystemExit(f"error: {sample_path}: stories not in the corpus: {sorted(wanted - set(by_key))[:3]}")
    rows = read_tsv(census_path)
    for n, r in enumerate(rows, start=2):
        if r["story"] not in by_key:
            raise SystemExit(f"error: {census_path}:{n}: story {r['story']} is not in the sample")
        if r["kind"] not in KINDS:
            raise SystemExit(f"error: {census_path}:{n}: kind {r['kind']!r} is not one of {', '.join(KINDS)}")
        if not occurrences(by_key[r["story"]].text, r["formula"]):
            raise SystemExit(f"error: {census_path}:{n}: {r['formula']!r} is not in story {r['story']}")
    return by_key, rows


@dataclass(frozen=True)
class Scored:
    """A census (or missed) row, the spans of its formula in its story, and its status there."""

    row: dict[str, str]
    spans: list[tuple[int, int]]
    status: str  # covered / partial / missing


@dataclass(frozen=True)
class Coverage:
    """What a lexicon covers of a census: each row scored, the stories and the lexicon's matches in each (by
    story key), the second pass."""

    rows: tuple[Scored, ...]
    stories: dict[str, Story]
    found: dict[str, list]  # story key -> the lexicon's matches in it
    second: tuple[dict[str, str], ...]

    def count(self, st: str, kind: str | None = None) -> int:
        return sum(1 for r in self.rows if r.status == st and (kind is None or r.row["kind"] == kind))

    @property
    def covered(self) -> int:
        return self.count("covered")

    @property
    def total(self) -> int:
        return len(self.rows)

    def line(self, label: str) -> str:
        """The figure as eval/README.md states it (tests/test_coverage_data.py compares the two)."""
        lo, hi = wilson(self.covered, self.total)
        return (f"{label}: {self.covered} of {self.total} covered ({self.covered / self.total:.1%}, 95% Wilson "
                f"{lo:.1%}–{hi:.1%}); partial {self.count('partial')}, missing {self.count('missing')}")


def coverage(sample: str, census: str, second: str | None = None, rev: str | None = None,
             corpus: str = CORPUS) -> Coverage:
    """Score a census against the lexicon (the bundled one, or the one at git revision ``rev``)."""
    from termkit.compile import load_compiled
    from termkit.lexicon import bundled_lexicon_path

    by_key, rows = load(sample, census, corpus)
    with tempfile.TemporaryDirectory() as tmp:
        lexicon = lexicon_at(rev, Path(tmp)) if rev else bundled_lexicon_path()
        matcher = load_compiled(lexicon).matcher
        found = {k: matcher.find(s.text, date=s.date) for k, s in by_key.items()}
    judged = read_tsv(second) if second else []
    bad = sorted({r["verdict"] for r in judged} - set(SECOND_PASS))
    if bad:
        raise SystemExit(f"error: {second}: verdicts must be {', '.join(SECOND_PASS)}, not {bad}")
    missed = [{"story": r["story"], "formula": r["text"], "kind": "second-pass"}
              for r in judged if r["verdict"] == "missed"]
    scored = []
    for r in [*rows, *missed]:
        spans = occurrences(by_key[r["story"]].text, r["formula"])
        scored.append(Scored(r, spans, status(spans, [(m.start, m.end) for m in found[r["story"]]])))
    return Coverage(tuple(scored), by_key, found, tuple(judged))


def cmd_score(args: argparse.Namespace) -> None:
    cov = coverage(args.sample, args.census, args.second, args.rev, args.corpus)
    if args.verbose:
        for r in cov.rows:
            print(f"{r.status}\t{r.row['kind']}\t{r.row['story']}\t{r.row['formula']}")
    n_missed = sum(r.row["kind"] == "second-pass" for r in cov.rows)
    print(f"lexicon {args.rev or 'bundled'}: {len(cov.found)} stories, {cov.total} formulas listed "
          f"({cov.total - n_missed} census, {n_missed} second pass)")
    print(cov.line("coverage"))
    for kind in (*KINDS, "second-pass"):
        n = sum(cov.count(st, kind) for st in STATUSES)
        if n:
            print(f"  {kind:<11} " + "  ".join(f"{st} {cov.count(st, kind)}" for st in STATUSES) + f"  of {n}")
    if cov.second:
        verdicts = Counter(r["verdict"] for r in cov.second)
        print("second pass over the lexicon's other matches: " + ", ".join(f"{v} {verdicts[v]}" for v in SECOND_PASS))
    if args.unlisted:
        listed: dict[str, list[tuple[int, int]]] = {k: [] for k in cov.stories}
        for r in cov.rows:
            if r.row["kind"] != "second-pass":
                listed[r.row["story"]] += r.spans
        out = []
        for k, ms in cov.found.items():
            text = cov.stories[k].text
            for m in ms:
                if not any(s < m.end and e > m.start for s, e in listed[k]):
                    out.append({"story": k, "start": m.start, "end": m.end, "text": _flat(m.text),
                                "id": m.entry.id, "term": m.entry.term,
                                "left": _flat(text[max(0, m.start - 30):m.start]),
                                "right": _flat(text[m.end:m.end + 30]), "verdict": "", "reason": ""})
        write_tsv(args.unlisted, UNLISTED_FIELDS, out)
        print(f"{len(out)} lexicon matches overlap no census row -> {args.unlisted}")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", default=CORPUS)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw the stories")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("-n", type=int, default=30)
    s.add_argument("-o", "--out", required=True)
    s.add_argument("--texts", help="also write each story's text to this folder, for the reader")
    s.add_argument("--exclude", action="append", default=[], help="leave out the stories of this sample file")
    s.set_defaults(func=cmd_sample)
    c = sub.add_parser("score", help="coverage of a lexicon over a judged census")
    c.add_argument("sample")
    c.add_argument("census")
    c.add_argument("--rev", help="the bundled lexicon as it was at this git revision (default: as it is)")
    c.add_argument("--second", help="the judged second pass (lexicon matches that overlap no census row)")
    c.add_argument("--unlisted", help="write the lexicon matches that overlap no census row here, to judge")
    c.add_argument("-v", "--verbose", action="store_true", help="one line per census row")
    c.set_defaults(func=cmd_score)
    args = p.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
