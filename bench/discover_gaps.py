"""How many of the lexicon's real gaps `discover` proposes: the formulas a hand census of 新闻联播 stories
found and the lexicon does not cover (eval/coverage.py; eval/README.md, "Lexicon coverage"), looked up in
`discover` lists run with that same lexicon (bench/discover_protocol.md, round 12).

    python bench/discover_gaps.py eval/coverage-sample-round12.tsv eval/coverage-census-round12.tsv \\
        --rev 9f8d476 --whole /tmp/news_all.jsonl --per-month /tmp/month --per-story /tmp/story

A gap is found when a candidate, without the quotation marks at its edges, is the census string without its
edge quotation marks (NFKC both sides); the looser count also takes a candidate whose relation names the entry
whose match overlaps a partial gap (the lexicon already holds a form of it and discover proposes the edit).
Lists: ``--whole`` one run over all the transcripts; ``--per-month`` a folder of runs named after each month file
(xinwenlianbo_2024-06.jsonl), each gap looked up in its own story's month; ``--per-story`` runs on each story alone
(c01.jsonl …, the sample ids).

>>> key("“两个确立”")
'两个确立'
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import unicodedata
from collections.abc import Collection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from coverage import CORPUS, EDGE_MARKS, coverage
from precision import read_tsv

TOPS = (30, 200, 500)


def key(s: str) -> str:
    """A string compared: NFKC, without quotation marks at its edges."""
    return unicodedata.normalize("NFKC", s).strip(EDGE_MARKS + " ")


@functools.cache  # a month's list serves every gap of that month
def read_list(path: Path) -> list[dict]:
    if not path.is_file():
        raise SystemExit(f"error: {path}: no such discover list")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def rank(rows: list[dict], forms: Collection[str], entries: Collection[str]) -> tuple[int | None, int | None]:
    """(strict rank, loose rank) of a gap in a list, 1-based, or None when absent: strict, a candidate that is one of
    the gap's ``forms`` (compared by :func:`key`); loose, that or a candidate whose relation names one of ``entries``.

    >>> rank([{"candidate": "新发展理念", "entry": "nd"}, {"candidate": "“四风”"}], {"四风"}, {"nd"})
    (2, 1)
    """
    strict = next((i for i, r in enumerate(rows, 1) if key(r["candidate"]) in forms), None)
    loose = next((i for i, r in enumerate(rows, 1)
                  if key(r["candidate"]) in forms or (entries and r.get("entry") in entries)), None)
    return strict, loose


def hunt_records(record: Path) -> tuple[str, dict[str, str], list[dict]]:
    """A gap hunt's records (bench/discover_round14/gaphunt_hN.tsv): its name ``hN``, story → sample id (cNN, from
    gaphunt_sampleN.tsv beside it), and its rows."""
    n = re.search(r"gaphunt_h(\d+)\.tsv$", record.name)
    if not n:
        raise SystemExit(f"error: {record}: not a gaphunt_hN.tsv record")
    ids = {r["story"]: r["sample"] for r in read_tsv(str(record.with_name(f"gaphunt_sample{n[1]}.tsv")))}
    return f"h{n[1]}", ids, read_tsv(str(record))


def entry_surfaces() -> dict[str, set[str]]:
    """Each bundled entry's term and variants, by its id, compared by :func:`key`."""
    from termkit.compile import load_compiled
    from termkit.lexicon import bundled_lexicon_path

    lexicon = load_compiled(bundled_lexicon_path()).lexicon
    return {e.id: {key(x) for x in (e.term, *e.variants)} for e in lexicon.entries}


def hunt_forms(row: dict, surfaces: dict[str, set[str]]) -> set[str]:
    """What finds a hunt's added formula: the formula as the curator copied it, or a surface of the entry it went into
    (the copy may hold a verb: 铲除腐败滋生的土壤和条件).

    >>> sorted(hunt_forms({"formula": "“三重一大”", "entry": "e"}, {"e": {"三重一大", "三重一大制度"}}))
    ['三重一大', '三重一大制度']
    """
    return {key(row["formula"])} | surfaces.get(row["entry"], set())


def month_list(folder: Path, story: str) -> list[dict]:
    """The list of a story's month in ``folder``: xinwenlianbo_2024-06.jsonl for news/…/xinwenlianbo_2024-06.txt:12."""
    return read_list(folder / (Path(story.split(":")[0]).stem + ".jsonl"))


def tops(ranks: list[tuple[int | None, int | None]]) -> str:
    """How many (strict, loose) ranks fall in each top.

    >>> tops([(1, 1), (None, 40), (250, 250)])
    'strict top 30: 1  top 200: 1  top 500: 2; with relations top 30: 1  top 200: 2  top 500: 3'
    """
    strict = "  ".join(f"top {t}: {sum(1 for s, _ in ranks if s and s <= t)}" for t in TOPS)
    loose = "  ".join(f"top {t}: {sum(1 for _, lo in ranks if lo and lo <= t)}" for t in TOPS)
    return f"strict {strict}; with relations {loose}"


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("sample")
    p.add_argument("census")
    p.add_argument("--second", help="the judged second pass: its missed rows are gaps too")
    p.add_argument("--rev", help="the lexicon the lists were run with, as at this git revision")
    p.add_argument("--corpus", default=CORPUS)
    p.add_argument("--whole", type=Path)
    p.add_argument("--per-month", type=Path)
    p.add_argument("--per-story", type=Path)
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args(argv)
    cov = coverage(args.sample, args.census, args.second, args.rev, args.corpus)
    sample_id = {r["story"]: r["sample"] for r in read_tsv(args.sample)}
    gaps = []
    for g in cov.rows:
        if g.status != "covered":
            near = {m.entry.id for m in cov.found[g.row["story"]] for s, e in g.spans if m.start < e and m.end > s}
            gaps.append((g.row, g.status, near))
    print(f"{cov.total} census rows, {len(gaps)} gaps of the lexicon {args.rev or 'bundled'} "
          f"({sum(st == 'missing' for _, st, _ in gaps)} missing, {sum(st == 'partial' for _, st, _ in gaps)} partial)")
    lists: dict[str, object] = {}
    if args.whole:
        whole = read_list(args.whole)
        lists["whole transcripts"] = lambda r: whole
    if args.per_month:
        lists["its month"] = lambda r: month_list(args.per_month, r["story"])
    if args.per_story:
        lists["its story alone"] = lambda r: read_list(args.per_story / f"{sample_id[r['story']]}.jsonl")
    for name, get in lists.items():
        ranks = []
        for r, st, near in gaps:
            ranks.append(rank(get(r), {key(r["formula"])}, near if st == "partial" else set()))
            if args.verbose:
                print(f"  {name}: {r['formula']} ({st}, {r['kind']}) -> {ranks[-1]}")
        print(f"{name}: {len(gaps)} gaps; {tops(ranks)}")


if __name__ == "__main__":
    main()
