"""CSV: one header row, then one row per glossary entry (``COLUMNS``), UTF-8.

Every text cell is quoted and numbers are not: a spreadsheet's import dialog that splits on commas,
semicolons and tabs at once (LibreOffice's default) then keeps each cell whole and still reads the
counts as numbers. Lists (expansion, alternative glosses) are joined with `` | ``. Cells a
spreadsheet would run as a formula get a leading ``'``. ``--excel`` starts the file with a BOM so
Excel reads it as UTF-8.

>>> from termkit.gloss import Glossary, GlossRow
>>> from termkit.lexicon import Entry
>>> row = GlossRow(Entry(id="four-winds", term="四风", gloss="Four Winds"), "四風", "sì fēng")
>>> export(Glossary((row,)), ExportOptions()).data.splitlines()[1].split(",")[:5]
['"four-winds"', '"四风"', '"四風"', '"sì fēng"', '"lexicon"']
"""

from __future__ import annotations

import csv
import io

from ..gloss import Glossary
from . import ExportOptions, Rendered
from ._fields import COLUMNS, neutralise, record

BOM = "\ufeff"


def write_table(glossary: Glossary, delimiter: str) -> str:
    """The header and the rows, separated by ``delimiter``, quoted where needed (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(COLUMNS)
    for row in glossary.rows:
        rec = record(row)
        writer.writerow([neutralise(rec[c]) for c in COLUMNS])
    return out.getvalue()


def export(glossary: Glossary, options: ExportOptions) -> Rendered:
    return Rendered((BOM if options.excel else "") + write_table(glossary, ","))
