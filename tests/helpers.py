"""Helpers shared by tests (import with ``from helpers import …``)."""

from __future__ import annotations

from pathlib import Path

from termkit.compile import compile_lexicon
from termkit.lexicon import Entry, Lexicon
from termkit.match import Matcher
from termkit.normalize import FoldTable

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_matcher(table: FoldTable, *specs: dict) -> Matcher:
    """A matcher over entries given as dicts (id defaults to e0, e1 …, gloss to the term)."""
    entries = tuple(Entry(**{"id": f"e{i}", "gloss": s["term"], **s}) for i, s in enumerate(specs))
    return compile_lexicon(Lexicon(entries), table)


def write_lexicon(folder: Path, text: str, name: str = "lex.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
