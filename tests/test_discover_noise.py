"""discover.noise: the rules that read a candidate's words (titles, names, bilateral phrases, foreign names,
fragments, events and occasions, named things, counted nouns, ordinary Chinese) and the screen that applies them to ranked candidates. The cases are data:
tests/cases/discover_word_noise.jsonl and tests/cases/discover_ordinary.jsonl, one line each."""

from __future__ import annotations

import pytest
from helpers import load_cases, make_matcher

from termkit.corpus import Document
from termkit.discover import Candidate, DiscoverOptions, discover, screen
from termkit.discover.noise import ordinary, unshared, word_noise
from termkit.discover.relations import Relation

WORD_CASES = load_cases("discover_word_noise", key="key")
ORDINARY_CASES = load_cases("discover_ordinary", key="key")


@pytest.mark.parametrize("case", WORD_CASES)
def test_word_noise_rules(case: dict, background) -> None:
    assert word_noise(case["key"], background) == case["reason"], case["why"]


def test_every_kind_of_word_noise_has_a_case() -> None:
    kinds = {p.values[0]["reason"] for p in WORD_CASES}
    assert kinds >= {"title", "name", "bilateral", "foreign", "fragment", "event", "count", None}


@pytest.mark.parametrize("case", ORDINARY_CASES)
def test_ordinary_chinese(case: dict, background) -> None:
    key = case["key"]
    judge = unshared(key, background) if "、" in key else ordinary(key, background.words(key), background)
    assert bool(judge) is case["ordinary"], case["why"]


def test_screen_drops_noise_demotes_ordinary_and_keeps_relations(background) -> None:
    tied = Relation("longer", "rural-revitalization", "乡村振兴", {"variants": ["乡村全面振兴"]})
    cands = [Candidate("习近平总书记", 30.0, 300, 9, "mwe", ""),
             Candidate("世界和平", 20.0, 200, 9, "mwe", "", {"probability": 0.9}),
             Candidate("两国关系", 20.0, 200, 9, "numbered", ""),
             Candidate("七下八上", 10.0, 5, 3, "numbered", "", {"quoted": 5}),
             Candidate("国家安全和发展", 9.0, 9, 3, "mwe", "", relation=tied)]
    out = {c.candidate: c for c in screen(cands, background)}
    assert "习近平总书记" not in out and "两国关系" not in out
    assert out["世界和平"].score < out["七下八上"].score and out["世界和平"].reasons == ("ordinary words",)
    assert out["国家安全和发展"].score == 9.0  # tied to an entry: shown as a relation, not judged as noise


def test_titles_and_ordinary_words_leave_the_top(table) -> None:
    filler = "各地区各部门认真研究，进一步加强工作，取得明显成效。"
    docs = [Document(f"d{i}", f"习近平总书记指出，维护世界和平。要落实“七下八上”要求。{filler}" * 2) for i in range(4)]
    found = discover(lambda: docs, make_matcher(table), DiscoverOptions(min_count=2))
    names = [c.candidate for c in found]
    assert "七下八上" in names and "习近平总书记" not in names
    assert "世界和平" not in names[: names.index("七下八上") + 1]


def test_no_rule_rejects_the_lexicons_formulas(background) -> None:
    """The rules that read words reject what the standard calls names, events and counts; run over the bundled
    lexicon's formulas and slogans, they reject none of those made of a numeral and a noun, a year, a festival
    or a venue (the shapes the rules added for counts and occasions read)."""
    from termkit.discover.noise import counted_noun, occasion
    from termkit.lexicon import bundled_lexicon_path, load_lexicon

    lexicon = load_lexicon(bundled_lexicon_path())
    surfaces = {s for e in lexicon.entries if e.category in ("formula", "slogan", "policy", "campaign", "method")
                for s in (e.term, *e.variants)}
    hit = sorted(s for s in surfaces if counted_noun(s, background) or occasion(s, background.words(s)))
    assert hit == []


def test_a_bare_numeral_before_a_word_needs_quotation_marks(background) -> None:
    """三鞠躬 never quoted is weighed as a plain string (a count); quoted, or with a measure word (两个维护), it keeps
    the numbered shape's weight."""
    cands = [Candidate("三鞠躬", 10.0, 9, 3, "numbered", "", {"quoted": 0, "probability": 0.5}),
             Candidate("三下乡", 10.0, 9, 3, "numbered", "", {"quoted": 9, "probability": 0.5}),
             Candidate("两个维护", 10.0, 9, 3, "numbered", "", {"quoted": 0, "probability": 0.5})]
    out = {c.candidate: c.score for c in screen(cands, background)}
    assert out["三鞠躬"] == pytest.approx(10.0 * 0.6 * 0.25)
    assert out["三下乡"] == out["两个维护"] == pytest.approx(16.0)


def test_a_known_item_that_is_one_word_is_left_out(background) -> None:
    item = Relation("expansion", "four-confidences", "四个自信")
    cands = [Candidate("稳定", 9.0, 90, 9, "mwe", "", relation=item),
             Candidate("制度自信", 9.0, 9, 3, "mwe", "", relation=item)]
    assert [c.candidate for c in screen(cands, background)] == ["制度自信"]
