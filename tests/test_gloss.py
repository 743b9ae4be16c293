"""Glossary rows: counts, first-sentence context, order, traditional form and pinyin."""

from __future__ import annotations

import pytest

from termkit.compile import compile_lexicon
from termkit.corpus import Document
from termkit.gloss import build_glossary, sentence_at
from termkit.lexicon import Entry, Lexicon
from termkit.match import analyse

ENTRIES = (
    Entry(id="four-winds", term="四风", gloss="Four Winds", pinyin="sì fēng"),
    Entry(id="two-upholds", term="两个维护", gloss="Two Upholds", pinyin="liǎng gè wéi hù"),
    Entry(id="core-leadership", term="以习近平同志为核心的党中央", gloss="the Central Committee with Xi at its core"),
    Entry(id="mass-line", term="群众路线", gloss="mass line", pinyin="qún zhòng lù xiàn"),
)
LEXICON = Lexicon(ENTRIES)
DOCS = [
    Document("a.txt", "标题：反对四风\n坚决做到“兩個維護”。要反对四風，也要反对四风！"),
    Document("b.txt", "走好群众路线。坚决做到两个维护。"),
]


def glossary(**kw):
    return build_glossary(analyse(DOCS, compile_lexicon(LEXICON)), **kw)


def test_counts_docs_and_order_of_first_appearance():
    g = glossary()
    assert [r.entry.id for r in g.rows] == ["four-winds", "two-upholds", "mass-line"]
    counts = {r.entry.id: (r.count, r.docs) for r in g.rows}
    assert counts == {"four-winds": (3, 1), "two-upholds": (2, 2), "mass-line": (1, 1)}
    assert g.documents == 2 and not g.whole_lexicon


def test_context_is_the_first_sentence_and_keeps_the_original_surface():
    rows = {r.entry.id: r for r in glossary().rows}
    assert rows["four-winds"].context == "标题：反对四风"  # a heading ends at its line break
    assert rows["four-winds"].context_doc == "a.txt"
    assert rows["two-upholds"].context == "坚决做到“兩個維護”。"
    assert rows["two-upholds"].surface == "兩個維護"
    assert rows["mass-line"].context == "走好群众路线。"


def test_sort_by_count_and_by_pinyin():
    assert [r.entry.id for r in glossary(sort="count").rows] == ["four-winds", "two-upholds", "mass-line"]
    # liǎng < qún < sì
    assert [r.entry.id for r in glossary(sort="term").rows] == ["two-upholds", "mass-line", "four-winds"]
    with pytest.raises(ValueError, match="sort"):
        glossary(sort="nonsense")


def test_whole_lexicon_puts_unfound_entries_last_with_count_zero():
    g = glossary(lexicon=LEXICON)
    assert [r.entry.id for r in g.rows] == ["four-winds", "two-upholds", "mass-line", "core-leadership"]
    last = g.rows[-1]
    assert (last.count, last.docs, last.context) == (0, 0, None)
    assert g.whole_lexicon
    assert len(build_glossary([], LEXICON).rows) == len(ENTRIES)


def test_traditional_forms_are_the_ones_texts_use():
    rows = {r.entry.id: r for r in build_glossary([], LEXICON).rows}
    assert rows["four-winds"].traditional == "四風"
    # not OpenCC-standard 爲 / 羣衆, which traditional-script texts hardly use
    assert rows["core-leadership"].traditional == "以習近平同志為核心的黨中央"
    assert rows["mass-line"].traditional == "群眾路線"


def test_pinyin_from_the_entry_or_generated_and_marked():
    rows = {r.entry.id: r for r in build_glossary([], LEXICON).rows}
    assert (rows["four-winds"].pinyin, rows["four-winds"].pinyin_auto) == ("sì fēng", False)
    auto = rows["core-leadership"]
    assert auto.pinyin_auto
    # one syllable per character; the readings are pypinyin's guess (it reads 为 here as wèi, not
    # wéi), which is why generated pinyin is marked as unchecked in every format
    assert len(auto.pinyin.split()) == len(auto.entry.term)
    assert auto.pinyin.startswith("yǐ xí jìn píng tóng zhì")


def test_converters_can_be_given():
    g = build_glossary([], LEXICON, to_traditional=str.upper, to_pinyin=lambda t: "x")
    rows = {r.entry.id: r for r in g.rows}
    assert rows["core-leadership"].pinyin == "x"
    assert rows["four-winds"].traditional == "四风"


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("第一句。我们要反对“四风”问题！下一句", (11, 13), "我们要反对“四风”问题！"),
    ("他说：“要反对四风。”然后走了。", (7, 9), "他说：“要反对四风。”"),
    ("“反对四风。”她说反对四风。", (10, 12), "她说反对四风。"),
    ("坚决做到两个\n维护。", (4, 11), "坚决做到两个维护。"),  # a line break inside the match is joined
    ("标题\n正文里的四风", (7, 9), "正文里的四风"),
    ("𠮷𠮷四风。", (2, 4), "𠮷𠮷四风。"),
    # pinyin annotations pasted after characters are left out of the translator's context
    ("要反對四(sì)風(fēng)，領(lǐng)導帶頭。", (3, 11), "要反對四風，領導帶頭。"),
])
def test_sentence_at(text, span, expected):
    assert sentence_at(text, *span) == expected


def test_long_sentence_is_cut_to_a_window_around_the_term():
    text = "甲" * 300 + "四风" + "乙" * 300 + "。"
    out = sentence_at(text, 300, 302, limit=40)
    assert out.startswith("…") and out.endswith("…") and "四风" in out
    assert len(out) == 42
    start = sentence_at("四风" + "乙" * 300 + "。", 0, 2, limit=40)
    assert start.startswith("四风") and start.endswith("…") and len(start) == 41
