"""What the tabular exporters share: the flat record of a glossary row, list joining, and
neutralising spreadsheet formulas.

>>> neutralise("=SUM(A1)"), neutralise("两个确立")
("'=SUM(A1)", '两个确立')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..lexicon import AltGloss, Entry

if TYPE_CHECKING:  # the glossary (and pinyin with it) is not needed to write a CSV of counts
    from ..gloss import GlossRow

LIST_SEP = " | "
COLUMNS = ("id", "term", "traditional", "pinyin", "pinyin_source", "gloss", "gloss_status", "category", "pos",
           "expansion", "alt_glosses", "literal", "definition", "count", "docs", "context", "context_doc")
# a spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection");
# the full-width forms are included because some spreadsheets fold them on import
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def record(row: GlossRow) -> dict[str, Any]:
    """The flat record of one row: the ``COLUMNS``, lists joined with `` | ``."""
    e = row.entry
    return {
        "id": e.id, "term": e.term, "traditional": row.traditional, "pinyin": row.reading,
        "pinyin_source": "pypinyin" if row.pinyin_auto else "lexicon", "gloss": e.gloss,
        "gloss_status": e.gloss_status, "category": e.category, "pos": e.pos or "",
        "expansion": LIST_SEP.join(e.expansion),
        "alt_glosses": LIST_SEP.join(f"{a.text} [{a.status}]" for a in e.alt_glosses),
        "literal": e.literal or "", "definition": e.definition or "", "count": row.count, "docs": row.docs,
        "context": marked_context(row), "context_doc": row.context_doc or "",
    }


def marked_context(row: GlossRow, mark: tuple[str, str] = ("【", "】")) -> str:
    """The context sentence with the term marked where it stands (a sentence often holds several)."""
    parts = row.context_parts()
    if parts is None:
        return ""
    before, term, after = parts
    return f"{before}{mark[0]}{term}{mark[1]}{after}" if term else before


def neutralise(cell: Any) -> Any:
    """Prefix ``'`` to a text cell a spreadsheet would run as a formula; other values pass."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def cell_problem(text: str, what: str) -> str | None:
    """Why ``text`` cannot be one cell of a line-based format (empty, padded, control characters),
    or None when it can."""
    if not text.strip():
        return f"{what} is empty"
    if text != text.strip():
        return f"{what} {text!r} has leading or trailing whitespace"
    if _CONTROL_RE.search(text):
        return f"{what} {text!r} contains a tab, line break or other control character"
    return None


def one_line(text: str) -> str:
    """Whitespace runs (line breaks and tabs included) as one space.

    >>> one_line("a\\n\\tb ")
    'a b'
    """
    return " ".join(_CONTROL_RE.sub(" ", text).split())


# the order in which alternative renderings follow the preferred one: most trusted first
ALT_ORDER = ("official-variant", "scholarly", "media", "literal", "deprecated")


def ordered_alts(entry: Entry) -> list[AltGloss]:
    """The entry's other renderings, most trusted first, deprecated last; the gloss itself left out.

    >>> e = Entry(id="x", term="一带一路", gloss="Belt and Road", alt_glosses=[
    ...     {"text": "One Belt, One Road", "status": "deprecated"}, {"text": "B&R", "status": "media"}])
    >>> [a.text for a in ordered_alts(e)]
    ['B&R', 'One Belt, One Road']
    """
    alts = [a for a in entry.alt_glosses if a.text != entry.gloss]
    return sorted(alts, key=lambda a: ALT_ORDER.index(a.status))


def pairs(row: GlossRow, direction: str = "zh-en") -> list[tuple[str, str]]:
    """The (source, target) pairs a directional glossary writes for one row: for ``zh-en`` the term
    and its traditional form, each to the gloss; for ``en-zh`` the gloss and the ``official-variant``
    renderings, each to the term (a deprecated or media rendering is never a source to learn from).

    >>> e = Entry(id="bri", term="一带一路", gloss="Belt and Road Initiative", alt_glosses=[
    ...     {"text": "BRI", "status": "official-variant"}, {"text": "OBOR", "status": "deprecated"}])
    >>> from termkit.gloss import GlossRow
    >>> pairs(GlossRow(e, "一帶一路", "yī dài yī lù"), "en-zh")
    [('Belt and Road Initiative', '一带一路'), ('BRI', '一带一路')]
    """
    e = row.entry
    if direction == "en-zh":
        sources = [e.gloss, *(a.text for a in e.alt_glosses if a.status == "official-variant")]
        return [(s, e.term) for s in dict.fromkeys(sources)]
    return [(s, e.gloss) for s in dict.fromkeys((e.term, row.traditional))]
