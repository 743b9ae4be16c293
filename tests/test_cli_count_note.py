"""``termkit count``'s note on the matches that longer ones hide: one line on stderr, with the figures that
``--nested`` adds, absent when nothing is hidden or ``--nested`` counts them; stdout as it always was."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from helpers import SEEDS, write_lexicon
from typer.testing import CliRunner

from termkit.cli import app

runner = CliRunner()
PIPE = {"COLUMNS": "80", "TTY_COMPATIBLE": "0"}
LEXICON = """terms:
  - {id: new-era, term: 新时代, gloss: new era}
  - {id: new-journey, term: 新征程, gloss: new journey}
  - {id: new-journey-new-era, term: 新时代新征程, gloss: new journey in the new era}
"""
NOTE = re.compile(
    r"^note: ([\d,]+) match(?:es)? of ([\d,]+) terms? lies? inside or across longer matches and (?:is|are) "
    r"not counted; --nested counts them too$",
    re.M,
)

# text, options, the note's figures (matches, terms) or None for no note
CASES = [
    ("新时代新征程，新时代。", [], (2, 2)),
    ("新时代新征程。新时代新征程。新征程", [], (4, 2)),
    ("新时代新征程", ["--sort", "term", "--top", "1"], (2, 2)),  # the rows shown do not change the figure
    ("新时代。新征程。", [], None),  # nothing inside a longer match
    ("新时代新征程，新时代。", ["--nested"], None),  # --nested counts them
    ("新时代新征程，新时代。", ["--by", "doc"], (2, 2)),
    ("新时代新征程，新时代。", ["--by", "doc", "--top", "1"], None),  # not every document read: no figure
]


def _count(lexicon: Path, text: str, *args: str) -> tuple[str, str]:
    result = runner.invoke(app, ["count", "-", "--lexicon", str(lexicon), *args], env=PIPE, input=text)
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


@pytest.fixture()
def lexicon(tmp_path: Path) -> Path:
    return write_lexicon(tmp_path, LEXICON)


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
@pytest.mark.parametrize("text, options, figures", CASES)
def test_the_note_says_how_many_matches_longer_ones_hide(
    lexicon: Path, text: str, options: list[str], figures: tuple[int, int] | None, fmt: str
) -> None:
    out, err = _count(lexicon, text, "--format", fmt, *options)
    notes = NOTE.findall(err)
    assert notes == ([] if figures is None else [tuple(f"{n:,}" for n in figures)]), err
    assert err.count("note:") == len(notes)  # one line, nothing else
    assert "note" not in out


def test_csv_and_json_stdout_stay_the_rows_alone(lexicon: Path) -> None:
    text = "新时代新征程，新时代。"  # 11 characters: 909.091 per 10,000
    out, err = _count(lexicon, text, "--format", "csv")
    assert NOTE.search(err)
    assert out == (
        "id,term,gloss,category,count,docs,per_10k\n"
        '"new-era","新时代","new era","concept",1,1,909.091\n'
        '"new-journey-new-era","新时代新征程","new journey in the new era","concept",1,1,909.091\n'
    )
    out, _ = _count(lexicon, text, "--format", "json")
    assert [(r["id"], r["count"]) for r in json.loads(out)] == [("new-era", 1), ("new-journey-new-era", 1)]
    out, err = _count(lexicon, text, "--format", "csv", "--by", "doc")
    assert NOTE.search(err)
    assert list(csv.reader(io.StringIO(out))) == [
        ["doc", "date", "group", "id", "term", "count", "per_10k"],
        ["<stdin>", "", "", "new-journey-new-era", "新时代新征程", "1", "909.091"],
        ["<stdin>", "", "", "new-era", "新时代", "1", "909.091"],
    ]


def test_the_figure_is_what_nested_adds_on_the_seeds() -> None:
    def counted(*args: str) -> tuple[dict[str, int], str]:
        result = runner.invoke(app, ["count", str(SEEDS), "--format", "json", *args], env=PIPE)
        assert result.exit_code == 0
        return {r["id"]: r["count"] for r in json.loads(result.stdout)}, result.stderr

    plain, err = counted()
    nested, nested_err = counted("--nested")
    more = {i: n - plain.get(i, 0) for i, n in nested.items() if n > plain.get(i, 0)}
    assert sum(more.values()) > 0
    assert NOTE.findall(err) == [(f"{sum(more.values()):,}", f"{len(more):,}")]
    assert not NOTE.search(nested_err)
