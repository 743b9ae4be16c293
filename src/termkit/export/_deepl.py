"""DeepL glossary entries: ``source<TAB>target`` lines (the ``tsv`` entries format of DeepL's
glossary API), the term and, where it differs, its traditional form, each mapped to the gloss
(``--direction en-zh``: the gloss and its official variants, each mapped to the term; DeepL
glossaries work in one direction only).

DeepL refuses a whole glossary for one bad entry, so the rules are checked here: no duplicate
source, no empty or whitespace-padded entry, no tab, line break or other control character, at
most 1024 UTF-8 bytes per entry. An entry that breaks them is not written and is reported.

>>> from termkit.gloss import Glossary, GlossRow
>>> from termkit.lexicon import Entry
>>> a = GlossRow(Entry(id="a", term="四风", gloss="Four Winds"), "四風", "sì fēng")
>>> b = GlossRow(Entry(id="b", term="四风", gloss="four styles"), "四風", "sì fēng")
>>> out = export(Glossary((a, b)), ExportOptions())
>>> out.data.splitlines(), out.problems[0]
(['四风\\tFour Winds', '四風\\tFour Winds'], "b: source '四风' is already the source of a; not written")
"""

from __future__ import annotations

from ..gloss import Glossary
from . import ExportOptions, Rendered
from ._fields import FORMULA_START, cell_problem, pairs

MAX_BYTES = 1024


def entry_problem(source: str, target: str) -> str | None:
    """Why a source/target pair breaks DeepL's entry rules, or None."""
    for text, what in ((source, "source"), (target, "target")):
        problem = cell_problem(text, what)
        if problem:
            return problem
        if len(text.encode("utf-8")) > MAX_BYTES:
            return f"{what} is longer than {MAX_BYTES} UTF-8 bytes"
    return None


def export(glossary: Glossary, options: ExportOptions) -> Rendered:
    lines: list[str] = []
    problems: list[str] = []
    owner: dict[str, str] = {}
    for row in glossary.rows:
        e = row.entry
        warned = False
        for source, target in pairs(row, options.direction):
            problem = entry_problem(source, target)
            if problem is None and source in owner:
                problem = f"source {source!r} is already the source of {owner[source]}"
            if problem:
                problems.append(f"{e.id}: {problem}; not written")
                continue
            owner[source] = e.id
            lines.append(f"{source}\t{target}\n")
            for text in (source, target):
                if text.startswith(FORMULA_START) and not warned:
                    warned = True
                    problems.append(f"{e.id}: {text!r} starts with {text[0]!r}: written as it is (DeepL wants "
                                    "the raw text), but a spreadsheet opening this file runs it as a formula")
    return Rendered("".join(lines), tuple(problems))
