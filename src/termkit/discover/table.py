"""The terminal table of ``termkit discover``.

>>> from io import StringIO
>>> from rich.console import Console
>>> from termkit.discover import Candidate
>>> out = Console(file=StringIO(), width=140)
>>> render_candidates(out, [Candidate("三会一课", 9.0, 6, 3, "numbered", "落实三会一课制度", reasons=("head",))])
>>> "三会一课" in out.file.getvalue(), "head" in out.file.getvalue()
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

WIDE = 120  # columns from which the table shows a "why" column (the reasons of --format jsonl)


def render_candidates(console: Any, cands: Sequence[Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(cands)} candidates", title_justify="left")
    wide = console.width >= WIDE  # room for what raised each score; a narrow terminal keeps the example readable
    for name, justify in (("#", "right"), ("candidate", "left"), ("kind", "left"), ("score", "right"),
                          ("count", "right"), ("docs", "right"), ("lexicon", "left"), ("why", "left"),
                          ("example", "left")):
        if name != "why" or wide:
            table.add_column(name, justify=justify, overflow="fold" if name == "example" else "ellipsis")
    for i, c in enumerate(cands, 1):
        rel = getattr(c, "relation", None)
        known = f"{rel.kind} of {rel.term}" if rel else "new"
        why = [Text(", ".join(getattr(c, "reasons", ()) or ()))] if wide else []  # or: ordinary words
        table.add_row(str(i), Text(c.candidate), c.kind, f"{c.score:.1f}", str(c.count), str(c.docs), Text(known),
                      *why, Text(c.example))
    console.print(table)
