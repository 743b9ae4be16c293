"""The matching rules of :mod:`termkit.match` applied to all of a text's key occurrences at once.

``Matcher(engine="reference")`` applies each rule hit by hit, in Python, to pyahocorasick's hits: that
is the definition. The default engine takes the fast scan's occurrences as NumPy arrays (ends and key
indices, :meth:`termkit.scan.FastScan.occurrences`) and applies the same rules, in the same order, to
whole arrays:

1. **exclude**: an occurrence inside an occurrence of one of its entry's ``exclude`` strings is dropped;
2. **offsets**: folded positions map back to the original text (one binary search for all), the last
   character's pinyin annotation included;
3. **boundaries**: only an occurrence whose first or last folded character is ASCII is looked at;
4. **context**: only the occurrences of entries that have ``context:`` rules, each by the very
   functions the reference calls (:func:`termkit.context.text_drop`, :func:`~termkit.context.date_drop`);
5. **leftmost-longest** (or **nested**): the longest occurrence at each start, then a left-to-right pass
   over the few that overlap an earlier one; the entries of the matches that ``nested`` would count on top
   (:func:`_hidden`) are kept, so that ``count`` can say how many ``--nested`` adds.

What comes out is :class:`Found`: starts, ends (original offsets) and entry indices, sorted as the
reference sorts its matches; no Python object per match unless a caller asks for ``Match`` objects.
The tests compare both paths on random texts and lexicons, the seeds and a corpus slice
(``tests/test_scan.py``, ``tests/test_batch.py``); ``bench/bench_count.py`` on the whole corpus.

>>> from termkit.lexicon import Entry, Lexicon
>>> from termkit.compile import compile_lexicon
>>> m = compile_lexicon(Lexicon((Entry(id="a", term="八项规定", gloss="a"),
...                              Entry(id="b", term="中央八项规定", gloss="b"))))
>>> f = m.spans("中央八项规定和八項規定")
>>> f.start.tolist(), f.end.tolist(), [m.entries[i].id for i in f.entry.tolist()]
([0, 7], [6, 11], ['b', 'a'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .context import SENTENCE_ENDS, date_drop, sentence_span, text_drop

if TYPE_CHECKING:
    from .match import Matcher
    from .normalize import Folded
    from .scan import KeyTable

_EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Found:
    """Matches as arrays: ``start``/``end`` index the original text (end exclusive), ``entry`` the
    matcher's entries; sorted by start, then end. ``visible``: the text's characters but whitespace
    (what :func:`termkit.stats.visible_length` counts), counted while folding, or -1 when not counted.
    ``hidden``: the entries of the matches that nested matching counts on top of leftmost-longest (those
    that a longer or earlier match overlaps), each as often as it has more there, in no particular order;
    empty for nested matches."""

    start: np.ndarray
    end: np.ndarray
    entry: np.ndarray
    visible: int = -1
    hidden: np.ndarray = field(default_factory=lambda: _EMPTY)

    def __len__(self) -> int:
        return len(self.start)

    def shifted(self, offset: int) -> Found:
        return Found(self.start + offset, self.end + offset, self.entry, self.visible, self.hidden) if offset else self

    @staticmethod
    def empty(visible: int = -1) -> Found:
        return Found(_EMPTY, _EMPTY, _EMPTY, visible)

    @staticmethod
    def joined(parts: list[Found]) -> Found:
        """The matches of consecutive pieces of one text (each already shifted to its place)."""
        if len(parts) == 1:
            return parts[0]
        visible = -1 if any(p.visible < 0 for p in parts) else sum(p.visible for p in parts)
        if not parts:
            return Found.empty()
        return Found(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("start", "end", "entry")), visible,
                     np.concatenate([p.hidden for p in parts]))


def find(matcher: Matcher, text: str, folded: Folded, ends: np.ndarray, keys: np.ndarray, nested: bool,
         date: str | None) -> Found:
    """The matches in ``text`` (folded as ``folded``) from the key occurrences ``ends``/``keys``."""
    table = matcher._scan.keys  # type: ignore[union-attr]
    start, end, entry = _not_excluded(table, ends - table.length[keys], ends, keys)
    if not len(start):
        return Found.empty()
    ostart, oend = _original_spans(folded, start, end)
    keep = _at_boundaries(matcher, text, folded.codes, start, end, ostart, oend)
    if matcher.contexts:
        keep &= _context_keeps(matcher, text, folded, start, end, entry, ostart, oend, keep, date)
    if not keep.all():
        if not keep.any():
            return Found.empty()
        start, end, entry, ostart, oend = start[keep], end[keep], entry[keep], ostart[keep], oend[keep]
    if nested:
        chosen = _nested(start, end, entry)
        return Found(ostart[chosen], oend[chosen], entry[chosen])
    chosen = _leftmost_longest(start, end, entry)
    return Found(ostart[chosen], oend[chosen], entry[chosen], hidden=_hidden(start, end, entry, chosen, table.nests))


def _not_excluded(table: KeyTable, start: np.ndarray, end: np.ndarray,
                  keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The occurrences of entries' surface forms (a key may be an ``exclude`` string only), less those
    inside an occurrence of one of their entry's ``exclude`` strings."""
    entry = table.entry[keys]
    spans: dict[int, list[tuple[int, int]]] = {}
    marks = np.flatnonzero(table.excludes[keys])
    for k, s, e in zip(keys[marks].tolist(), start[marks].tolist(), end[marks].tolist()):
        for x in table.values[k][2]:
            spans.setdefault(x, []).append((s, e))
    keep = entry >= 0
    for x, xs in spans.items():
        mine = np.flatnonzero(entry == x)
        if not len(mine):
            continue
        xs.sort()
        xstart = np.array([s for s, _ in xs], dtype=np.int64)
        reach = np.maximum.accumulate(np.array([e for _, e in xs], dtype=np.int64))
        i = np.searchsorted(xstart, start[mine], side="right")  # exclusions starting at or before
        inside = (i > 0) & (reach[np.maximum(i - 1, 0)] >= end[mine])
        keep[mine[inside]] = False
    if keep.all():
        return start, end, entry
    return start[keep], end[keep], entry[keep]


def _original_spans(folded: Folded, start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Original ``[start, end)`` of folded spans; the pinyin annotation of the last character belongs
    to the match."""
    ostart = folded.original_index(start)
    after = folded.original_index(end - 1) + 1
    if folded.annotations:
        astart = np.array(sorted(folded.annotations), dtype=np.int64)
        aend = np.array([folded.annotations[a] for a in astart.tolist()], dtype=np.int64)
        i = np.minimum(np.searchsorted(astart, after), len(astart) - 1)
        after = np.where(astart[i] == after, aend[i], after)
    return ostart, after


def _at_boundaries(matcher: Matcher, text: str, codes: np.ndarray, start: np.ndarray, end: np.ndarray,
                   ostart: np.ndarray, oend: np.ndarray) -> np.ndarray:
    """The boundary rule; only terms that begin or end with an ASCII character can fail it."""
    keep = np.ones(len(start), dtype=bool)
    ascii_ends = np.flatnonzero((codes[start] < 0x80) | (codes[end - 1] < 0x80))
    if not len(ascii_ends):
        return keep
    from .match import at_word_boundary

    fold_char, n = matcher._fold_char, len(text)
    for i, s, e, first, last in zip(ascii_ends.tolist(), ostart[ascii_ends].tolist(), oend[ascii_ends].tolist(),
                                    codes[start[ascii_ends]].tolist(), codes[end[ascii_ends] - 1].tolist()):
        before = fold_char(text[s - 1]) if s > 0 else ""
        after = fold_char(text[e]) if e < n else ""
        keep[i] = at_word_boundary(chr(first), chr(last), before, after)
    return keep


def _context_keeps(matcher: Matcher, text: str, folded: Folded, start: np.ndarray, end: np.ndarray,
                   entry: np.ndarray, ostart: np.ndarray, oend: np.ndarray, alive: np.ndarray,
                   date: str | None) -> np.ndarray:
    """False for the occurrences that their entry's context rules drop (those of other entries, and
    those already dropped, are not looked at)."""
    keep = np.ones(len(start), dtype=bool)
    ruled = np.zeros(len(matcher.entries), dtype=bool)
    ruled[list(matcher.contexts)] = True
    look = np.flatnonzero(ruled[entry] & alive)
    if not len(look):
        return keep
    rules = matcher.contexts
    on_text = np.zeros(len(matcher.entries), dtype=bool)  # entries whose text rules decide
    # a set, not np.unique: that imports numpy.ma (a third of a small file's start-up)
    for x in set(entry[look].tolist()):
        if date_drop(rules[x], date) is not None:  # the whole document is too early for the entry
            keep[look[entry[look] == x]] = False
        else:
            on_text[x] = rules[x].needs_text
    look = look[on_text[entry[look]]]
    sentences, folded_text = _Sentences(matcher, text, folded), folded.text
    for i, x, s, e, os_, oe in zip(look.tolist(), entry[look].tolist(), start[look].tolist(), end[look].tolist(),
                                   ostart[look].tolist(), oend[look].tolist()):
        keep[i] = text_drop(rules[x], folded_text, s, e, lambda a=os_, b=oe: sentences.folded(a, b)) is None
    return keep


class _Sentences:
    """The folded sentence around a span, as the reference makes it (``fold(text[a:b])`` of the
    sentence's original span), once per sentence. Folding is character by character but for pinyin
    annotations, so the same characters of the document's folded text are that sentence folded, unless
    an annotation holds a sentence end (``(\nlǐng)``): then each sentence is folded on its own."""

    def __init__(self, matcher: Matcher, text: str, folded: Folded) -> None:
        self.matcher, self.text, self.folded_text = matcher, text, folded.text
        self.drops = folded.drops
        self.alone = any(ch in SENTENCE_ENDS for a, b in folded.annotations.items() for ch in text[a:b])
        self.cache: dict[tuple[int, int], str] = {}

    def folded(self, start: int, end: int) -> str:
        span = sentence_span(self.text, start, end)
        found = self.cache.get(span)
        if found is None:
            if self.alone:
                found = self.matcher.fold(self.text[slice(*span)]).text
            else:  # the kept characters of [a, b): a - (drops before a) .. b - (drops before b)
                fa, fb = (np.array(span) - np.searchsorted(self.drops, span)).tolist()
                found = self.folded_text[fa:fb]
            self.cache[span] = found
        return found


def _leftmost_longest(start: np.ndarray, end: np.ndarray, entry: np.ndarray) -> np.ndarray:
    """Indices of the occurrences leftmost-longest keeps (see :func:`termkit.match.select_leftmost_longest`),
    in order of start."""
    order = _by_start_longest_entry(start, end, entry)
    s = start[order]
    first = np.ones(len(s), dtype=bool)  # the longest (then lowest entry) of each start: no other can be taken
    first[1:] = s[1:] != s[:-1]
    order = order[first]
    s, e = start[order], end[order]
    # one that starts at or after every earlier one's end is taken whatever came before it; only the
    # others (inside or across an earlier one) need the left-to-right pass
    reach = np.maximum.accumulate(e)
    doubt = np.flatnonzero(s[1:] < reach[:-1]) + 1
    if not len(doubt):
        return order
    taken = np.ones(len(s), dtype=bool)
    pos, last = 0, -2
    for i, si in zip(doubt.tolist(), s[doubt].tolist()):
        if i != last + 1:  # the one before was taken for certain
            pos = int(e[i - 1])
        if si >= pos:
            pos = int(e[i])
        else:
            taken[i] = False
        last = i
    return order[taken]


def _hidden(start: np.ndarray, end: np.ndarray, entry: np.ndarray, chosen: np.ndarray,
            nests: np.ndarray) -> np.ndarray:
    """The entries of the matches that :func:`_nested` counts on top of leftmost-longest (``chosen``), each
    as often as it has more of them there (see :func:`termkit.match.hidden_entries`). ``nests``: per entry,
    whether one of its occurrences can lie inside another (:attr:`termkit.scan.KeyTable.nests`). Nested
    matching counts every occurrence left out of an entry that cannot; the few entries that can are
    matched again, nested, to see which of theirs it counts.

    >>> s, e, x = np.array([0, 0, 3]), np.array([6, 3, 6]), np.array([1, 0, 2])  # 新时代新征程, 新时代, 新征程
    >>> chosen = _leftmost_longest(s, e, x)
    >>> sorted(_hidden(s, e, x, chosen, np.zeros(3, dtype=bool)).tolist())
    [0, 2]
    >>> sorted(_hidden(s, e, x, chosen, np.ones(3, dtype=bool)).tolist())
    [0, 2]
    """
    if len(chosen) == len(start):
        return _EMPTY
    taken = np.zeros(len(start), dtype=bool)
    taken[chosen] = True
    left = entry[~taken]
    # nested matching decides entry by entry; an entry with no occurrence left out is counted as leftmost-
    # longest counts it (it took none inside another of the entry's own)
    mine = np.zeros(len(nests), dtype=bool)
    mine[left] = True
    mine &= nests
    if not mine.any():
        return left
    look = np.flatnonzero(mine[entry])
    kept = look[_nested(start[look], end[look], entry[look])]
    more = entry[kept[~taken[kept]]]
    held = np.zeros(len(start), dtype=bool)
    held[kept] = True
    fewer = entry[look[taken[look] & ~held[look]]]  # taken where nested counts a longer one of its entry
    n = len(nests)
    net = np.bincount(more, minlength=n) - np.bincount(fewer, minlength=n)
    return np.concatenate((left[~mine[left]], np.repeat(np.arange(n), np.maximum(net, 0))))


def _by_start_longest_entry(start: np.ndarray, end: np.ndarray, entry: np.ndarray) -> np.ndarray:
    """The order by start, then longest first, then entry: one sort of one number made of the three
    (a third of the time of sorting by three keys), or by three keys where that number could overflow."""
    length = end - start
    longest, entries = int(length.max()) + 1, int(entry.max()) + 1
    if (int(start.max()) + 1) * longest * entries >= 1 << 62:
        return np.lexsort((entry, -end, start))
    return np.argsort((start * longest + (longest - 1 - length)) * entries + entry, kind="stable")


def _nested(start: np.ndarray, end: np.ndarray, entry: np.ndarray) -> np.ndarray:
    """Indices of the occurrences ``nested`` keeps (see :func:`termkit.match.select_nested`): all, but an
    occurrence inside an earlier or longer one of the same entry is dropped; in order of start, then end."""
    order = np.lexsort((-end, start, entry))
    e = end[order]
    span = int(e.max()) + 1
    # per entry, by start and longest first: kept when it ends after every earlier one of its entry;
    # the entry's offset keeps the running maximum from reaching across entries
    keyed = entry[order] * span + e
    before = np.maximum.accumulate(keyed)
    kept = np.ones(len(order), dtype=bool)
    kept[1:] = keyed[1:] > before[:-1]
    order = order[kept]
    return order[np.lexsort((end[order], start[order]))]
