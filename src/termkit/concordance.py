"""Concordance (key word in context): each occurrence of chosen entries with the text around it.

Occurrences come from the same matcher as everything else, so 兩個確立 and “两个确立” are hits of
两个确立, and a term inside a longer one is found too (the matcher runs with ``nested``). Context
is ``width`` characters each side, within the document, with every run of whitespace (a line
break included) shown as one space. ``line`` is the 1-based line of the document the match starts on.

>>> from termkit.corpus import Document
>>> from termkit.compile import compile_lexicon
>>> from termkit.lexicon import Entry, Lexicon
>>> from termkit.match import match_document
>>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
>>> r = match_document(Document("a.txt", "第一行\\n坚决反对“四風”问题"), m, nested=True)
>>> [(k.line, k.left, k.match, k.right) for k in concordance([r], {"four-winds"}, width=4)]
[(2, '决反对“', '四風', '”问题')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from .match import DocumentResult

KWIC_SORTS = ("doc", "left", "right", "term")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class KwicLine:
    """One occurrence in its context; offsets index the original document, end exclusive."""

    doc: str
    line: int
    start: int
    end: int
    left: str
    match: str
    right: str
    id: str
    term: str

    FIELDS: ClassVar[tuple[str, ...]] = ("doc", "line", "start", "end", "left", "match", "right", "id")

    def to_dict(self) -> dict[str, Any]:
        """The record of the ``kwic`` contract."""
        return {f: getattr(self, f) for f in self.FIELDS}


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text)


def concordance(results: Iterable[DocumentResult], ids: set[str], width: int = 20,
                sort: str = "doc") -> list[KwicLine]:
    """The occurrences of the entries ``ids`` in ``results``, ``width`` characters of context each
    side, ordered by ``sort``: ``doc`` (document, then position), ``left`` (the left context read
    from the match outwards, as concordancers sort L1, L2 …), ``right`` or ``term``."""
    if sort not in KWIC_SORTS:
        raise ValueError(f"unknown sort {sort!r}; use one of {', '.join(KWIC_SORTS)}")
    lines: list[KwicLine] = []
    for r in results:
        text = r.doc.text
        line, pos = 1, 0
        for m in sorted(r.matches, key=lambda m: (m.start, m.end)):
            if m.entry.id not in ids:
                continue
            line += text.count("\n", pos, m.start)
            pos = m.start
            left = _flat(text[max(0, m.start - width):m.start])
            right = _flat(text[m.end:m.end + width])
            lines.append(KwicLine(r.doc.id, line, m.start, m.end, left, m.text.replace("\n", " "), right,
                                  m.entry.id, m.entry.term))
    keys: dict[str, Callable[[KwicLine], Any]] = {
        "left": lambda k: (k.left[::-1], k.right), "right": lambda k: (k.right, k.left[::-1]),
        "term": lambda k: (k.term, k.right)}
    return sorted(lines, key=keys[sort]) if sort in keys else lines


def split_terms(args: Sequence[str], is_term: Callable[[str], bool],
                is_path: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """``TERM… PATH…``: the leading arguments that name lexicon entries (and no existing file) are
    the terms, the rest the paths. An argument that is neither, before any path, is returned as a
    term, so the caller can say it is not in the lexicon.

    >>> split_terms(["四风", "two-upholds", "seeds/", "x"], lambda a: "/" not in a and a != "x", lambda a: "/" in a)
    (['四风', 'two-upholds'], ['seeds/', 'x'])
    """
    terms: list[str] = []
    for i, arg in enumerate(args):
        if arg == "-" or is_path(arg) or (terms and not is_term(arg)):
            return terms, list(args[i:])
        terms.append(arg)
    return terms, []
