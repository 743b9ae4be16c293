"""Line breaking for terminal views of mixed Chinese and English text.

rich wraps at spaces only, so a line of Chinese with an English gloss in it is cut wherever the
width runs out: in the middle of an English word or a number (⟨comb / ining⟩, 4 / 3个). Here a
line may break between two Chinese characters or at a space, never inside a run of Latin letters
or digits, never before closing punctuation (，。” …) and never after opening punctuation (“ ⟨ …).
Widths are terminal cells (a Chinese character takes two).

>>> from rich.text import Text
>>> [t.plain for t in wrap(Text("贯彻“两个确立”⟨Two Establishments⟩，4+3个"), 18)]
['贯彻“两个确立”⟨Two', 'Establishments⟩，', '4+3个']
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from .chardata import CLOSE_QUOTES, OPEN_QUOTES

# A unit is a run of whitespace, a run of Latin letters and digits (with the marks that live
# inside them: 4+1, 1,000, eight-point, lǐng), or any other single character.
UNIT = re.compile(r"\s+|[0-9A-Za-z\u00c0-\u024f\u0300-\u036f'’.,:;%+\-/]+|.", re.S)
CLOSING = CLOSE_QUOTES + "》〉）】〕"  # a gloss placed after a term goes after these
NO_LINE_START = CLOSING + "，。、；：？！）》〉】〕…—,.;:?!)]}⟩"
NO_LINE_END = OPEN_QUOTES + "（《〈【〔([{⟨"


def units(text: str) -> list[tuple[int, int]]:
    """The unbreakable pieces of ``text`` as ``[start, end)`` spans; whitespace spans are their own.

    >>> t = "两个“维护”, 4+1"
    >>> [t[a:b] for a, b in units(t)]
    ['两', '个', '“维', '护”,', ' ', '4+1']
    """
    out: list[list[int]] = []
    glue = False  # the previous unit ends with opening punctuation: this one joins it
    for m in UNIT.finditer(text):
        a, b = m.span()
        token = m.group()
        space = token.isspace()
        if out and not space and (glue or token[0] in NO_LINE_START) and not text[out[-1][0]].isspace():
            out[-1][1] = b
        else:
            out.append([a, b])
        glue = not space and token[-1] in NO_LINE_END
    return [(a, b) for a, b in out]


def break_points(text: str, width: int) -> list[int]:
    """Offsets where ``text`` is cut into lines of at most ``width`` cells (a unit wider than a
    whole line is cut between characters).

    >>> break_points("四风 Four Winds", 9)
    [8]
    """
    cuts: list[int] = []
    col = spaces = 0  # spaces before a unit count only if the line goes on after them
    for a, b in units(text):
        piece = text[a:b]
        if piece.isspace():
            spaces += cell_len(piece)
            continue
        w = cell_len(piece)
        if col and col + spaces + w > width:
            cuts.append(a)
            col = spaces = 0
        col, spaces = col + spaces, 0
        while w > width:  # fold a unit longer than a line
            used = 0
            i = 0
            for i, ch in enumerate(piece):  # noqa: B007
                if used + cell_len(ch) > width:
                    break
                used += cell_len(ch)
            a += max(i, 1)
            cuts.append(a)
            piece = text[a:b]
            w = cell_len(piece)
        col += w
    return cuts


def wrap(text: Text, width: int) -> list[Text]:
    """``text`` cut into lines of at most ``width`` cells, styles kept, spaces at a cut removed."""
    lines = list(text.divide(break_points(text.plain, max(width, 2))))
    for line in lines:  # every cut is at a unit's start, so only the line ends have spaces to drop
        line.rstrip()
    return lines


def print_hanging(console: Console, line: Text, indent: int) -> None:
    """``line`` wrapped at Chinese characters and spaces with its continuation lines indented by
    ``indent`` cells, on a terminal; whole, on one line, anywhere else (a pipe, a file)."""
    if not console.is_terminal:
        console.print(line, soft_wrap=True)
        return
    first, *rest = wrap(line, console.width)
    console.print(first, soft_wrap=True)
    if rest:  # the rest is wrapped again: its lines are narrower by the indent
        tail = line[len(first.plain):]
        tail = tail[len(tail.plain) - len(tail.plain.lstrip()):]
        for piece in wrap(tail, console.width - indent):
            console.print(Text(" " * indent) + piece, soft_wrap=True)


ELLIPSIS = "…"


def fit_end(text: str, cells: int) -> str:
    """The end of ``text`` that fits in ``cells`` (a Chinese character takes two).

    >>> fit_end("坚持两个确立", 5), fit_start("坚持两个确立", 5)
    ('确立', '坚持')
    """
    used = 0
    for i in range(len(text) - 1, -1, -1):
        used += cell_len(text[i])
        if used > cells:
            return text[i + 1:]
    return text


def fit_start(text: str, cells: int) -> str:
    """The start of ``text`` that fits in ``cells``."""
    used = 0
    for i, ch in enumerate(text):
        used += cell_len(ch)
        if used > cells:
            return text[:i]
    return text


def clip(text: str, width: int) -> str:
    """``text`` if it fits in ``width`` cells, else its start and ``…``.

    >>> clip("中国式现代化", 12), clip("中国式现代化", 9)
    ('中国式现代化', '中国式现…')
    """
    if cell_len(text) <= width:
        return text
    return fit_start(text, width - cell_len(ELLIPSIS)) + ELLIPSIS


def window(text: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """The part of ``text`` that fits in ``width`` cells, centred on ``text[start:end]``, with ``…``
    where it was cut; and where that span stands in it. A side too short for its half of the room
    gives the rest to the other; a span wider than the window shows its start.

    >>> window("坚持和发展新时代枫桥经验，推进基层治理", 8, 12, 24)
    ('…新时代枫桥经验，推进…', 4, 8)
    >>> window("坚持“两个确立”", 3, 7, 40)
    ('坚持“两个确立”', 3, 7)
    """
    if cell_len(text) <= width:
        return text, start, end
    left, span, right = text[:start], text[start:end], text[end:]
    room = width - cell_len(span)
    if room < 2 * cell_len(ELLIPSIS):  # the span alone fills the window
        lead = ELLIPSIS if left else ""
        shown = fit_start(span, width - cell_len(lead) - cell_len(ELLIPSIS))
        return f"{lead}{shown}{ELLIPSIS}", len(lead), len(lead) + len(shown)
    left_w, right_w = cell_len(left), cell_len(right)
    if left_w <= room // 2:
        left_room = left_w
    elif right_w <= room - room // 2:
        left_room = room - right_w
    else:
        left_room = room // 2
    right_room = room - left_room
    if left_w > left_room:
        piece = fit_end(left, left_room - cell_len(ELLIPSIS))
        if piece and _in_word(left[-len(piece) - 1]):  # not from the middle of a number or a word
            piece = piece.lstrip(WORD_CHARS) or piece
        left = ELLIPSIS + piece.lstrip()
    if right_w > right_room:
        piece = fit_start(right, right_room - cell_len(ELLIPSIS))
        if piece and _in_word(right[len(piece)]):
            piece = piece.rstrip(WORD_CHARS) or piece
        right = piece.rstrip() + ELLIPSIS
    return f"{left}{span}{right}", len(left), len(left) + len(span)


WORD_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,%+-/'’"


def _in_word(ch: str) -> bool:
    return ch in WORD_CHARS
