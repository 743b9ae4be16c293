"""Score `termkit discover` on ONE development report against a census of its formulas (round 7).

A census (bench/discover_round7/census_YYYY.tsv) lists by hand every formula of a report that the bundled lexicon
lacked at a commit its note names (census_YYYY.md, or census_development.md's section for the year);
census_YYYY_borderline.tsv the strings its reader considered and rejected. The census's formulas have since become
lexicon entries, so this script extracts ``lexicon/`` at that commit (``git archive``) into a temporary folder and runs
``discover`` on the report with it and defaults otherwise (no user lexicon; ``--min-score 0`` for the whole list). It
labels each row (good: it matches a census term after the matcher's folding; bad: it matches a borderline string;
else a blind judge's verdict on the report (bench/discover_heldout_judged.jsonl, round 7: the 2014 report; round 8: the
1988 and 1991 reports, whose censuses are in bench/discover_round8/), else the
author's verdict kept in bench/discover_round7/, discover_round8/ or discover_round9/onedoc_judged.jsonl, or
unlabelled) and prints good@30, census recall in the top 30 / top 100, and where each census term went: its rank and
score, or why it never became a row (traced through the same steps ``discover`` takes).

Only development reports are run (``bench/discover_slices.py`` ``development_single``: the development slice and,
from round 8 on, the 2014 report reported in round 7, from round 9 on the 1988 and 1991 reports reported in round 8);
held-out ones are refused. The 1991 file holds its text twice, so every count in it is doubled.

    python bench/discover_census_score.py report2017 report2020 report2014 # summary lines
    python bench/discover_census_score.py report1988 report1991            # round 8's censuses (discover_round8/)
    python bench/discover_census_score.py report2017 --terms               # and each census term's fate
    python bench/discover_census_score.py report2017 --rows --min-score 0  # every row with its label
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
import discover_slices as S
from discover_judge_sheet import read_list
from precision import lexicon_at as archived_lexicon

HERE = Path(__file__).resolve().parent
CENSUS = HERE / "discover_round7"
ROOT = HERE.parent
JUDGED = (CENSUS / "onedoc_judged.jsonl", HERE / "discover_round8" / "onedoc_judged.jsonl",
          HERE / "discover_round9" / "onedoc_judged.jsonl")
BLIND = HERE / "discover_heldout_judged.jsonl"
CENSUS_8 = HERE / "discover_round8"
# the round whose blind judge read this report's lists, and the slices of that round's verdicts that are this report's
BLIND_ROUNDS = {"2014": (7, ("start", "final")), "1988": (8, ("report1988 start", "report1988 final")),
                "1991": (8, ("report1991 start", "report1991 final"))}
CENSUS_DIRS = {"1988": CENSUS_8, "1991": CENSUS_8}  # round 8's censuses; every other year's is round 7's
REPORTS = {f"report{y}": S.REPORTS / f"gov_work_report_{y}.txt"
           for y in (1988, 1991, 2014, 2017, 2019, 2020, 2021)}
TOP = 30
WIDE = 100
TERM_COLUMNS = ("term", "candidate", "formula", "string")


@dataclass
class Row:
    rank: int
    candidate: str
    key: str
    score: float
    kind: str
    count: int
    entry: str | None
    label: str  # good (census), bad (borderline), good~/bad~ (blind judge), good*/bad* (own verdict), ? (unlabelled)


def year_of(name: str) -> str:
    return re.sub(r"\D", "", name)


def path_of(name: str) -> Path:
    """The report's path, refused unless it is development text."""
    if name not in REPORTS:
        sys.exit(f"error: unknown report {name!r}: use one of {', '.join(REPORTS)}")
    return S.development_single_only(name, [REPORTS[name]])[0]


def read_terms(path: Path) -> list[str]:
    """The strings of a census TSV (its header names the column: term, candidate, formula or string)."""
    if not path.exists():
        sys.exit(f"error: {path}: no such census file")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    col = next((header.index(c) for c in TERM_COLUMNS if c in header), None)
    if col is None:
        sys.exit(f"error: {path}:1: no column named {' or '.join(TERM_COLUMNS)}")
    return [r[col].strip() for r in rows[1:] if len(r) > col and r[col].strip()]


def own_verdicts(document: str) -> dict[str, dict]:
    """The author's verdicts on rows of this document (round 7's file, then round 8's and round 9's)."""
    return {r["candidate"]: r for path in JUDGED if path.exists() for r in read_list(path)
            if r.get("document") == document}


def blind_verdicts(year: str) -> dict[str, dict]:
    """A blind judge's verdicts on lists of this report (bench/discover_heldout_judged.jsonl), by candidate."""
    if year not in BLIND_ROUNDS or not BLIND.exists():
        return {}
    round_, slices = BLIND_ROUNDS[year]
    return {r["candidate"]: r for r in read_list(BLIND) if r.get("round") == round_ and r.get("slice") in slices}


def census_dir(year: str, given: Path | None = None) -> Path:
    """Where the census of ``year`` is: ``given`` (``--census-dir``), else round 8's folder for the 1988 and 1991
    reports and round 7's for the others."""
    return given or CENSUS_DIRS.get(year, CENSUS)


def census_note(year: str, census: Path = CENSUS) -> Path:
    """The note that says which lexicon the census of ``year`` was checked against."""
    own = census / f"census_{year}.md"
    return own if own.exists() else census / "census_development.md"


def census_commit(year: str, census: Path = CENSUS) -> str:
    """The commit of the lexicon a census was checked against, read from its note's "Lexicon checked" line.

    census_YYYY.md names it; census_development.md names one per section ("## 2017 and 2019 reports")."""
    note = census_note(year, census)
    if not note.exists():
        sys.exit(f"error: {note}: no such census note")
    text = note.read_text(encoding="utf-8")
    if note.name == "census_development.md":
        sections = re.split(r"(?m)^## ", text)
        text = next((s for s in sections if year in s.splitlines()[0]), "")
    found = re.search(r"Lexicon checked: the bundled lexicon at commit `([0-9a-f]{7,40})`", text)
    if not found:
        sys.exit(f"error: {note}: no \"Lexicon checked: ... commit `…`\" line for {year}")
    return found.group(1)


def lexicon_at(commit: str, into: Path) -> Path:
    """``lexicon/`` as it was at ``commit``, extracted under ``into`` (eval/precision.py's ``lexicon_at``); an
    unknown commit is a one-line error."""
    try:
        return archived_lexicon(commit, into)
    except ValueError as e:
        sys.exit(f"error: git archive of lexicon/: {e}")


class Setup:
    """A lexicon (by default the bundled one; else ``lexicon/`` at ``commit``), its fold and the curators'
    rejections, loaded once. No user lexicon is read."""

    def __init__(self, commit: str | None = None) -> None:
        os.environ["TERMKIT_LEXICON_DIR"] = tempfile.mkdtemp()
        from termkit.compile import load_compiled
        from termkit.discover.background import Background
        from termkit.discover.rejected import load_rejected
        from termkit.lexicon import bundled_lexicon_path

        self.commit = commit
        path = lexicon_at(commit, Path(tempfile.mkdtemp())) if commit else bundled_lexicon_path()
        self.compiled = load_compiled(path)
        self.matcher = self.compiled.matcher
        self.rejected = load_rejected(self.fold)
        self.bg = Background.load()

    def fold(self, s: str) -> str:
        return self.matcher.fold(s.replace("“", "").replace("”", "")).text


def run(setup: Setup, path: Path, every: bool) -> list[dict]:
    from termkit.corpus import read_documents
    from termkit.discover import DiscoverOptions, discover

    options = DiscoverOptions(min_score=0.0, top=None) if every else DiscoverOptions()
    return [c.to_dict() for c in discover(lambda: read_documents([str(path)]), setup.matcher, options,
                                          rejected=setup.rejected)]


def label_rows(setup: Setup, found: list[dict], good: set[str], border: set[str], own: dict,
               blind: dict | None = None) -> list[Row]:
    rows = []
    for i, r in enumerate(found, 1):
        forms = {setup.fold(r["candidate"]), setup.fold(r["key"])}
        if r.get("entry") and r.get("relation") not in (None, "new"):
            forms.add(setup.fold(r["entry"]))
        if forms & good:
            label = "good"
        elif forms & border:
            label = "bad"
        elif blind and r["candidate"] in blind:
            label = blind[r["candidate"]]["verdict"] + "~"
        elif r["candidate"] in own:
            label = own[r["candidate"]]["verdict"] + "*"
        else:
            label = "?"
        rows.append(Row(i, r["candidate"], r["key"], r["score"], r["kind"], r["count"], r.get("entry"), label))
    return rows


def trace_steps(setup: Setup, path: Path) -> tuple[dict[str, set[str]], object]:
    """Keys surviving each step of ``discover`` with defaults (same calls, in the same order)."""
    from termkit.compile import compile_lexicon
    from termkit.corpus import read_documents
    from termkit.discover import (
        MIN_POSITIVES,
        DiscoverOptions,
        adapt,
        attest,
        collect,
        drops_ordinary,
        known_keys,
        learn_and_score,
        learnt_ranking,
        rank,
        screen,
        shortlist,
    )
    from termkit.discover.learn import Model
    from termkit.lexicon import Lexicon

    matcher, bg = setup.matcher, setup.bg
    docs = lambda: read_documents([str(path)])  # noqa: E731
    blank = compile_lexicon(Lexicon(()), matcher.table)
    evidence = collect(docs(), blank, DiscoverOptions())
    options, note = adapt(DiscoverOptions(), evidence.stats.chars)
    positives = known_keys(matcher)
    negatives = set(setup.rejected) - positives
    prospects = shortlist(evidence, options, bg, positives, Model.load(part="pool"))
    cands, counts = attest(prospects, docs(), matcher, positives, bg, negatives, small=bool(note))
    cands, how = learn_and_score(cands, counts, positives, evidence, bg, Model.load(), options.min_count or 1,
                                 options.min_positives or MIN_POSITIVES, negatives)
    screened = screen(cands, bg, small=bool(note), learnt=learnt_ranking(how),
                      drop_ordinary=drops_ordinary(bool(note), how))
    ranked = rank(screened, replace(options, min_score=0.0, top=None))
    fold = setup.fold  # keys compared as census terms are: folded, quotation marks dropped
    steps = {"shape": {fold(k) for k in evidence.tally.seen}, "prospects": {fold(p.key) for p in prospects},
             "attested": {fold(c.key) for c in cands}, "screened": {fold(c.key) for c in screened},
             "ranked": {fold(c.key) for c in ranked}}
    return steps, (evidence, options)


def fate(setup: Setup, term: str, text: str, rows: list[Row], steps: dict[str, set[str]], ctx) -> str:
    """Where a census term went: its rank, or why it is not a row."""
    from termkit.discover.noise import noise_reason

    key = setup.fold(term)
    for r in rows:
        if key in (setup.fold(r.candidate), setup.fold(r.key)):
            return f"rank {r.rank} (score {r.score:.2f}, {r.kind})"
    seen = text.count(key)
    if setup.matcher.lookup(key) is not None:
        return f"known to the lexicon ({setup.commit or 'this tree'})"
    if key in setup.rejected:
        return "a curator's rejection"
    _evidence, options = ctx
    if key in steps["screened"] and key not in steps["ranked"]:
        if seen < (options.min_count or 1):
            return f"seen {seen}x: below the plain strings' count bar ({options.min_count})"
        return "dropped as a fragment of a longer candidate"
    if key in steps["attested"] and key not in steps["screened"]:
        return "dropped by the screen (a name, an event, or ordinary words on a small input)"
    known = [m.entry.term for m in setup.matcher.find(key)] if len(setup.matcher.entries) else []
    inside = f" (holds a known term: {'、'.join(dict.fromkeys(known))})" if known else ""
    if key in steps["prospects"] and key not in steps["attested"]:
        return f"dropped in the recount{inside or ' (cut across words, or a run cut inside a word)'}"
    if key in steps["shape"]:
        return f"found by its shape, not shortlisted{inside or ' (trimmed, a noise rule, or not a phrase)'}"
    held = [k for k in steps["ranked"] if k != key and (key in k or k in key)]
    if known:
        return f"never a candidate: holds a known term ({'、'.join(dict.fromkeys(known))})"
    if reason := noise_reason(key, setup.bg):
        return f"noise rule: {reason}"
    cut = f"; cut differently: {'、'.join(sorted(held, key=len)[:3])}" if held else ""
    if seen < (options.min_count or 1):
        return f"never a candidate: seen {seen}x, below the plain strings' count bar ({options.min_count}){cut}"
    return f"never a candidate: seen {seen}x, not in the first pass's pool{cut}"


# why a census term is lost, from its fate (see :func:`fate`), in the order a term meets the steps
LOSS_CLASSES = (
    ("shown in the top 30", r"^rank "),
    ("known to the lexicon or a curator's rejection", r"^known to the lexicon|^a curator's rejection"),
    ("never a candidate: holds a known term", r"^never a candidate: holds a known term"),
    ("never a candidate: seen once (plain string's count bar)", r"^never a candidate: seen 1x"),
    ("never a candidate: seen twice or more, not in the first pass's pool", r"^never a candidate: seen \d+x, not"),
    ("never a candidate: a noise rule", r"^noise rule"),
    ("found by its shape, not shortlisted", r"^found by its shape"),
    ("dropped in the recount (holds a known term, or cut across words)", r"^dropped in the recount"),
    ("dropped by the screen (ordinary words on a small input, a name, an event)", r"^dropped by the screen"),
    ("a candidate below the count bar (seen once)", r"^seen \d+x: below"),
    ("dropped as a fragment of a longer candidate", r"^dropped as a fragment"),
)


def loss_class(fate_text: str, shown: int) -> str:
    """The class of a census term's ``fate``: where it was lost. A ranked term is in the list shown (``shown`` rows,
    at most 30), ranked past the shown list's end within the top 30 (the score floor or the shown-rows cap), or
    ranked below 30.

    >>> loss_class("rank 12 (score 2.10, mwe)", 18), loss_class("rank 22 (score 0.5, mwe)", 18)
    ('shown in the top 30', 'ranked in the top 30, past the shown list (score floor or rows cap)')
    >>> loss_class("rank 31 (score 0.5, mwe)", 30)
    'ranked below 30'
    """
    if found := re.match(r"rank (\d+)", fate_text):
        at = int(found.group(1))
        return "shown in the top 30" if at <= min(shown, TOP) else \
            "ranked in the top 30, past the shown list (score floor or rows cap)" if at <= TOP else "ranked below 30"
    return next((name for name, pattern in LOSS_CLASSES if re.match(pattern, fate_text)), "other")


def score(setup: Setup, name: str, every: bool, show_terms: bool, show_rows: bool, census: Path = CENSUS,
          classes: Counter | None = None) -> str:
    path = path_of(name)
    year = year_of(name)
    blind = blind_verdicts(year)
    good_terms = read_terms(census / f"census_{year}.tsv")
    border_terms = read_terms(census / f"census_{year}_borderline.tsv") \
        if (census / f"census_{year}_borderline.tsv").exists() else []
    good = {setup.fold(t) for t in good_terms}
    border = {setup.fold(t) for t in border_terms} - good
    document = path.relative_to(S.CORPUS).as_posix()
    own = own_verdicts(document)
    shown = label_rows(setup, run(setup, path, False), good, border, own, blind)
    full = label_rows(setup, run(setup, path, True), good, border, own, blind)  # the whole ranking, @100 and ranks
    listing = full if every else shown

    def hits(rows: list[Row], n: int) -> int:
        return len({setup.fold(r.candidate) for r in rows[:n]} & good
                   | {setup.fold(r.key) for r in rows[:n]} & good)

    top = listing[:TOP]
    census_good = sum(r.label == "good" for r in top)
    blind_good = sum(r.label == "good~" for r in top)
    own_good = sum(r.label == "good*" for r in top)
    bad = sum(r.label in ("bad", "bad~", "bad*") for r in top)
    unl = sum(r.label == "?" for r in top)
    out = [f"{name} (lexicon of {setup.commit or 'this tree'}; {'--min-score 0' if every else 'defaults'}; "
           f"{len(listing)} rows; census {len(good)} good, {len(border)} borderline): good@30 "
           f"{census_good + blind_good + own_good} (census {census_good} + blind judge {blind_good} + author "
           f"{own_good}), bad {bad}, unlabelled {unl}; census recall@30 {hits(listing, TOP)}/{len(good)}, "
           f"@100 (of the whole ranking) {hits(full, WIDE)}/{len(good)}"]
    if show_rows:
        out += [f"{r.rank:>4} {r.label:<5} {r.score:>6.2f} {r.kind:<8} {r.count:>3} {r.candidate}"
                f"{' → ' + r.entry if r.entry else ''}" for r in listing]
    if show_terms:
        text = setup.fold(path.read_text("utf-8"))
        steps, ctx = trace_steps(setup, path)
        fates = [fate(setup, t, text, full, steps, ctx) for t in good_terms]
        out += [f"  {t}\t{f}\t{loss_class(f, len(shown))}" for t, f in zip(good_terms, fates)]
        if classes is not None:
            classes.update((name, loss_class(f, len(shown))) for f in fates)
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="+", help=f"development reports: {', '.join(REPORTS)}")
    ap.add_argument("--min-score", type=float, choices=[0.0], default=None,
                    help="0: score the whole list, not the default one")
    ap.add_argument("--terms", action="store_true", help="each census term's rank, or why it is not a row")
    ap.add_argument("--rows", action="store_true", help="each row with its label")
    ap.add_argument("--census-dir", type=Path, default=None,
                    help="where census_YYYY[_borderline].tsv are (default: bench/discover_round8 for 1988 and 1991, "
                         "bench/discover_round7 for the others)")
    ap.add_argument("--lexicon-now", action="store_true",
                    help="run with this tree's lexicon instead of the census's commit's (not a census score)")
    a = ap.parse_args()
    commits = {}
    for name in a.names:
        path_of(name)
        commits[name] = None if a.lexicon_now else census_commit(year_of(name), census_dir(year_of(name), a.census_dir))
    setups: dict[str | None, Setup] = {}
    classes: Counter = Counter()
    for name in a.names:
        setup = setups.get(commits[name]) or setups.setdefault(commits[name], Setup(commits[name]))
        print(score(setup, name, a.min_score == 0.0, a.terms, a.rows,
                    census_dir(year_of(name), a.census_dir), classes))
    if a.terms:
        print(loss_table(classes, a.names))


def loss_table(classes: Counter, names: list[str]) -> str:
    """A markdown table: census terms by where they were lost (rows) and report (columns), with the total."""
    order = [c for c in ("shown in the top 30", "ranked in the top 30, past the shown list (score floor or rows cap)",
                         "ranked below 30", *(n for n, _ in LOSS_CLASSES[1:]), "other")
             if any(classes[(n, c)] for n in names)]
    rows = [f"| where a census term is lost | {' | '.join(names)} | all |", f"|---|{'---:|' * (len(names) + 1)}"]
    for c in sorted(order, key=lambda c: (c != "shown in the top 30", -sum(classes[(n, c)] for n in names))):
        counts = [classes[(n, c)] for n in names]
        rows.append(f"| {c} | {' | '.join(map(str, counts))} | {sum(counts)} |")
    totals = [sum(v for (n, _), v in classes.items() if n == name) for name in names]
    rows.append(f"| census terms | {' | '.join(map(str, totals))} | {sum(totals)} |")
    return "\n".join(rows)


if __name__ == "__main__":
    main()
