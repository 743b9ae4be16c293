"""The judged precision samples (eval/precision-round*.tsv): well-formed, drawn to the design in
eval/README.md, and the figures in eval/README.md are what the files give. Where ../shared/corpus is
present, the last round's judged matches are still what the lexicon finds (else the figure is stale)."""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from helpers import ROOT, load_script

EVAL = ROOT / "eval"
CORPUS = Path(os.environ.get("TERMKIT_CORPUS") or ROOT.parent / "shared" / "corpus")
ROUNDS = {1: EVAL / "precision-round1.tsv", 2: EVAL / "precision-round2.tsv"}


precision = load_script(EVAL / "precision.py", "precision_eval")


@pytest.fixture(scope="module", params=sorted(ROUNDS))
def judged(request) -> tuple[int, list[dict[str, str]]]:
    return request.param, precision.read_tsv(str(ROUNDS[request.param]))


def readme() -> str:
    """eval/README.md, where the figures and rechecks of every sample are stated."""
    return (EVAL / "README.md").read_text(encoding="utf-8")


def readme_rows() -> dict[int, list[str]]:
    """The figures table of eval/README.md, by round."""
    rows = {}
    for line in readme().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and (m := re.match(r"(\d+) \(", cells[0])):
            rows[int(m.group(1))] = cells
    return rows


def test_every_row_is_judged_with_a_reason(judged) -> None:
    n, rows = judged
    assert rows, f"round {n} is empty"
    assert precision.check_judged(rows, ROUNDS[n].name) == []


def test_the_sample_follows_the_design(judged) -> None:
    n, rows = judged
    assert all(r["sample"].startswith(f"s{n}-") for r in rows), "sample ids carry the round's seed"
    assert len(rows) >= 400
    weighted = [r for r in rows if r["stratum"] == "weighted"]
    assert len(weighted) >= precision.MIN_RANDOM
    short = Counter(r["id"] for r in rows if r["stratum"] == "short")
    assert all(k <= precision.PER_SHORT for k in short.values())
    assert all(len(r["term"]) <= precision.SHORT for r in rows if r["stratum"] == "short")
    assert not any(len(r["term"]) <= precision.SHORT and r["id"] not in short for r in weighted), \
        "every short entry with matches is in the short stratum"


def test_rows_show_the_matched_text_in_its_context(judged) -> None:
    _, rows = judged
    for r in rows:
        assert int(r["start"]) < int(r["end"]) and r["text"], r["sample"]
        assert len(r["left"]) <= precision.CONTEXT and len(r["right"]) <= precision.CONTEXT, r["sample"]


def test_readme_figures_match_the_files(judged) -> None:
    n, rows = judged
    cells = readme_rows()[n]
    overall, entries = precision.figures(rows)
    total, weighted, short = overall
    lo, hi = precision.wilson(total.right, total.n)
    assert cells[1] == str(n)
    assert (int(cells[3]), int(cells[4])) == (total.n, total.right)
    assert cells[5] == f"{total.right / total.n:.1%}"
    assert cells[6] == f"{lo:.1%}–{hi:.1%}"
    assert cells[7] == f"{weighted.right}/{weighted.n}" and cells[8] == f"{short.right}/{short.n}"
    assert (int(cells[9]), int(cells[10])) == (len(entries), sum(f.right < 0.9 * f.n for f in entries))


def test_wilson_interval() -> None:
    assert [round(x, 3) for x in precision.wilson(5, 5)] == [0.566, 1.0]
    assert precision.wilson(0, 0) == (0.0, 1.0)


def test_check_judged_names_bad_rows() -> None:
    good = {f: "x" for f in precision.SAMPLE_FIELDS} | {"verdict": "right", "stratum": "short",
                                                          "start": "1", "end": "2"}
    assert precision.check_judged([good], "t.tsv") == []
    problems = precision.check_judged([good | {"verdict": "maybe", "reason": " "}, good], "t.tsv")
    assert any("row 2: verdict" in p for p in problems) and any("no reason" in p for p in problems)
    assert any("row 3: sample x drawn twice" in p for p in problems)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the test corpus is not at {CORPUS}")
def test_round_one_recheck_in_the_readme_is_true() -> None:
    text = readme()
    m = re.search(r"recheck of round 1: (\d+) of (\d+) right rows still matched, (\d+) of (\d+) wrong rows", text)
    assert m, "eval/README.md states what the lexicon now does with round 1's rows"
    assert recheck(precision.read_tsv(str(ROUNDS[1]))) == ((int(m[1]), int(m[2])), (int(m[3]), int(m[4])))


def recheck(rows: list[dict[str, str]]) -> tuple[tuple[int, int], tuple[int, int]]:
    """What ``precision.py recheck`` reports of judged ``rows``: (still matched, all) of the right rows and of the
    wrong ones, the lexicon as it is now matched over the rows' lines."""
    kept = precision.still_matched(rows, precision.found_now(rows, str(CORPUS)))
    right, wrong = ((sum(k for r, k in zip(rows, kept, strict=True) if r["verdict"] == v),
                     sum(r["verdict"] == v for r in rows)) for v in precision.VERDICTS)
    return right, wrong


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the test corpus is not at {CORPUS}")
def test_last_round_is_what_the_lexicon_finds_now() -> None:
    rows = precision.read_tsv(str(ROUNDS[max(ROUNDS)]))
    now = precision.found_now(rows, str(CORPUS))
    kept, longer = precision.still_matched(rows, now), precision.taken_by_longer(rows, now)
    lost = [r["sample"] for r, k, t in zip(rows, kept, longer, strict=True) if not k and not t]
    assert not lost, f"the lexicon no longer finds these judged matches; draw and judge a new round: {lost}"
    # a judged match whose characters a longer entry now takes (leftmost-longest) is named in eval/README.md
    text = readme()
    for r, t in zip(rows, longer, strict=True):
        if t:
            assert f"{r['sample']} ({r['id']} → {t})" in text, f"eval/README.md names {r['sample']} taken by {t}"


# The samples of added entries (eval/README.md, "The entries added after round 2", "… in round 6", "… in round 7",
# "… in round 8" and "… in round 9"):
# file, sample-id prefix (or prefixes: one per seed drawn), the revision they were drawn since, and the label of their figures in the README.
ADDED_SAMPLES = [
    (EVAL / "precision-added.tsv", "a3-", "ddb4d7f", "added-entries sample"),
    (EVAL / "precision-added-round6.tsv", ("a6-", "a7-"), "f02dcf8", "round-6 added-entries sample"),
    (EVAL / "precision-added-round7.tsv", "a9-", "53b26d9", "round-7 added-entries sample"),
    (EVAL / "precision-added-round8.tsv", "a10-", "41ccfc8", "round-8 added-entries sample"),
    (EVAL / "precision-added-round9.tsv", "a9-", "ae926c1", "round-9 added-entries sample"),  # seed 9, as round 7's
    (EVAL / "precision-added-round10.tsv", "a10-", "1416df4", "round-10 added-entries sample"),  # seed 10, as round 8's
    (EVAL / "precision-added-round11.tsv", "a11-", "0ee3bef", "round-11 added-entries sample"),
    (EVAL / "precision-added-round12.tsv", "a12-", "7652723", "round-12 added-entries sample"),
    (EVAL / "precision-added-round12b.tsv", "a13-", "3572aee", "round-12 second added-entries sample"),
    (EVAL / "precision-added-round13.tsv", "a14-", "b462029", "round-13 added-entries sample"),
    (EVAL / "precision-added-round13b.tsv", "a15-", "9257980", "round-13 second added-entries sample"),
    (EVAL / "precision-added-round14.tsv", "a16-", "4a20926", "round-14 added-entries sample"),
    (EVAL / "precision-added-round14b.tsv", "a17-", "bbb6c95", "round-14 second added-entries sample"),
    (EVAL / "precision-added-round19.tsv", "a18-", "2ee2a4d", "round-19 added-entries sample"),
    (EVAL / "precision-added-round19b.tsv", "a19-", "6952310", "round-19 second added-entries sample"),
    (EVAL / "precision-added-round21.tsv", "a20-", "64f1595", "round-21 added-entries sample"),
    (EVAL / "precision-added-round23.tsv", "a23-", "9682aab", "round-23 added-entries sample"),
    (EVAL / "precision-added-round24.tsv", "a24-", "9220ff9", "round-24 added-entries sample"),
    (EVAL / "precision-added-round25.tsv", "a25-", "589e50b", "round-25 added-entries sample"),
]


@pytest.fixture(scope="module", params=ADDED_SAMPLES, ids=lambda p: p[0].name)
def added(request) -> tuple[list[dict[str, str]], str, str, str]:
    path, prefix, since, label = request.param
    return precision.read_tsv(str(path)), prefix, since, label


def test_added_sample_is_judged_and_follows_its_design(added) -> None:
    added_rows, prefix, _, _ = added
    assert precision.check_judged(added_rows, prefix) == []
    assert all(r["sample"].startswith(prefix) for r in added_rows), "sample ids carry the seed"
    assert {r["stratum"] for r in added_rows} == {"added", "new-surface"}
    per = Counter((r["stratum"], r["id"]) for r in added_rows)
    assert all(k <= precision.PER_ADDED for k in per.values())
    assert not {r["id"] for r in added_rows if r["stratum"] == "added"} & \
        {r["id"] for r in added_rows if r["stratum"] == "new-surface"}
    for r in added_rows:
        assert int(r["start"]) < int(r["end"]) and r["text"], r["sample"]
        assert len(r["left"]) <= precision.CONTEXT and len(r["right"]) <= precision.CONTEXT, r["sample"]


def test_added_sample_holds_no_entry_of_the_judged_rounds(added) -> None:
    added_rows = added[0]
    judged = {r["id"] for n in ROUNDS for r in precision.read_tsv(str(ROUNDS[n]))}
    assert not judged & {r["id"] for r in added_rows if r["stratum"] == "added"}


def test_the_added_samples_share_no_entry() -> None:
    ids = [{r["id"] for r in precision.read_tsv(str(p)) if r["stratum"] == "added"} for p, *_ in ADDED_SAMPLES]
    for i, one in enumerate(ids):
        for other in ids[i + 1:]:
            assert not one & other


# samples whose draw a later fix changed (a surface taken out after its judged row was wrong): compared with the
# lexicon they were drawn from
DRAWN_AT = {"a18-": "9826c1e",  # three-new-economy lost 新产业、新业态、新模式 after a18-237 (eval/README.md)
            "a23-": "10b950e"}  # implementers-doers-hard-workers lost 行动派、实干家 after a23-034


def test_added_entries_are_the_ones_missing_at_the_older_revision(added, tmp_path) -> None:
    added_rows, prefix, since, _ = added
    try:
        old = precision.lexicon_at(since, tmp_path / "old")
        drawn = precision.lexicon_at(DRAWN_AT[prefix], tmp_path / "drawn") if prefix in DRAWN_AT else None
    except ValueError as e:
        pytest.skip(f"the git history is not here: {e}")
    new = precision.added_since(old, str(drawn) if drawn else None)
    sampled = {r["id"] for r in added_rows if r["stratum"] == "added"}
    assert sampled <= new.entries, "every sampled entry was added after the older revision"
    assert {r["id"] for r in added_rows if r["stratum"] == "new-surface"} <= new.grown


def test_added_figure_in_the_readme_is_what_the_file_gives(added) -> None:
    added_rows, _, _, label = added
    text = readme()
    m = re.search(rf"(?<![\w-]){re.escape(label)}: (\d+) of (\d+) right \(([\d.]+%), 95% Wilson ([\d.]+%)–([\d.]+%)\);"
                  r"\s+added stratum (\d+)/(\d+),\s+new-surface\s+stratum (\d+)/(\d+)", text)
    assert m, f"eval/README.md states the {label} figure"
    total, in_added, surface = precision.figures(added_rows)[0]
    lo, hi = precision.wilson(total.right, total.n)
    assert (int(m[1]), int(m[2])) == (total.right, total.n)
    assert (m[3], m[4], m[5]) == (f"{total.right / total.n:.1%}", f"{lo:.1%}", f"{hi:.1%}")
    assert (int(m[6]), int(m[7]), int(m[8]), int(m[9])) == (in_added.right, in_added.n, surface.right, surface.n)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the test corpus is not at {CORPUS}")
def test_added_recheck_in_the_readme_is_true(added) -> None:
    added_rows, _, _, label = added
    text = readme()
    m = re.search(rf"recheck of the {re.escape(label)}: (\d+) of (\d+) right rows still matched,\s+"
                  r"(\d+) of (\d+) wrong rows", text)
    assert m, f"eval/README.md states what the lexicon now does with the {label}"
    assert recheck(added_rows) == ((int(m[1]), int(m[2])), (int(m[3]), int(m[4])))


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """``precision.py recheck … | head``: the script stops quietly, with the shell's code for it (128 + SIGPIPE),
    when its reader goes away."""
    import subprocess

    script = Path(__file__).resolve().parent.parent / "eval" / "precision.py"
    run = subprocess.Popen([sys.executable, str(script), "score", str(script.parent / "precision-added.tsv")],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout is not None and run.stderr is not None
    run.stdout.close()  # as head does once it has its lines: here before the script has written any
    err = run.stderr.read().decode()
    assert run.wait() == 141 and "Traceback" not in err and "BrokenPipeError" not in err, err
