"""TSV: the CSV columns separated by tabs, text cells quoted as in the CSV (a spreadsheet that also
splits on commas and semicolons then keeps them whole).

>>> from termkit.gloss import Glossary
>>> export(Glossary(()), ExportOptions()).data.split("\\t")[:3]
['"id"', '"term"', '"traditional"']
"""

from __future__ import annotations

from ..gloss import Glossary
from . import ExportOptions, Rendered
from ._csv import write_table


def export(glossary: Glossary, options: ExportOptions) -> Rendered:
    return Rendered(write_table(glossary, "\t"))
