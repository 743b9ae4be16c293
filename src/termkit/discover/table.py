"""The terminal table of ``termkit discover``.

>>> from io import StringIO
>>> from rich.console import Console
>>> from termkit.discover import Candidate
>>> out = Console(file=StringIO(), width=100)
>>> render_candidates(out, [Candidate("三会一课", 9.0, 6, 3, "numbered", "落实三会一课制度")])
>>> "三会一课" in out.file.getvalue()
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def render_candidates(console: Any, cands: Sequence[Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(cands)} candidates", title_justify="left")
    for name, justify in (("#", "right"), ("candidate", "left"), ("kind", "left"), ("score", "right"),
                          ("count", "right"), ("docs", "right"), ("lexicon", "left"), ("example", "left")):
        table.add_column(name, justify=justify, overflow="fold" if name == "example" else "ellipsis")
    for i, c in enumerate(cands, 1):
        rel = getattr(c, "relation", None)
        known = f"{rel.kind} of {rel.term}" if rel else "new"
        table.add_row(str(i), Text(c.candidate), c.kind, f"{c.score:.1f}", str(c.count), str(c.docs), Text(known),
                      Text(c.example))
    console.print(table)
