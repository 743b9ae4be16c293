"""discover.table: the terminal table of candidates; a wide terminal shows what raised each score."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console

from termkit.discover import Candidate
from termkit.discover.table import WIDE, render_candidates

CANDS = [Candidate("三会一课", 9.0, 6, 3, "numbered", "落实三会一课制度", reasons=("quoted_share", "head")),
         Candidate("世界和平", 2.0, 80, 9, "mwe", "维护世界和平", reasons=("ordinary words",))]


@pytest.mark.parametrize("width", [80, WIDE + 20])
def test_why_column_only_where_there_is_room(width: int) -> None:
    out = Console(file=StringIO(), width=width)
    render_candidates(out, CANDS)
    text = out.file.getvalue()
    assert "三会一课" in text and "世界和平" in text
    assert ("why" in text and "ordinary words" in text and "quoted_share, head" in text) is (width >= WIDE)
