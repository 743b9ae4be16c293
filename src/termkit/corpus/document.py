"""What the reader produces and how it is told to read: :class:`Document` and :class:`ReadOptions`.

>>> Document("a.txt", "四风").meta
{}
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Document:
    """One decoded text. ``id`` is the path as given (or ``<stdin>``)."""

    id: str
    text: str
    encoding: str = "utf-8"
    meta: dict[str, Any] = field(default_factory=dict)


INPUT_FORMATS = ("auto", "text", "jsonl", "csv", "tsv")


_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}


@dataclass(frozen=True)
class ReadOptions:
    """How to read the documents: the input format and, for JSONL/CSV, which fields hold what.

    ``input_format`` ``auto`` picks by extension (``.jsonl``, ``.csv``, ``.tsv``; anything else,
    and stdin, is text). Without ``id_field`` a row's id is ``file:line``.

    >>> ReadOptions(input_format="auto").format_for("news/2024.jsonl")
    'jsonl'
    """

    input_format: str = "auto"
    text_field: str = "text"
    id_field: str | None = None
    date_field: str | None = None
    group_field: str | None = None

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise InputError(f"unknown input format {self.input_format!r}; use one of {', '.join(INPUT_FORMATS)}")

    def format_for(self, name: str) -> str:
        """The format to read ``name`` in (``-`` is stdin)."""
        if self.input_format != "auto":
            return self.input_format
        if name == "-":
            return "text"
        return _EXTENSIONS.get(os.path.splitext(name)[1].lower(), "text")


def ignore(_: str) -> None:
    pass


def display_name(path: Path | str) -> str:
    """A path as text that every output can hold: bytes of a file name that are not UTF-8 (a GBK
    name from a Chinese archive) written as ``\\xNN`` instead of lone surrogates, which no UTF-8
    writer accepts, and control characters (a line break in a name) written as escapes.

    >>> display_name(os.fsdecode(b"d/\\xcb\\xc4\\n.txt"))
    'd/\\\\xcb\\\\xc4\\\\n.txt'
    """
    text = os.fsencode(str(path)).decode("utf-8", errors="backslashreplace")
    return _CONTROL_RE.sub(lambda m: repr(m.group())[1:-1], text)


def plain_text(value: str) -> str:
    """``value`` with lone surrogates (JSON's ``"\\ud800"``) as U+FFFD, which the damage report counts.

    >>> plain_text("四风\\ud800")
    '四风\ufffd'
    """
    return _SURROGATES.sub("\ufffd", value)


_SURROGATES = re.compile("[\\ud800-\\udfff]")
_CONTROL_RE = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]")
