"""Match documents on several cores: same results, same order as :func:`termkit.match.analyse`.

The pipeline (:mod:`termkit.pipeline`) calls this; a notebook rarely needs it directly.

Two ways, for two kinds of caller:

- :func:`match_documents` (``tag``, ``kwic``, ``gloss``, ``trend``, ``report`` …: they need each
  document's text and matches). Documents are read in the calling process, grouped into chunks (a
  few documents; a document longer than a chunk is cut into pieces at the places where the matcher
  itself segments a long text, so the pieces of one long document are matched on several cores) and
  matched in a process pool by :func:`termkit.match.match_document`. A chunk goes out as its
  documents and comes back compact — the matches as arrays (:class:`~termkit.batch.Found`: starts,
  ends, entry indices), ``(start, end, line, column)`` per damaged run — from which each result is
  rebuilt here, against this process's own entries (its ``Match`` objects are made only if a caller
  reads them). At most ``2 × jobs`` chunks are in flight, so memory stays flat whatever the corpus
  size. A document's date goes along with its text (for the ``since`` rule). A run whose whole
  input fits in one chunk, or ``jobs=1``, starts no pool.
- :func:`termkit.counting.count_sources` (``count``: only the figures). The workers read their own
  files and send back counts; see there. It starts its pool with :func:`start_pool`, as this does.

The compiled matcher goes to each worker once: forked workers share the parent's, prepared before the
fork (:meth:`~termkit.match.Matcher.prepare`: its scan automaton and folding arrays built) and forked with
the heap frozen for the collector (:func:`start_pool`); spawned ones receive it as the pool initializer's
argument.

>>> from termkit.corpus import Document
>>> from termkit.lexicon import Entry, Lexicon
>>> from termkit.compile import compile_lexicon
>>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
>>> [(r.doc.id, len(r.matches)) for r in match_documents([Document("a", "四风四風")], m, jobs=2)]
[('a', 2)]
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .corpus import Document, ReadOptions
from .errors import TermkitError
from .match import DocumentResult, Matcher, analyse, doc_date, match_document
from .normalize import Damage, find_damage
from .wording import plural

if TYPE_CHECKING:  # the pool machinery (multiprocessing, concurrent.futures) is imported when a pool starts
    from concurrent.futures import Future, ProcessPoolExecutor

    from .batch import Found  # NumPy: what a small run on one process never needs

CHUNK_CHARS = 1 << 20  # ~1M characters per chunk: big enough to amortise IPC, small enough to share out
CHUNK_DOCS = 256

Spans = tuple["Found", list[tuple[int, int, int, int]]]  # a document's matches and damaged runs


JOBS_PER_CORE = 4  # more processes than this per core only cost memory: matching is CPU-bound


def resolve_jobs(jobs: int | None) -> int:
    """The number of processes to use: ``None`` or 0 means every core this process may run on; more
    than ``JOBS_PER_CORE`` per core is capped (``--jobs 1000`` starts no thousand processes).

    >>> resolve_jobs(3)
    3
    >>> resolve_jobs(None) >= 1, resolve_jobs(100_000) == JOBS_PER_CORE * resolve_jobs(None)
    (True, True)
    """
    try:
        cores = max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        cores = max(1, os.cpu_count() or 1)
    return min(max(1, jobs), JOBS_PER_CORE * cores) if jobs else cores


def chunked(docs: Iterable[Document], max_chars: int = CHUNK_CHARS,
            max_docs: int = CHUNK_DOCS) -> Iterator[list[Document]]:
    """Group documents into lists of at most ``max_docs`` documents or about ``max_chars`` characters
    (a larger document is a chunk on its own).

    >>> from termkit.corpus import Document
    >>> [len(c) for c in chunked([Document(str(i), "x" * 4) for i in range(5)], max_chars=8)]
    [2, 2, 1]
    """
    chunk: list[Document] = []
    size = 0
    for doc in docs:
        if chunk and (size + len(doc.text) > max_chars or len(chunk) >= max_docs):
            yield chunk
            chunk, size = [], 0
        chunk.append(doc)
        size += len(doc.text)
    if chunk:
        yield chunk


def match_documents(docs: Iterable[Document], matcher: Matcher, nested: bool = False, jobs: int | None = 1,
                    chunk_chars: int | None = None) -> Iterator[DocumentResult]:
    """Like :func:`termkit.match.analyse`, on ``jobs`` processes (``None``: all cores), in input order.

    About ``2 * jobs`` chunks of about ``chunk_chars`` (default ``CHUNK_CHARS``) characters are read
    ahead of the caller, no more. A document longer than a chunk is cut into pieces where
    :meth:`~termkit.match.Matcher.segments` cuts it (after sentence punctuation no match can span),
    which are matched by different workers, so one long document uses every core too.
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        yield from analyse(docs, matcher, nested)
        return
    items = work_items(docs, matcher, chunk_chars or CHUNK_CHARS)
    first = next(items, None)
    if first is None:
        return
    second = next(items, None)
    if second is None:  # small input: a pool would cost more than it saves
        assert isinstance(first, list)  # a piece never comes alone
        yield from analyse(first, matcher, nested)
        return
    yield from _pooled(itertools.chain((first, second), items), matcher, nested, jobs)


@dataclass(frozen=True)
class Piece:
    """``doc.text[start:end]``, one piece of a document longer than a chunk; ``last`` ends the document."""

    doc: Document
    start: int
    end: int
    last: bool


def work_items(docs: Iterable[Document], matcher: Matcher, max_chars: int) -> Iterator[list[Document] | Piece]:
    """The units of work for the pool: chunks of documents (:func:`chunked`), and a document longer than
    ``max_chars`` as its pieces, in order.

    >>> from termkit.corpus import Document
    >>> from termkit.lexicon import Entry, Lexicon
    >>> from termkit.compile import compile_lexicon
    >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
    >>> [(p.start, p.end, p.last) for p in work_items([Document("a", "反对四风。" * 4)], m, 8)]
    [(0, 10, False), (10, 20, True)]
    """
    for chunk in chunked(docs, max_chars):
        text = chunk[0].text
        cuts = list(matcher.segments(text, max_chars)) if len(chunk) == 1 and len(text) > max_chars else []
        if len(cuts) > 1:
            yield from (Piece(chunk[0], a, b, i == len(cuts) - 1) for i, (a, b) in enumerate(cuts))
        else:
            yield chunk


def _pooled(items: Iterator[list[Document] | Piece], matcher: Matcher, nested: bool,
            jobs: int) -> Iterator[DocumentResult]:
    from concurrent.futures.process import BrokenProcessPool

    from .batch import Found

    entries = matcher.entries
    pool = start_pool(matcher, nested, None, jobs)
    pending: deque[tuple[list[Document] | Piece, Future[Any]]] = deque()
    partial: list[Found] = []  # the matches of the long document whose pieces are coming in

    def collect() -> Iterator[DocumentResult]:
        item, job = pending[0]
        result = job.result()  # raises BrokenProcessPool while the item is still listed as pending
        pending.popleft()
        if isinstance(item, list):
            yield from _rebuild(item, result, entries)
            return
        partial.append(result)
        if item.last:
            yield DocumentResult.from_found(item.doc, Found.joined(partial), entries, find_damage(item.doc.text))
            partial.clear()

    try:
        for item in items:
            with workers_ignore_sigint():  # the pool starts its workers on the first submits
                if isinstance(item, Piece):
                    job = pool.submit(_match_piece, item.doc.text[item.start:item.end], item.start,
                                      doc_date(item.doc))
                else:
                    job = pool.submit(_match_chunk, item)
            pending.append((item, job))
            while len(pending) > 2 * jobs or (pending and pending[0][1].done()):
                yield from collect()
        while pending:
            yield from collect()
    except BrokenProcessPool:
        raise worker_lost(list(dict.fromkeys(i for item, _ in pending for i in _ids(item)))) from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def start_pool(matcher: Matcher, nested: bool, read: ReadOptions | None, jobs: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork is cheapest and shares the matcher without a copy, but is unsafe once other threads run
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() \
        else "spawn"
    if method == "fork":
        # what matching builds on first use (the scan automaton, the folding arrays …) is built here, once,
        # and the forked workers share it, instead of each building its own
        matcher.prepare()
    # a process pool that notices a worker dying (multiprocessing.Pool waits for its task forever)
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method), initializer=_init_worker,
                               initargs=(matcher, nested, read))
    if method == "fork":
        with workers_ignore_sigint(), _heap_frozen():
            pool.submit(_started)  # a forking pool starts all its workers on its first task: now
    return pool


def _started() -> None:
    """The first task of a forked pool: it only makes the pool start its workers."""


@contextlib.contextmanager
def _heap_frozen() -> Iterator[None]:
    """Fork with every object of this process in the garbage collector's permanent generation: a worker's
    collections then never walk the objects it inherits (the lexicon, the modules …), which would write to
    each of them and so copy every memory page that holds one (copy on write) in every worker. This
    process takes them back as soon as the workers are forked. A program that froze objects itself keeps
    its own arrangement (nothing is frozen or unfrozen here)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class WorkerLost(TermkitError):
    """A worker process died (killed, or out of memory) while matching: the run cannot be complete."""


def _ids(item: list[Document] | Piece) -> list[str]:
    return [item.doc.id] if isinstance(item, Piece) else [d.id for d in item]


def worker_lost(docs: list[str]) -> WorkerLost:
    shown = ", ".join(docs[:3]) + (f" and {len(docs) - 3:,} more" if len(docs) > 3 else "")
    were = "was" if len(docs) == 1 else "were"
    return WorkerLost(f"a worker process died (killed, or out of memory?) while matching; "
                      f"{plural(len(docs), 'document')} {were} not processed ({shown}); no result was written: run "
                      "again, with fewer --jobs if memory is short")


def _rebuild(chunk: list[Document], spans: list[Spans], entries: tuple[Any, ...]) -> Iterator[DocumentResult]:
    for doc, (found, damaged) in zip(chunk, spans):
        yield DocumentResult.from_found(doc, found, entries, [Damage(*d) for d in damaged])


@contextlib.contextmanager
def workers_ignore_sigint() -> Iterator[None]:
    """Start workers that ignore Ctrl-C: the terminal sends it to every process of the group, and
    only the parent should handle it (leaving the pool ends the workers). SIGINT is blocked while
    the workers start (they inherit the block until their initializer ignores it), so no worker
    prints a traceback, and a Ctrl-C in that moment reaches the parent once it is unblocked."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


# The state of a worker process (never set in the parent): its matcher and options.
WORKER: dict[str, Any] = {}


def _init_worker(matcher: Matcher, nested: bool, read: ReadOptions | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # see workers_ignore_sigint
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers with SIGTERM: let it
    _die_with_parent()
    WORKER.update(worker_state(matcher, nested, read))


def worker_state(matcher: Matcher, nested: bool, read: ReadOptions | None) -> dict[str, Any]:
    return {"matcher": matcher, "nested": nested, "read": read or ReadOptions()}


def _match_piece(text: str, offset: int, date: str | None) -> Found:
    """Match one piece of a long document in a worker: its matches, at their offsets in the document."""
    return WORKER["matcher"].spans(text, nested=WORKER["nested"], date=date).shifted(offset)


def _die_with_parent() -> None:
    """On Linux, ask the kernel to end this worker when the parent dies (a parent killed during start-up
    otherwise leaves its workers waiting on a queue forever)."""
    if not hasattr(os, "uname") or os.uname().sysname != "Linux":
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the call
        os._exit(1)


def _match_chunk(docs: list[Document]) -> list[Spans]:
    """Match documents in a worker; return arrays instead of Match objects."""
    return [compact(match_document(d, WORKER["matcher"], WORKER["nested"])) for d in docs]


def compact(result: DocumentResult) -> Spans:
    """A result's matches as arrays and its damaged runs as tuples (what crosses a process boundary).

    >>> from termkit.corpus import Document
    >>> from termkit.lexicon import Entry, Lexicon
    >>> from termkit.compile import compile_lexicon
    >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
    >>> found, damage = compact(match_document(Document("a", "反对四风??。"), m))
    >>> (found.start.tolist(), found.end.tolist(), found.entry.tolist(), damage)
    ([2], [4], [0], [(4, 6, 1, 5)])
    """
    return result.found, [(d.start, d.end, d.line, d.column) for d in result.damage]
