"""Terms over time or across groups: counts and rates per 10,000 characters per period or group.

A document's period comes from ``Document.meta["date"]`` (ISO, see :mod:`termkit.corpus`): ``year``
takes ``YYYY``, ``month`` takes ``YYYY-MM`` (a date with a year only stays in a period named by the
year); ``group`` takes ``meta["group"]``. Documents without one are counted in a bucket of their
own (``undated`` / ``no group``), last, and never dropped. Between the first and the last period,
periods without documents are listed too (no documents, no rate), so a series has no hidden gaps.

>>> from termkit.corpus import Document
>>> from termkit.lexicon import Entry
>>> from termkit.match import DocumentResult, Match
>>> e = Entry(id="four-winds", term="四风", gloss="Four Winds")
>>> docs = [Document("a", "反对四风", meta={"date": "2013-06-18"}), Document("b", "四风四风", meta={"date": "2015"}),
...         Document("c", "无")]
>>> results = [DocumentResult(d, [Match(i, i + 2, "四风", e) for i in range(len(d.text) - 1)
...                               if d.text[i:i + 2] == "四风"], []) for d in docs]
>>> t = trend(results, by="year")
>>> [(p.key, p.documents, p.counts) for p in t.periods]
[('2013', 1, (1,)), ('2014', 0, (0,)), ('2015', 1, (2,)), ('undated', 1, (0,))]
>>> [p.per_10k(0) for p in t.periods]
[2500.0, None, 5000.0, 0.0]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .lexicon import Entry
from .wording import plural

if TYPE_CHECKING:
    from .match import DocumentResult

BY = ("year", "month", "group")
UNDATED = "undated"
NO_GROUP = "no group"
MAX_FILLED = 240  # gaps are filled only when the series stays this short (a stray 1066 would add 1000 rows)


def period_of(meta: dict[str, Any], by: str) -> str | None:
    """The period (or group) a document falls in, or ``None``.

    >>> period_of({"date": "2024-01-05"}, "month"), period_of({"date": "2024"}, "month"), period_of({}, "year")
    ('2024-01', '2024', None)
    """
    if by == "group":
        group = meta.get("group")
        return str(group) if group not in (None, "") else None
    date = meta.get("date")
    if not date:
        return None
    return str(date)[:7] if by == "month" else str(date)[:4]


@dataclass(frozen=True)
class Period:
    """One period (or group): its documents, their characters and each shown term's count."""

    key: str
    documents: int
    characters: int
    counts: tuple[int, ...]  # aligned with Trend.terms

    def per_10k(self, i: int) -> float | None:
        """The rate of term ``i`` per 10,000 characters; ``None`` when the period has no text."""
        return self.counts[i] * 10000 / self.characters if self.characters else None


@dataclass(frozen=True)
class Trend:
    """Counts of some terms per period; the bucket without a period (``missing``) comes last."""

    by: str
    terms: tuple[Entry, ...]
    periods: tuple[Period, ...]
    missing: int = 0  # documents without a date (or group)

    @property
    def missing_key(self) -> str:
        return NO_GROUP if self.by == "group" else UNDATED

    def missing_note(self) -> str | None:
        """One line on the documents without a date (or group), if any."""
        if not self.missing:
            return None
        what = "group" if self.by == "group" else "date"
        return (f"{plural(self.missing, 'document')} without a {what} {'is' if self.missing == 1 else 'are'} "
                f"counted in '{self.missing_key}'")

    @property
    def placed(self) -> tuple[Period, ...]:
        """The periods proper, without the bucket of documents that have none."""
        return tuple(p for p in self.periods if not (self.missing and p.key == self.missing_key))

    def series(self, i: int) -> list[float | None]:
        """Rates of term ``i`` over the periods proper, in order."""
        return [p.per_10k(i) for p in self.placed]

    def records(self) -> list[dict[str, Any]]:
        """One row per period and term: the ``trend`` command's csv/json contract."""
        return [{"period": p.key, "documents": p.documents, "characters": p.characters, "id": e.id,
                 "term": e.term, "gloss": e.gloss, "count": p.counts[i],
                 "per_10k": None if (r := p.per_10k(i)) is None else round(r, 3)}
                for p in self.periods for i, e in enumerate(self.terms)]


@dataclass
class _Bucket:
    documents: int = 0
    characters: int = 0
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class TrendTally:
    """Mutable accumulator: ``add`` document results one at a time, then take ``result()``."""

    by: str = "year"
    _buckets: dict[str | None, _Bucket] = field(default_factory=dict)
    _entries: dict[str, Entry] = field(default_factory=dict)
    _totals: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.by not in BY:
            raise ValueError(f"unknown trend key {self.by!r}; use one of {', '.join(BY)}")

    def add(self, result: Any) -> None:
        """Count one :class:`termkit.match.DocumentResult`."""
        bucket = self._buckets.setdefault(period_of(result.doc.meta, self.by), _Bucket())
        bucket.documents += 1
        bucket.characters += result.characters
        for entry, n in result.counts():
            eid = entry.id
            self._entries.setdefault(eid, entry)
            bucket.counts[eid] = bucket.counts.get(eid, 0) + n
            self._totals[eid] = self._totals.get(eid, 0) + n

    def top(self, n: int) -> list[Entry]:
        """The ``n`` most frequent entries overall (ties by id)."""
        ids = sorted(self._totals, key=lambda i: (-self._totals[i], i))[:n]
        return [self._entries[i] for i in ids]

    def result(self, terms: Sequence[Entry] | None = None, top: int = 5) -> Trend:
        """The trend of ``terms`` (default: the ``top`` most frequent)."""
        shown = tuple(terms) if terms is not None else tuple(self.top(top))
        keys = _filled(sorted(k for k in self._buckets if k is not None), self.by)
        periods = [self._period(k, k, shown) for k in keys]
        missing = self._buckets.get(None)
        if missing is not None:
            periods.append(self._period(None, NO_GROUP if self.by == "group" else UNDATED, shown))
        return Trend(self.by, shown, tuple(periods), missing.documents if missing else 0)

    def _period(self, key: str | None, label: str, shown: Sequence[Entry]) -> Period:
        b = self._buckets.get(key, _Bucket())
        return Period(label, b.documents, b.characters, tuple(b.counts.get(e.id, 0) for e in shown))


def trend(results: Iterable[DocumentResult], by: str = "year", terms: Sequence[Entry] | None = None,
          top: int = 5) -> Trend:
    """Counts and rates of ``terms`` (default: the ``top`` most frequent) per ``by`` period over
    :class:`termkit.match.DocumentResult` s (consumed once)."""
    tally = TrendTally(by)
    for r in results:
        tally.add(r)
    return tally.result(terms, top)


def _filled(keys: list[str], by: str) -> list[str]:
    """``keys`` with the years (months) between the first and the last that have no documents.

    >>> _filled(["2023-11", "2024-02"], "month")
    ['2023-11', '2023-12', '2024-01', '2024-02']
    """
    if by == "group" or len(keys) < 2 or not all(k.replace("-", "").isdigit() for k in keys):
        return keys
    if by == "year":
        first, last = int(keys[0]), int(keys[-1])
        every = [str(y) for y in range(first, last + 1)]
    else:
        months = [k for k in keys if len(k) == 7]
        if len(months) < 2:
            return keys
        (y0, m0), (y1, m1) = (map(int, months[0].split("-")), map(int, months[-1].split("-")))
        every = [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(y0 * 12 + m0 - 1, y1 * 12 + m1)]
    if len(every) > MAX_FILLED:
        return keys
    return sorted(set(keys) | set(every))
