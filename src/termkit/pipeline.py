"""The pipeline: paths and reading options in, typed per-document results out.

Every command that reads documents goes through here, and so can a notebook::

    paths ──open_corpus──▶ Corpus (files listed once) ──.documents()──▶ Document …
                                                      ──.results(matcher, jobs)──▶ DocumentResult …

``Corpus.documents()`` is what ``discover`` and the Dask engine read; ``Corpus.results()`` matches
the documents (on ``jobs`` processes, see :mod:`termkit.parallel`) and is what ``tag``, ``count``,
``gloss``, ``trend`` and ``report`` aggregate. Everything a run has to say about its input (a file
skipped, an encoding guessed, damaged text) goes to one ``on_warning`` callback as one line of
text; the caller decides how to show it.

>>> import pathlib, tempfile
>>> from termkit.compile import compile_lexicon
>>> from termkit.lexicon import Entry, Lexicon
>>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("反对四风。四風??", encoding="utf-8")
>>> said = []
>>> [(len(r.matches), len(r.damage)) for r in run([str(folder)], m, on_warning=said.append)]
[(2, 1)]
>>> said[0].endswith("1 damaged run (? or U+FFFD), first at line 1, column 8")
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import Document, ReadOptions, Source, expand_paths, read_source
from .match import DocumentResult, Matcher
from .wording import plural

if TYPE_CHECKING:
    from .stats import CorpusStats

Warn = Callable[[str], None]


def _ignore(_: str) -> None:
    pass


def damage_warning(result: DocumentResult) -> str | None:
    """The one-line warning about a document's damaged runs, or ``None`` when it has none.

    >>> from termkit.normalize import find_damage
    >>> damage_warning(DocumentResult(Document("a.txt", "四风??"), [], find_damage("四风??")))
    'a.txt: 1 damaged run (? or U+FFFD), first at line 1, column 3'
    """
    if not result.damage:
        return None
    first = result.damage[0]
    return (f"{result.doc.id}: {plural(len(result.damage), 'damaged run')} (? or U+FFFD), "
            f"first at line {first.line}, column {first.column}")


@dataclass
class Corpus:
    """The documents named by some paths: the files are listed once, when the corpus is opened.

    ``documents()`` may be called more than once (``discover`` reads twice): stdin is read once and
    kept, and a warning is given on the first reading only.

    ``errors`` collects what makes the run fail although the other input is read: a path named
    that does not exist, a JSONL/CSV file without the text field. A caller reports them once the
    documents have been read (``termkit`` then exits 1).

    >>> c = open_corpus(["nosuch/"])
    >>> (c.files, c.errors)
    (0, ['nosuch/: no such file or folder'])
    """

    sources: list[Source]
    read: ReadOptions = field(default_factory=ReadOptions)
    on_warning: Warn = _ignore
    errors: list[str] = field(default_factory=list)
    on_error: Warn | None = None  # also told of each error as it is found
    _stdin: list[Document] | None = field(default=None, repr=False)
    _readings: int = field(default=0, repr=False)

    @property
    def files(self) -> int:
        """How many files (stdin counts as one) the corpus reads."""
        return len(self.sources)

    def documents(self) -> Iterator[Document]:
        """The documents, one at a time, in the order of the paths (folders sorted)."""
        self._readings += 1
        first = self._readings == 1
        warn = self.on_warning if first else _ignore
        fail = self._fail if first else _ignore
        for source in self.sources:
            if source is not None:
                yield from read_source(source, self.read, warn, fail)
            elif self._stdin is not None:
                yield from self._stdin
            else:
                self._stdin = list(read_source(None, self.read, warn, fail))
                yield from self._stdin

    def _fail(self, message: str) -> None:
        self.errors.append(message)
        if self.on_error is not None:
            self.on_error(message)

    def results(self, matcher: Matcher, nested: bool = False, jobs: int | None = 1,
                warn_damage: bool = False) -> Iterator[DocumentResult]:
        """The documents matched, in order, on ``jobs`` processes (``None``: all cores); with
        ``warn_damage`` each damaged document is also reported to ``on_warning``."""
        from .parallel import match_documents

        for result in match_documents(self.documents(), matcher, nested=nested, jobs=jobs):
            if warn_damage and (message := damage_warning(result)):
                self.on_warning(message)
            yield result


    def count(self, matcher: Matcher, nested: bool = False, jobs: int | None = 1,
              on_file: Callable[[], None] | None = None) -> CorpusStats:
        """The frequency table of the documents (what ``termkit count`` prints), counted on ``jobs``
        processes that read the files themselves and send back only counts (see
        :func:`termkit.counting.count_sources`); the same figures as ``count(self.results(...))``.
        ``on_file`` is told of each file done.

        >>> import pathlib, tempfile
        >>> from termkit.compile import compile_lexicon
        >>> from termkit.lexicon import Entry, Lexicon
        >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("反对四风。四風", encoding="utf-8")
        >>> stats = open_corpus([str(folder)]).count(m, jobs=2)
        >>> (stats.documents, stats.matches, stats.terms[0].entry.id)
        (1, 2, 'four-winds')
        """
        from .counting import count_sources

        self._readings += 1
        first = self._readings == 1
        warn = self.on_warning if first else _ignore
        fail = self._fail if first else _ignore
        sources: list[Path | list[Document]] = []
        for source in self.sources:
            if source is None and self._stdin is None:
                self._stdin = list(read_source(None, self.read, warn, fail))
            sources.append(source if source is not None else self._stdin or [])
        return count_sources(sources, matcher, self.read, nested, jobs, warn, fail, on_file).result()


def open_corpus(paths: Iterable[str], read: ReadOptions | None = None, on_warning: Warn = _ignore,
                on_error: Warn | None = None) -> Corpus:
    """The corpus of ``paths`` (files, folders read recursively, ``-`` for stdin); its input errors
    are kept in ``Corpus.errors`` and, when given, passed to ``on_error`` as they are found.

    >>> open_corpus(["-"]).files
    1
    """
    corpus = Corpus([], read or ReadOptions(), on_warning, on_error=on_error)
    corpus.sources = list(expand_paths(paths, on_warning, corpus._fail))
    return corpus


def run(paths: Iterable[str], matcher: Matcher, read: ReadOptions | None = None, nested: bool = False,
        jobs: int | None = 1, on_warning: Warn = _ignore, on_error: Warn | None = None) -> Iterator[DocumentResult]:
    """One call from paths to matched documents: read, match (on ``jobs`` processes), report damage.
    Input errors (a path that does not exist …) go to ``on_error``, by default to ``on_warning``.

    See the module's example.
    """
    corpus = open_corpus(paths, read, on_warning, on_error or on_warning)
    yield from corpus.results(matcher, nested, jobs, warn_damage=True)
