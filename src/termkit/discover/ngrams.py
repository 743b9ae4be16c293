"""Character n-gram statistics over a stream of texts, in bounded memory.

Every n-gram of 1 … ``max_n + 1`` Han characters is counted by a 64-bit polynomial hash
(``H(s) = Σ s[j]·P^(n-1-j) mod 2^64``; collisions are negligible at these table sizes), in
NumPy: texts are buffered into buckets of ``bucket_chars`` characters, each bucket is counted
with ``np.unique`` and merged into one sorted table per length.

Memory stays bounded by **lossy counting** (Manku & Motwani 2002) with one bucket per chunk:
an entry first seen in bucket ``b`` carries ``delta = b - 1`` (the most it can have missed), and
after bucket ``b`` every entry with ``count + delta <= b`` is dropped. An n-gram seen once in a
bucket and never before is not stored, so the table in memory holds only n-grams that recur at
least about once per bucket since they were first seen: its size is O(bucket_chars · log(buckets))
whatever the corpus size.

What the table drops is not lost: the n-grams seen once in a bucket and the entries pruned from
the table are **spilled** to a temporary folder (one file per bucket and length, with their counts).
:meth:`NgramCounter.finish` adds the spilled counts back, one length at a time, and restores every
n-gram whose total reaches ``min_restored``, so a string seen once in each of three buckets (林长制
spread over a year of news) is counted exactly, 3. Final counts are exact; memory during the merge is
that of one length's spills (about a tenth of the n-grams seen once), and the spills are deleted.

Each entry also keeps the hashes of its prefix and suffix (n-1)-grams and its last character:
grouping the (n+1)-grams by prefix/suffix gives the right/left branching entropy of every
n-gram, and following prefixes back to length 1 spells the n-gram out.

>>> c = NgramCounter(max_n=3)
>>> c.add(np.array([ord(x) for x in "四风四风问题四风"], dtype=np.uint16))
>>> s = c.finish()
>>> s.count("四风"), s.count("风问")
(3, 0)
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

P = np.uint64(0x100000001B3)  # odd multiplier; codes are < 2^16
NO_CHARS = np.zeros(0, dtype=np.uint16)
FIELDS = ("keys", "counts", "delta", "prefix", "suffix", "last")
SPILL_BITS = 3  # spilled n-grams are split into 2**SPILL_BITS parts by hash, merged one part at a time
SPILL = np.dtype([("keys", "<u8"), ("counts", "<i8"), ("prefix", "<u8"), ("suffix", "<u8"), ("last", "<u2")])


def as_strings(rows: np.ndarray) -> np.ndarray:
    """Code rows ``(k, n)`` as an array of k strings of n characters (no Python loop).

    >>> as_strings(np.array([[0x56DB, 0x98CE]], dtype=np.uint16)).tolist()
    ['四风']
    """
    k, n = rows.shape
    return np.ascontiguousarray(rows, dtype=np.uint32).view(f"<U{max(n, 1)}").reshape(k)


def hash_rows(rows: np.ndarray) -> np.ndarray:
    """Hashes of equal-length code rows (``rows.shape == (k, n)``), as the counter computes them.

    >>> int(hash_rows(np.array([[1, 2]], dtype=np.uint16))[0]) == int(P) + 2
    True
    """
    h = rows[:, 0].astype(np.uint64)
    for j in range(1, rows.shape[1]):
        h = h * P + rows[:, j].astype(np.uint64)
    return h


@dataclass
class Table:
    """Counted n-grams of one length, sorted by key."""

    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))
    counts: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    delta: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    prefix: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))
    suffix: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))
    last: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint16))

    def take(self, idx: np.ndarray) -> Table:
        return Table(self.keys[idx], self.counts[idx], self.delta[idx], self.prefix[idx], self.suffix[idx],
                     self.last[idx])

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Index of each key in the table and whether it is there."""
        if len(keys) > 1000:  # sorted needles search faster (the table's pages stay in cache)
            order = np.argsort(keys)
            pos = np.empty(len(keys), np.int64)
            pos[order] = np.searchsorted(self.keys, keys[order])
        else:
            pos = np.searchsorted(self.keys, keys)
        pos = np.minimum(pos, max(len(self.keys) - 1, 0))
        found = (self.keys[pos] == keys) if len(self.keys) else np.zeros(len(keys), bool)
        return pos, found

    def counts_of(self, keys: np.ndarray) -> np.ndarray:
        pos, found = self.find(keys)
        return np.where(found, self.counts[pos] if len(self.keys) else 0, 0)


class NgramCounter:
    """Streamed n-gram counting; feed code arrays (0 = boundary) with :meth:`add`.

    ``min_restored``: an n-gram the lossy table dropped comes back at :meth:`finish` when its exact total
    reaches this; ``spill=False`` keeps plain lossy counting (counts low by at most the number of buckets).
    """

    def __init__(self, max_n: int = 10, bucket_chars: int = 2_000_000, min_restored: int = 3,
                 spill: bool = True) -> None:
        self.max_n = max_n
        self.bucket_chars = bucket_chars
        self.min_restored = min_restored
        self.spill = spill
        self.tables = [Table() for _ in range(max_n + 2)]
        self.bucket = 0
        self.chars = 0
        self._parts: list[np.ndarray] = []
        self._buffered = 0
        self._spill_dir: Path | None = None

    def add(self, codes: np.ndarray) -> None:
        """Queue one text's codes (uint16, 0 where a candidate may not continue)."""
        self._parts.append(codes)
        self._parts.append(np.zeros(1, np.uint16))
        self._buffered += len(codes) + 1
        if self._buffered >= self.bucket_chars:
            self._flush()

    def finish(self) -> NgramStats:
        if self._parts:
            self._flush()
        if self._spill_dir is not None:
            try:
                for n in range(1, self.max_n + 2):
                    self.tables[n] = self._restored(n)
            finally:
                self._remove_spills()
                self._spill_dir = None
        return NgramStats(self.tables, self.chars, self.max_n)

    def _flush(self) -> None:
        c = np.concatenate(self._parts + [np.zeros(self.max_n + 2, np.uint16)])
        self._parts, self._buffered = [], 0
        self.bucket += 1
        self.chars += int(np.count_nonzero(c))
        zeros = np.flatnonzero(c == 0)
        idx = np.arange(len(c))
        run = zeros[np.searchsorted(zeros, idx)] - idx  # characters before the next boundary
        c64 = c.astype(np.uint64)
        prev = c64
        for n in range(1, self.max_n + 2):
            h = c64 if n == 1 else prev[:-1] * P + c64[n - 1:]
            pos = np.flatnonzero(run[:len(h)] >= n)
            if not len(pos):
                break
            self._merge(n, h, prev, pos, c)
            prev = h

    def _merge(self, n: int, h: np.ndarray, prev: np.ndarray, pos: np.ndarray, c: np.ndarray) -> None:
        keys, first, counts = np.unique(h[pos], return_index=True, return_counts=True)
        first = pos[first]
        t = self.tables[n]
        at, found = t.find(keys)
        if len(t.keys):
            t.counts[at[found]] += counts[found]  # keys are unique, so no np.add.at needed
        fresh = Table(keys[~found], counts[~found].astype(np.int64), np.full(int((~found).sum()), self.bucket - 1),
                      prev[first[~found]] if n > 1 else np.zeros(int((~found).sum()), np.uint64),
                      prev[first[~found] + 1] if n > 1 else np.zeros(int((~found).sum()), np.uint64),
                      c[first[~found] + n - 1])
        once = fresh.counts == 1  # a new entry seen once is dropped at once by the lossy rule
        merged = _concat(t, fresh.take(np.flatnonzero(~once)))
        merged = merged.take(np.argsort(merged.keys, kind="stable"))
        keep = merged.counts + merged.delta > self.bucket
        self.tables[n] = merged.take(np.flatnonzero(keep))
        if self.spill and self.bucket_chars and (once.any() or not keep.all()):
            self._write_spill(n, _concat(fresh.take(np.flatnonzero(once)), merged.take(np.flatnonzero(~keep))))

    def _write_spill(self, n: int, dropped: Table) -> None:
        """Keep what the table drops on disk, with its counts, for :meth:`finish` to add back; split by the
        top bits of the hash so that the merge holds one part of one length at a time."""
        if self._spill_dir is None:
            self._spill_dir = Path(tempfile.mkdtemp(prefix="termkit-ngrams-"))
            # removed by finish, or, for a run stopped before it (an error, Ctrl-C), when the counter is
            # collected or the interpreter exits
            self._remove_spills = weakref.finalize(self, shutil.rmtree, self._spill_dir, True)
        part = (dropped.keys >> np.uint64(64 - SPILL_BITS)).astype(np.int64)
        for k in np.unique(part).tolist():
            at = np.flatnonzero(part == k)
            rows = np.empty(len(at), SPILL)
            for name in SPILL.names:
                rows[name] = getattr(dropped, name)[at]
            np.save(self._spill_dir / f"{n}-{k}-{self.bucket}.npy", rows)

    def _restored(self, n: int) -> Table:
        """Table n with the spilled counts of length n added back: entries it holds get their dropped counts,
        and every dropped n-gram whose exact total reaches ``min_restored`` returns. All counts are exact."""
        assert self._spill_dir is not None
        t = self.tables[n]
        counts, added = t.counts.copy(), []
        for k in range(1 << SPILL_BITS):
            files = sorted(self._spill_dir.glob(f"{n}-{k}-*.npy"))
            if not files:
                continue
            rows = np.concatenate([np.load(f) for f in files])
            keys, first, inverse = np.unique(rows["keys"], return_index=True, return_inverse=True)
            totals = np.bincount(inverse, weights=rows["counts"], minlength=len(keys)).astype(np.int64)
            at, found = t.find(keys)
            if len(t.keys):
                counts[at[found]] += totals[found]
            back = ~found & (totals >= self.min_restored)
            f = first[back]
            added.append(Table(keys[back], totals[back], np.zeros(len(f), np.int64), rows["prefix"][f],
                               rows["suffix"][f], rows["last"][f]))
        merged = Table(t.keys, counts, np.zeros(len(t.keys), np.int64), t.prefix, t.suffix, t.last)
        for a in added:
            merged = _concat(merged, a)
        return merged.take(np.argsort(merged.keys, kind="stable"))


def _concat(a: Table, b: Table) -> Table:
    return Table(*(np.concatenate([getattr(a, f), getattr(b, f)]) for f in FIELDS))


@dataclass
class NgramStats:
    """Final counts, with string spelling, branching entropy and cohesion on demand."""

    tables: list[Table]
    chars: int
    max_n: int
    _entropy: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False)
    _rows: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    def count(self, s: str) -> int:
        """Count of a string of Han characters (0 when unseen or pruned)."""
        if not s or len(s) > self.max_n + 1:
            return 0
        rows = np.array([[ord(x) for x in s]], dtype=np.uint16)
        return int(self.tables[len(s)].counts_of(hash_rows(rows))[0])

    def spell(self, n: int) -> np.ndarray:
        """Code rows ``(len(table n), n)`` of table n; rows whose prefixes were pruned are all 0."""
        if n in self._rows:
            return self._rows[n]
        rows = self.tables[1].last.reshape(-1, 1) if n >= 1 else NO_CHARS
        start = max((k for k in self._rows if k < n), default=1)
        if start > 1:
            rows = self._rows[start]
        for k in range(start + 1, n + 1):
            t, below = self.tables[k], self.tables[k - 1]
            at, found = below.find(t.prefix)
            head = rows[at] if len(rows) else np.zeros((len(t.keys), k - 1), np.uint16)
            head = np.where(found[:, None], head, 0)
            rows = np.concatenate([head, t.last.reshape(-1, 1)], axis=1)
        self._rows = {n: rows}  # the last one spelled: the next length starts from it
        return rows

    def entropy(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Left and right branching entropy (nats) of every n-gram in table n.

        Extensions that were pruned, and boundaries, count as all different: an occurrence at the
        start of a line is a free left edge.
        """
        t, up = self.tables[n], self.tables[n + 1]
        total = t.counts.astype(np.float64)
        out = []
        for side in (up.suffix, up.prefix):
            at, found = t.find(side)
            c = up.counts[found].astype(np.float64)
            s = np.bincount(at[found], weights=c * np.log(c), minlength=len(t.keys))
            n_safe = np.maximum(total, 1.0)
            out.append(np.maximum(np.log(n_safe) - s / n_safe, 0.0))
        return out[0], out[1]

    def extension_share(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """For every n-gram in table n, the largest share of its occurrences taken by one left and
        by one right neighbour: near 1 for a fragment that always sits in one longer string (展理念 in
        发展理念), low for a string that stands on its own. Pruned extensions count as all different."""
        t, up = self.tables[n], self.tables[n + 1]
        out = []
        for side in (up.suffix, up.prefix):
            at, found = t.find(side)
            most = np.zeros(len(t.keys), np.int64)
            np.maximum.at(most, at[found], up.counts[found])
            out.append(most / np.maximum(t.counts, 1))
        return out[0], out[1]

    def edge_entropy(self, s: str) -> tuple[float, float]:
        """Left and right branching entropy of one string (0, 0 when unseen or pruned)."""
        n = len(s)
        if not s or n > self.max_n:
            return 0.0, 0.0
        if n not in self._entropy:
            self._entropy[n] = self.entropy(n)
        pos, found = self.tables[n].find(hash_rows(np.array([[ord(x) for x in s]], dtype=np.uint16)))
        if not found[0]:
            return 0.0, 0.0
        left, right = self._entropy[n]
        return float(left[pos[0]]), float(right[pos[0]])

    def cohesion(self, rows: np.ndarray) -> np.ndarray:
        """Smallest pointwise mutual information (bits) over the two-way splits of each row."""
        k, n = rows.shape
        whole = self.tables[n].counts_of(hash_rows(rows)).astype(np.float64)
        best = np.full(k, np.inf)
        for cut in range(1, n):
            left = self.tables[cut].counts_of(hash_rows(rows[:, :cut])).astype(np.float64)
            right = self.tables[n - cut].counts_of(hash_rows(rows[:, cut:])).astype(np.float64)
            left, right = np.maximum(left, whole), np.maximum(right, whole)
            pmi = np.log2(np.maximum(whole, 1) * self.chars / np.maximum(left * right, 1))
            best = np.minimum(best, pmi)
        return best
