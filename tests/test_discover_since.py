"""discover --since: what counts as new after a date (cases as data), the ranking of its own, and a run on a
synthetic dated corpus."""

from __future__ import annotations

import pytest
from helpers import load_cases, make_matcher

from termkit.corpus import Document
from termkit.discover import Candidate, DiscoverOptions, discover, screen
from termkit.discover.background import Background
from termkit.discover.since import in_sentence, newness, rank_new
from termkit.errors import TermkitError

MONTHS = ("2022-11", "2022-12", "2023-01", "2023-02", "2023-03", "2023-04")
VOLUME = {m: 1e6 for m in MONTHS}


@pytest.fixture(autouse=True)
def _one_background(monkeypatch: pytest.MonkeyPatch, background) -> None:
    monkeypatch.setattr(Background, "load", classmethod(lambda cls: background))


@pytest.mark.parametrize("case", load_cases("discover_since"))
def test_new_since_a_month(case: dict) -> None:
    """tests/cases/discover_since.jsonl: new from 2023-01 on, over six months of equal volume from 2022-11."""
    assert (newness(case["periods"], "2023-01", VOLUME) is not None) is case["new"]


@pytest.mark.parametrize("case", load_cases("discover_in_sentence", key="long"))
def test_a_new_formula_in_a_sentence(case: dict, background) -> None:
    assert in_sentence(case["long"], case["short"], background) is case["expect"]


def cand(key: str, kind: str, periods: dict[str, int], p: float, quoted: int = 0, **notes: float) -> Candidate:
    count = sum(periods.values())
    return Candidate(key, 1.0, count, len(periods), kind, "", {"probability": p, "quoted": quoted, **notes}, key,
                     periods=periods)


EVERY_MONTH = {m: 80 for m in MONTHS[2:]}


def test_a_frequent_unquoted_formula_is_not_buried(background) -> None:
    """The main ranking weighs a statistical string by 0.6 x p^2; the new-term ranking by p^2 alone, so a
    likely formula in use every month comes before a quoted string in one burst or a doubtful one."""
    formula = cand("新质生产力", "mwe", EVERY_MONTH, 0.84)
    burst = cand("刘老庄连", "quoted", {"2023-03": 20, "2023-04": 3}, 0.43, quoted=17)
    doubtful = cand("跨区域", "mwe", EVERY_MONTH, 0.5)
    main = sorted(screen([formula, burst], background), key=lambda c: -c.score)
    ranked = rank_new([burst, doubtful, formula], "2023-01", VOLUME, background)
    assert [c.candidate for c in ranked] == ["新质生产力", "跨区域", "刘老庄连"]
    assert ranked[0].notes["first_seen"] == "2023-01" and ranked[0].reasons[0] == "new since 2023-01, in 4 months, later-half rate ×1"
    assert main[0].candidate == "刘老庄连"  # what the main ranking does with the same two


def test_the_formula_is_kept_not_the_sentence_around_it(background) -> None:
    """建设金融强国 takes 75% of 金融强国's occurrences: the main ranking drops the shorter as its fragment;
    here the verb phrase goes and the formula stays."""
    short = cand("金融强国", "mwe", {"2023-02": 12, "2023-03": 10, "2023-04": 10}, 0.88)
    long = cand("建设金融强国", "mwe", {"2023-02": 8, "2023-03": 8, "2023-04": 8}, 0.7)
    fragment = cand("融强", "mwe", {"2023-02": 12, "2023-03": 10, "2023-04": 10}, 0.3)
    assert [c.candidate for c in rank_new([long, short, fragment], "2023-01", VOLUME, background)] == ["金融强国"]


def test_a_verb_before_ordinary_words_is_no_formula_in_a_sentence(background) -> None:
    """专项行动 is ordinary Chinese, so 提振消费专项行动 (提振消费 ending in a verb) is not it in a sentence."""
    ordinary = cand("专项行动", "mwe", EVERY_MONTH, 0.6, ordinary=1.0)
    campaign = cand("提振消费专项行动", "mwe", {"2023-02": 12, "2023-03": 10, "2023-04": 10}, 0.72)
    assert in_sentence("提振消费专项行动", "专项行动", background)
    shown = [c.candidate for c in rank_new([ordinary, campaign], "2023-01", VOLUME, background)]
    assert shown == ["提振消费专项行动", "专项行动"]


def test_foreign_matter_ordinary_words_and_old_strings(background) -> None:
    foreign = cand("加沙地带", "mwe", EVERY_MONTH, 0.9, foreign=150)
    ordinary = cand("积极应对", "mwe", EVERY_MONTH, 0.9, ordinary=1.0)
    plain = cand("积极作为", "mwe", EVERY_MONTH, 0.9)
    old = cand("四风", "numbered", {m: 80 for m in MONTHS}, 0.9)
    ranked = rank_new([foreign, ordinary, plain, old], "2023-01", VOLUME, background)
    assert [c.candidate for c in ranked] == ["积极作为", "积极应对"]
    assert ranked[1].score == pytest.approx(ranked[0].score * 0.25)


def test_a_string_cut_across_a_known_term_is_no_new_formula(background) -> None:
    """现代化全面推进强国 is what 以中国式现代化全面推进强国建设 leaves when 中国式现代化 is known: most of its
    occurrences begin inside the known term (recount's ``straddling``)."""
    cut = cand("现代化全面推进强国", "mwe", EVERY_MONTH, 0.9, straddling=300)
    whole = cand("新提法", "mwe", EVERY_MONTH, 0.9, straddling=100)  # a third of its uses only
    assert [c.candidate for c in rank_new([cut, whole], "2023-01", VOLUME, background)] == ["新提法"]


def test_a_statistical_string_with_one_word_always_after_it_is_cut_out_of_a_longer_one(background) -> None:
    """普惠包容 is nearly always followed by 的经济全球化 (right branching entropy 0.7 nats); one verb nearly always
    before a formula (实施医疗卫生强基工程) does not cut it; a shape-found string has no edge entropies."""
    cut = cand("普惠包容", "mwe", EVERY_MONTH, 0.9, left=3.5, right=0.7)
    free = cand("新提法", "mwe", EVERY_MONTH, 0.9, left=3.5, right=2.0)
    enacted = cand("强基工程", "mwe", EVERY_MONTH, 0.9, left=0.3, right=2.5)
    quoted = cand("好房子", "quoted", EVERY_MONTH, 0.9, quoted=200)
    shown = rank_new([cut, free, enacted, quoted], "2023-01", VOLUME, background)
    assert sorted(c.candidate for c in shown) == ["好房子", "强基工程", "新提法"]


def test_the_recount_tells_occurrences_cut_across_a_known_term(table) -> None:
    from termkit.discover.recount import recount

    text = "以中国式现代化全面推进强国建设。现代化全面推进强国。"
    r = recount(["现代化全面推进强国"], [Document("a", text)], make_matcher(table, {"term": "中国式现代化"}), 4)
    assert (r["现代化全面推进强国"].count, r["现代化全面推进强国"].straddling) == (2, 1)


def test_the_bars_of_the_options_hold(background) -> None:
    rare = cand("新提法", "mwe", {"2023-02": 1, "2023-03": 1}, 0.9)
    quoted = cand("新办法", "quoted", {"2023-02": 1, "2023-03": 1}, 0.9, quoted=2)
    options = DiscoverOptions(min_count=3, shape_min_count=2, kinds=("quoted",))
    assert [c.candidate for c in rank_new([rare, quoted], "2023-01", VOLUME, background, options)] == ["新办法"]
    with pytest.raises(TermkitError, match="dated documents"):
        rank_new([quoted], "2023-01", {}, background)


def test_a_dated_corpus_shows_the_new_formula_not_the_old_phrase_nor_a_name(table) -> None:
    """Six monthly documents: 老办法 every month, 新办法 from 2024-03 on and rising, a foreign name (海马斯)
    from 2024-03 on too, and the new formula in a sentence (落实新办法)."""
    docs = []
    for m in range(1, 7):
        lines = ["各地区各部门推进“老办法”。", "有关方面表示，推进“老办法”。"]
        if m >= 3:
            lines += ["会议指出，落实“新办法”。", "据了解，“新办法”取得明显成效。"] * (m - 1)
            lines += ["据报道，“海马斯”运抵前线。", "与此同时，“海马斯”再次出现。"]
        docs.append(Document(f"m{m}", "\n".join(lines), meta={"date": f"2024-{m:02d}"}))
    found = discover(lambda: docs, make_matcher(table), DiscoverOptions(min_count=2, since="2024-03"))
    shown = [c.candidate for c in found]
    assert "新办法" in shown and "老办法" not in shown and "海马斯" not in shown
    assert not any(s != "新办法" and s.endswith("新办法") for s in shown)
    assert found[shown.index("新办法")].notes["first_seen"] == "2024-03"


def test_a_newer_form_of_a_known_term_is_shown_with_the_entry_it_extends(table) -> None:
    """全面深化改革 is known and said every month; “进一步全面深化改革” appears from 2024-03 on: it is shown as a newer
    form of the entry (a term of its own, stubbed by --format yaml), while 数字中国建设 (the known 数字中国 in a frame:
    two characters of its own) stays out; without --since no candidate is related so."""
    from termkit.discover.stubs import to_yaml

    docs = []
    for m in range(1, 7):
        lines = ["会议强调，要坚持全面深化改革。", "各地推进数字中国建设。"]
        if m >= 3:
            lines += ["会议部署“进一步全面深化改革”。", "新阶段要“进一步全面深化改革”。", "加快推进数字中国建设。"] * m
        docs.append(Document(f"m{m}", "\n".join(lines), meta={"date": f"2024-{m:02d}"}))
    matcher = make_matcher(table, {"id": "reform", "term": "全面深化改革"}, {"id": "digital", "term": "数字中国"})
    found = discover(lambda: docs, matcher, DiscoverOptions(min_count=2, since="2024-03", min_score=0))
    newer = {c.candidate: c for c in found if c.relation is not None}
    assert "进一步全面深化改革" in newer and newer["进一步全面深化改革"].relation.kind == "newer"
    assert newer["进一步全面深化改革"].relation.entry == "reform"
    assert not any("数字中国" in c.candidate for c in found)
    assert "newer form of 全面深化改革 (reform)" in to_yaml([newer["进一步全面深化改革"]])
    plain = discover(lambda: docs, matcher, DiscoverOptions(min_count=2, min_score=0))
    assert not any(c.relation is not None and c.relation.kind == "newer" for c in plain)
