"""Rejected candidates (termkit.discover.rejected): the file format, the user's list, discover leaving them
out and learning from them, and the shipped list's honesty rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT, SEEDS
from typer.testing import CliRunner

from termkit.cli import app
from termkit.discover import Candidate, drop_rejected
from termkit.discover.rejected import (
    BUNDLED_PATH,
    add_rejection,
    load_rejected,
    parse_rejected,
    read_rejected,
    user_rejected_path,
)
from termkit.errors import InputError

HEADER = "candidate\treason\n"


@pytest.fixture(scope="module")
def fold():
    from termkit.compile import compile_lexicon
    from termkit.lexicon import Lexicon

    m = compile_lexicon(Lexicon(()))
    return lambda s: m.fold(s).text


@pytest.mark.parametrize(("text", "message"), [
    ("北溪\tname\n", "t.tsv:1: the header must be candidate reason"),
    (HEADER + "北溪\n", "t.tsv:2: expected 2 columns"),
    (HEADER + "北溪\tname\textra\n", "t.tsv:2: expected 2 columns"),
    (HEADER + "# fine\n\n北溪\twhatever\n", "t.tsv:4: reason 'whatever' must start with one of: ordinary phrase"),
    ("# only a comment\n北溪\tname\n", "t.tsv:2: the header"),
])
def test_bad_rows_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_rejected(text, "t.tsv")


def test_an_empty_or_missing_list_holds_nothing(tmp_path: Path) -> None:
    assert parse_rejected("", "t.tsv") == [] and read_rejected(tmp_path / "none.tsv") == []


def test_rejections_are_compared_folded(fold, tmp_path: Path) -> None:
    p = tmp_path / "r.tsv"
    p.write_text(HEADER + "北溪\tname: a pipeline\n人造太陽\tordinary phrase: a nickname\n", encoding="utf-8")
    got = load_rejected(fold, [p])
    assert got == {"北溪": "name: a pipeline", "人造太阳": "ordinary phrase: a nickname"}


def test_adding_creates_the_list_and_changes_a_reason_in_place(fold, tmp_path: Path) -> None:
    p = tmp_path / "new" / "rejected.tsv"
    assert add_rejection(p, "星舰", "name: a rocket", fold)
    assert add_rejection(p, "中国天眼", "name", fold)
    assert not add_rejection(p, "星艦", "name: Starship", fold)  # the same string in traditional script
    rows = read_rejected(p)
    assert [(r.candidate, r.reason) for r in rows] == [("星舰", "name: Starship"), ("中国天眼", "name")]
    assert p.read_text("utf-8").startswith("#")
    assert not [q for q in p.parent.iterdir() if q.name.startswith(".termkit-")]  # no temporary file left


def test_adding_keeps_comments_and_rows_where_they_were(fold, tmp_path: Path) -> None:
    p = tmp_path / "rejected.tsv"
    p.write_bytes("# mine\ncandidate\treason\n北溪\tname\n# reviewed 2026-11\n五一\tevent\r\n".encode())
    assert not add_rejection(p, "北溪", "name: a pipeline", fold)
    assert add_rejection(p, "星舰", "name", fold)
    assert p.read_bytes().decode() == ("# mine\ncandidate\treason\n北溪\tname: a pipeline\n# reviewed 2026-11\n"
                                       "五一\tevent\r\n星舰\tname\n")


def test_adding_refuses_a_bad_reason_and_the_shipped_list(fold, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="must start with one of"):
        add_rejection(tmp_path / "r.tsv", "星舰", "a rocket", fold)
    assert not (tmp_path / "r.tsv").exists()
    with pytest.raises(InputError, match="shipped with termkit"):
        add_rejection(BUNDLED_PATH, "星舰", "name", fold)


def test_drop_rejected_leaves_out_or_marks() -> None:
    cs = [Candidate("人造太陽", 9.0, 9, 3, "quoted", "", key="人造太阳"), Candidate("放管服", 5.0, 9, 3, "quoted", "")]
    kept, skipped = drop_rejected(cs, {"人造太阳": "name"}, str)
    assert [c.candidate for c in kept] == ["放管服"] and skipped == 1
    shown, skipped = drop_rejected(cs, {"人造太阳": "name"}, str, show=True)
    assert [c.reasons for c in shown] == [("rejected: name",), ()] and skipped == 1


def _discover(*extra: str) -> tuple[list[dict], str]:
    r = CliRunner().invoke(app, ["discover", str(SEEDS), "-f", "jsonl", "--min-count", "2", "-n", "40", *extra])
    assert r.exit_code == 0, r.output
    return [json.loads(line) for line in r.stdout.splitlines()], r.stderr


def test_discover_leaves_out_what_the_user_rejected_and_says_so() -> None:
    before, err = _discover()
    assert before and "rejected" not in err
    first = before[0]["candidate"]
    r = CliRunner().invoke(app, ["lexicon", "reject", first, "--reason", "ordinary phrase: a test"])
    assert r.exit_code == 0 and str(user_rejected_path()) in r.stdout.replace("\n", "")
    after, err = _discover()
    assert first not in [c["candidate"] for c in after]
    assert "1 rejected candidate left out" in err and "--show-rejected" in err
    shown, err = _discover("--show-rejected")
    marked = [c for c in shown if c["candidate"] == first]
    assert marked and marked[0]["reasons"][0] == "rejected: ordinary phrase: a test"
    assert "1 rejected candidate marked" in err


def test_a_broken_user_list_is_a_one_line_error() -> None:
    user_rejected_path().parent.mkdir(parents=True, exist_ok=True)
    user_rejected_path().write_text(HEADER + "北溪\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["discover", str(SEEDS)])
    assert r.exit_code == 1
    assert r.stderr.strip() == f"error: {user_rejected_path()}:2: expected 2 columns (candidate, reason), got 1"


def test_lexicon_reject_needs_a_known_reason() -> None:
    r = CliRunner().invoke(app, ["lexicon", "reject", "星舰", "--reason", "dislike"])
    assert r.exit_code == 1 and r.stderr.startswith("error: ") and not user_rejected_path().exists()


def test_the_shipped_list_holds_only_rejections_of_the_triage() -> None:
    """Every shipped row is a ``reject`` row of eval/corpus-triage.tsv with the same reason (the list is built from
    it by bench/build_rejected.py, which also drops rows whose evidence is outside the development slice)."""
    from termkit.triage import read_triage

    shipped = read_rejected(BUNDLED_PATH)
    triage = {r.candidate: r for r in read_triage(ROOT / "eval" / "corpus-triage.tsv")}
    assert shipped
    for r in shipped:
        assert r.candidate in triage and triage[r.candidate].decision == "reject", r
        assert triage[r.candidate].reason == r.reason, r
    assert len(shipped) < sum(r.decision == "reject" for r in triage.values())  # some are left out by the rule


def test_no_shipped_rejection_is_a_term_of_the_bundled_lexicon() -> None:
    """A string curated into the lexicon after the triage rejected it must leave the shipped list (its triage row
    becomes ``entry``): else ``discover`` with any other lexicon, and a k-fold check that hides the entry, would
    never show it. The bare string is looked up, as the list holds it, so an entry matched only where its context
    rule allows counts too."""
    from termkit.compile import load_compiled
    from termkit.lexicon import bundled_lexicon_path

    full = load_compiled(bundled_lexicon_path())
    surfaces = {full.matcher.fold(s).text for e in full.lexicon.entries for s in e.surfaces}
    clash = sorted(r.candidate for r in read_rejected(BUNDLED_PATH) if full.matcher.fold(r.candidate).text in surfaces)
    assert clash == []


def test_learning_weighs_a_labelled_negative_more() -> None:
    from termkit.discover.learn import fit

    rows = [{"quoted_share": q, "head": h} for q, h in ((0.9, 1), (0.8, 1), (0.1, 0), (0.2, 0), (0.85, 0), (0.9, 0))]
    labels = [True, True, False, False, True, True]
    plain = fit(rows, labels, names=("quoted_share", "head"))
    weighed = fit(rows, labels, names=("quoted_share", "head"), weights=[1, 1, 1, 1, 1, 1])
    assert plain.coef == pytest.approx(weighed.coef)
    labels[5] = False  # (0.9, 0) rejected by a curator: a labelled negative
    noisy = fit(rows, labels, names=("quoted_share", "head"))
    labelled = fit(rows, labels, names=("quoted_share", "head"), weights=[1, 1, 1, 1, 1, 5])
    probe = {"quoted_share": 0.9, "head": 0.0}
    assert labelled.probability_of([probe])[0] < noisy.probability_of([probe])[0]
