"""The one rule for comparing English renderings (tests/cases/english.jsonl: pairs and whether they
are the same rendering, with the reason)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termkit.english import find_rendering, same, words

CASES = [json.loads(line) for line in (Path(__file__).parent / "cases" / "english.jsonl").read_text("utf-8").splitlines()
         if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_same_rendering(case):
    assert same(case["a"], case["b"]) is case["same"]
    assert same(case["b"], case["a"]) is case["same"]  # the rule is symmetric


def test_find_rendering_needs_whole_words_in_order():
    assert find_rendering("They upheld the Two Upholds.", "two upholds")
    assert find_rendering("the Belt-and-Road initiatives", "Belt and Road Initiative")
    assert not find_rendering("Belt and Roads", "Belt and Road Initiative")
    assert not find_rendering("the two upholdsmen", "Two Upholds")  # part of a word is not the word
    assert not find_rendering("anything", "")


def test_words_drops_only_a_leading_article():
    assert words("The Two Upholds") == ("two", "uphold")
    assert words("a") == ("a",)  # an article alone is kept: it is the whole text
