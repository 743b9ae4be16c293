"""bench/discover_train.py: the curators' verdicts the shipped model learns from are read from their files, used
only when every corpus file their input names is development text, and become labelled rows of the training."""

from __future__ import annotations

import pytest
from helpers import ROOT, load_cases, load_script, make_matcher

from termkit.corpus import Document
from termkit.discover import JUDGED_WEIGHT, DiscoverOptions
from termkit.discover.background import Background

# a corpus listing shaped like ../shared/corpus (no corpus is read): 新闻联播 by month, the work reports by year, the
# Congress reports, People's Daily and two traditional files
FILES = ([f"news/xinwenlianbo/{y}/xinwenlianbo_{y}-{m:02d}.txt" for y in range(2022, 2027) for m in range(1, 13)]
         + [f"reports/gov_work_reports/gov_work_report_{y}.txt" for y in [*range(1954, 2023), 2024]]
         + ["reports/congress/19th_congress_report_2017.txt", "reports/congress/20th_congress_report_2022.txt",
            "news/peoples_daily_sighan2005_pku_test.txt", "traditional/cityu.txt", "traditional/zhong.txt"])
# held out by rounds 1-7 (bench/discover_protocol.md): 新闻联播 2022, 2025, 2026; the work reports 1993-2016, 2018, 2022,
# 2024; the 19th Congress report
HELD_OUT = {f for f in FILES if any(f"xinwenlianbo/{y}/" in f for y in (2022, 2025, 2026))} \
    | {f"reports/gov_work_reports/gov_work_report_{y}.txt" for y in [*range(1993, 2017), 2018, 2022, 2024]} \
    | {"reports/congress/19th_congress_report_2017.txt"}
DEVELOPMENT = [f for f in FILES if f not in HELD_OUT]


@pytest.fixture(scope="module")
def train():
    """bench/discover_train.py as a module (it reads no corpus until asked)."""
    return load_script(ROOT / "bench" / "discover_train.py")


@pytest.mark.parametrize("case", load_cases("discover_verdict_inputs"))
def test_a_verdicts_input_names_its_files(train, case: dict) -> None:
    named = train.input_files(case["input"], FILES)
    assert len(named) == case["count"] and set(case["includes"]) <= named
    row = {"candidate": "x", "good": False, "input": case["input"]}
    assert bool(train.usable([row], FILES, DEVELOPMENT)) is case["development"]


def test_the_verdict_files_lose_every_row_made_on_held_out_text(train) -> None:
    rows = train.read_verdicts()
    kept = train.usable(rows, FILES, DEVELOPMENT)
    assert rows and kept and len(kept) < len(rows)
    assert all(train.input_files(r["input"], FILES) <= set(DEVELOPMENT) for r in kept)
    # round 5's report groups held the 1993-2016 reports: none of their rows is used
    round5_reports = [r for r in rows if r["file"] == "discover_curation_round5.jsonl" and "gov_work_report" in r["input"]]
    assert round5_reports and not any(r in kept for r in round5_reports)
    # what is left is 新闻联播 2023-2024, the five development reports, People's Daily and the traditional texts
    assert {f.split("/")[0] for r in kept for f in train.input_files(r["input"], FILES)} == {"news", "reports",
                                                                                            "traditional"}


def test_a_string_judged_both_ways_or_known_is_not_used(train) -> None:
    rows = [{"candidate": "三证合一", "good": True}, {"candidate": "事业单位", "good": False},
            {"candidate": "最低工资制度", "good": False}, {"candidate": "最低工资制度", "good": True},
            {"candidate": "放管服", "good": True}]
    assert train.judged_keys(rows, str, skip={"放管服"}) == {"三证合一": True, "事业单位": False}


def test_the_measuring_split_is_news_2024_and_the_five_reports(train) -> None:
    split = lambda text: train.in_split({"input": text}, FILES)  # noqa: E731
    assert split("news/xinwenlianbo/2024/xinwenlianbo_2024-01…03.txt")
    assert split("reports/gov_work_reports/gov_work_report_2019.txt")
    assert not split("news/xinwenlianbo/2023/xinwenlianbo_2023-01…03.txt")
    assert not split("traditional/ (CityU, 眾新聞 2016–2021)")


def test_judged_strings_are_labelled_rows_of_the_training(table, background, monkeypatch) -> None:
    from termkit.discover.learn import training_rows

    monkeypatch.setattr(Background, "load", classmethod(lambda cls: background))
    filler = ["会议指出", "各地区各部门", "必须认真研究", "进一步加强工作", "群众普遍反映", "今年以来", "要统筹安排"]
    known = ["放管服", "河长制", "一网通办"]
    phrases = [*known, "三证合一", "事业单位", "营商环境"]
    docs = [Document(f"d{d}", "\n".join(f"{filler[(d + i) % 7]}，推进“{p}”。{filler[(d + 2 * i) % 7]}。"
                                          for i, p in enumerate(phrases * 3))) for d in range(4)]
    matcher = make_matcher(table, *({"term": k} for k in known))
    rows, labels, keys, weights = training_rows(lambda: docs, matcher, DiscoverOptions(min_count=2), background,
                                                judged={"三证合一": True, "事业单位": False, "放管服": False})
    got = {k: (label, w) for k, label, w in zip(keys, labels, weights)}
    assert got["三证合一"] == (True, JUDGED_WEIGHT)
    assert got["事业单位"] == (False, JUDGED_WEIGHT)
    assert got["放管服"] == (True, 1.0)  # a known term stays a positive whatever a verdict says
    assert got["营商环境"][1] == 1.0 and len(rows) == len(keys)
    plain = training_rows(lambda: docs, matcher, DiscoverOptions(min_count=2), background)
    assert "三证合一" not in {k for k, label in zip(plain[2], plain[1]) if label}

