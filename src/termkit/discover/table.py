"""The terminal table of ``termkit discover``, fitted to the terminal's width.

Each row takes at most two lines. The example is one line: a window of its sentence centred on the
candidate (:func:`termkit.layout.window`), cut with ``…`` on either side, the candidate in colour
when colour is on. On a narrow terminal (under :data:`MEDIUM` columns) the kinds are shortened, the
``docs`` column is left out and the entry a candidate belongs to is shown under it (``↳ 四个自信``)
instead of in a ``lexicon`` column; from :data:`WIDE` columns a ``why`` column says what raised each
score (the reasons of ``--format jsonl``). A candidate a curator rejected (``--show-rejected``) says
so under it (``✗ rejected: name``) where no ``why`` column does.

>>> from io import StringIO
>>> from rich.console import Console
>>> from termkit.discover import Candidate
>>> out = Console(file=StringIO(), width=80)
>>> render_candidates(out, [Candidate("三会一课", 9.0, 6, 3, "numbered", "坚持和落实三会一课制度",
...                                   example_span=(5, 9))])
>>> print("\\n".join(line.rstrip() for line in out.file.getvalue().splitlines()))
1 candidate
#  candidate  kind  score  count  example
────────────────────────────────────────────────────────────────────────────────
1  三会一课   num     9.0      6  坚持和落实三会一课制度
kind: num numbered, quot quoted, par parallel, mwe statistical; ↳ known entry
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from ..layout import break_points, clip, window
from ..wording import plural

WIDE = 140  # columns from which the table shows a "why" column (the reasons of --format jsonl)
MEDIUM = 110  # columns from which kinds are written in full and docs and lexicon have their own columns
SHORT_KIND = {"numbered": "num", "quoted": "quot", "parallel": "par", "mwe": "mwe"}
HIGHLIGHT = "bold magenta"  # the candidate in its example
GAP = 2  # cells between two columns
MIN_EXAMPLE = 24  # cells the example keeps however long the other cells are
KNOWN_ITEMS = "known items"  # a run of separate known terms (relation ``items``): the entries it names follow
LEGEND = "kind: num numbered, quot quoted, par parallel, mwe statistical; ↳ known entry"
REF_LEGEND = "ref: uses/months (m) or documents (d) in the reference"


def lines(text: str, width: int, most: int = 2) -> list[str]:
    """``text`` wrapped to ``width`` cells (at Chinese characters and spaces), in at most ``most``
    lines, the last cut with ``…`` when more was left.

    >>> lines("学思想、强党性、重实践、建新功", 12)
    ['学思想、强党', '性、重实践…']
    >>> lines("两个确立", 12)
    ['两个确立']
    """
    bounds = [0, *break_points(text, width), len(text)]
    out = [text[a:b].strip() for a, b in pairwise(bounds)]
    if len(out) > most:  # the last line shown takes all that follows, cut
        out = out[:most - 1] + [clip(text[bounds[most - 1]:].strip(), width)]
    return out


def _relation(c: Any) -> tuple[str, str] | None:
    rel = getattr(c, "relation", None)
    return (rel.kind, rel.term) if rel else None


def _span(c: Any) -> tuple[int, int]:
    """Where the candidate stands in its example: the span kept when it was collected, else found."""
    span = getattr(c, "example_span", None)
    if span and 0 <= span[0] <= span[1] <= len(c.example):
        return span[0], span[1]
    for form in (c.candidate, getattr(c, "key", "")):
        at = c.example.find(form) if form else -1
        if at >= 0:
            return at, at + len(form)
    middle = len(c.example) // 2
    return middle, middle


def example_cell(c: Any, width: int) -> Text:
    """The example as one line of ``width`` cells at most, centred on the candidate, highlighted."""
    text = c.example.replace("\t", " ")
    start, end = _span(c)
    shown, start, end = window(text, start, end, width)
    cell = Text(shown, no_wrap=True, overflow="ellipsis")
    cell.stylize(HIGHLIGHT, start, end)
    return cell


def render_candidates(console: Any, cands: Sequence[Any]) -> None:
    """The candidates as a table that fits ``console.width`` (see the module docstring)."""
    from rich import box
    from rich.table import Table

    width = console.width
    narrow, wide = width < MEDIUM, width >= WIDE
    cand_w = 16 if narrow else 20
    referenced = any(getattr(c, "reference", None) is not None for c in cands)
    rows = []
    for i, c in enumerate(cands, 1):
        rel = _relation(c)
        # shown under the candidate: a curator's rejection where no why column says it, the known entry where no
        # lexicon column does
        under = [clip(f"✗ {r}", cand_w) for r in getattr(c, "reasons", ()) or () if r.startswith("rejected")][:1]
        if not wide and under:
            name = lines(c.candidate, cand_w, 1) + under
        elif narrow and rel:
            name = lines(c.candidate, cand_w, 1) + [clip(f"↳ {rel[1]}", cand_w)]
        else:
            name = lines(c.candidate, cand_w)
        known = [KNOWN_ITEMS if rel[0] == "items" else f"{rel[0]} of", clip(rel[1], 14)] if rel else ["new"]
        row = {"#": [str(i)], "candidate": name, "kind": [SHORT_KIND.get(c.kind, c.kind) if narrow else c.kind],
               "score": [f"{c.score:.1f}"], "count": [f"{c.count:,}"]}
        if not narrow:
            row["docs"] = [f"{c.docs:,}"]
        if referenced:
            use = getattr(c, "reference", None)
            row["ref"] = [use.label() if use is not None else ""]
        if not narrow:
            row["lexicon"] = known
        if wide:
            row["why"] = lines(", ".join(r.replace("_", " ") for r in getattr(c, "reasons", ()) or ()), 22)
        rows.append((c, row))
    names = list(rows[0][1]) if rows else ["#", "candidate", "kind", "score", "count"]
    widths = {n: max([cell_len(n)] + [cell_len(s) for _, r in rows for s in r[n]]) for n in names}
    example_w = max(MIN_EXAMPLE, width - sum(widths.values()) - GAP * len(names))
    table = Table(title=plural(len(cands), "candidate"), title_justify="left", header_style="bold",
                  box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, GAP - 1, 0, 0),
                  caption="; ".join(([LEGEND] if narrow else []) + ([REF_LEGEND] if referenced else [])) or None,
                  caption_justify="left")
    for n in names:
        right = n in ("#", "score", "count", "docs", "ref")
        table.add_column(n, justify="right" if right else "left", width=widths[n], no_wrap=True,
                         style="dim" if n == "#" else None)
    table.add_column("example", width=example_w, no_wrap=True)
    for c, row in rows:
        cells = [Text("\n".join(row[n])) for n in names]
        if len(row["candidate"]) > 1 and row["candidate"][1][:1] in "↳✗":
            cells[1].stylize("dim", len(row["candidate"][0]) + 1)
        table.add_row(*cells, example_cell(c, example_w))
    console.print(table)
