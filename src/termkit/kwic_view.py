"""Terminal view of a concordance: one line per occurrence, the matches in one column.

Widths are terminal cells (a Chinese character takes two). On a terminal the contexts are cut
to fit the width, the left one from its start and the right one at its end, so the characters
next to the match always show; elsewhere (a pipe, a file) they are printed whole, still aligned.

>>> import io
>>> from rich.console import Console
>>> from termkit.concordance import KwicLine
>>> c = Console(file=io.StringIO(), width=60)
>>> render_kwic(c, [KwicLine("a.txt", 3, 10, 12, "坚决反对", "四风", "问题", "four-winds", "四风"),
...                 KwicLine("b.txt", 1, 0, 2, "", "四風", "蔓延", "four-winds", "四风")])
>>> print(c.file.getvalue().rstrip())
坚决反对 四风 问题  a.txt:3
         四風 蔓延  b.txt:1
2 occurrences
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from .concordance import KwicLine
from .layout import fit_end, fit_start
from .wording import plural


def _where(k: KwicLine, short: bool) -> str:
    return f"{k.doc.rsplit('/', 1)[-1] if short else k.doc}:{k.line}"


def render_kwic(console: Console, lines: Sequence[KwicLine], style_of: dict[str, str] | None = None) -> None:
    """The concordance lines, aligned on the match, each with its document and line at the end."""
    if not lines:
        console.print("no occurrences", style="dim")
        return
    match_w = max(cell_len(k.match) for k in lines)
    left_w = max(cell_len(k.left) for k in lines)
    right_w = max(cell_len(k.right) for k in lines)
    terminal = console.is_terminal
    if terminal:  # the contexts share what the match and the location (file name, no folder) leave
        where_w = min(max(cell_len(_where(k, terminal)) for k in lines), console.width // 3)
        room = max(8, console.width - match_w - where_w - 5)
        left_w, right_w = min(left_w, room // 2), min(right_w, room - min(left_w, room // 2))
    for k in lines:
        left = fit_end(k.left, left_w)
        right = fit_start(k.right, right_w)
        where = _where(k, terminal)
        if terminal and cell_len(where) > where_w:
            where = "…" + fit_end(where, where_w - 1)
        row = Text(" " * (left_w - cell_len(left)) + left + " ")
        row.append(k.match, style=(style_of or {}).get(k.id, "bold"))
        row.append(" " * (match_w - cell_len(k.match)) + " " + right + " " * (right_w - cell_len(right)))
        row.append(f"  {where}", style="dim")
        console.print(row, soft_wrap=True)
    console.print(Text(plural(len(lines), "occurrence"), style="dim"))
