"""termkit search / show from English, pinyin or Chinese (library and CLI)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from termkit.cli import app
from termkit.lexicon import Entry, Lexicon
from termkit.search import plain_pinyin, rendering_of, search

LEX = Lexicon((
    Entry(id="two-upholds", term="两个维护", gloss="Two Upholds", gloss_status="official", pinyin="liǎng gè wéi hù",
          alt_glosses=[{"text": "Two Safeguards", "status": "media"}], definition="Loyalty to the core."),
    Entry(id="two-establishments", term="两个确立", gloss="Two Establishments", pinyin="liǎng gè què lì",
          definition="Two establishes, adopted with the Two Upholds in mind."),
    Entry(id="bri", term="一带一路", gloss="Belt and Road Initiative", pinyin="yī dài yī lù",
          alt_glosses=[{"text": "One Belt, One Road", "status": "deprecated"}]),
))


@pytest.mark.parametrize(("query", "first", "why"), [
    ("Two Upholds", "two-upholds", "gloss"),
    ("the two upholds", "two-upholds", "gloss"),
    ("two safeguards", "two-upholds", 'rendering "Two Safeguards" (media)'),
    ("one belt one road", "bri", 'rendering "One Belt, One Road" (deprecated)'),
    ("liangge weihu", "two-upholds", "pinyin"),
    ("lianggeweihu", "two-upholds", "pinyin"),
    ("liǎng gè wéi hù", "two-upholds", "pinyin"),
    ("yidai", "bri", "part of the pinyin"),
    ("两个维护", "two-upholds", "term"),
    ("belt road", "bri", "words of the gloss"),
])
def test_search_ranks_the_entry_first_and_says_why(query, first, why):
    hits = search(LEX, query)
    assert hits[0].entry.id == first
    assert why in hits[0].why


def test_exact_gloss_outranks_words_in_a_definition():
    hits = search(LEX, "Two Upholds")
    assert [h.entry.id for h in hits] == ["two-upholds", "two-establishments"]
    assert hits[1].why == ("definition",)


def test_no_match_is_empty():
    assert search(LEX, "zzz qqq") == [] and search(LEX, "  ") == []


def test_plain_pinyin():
    assert plain_pinyin("Lǚ yóu") == plain_pinyin("lv you") == "lvyou"


def test_rendering_of_names_the_rendering_and_its_status():
    entry, text, status = rendering_of(LEX, "TWO SAFEGUARDS")
    assert (entry.id, text, status) == ("two-upholds", "Two Safeguards", "media")
    assert rendering_of(LEX, "Two Upholds")[2] == "preferred (official)"
    assert rendering_of(LEX, "Two Up") is None


# --- the commands, on the bundled lexicon ---------------------------------------------------

def run(*args):
    return CliRunner().invoke(app, list(args))


def test_cli_search_english_pinyin_chinese():
    for query in (["Two", "Upholds"], ["liangge", "weihu"], ["兩個維護"]):
        result = run("search", *query, "-f", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)[0]["id"] == "two-upholds"


def test_cli_search_csv_and_table():
    result = run("search", "belt", "and", "road", "-f", "csv")
    assert result.stdout.splitlines()[0] == "id,term,gloss,gloss_status,category,score,matched"
    assert "belt-and-road" in result.stdout
    table = run("search", "two", "safeguards")
    assert table.exit_code == 0 and "两个维护" in table.stdout and "media" in table.stdout


def test_cli_search_nothing_found_is_an_error():
    result = run("search", "xyzzy", "plugh")
    assert result.exit_code == 1 and result.stderr.startswith("error: no entry matches")


def test_cli_show_accepts_an_english_rendering_and_says_which():
    result = run("show", "Two Safeguards", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "two-upholds"
    assert "media rendering of 两个维护" in result.stderr
    deprecated = run("show", "one belt one road")
    assert deprecated.exit_code == 0 and "deprecated rendering" in deprecated.stderr
