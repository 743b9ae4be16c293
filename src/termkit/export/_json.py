"""JSON: a list with one object per row: the full lexicon entry, plus ``traditional``,
``pinyin_source`` (``lexicon`` or ``pypinyin``; ``pinyin`` is filled either way), ``count``,
``docs``, ``context`` and ``context_doc``. ``context`` has always been the first sentence the term
occurs in, so the entry's own ``context`` (its matching rules) is written as ``context_rules``.

>>> import json
>>> from termkit.gloss import Glossary, GlossRow
>>> from termkit.lexicon import Entry
>>> row = GlossRow(Entry(id="four-winds", term="四风", gloss="Four Winds"), "四風", "sì fēng", True)
>>> json.loads(export(Glossary((row,)), ExportOptions()).data)[0]["pinyin_source"]
'pypinyin'
"""

from __future__ import annotations

import json
from typing import Any

from ..gloss import Glossary, GlossRow
from . import ExportOptions, Rendered


def to_dict(row: GlossRow) -> dict[str, Any]:
    """The JSON object of one row."""
    d = row.entry.to_dict()
    d["context_rules"] = d.pop("context", None)
    d["pinyin"] = row.pinyin
    d.update(traditional=row.traditional, pinyin_source="pypinyin" if row.pinyin_auto else "lexicon",
             reading=row.reading, count=row.count, docs=row.docs, context=row.context,
             context_doc=row.context_doc)
    return d


def export(glossary: Glossary, options: ExportOptions) -> Rendered:
    data = json.dumps([to_dict(r) for r in glossary.rows], ensure_ascii=False, indent=2)
    return Rendered(data + "\n")
