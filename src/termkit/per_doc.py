"""One row per document and entry: counts ready for pandas or R (``termkit count --by doc``).

A document without a match still has a row (``id`` and ``term`` empty, ``count`` 0): for a
regression or a plot, a document where no term occurs is information, not a gap. Rows come in
document order, then in order of first appearance in the document; memory stays flat.

>>> from termkit.corpus import Document
>>> from termkit.lexicon import Entry
>>> from termkit.match import DocumentResult, Match
>>> e = Entry(id="four-winds", term="四风", gloss="Four Winds")
>>> docs = [DocumentResult(Document("a", "反对四风", meta={"date": "2013"}), [Match(2, 4, "四风", e)], []),
...         DocumentResult(Document("b", "无"), [], [])]
>>> [r.to_dict() for r in per_document(docs)]  # doctest: +NORMALIZE_WHITESPACE
[{'doc': 'a', 'date': '2013', 'group': '', 'id': 'four-winds', 'term': '四风', 'count': 1, 'per_10k': 2500.0},
 {'doc': 'b', 'date': '', 'group': '', 'id': '', 'term': '', 'count': 0, 'per_10k': 0.0}]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from .match import DocumentResult


@dataclass(frozen=True)
class DocumentCount:
    """How often one entry occurs in one document (``id`` empty: the document has no match)."""

    doc: str
    date: str
    group: str
    id: str
    term: str
    count: int
    characters: int  # of the document, whitespace not counted (the base of per_10k)

    FIELDS: ClassVar[tuple[str, ...]] = ("doc", "date", "group", "id", "term", "count", "per_10k")

    @property
    def per_10k(self) -> float:
        return self.count * 10000 / self.characters if self.characters else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The row of the ``count --by doc`` contract."""
        return {"doc": self.doc, "date": self.date, "group": self.group, "id": self.id, "term": self.term,
                "count": self.count, "per_10k": round(self.per_10k, 3)}


def per_document(results: Iterable[DocumentResult]) -> Iterator[DocumentCount]:
    """The rows of each matched document in turn (see the module's example)."""
    for r in results:
        meta = r.doc.meta or {}
        date, group = str(meta.get("date") or ""), str(meta.get("group") or "")
        chars = r.characters
        counts = r.counts()
        if not counts:
            yield DocumentCount(r.doc.id, date, group, "", "", 0, chars)
        for entry, n in counts:
            yield DocumentCount(r.doc.id, date, group, entry.id, entry.term, n, chars)
