"""Markdown: a readable glossary for a translation brief — a summary table, then one section per
term with its expansion, definition, other renderings and the sentence it was first seen in.

>>> from termkit.gloss import Glossary, GlossRow
>>> from termkit.lexicon import Entry
>>> row = GlossRow(Entry(id="four-winds", term="四风", gloss="Four Winds"), "四風", "sì fēng")
>>> "| 四风 | 四風 | sì fēng | Four Winds |" in export(Glossary((row,)), ExportOptions()).data
True
"""

from __future__ import annotations

import re

from ..gloss import Glossary, GlossRow
from ..wording import plural
from . import ExportOptions, Rendered
from ._fields import one_line, ordered_alts

_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START_RE = re.compile(r"^([#>+\-=]|\d+\.)")
AUTO_MARK = "†"


def escape(text: str) -> str:
    """Text as Markdown shows it literally, on one line.

    >>> escape("a*b|c")
    'a\\\\*b\\\\|c'
    """
    return _LINE_START_RE.sub(r"\\\1", _SPECIAL_RE.sub(r"\\\1", one_line(text)))


def _summary(glossary: Glossary) -> list[str]:
    lines = ["| Term | Traditional | Pinyin | English | Status | Category | Count |",
             "|---|---|---|---|---|---|---:|"]
    for r in glossary.rows:
        e = r.entry
        pinyin = escape(r.reading) + (AUTO_MARK if r.pinyin_auto else "")
        lines.append(f"| {escape(e.term)} | {escape(r.traditional)} | {pinyin} | {escape(e.gloss)} | "
                     f"{e.gloss_status} | {e.category} | {r.count} |")
    return lines


def _section(r: GlossRow) -> list[str]:
    e = r.entry
    auto = " (generated, not checked)" if r.pinyin_auto else ""
    facts = [f"- **Traditional:** {escape(r.traditional)}", f"- **Pinyin:** {escape(r.reading)}{auto}",
             f"- **Gloss status:** {e.gloss_status} · **Category:** {e.category}"
             + (f" · **Part of speech:** {e.pos}" if e.pos else "")]
    alts = ordered_alts(e)
    usable = [a for a in alts if a.status != "deprecated"]
    if usable:
        facts.append("- **Other renderings:** " + "; ".join(f"{escape(a.text)} ({a.status})" for a in usable))
    deprecated = [a for a in alts if a.status == "deprecated"]
    if deprecated:
        facts.append("- **Do not use (deprecated):** " + "; ".join(escape(a.text) for a in deprecated))
    if e.literal:
        facts.append(f"- **Literally:** {escape(e.literal)}")
    if r.count:
        facts.append(f"- **Occurrences:** {r.count} in {r.docs} document{'s' if r.docs != 1 else ''}")
    out = ["", f"## {escape(e.term)} — {escape(e.gloss)}", "", *facts]
    if e.expansion:
        english = e.expansion_en or ("",) * len(e.expansion)
        out += ["", "Stands for:", ""] + [f"{i}. {escape(x)}" + (f" — {escape(en)}" if en else "")
                                          for i, (x, en) in enumerate(zip(e.expansion, english), 1)]
    if e.definition:
        out += ["", escape(e.definition)]
    if r.context:
        out += ["", f"> {_context(r)}", f"> — {escape(r.context_doc or '')}"]
    return out


def _context(r: GlossRow) -> str:
    text = escape(r.context or "")
    surface = escape(r.surface or "")
    if surface and surface in text:
        return text.replace(surface, f"**{surface}**", 1)
    return text


def export(glossary: Glossary, options: ExportOptions) -> Rendered:
    n = len(glossary.rows)
    if glossary.whole_lexicon and not glossary.documents:
        intro = f"{plural(n, 'term')}: the whole lexicon."
    else:
        intro = f"{plural(n, 'term')} found in {plural(glossary.documents, 'document')}."
    lines = ["# Glossary", "", intro, ""]
    if any(r.pinyin_auto for r in glossary.rows):
        lines += [f"{AUTO_MARK} pinyin generated automatically (pypinyin), not checked by a person.", ""]
    if glossary.rows:
        lines += _summary(glossary)
    for r in glossary.rows:
        lines += _section(r)
    return Rendered("\n".join(lines) + "\n")
