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
        pending: deque[Any] = deque()
        for part in chunked(docs, partition_chars, max_docs=4096):
            [data] = client.scatter([part], hash=False)
            pending.append(client.submit(count_partition, shared, data, nested, pure=False))
            while len(pending) > limit:
                total.merge(pending.popleft().result())
        while pending:
            total.merge(pending.popleft().result())
        return total.result()
    finally:
        if own:
            client.close()


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
        return Client(scheduler, timeout="10s"), True
    except (OSError, TimeoutError, ValueError) as exc:
        raise TermkitError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); is dask-scheduler "
                           "running there?") from None

