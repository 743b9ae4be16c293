"""Terminal output that shows text as text: a rich console that never passes a control sequence
from a document, a file name or the lexicon to the terminal.

Rich draws its own styles with escape sequences, but passes the text it is given through as is: an
ESC in a document (``\\x1b]52;…`` writes the clipboard, ``\\x1b[2J`` clears the screen) would reach
the terminal. :class:`SafeConsole` makes every control character visible (ESC as ␛, U+202E as
``<U+202E>``) in the text it draws, after rich has laid it out and before it adds its styles.
Markup (``[bold]``) is a separate matter: views pass document and lexicon text as ``Text`` or
escape it, so a gloss ``[sic]`` shows as written.

>>> visible("两个确立\\x1b]52;c;ZWNo\\x07\\u202e")
'两个确立␛]52;c;ZWNo␇<U+202E>'
>>> visible("\\udccb\\udcc4.txt")
'\\\\xcb\\\\xc4.txt'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment

# C0 controls but line break and tab, DEL, C1 controls, bidirectional controls, lone surrogates
_HIDDEN = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069"
                     "\\ud800-\\udfff]")


def _show(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)  # the Control Pictures block: ␛ for ESC, ␍ for CR
    if c == 0x7F:
        return "␡"
    if 0xDC80 <= c <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{c - 0xDC00:02x}"
    return f"<U+{c:04X}>"


def visible(text: str) -> str:
    """``text`` with every control, bidi-control and lone-surrogate character made visible."""
    return _HIDDEN.sub(_show, text)


class SafeConsole(Console):
    """A rich ``Console`` whose output holds no control character it was not asked to style with."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            seg if seg.control else Segment(visible(seg.text), seg.style, seg.control) for seg in buffer)


def make_console(stderr: bool = False, **options: Any) -> Console:
    """The console every view draws on (``stderr=True`` for warnings and errors).

    >>> import io
    >>> c = make_console(file=io.StringIO(), force_terminal=True)
    >>> c.print("a\\x1b[2Jb", markup=False)
    >>> "\\x1b[2J" in c.file.getvalue()
    False
    """
    return SafeConsole(stderr=stderr, highlight=False, **options)
