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
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import ExportOptions, Rendered
from ._fields import COLUMNS, neutralise, record

if TYPE_CHECKING:  # not needed to write a CSV of counts (termkit count)
    from ..gloss import Glossary

BOM = "\ufeff"


def write_rows(header: Sequence[str], rows: Iterable[Sequence[Any]], delimiter: str = ",",
               quote_header: bool = True) -> str:
    """The one CSV/TSV writer of termkit (glossaries, count, trend, search, qa …): a header, then the
    rows; text cells quoted, numbers not, a cell a spreadsheet would run as a formula neutralised.

    >>> print(write_rows(["gloss", "count"], [["=HYPERLINK('http://x')", 3]]), end="")
    "gloss","count"
    "'=HYPERLINK('http://x')",3
    """
    out = io.StringIO()
    if quote_header:
        csv.writer(out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC).writerow(header)
    else:  # plain field names, as scripts that read the first line expect
        csv.writer(out, delimiter=delimiter, lineterminator="\n").writerow(header)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    for row in rows:
        writer.writerow([neutralise("" if cell is None else cell) for cell in row])
    return out.getvalue()


def write_records(records: Iterable[Mapping[str, Any]], fields: Sequence[str], delimiter: str = ",") -> str:
    """Records (dicts) as CSV with ``fields`` as the header (not quoted), through :func:`write_rows`."""
    return write_rows(fields, ([r.get(f) for f in fields] for r in records), delimiter, quote_header=False)


def write_table(glossary: Glossary, delimiter: str) -> str:
    """The header and the rows, separated by ``delimiter``, quoted where needed (RFC 4180)."""
    return write_rows(COLUMNS, ([record(row)[c] for c in COLUMNS] for row in glossary.rows), delimiter)


def export(glossary: Glossary, options: ExportOptions) -> Rendered:
    return Rendered((BOM if options.excel else "") + write_table(glossary, ","))
