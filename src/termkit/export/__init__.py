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
from pathlib import PurePath
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
    "tbx": "_tbx2",   # TBX 2008 (martif): what OmegaT, translate-toolkit and most CAT tools read
    "tbx2": "_tbx2",  # the same, by its version (the name earlier releases used for it)
    "tbx3": "_tbx",   # ISO 30042:2019 (TBX v3, DCA): for tools that read v3
    "json": "_json",
}
# the formats each file extension may hold; ``-o FILE`` without ``--format`` takes the first
EXTENSIONS: dict[str, tuple[str, ...]] = {
    ".md": ("md",),
    ".csv": ("csv",),
    ".tsv": ("tsv", "deepl", "omegat"),
    ".tbx": ("tbx", "tbx2", "tbx3"),
    ".utf8": ("omegat",),
    ".json": ("json",),
}
DEFAULT_FORMAT = "md"


@dataclass(frozen=True)
class ExportOptions:
    """Choices that apply to some formats only (the others ignore them)."""

    excel: bool = False  # csv: start with a BOM so that Excel reads the file as UTF-8
    direction: str = "zh-en"  # deepl, omegat: "en-zh" writes English sources and Chinese targets


# the formats that have a source and a target side; the others (tbx, csv …) hold both languages as equals
DIRECTIONAL = ("deepl", "omegat")
DIRECTIONS = ("zh-en", "en-zh")


@dataclass(frozen=True)
class Rendered:
    """An exported glossary: the text to write, and what could not be written and why."""

    data: str
    problems: tuple[str, ...] = ()


Exporter = Callable[["Glossary", ExportOptions], Rendered]


def resolve_format(name: str | None, output: str | None) -> str:
    """The format to write: ``name`` if given, else the one the output file's extension names, else
    Markdown. :class:`ExportError` when the two disagree (``-o x.tbx --format md``).

    >>> resolve_format(None, "glossary.tbx"), resolve_format("tbx3", "glossary.tbx"), resolve_format(None, None)
    ('tbx', 'tbx3', 'md')
    """
    if name is not None and name not in FORMATS:
        raise ExportError(f"unknown glossary format {name!r}; use one of {', '.join(FORMATS)}")
    suffix = "" if output is None or output == "-" else PurePath(output).suffix.lower()
    allowed = EXTENSIONS.get(suffix)
    if name is None:
        return allowed[0] if allowed else DEFAULT_FORMAT
    if allowed and name not in allowed:
        raise ExportError(f"{output}: the extension {suffix} does not hold --format {name} "
                          f"(use {', '.join(allowed)}, or another file name)")
    return name


def get_exporter(name: str) -> Exporter:
    """The ``export`` function of format ``name``; :class:`ExportError` for an unknown name."""
    module = FORMATS.get(name)
    if module is None:
        raise ExportError(f"unknown glossary format {name!r}; use one of {', '.join(FORMATS)}")
    exporter: Exporter = import_module(f".{module}", __name__).export
    return exporter


def export(glossary: Glossary, name: str, options: ExportOptions | None = None) -> Rendered:
    """Render ``glossary`` in format ``name``; a problem is reported once, however many of the entry's
    pairs (term and traditional form) it affects."""
    rendered = get_exporter(name)(glossary, options or ExportOptions())
    return Rendered(rendered.data, tuple(dict.fromkeys(rendered.problems)))
