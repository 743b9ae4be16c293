"""Character data: the classes other stages build on, and the one boundary rule."""

from __future__ import annotations

import re
import unicodedata

import pytest

from termkit.chardata import (
    CLOSE_QUOTES,
    HAN_BMP_RANGES,
    HAN_CLASS,
    OPEN_QUOTES,
    PINYIN_LETTERS,
    QUOTES,
    TONE_MARKS,
    UNIFIED,
    common_chars,
    is_han,
    is_word_char,
)
from termkit.match import at_word_boundary


def test_is_han() -> None:
    assert is_han("國") and is_han("𠮷") and is_han("㐀") and not is_han("，") and not is_han("A")


def test_han_class_is_the_bmp_ranges() -> None:
    pattern = re.compile(f"[{HAN_CLASS}]")
    for lo, hi in HAN_BMP_RANGES:
        assert pattern.match(chr(lo)) and pattern.match(chr(hi - 1))
        assert not pattern.match(chr(hi)) or is_han(chr(hi))
    assert all(is_han(chr(c)) == bool(pattern.match(chr(c))) for c in range(0x3000, 0x10000, 7))


@pytest.mark.parametrize("encoding, lead", [("gb2312", (0xB0, 0xD7)), ("big5", (0xA4, 0xC6))])
def test_common_chars_are_those_the_codec_writes_in_the_common_block(encoding: str, lead: tuple[int, int]) -> None:
    """Every common ideograph, asked of the codec one by one: in the set exactly when the codec writes it
    with a lead byte of the block (what encoding detection counted character by character before)."""
    common = common_chars(encoding)
    for code in range(*UNIFIED):
        ch = chr(code)
        try:
            first = ch.encode(encoding)[0]
        except UnicodeEncodeError:
            first = -1
        assert (ch in common) == (lead[0] <= first <= lead[1]), ch
    assert len(common & {chr(c) for c in range(*UNIFIED)}) == {"gb2312": 3755, "big5": 5401}[encoding]


def test_quotes_hold_every_paired_quote_once() -> None:
    assert set(OPEN_QUOTES) | set(CLOSE_QUOTES) <= set(QUOTES)
    assert len(set(QUOTES)) == len(QUOTES)
    assert all("QUOTATION" in unicodedata.name(q) or "CORNER" in unicodedata.name(q)
               or "APOSTROPHE" in unicodedata.name(q) or "GUILLEMET" in unicodedata.name(q) for q in QUOTES)


def test_tone_marks_are_pinyin_letters() -> None:
    assert set(TONE_MARKS) <= set(PINYIN_LETTERS)
    assert all(unicodedata.decomposition(c) for c in TONE_MARKS)


@pytest.mark.parametrize("first, last, before, after, ok", [
    ("4", "1", "“", "”", True),     # 4+1 in quotes
    ("4", "1", "1", "2", False),    # inside 14+12
    ("4", "1", "", "", True),       # the whole text
    ("4", "会", "1", "", False),    # a leading digit after a digit
    ("四", "a", "x", "b", False),   # a trailing letter before a letter
    ("四", "风", "a", "b", True),   # Han edges never need a boundary
])
def test_boundary_rule(first: str, last: str, before: str, after: str, ok: bool) -> None:
    assert at_word_boundary(first, last, before, after) is ok
    assert is_word_char(first) or is_word_char(last) or ok
