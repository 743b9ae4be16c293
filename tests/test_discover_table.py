"""discover.table: the terminal table of candidates, fitted to the terminal: at most two lines a row, the
example a window of its sentence centred on the candidate; a wide terminal shows what raised each score."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from helpers import SEEDS
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from termkit.cli import app
from termkit.discover import Candidate
from termkit.discover.relations import Relation
from termkit.discover.table import HIGHLIGHT, MEDIUM, WIDE, render_candidates

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LONG = ("会议强调，要坚持和发展新时代“枫桥经验”，把矛盾纠纷化解在基层、化解在萌芽状态，"
        "不断推进基层治理体系和治理能力现代化")
RUN = "学思想、强党性、重实践、建新功"
CANDS = [
    Candidate("三会一课", 9.0, 6, 3, "numbered", "落实三会一课制度", reasons=("quoted_share", "head"),
              example_span=(2, 6)),
    Candidate("世界和平", 2.0, 80, 9, "mwe", "维护世界和平", reasons=("ordinary words",), example_span=(2, 6)),
    Candidate("枫桥经验", 12.3, 1_234, 56, "quoted", LONG, example_span=(LONG.index("枫桥"), LONG.index("枫桥") + 4)),
    Candidate(RUN, 7.5, 12, 4, "parallel", f"在全党开展主题教育，总要求是{RUN}，根本任务是学习贯彻新思想",
              example_span=(15, 15 + len(RUN)), reasons=("length", "after_verb_share", "head")),
    Candidate("乡村全面振兴", 5.5, 40, 20, "mwe", "推进乡村全面振兴，加快建设农业强国，扎实推动乡村产业、人才、"
              "文化、生态、组织振兴", example_span=(2, 8),
              relation=Relation("longer", "rural-revitalization", "乡村振兴战略实施方案", {})),
]


def render(width: int, color: bool = False, cands=CANDS) -> str:
    out = Console(file=StringIO(), width=width, force_terminal=color, color_system="standard" if color else None)
    render_candidates(out, cands)
    return out.file.getvalue()


def rows(text: str) -> list[list[str]]:
    """The table's rows, each with its continuation lines (a row starts with its number)."""
    lines = text.splitlines()
    body = lines[lines.index(next(line for line in lines if line.startswith("─"))) + 1:]
    out: list[list[str]] = []
    for line in body:
        if re.match(r"\d+ ", line):
            out.append([line])
        elif out and line.startswith(" "):
            out[-1].append(line)
        else:
            break  # the legend under the table
    return out


@pytest.mark.parametrize("width", [80, MEDIUM, WIDE])
def test_every_row_takes_at_most_two_lines_and_fits(width: int) -> None:
    text = render(width)
    got = rows(text)
    assert len(got) == len(CANDS)
    assert all(len(r) <= 2 for r in got), [len(r) for r in got]
    assert max(cell_len(line.rstrip()) for line in text.splitlines()) <= width


def test_at_80_columns_the_example_is_a_window_centred_on_the_candidate() -> None:
    got = rows(render(80))
    first_lines = [r[0] for r in got]
    long_row = first_lines[2]
    assert "…" in long_row and "“枫桥经验”" in long_row  # cut, the candidate in the window
    window = long_row[long_row.index("…"):].rstrip()
    left, right = window.split("枫桥经验", 1)
    assert abs(cell_len(left) - cell_len(right)) <= 4 and window.endswith("…")
    assert cell_len(window) >= 30  # the example keeps a readable share of 80 columns
    assert "学思想" in first_lines[3]  # a long run: its start shows
    assert "↳ 乡村振兴" in got[4][1]  # the entry it belongs to, under it
    assert "docs" not in render(80) and "why" not in render(80)


def test_wider_terminals_show_docs_lexicon_and_why() -> None:
    medium, wide = render(MEDIUM), render(WIDE)
    assert "docs" in medium and "longer of" in medium and "why" not in medium
    assert "why" in wide and "quoted share, head" in wide
    assert "↳" not in medium


def test_the_candidate_is_highlighted_in_its_example_when_colour_is_on() -> None:
    coloured = render(80, color=True)
    style = Console(file=StringIO(), force_terminal=True, color_system="standard")
    with style.capture() as cap:
        style.print(f"[{HIGHLIGHT}]枫桥经验[/]", end="")
    assert cap.get() in coloured
    assert "\x1b[" not in render(80)


def test_cli_table_at_80_columns() -> None:
    r = CliRunner().invoke(app, ["discover", str(SEEDS), "--min-count", "2", "-n", "15"],
                           env={"COLUMNS": "80", "TTY_COMPATIBLE": "1", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.output
    out = ANSI.sub("", r.stdout)
    got = rows(out)
    assert len(got) >= 3 and all(len(row) <= 2 for row in got), [len(row) for row in got]
    assert max(cell_len(line.rstrip()) for line in out.splitlines()) <= 80


@pytest.mark.parametrize("width", [80, MEDIUM, WIDE])
def test_a_rejected_candidate_shown_says_so_at_every_width(width: int) -> None:
    rejected = Candidate("北溪", 3.0, 9, 2, "quoted", "“北溪”天然气管道爆炸事件调查", example_span=(1, 3),
                         reasons=("rejected: name", "quoted_share"))
    got = rows(render(width, cands=[*CANDS, rejected]))
    assert len(got[-1]) <= 2 and "rejected: name" in "\n".join(got[-1])


def test_a_run_of_known_terms_says_so_in_the_lexicon_column() -> None:
    run = Candidate("制造强国、质量强国", 2.0, 3, 1, "parallel", "加快建设制造强国、质量强国", example_span=(4, 13),
                    relation=Relation("items", "made", "制造强国、质量强国", {}, ("made", "quality")))
    text = ANSI.sub("", render(MEDIUM, cands=[run]))
    assert "known items" in text and "items of" not in text and "new" not in text.split("─")[-1]
