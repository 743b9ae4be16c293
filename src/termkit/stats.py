"""Aggregate matches over documents: counts, documents, rate per 10,000 characters, damage.

``characters`` counts every character except whitespace, so a rate does not depend on how a
text was wrapped.

>>> from termkit.corpus import Document
>>> from termkit.lexicon import Entry
>>> from termkit.match import DocumentResult, Match
>>> e = Entry(id="four-winds", term="四风", gloss="Four Winds")
>>> t = Tally()
>>> t.add(DocumentResult(Document("a", "反对四风"), [Match(2, 4, "四风", e)], []))
>>> r = t.result()
>>> (r.terms[0].count, r.terms[0].docs, r.terms[0].per_10k)
(1, 1, 2500.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .chardata import WHITESPACE
from .lexicon import Entry
from .match import DocumentResult
from .normalize import Damage
from .wording import plural

COUNT_SORTS = ("count", "docs", "per_10k", "term", "id", "category", "first")


def visible_length(text: str) -> int:
    """Characters that count towards rates: all but whitespace.

    >>> visible_length("两个 确立\\n")
    4
    """
    return len(text) - sum(text.count(c) for c in WHITESPACE)


@dataclass(frozen=True)
class TermCount:
    """How often one entry occurs in a corpus."""

    entry: Entry
    count: int
    docs: int
    per_10k: float
    first: int = 0  # order of first appearance in the corpus

    FIELDS: ClassVar[tuple[str, ...]] = ("id", "term", "gloss", "category", "count", "docs", "per_10k")

    def to_dict(self) -> dict[str, Any]:
        """The row of the ``count`` contract."""
        e = self.entry
        return {"id": e.id, "term": e.term, "gloss": e.gloss, "category": e.category,
                "count": self.count, "docs": self.docs, "per_10k": round(self.per_10k, 3)}


@dataclass(frozen=True)
class DamageReport:
    """Damaged runs found in one document."""

    doc: str
    spans: tuple[Damage, ...]

    @property
    def characters(self) -> int:
        return sum(d.end - d.start for d in self.spans)


@dataclass(frozen=True)
class CorpusStats:
    documents: int
    characters: int
    matches: int
    terms: tuple[TermCount, ...]
    damage: tuple[DamageReport, ...] = ()
    hidden: int = 0  # matches a longer or earlier match hid, which nested matching counts too
    hidden_terms: int = 0  # the entries they are of

    def sorted(self, key: str = "count") -> list[TermCount]:
        """Terms ordered by ``key`` (see ``COUNT_SORTS``); ties broken by count, then id."""
        if key not in COUNT_SORTS:
            raise ValueError(f"unknown sort key {key!r}; use one of {', '.join(COUNT_SORTS)}")
        if key == "term":  # the order of gloss --sort term: by reading, digits first
            from .pinyin import derive_pinyin, order_key

            return sorted(self.terms, key=lambda t: (order_key(t.entry.term, t.entry.pinyin or
                                                               derive_pinyin(t.entry.term)), t.entry.id))
        if key in ("id", "category"):
            return sorted(self.terms, key=lambda t: (getattr(t.entry, key), t.entry.id))
        if key == "first":
            return sorted(self.terms, key=lambda t: t.first)
        return sorted(self.terms, key=lambda t: (-getattr(t, key), -t.count, t.entry.id))

    def damage_note(self) -> str | None:
        """One line on the damaged text found, for a run whose output has no room for the details.

        >>> CorpusStats(1, 1, 0, (), (DamageReport("a", (Damage(0, 2, 1, 1),)),)).damage_note()
        'damaged text: 1 run in 1 document (run the table format for details)'
        """
        if not self.damage:
            return None
        runs = sum(len(d.spans) for d in self.damage)
        docs = len(self.damage)
        return f"damaged text: {plural(runs, 'run')} in {plural(docs, 'document')} (run the table format for details)"

    def hidden_note(self) -> str | None:
        """One line on the matches that leftmost-longest hid (``hidden``), for a run counted without
        ``nested``; None when it hid none.

        >>> CorpusStats(1, 9, 1, (), hidden=1_234, hidden_terms=56).hidden_note()
        '1,234 matches of 56 terms lie inside or across longer matches and are not counted; --nested counts them too'
        """
        if not self.hidden:
            return None
        lie, are = ("lies", "is") if self.hidden == 1 else ("lie", "are")
        return (f"{plural(self.hidden, 'match', 'matches')} of {plural(self.hidden_terms, 'term')} {lie} inside or "
                f"across longer matches and {are} not counted; --nested counts them too")


@dataclass
class Tally:
    """Mutable accumulator: feed it documents one at a time, then take ``result()``."""

    documents: int = 0
    characters: int = 0
    matches: int = 0
    _counts: dict[str, int] = field(default_factory=dict)
    _docs: dict[str, int] = field(default_factory=dict)
    _entries: dict[str, Entry] = field(default_factory=dict)
    _damage: list[DamageReport] = field(default_factory=list)
    _hidden: dict[str, int] = field(default_factory=dict)  # entry id -> matches hidden (CorpusStats.hidden)

    def add(self, result: DocumentResult) -> None:
        """Count one document's matches, characters, damage and hidden matches."""
        # per entry, not per match: no Match object is needed; characters counted while matching
        self.add_counts(result.doc.id, result.characters, result.counts(), result.damage, result.hidden_counts())

    def add_counts(self, doc: str, characters: int, counts: Iterable[tuple[Entry, int]],
                   damage: Iterable[Damage] = (), hidden: Iterable[tuple[Entry, int]] = ()) -> None:
        """Count one document given by its entries' match counts (in order of first appearance) instead
        of its matches: what a pool worker sends back (:func:`termkit.counting.count_sources`).
        ``add(result)`` and ``add_counts`` with ``result``'s figures leave the same tally.

        >>> e = Entry(id="four-winds", term="四风", gloss="Four Winds")
        >>> t = Tally()
        >>> t.add_counts("a", 4, [(e, 2)])
        >>> (t.documents, t.matches, t.result().terms[0].docs, t.result().terms[0].count)
        (1, 2, 1, 2)
        """
        self.documents += 1
        self.characters += characters
        tallied, docs, entries = self._counts, self._docs, self._entries
        for entry, n in counts:
            eid = entry.id
            if eid in tallied:
                tallied[eid] += n
                docs[eid] += 1
            else:
                tallied[eid], docs[eid], entries[eid] = n, 1, entry
            self.matches += n
        if damage := tuple(damage):
            self._damage.append(DamageReport(doc, damage))
        self.add_hidden(hidden)

    def add_hidden(self, hidden: Iterable[tuple[Entry, int]]) -> None:
        """Count matches that leftmost-longest hid (:meth:`termkit.match.DocumentResult.hidden_counts`)."""
        for entry, n in hidden:
            self._hidden[entry.id] = self._hidden.get(entry.id, 0) + n

    def merge(self, other: Tally) -> None:
        """Add the documents of ``other`` as if they had come after this tally's own (terms keep
        the order of their first appearance). Partial tallies of consecutive partitions, merged in
        order, equal one tally over all of them.

        >>> from termkit.corpus import Document
        >>> from termkit.match import Match
        >>> e = Entry(id="four-winds", term="四风", gloss="Four Winds")
        >>> a, b = Tally(), Tally()
        >>> a.add(DocumentResult(Document("a", "四风"), [Match(0, 2, "四风", e)], []))
        >>> b.add(DocumentResult(Document("b", "四风"), [Match(0, 2, "四风", e)], []))
        >>> a.merge(b)
        >>> (a.documents, a.result().terms[0].count, a.result().terms[0].docs)
        (2, 2, 2)
        """
        self.documents += other.documents
        self.characters += other.characters
        self.matches += other.matches
        for eid, n in other._counts.items():
            self._entries.setdefault(eid, other._entries[eid])
            self._counts[eid] = self._counts.get(eid, 0) + n
            self._docs[eid] = self._docs.get(eid, 0) + other._docs[eid]
        self._damage.extend(other._damage)
        for eid, n in other._hidden.items():
            self._hidden[eid] = self._hidden.get(eid, 0) + n

    def result(self) -> CorpusStats:
        chars = max(1, self.characters)
        terms = tuple(TermCount(self._entries[i], n, self._docs[i], n * 10000 / chars, first)
                      for first, (i, n) in enumerate(self._counts.items()))
        return CorpusStats(self.documents, self.characters, self.matches, terms, tuple(self._damage),
                           sum(self._hidden.values()), len(self._hidden))


class HiddenWatch:
    """Passes matched documents on as they come (iterate it) and adds up the matches that leftmost-longest
    hid in them: ``count --by doc`` streams its rows and tallies nothing else. ``note()`` is
    :meth:`CorpusStats.hidden_note` once every document went by, None before (a figure for part of the
    input would mislead).

    >>> from termkit.corpus import Document
    >>> from termkit.lexicon import Lexicon
    >>> from termkit.compile import compile_lexicon
    >>> from termkit.match import analyse
    >>> m = compile_lexicon(Lexicon((Entry(id="a", term="新时代", gloss="a"),
    ...                              Entry(id="b", term="新时代新征程", gloss="b"))))
    >>> watch = HiddenWatch(analyse([Document("d", "新时代新征程")], m))
    >>> [r.doc.id for r in watch], watch.note()
    (['d'], '1 match of 1 term lies inside or across longer matches and is not counted; --nested counts them too')
    """

    def __init__(self, results: Iterable[DocumentResult]) -> None:
        self.results, self.tally, self.done = results, Tally(), False

    def __iter__(self) -> Iterator[DocumentResult]:
        for r in self.results:
            self.tally.add_hidden(r.hidden_counts())
            yield r
        self.done = True

    def note(self) -> str | None:
        return self.tally.result().hidden_note() if self.done else None


def count(results: Iterable[DocumentResult]) -> CorpusStats:
    """Tally an iterable of :class:`termkit.match.DocumentResult`."""
    tally = Tally()
    for r in results:
        tally.add(r)
    return tally.result()
