"""Dates from evidence: for each lexicon entry, its earliest dated occurrence in a corpus and its
counts per year, so that a curator can fill ``first_seen`` from documents rather than memory
(``termkit lexicon dates``).

A document's date is its ``meta["date"]`` (a ``--date-field`` or a date in the file name, see
:mod:`termkit.corpus`); matches in undated documents are counted apart. Matches are what the
matcher reports, context rules included (a ``since`` rule hides the generic uses before it).

>>> from termkit.corpus import Document
>>> from termkit.compile import compile_lexicon
>>> from termkit.lexicon import Entry, Lexicon
>>> from termkit.match import analyse
>>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
>>> docs = [Document("b", "四风", meta={"date": "2013-06-18"}), Document("a", "四风四风", meta={"date": "2012-12"}),
...         Document("c", "四风")]
>>> row = entry_dates(analyse(docs, m))[0]
>>> (row.earliest, row.earliest_doc, row.by_year, row.undated)
('2012-12', 'a', {'2012': 2, '2013': 1}, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .lexicon import Entry


@dataclass(frozen=True)
class EntryDates:
    """The dated evidence for one entry."""

    entry: Entry
    earliest: str | None  # the earliest document date with a match (as precise as that date is)
    earliest_doc: str | None
    by_year: dict[str, int]  # year -> matches in documents of that year
    undated: int  # matches in documents without a date

    @property
    def count(self) -> int:
        return sum(self.by_year.values()) + self.undated

    @property
    def earlier_than_lexicon(self) -> bool:
        """True when the corpus attests the entry before its ``first_seen`` (compared at the
        precision both dates have)."""
        seen = self.entry.first_seen
        if not seen or not self.earliest:
            return False
        n = min(len(seen), len(self.earliest))
        return self.earliest[:n] < seen[:n]

    def to_dict(self, years: Sequence[str] | None = None) -> dict[str, Any]:
        """A flat record: with ``years`` one key per year (CSV), else ``by_year`` as a mapping (JSON)."""
        e = self.entry
        record: dict[str, Any] = {"id": e.id, "term": e.term, "first_seen": e.first_seen, "earliest": self.earliest,
                                  "earliest_doc": self.earliest_doc, "count": self.count, "undated": self.undated,
                                  "earlier_than_lexicon": self.earlier_than_lexicon}
        if years is None:
            record["by_year"] = dict(self.by_year)
        else:
            record.update({y: self.by_year.get(y, 0) for y in years})
        return record


@dataclass
class DatesTally:
    """Mutable accumulator: ``add`` document results in any order, then take ``result()``."""

    _entries: dict[str, Entry] = field(default_factory=dict)
    _earliest: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (date, doc)
    _years: dict[str, dict[str, int]] = field(default_factory=dict)
    _undated: dict[str, int] = field(default_factory=dict)

    def add(self, result: Any) -> None:
        """Count one :class:`termkit.match.DocumentResult`."""
        date = (result.doc.meta or {}).get("date")
        for m in result.matches:
            eid = m.entry.id
            self._entries.setdefault(eid, m.entry)
            if not date:
                self._undated[eid] = self._undated.get(eid, 0) + 1
                continue
            years = self._years.setdefault(eid, {})
            years[date[:4]] = years.get(date[:4], 0) + 1
            if eid not in self._earliest or (date, result.doc.id) < self._earliest[eid]:
                self._earliest[eid] = (date, result.doc.id)

    def result(self, entries: Sequence[Entry] | None = None) -> list[EntryDates]:
        """One row per entry found (or per entry of ``entries``, found or not), earliest first;
        entries seen only in undated documents come last."""
        chosen = list(entries) if entries is not None else list(self._entries.values())
        rows = [EntryDates(e, *self._earliest.get(e.id, (None, None)), dict(sorted(self._years.get(e.id, {}).items())),
                           self._undated.get(e.id, 0)) for e in chosen]
        return sorted(rows, key=lambda r: (r.earliest is None, r.earliest or "", r.entry.id))


def entry_dates(results: Iterable[Any], entries: Sequence[Entry] | None = None) -> list[EntryDates]:
    """The dated evidence of every entry found in ``results`` (see the module's example)."""
    tally = DatesTally()
    for r in results:
        tally.add(r)
    return tally.result(entries)


def years_of(rows: Iterable[EntryDates]) -> list[str]:
    """Every year with a match in ``rows``, in order (the columns of the CSV table).

    >>> e = Entry(id="x", term="四风", gloss="x")
    >>> years_of([EntryDates(e, "2013", "a", {"2013": 1, "2015": 2}, 0), EntryDates(e, None, None, {}, 3)])
    ['2013', '2015']
    """
    return sorted({y for r in rows for y in r.by_year})
