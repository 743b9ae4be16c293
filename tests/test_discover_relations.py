"""discover.relations: how a candidate belongs to a known entry (its expansion, a variant, a longer or shorter
form). The cases are data: tests/cases/discover_relations.jsonl, one line each, over the small lexicon below."""

from __future__ import annotations

import pytest
from helpers import load_cases

from termkit.discover.relations import RelationIndex
from termkit.lexicon import Entry

CASES = load_cases("discover_relations", key="key")
ENTRIES = [
    Entry(id="three-initiatives", term="三大全球倡议", gloss="three initiatives",
          expansion=["全球发展倡议", "全球安全倡议", "全球文明倡议"]),
    Entry(id="four-initiatives", term="四大全球倡议", gloss="four initiatives",
          expansion=["全球发展倡议", "全球安全倡议", "全球文明倡议", "全球治理倡议"]),
    Entry(id="four-confidences", term="四个自信", gloss="Four Confidences",
          expansion=["道路自信", "理论自信", "制度自信", "文化自信"]),
    Entry(id="beidou-spirit", term="新时代北斗精神", gloss="BeiDou spirit", variants=["北斗精神"]),
    Entry(id="china-africa", term="中非命运共同体", gloss="China-Africa community with a shared future"),
    Entry(id="rural", term="乡村振兴", gloss="rural revitalization"),
    Entry(id="six-musts", term="六个必须坚持", gloss="six musts"),
    Entry(id="public-culture", term="公共文化服务体系", gloss="public cultural service system"),
    Entry(id="peoples-war", term="人民战争", gloss="people's war"),
    Entry(id="affordable-housing", term="保障性住房", gloss="affordable housing"),
    Entry(id="deepen-reform", term="全面深化改革", gloss="comprehensively deepening reform"),
    Entry(id="cross-strait", term="两岸融合发展", gloss="cross-Strait integrated development"),
    Entry(id="central-rise", term="中部崛起", gloss="rise of central China"),
    Entry(id="ethnic-unity", term="民族团结", gloss="ethnic unity"),
    Entry(id="green-transition", term="绿色转型", gloss="green transition"),
    Entry(id="ideals", term="理想信念", gloss="ideals and convictions"),
    Entry(id="reunification", term="祖国统一", gloss="national reunification"),
    Entry(id="party-leadership", term="党的全面领导", gloss="overall leadership of the Party"),
    Entry(id="central-decisions", term="党中央决策部署", gloss="decisions and plans of the Central Committee"),
    Entry(id="new-era", term="新时代", gloss="new era"),
    Entry(id="party-building", term="党的建设", gloss="Party building"),
    Entry(id="food-security", term="粮食安全", gloss="food security", variants=["国家粮食安全"]),
    Entry(id="opening-up", term="高水平对外开放", gloss="high-standard opening up"),
    Entry(id="four-major-tasks", term="四件大事", gloss="four major tasks", expansion=["发展", "稳定", "生态", "强边"]),
    Entry(id="stabilize-growth", term="稳增长", gloss="stabilizing growth"),
    Entry(id="ten-upholds", term="十个坚持", gloss="ten upholds"),
    Entry(id="one-country-two-systems", term="一国两制", gloss="one country, two systems",
          variants=["一个国家，两种制度"]),
    Entry(id="two-new", term="两新组织", gloss="two new organizations", category="formula",
          expansion=["新经济组织", "新社会组织"]),
    Entry(id="four-tests", term="四大考验", gloss="four tests",
          expansion=["执政考验", "改革开放考验", "市场经济考验", "外部环境考验"]),
    Entry(id="core-values", term="社会主义核心价值观", gloss="core socialist values",
          expansion=["富强", "民主", "文明", "和谐"]),
    Entry(id="four-comprehensives", term="四个全面", gloss="Four Comprehensives",
          expansion=["全面建设社会主义现代化国家", "全面深化改革", "全面依法治国"]),
    Entry(id="xi-military-thought", term="习近平强军思想", gloss="Xi Jinping's thinking on strengthening the military"),
    Entry(id="mao-thought", term="毛泽东思想", gloss="Mao Zedong Thought"),
    Entry(id="marxism-leninism", term="马克思列宁主义", gloss="Marxism-Leninism"),
    Entry(id="market-economy", term="高水平社会主义市场经济体制", gloss="high-standard socialist market economy"),
    Entry(id="mutual-learning", term="文明交流互鉴", gloss="exchanges and mutual learning among civilizations"),
    Entry(id="manufacturing-power", term="制造强国", gloss="manufacturing powerhouse"),
    Entry(id="quality-power", term="质量强国", gloss="quality powerhouse"),
    Entry(id="space-power", term="航天强国", gloss="space powerhouse", variants=["航天強國"]),
    Entry(id="four-consciousnesses", term="四个意识", gloss="Four Consciousnesses"),
    Entry(id="two-upholds", term="两个维护", gloss="Two Upholds"),
]


@pytest.fixture(scope="module")
def index(background) -> RelationIndex:
    return RelationIndex.build(ENTRIES, words=background.words, tag=background.tag)


@pytest.mark.parametrize("case", CASES)
def test_relation_to_a_known_entry(case: dict, index: RelationIndex) -> None:
    found = index.relate(case["key"], case["key"])
    assert (found.kind if found else None, found.entry if found else None) == (case["relation"], case["entry"]), \
        case["why"]
    if "entries" in case:
        assert list(found.entries) == case["entries"], case["why"]
        assert found.edit == {}, "a run of known terms proposes no edit"


def test_an_expansion_names_its_missing_items_as_the_edit(index: RelationIndex) -> None:
    found = index.relate("富强、民主、文明、和谐、自由", "")
    assert found.edit == {"expansion": ["自由"]}
    assert index.relate("全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党", "").edit == \
        {"expansion": ["全面从严治党"]}


def test_a_cut_first_item_is_read_as_the_item_it_ends_with(index: RelationIndex) -> None:
    assert index.relate("临的执政考验、改革开放考验、市场经济考验、外部环境考验", "").edit == {}
    assert index.relate("文明", "文明").entry == "core-values"
    assert index.relate("大文明", "大文明") is None  # a lone string is an item or not: only a run's first is cut


def test_a_variant_or_longer_form_proposes_the_candidate_as_written(index: RelationIndex) -> None:
    assert index.relate("一个国家两种制度", "一個國家兩種制度").edit == {"variants": ["一個國家兩種制度"]}
    assert index.relate("乡村全面振兴", "“乡村全面振兴”").edit == {"variants": ["“乡村全面振兴”"]}


def test_without_a_segmenter_a_shorter_or_longer_form_is_not_judged(background) -> None:
    plain = RelationIndex.build(ENTRIES)
    assert plain.relate("公共服务体系", "公共服务体系").kind == "shorter"  # no words to tell a noun by
    assert plain.relate("保障性租赁住房", "保障性租赁住房").kind == "longer"
    assert plain.relate("六个坚持", "六个坚持") is None  # the numbered shape needs no segmenter


def test_a_run_of_mostly_known_items_names_the_new_one(index: RelationIndex) -> None:
    assert index.new_items("制造强国、质量强国、体育强国") == ("体育强国",)  # two of three known: the third may be new
    assert index.new_items("四个意识、道路自信、体育强国") == ("体育强国",)  # an expansion's item counts as known
    assert index.new_items("制造强国、质量强国、航天强国") == ()  # all known: relation items instead
    assert index.new_items("制造强国、体育强国") == ()  # half known: nothing says which is the finding


def test_a_relation_does_not_change_with_the_hash_seed() -> None:
    """An entry's surfaces are indexed in its order, term first: the first surface found decides the relation's kind,
    and a set's order changed with each run's hash seed (主权安全发展利益 was a variant in one run, a shorter form in
    the next, and its score with it)."""
    import os
    import subprocess
    import sys

    script = (
        "from termkit.discover.relations import RelationIndex\n"
        "from termkit.lexicon import Entry\n"
        "e = Entry(id='x', term='国家主权、安全、发展利益', gloss='g', variants=('国家主权、安全和发展利益',"
        " '主权、安全、发展利益', '主权、安全和发展利益'))\n"
        "print(RelationIndex.build([e]).relate('主权安全发展利益', '主权安全发展利益').kind)\n")
    kinds = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(8)}
    assert kinds == {"variant"}
