"""Count terms on a Dask cluster: the same figures as :func:`termkit.stats.count`, on many machines.

Documents are read here (the client), grouped into partitions and sent to the workers; each
worker matches its partitions with a matcher it received once (broadcast when the run starts)
and returns a partial :class:`~termkit.stats.Tally`; partial tallies are merged here in partition
order, which gives exactly the result of one tally over the whole corpus. At most a few
partitions per worker thread are in flight, so the client's memory stays flat.

Needs the optional extra ``termkit[dask]`` (``dask[distributed]``) here and on every worker, and
the workers need termkit installed (the matcher itself travels with the run).

>>> from termkit.lexicon import Entry, Lexicon
>>> from termkit.compile import compile_lexicon
>>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
>>> from termkit.corpus import Document
>>> count_partition(m, [Document("a", "反对四风"), Document("b", "四風")]).result().matches
2
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Any

from .corpus import Document
from .errors import TermkitError
from .match import Matcher, match_document
from .parallel import chunked
from .stats import CorpusStats, Tally

PARTITION_CHARS = 4 << 20  # ~4M characters of text per task
CONNECT_TIMEOUT = 10  # seconds to connect to the scheduler and hear back from it


def count_on_dask(docs: Iterable[Document], matcher: Matcher, scheduler: Any, nested: bool = False,
                  partition_chars: int = PARTITION_CHARS) -> CorpusStats:
    """Tally ``docs`` on the Dask cluster at ``scheduler`` (an address such as ``tcp://host:8786``,
    or a ``distributed.Client``). Raises :class:`TermkitError` when dask is missing or the
    scheduler cannot be reached."""
    client, own = _client(scheduler)
    try:
        shared = client.scatter(matcher, broadcast=True, hash=False)
        limit = 2 * max(1, sum(client.nthreads().values()))
        total = Tally()
        # a partition travels inside its task (not scattered ahead): when a worker dies, the scheduler can
        # run the task again elsewhere, and so can _result() here, since the client still holds the data
        pending: deque[tuple[list[Document], Any]] = deque()
        for part in chunked(docs, partition_chars, max_docs=4096):
            pending.append((part, client.submit(count_partition, shared, part, nested, pure=False)))
            while len(pending) > limit:
                total.merge(_result(client, matcher, nested, *pending.popleft()))
        while pending:
            total.merge(_result(client, matcher, nested, *pending.popleft()))
        return total.result()
    finally:
        if own:
            client.close()


RETRIES = 2  # times a partition is sent again after its worker was lost


def _result(client: Any, matcher: Matcher, nested: bool, part: list[Document], future: Any) -> Tally:
    """The tally of one partition; a partition lost with its worker is sent again (the matcher too,
    in case every copy of it went), and after ``RETRIES`` attempts the run ends with one line."""
    for attempt in range(RETRIES + 1):
        try:
            return future.result()
        except Exception as exc:  # KilledWorker, CancelledError, CommClosedError …: the cluster's doing
            if attempt == RETRIES:
                raise TermkitError(f"the Dask cluster lost a partition of {len(part)} documents ({part[0].id} …) "
                                   f"{RETRIES + 1} times ({type(exc).__name__}: {str(exc)[:120]}); no result was "
                                   "written") from None
            try:
                shared = client.scatter(matcher, broadcast=True, hash=False)
                future = client.submit(count_partition, shared, part, nested, pure=False)
            except Exception as again:
                raise TermkitError(f"the Dask cluster failed ({type(again).__name__}: {str(again)[:120]}); "
                                   "no result was written") from None
    raise AssertionError("unreachable")


def count_partition(matcher: Matcher, docs: list[Document], nested: bool = False) -> Tally:
    """The partial tally of one partition of documents (runs on a worker)."""
    tally = Tally()
    for doc in docs:
        tally.add(match_document(doc, matcher, nested))
    return tally


def _client(scheduler: Any) -> tuple[Any, bool]:
    try:
        from distributed import Client
    except ImportError:
        raise TermkitError("--engine dask needs the dask extra: pip install 'termkit[dask]'") from None
    if isinstance(scheduler, Client):
        return scheduler, False
    if not scheduler:
        raise TermkitError("--engine dask needs --scheduler ADDRESS (e.g. tcp://host:8786)")
    try:
        _probe(scheduler)
        return Client(scheduler, timeout=f"{CONNECT_TIMEOUT}s"), True
    except Exception as exc:  # OSError, TimeoutError, ValueError, and distributed's own on a wrong peer
        timed_out = isinstance(exc, TimeoutError) or not str(exc)
        why = f"no answer within {CONNECT_TIMEOUT}s" if timed_out else str(exc).splitlines()[0][:160]
        raise TermkitError(f"cannot reach the Dask scheduler at {scheduler} ({why}); is dask-scheduler "
                           "running there (its port, usually 8786, not the dashboard's 8787)?") from None


def _probe(address: str) -> None:
    """Connect and shake hands with ``address`` the way the client does, within ``CONNECT_TIMEOUT``
    seconds in all: distributed waits for the handshake's answer without a limit, so a port that
    accepts and never answers (an HTTP server, the dashboard's 8787 given by mistake) would hold the
    client for ever. Raises TimeoutError or OSError."""
    import asyncio

    from distributed.comm import connect

    async def shake() -> None:
        comm = await asyncio.wait_for(connect(address, timeout=CONNECT_TIMEOUT), CONNECT_TIMEOUT)
        await comm.close()

    asyncio.run(shake())

