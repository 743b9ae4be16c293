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
]


@pytest.fixture(scope="module")
def index(background) -> RelationIndex:
    return RelationIndex.build(ENTRIES, words=background.words, tag=background.tag)


@pytest.mark.parametrize("case", CASES)
def test_relation_to_a_known_entry(case: dict, index: RelationIndex) -> None:
    found = index.relate(case["key"], case["key"])
    assert (found.kind if found else None, found.entry if found else None) == (case["relation"], case["entry"]), \
        case["why"]


def test_an_expansion_names_its_missing_items_as_the_edit(index: RelationIndex) -> None:
    found = index.relate("全球发展倡议、全球安全倡议、全球文明倡议、全球合作倡议", "")
    assert found.edit == {"expansion": ["全球合作倡议"]}


def test_without_a_segmenter_a_shorter_form_is_not_judged(background) -> None:
    plain = RelationIndex.build(ENTRIES)
    assert plain.relate("公共服务体系", "公共服务体系").kind == "shorter"  # no words to tell a noun by
