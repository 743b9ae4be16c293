"""OmegaT glossary: tab-separated ``source<TAB>target<TAB>comment`` lines, UTF-8, after the
magic comment line OmegaT itself writes (lines starting with ``#`` are comments to OmegaT). The
target is the preferred rendering alone; a deprecated rendering appears only in the comment, as
"do not use: …" (OmegaT shows no status, so it is never offered as a translation).

The term and, where it differs, its traditional form each get a line. OmegaT splits lines on tabs
and trims each field, so a term or gloss with a tab, a line break, padding or a leading ``#`` is
reported and not written; the comment (pinyin · category · status · definition) is put on one line.

>>> from termkit.gloss import Glossary, GlossRow
>>> from termkit.lexicon import Entry
>>> row = GlossRow(Entry(id="four-winds", term="四风", gloss="Four Winds"), "四風", "sì fēng")
>>> export(Glossary((row,)), ExportOptions()).data.splitlines()[1]
'四风\\tFour Winds\\tsì fēng · concept · proposed'
"""

from __future__ import annotations

from ..gloss import Glossary, GlossRow
from . import ExportOptions, Rendered
from ._fields import cell_problem, one_line, pairs

HEADER = "# Glossary in tab-separated format -*- coding: utf-8 -*-\n"


def comment(row: GlossRow) -> str:
    """The third column: what a translator wants to see next to the term, on one line."""
    e = row.entry
    parts = [row.reading + (" (pinyin generated, unchecked)" if row.pinyin_auto else ""), e.category,
             e.gloss_status]
    if e.expansion:
        parts.append("；".join(e.expansion))
    if e.expansion_en:
        parts.append("; ".join(e.expansion_en))
    parts.extend(f"do not use: {a.text}" for a in e.alt_glosses if a.status == "deprecated")
    if e.definition:
        parts.append(e.definition)
    return one_line(" · ".join(p for p in parts if p))


def export(glossary: Glossary, options: ExportOptions) -> Rendered:
    lines = [HEADER]
    problems: list[str] = []
    for row in glossary.rows:
        e = row.entry
        for source, target in pairs(row, options.direction):
            problem = cell_problem(source, "source") or cell_problem(target, "target")
            if problem is None and source.startswith("#"):
                problem = f"source {source!r} starts with '#' (a comment line to OmegaT)"
            if problem:
                problems.append(f"{e.id}: {problem}; not written")
                continue
            lines.append(f"{source}\t{target}\t{comment(row)}\n")
    return Rendered("".join(lines), tuple(problems))
