"""The readers' model under --reference (termkit.discover.reader) and its training data (bench/discover_reader.py)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from helpers import ROOT, load_script, make_matcher, story_with_reference

from termkit.corpus import Document
from termkit.discover import Candidate, DiscoverOptions, discover
from termkit.discover.background import Background
from termkit.discover.learn import Model
from termkit.discover.reader import NAMES, NAMES_ROUND19, THRESHOLD, chances, features, judge, noun_list
from termkit.discover.reference import Reference

ROWS = ROOT / "bench" / "discover_round19" / "reader_rows.jsonl"
ROWS25 = ROOT / "bench" / "discover_round25" / "reader_rows.jsonl"
reader_bench = load_script(ROOT / "bench" / "discover_reader.py")

STORY = "会谈中指出，志同道合、命运与共是两国关系最鲜明的特征。双方为合作按下“加速键”。"
MONTHS = [("m1", "2023-01", "志同道合、命运与共是特征。按下“加速键”。"), ("m2", "2023-05", "坚持志同道合、命运与共。按下“加速键”。"),
          ("m3", "2024-02", "志同道合、命运与共的关系。按下“加速键”。")]
# a model that doubts every quoted string and nothing else
DOUBTS_QUOTES = Model(("kind_quoted",), [0.0], [1.0], [-10.0], 5.0)


@pytest.fixture(autouse=True)
def _one_background(monkeypatch: pytest.MonkeyPatch, background) -> None:
    monkeypatch.setattr(Background, "load", classmethod(lambda cls: background))


@pytest.mark.parametrize(("row", "expect"), [
    ({"candidate": "加速键", "kind": "quoted", "reasons": ["quoted_share"]},
     {"kind_quoted": 1.0, "items": 1.0, "reason_quoted_share": 1.0, "digit": 0.0}),
    ({"candidate": "教育、科技、人才", "kind": "parallel", "reasons": ["head", "rhetorical list"]},
     {"kind_parallel": 1.0, "items": 3.0, "reason_head": 1.0, "reason_rhetorical_list": 1.0, "reason_length": 0.0}),
    ({"candidate": "人工智能+制造", "kind": "quoted", "relation": "expansion"}, {"plus": 1.0, "related": 1.0}),
    ({"candidate": "两重", "kind": "numbered", "new_items": ["x"]}, {"digit": 1.0, "kind_numbered": 1.0,
                                                                     "new_items": 1.0}),
])
def test_features_of_a_row(row, expect) -> None:
    f = features(row)
    assert set(f) == set(NAMES)
    assert {k: f[k] for k in expect} == expect


def test_judge_keeps_order_and_marks_chances() -> None:
    rows = [Candidate("教育、科技、人才", 1.0, 1, 1, "parallel", ""), Candidate("加速键", 2.0, 1, 1, "quoted", ""),
            Candidate("两重", 1.5, 1, 1, "numbered", "")]
    kept, gone = judge(rows, DOUBTS_QUOTES)
    assert [c.candidate for c in kept] == ["教育、科技、人才", "两重"] and [c.candidate for c in gone] == ["加速键"]
    assert kept[0].to_dict()["reader"] > THRESHOLD > gone[0].notes["reader"]
    assert judge(rows, None) == (rows, [])


def test_the_shipped_model_is_the_one_its_rows_train() -> None:
    """model.json's ``reader`` part is what bench/discover_reader.py ``train`` fits on the stored judged rows: the
    eight sheets of rounds 15–24, with round 25's features."""
    fit, load = reader_bench.fit, reader_bench.load
    shipped = Model.load(part="reader")
    assert shipped is not None and set(shipped.names) == set(NAMES)
    assert shipped.trained_on.startswith("blind verdicts of rounds 15, 16, 17, 18, 19, 21, 23, 24 ")
    again = fit(load(ROWS25))
    assert again.names == shipped.names
    assert again.coef == pytest.approx(shipped.coef, abs=1e-6)
    assert again.intercept == pytest.approx(shipped.intercept, abs=1e-6)


@pytest.mark.parametrize(("path", "names", "rounds", "size", "threshold", "expect"), [
    (ROWS, NAMES_ROUND19, ["15", "16", "17", "18"], (505, 160), 0.35, {"bad": 144, "good": 28}),  # round 19
    (ROWS, NAMES_ROUND19, None, (620, 195), 0.30, {"bad": 138, "good": 17}),  # round 20: five rounds
    (ROWS, NAMES_ROUND19, None, (620, 195), 0.35, {"bad": 175, "good": 30}),
    (ROWS25, NAMES_ROUND19, None, (988, 281), 0.35, {"bad": 284, "good": 50}),  # round 25: eight rounds
    (ROWS25, NAMES, None, (988, 281), THRESHOLD, {"bad": 333, "good": 45}),  # with noun_list, the shipped threshold
    (ROWS25, NAMES, None, (988, 281), 0.40, {"bad": 411, "good": 59}),  # over one good row in five: not chosen
])
def test_leave_one_round_out_figures(path, names, rounds, size, threshold, expect) -> None:
    """The development figures bench/discover_results.md reports for rounds 19, 20 and 25, recomputed from the
    stored rows: what the left-out rounds lose at a threshold."""
    rows = reader_bench.load(path, rounds)
    assert (len(rows), sum(r["verdict"] == "good" for r in rows)) == size
    pooled = sum(reader_bench.left_out(rows, reader_bench.loro(rows, names), threshold).values(), Counter())
    assert {"bad": pooled["out bad"], "good": pooled["out good"]} == expect


def test_the_noun_list_feature_raises_the_left_out_rounds_auc() -> None:
    """Round 25's choice, recomputed: over the eight rounds left out in turn, noun_list raises the pooled ROC AUC
    (0.731 → 0.748)."""
    rows = reader_bench.load(ROWS25)
    before, _ = reader_bench.auc(rows, reader_bench.loro(rows, NAMES_ROUND19))
    after, _ = reader_bench.auc(rows, reader_bench.loro(rows, NAMES))
    assert round(before, 3) == 0.731 and round(after, 3) == 0.748


@pytest.mark.parametrize(("text", "expect"), [
    ("党员、干部", True), ("自治区、直辖市", True), ("国家标准、行业标准", True),
    ("新产品、新技术", False),  # 新 is an adjective to jieba: not a list of nouns by this rule
    ("走在前、挑大梁", False), ("正本清源、固本培元", False), ("武装全党、教育人民", False),
    ("党员", False),  # no run
])
def test_noun_list(background, text, expect) -> None:
    assert noun_list(text, background) is expect


def test_chances_match_a_row_of_jsonl() -> None:
    row = json.loads(ROWS.read_text(encoding="utf-8").splitlines()[0])["row"]
    model = Model.load(part="reader")
    assert 0.0 < chances([row], model)[0] < 1.0


def test_save_all_keeps_the_other_parts(tmp_path) -> None:
    path = tmp_path / "model.json"
    Model.save_all(path, rank=Model(("head",), [0.0], [1.0], [1.0], 0.0), pool=Model(("head",), [0.0], [1.0], [1.0],
                                                                                    0.0))
    Model.save_all(path, reader=DOUBTS_QUOTES)
    assert set(json.loads(path.read_text(encoding="utf-8"))) == {"rank", "pool", "reader"}
    assert Model.load(path, part="reader") == DOUBTS_QUOTES


def test_discover_leaves_out_what_the_readers_model_doubts(table, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a reference every row carries its chance; by default (or --strict) the doubted rows are left out with a
    note, and --no-strict or --min-score 0 shows them again; without a reference the model is not asked and an
    explicit --strict says it does nothing (round 24: the filter became the default)."""
    load = Model.load.__func__

    def doubting(cls, path=None, part="rank"):
        return DOUBTS_QUOTES if part == "reader" else load(cls, part=part) if path is None else load(cls, path, part)

    monkeypatch.setattr(Model, "load", classmethod(doubting))
    matcher = make_matcher(table, {"term": "两国关系"})
    story = [Document("story", STORY)]
    ref = Reference.of(MONTHS)
    plain = discover(lambda: story, matcher, DiscoverOptions(strict=False), reference=ref)
    assert {"志同道合、命运与共", "加速键"} <= {c.candidate for c in plain}
    assert {c.candidate: c.to_dict()["reader"] < THRESHOLD for c in plain}["加速键"]
    for strict in (None, True):  # the default, and --strict said
        notes: list[str] = []
        found = discover(lambda: story, matcher, DiscoverOptions(strict=strict), reference=ref, on_note=notes.append)
        names = {c.candidate for c in found}
        assert "志同道合、命运与共" in names and "加速键" not in names
        assert any("readers" in n and "--no-strict" in n and "--min-score 0" in n for n in notes)
    every = discover(lambda: story, matcher, DiscoverOptions(min_score=0, strict=True), reference=ref)
    assert "加速键" in {c.candidate for c in every}
    notes.clear()
    alone = discover(lambda: story, matcher, DiscoverOptions(min_score=0, strict=True), on_note=notes.append)
    assert all("reader" not in c.to_dict() for c in alone)
    assert any(n.startswith("--strict acts only") for n in notes)
    notes.clear()
    discover(lambda: story, matcher, DiscoverOptions(min_score=0), on_note=notes.append)
    assert not any(n.startswith("--strict acts only") for n in notes)  # the default says nothing without -r


def test_the_help_names_the_threshold() -> None:
    from typer.testing import CliRunner

    from termkit.cli import app

    r = CliRunner().invoke(app, ["discover", "--help"], env={"COLUMNS": "200"})
    assert f"less than a {THRESHOLD:g} chance" in " ".join(r.stdout.split())


def test_cli_strict(tmp_path) -> None:
    """-r: every jsonl row carries the readers' chance; by default (and with --strict) only rows at or above the
    threshold are shown, with --no-strict every row."""
    from typer.testing import CliRunner

    from termkit.cli import app

    lex, story, ref = story_with_reference(tmp_path, STORY, MONTHS)
    args = ["discover", str(story), "-l", str(lex), "-r", str(ref), "-f", "jsonl"]
    r = CliRunner().invoke(app, [*args, "--no-strict"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(0.0 <= row["reader"] <= 1.0 for row in rows)
    assert any(row["reader"] < THRESHOLD for row in rows)  # the story holds a row the model doubts
    for flags in ([], ["--strict"]):
        r = CliRunner().invoke(app, [*args, *flags])
        assert r.exit_code == 0, r.output
        strict = [json.loads(line) for line in r.stdout.splitlines()]
        assert [x["candidate"] for x in strict] == [x["candidate"] for x in rows if x["reader"] >= THRESHOLD]
