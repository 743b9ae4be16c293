"""The terminal views as a person sees them: a terminal of 80 columns (rich told it is a terminal
through TTY_COMPATIBLE, its width through COLUMNS), and the same commands piped.

Each test reads the rendered text back and checks what a reader needs: lines that fit, words and
numbers not cut, every row there or a line saying how to see the rest.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise

import pytest
from helpers import SEEDS
from rich.cells import cell_len
from typer.testing import CliRunner

from termkit.cli import TERMINAL_TOP, app

runner = CliRunner()
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
TERMINAL = {"COLUMNS": "80", "TTY_COMPATIBLE": "1", "NO_COLOR": "1"}
PIPE = {"COLUMNS": "80", "TTY_COMPATIBLE": "0"}


def run(env: dict[str, str], *args: str, input: str | None = None) -> tuple[str, str, int]:
    result = runner.invoke(app, list(args), env=env, input=input)
    return ANSI.sub("", result.stdout), ANSI.sub("", result.stderr), result.exit_code


def all_counts() -> list[dict]:
    out, _, code = run(PIPE, "count", str(SEEDS), "--format", "json")
    assert code == 0
    return json.loads(out)


def test_count_table_fits_80_columns_with_readable_glosses() -> None:
    out, _, code = run(TERMINAL, "count", str(SEEDS))
    assert code == 0
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    # the gloss column is wide enough for a gloss of three words on one line
    assert any("themed education campaign" in line for line in lines)
    assert not any(re.search(r"\b\w…", line) for line in lines), "a cell was cut with an ellipsis"


def test_count_table_on_a_terminal_shows_a_screenful_and_says_how_many_more() -> None:
    rows = all_counts()
    assert len(rows) > TERMINAL_TOP
    out, _, _ = run(TERMINAL, "count", str(SEEDS))
    numbered = [line for line in out.splitlines() if re.match(r"\s*\d+ {2,}\S", line)]
    assert [int(line.split()[0]) for line in numbered] == list(range(1, TERMINAL_TOP + 1))
    assert f"… {len(rows) - TERMINAL_TOP} more terms (--top 0 shows all" in out
    out, _, _ = run(TERMINAL, "count", str(SEEDS), "--top", "0")
    assert "more terms" not in out
    assert sum(bool(re.match(r"\s*\d+ {2,}\S", line)) for line in out.splitlines()) == len(rows)


def test_count_piped_table_and_machine_formats_stay_complete() -> None:
    rows = all_counts()
    out, _, _ = run(PIPE, "count", str(SEEDS))
    assert "more terms" not in out
    assert sum(bool(re.match(r"\s*\d+ {2,}\S", line)) for line in out.splitlines()) == len(rows)
    csv_out, _, _ = run(TERMINAL, "count", str(SEEDS), "--format", "csv")
    assert len(csv_out.splitlines()) == len(rows) + 1


def _tag_blocks(out: str) -> list[list[str]]:
    """The numbered lines of ``tag`` output, each with its continuation lines."""
    blocks: list[list[str]] = []
    for line in out.splitlines():
        if re.match(r"\s{0,3}\d+ ", line):
            blocks.append([line])
        elif blocks and line.startswith(" " * 5) and line.strip():
            blocks[-1].append(line)
        elif blocks and not line.startswith(" " * 5):
            break  # the legend follows the text
    return blocks


def test_tag_at_80_columns_wraps_between_words_under_the_text() -> None:
    out, _, code = run(TERMINAL, "tag", str(SEEDS / "004_34035a591a1666b0.txt"))
    assert code == 0
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    blocks = _tag_blocks(out)
    assert any(len(b) > 1 for b in blocks), "long lines should wrap"
    piped, _, _ = run(PIPE, "tag", str(SEEDS / "004_34035a591a1666b0.txt"))
    whole = [line for line in piped.splitlines() if re.match(r"\s{0,3}\d+ ", line)]
    assert len(whole) == len(blocks)
    for block, line in zip(blocks, whole):
        assert re.match(r"\s*\d+ \S", block[0]), f"a line number alone on its line: {block[0]!r}"
        assert re.sub(r"\s", "", "".join(block)) == re.sub(r"\s", "", line)
        for before, after in pairwise(block):
            assert after.startswith("     ") and after[5] != " ", "continuation lines sit under the text"
            a, b = before.rstrip()[-1], after.strip()[0]
            if a.isascii() and a.isalnum() and b.isascii() and b.isalnum():  # only where a space was
                assert f"{before.rstrip()[-6:]} {after.strip()[:6]}" in line, f"cut: {before!r} / {after!r}"


def test_tag_piped_keeps_each_document_line_whole() -> None:
    path = SEEDS / "004_34035a591a1666b0.txt"
    out, _, _ = run(PIPE, "tag", str(path), "--full")
    text_lines = path.read_text(encoding="utf-8").split("\n")
    numbered = [line for line in out.splitlines() if re.match(r"\s{0,3}\d+ ", line)]
    assert len(numbered) == len(text_lines)
    longest = max(numbered, key=len)
    assert cell_len(longest) > 80, "piped output is not wrapped at 80 columns"


def test_tag_gloss_goes_after_the_closing_quote() -> None:
    out, _, _ = run(PIPE, "tag", str(SEEDS / "004_34035a591a1666b0.txt"))
    assert "到底到边”⟨" in out
    assert "到底到边⟨" not in out


def test_tag_explain_has_a_heading_and_no_repeated_rows() -> None:
    out, _, _ = run(TERMINAL, "tag", str(SEEDS / "002_63d2ed913681413c.txt"), "--explain")
    assert "how the matches were found" in out
    rows = [line.split()[0] for line in out.split("how the matches were found")[1].splitlines()
            if re.match(r" \S", line) and "as written" not in line]
    assert len(rows) == len(set(rows))
    assert "matched a lexicon form exactly" in out


def test_show_prints_every_expansion_item_in_full_at_80_columns() -> None:
    out, _, code = run(TERMINAL, "show", "八八战略", "--format", "text")
    assert code == 0
    assert "…" not in out
    entry = json.loads(run(PIPE, "show", "八八战略", "--format", "json")[0])
    flat = re.sub(r"\s", "", out)
    for i, item in enumerate(entry["expansion"], 1):
        assert f"{i}." + re.sub(r"\s", "", item) in flat
    assert not any(re.fullmatch(r"\s*\d\.\s*", line) for line in out.splitlines()), "a number alone on its line"


def test_trend_at_80_columns_headers_distinct_and_cells_whole() -> None:
    out, _, code = run(TERMINAL, "trend", str(SEEDS))
    assert code == 0
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    assert "…" not in out
    row = next(line for line in out.splitlines() if line.lstrip().startswith("undated"))
    cells = re.findall(r"\d+ · \d+\.\d\d", row)
    assert len(cells) == 5, row


@pytest.mark.parametrize("text, expected", [
    ("贯彻中央八项规定精神", {"eight-point-rules": 1, "spirit-of-eight-point-rules": 1}),
    ("贯彻中央八项规定精神，落实中央八项规定及其实施细则精神",
     {"eight-point-rules": 2, "spirit-of-eight-point-rules": 1, "eight-point-rules-and-implementing-rules": 1}),
])
def test_nested_counts_each_entry_once_per_place(text: str, expected: dict[str, int]) -> None:
    out, _, code = run(PIPE, "count", "-", "--nested", "--format", "json", input=text)
    assert code == 0
    counts = {r["id"]: r["count"] for r in json.loads(out)}
    for entry_id, n in expected.items():
        assert counts.get(entry_id) == n, (entry_id, counts)


def test_nested_tag_draws_each_character_once() -> None:
    text = "贯彻中央八项规定精神，落实中央八项规定及其实施细则精神"
    out, _, _ = run(PIPE, "tag", "-", "--nested", input=text)
    line = next(x for x in out.splitlines() if re.match(r"\s+1 ", x))
    assert re.sub(r"⟨[^⟩]*⟩", "", line[5:]) == text


def test_discover_notes_wrap_between_words_on_a_terminal_and_stay_whole_in_a_pipe() -> None:
    _, err, code = run(TERMINAL, "discover", str(SEEDS), "-n", "3")
    wrapped: list[str] = []
    for line in filter(None, err.splitlines()):
        assert len(line) <= 80
        wrapped.append(line) if line.startswith("note: ") else wrapped.__setitem__(-1, wrapped[-1].rstrip() + " " + line)
    _, err, _ = run(PIPE, "discover", str(SEEDS), "-n", "3")
    whole = [line for line in err.splitlines() if line]
    assert code == 0 and any(len(line) > 80 for line in whole)
    assert wrapped == whole  # each terminal line break stands where a space was


def test_search_table_keeps_the_gloss_readable_beside_a_long_term() -> None:
    """A formula of four items (以学铸魂、以学增智、以学正风、以学促干: 38 cells) wraps in its own column instead of
    squeezing the gloss beside it to a word a line."""
    out, _, code = run(TERMINAL, "search", "以学铸魂")
    assert code == 0
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert any("study to forge" in line for line in lines), out  # three words of the gloss on one line
    term_column = "".join(line.split("│")[1].strip() for line in lines if line.startswith("│"))
    assert "以学铸魂、以学增智、以学正风、以学促干" in term_column  # the whole term is there, wrapped
