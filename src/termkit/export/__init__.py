"""Glossary exporters: one small module per format behind one registry.

``FORMATS`` maps a format name to the module that writes it; a module is imported only when its
format is asked for. Every module has one function, ``export(glossary, options) -> Rendered``.

>>> from termkit.gloss import Glossary, GlossRow
>>> from termkit.lexicon import Entry
>>> row = GlossRow(Entry(id="four-winds", term="四风", gloss="Four Winds"), "四風", "sì fēng")
>>> export(Glossary((row,)), "deepl").data.splitlines()
['四风\\tFour Winds', '四風\\tFour Winds']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from ..errors import ExportError

if TYPE_CHECKING:
    from ..gloss import Glossary

FORMATS: dict[str, str] = {
    "md": "_md",
    "csv": "_csv",
    "tsv": "_tsv",
    "deepl": "_deepl",
    "omegat": "_omegat",
    "tbx": "_tbx",
    "tbx2": "_tbx2",
    "json": "_json",
}


@dataclass(frozen=True)
class ExportOptions:
    """Choices that apply to some formats only (the others ignore them)."""

    excel: bool = False  # csv: start with a BOM so that Excel reads the file as UTF-8


@dataclass(frozen=True)
class Rendered:
    """An exported glossary: the text to write, and what could not be written and why."""

    data: str
    problems: tuple[str, ...] = ()


Exporter = Callable[["Glossary", ExportOptions], Rendered]


def get_exporter(name: str) -> Exporter:
    """The ``export`` function of format ``name``; :class:`ExportError` for an unknown name."""
    module = FORMATS.get(name)
    if module is None:
        raise ExportError(f"unknown glossary format {name!r}; use one of {', '.join(FORMATS)}")
    exporter: Exporter = import_module(f".{module}", __name__).export
    return exporter


def export(glossary: Glossary, name: str, options: ExportOptions | None = None) -> Rendered:
    """Render ``glossary`` in format ``name``."""
    return get_exporter(name)(glossary, options or ExportOptions())
