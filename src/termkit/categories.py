"""The categories of lexicon entries and how each looks: adding a category is one line here.

The lexicon's ``Category`` type, the terminal's colours and the HTML report's highlights are all read
from :data:`CATEGORIES`.

>>> CATEGORIES["slogan"].terminal
'bold magenta'
>>> category_css().splitlines()[0]
'mark.cat-slogan { background: #f7d6e8; border-color: #b0407a; }'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Look:
    """How a category's terms are highlighted: a rich style, and the report's background and underline."""

    terminal: str
    mark: str = "#fde9a8"  # the report's highlight, as for any term (mark.term)
    edge: str = "#d9a400"


CATEGORIES: dict[str, Look] = {
    "formula": Look("bold yellow"),
    "slogan": Look("bold magenta", "#f7d6e8", "#b0407a"),
    "campaign": Look("bold cyan", "#d3eef2", "#2a8a99"),
    "policy": Look("bold green", "#d9f0d3", "#3c8a2e"),
    "concept": Look("bold blue", "#dde6fa", "#3f6fb5"),
    "ideology": Look("bold red"),
    "method": Look("bold cyan"),
    "body": Look("bold white"),
    "event": Look("bold white"),
    "local": Look("bold bright_green", "#e6f5c8", "#6c9a1c"),
}
DEFAULT = "concept"  # an entry's category when it names none


def category_css() -> str:
    """The report's CSS rules for categories highlighted otherwise than a plain term."""
    plain = Look("")
    return "\n".join(f"mark.cat-{name} {{ background: {look.mark}; border-color: {look.edge}; }}"
                     for name, look in CATEGORIES.items() if (look.mark, look.edge) != (plain.mark, plain.edge))
