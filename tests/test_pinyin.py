"""Pinyin derivation: one syllable per Han character, nothing for digits, Latin or punctuation, so
that whatever ``lexicon add``, ``discover`` stubs and ``gloss`` fill in passes the pinyin lint."""

from __future__ import annotations

import pytest

from termkit.compile import compile_lexicon
from termkit.discover import Candidate
from termkit.discover.stubs import stub, to_yaml
from termkit.lexicon import Entry, Lexicon
from termkit.lint import lint
from termkit.pinyin import derive_pinyin


def test_one_syllable_per_han_character_and_nothing_else():
    assert derive_pinyin("“当下改”和“长久立”") == "dāng xià gǎi hé cháng jiǔ lì"
    assert derive_pinyin("4+1重要要求") == "zhòng yào yāo qiú"
    assert derive_pinyin("13+N整治格局") == "zhěng zhì gé jú"
    assert derive_pinyin("学思想、强党性") == "xué sī xiǎng qiáng dǎng xìng"
    assert derive_pinyin("长久立") in ("cháng jiǔ lì", "zhǎng jiǔ lì")


@pytest.mark.parametrize("term", ["ABC", "4+1", "", "“”"])
def test_no_han_characters_no_pinyin(term):
    assert derive_pinyin(term) is None


@pytest.mark.parametrize("term", ["“当下改”和“长久立”", "“4+1”重要要求", "13+N整治格局", "学思想、强党性、重实践、建新功",
                                  "4+1"])
def test_discover_stubs_pass_the_pinyin_lint_once_glossed(term):
    s = stub(Candidate(term, 1.0, 3, 2, "quoted", term))
    assert "TODO" in to_yaml([Candidate(term, 1.0, 3, 2, "quoted", term)])
    entry = Entry(**{**s, "gloss": "a gloss written by a curator"})
    lexicon = Lexicon((entry,))
    problems = [p for p in lint(lexicon, compile_lexicon(lexicon)) if p.rule.startswith("pinyin")]
    assert problems == []
