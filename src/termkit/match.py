"""Find lexicon terms in a text: ``Matcher.find(text) -> [Match]``.

Matching semantics (each rule is applied in exactly one place):

- **folding** (``normalize.fold``): script, width, case, quotes, whitespace and pinyin annotations
  are folded away on both sides, so 幹部 matches 干部 and “当下改”和“长久立” matches 当下改和长久立;
- **boundaries** (``_at_boundary``): a term that begins or ends with a Latin letter or digit does not
  match inside a longer run of letters or digits (4+1 is not found in 14+12);
- **exclude** (``_drop_excluded``): a match inside one of its entry's ``exclude`` strings is dropped;
- **context** (``_apply_context``, rules in :mod:`termkit.context`): a match whose surroundings fail its
  entry's ``context:`` rules (``not_after``, ``not_before``, ``not_in_sentence``, ``in_sentence``) or
  whose document is dated before its ``since`` is dropped; like an excluded one, it does not block
  another match of the same characters;
- **leftmost-longest** (``select_leftmost_longest``): overlapping matches are resolved by taking the
  leftmost, then the longest; ``nested=True`` keeps them all, each entry once per place
  (``select_nested``); what the second counts on top of the first (``hidden_entries``) is kept apart,
  so that ``count`` can say how many matches ``--nested`` adds;
- **offsets**: ``start``/``end`` index the ORIGINAL text, so ``text[start:end] == match.text``.

The keys' occurrences come from one scan of the folded text, overlaps included. With
``engine="reference"`` (the definition) pyahocorasick finds them and every rule above is applied to
them here, hit by hit; the default engine (:mod:`termkit.scan`: Hyperscan or ahocorasick_rs) hands
them over as arrays, and :mod:`termkit.batch` applies the same rules to all of them at once, calling
the same functions for the few hits a rule must look at one by one. The tests hold the two to the
same matches. pyahocorasick's ``iter_long`` is not used (wrong results in 2.3.1, issues 133/185/189).

A matcher's first ``PLAIN_TEXT`` characters (all of ``termkit tag`` on a small file) take the reference
path whatever the engine, folded in plain Python (:func:`termkit.normalize.fold_plain`): NumPy, the
fast scan and the array rules are imported only when a run has more text than that, so a small run
never pays for them (a tenth of a second); the results are the same by construction. A run known to be
long (``count`` on more than a megabyte, a process pool before it forks) calls :meth:`Matcher.prepare`,
which skips the plain path and builds what the array path needs once.

>>> from termkit.lexicon import Entry, Lexicon
>>> from termkit.compile import compile_lexicon
>>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
>>> [(x.start, x.end, x.text) for x in m.find("反對“四風”")]
[(3, 5, '四風')]
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from .chardata import QUOTES, WHITESPACE, is_word_char
from .context import ContextRule, Drop, date_drop, sentence_span, text_drop
from .lexicon import Entry
from .normalize import Damage, Folded, FoldTable, Lut, fold, fold_plain
from .scan import reference_hits

if TYPE_CHECKING:  # NumPy, the fast scan and the array rules load on a run's first long text
    from pathlib import Path

    import numpy as np

    from .batch import Found
    from .corpus import Document
    from .scan import FastScan

SEGMENT_CHARS = 1 << 20  # longer texts are matched piece by piece (see Matcher.find)
BARRIER_CANDIDATES = "。！？；!?;"
LONG_STRETCH = 1 << 20  # characters without a barrier after which a text is cut elsewhere (Matcher.segments)
SAFE_WINDOW = 1 << 16  # characters scanned for a cut no key occurrence spans
SAFE_MARGIN = 256  # characters before it scanned too: a key occurrence may begin there
PLAIN_TEXT = 1 << 16  # characters a matcher matches on the reference path, without NumPy (see above)


@dataclass(frozen=True, slots=True)  # slots: a long document has hundreds of thousands of them
class Match:
    """A term found in a document; offsets index the original text, end exclusive."""

    start: int
    end: int
    text: str
    entry: Entry

    def to_dict(self, doc: str) -> dict[str, Any]:
        """The JSONL record of the ``tag`` contract."""
        e = self.entry
        return {"doc": doc, "start": self.start, "end": self.end, "text": self.text, "id": e.id,
                "term": e.term, "gloss": e.gloss, "category": e.category}


@dataclass(frozen=True)
class Dropped:
    """A match that a context rule of its entry dropped, and why (for ``tag --explain``)."""

    match: Match
    rule: str  # not_after, not_before, not_in_sentence, in_sentence or since
    detail: str  # the string (or date) that decided

    def to_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "detail": self.detail}


class Hit(NamedTuple):
    """A raw automaton hit in folded coordinates."""

    start: int
    end: int
    entry: int  # index into Matcher.entries


@dataclass
class Matcher:
    """A compiled lexicon: the automaton over folded surface forms, and the folding table.

    Build one with :func:`termkit.compile.compile_lexicon` or :func:`termkit.compile.load_matcher`.
    """

    entries: tuple[Entry, ...]
    automaton: Any  # ahocorasick.Automaton: folded key -> (length, entry index or -1, excluded-for)
    table: FoldTable
    _lut: Lut | None = field(default=None, repr=False, compare=False)
    engine: str = "fast"  # which scan finds the keys (see termkit.scan): "fast" or "reference"
    _barriers: str | None = field(default=None, repr=False, compare=False)
    contexts: dict[int, ContextRule] = field(default_factory=dict)  # entry index -> its folded context rules
    _scan: FastScan | None = field(default=None, repr=False, compare=False)
    _ids: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _map: dict[int, int] | None = field(default=None, repr=False, compare=False)
    _plain: int = field(default=0, repr=False, compare=False)  # characters matched on the plain path
    # (cache folder, this matcher's cache key), set by termkit.compile.load_compiled: where the scan keeps
    # its compiled automata (termkit.scan); None (a matcher compiled in memory) compiles them each run
    scan_cache: tuple[Path, str] | None = field(default=None, repr=False, compare=False)

    @property
    def char_map(self) -> dict[int, int]:
        """The folding table as a dict (:meth:`FoldTable.char_map`), built on first use."""
        if self._map is None:
            self._map = self.table.char_map()
        return self._map

    @property
    def lut(self) -> Lut:
        if self._lut is None:
            self._lut = self.table.lut()
        return self._lut

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_lut"] = None  # rebuilt in a few ms; not worth 4 MB of cache file
        state["_scan"] = None  # ahocorasick_rs automata cannot be pickled; rebuilt in a few ms
        state["_map"] = None  # rebuilt in a millisecond
        state["_plain"] = 0
        return state

    def prepare(self) -> None:
        """Get ready for a run of much text (more than ``PLAIN_TEXT`` characters): its first characters
        skip the plain path, and what the array path builds on first use is built now — the scan
        automaton for long texts in the BMP (Hyperscan's takes about 0.1 s to compile, well under a
        millisecond to load from the cache), the folding arrays, the array rules' module. A process pool
        calls this before it forks its workers, which then share all of it instead of each building its
        own and matching its own first characters on the slower plain path; ``count`` calls it for a
        large input on one process too. The results are the same either way.

        >>> from termkit.lexicon import Entry, Lexicon
        >>> from termkit.compile import compile_lexicon
        >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
        >>> m.prepare()
        >>> m.takes_plain_path(10)
        False
        """
        if self.engine == "reference":
            return
        from . import batch  # noqa: F401  (the array rules: imported here, not in every worker)

        self._plain = PLAIN_TEXT + 1
        _ = self.lut
        self._fast_scan().prepare(2)

    def _fast_scan(self) -> FastScan:
        if self._scan is None:
            from .scan import FastScan

            self._scan = FastScan(self.automaton, cache=self.scan_cache)
        return self._scan

    def fold(self, text: str) -> Folded:
        """The folding view of ``text`` (:func:`termkit.normalize.fold`: NumPy arrays in it)."""
        return fold(text, self.table, self.lut)

    def _fold_any(self, text: str) -> Folded:
        """:meth:`fold`, in plain Python for a short text (the same result, no NumPy)."""
        return fold_plain(text, self.char_map) if len(text) <= PLAIN_TEXT else self.fold(text)

    def takes_plain_path(self, length: int) -> bool:
        """True while the matcher has matched at most ``PLAIN_TEXT`` characters in all, a text of
        ``length`` included (counted): such a text is matched on the reference path, without NumPy."""
        if self.engine == "reference" or self._plain > PLAIN_TEXT:
            return False
        self._plain += length
        return self._plain <= PLAIN_TEXT

    def lookup(self, surface: str) -> Entry | None:
        """The entry one of whose surface forms folds to the same key as ``surface``.

        >>> from termkit.lexicon import Entry, Lexicon
        >>> from termkit.compile import compile_lexicon
        >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
        >>> m.lookup("「四風」").id
        'four-winds'
        """
        value = self.automaton.get(self._fold_any(surface).text, None)
        if value is None or value[1] < 0:
            return None
        return self.entries[value[1]]

    def find(self, text: str, nested: bool = False, segment: int = SEGMENT_CHARS,
             date: str | None = None) -> list[Match]:
        """All matches in ``text``, non-overlapping leftmost-longest unless ``nested``. ``date`` is the
        document's date (ISO, as in ``Document.meta``), for the ``since`` rule; None keeps everything.

        A text longer than ``segment`` characters is matched piece by piece, cut only after a
        barrier character (one no match can contain), so the result is the same as matching it
        whole while the folding arrays stay small (a 100 MB single-line file would otherwise
        need about nine times its size).

        >>> from termkit.lexicon import Entry, Lexicon
        >>> from termkit.compile import compile_lexicon
        >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
        >>> text = "反对四风。" * 3
        >>> m.find(text, segment=4) == m.find(text)
        True
        """
        if self.engine == "reference" or self.takes_plain_path(len(text)):
            return self.find_reference(text, nested, segment, date)
        found = self.spans(text, nested, segment, date)
        with gc_paused():
            return matches_of(text, found, self.entries)

    def find_reference(self, text: str, nested: bool = False, segment: int = SEGMENT_CHARS,
                       date: str | None = None, hidden: list[int] | None = None) -> list[Match]:
        """:meth:`find` on the reference path (pyahocorasick, each rule hit by hit), whatever the engine.
        ``hidden``, when given, gets the entries of the matches that nested matching counts on top
        (:func:`hidden_entries`)."""
        with gc_paused():
            if len(text) <= segment:
                return self._find(text, nested, date, hidden=hidden)[0]
            found: list[Match] = []
            for a, b in self.segments(text, segment):
                found.extend(self._find(text[a:b], nested, date, offset=a, hidden=hidden)[0])
            return found

    def spans(self, text: str, nested: bool = False, segment: int = SEGMENT_CHARS,
              date: str | None = None) -> Found:
        """The matches of :meth:`find` as arrays (starts, ends, entry indices), without a Python object
        per match: what a caller that only counts needs (:class:`DocumentResult` keeps them so).

        >>> from termkit.lexicon import Entry, Lexicon
        >>> from termkit.compile import compile_lexicon
        >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
        >>> f = m.spans("反对四风，反對四風")
        >>> f.start.tolist(), f.end.tolist(), f.entry.tolist()
        ([2, 7], [4, 9], [0, 0])
        """
        import numpy as np

        from .batch import Found

        if self.engine == "reference":
            hidden: list[int] = []
            found = self.find_reference(text, nested, segment, date, hidden)
            return Found(*(np.array(x, dtype=np.int64).reshape(-1) for x in
                           ([m.start for m in found], [m.end for m in found],
                            [self._index()[m.entry.id] for m in found])),
                         hidden=np.array(hidden, dtype=np.int64))
        if len(text) <= segment:
            return self._spans(text, nested, date)
        return Found.joined([self._spans(text[a:b], nested, date).shifted(a) for a, b in self.segments(text, segment)])

    def _spans(self, text: str, nested: bool, date: str | None) -> Found:
        """The fast path of one text or piece: one scan, every rule applied to arrays (:mod:`termkit.batch`)."""
        from . import batch
        from .batch import Found

        if not self.entries or not text:
            return Found.empty()
        folded = self.fold(text)
        visible = len(text) - folded.count_dropped(WHITESPACE)  # folding drops all whitespace
        ends, keys = self._fast_scan().occurrences(folded.codes)
        if not len(ends):
            return Found.empty(visible)
        found = batch.find(self, text, folded, ends, keys, nested, date)
        return Found(found.start, found.end, found.entry, visible, found.hidden)

    def _index(self) -> dict[str, int]:
        if self._ids is None:
            self._ids = {e.id: i for i, e in enumerate(self.entries)}
        return self._ids

    def find_dropped(self, text: str, nested: bool = False, date: str | None = None) -> list[Dropped]:
        """The matches that context rules dropped, with the rule that did (those that a kept, longer
        match covers anyway are left out).

        >>> from termkit.lexicon import Context, Entry, Lexicon
        >>> from termkit.compile import compile_lexicon
        >>> m = compile_lexicon(Lexicon((Entry(id="x", term="三通", gloss="x", context=Context(not_after=("小",))),)))
        >>> [(d.match.start, d.rule, d.detail) for d in m.find_dropped("两岸“小三通”与三通")]
        [(4, 'not_after', '小')]
        """
        return self._find(text, nested, date, explain=True)[1]

    def segments(self, text: str, size: int) -> Iterable[tuple[int, int]]:
        """Cut ``text`` into ``[a, b)`` pieces of about ``size`` characters, each cut right after a
        barrier character. A stretch of over ``LONG_STRETCH`` characters with no barrier (English with
        only commas, Chinese without 。, a file of one repeated character) is cut after a character no
        key holds (see :meth:`_safe_cut`), so that a piece, and the memory matching it takes, stays
        bounded whatever the text is.

        >>> from termkit.lexicon import Entry, Lexicon
        >>> from termkit.compile import compile_lexicon
        >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
        >>> list(m.segments("一二三。四五六。七八", 3))
        [(0, 4), (4, 8), (8, 10)]
        """
        barriers = self.barriers()
        a, n = 0, len(text)
        while n - a > size:
            start = a + size - 1
            cut = _first_of(text, barriers, start, start + size)
            if cut < 0:  # a long stretch without one: cut later, but not unboundedly later
                cut = _first_of(text, barriers, start, start + max(size, LONG_STRETCH))
            if cut < 0:
                cut = self._safe_cut(text, start, min(n, start + max(size, LONG_STRETCH)))
            if cut < 0 or cut + 1 >= n:
                break
            yield a, cut + 1
            a = cut + 1
        if a < n:
            yield a, n

    def _safe_cut(self, text: str, start: int, end: int) -> int:
        """In a long stretch without a barrier: the first index ``c`` from ``start`` such that no key
        occurrence spans ``c`` and ``c + 1``, nor its context rules' look-around (found by scanning a window of
        ``SAFE_WINDOW`` characters),
        so that matching the pieces finds what matching the whole finds; else the end of the window (a
        text in which key occurrences overlap without a gap for that long: a match across it is lost,
        which no real text comes near).

        >>> from termkit.lexicon import Entry, Lexicon
        >>> from termkit.compile import compile_lexicon
        >>> m = compile_lexicon(Lexicon((Entry(id="x", term="四风，两个", gloss="x"),)))
        >>> m._safe_cut("四风，两个四风，两个", 2, 10)
        4
        """
        import numpy as np

        lo, hi = max(0, start - SAFE_MARGIN), min(end, start + SAFE_WINDOW)
        folded = self._fold_any(text[lo:hi])
        cands = self.candidates(folded.text, folded.codes)
        crossing = np.zeros(hi - lo + 1, dtype=np.int32)  # how many occurrences span c and c + 1
        # an occurrence's own not_before / not_after look-around must not cross the cut either
        for c, (s, e) in zip(cands, folded.original_spans([(c.start, c.end) for c in cands]), strict=True):
            reach = rule.reach if (rule := self.contexts.get(c.entry)) else 0
            a, b = max(s - reach, 0), min(e - 1 + reach, hi - lo)
            if b > a:
                crossing[a] += 1
                crossing[b] -= 1
        free = np.flatnonzero(np.cumsum(crossing)[start - lo:hi - lo - 1] == 0)
        if len(free):
            return start + int(free[0])
        return hi - 1

    def barriers(self) -> str:
        """Sentence punctuation that no lexicon key (nor ``exclude`` string, nor context rule's
        ``not_after``/``not_before`` string) contains after folding, and that is not dropped by folding:
        no match, annotation, word boundary or context look-around spans one."""
        if self._barriers is None:
            key_chars = set("".join(self.automaton.keys())) if len(self.automaton) else set()
            # a not_after / not_before string that holds one would look across a cut
            key_chars.update(ch for r in self.contexts.values() for x in (*r.not_after, *r.not_before) for ch in x)
            self._barriers = "".join(
                ch for ch in BARRIER_CANDIDATES
                if (f := self._fold_char(ch)) != " " and f not in key_chars and not is_word_char(f))
        return self._barriers

    def _find(self, text: str, nested: bool, date: str | None = None, explain: bool = False,
              offset: int = 0, hidden: list[int] | None = None) -> tuple[list[Match], list[Dropped]]:
        """Match ``text`` (a whole document, or a piece of one starting at ``offset``); see
        :meth:`find_reference` for ``hidden``."""
        folded = self._fold_any(text)
        cands = self.candidates(folded.text, folded.codes)
        if not cands:
            return [], []
        spans = folded.original_spans([(c.start, c.end) for c in cands])
        ft = folded.text
        # most terms begin and end with a Chinese character: the boundary rule cannot apply to them
        kept = [(c, span) for c, span in zip(cands, spans)
                if not (ft[c.start].isascii() or ft[c.end - 1].isascii()) or self._at_boundary(text, ft, c, span)]
        drops: list[tuple[Hit, tuple[int, int], Drop]] = []
        if self.contexts:
            kept, drops = self._apply_context(text, ft, kept, date)
        hits = [c for c, _ in kept]
        chosen = set(select_nested(hits) if nested else select_leftmost_longest(hits))
        if hidden is not None and not nested:
            hidden.extend(hidden_entries(hits, chosen))
        kept = [(c, span) for c, span in kept if c in chosen]
        kept.sort(key=lambda cs: cs[1])
        entries = self.entries
        surfaces: dict[str, str] = {}  # one string per distinct surface: a long text repeats them
        matches = [Match(s + offset, e + offset, surfaces.setdefault(t := text[s:e], t), entries[c.entry])
                   for c, (s, e) in kept]
        if not explain or not drops:
            return matches, []
        covered = [span for _, span in kept]
        dropped = [Dropped(Match(s, e, text[s:e], entries[c.entry]), d.rule, d.detail) for c, (s, e), d in drops
                   if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in covered)]
        return matches, dropped

    def _apply_context(self, text: str, folded_text: str, kept: list[tuple[Hit, tuple[int, int]]],
                       date: str | None) -> tuple[list[tuple[Hit, tuple[int, int]]],
                                                  list[tuple[Hit, tuple[int, int], Drop]]]:
        """Split candidates into those their entry's context rules keep and those they drop (with why)."""
        ok: list[tuple[Hit, tuple[int, int]]] = []
        drops: list[tuple[Hit, tuple[int, int], Drop]] = []
        rules = self.contexts
        for c, span in kept:
            rule = rules.get(c.entry)
            if rule is None:
                ok.append((c, span))
                continue
            drop = date_drop(rule, date)
            if drop is None and rule.needs_text:
                drop = text_drop(rule, folded_text, c.start, c.end,
                                 lambda span=span: self._fold_any(text[slice(*sentence_span(text, *span))]).text)
            if drop is None:
                ok.append((c, span))
            else:
                drops.append((c, span, drop))
        return ok, drops

    def candidates(self, folded_text: str, codes: np.ndarray | None = None) -> list[Hit]:
        """Every key occurrence in a folded text (``codes``: its code points, when at hand), with the
        ``exclude`` rule applied; ``engine`` says which scan finds them (both find the same).

        >>> from termkit.lexicon import Entry, Lexicon
        >>> from termkit.compile import compile_lexicon
        >>> m = compile_lexicon(Lexicon((Entry(id="x", term="四风", gloss="x", exclude=("反四风",)),)))
        >>> m.candidates("四风反四风")
        [Hit(start=0, end=2, entry=0)]
        """
        if not self.entries or not folded_text:
            return []
        if self.engine == "reference" or (codes is None and len(folded_text) <= PLAIN_TEXT):
            found = reference_hits(self.automaton, folded_text)
        else:
            from .normalize import to_codes

            found = self._fast_scan().hits(to_codes(folded_text) if codes is None else codes)
        hits: list[Hit] = []
        excluded: dict[int, list[tuple[int, int]]] = {}
        for end, (length, entry, excl_for) in found:
            if entry >= 0:
                hits.append(Hit(end - length, end, entry))
            for x in excl_for:
                excluded.setdefault(x, []).append((end - length, end))
        return _drop_excluded(hits, excluded) if excluded else hits

    def _at_boundary(self, text: str, folded_text: str, c: Hit, span: tuple[int, int]) -> bool:
        """A term that begins (ends) with a Latin letter or digit needs a non-word neighbour in
        the original text: 4+1 is not found in 14+12, but is in “4+1”."""
        if not folded_text[c.start].isascii() and not folded_text[c.end - 1].isascii():
            return True  # the usual case, decided without a look at the neighbours
        s, e = span
        before = self._fold_char(text[s - 1]) if s > 0 else ""
        after = self._fold_char(text[e]) if e < len(text) else ""
        return at_word_boundary(folded_text[c.start], folded_text[c.end - 1], before, after)

    def _fold_char(self, ch: str) -> str:
        code = ord(ch)
        code = self.char_map.get(code, code)
        return chr(code) if code else " "


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Matching allocates hundreds of thousands of small objects without reference cycles; the cycle
    collector would walk all of them again and again (a third of the time on a long document) and
    could free none of them. Paused here, and enabled again as it was."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _first_of(text: str, chars: str, start: int, end: int) -> int:
    """The first index in ``text[start:end]`` holding one of ``chars``, or -1."""
    return min((i for i in (text.find(ch, start, end) for ch in chars) if i >= 0), default=-1)


def at_word_boundary(first: str, last: str, before: str, after: str) -> bool:
    """The boundary rule: a span whose first (last) character is a Latin letter or digit must not
    have one right before (after) it. ``before``/``after`` are "" at the edges of the text. The
    matcher and discovery's recount both decide by this.

    >>> at_word_boundary("4", "1", "“", "”"), at_word_boundary("4", "1", "1", "2")
    (True, False)
    >>> at_word_boundary("四", "风", "a", "b"), at_word_boundary("A", "B", "", "")
    (True, True)
    """
    return not ((is_word_char(first) and is_word_char(before)) or (is_word_char(last) and is_word_char(after)))


def _drop_excluded(hits: list[Hit], excluded: dict[int, list[tuple[int, int]]]) -> list[Hit]:
    """The hits not inside one of their entry's ``exclude`` occurrences.

    >>> _drop_excluded([Hit(1, 3, 0), Hit(5, 7, 0)], {0: [(0, 4)]})
    [Hit(start=5, end=7, entry=0)]
    """
    # per entry: exclusion starts sorted, with the furthest end reached by any span starting at or before
    reach: dict[int, tuple[list[int], list[int]]] = {}
    for entry, spans in excluded.items():
        spans.sort()
        ends = list(itertools.accumulate((e for _, e in spans), max))
        reach[entry] = ([s for s, _ in spans], ends)

    def inside(c: Hit) -> bool:
        found = reach.get(c.entry)
        if found is None:
            return False
        i = bisect.bisect_right(found[0], c.start)
        return i > 0 and found[1][i - 1] >= c.end

    return [c for c in hits if not inside(c)]


def select_leftmost_longest(cands: Iterable[Hit]) -> list[Hit]:
    """Resolve overlaps: scanning left to right, take the leftmost hit, the longest among equals.

    >>> [(c.start, c.end) for c in select_leftmost_longest(
    ...     [Hit(0, 2, 0), Hit(0, 6, 1), Hit(4, 8, 2), Hit(6, 8, 3)])]
    [(0, 6), (6, 8)]
    """
    chosen: list[Hit] = []
    pos = 0
    for c in sorted(cands, key=lambda c: (c.start, -c.end, c.entry)):
        if c.start >= pos:
            chosen.append(c)
            pos = c.end
    return chosen


def select_nested(cands: Iterable[Hit]) -> list[Hit]:
    """Keep overlapping and nested hits, but each entry once per place: a hit inside another hit
    of the same entry (its own variant, 八项规定 inside 中央八项规定) is dropped.

    >>> [(c.start, c.end, c.entry) for c in select_nested(
    ...     [Hit(0, 6, 0), Hit(2, 6, 0), Hit(2, 6, 1), Hit(0, 6, 0)])]
    [(0, 6, 0), (2, 6, 1)]
    """
    by_entry: dict[int, list[Hit]] = {}
    for c in sorted(set(cands), key=lambda c: (c.start, -c.end, c.entry)):
        by_entry.setdefault(c.entry, []).append(c)
    chosen = []
    for hits in by_entry.values():
        end = -1
        for c in hits:  # sorted by start, longest first: a hit is inside another when it ends before
            if c.end > end:
                chosen.append(c)
                end = c.end
    return sorted(chosen, key=lambda c: (c.start, -c.end, c.entry))


def hidden_entries(hits: Iterable[Hit], chosen: set[Hit]) -> list[int]:
    """The entries of the matches that :func:`select_nested` counts on top of leftmost-longest
    (``chosen``): those that a longer or earlier match overlaps. Each entry comes as often as it has more
    nested matches than chosen ones; where nested matching counts one longer occurrence of an entry in
    place of two chosen ones of it, that is one fewer.

    >>> a, b, c = Hit(0, 6, 1), Hit(0, 3, 0), Hit(3, 6, 2)  # 新时代新征程, 新时代, 新征程
    >>> sorted(hidden_entries([a, b, c], set(select_leftmost_longest([a, b, c]))))
    [0, 2]
    """
    nested = select_nested(hits)
    kept = set(nested)
    more = Counter(c.entry for c in nested if c not in chosen)
    fewer = Counter(c.entry for c in chosen if c not in kept)
    return list((more - fewer).elements())


class DocumentResult:
    """A document with its matches and its damaged runs: what the pipeline hands to every later stage.

    A matched document keeps its matches as arrays (:class:`termkit.batch.Found`, see
    :meth:`from_found`) and makes the ``Match`` objects the first time ``matches`` is read; a caller
    that only counts (:meth:`counts`, ``match_count``) never needs them. A small document matched on
    the plain path keeps ``Match`` objects, and makes the arrays if ``found`` is read.

    >>> import numpy as np
    >>> from termkit.batch import Found
    >>> from termkit.corpus import Document
    >>> from termkit.lexicon import Entry
    >>> e = Entry(id="four-winds", term="四风", gloss="Four Winds")
    >>> r = DocumentResult.from_found(Document("a", "四风四風"), Found(*np.array([[0, 2], [2, 4], [0, 0]])), (e,), [])
    >>> [(m.start, m.text) for m in r.matches], [(x.id, n) for x, n in r.counts()]
    ([(0, '四风'), (2, '四風')], [('four-winds', 2)])
    """

    __slots__ = ("_characters", "_entries", "_found", "_hidden", "_ids", "_matches", "damage", "doc")

    def __init__(self, doc: Document, matches: list[Match], damage: list[Damage]) -> None:
        self.doc = doc
        self.damage = damage
        self._matches: list[Match] | None = matches
        self._found: Found | None = None
        self._entries: tuple[Entry, ...] = ()
        self._characters = -1
        self._ids: dict[str, int] | None = None  # entry id -> index, for arrays made from the matches
        self._hidden: list[int] = []  # for a result of Match objects: see Found.hidden

    @classmethod
    def from_found(cls, doc: Document, found: Found, entries: tuple[Entry, ...],
                   damage: list[Damage]) -> DocumentResult:
        """A result whose matches are the arrays ``found`` (entry indices into ``entries``)."""
        result = cls(doc, [], damage)
        result._matches, result._found, result._entries, result._characters = None, found, entries, found.visible
        return result

    @classmethod
    def from_matches(cls, doc: Document, matches: list[Match], matcher: Matcher,
                     damage: list[Damage], hidden: list[int] | None = None) -> DocumentResult:
        """A result of ``Match`` objects found by ``matcher``, which can give ``found`` too; ``hidden`` as
        :meth:`Matcher.find_reference` gives it."""
        result = cls(doc, matches, damage)
        result._entries, result._ids, result._hidden = matcher.entries, matcher._index(), hidden or []
        return result

    @property
    def characters(self) -> int:
        """The document's characters but whitespace (:func:`termkit.stats.visible_length`): what rates
        are per; counted while matching when the matcher could."""
        if self._characters < 0:
            from .stats import visible_length

            self._characters = visible_length(self.doc.text)
        return self._characters

    @property
    def matches(self) -> list[Match]:
        """The matches, sorted by start, then end."""
        if self._matches is None:
            assert self._found is not None
            with gc_paused():
                self._matches = matches_of(self.doc.text, self._found, self._entries)
        return self._matches

    @property
    def found(self) -> Found:
        """The matches as arrays (entry indices into the matcher's entries): what crosses a process
        boundary. A result made by :meth:`from_found` or :meth:`from_matches` (as :func:`match_document`
        makes them) has them.
        """
        if self._found is None:
            if self._ids is None or self._matches is None:
                raise ValueError("this result was made from Match objects; it has no arrays")
            import numpy as np

            from .batch import Found

            ids, ms = self._ids, self._matches
            self._found = Found(np.array([m.start for m in ms], dtype=np.int64),
                                np.array([m.end for m in ms], dtype=np.int64),
                                np.array([ids[m.entry.id] for m in ms], dtype=np.int64),
                                hidden=np.array(self._hidden, dtype=np.int64))
        return self._found

    def entry_indices(self) -> list[int] | None:
        """The entry index of each match, for a result of ``Match`` objects made by :meth:`from_matches`
        (which needs no NumPy); None for one of arrays (read ``found``)."""
        if self._found is not None or self._ids is None or self._matches is None:
            return None
        ids = self._ids
        return [ids[m.entry.id] for m in self._matches]

    def hidden_indices(self) -> list[tuple[int, int]]:
        """(entry index, matches) of the matches that ``nested`` counts on top of leftmost-longest
        (:func:`hidden_entries`), by entry index: none for a result matched with ``nested``, or made of bare ``Match``
        objects.

        >>> from termkit.corpus import Document
        >>> from termkit.lexicon import Entry, Lexicon
        >>> from termkit.compile import compile_lexicon
        >>> m = compile_lexicon(Lexicon((Entry(id="a", term="新时代", gloss="a"),
        ...                              Entry(id="b", term="新时代新征程", gloss="b"))))
        >>> match_document(Document("d", "新时代新征程，新时代"), m).hidden_indices()
        [(0, 1)]
        """
        from_arrays = self._ids is None and self._found is not None  # made by from_found
        hidden = self._found.hidden.tolist() if from_arrays else self._hidden  # type: ignore[union-attr]
        return sorted(Counter(hidden).items())  # one order whichever path found them

    def hidden_counts(self) -> list[tuple[Entry, int]]:
        """:meth:`hidden_indices` with the entries themselves."""
        return [(self._entries[i], n) for i, n in self.hidden_indices()]

    @property
    def match_count(self) -> int:
        return len(self._found) if self._matches is None else len(self._matches)  # type: ignore[arg-type]

    def counts(self) -> list[tuple[Entry, int]]:
        """Each entry found with its number of matches, in the order of its first match."""
        if self._matches is None:
            assert self._found is not None
            if not len(self._found):
                return []
            import numpy as np

            n = np.bincount(self._found.entry).tolist()
            entries = self._entries
            return [(entries[i], n[i]) for i in dict.fromkeys(self._found.entry.tolist())]
        by_id: dict[str, list] = {}
        for m in self._matches:
            by_id.setdefault(m.entry.id, [m.entry, 0])[1] += 1
        return [(e, c) for e, c in by_id.values()]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DocumentResult):
            return NotImplemented
        return (self.doc, self.matches, self.damage) == (other.doc, other.matches, other.damage)

    __hash__ = None  # type: ignore[assignment]  # mutable cache inside, compared by value

    def __repr__(self) -> str:
        return f"DocumentResult(doc={self.doc!r}, matches={self.match_count}, damage={self.damage!r})"


def matches_of(text: str, found: Found, entries: tuple[Entry, ...]) -> list[Match]:
    """``Match`` objects for matches given as arrays (one string per distinct surface: a long text
    repeats them)."""
    surfaces: dict[str, str] = {}
    return [Match(s, e, surfaces.setdefault(t := text[s:e], t), entries[i])
            for s, e, i in zip(found.start.tolist(), found.end.tolist(), found.entry.tolist())]


def match_document(doc: Document, matcher: Matcher, nested: bool = False) -> DocumentResult:
    """Match one document and find its damaged runs (the one place both happen, in any process);
    the document's date goes to the ``since`` rule.

    >>> from termkit.corpus import Document
    >>> from termkit.lexicon import Entry, Lexicon
    >>> from termkit.compile import compile_lexicon
    >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
    >>> r = match_document(Document("a", "四风??"), m)
    >>> (len(r.matches), len(r.damage))
    (1, 1)
    """
    from .normalize import find_damage

    if matcher.takes_plain_path(len(doc.text)):  # a small run: no NumPy (see the module's docstring)
        hidden: list[int] = []
        matches = matcher.find_reference(doc.text, nested=nested, date=doc_date(doc), hidden=hidden)
        return DocumentResult.from_matches(doc, matches, matcher, find_damage(doc.text), hidden)
    found = matcher.spans(doc.text, nested=nested, date=doc_date(doc))
    return DocumentResult.from_found(doc, found, matcher.entries, find_damage(doc.text))


def analyse(docs: Iterable[Document], matcher: Matcher, nested: bool = False) -> Iterator[DocumentResult]:
    """Match every document in turn (lazily, so memory stays flat in corpus size).

    >>> from termkit.corpus import Document
    >>> from termkit.lexicon import Entry, Lexicon
    >>> from termkit.compile import compile_lexicon
    >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
    >>> [len(r.matches) for r in analyse([Document("a", "四风四風")], m)]
    [2]
    """
    for doc in docs:
        yield match_document(doc, matcher, nested)


def doc_date(doc: Any) -> str | None:
    """A document's date as the ``since`` rule reads it (``meta['date']``), or None.

    >>> from termkit.corpus import Document
    >>> doc_date(Document("a", "", meta={"date": "2021-11"})), doc_date(Document("b", ""))
    ('2021-11', None)
    """
    meta = getattr(doc, "meta", None) or {}
    date = meta.get("date")
    return str(date) if date else None


def explain(match: Match, matcher: Matcher) -> dict[str, Any]:
    """Why a match matched: the lexicon surface form it equals after folding, and which foldings
    the original text needed (script, width, case, quotes, whitespace, annotation).

    >>> from termkit.lexicon import Entry, Lexicon
    >>> from termkit.compile import compile_lexicon
    >>> m = compile_lexicon(Lexicon((Entry(id="x", term="当下改和长久立", gloss="x"),)))
    >>> explain(m.find("“當下改”和“長久立”")[0], m)
    {'surface': '当下改和长久立', 'folded': '当下改和长久立', 'folds': ['script', 'quotes']}
    """
    from .normalize import annotation_spans

    folded = matcher._fold_any(match.text).text
    surface = next((s for s in match.entry.surfaces if matcher._fold_any(s).text == folded), match.entry.term)
    table = matcher.char_map
    folds = []
    chars = [c for c in match.text if table.get(ord(c), ord(c))]
    if any(table.get(ord(c), ord(c)) != ord(c) and ord(c) >= 0x2E80 and not 0xFF00 <= ord(c) <= 0xFFEF for c in chars):
        folds.append("script")
    if any(0xFF01 <= ord(c) <= 0xFF5E or c == "\u3000" for c in match.text):
        folds.append("width")
    if any(c.isascii() and c.isupper() for c in match.text):
        folds.append("case")
    if any(c in QUOTES for c in match.text):
        folds.append("quotes")
    if any(c.isspace() for c in match.text):
        folds.append("whitespace")
    if annotation_spans(match.text):
        folds.append("annotation")
    return {"surface": surface, "folded": folded, "folds": folds}
