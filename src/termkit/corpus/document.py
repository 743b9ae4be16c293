"""What the reader produces and how it is told to read: :class:`Document` and :class:`ReadOptions`.

>>> Document("a.txt", "四风").meta
{}
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
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
