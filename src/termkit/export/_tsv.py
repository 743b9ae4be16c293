"""TSV: the CSV columns separated by tabs (a cell holding a tab or line break is quoted).

>>> from termkit.gloss import Glossary
>>> export(Glossary(()), ExportOptions()).data.split("\\t")[:3]
['id', 'term', 'traditional']
"""

from __future__ import annotations

from ..gloss import Glossary
from . import ExportOptions, Rendered
from ._csv import write_table


def export(glossary: Glossary, options: ExportOptions) -> Rendered:
    return Rendered(write_table(glossary, "\t"))
