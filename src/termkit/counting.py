"""Count on several cores: the workers read their own files and send back only counts.

What ``termkit count`` runs (:meth:`termkit.pipeline.Corpus.count`): the same figures as
``stats.count(analyse(documents))``, with far less work in the main process than
:func:`termkit.parallel.match_documents`, which sends every text to a worker and gets its matches back.

- The main process lists the files; each worker opens, reads, decodes and matches its own and sends
  back per document its entries' counts, characters and damaged runs (:class:`Counted`).
- Files go out in tasks, largest first, each about ``1 / (4 × jobs)`` of what is left to send
  (:func:`batches`), so no worker is left with a big file at the end.
- A text file over ``PIECE_BYTES`` is cut into byte ranges right after barrier punctuation
  (:func:`termkit.corpus.pieces.utf8_pieces`) that different workers read and count; the pieces' damaged
  runs are moved to the document's offsets, lines and columns (:func:`join_pieces`). No process holds
  all of a big file, and ``--jobs 2`` helps one big file too.
- A JSONL/CSV file over ``PIECE_BYTES`` (rows cannot be cut in the bytes) and a pipe are read here and
  their documents sent in chunks.
- The counts are added in input order (:class:`_Slots`), so the figures, the order of first
  appearance and the warnings are those of one process. ``jobs=1`` runs the same units here.

>>> import pathlib, tempfile
>>> from termkit.lexicon import Entry, Lexicon
>>> from termkit.compile import compile_lexicon
>>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_text("反对四风。四風", encoding="utf-8")
>>> count_sources([p], m, jobs=2).result().terms[0].count
2
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import Document, ReadOptions, date_from_name, display_name, read_source
from .corpus.pieces import utf8_pieces
from .match import DocumentResult, Matcher, gc_paused, match_document
from .normalize import Damage
from .parallel import (
    CHUNK_DOCS,
    WORKER,
    chunked,
    resolve_jobs,
    start_pool,
    worker_lost,
    worker_state,
    workers_ignore_sigint,
)
from .stats import Tally

if TYPE_CHECKING:
    from concurrent.futures import Future

PIECE_BYTES = 1 << 21  # a text file larger than this (2 MB) is counted in pieces of about this size
POOL_MIN_BYTES = 1 << 20  # less input than this is counted here: a pool would cost more than it saves

DamageRow = tuple[int, int, int, int]  # start, end, line, column


@dataclass(frozen=True)
class Counted:
    """What ``count`` needs of one document, or of one piece of one, as a worker sends it back: no text,
    no ``Match`` objects. ``length``, ``breaks`` and ``tail`` (characters, line breaks, characters after
    the last break) place the next piece of the same document: its offsets, lines and columns.
    ``hidden``: (entry index, matches) of the matches a longer or earlier one hid, which ``nested`` counts
    (:meth:`termkit.match.DocumentResult.hidden_indices`)."""

    doc: str
    characters: int
    counts: list[tuple[int, int]]  # (entry index, matches), in order of first appearance
    damage: list[DamageRow]
    length: int = 0
    breaks: int = 0
    tail: int = 0
    hidden: list[tuple[int, int]] = dataclasses.field(default_factory=list)


def _entry_counts(result: DocumentResult) -> list[tuple[int, int]]:
    """(entry index, matches) in order of first match: from the arrays, or, for a small document matched
    on the plain path, from its matches (no NumPy)."""
    indices = result.entry_indices()
    if indices is not None:
        tally = dict.fromkeys(indices, 0)
        for i in indices:
            tally[i] += 1
        return list(tally.items())
    import numpy as np

    entry = result.found.entry
    n = np.bincount(entry).tolist() if len(entry) else []
    return [(i, n[i]) for i in dict.fromkeys(entry.tolist())]


def count_result(result: DocumentResult, piece: bool = False) -> Counted:
    """A matched document (or piece) as counts of entry indices.

    >>> from termkit.corpus import Document
    >>> from termkit.lexicon import Entry, Lexicon
    >>> from termkit.compile import compile_lexicon
    >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
    >>> c = count_result(match_document(Document("a", "四风，四風??"), m))
    >>> (c.counts, c.characters, c.damage)
    ([(0, 2)], 7, [(5, 7, 1, 6)])
    """
    # from the arrays, in the order of first match: no Match object is made, no Entry object touched (a
    # forked worker that touches the parent's objects copies the memory pages that hold them); only a
    # run's first PLAIN_TEXT characters (termkit.match) come as Match objects
    counts = _entry_counts(result)
    text = result.doc.text
    damage = [(d.start, d.end, d.line, d.column) for d in result.damage]
    counted = Counted(result.doc.id, result.characters, counts, damage, hidden=result.hidden_indices())
    if not piece:
        return counted
    breaks = text.count("\n")
    return dataclasses.replace(counted, length=len(text), breaks=breaks,
                               tail=len(text) - text.rfind("\n") - 1 if breaks else len(text))


def join_pieces(pieces: list[Counted]) -> Counted:
    """The counts of a document from those of its pieces, in order: counts added in order of first
    appearance, damaged runs moved to the document's offsets, lines and columns.

    >>> a = Counted("d", 3, [(0, 1)], [(0, 1, 1, 1)], length=4, breaks=1, tail=2)
    >>> b = Counted("d", 2, [(1, 1), (0, 2)], [(1, 2, 1, 2), (3, 4, 2, 1)], length=5, breaks=1, tail=1)
    >>> j = join_pieces([a, b])
    >>> (j.characters, j.counts, j.damage)
    (5, [(0, 3), (1, 1)], [(0, 1, 1, 1), (5, 6, 2, 4), (7, 8, 3, 1)])
    """
    counts: dict[int, int] = {}
    hidden: dict[int, int] = {}
    damage: list[DamageRow] = []
    offset = line = carry = 0  # characters, line breaks before the piece; characters since the last break
    for p in pieces:
        for i, n in p.counts:
            counts[i] = counts.get(i, 0) + n
        for i, n in p.hidden:
            hidden[i] = hidden.get(i, 0) + n
        damage.extend((s + offset, e + offset, ln + line, col + carry if ln == 1 else col)
                      for s, e, ln, col in p.damage)
        offset, line = offset + p.length, line + p.breaks
        carry = p.tail if p.breaks else carry + p.length
    return Counted(pieces[0].doc, sum(p.characters for p in pieces), list(counts.items()), damage,
                   offset, line, carry, sorted(hidden.items()))


@dataclass(frozen=True, eq=False)  # each unit is itself: results are filed by identity
class _Unit:
    """One task: a whole file, a byte range of a UTF-8 text file, or documents read here (stdin)."""

    slot: int  # which input (file or stdin) it belongs to, in input order
    size: int  # bytes, roughly: the largest tasks go first
    path: Path | None = None
    span: tuple[int, int] | None = None
    docs: list[Document] | None = None
    here: bool = False  # a large JSONL/CSV file: read here, its documents sent in chunks


Said = list[tuple[bool, str]]  # what reading said, in order: (is an error, message)


def count_sources(sources: Iterable[Path | list[Document]], matcher: Matcher, read: ReadOptions | None = None,
                  nested: bool = False, jobs: int | None = 1, on_warning: Callable[[str], None] | None = None,
                  on_error: Callable[[str], None] | None = None,
                  on_file: Callable[[], None] | None = None, piece_bytes: int | None = None) -> Tally:
    """Tally the documents of ``sources`` (files, or documents already read, e.g. from stdin) on ``jobs``
    processes (see the module's description and example). A text file larger than ``piece_bytes``
    (default ``PIECE_BYTES``) is counted in pieces. Warnings and errors of reading go to
    ``on_warning``/``on_error`` in input order; ``on_file`` is told of each input done.
    """
    read = read or ReadOptions()
    warn, fail = on_warning or _drop, on_error or on_warning or _drop
    jobs = resolve_jobs(jobs)
    units = list(_units(sources, read, matcher, piece_bytes or PIECE_BYTES))
    tally = Tally()
    if not units:
        return tally
    slots = _Slots(units, matcher.entries, tally, warn, fail, on_file or _nothing)
    large = sum(u.size for u in units) >= POOL_MIN_BYTES
    if large:
        matcher.prepare()  # no plain path, no small automaton: what a run of this size never needs
    if jobs == 1 or not large:
        state = worker_state(matcher, nested, read)
        for unit in units:
            slots.done(unit, _count_unit(unit, state))
            while again := slots.flush():  # a file whose pieces were not UTF-8: counted whole
                for whole in again:
                    slots.done(whole, _count_unit(whole, state))
        return tally
    return _count_pooled(units, slots, matcher, nested, read, jobs)


def _drop(_: str) -> None:
    pass


def _nothing() -> None:
    pass


def _units(sources: Iterable[Path | list[Document]], read: ReadOptions, matcher: Matcher,
           piece: int) -> Iterator[_Unit]:
    barriers = None
    for slot, source in enumerate(sources):
        if isinstance(source, list):
            for chunk in chunked(source):
                yield _Unit(slot, sum(len(d.text) for d in chunk) * 3, docs=chunk)
            continue
        try:
            st = os.stat(source)
            size, regular = st.st_size, stat.S_ISREG(st.st_mode)
        except OSError:
            size, regular = 0, True  # a worker reports it
        if not regular or (size > piece and read.format_for(source.name) != "text"):
            # rows cannot be cut apart in the bytes (a CSV field may hold a line break), and a pipe named
            # on purpose (<(zcat x.gz)) may be this process's own: such a file is read here and its
            # documents go out in chunks, so one big JSONL file uses every core too
            yield _Unit(slot, size, source, here=True)
            continue
        if size > piece:
            barriers = matcher.barriers() if barriers is None else barriers
            with contextlib.suppress(OSError):
                spans = utf8_pieces(source, piece, barriers)
                if len(spans) > 1:
                    yield from (_Unit(slot, b - a, source, (a, b)) for a, b in spans)
                    continue
        yield _Unit(slot, size, source)


class _Slots:
    """The results of the units, put back in input order: each input's documents are tallied, and what
    reading it said is passed on, once every input before it is done."""

    def __init__(self, units: list[_Unit], entries: tuple[Any, ...], tally: Tally, warn: Callable[[str], None],
                 fail: Callable[[str], None], on_file: Callable[[], None]) -> None:
        self.pending: dict[int, list[_Unit]] = {}
        for u in units:
            self.pending.setdefault(u.slot, []).append(u)
        self.results: dict[_Unit, Any] = {}
        self.said: dict[int, Said] = {}  # what reading a file here said
        self.open: set[int] = set()  # the slots of the files being read here
        self.order = sorted(self.pending)
        self.next = 0
        self.entries, self.tally, self.warn, self.fail, self.on_file = entries, tally, warn, fail, on_file

    def done(self, unit: _Unit, result: Any) -> None:
        self.results[unit] = result

    def reading(self, unit: _Unit) -> None:
        """``unit``, a file read here, is being read: its chunks are :meth:`add`-ed as they come."""
        self.open.add(unit.slot)
        self.pending[unit.slot] = [unit]
        self.results[unit] = ([], [])  # the file itself stands for nothing; its chunks hold the counts

    def add(self, unit: _Unit) -> None:
        self.pending[unit.slot].append(unit)

    def read(self, slot: int, said: Said) -> None:
        """The file of ``slot``, read here, is read to its end; ``said`` is what reading it said."""
        self.said[slot] = said
        self.open.discard(slot)

    def flush(self) -> list[_Unit]:
        """Tally every input whose units are all done, in order; return the units to run again: a whole
        file, for a file whose pieces were not UTF-8 after all."""
        again: list[_Unit] = []
        while self.next < len(self.order):
            slot = self.order[self.next]
            units = self.pending[slot]
            if slot in self.open or any(u not in self.results for u in units):
                break
            found = [self.results.pop(u) for u in units]
            if units[0].span is not None:
                if any(r is None for r in found):
                    whole = _Unit(slot, sum(u.size for u in units), units[0].path)
                    self.pending[slot] = [whole]
                    again.append(whole)
                    break
                found = [([join_pieces(found)], [])]
            for is_error, message in self.said.pop(slot, []):
                (self.fail if is_error else self.warn)(message)
            for counted, said in found:
                for is_error, message in said:
                    (self.fail if is_error else self.warn)(message)
                for c in counted:
                    entries = self.entries
                    self.tally.add_counts(c.doc, c.characters, [(entries[i], n) for i, n in c.counts],
                                          [Damage(*d) for d in c.damage], [(entries[i], n) for i, n in c.hidden])
            self.on_file()
            self.next += 1
        return again


def _count_unit(unit: _Unit, state: dict[str, Any] | None = None) -> Any:
    """Count one unit (in a worker, or here with ``jobs=1``): ``(counts, said)``, or for a piece its
    :class:`Counted`, None when it is not UTF-8."""
    with gc_paused():  # reading and counting make no reference cycles: nothing for the collector to find
        return _count_unit_now(unit, state or WORKER)


def _count_unit_now(unit: _Unit, state: dict[str, Any]) -> Any:
    matcher, nested = state["matcher"], state["nested"]
    if unit.docs is not None:
        return [count_result(match_document(d, matcher, nested)) for d in unit.docs], []
    if unit.span is not None and unit.path is not None:
        a, b = unit.span
        with open(unit.path, "rb") as fh:
            data = os.pread(fh.fileno(), b - a, a)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        del data
        name = display_name(unit.path)
        date = date_from_name(name)
        doc = Document(name, text, meta={"date": date} if date else {})
        return count_result(match_document(doc, matcher, nested), piece=True)
    docs, said = _read(unit, state["read"])
    return [count_result(match_document(d, matcher, nested)) for d in docs], said


def _read(unit: _Unit, read: ReadOptions) -> tuple[Iterator[Document], Said]:
    """The documents of a unit's file, as they are read, and the list that gathers what reading says."""
    assert unit.path is not None
    said: Said = []
    return read_source(unit.path, read, lambda m: said.append((False, m)), lambda m: said.append((True, m))), said


def _count_pooled(units: list[_Unit], slots: _Slots, matcher: Matcher, nested: bool, read: ReadOptions,
                  jobs: int) -> Tally:
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    pool = start_pool(matcher, nested, read, jobs)
    running: dict[Future[Any], list[_Unit]] = {}

    def submit(batch: list[_Unit]) -> None:
        with workers_ignore_sigint():  # a spawning pool starts its workers as tasks come
            running[pool.submit(_count_batch, batch)] = batch

    def collect() -> None:
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for job in finished:
            for unit, result in zip(running[job], job.result()):  # raises BrokenProcessPool when a worker died
                slots.done(unit, result)
            del running[job]
        for unit in slots.flush():
            submit([unit])

    # this process adds up what the workers send (lists of numbers, no reference cycles) with the cycle
    # collector paused, which would otherwise walk every object here again and again meanwhile (a forked
    # pool's workers are started already: they collect as before)
    try:
        with gc_paused():
            for batch in batches([u for u in units if not u.here], jobs):
                submit(batch)
            for unit in (u for u in units if u.here):  # in input order, while the workers count the rest
                slots.reading(unit)
                docs, said = _read(unit, read)
                for chunk in chunked(docs):
                    part = _Unit(unit.slot, sum(len(d.text) for d in chunk), docs=chunk)
                    slots.add(part)
                    submit([part])
                    while sum(b[0].docs is not None for b in running.values()) > 2 * jobs:  # read no further
                        collect()
                slots.read(unit.slot, said)
                for again in slots.flush():
                    submit([again])
            while running:
                collect()
        if slots.next < len(slots.order):
            raise AssertionError(f"{len(slots.order) - slots.next} inputs were never tallied")
    except BrokenProcessPool:
        raise worker_lost(list(dict.fromkeys(_unit_name(u) for b in running.values() for u in b))) from None
    finally:
        pool.shutdown(wait=not running, cancel_futures=True)
    return slots.tally


BATCH_SHARE = 4  # a task holds about 1 / (BATCH_SHARE × jobs) of the input still to send
BATCH_MIN = 1 << 18  # bytes: a task costs the main process and a worker about 0.3 ms each


def batches(units: list[_Unit], jobs: int) -> list[list[_Unit]]:
    """The units as tasks for ``jobs`` workers, largest first, each of about ``1 / (BATCH_SHARE × jobs)`` of
    what is left to send (at least ``BATCH_MIN`` bytes; a larger unit goes alone): the first tasks are
    big, so that a corpus of small files is not sent one file at a time, and the last ones small, so
    that the workers finish together.

    >>> [[u.size for u in b] for b in batches([_Unit(i, n << 10) for i, n in enumerate(
    ...     [5, 9, 1, 1, 2000, 700, 300, 300, 100, 100, 100, 10])], 1)]  # doctest: +NORMALIZE_WHITESPACE
    [[2048000], [716800], [307200], [307200], [102400, 102400, 102400], [10240, 9216, 5120, 1024, 1024]]
    """
    left = sum(u.size for u in units)
    out: list[list[_Unit]] = []
    size = target = 0
    for unit in sorted(units, key=lambda u: -u.size):
        if not out or size >= target or len(out[-1]) >= CHUNK_DOCS:
            out.append([])
            size, target = 0, max(BATCH_MIN, left // (BATCH_SHARE * jobs))
        out[-1].append(unit)
        size += unit.size
        left -= unit.size
    return out


def _count_batch(batch: list[_Unit]) -> list[Any]:
    """Count a task's units in a worker (see :func:`_count_unit`)."""
    return [_count_unit(unit) for unit in batch]


def _unit_name(unit: _Unit) -> str:
    return display_name(unit.path) if unit.path is not None else unit.docs[0].id if unit.docs else "<stdin>"
