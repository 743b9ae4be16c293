"""Folding, annotations and damage detection."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import load_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.chardata import WHITESPACE
from termkit.normalize import DROP, FoldTable, annotation_spans, find_damage, fold, fold_plain, fold_term, to_codes
from termkit.stats import visible_length


@pytest.mark.parametrize("case", load_cases("folding"))
def test_fold_term(case: dict, table: FoldTable) -> None:
    assert fold_term(case["raw"], table) == case["folded"]


def test_offsets_map_back(table: FoldTable) -> None:
    text = "堅持“當下改”和“長久立”相結合"
    f = fold(text, table)
    start = f.text.index("当下改和长久立")
    s, e = f.original_span(start, start + 7)
    assert text[s:e] == "當下改”和“長久立"


def test_astral_text_uses_the_wide_path(table: FoldTable) -> None:
    text = "𠮷“兩”"
    assert to_codes(text).dtype.itemsize == 4
    f = fold(text, table)
    assert f.text == "𠮷两"
    assert f.original_index(np.array([0, 1])).tolist() == [0, 2]


def test_annotation_needs_a_han_character_before() -> None:
    assert annotation_spans("a(lǐng)") == []
    assert annotation_spans("(lǐng)") == []
    assert annotation_spans("党(dǎng)") == [(1, 7)]
    assert annotation_spans("党(CPC)") == []  # capitals are not pinyin annotations


@pytest.mark.parametrize("case", load_cases("damage"))
def test_find_damage(case: dict) -> None:
    assert [[d.start, d.end] for d in find_damage(case["text"])] == case["spans"]


def test_damage_location_is_line_and_column() -> None:
    d = find_damage("第一行\n第二??行")[0]
    assert (d.line, d.column) == (2, 3)


def test_table_keeps_bmp_in_bmp(table: FoldTable) -> None:
    keys, values = np.asarray(table.keys), np.asarray(table.values)
    assert (values[keys < 0x10000] < 0x10000).all()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["党", "建", "\n", "??", "?", "\ufffd", "a", "。", "\r\n", " "]), max_size=60).map("".join))
def test_damage_line_and_column_agree_with_a_plain_count(text: str) -> None:
    # line numbers are counted forward once over the text (a long line with many runs stays linear);
    # here they are checked against counting from the start for every run
    for d in find_damage(text):
        assert d.line == text.count("\n", 0, d.start) + 1
        assert d.column == d.start - (text.rfind("\n", 0, d.start) + 1) + 1



@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.sampled_from(list(" \t\r\n\u3000\u00a0\f\v“”四風(lǐng)𠮷\u200ba")), max_size=40))
def test_whitespace_counted_while_folding_is_the_texts(text: str, table: FoldTable) -> None:
    # the matcher counts a text's characters for rates from what folding dropped (Matcher.spans)
    assert len(text) - fold(text, table).count_dropped(WHITESPACE) == visible_length(text)
    assert all(table.lut().full[ord(c)] == DROP for c in WHITESPACE)


@pytest.mark.parametrize("text", ["\ud842\udfb7", "四\ud842\udfb7四", "四\ud842“\udfb7四", "𠮷\ud842\udfb7"])
def test_lone_surrogates_side_by_side_stay_two_characters(text: str, table: FoldTable) -> None:
    # UTF-16 would read them as one (astral) character, and every offset after them would be off by one
    f = fold(text, table)
    assert len(f.text) == len(f.codes) == len(text) - len(f.drops)
    assert [f.original_index(np.array([i]))[0] for i in range(len(f.text))] == \
        [i for i, ch in enumerate(text) if ch != "“"]


# what the plain fold must agree with the vectorised one on: every kind of character folding treats apart
FOLD_PIECES = ["两", "兩", "個", "确", "風", "领", "領", "導", "党", "國", "\uf900", "\u2f800", "𠮷", "𪚥", "\ud842",
               "\udfb7", "\ud800", "４", "＋", "Ａ", "ａ", "A", "z", "1", "“", "”", "‘", "’", "「", "」", "『", "』",
               "\"", "'", " ", "\n", "\t", "\r\n", "\u3000", "\u00a0", "\u200b", "\ufeff", "\x00", "(", ")", "（",
               "）", "(lǐng)", "(dǎo)", "（ling3）", "( lǐng )", "(lǐng", "(CPC)", "ǐ", "ü", "。", "，", "?", "\ufffd"]


def _same_fold(text: str, table: FoldTable) -> None:
    want, got = fold(text, table), fold_plain(text, table.char_map())
    assert got.text == want.text
    assert got.drops == want.drops.tolist()
    assert got.dropped == want.dropped.tolist()
    assert (got.annotations, got.original_length) == (want.annotations, want.original_length)
    positions = list(range(len(want.text)))
    assert got.original_positions(positions) == want.original_positions(positions) == \
        want.original_index(np.array(positions, dtype=np.int64)).tolist()
    assert annotation_spans(text) == annotation_spans(text, to_codes(text, wide=True))
    if all(ord(c) < 0x10000 for c in text):
        assert annotation_spans(text) == annotation_spans(text, to_codes(text))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.lists(st.sampled_from(FOLD_PIECES), max_size=40).map("".join), st.text(max_size=40)))
def test_plain_fold_is_the_vectorised_fold(text: str, table: FoldTable) -> None:
    # a short text is folded in plain Python (no NumPy for a small run): the same text, drops and offsets
    _same_fold(text, table)


def test_plain_fold_is_the_vectorised_fold_on_the_seeds(table: FoldTable) -> None:
    from helpers import SEEDS

    from termkit.corpus import read_documents

    docs = list(read_documents([str(SEEDS)]))
    assert docs
    for doc in docs:
        _same_fold(doc.text, table)
