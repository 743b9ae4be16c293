"""The ``termkit`` command: a thin typer layer over the library. No logic of its own.

Machine formats go to stdout (UTF-8, nothing else mixed in); tables, progress, warnings and
errors go to the terminal / stderr. Library errors become ``error: …`` and exit code 1.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Collection, Iterator
from contextvars import ContextVar
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from .cli_base import App
from .wording import plural

if TYPE_CHECKING:
    from rich.console import Console

    from .compile import Compiled
    from .match import DocumentResult
    from .pipeline import Corpus
    from .stats import CorpusStats

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}
app = App(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
          context_settings=HELP_OPTIONS,
          help="Find, count and explain the formulaic language of Chinese political writing.")
lexicon_app = App(no_args_is_help=True, rich_markup_mode=None, context_settings=HELP_OPTIONS,
                  help="Check and curate the lexicon.")
app.add_typer(lexicon_app, name="lexicon")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"termkit {version('termkit')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            typer.echo("termkit (not installed)")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """Find, count and explain the formulaic language of Chinese political writing."""

F = TypeVar("F", bound=Callable[..., Any])

LexiconOpt = typer.Option(None, "--lexicon", "-l", help="Lexicon file or folder [default: the bundled one and your "
                                                         "own folder, see 'termkit lexicon files'].")
def _at_least(n: int) -> Callable[[Optional[int]], Optional[int]]:
    """A number option's check, with a message in words (not the validator's own)."""

    def check(value: Optional[int]) -> Optional[int]:
        if value is not None and value < n:
            raise typer.BadParameter(f"{value} is too small: give {n} or more")
        return value

    return check


PathsArg = typer.Argument(..., help="Files, folders (read recursively) or - for stdin.")
JobsOpt = typer.Option(None, "--jobs", "-j", callback=_at_least(1), metavar="N", show_default=False,
                       help="Processes matching documents [default: all cores; at most 4 per core]; output is the "
                       "same for any N.")


class TagFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


class CountFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class CountBy(str, Enum):
    term = "term"
    doc = "doc"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class ShowFormat(str, Enum):
    text = "text"
    json = "json"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


# The reading options of every command that reads documents, in the order --help lists them.
InputFormatOpt = Annotated[InputFormat, typer.Option(
    "--input-format", help="auto (by extension: .jsonl, .csv, .tsv; else text), text, jsonl, csv or tsv.")]
TextFieldOpt = Annotated[str, typer.Option("--text-field", help="JSONL/CSV: the field holding the text.")]
IdFieldOpt = Annotated[Optional[str], typer.Option("--id-field", help="JSONL/CSV: the document id [file:line].")]
DateFieldOpt = Annotated[Optional[str], typer.Option(
    "--date-field", help="JSONL/CSV: the date [else a date in the file name].")]
GroupFieldOpt = Annotated[Optional[str], typer.Option(
    "--group-field", help="JSONL/CSV: a group such as region or outlet.")]


def _corpus(paths: list[str], input_format: InputFormat, text_field: str, id_field: Optional[str],
            date_field: Optional[str], group_field: Optional[str]) -> Corpus:
    """The documents a command reads, with its reading options; warnings go to stderr. When no path named
    exists, the command ends here (exit 1) rather than print an empty result after its work."""
    from .corpus import ReadOptions
    from .pipeline import open_corpus

    read = ReadOptions(InputFormat(input_format).value, text_field, id_field, date_field, group_field)
    if "-" in paths and sys.stdin.isatty():  # otherwise the command seems to hang
        _note("reading standard input: type or paste the text, then Ctrl-D (Ctrl-Z, Enter on Windows)")
    corpus = open_corpus(paths, read, _warn)
    if corpus.errors and not corpus.sources:  # nothing named exists: fail before any work, print nothing else
        for message in corpus.errors:
            _error(message)
        raise typer.Exit(1)
    opened = _opened.get()
    if opened is not None:
        opened.append(corpus)
    return corpus


def _stdout() -> Console:
    from .console import make_console

    return make_console()


def _stderr() -> Console:
    from .console import make_console

    return make_console(stderr=True)


def _terminal_stderr() -> Console | None:
    """The stderr console when it is a terminal (for a progress bar), else None — without importing rich (a
    tenth of ``count``'s start-up before its first file) when stderr is plainly no terminal."""
    if _plain_stderr():
        return None
    err = _stderr()
    return err if err.is_terminal else None


def _plain_stderr() -> bool:
    """stderr is plainly no terminal: not a tty, and no variable tells rich it is one."""
    import os

    return not sys.stderr.isatty() and not os.environ.get("FORCE_COLOR") and os.environ.get("TTY_COMPATIBLE") != "1"


def _escape(text: str) -> str:
    """A message printed as is: brackets in it ([dask], file names) are not rich markup."""
    from rich.markup import escape

    return escape(text)


# The corpora a command opened, so that their input errors (a path that does not exist, a CSV
# without the text field) end the command with exit code 1 once everything else was read.
_opened: ContextVar[list[Corpus] | None] = ContextVar("termkit_opened", default=None)


def handles_errors(func: F) -> F:
    """Turn library errors into one line on stderr and exit code 1 (never a traceback); input
    errors of the corpora read are reported after the output, also with exit code 1; Ctrl-C
    exits 130 without a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import TermkitError

        token = _opened.set([])
        try:
            result = func(*args, **kwargs)
            if errors := [e for corpus in _opened.get() or [] for e in corpus.errors]:
                for message in errors:
                    _error(message)
                raise typer.Exit(1)
            return result
        except TermkitError as exc:
            _error(str(exc))
            raise typer.Exit(1) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            _stderr().print("interrupted", style="dim", soft_wrap=True)
            raise typer.Exit(130) from None
        finally:
            _opened.reset(token)

    return wrapper  # type: ignore[return-value]


def _error(message: str) -> None:
    _stderr().print(f"[red]error:[/] {_escape(message)}", soft_wrap=True, markup=True)


def _warn(message: str) -> None:
    """Every warning of every command: one line on stderr, printed as is."""
    _stderr().print(f"[yellow]warning:[/] {_escape(message)}", soft_wrap=True, markup=True, highlight=False)


def _lexicon_paths(lexicon: Optional[Path]) -> Any:
    """``--lexicon`` if given, else the bundled lexicon and the user's own folder."""
    from .lexicon import default_lexicon

    return lexicon or default_lexicon()


def _compiled(lexicon: Optional[Path]) -> Compiled:
    from .compile import load_compiled

    return load_compiled(_lexicon_paths(lexicon), on_warning=_warn)


def _progress(results: Iterator[DocumentResult], files: int) -> Iterator[DocumentResult]:
    """``results`` as they come, with a progress bar on a terminal's stderr when there are many files."""
    if files < 20 or (err := _terminal_stderr()) is None:  # a few files: no console (nor rich) needed
        yield from results
        return
    from rich.progress import Progress

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("reading", total=files)
        for r in results:
            progress.advance(task)
            yield r


def _doc_progress(docs: Iterator[Any], label: str, files: int) -> Iterator[Any]:
    """Documents as they come, with a spinner, a count and the characters read on a terminal's stderr
    when the input has many files (discover reads everything twice)."""
    if files < 20 or (err := _terminal_stderr()) is None:
        yield from docs
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} documents"),
               TextColumn("{task.fields[chars]:,} characters"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(label, total=None, chars=0)
        chars = 0
        for doc in docs:
            chars += len(doc.text)
            progress.update(task, advance=1, chars=chars)
            yield doc


def _note(msg: str) -> None:
    """An informational line on stderr (never mixed into a machine format on stdout); on a terminal it is
    wrapped between words, elsewhere (a log, a pipe) kept on one line, written without rich (whose import
    would be a tenth of a small ``count``'s time)."""
    if _plain_stderr():
        sys.stderr.write(f"note: {msg}\n")
        return
    err = _stderr()
    err.print(f"note: {_escape(msg)}", soft_wrap=not err.is_terminal, highlight=False)


def _results(corpus: Corpus, compiled: Compiled, nested: bool = False, jobs: Optional[int] = 1,
             warn_damage: bool = False) -> Iterator[DocumentResult]:
    return _progress(corpus.results(compiled.matcher, nested, jobs, warn_damage), corpus.files)


def _counted(corpus: Corpus, compiled: Compiled, nested: bool, jobs: Optional[int]) -> CorpusStats:
    """``corpus.count``, with a progress bar on a terminal's stderr when there are many files."""
    if corpus.files < 20 or (err := _terminal_stderr()) is None:
        return corpus.count(compiled.matcher, nested, jobs)
    from rich.progress import Progress

    # no refresh thread: the pool's workers are forked, which is only safe while no other thread runs
    with Progress(console=err, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("reading", total=corpus.files)

        def advance() -> None:
            progress.advance(task)
            progress.refresh()

        return corpus.count(compiled.matcher, nested, jobs, on_file=advance)


TERMINAL_TOP = 20  # rows of a table shown on a terminal when --top is not given


def _top(top: Optional[int], terminal: bool) -> Optional[int]:
    """How many rows a table shows: ``--top`` (0: all), else a screenful on a terminal, else all."""
    if top is None:
        return TERMINAL_TOP if terminal else None
    return top or None


def _write_bytes(text: str, output: Optional[Path]) -> None:
    """``text`` as UTF-8 to stdout (``None`` or ``-``) or atomically to ``output``."""
    from .atomic import write_atomic

    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        write_atomic(output, text)


def _refuse_input(output: Optional[Path], corpus: Corpus) -> None:
    """An output file that is one of the documents read would be destroyed by the write: refuse it."""
    from .atomic import refuse_input

    refuse_input(output, corpus.sources)


def _write_records(records: list[dict[str, Any]], format: CountFormat, fields: list[str]) -> None:
    """Rows to stdout as JSON (an indented array) or CSV with a header."""
    if format == CountFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        return
    from .export._csv import write_records

    sys.stdout.write(write_records(records, fields))


def _one_of(value: str, choices: Collection[str], hint: str) -> None:
    """A usage error (exit 2) naming the option when ``value`` is not one of ``choices``."""
    if value not in choices:
        raise typer.BadParameter(f"use one of {', '.join(choices)}", param_hint=hint)


def _chosen(compiled: Compiled, terms: Optional[str]) -> Optional[list[Any]]:
    """The entries a comma-separated ``--terms`` names (ids or terms), or ``None`` when it is not given."""
    if not terms:
        return None
    return [_entry(compiled, name.strip(), "--terms") for name in terms.split(",") if name.strip()]


def _entry(compiled: Compiled, name: str, hint: Optional[str] = None) -> Any:
    """The entry with id or surface form ``name``; an error naming the option ``hint`` if none."""
    entry = compiled.entry(name)
    if entry is not None:
        return entry
    from .search import nearest

    close = nearest(compiled.lexicon, name)
    maybe = f"; did you mean {' or '.join(f'{e.term} ({e.id})' for e in close)}?" if close else \
        "; 'termkit search WORDS' finds entries by English, pinyin or Chinese"
    if hint:
        raise typer.BadParameter(f"{name!r} is not in the lexicon{maybe}", param_hint=hint)
    from .errors import TermkitError

    raise TermkitError(f"{name!r} is not in the lexicon{maybe}")


@app.command()
@handles_errors
def tag(
    paths: list[str] = PathsArg,
    lexicon: Optional[Path] = LexiconOpt,
    format: TagFormat = typer.Option(TagFormat.text, "--format", "-f", help="text (terminal) or jsonl."),
    nested: bool = typer.Option(False, "--nested", help="Also show matches nested inside longer ones."),
    full: bool = typer.Option(False, "--full", help="Show every line, not only lines with terms."),
    explain: bool = typer.Option(False, "--explain", help="Say which surface form and which foldings matched, "
                                 "and which matches a context rule dropped (jsonl: records with a 'dropped' field)."),
    jobs: Optional[int] = JobsOpt,
    input_format: InputFormatOpt = InputFormat.auto,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = None,
    date_field: DateFieldOpt = None,
    group_field: GroupFieldOpt = None,
) -> None:
    """Show each term in place with its gloss."""
    from .match import doc_date
    from .match import explain as explain_match

    compiled = _compiled(lexicon)
    corpus = _corpus(paths, input_format, text_field, id_field, date_field, group_field)
    if format == TagFormat.text:  # jsonl needs no console (nor rich)
        from .render import render_dropped, render_explained, render_tagged

        out = _stdout()
    for r in _results(corpus, compiled, nested, jobs, warn_damage=True):
        dropped = compiled.matcher.find_dropped(r.doc.text, nested, doc_date(r.doc)) if explain else []
        if format == TagFormat.jsonl:
            for m in r.matches:
                record = m.to_dict(r.doc.id)
                if explain:
                    record["explain"] = explain_match(m, compiled.matcher)
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            for d in dropped:
                record = {**d.match.to_dict(r.doc.id), "dropped": d.to_dict()}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            render_tagged(out, r, full=full)
            if explain:
                render_explained(out, [(m, explain_match(m, compiled.matcher)) for m in r.matches])
                render_dropped(out, dropped)


@app.command()
@handles_errors
def count(
    paths: list[str] = PathsArg,
    lexicon: Optional[Path] = LexiconOpt,
    format: CountFormat = typer.Option(CountFormat.table, "--format", "-f", help="table, csv or json."),
    top: Optional[int] = typer.Option(None, "--top", "-n", callback=_at_least(0), metavar="N", show_default=False,
                                      help=f"Only the N first rows [table on a terminal: {TERMINAL_TOP}; 0: all]."),
    sort: str = typer.Option("count", "--sort", metavar="KEY",
                             help="count, docs, per_10k, term, id, category or first."),
    nested: bool = typer.Option(False, "--nested", help="Count matches nested inside longer ones too (without "
                                "it, a note on stderr says how many are not counted)."),
    by: CountBy = typer.Option(CountBy.term, "--by", help="term: one row per entry; doc: one row per document "
                               "and entry (doc, date, group, id, term, count, per_10k; documents without a match "
                               "too), for pandas or R."),
    jobs: Optional[int] = JobsOpt,
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (this machine) or dask (a cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="--engine dask: tcp://host:8786."),
    input_format: InputFormatOpt = InputFormat.auto,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = None,
    date_field: DateFieldOpt = None,
    group_field: GroupFieldOpt = None,
) -> None:
    """Frequency table of the terms over all documents."""
    from .stats import COUNT_SORTS, TermCount

    _one_of(sort, COUNT_SORTS, "--sort")
    if by == CountBy.doc and engine == Engine.dask:
        raise typer.BadParameter("--by doc runs on this machine (--engine local)", param_hint="--engine")
    compiled = _compiled(lexicon)
    corpus = _corpus(paths, input_format, text_field, id_field, date_field, group_field)
    if by == CountBy.doc:
        from .stats import HiddenWatch

        watch = HiddenWatch(_results(corpus, compiled, nested, jobs))
        _count_by_doc(iter(watch), format, top)
        if note := watch.note():  # None when --top stopped the reading early
            _note(note)
        return
    if engine == Engine.dask:
        from .engine_dask import count_on_dask

        stats = count_on_dask(corpus.documents(), compiled.matcher, scheduler, nested)
    else:
        stats = _counted(corpus, compiled, nested, jobs)
    rows = stats.sorted(sort)
    if format == CountFormat.table:
        from .render import render_counts

        out = _stdout()
        shown = _top(top, out.is_terminal)
        render_counts(out, stats, rows[:shown], hidden=len(rows[:top or None]) - len(rows[:shown]))
    else:
        _write_records([t.to_dict() for t in rows[:top or None]], format, list(TermCount.FIELDS))
        if warning := stats.damage_note():
            _warn(warning)
    if note := stats.hidden_note():
        _note(note)


def _count_by_doc(results: Iterator[DocumentResult], format: CountFormat, top: Optional[int]) -> None:
    """``count --by doc``: the rows as they come (CSV streams), or a table of the first ones."""
    import itertools

    from .per_doc import DocumentCount, per_document

    rows = itertools.islice(per_document(results), top or None)
    if format == CountFormat.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(DocumentCount.FIELDS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(r.to_dict() for r in rows)
    elif format == CountFormat.json:
        _write_records([r.to_dict() for r in rows], format, list(DocumentCount.FIELDS))
    else:
        from .render import render_per_document

        out = _stdout()
        shown = _top(top, out.is_terminal)
        listed = list(rows)
        render_per_document(out, listed[:shown], hidden=len(listed) - len(listed[:shown]))


class KwicFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


@app.command(short_help="Concordance: each occurrence of terms in its context.")
@handles_errors
def kwic(
    terms_and_paths: list[str] = typer.Argument(..., metavar="TERM... PATH...", help="Lexicon terms (any surface "
                                                "form, or ids), then files, folders or - for stdin."),
    lexicon: Optional[Path] = LexiconOpt,
    format: KwicFormat = typer.Option(KwicFormat.table, "--format", "-f", help="table (aligned), csv or jsonl."),
    width: int = typer.Option(20, "--width", "-w", callback=_at_least(1), metavar="N",
                              help="Characters of context on each side."),
    sort: str = typer.Option("doc", "--sort", metavar="KEY",
                             help="doc (document, then position), left (context read from the "
                             "match outwards), right, or term."),
    jobs: Optional[int] = JobsOpt,
    input_format: InputFormatOpt = InputFormat.auto,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = None,
    date_field: DateFieldOpt = None,
    group_field: GroupFieldOpt = None,
) -> None:
    """Concordance: every occurrence of the terms in its context, in any script or form."""
    import os

    from .concordance import KWIC_SORTS, KwicLine, concordance, split_terms

    _one_of(sort, KWIC_SORTS, "--sort")
    compiled = _compiled(lexicon)
    names, paths = split_terms(terms_and_paths, lambda a: compiled.entry(a) is not None, os.path.exists)
    entries = [_entry(compiled, name, "TERM") for name in names]
    if not entries or not paths:
        raise typer.BadParameter("give one or more terms, then files or folders (or - for stdin)",
                                 param_hint="TERM... PATH...")
    corpus = _corpus(paths, input_format, text_field, id_field, date_field, group_field)
    lines = concordance(_results(corpus, compiled, nested=True, jobs=jobs), {e.id for e in entries}, width, sort)
    if format == KwicFormat.jsonl:
        sys.stdout.writelines(json.dumps(k.to_dict(), ensure_ascii=False) + "\n" for k in lines)
    elif format == KwicFormat.csv:
        _write_records([k.to_dict() for k in lines], CountFormat.csv, list(KwicLine.FIELDS))
    else:
        from .kwic_view import render_kwic
        from .render import style_for

        render_kwic(_stdout(), lines, {e.id: style_for(e) for e in entries})


class DiscoverFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    yaml = "yaml"


@app.command(short_help="Candidate terms the lexicon lacks.")
@handles_errors
def discover(
    paths: list[str] = PathsArg,
    lexicon: Optional[Path] = LexiconOpt,
    format: DiscoverFormat = typer.Option(DiscoverFormat.table, "--format", "-f", help="table, jsonl or yaml (stubs)."),
    top: int = typer.Option(100, "--top", "-n", callback=_at_least(1), metavar="N", help="Only the N best candidates."),
    min_count: Optional[int] = typer.Option(None, "--min-count", callback=_at_least(1), metavar="N",
                                            help="Only candidates seen at least this "
                                            "often [default: 3 on a large input, 2 on a small one, 1 for quoted, "
                                            "numbered or parallel forms in a short text]."),
    kind: Optional[list[str]] = typer.Option(None, "--kind", "-k", metavar="KIND",
                                             help="numbered, quoted, parallel or mwe (repeat)."),
    add: Optional[Path] = typer.Option(None, "--add", help="Append the candidates shown to this lexicon FILE."),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="Dated corpus: only candidates new from "
                                        "DATE's month on (absent or nearly absent before), ranked by how likely a "
                                        "term, how often and in how many months used since [no score floor]."),
    min_score: Optional[float] = typer.Option(None, "--min-score", metavar="X", help="Only candidates scoring X or "
                                              "more [default: 4 when the ranking is learnt from the input, 0.85 "
                                              "otherwise; 0 shows all]."),
    show_rejected: bool = typer.Option(False, "--show-rejected", help="Show candidates a curator rejected too "
                                       "(marked in reasons), instead of leaving them out."),
    reference: Optional[list[str]] = typer.Option(None, "--reference", "-r", metavar="PATH", help="A corpus (file "
                                                  "or folder; repeat) that confirms candidates: only those used there "
                                                  "3+ times in 2+ months (documents, if undated), or numbered and "
                                                  "quoted in the input, are shown, with that use; a small input's "
                                                  "runs of items (A、B、C) seen once are put to it too."),
    strict: Optional[bool] = typer.Option(None, "--strict/--no-strict", help="With --reference on a small input: "
                                          "leave out the rows a model of blind readers' verdicts doubts (the "
                                          "default; see reference below), or show them."),
    input_format: InputFormatOpt = InputFormat.auto,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = None,
    date_field: DateFieldOpt = None,
    group_field: GroupFieldOpt = None,
) -> None:
    """Rank candidate terms found in the documents and absent from the lexicon.

    kind: how the candidate was found: numbered (a numeral and a head: 两个确立, 4+1), quoted (a short span
    in quotation marks), parallel (a run of items of one shape: 学思想、强党性、重实践) or mwe (a statistical
    multi-word expression).

    score: when the input holds at least 150 of the lexicon's terms and 100,000 Chinese characters, a ranking
    is learnt from them and the score is its probability that the candidate is a term, times 10, times
    (1 + log10 count); otherwise (an empty lexicon, a short text) it is the first-pass score (count,
    cohesion, free edges, shape) times (0.5 + the probability given by a model shipped with termkit)
    cubed (x0.125 to x3.4; the model learnt from the lexicon and from curators' verdicts on candidates).
    Then a string mostly quoted or led by a numeral counts x 1.6, a statistical one x 0.6 x its
    probability squared (x 1.6 x its probability squared when the ranking was learnt from the input and
    it ends in a formula's head: 新发展格局, 海洋强国; not 改革, 体制, 制度, 机制, 体系, which end policy
    areas as often), and ordinary Chinese (common words of jieba's dictionary side by side: 世界和平; a
    run of three or more items sharing no character) x 0.25 (left out on a small input or when the
    shipped model ranks, unless quoted every time or marked as a formula by the dictionary: 四化建设,
    不正之风, 对外开放政策), unless a ranking learnt from the input gives it a probability of 0.85 or
    more. Titles, names, bilateral phrases, fragments, counts, meetings and occasions are left out.
    Compare scores within one run only. Candidates scoring below --min-score are not shown, so a list
    may be shorter than --top (stderr says so): below it, statistical strings fill the list. With the
    default floor a small input shows at most 30 candidates, or one per 700 Chinese characters when
    that is more (29,000 characters: 42).
    jsonl's reasons field names the features that raised it (or: ordinary words, ordinary list).
    A candidate that belongs to a known entry (a longer form, a variant, its expansion) says so (relation,
    entry, edit); --format yaml proposes that edit. A run whose items are each known terms (制造强国、质量强国、
    航天强国) is relation items, names them (entries) and proposes nothing; one new item keeps a run new
    (new_items names it when the run's other items are known). With --since, a new string holding a
    known term and a name of its own beside it (进一步全面深化改革) is relation newer: a term of its own,
    shown with the entry it extends; --format yaml and --add stub it as a new entry.

    rejected: candidates curators have rejected (the list shipped with termkit, and yours: `termkit lexicon
    reject`) are left out (stderr says how many) and teach the learnt ranking what is not a term.

    reference: with --reference CORPUS a candidate is shown only when it recurs there, as a formula does: 3+ uses
    in 2+ months (2+ documents when CORPUS is undated), not nearly always glued to one character (a piece of a
    longer string), and, a run, with items that go together there (half the uses of its first items followed by
    its last, and of its last items preceded by its first); a count of two or more the input quotes (两重) is shown
    either way, other quoted strings (一抹绿, 15分钟休闲圈 too) only when they recur (without
    --reference all are shown: most were names of apps, venues and events). Its row
    says its use (ref, uses/months; jsonl: reference). On a small input (one story, one report) its score is
    multiplied by 1 + log10 of its months there, runs of items written once (极不寻常、极不平凡) are looked up
    too, cut every way they may be, and the score floor is 0.3. Each row carries its chance of being judged good,
    by a model of blind readers' verdicts on such lists (jsonl: reader); a row given less than a 0.35 chance is
    left out (stderr says how many; --no-strict shows them). On three sets of 200 fresh stories judged blind that
    left out 103 bad rows and 12 good, and 2 of 21 formulas curators had added. This is the way to read one story
    against the news: termkit discover STORY.txt -r news/.
    """
    from .discover import KINDS, DiscoverOptions
    from .discover import discover as find_candidates
    from .discover.rejected import load_rejected

    if bad := [k for k in kind or () if k not in KINDS]:
        raise typer.BadParameter(f"{bad[0]!r}: use one of {', '.join(KINDS)}", param_hint="--kind")
    if since is not None:
        from .discover.since import month_of

        month_of(since)  # a bad date fails now, not after the whole run
    corpus = _corpus(paths, input_format, text_field, id_field, date_field, group_field)
    compiled = _compiled(lexicon)

    def fold(s: str) -> str:
        return compiled.matcher.fold(s).text

    rejected = load_rejected(fold)
    against = None
    if reference:
        from .discover.reference import Reference

        against = Reference.read(_corpus(reference, InputFormat.auto, "text", None, None, None).documents(), fold)
    passes = iter(("pass 1/2: counting", "pass 2/2: recounting"))
    found = find_candidates(lambda: _doc_progress(corpus.documents(), next(passes, "reading"), corpus.files),
                            compiled.matcher, DiscoverOptions(min_count, top, tuple(kind or KINDS), since=since,
                                                              min_score=min_score, show_rejected=show_rejected,
                                                              strict=strict),
                            on_note=_note, rejected=rejected, reference=against)
    if format == DiscoverFormat.jsonl:
        sys.stdout.writelines(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in found)
    elif format == DiscoverFormat.yaml:
        from .discover.stubs import to_yaml

        sys.stdout.write(to_yaml(found, set(compiled.lexicon.by_id)))
    else:
        from .discover.table import render_candidates

        render_candidates(_stdout(), found)
    if add is not None:
        from .discover.stubs import new_terms, stubs
        from .lexicon_edit import append_entries

        new = new_terms(found)
        append_entries(add, stubs(new, set(compiled.lexicon.by_id)))
        _stderr().print(f"appended {plural(len(new), 'stub')} to {_escape(str(add))} (gloss_status: proposed; "
                        "write the glosses)", soft_wrap=True, highlight=False)


@app.command()
@handles_errors
def show(
    term: str = typer.Argument(..., help="An id, any surface form (simplified, traditional, variant), or an "
                               "English rendering (the gloss or another rendering the entry lists)."),
    lexicon: Optional[Path] = LexiconOpt,
    format: ShowFormat = typer.Option(ShowFormat.text, "--format", "-f", help="text or json."),
) -> None:
    """Show one lexicon entry in full, with its related entries."""
    compiled = _compiled(lexicon)
    entry = compiled.entry(term)
    if entry is None:
        from .search import rendering_of

        found = rendering_of(compiled.lexicon, term)
        if found is None:
            entry = _entry(compiled, term)
        else:
            entry, rendering, status = found
            _note(f"“{rendering}” is a {status} rendering of {entry.term} ({entry.id}); its gloss is “{entry.gloss}”")
    if format == ShowFormat.json:
        sys.stdout.write(json.dumps(entry.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from .render import render_entry

        render_entry(_stdout(), entry, compiled.lexicon)


@app.command(short_help="Glossary of the terms found, for translators.")
@handles_errors
def gloss(
    paths: Optional[list[str]] = typer.Argument(None, help="Files, folders (read recursively) or - for stdin."),
    lexicon: Optional[Path] = LexiconOpt,
    format: Optional[str] = typer.Option(
        None, "--format", "-f", metavar="FORMAT",
        help="md, csv, tsv, deepl, omegat, tbx (TBX 2008, as CAT tools read it; tbx2 is the "
        "same), tbx3 (ISO 30042:2019) or json. Default: from the -o file's extension (.tbx .csv .tsv .md .json "
        ".utf8), else md."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write FILE (atomically), not stdout."),
    all_entries: bool = typer.Option(False, "--all", help="The whole lexicon, with counts from any PATHs."),
    sort: str = typer.Option("first", "--sort", metavar="KEY", help="first (appearance), count, or term (by pinyin)."),
    excel: bool = typer.Option(False, "--excel", help="csv: start with a BOM so that Excel reads UTF-8."),
    direction: str = typer.Option("zh-en", "--direction", metavar="DIRECTION",
                                  help="deepl, omegat: zh-en (Chinese sources) or en-zh "
                                  "(English sources, for English→Chinese work); other formats hold both languages."),
    jobs: Optional[int] = JobsOpt,
    input_format: InputFormatOpt = InputFormat.auto,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = None,
    date_field: DateFieldOpt = None,
    group_field: GroupFieldOpt = None,
) -> None:
    """Glossary of the terms found, for translators and their tools (--all: the whole lexicon)."""
    from .export import DIRECTIONAL, DIRECTIONS, FORMATS, ExportOptions, export, resolve_format
    from .gloss import GLOSS_SORTS, build_glossary

    if format is not None:
        _one_of(format, FORMATS, "--format")
    format = resolve_format(format, None if output is None else str(output))
    _one_of(direction, DIRECTIONS, "--direction")
    if direction != "zh-en" and format not in DIRECTIONAL:
        raise typer.BadParameter(f"only {' and '.join(DIRECTIONAL)} glossaries have a direction; {format} holds "
                                 "both languages", param_hint="--direction")
    _one_of(sort, GLOSS_SORTS, "--sort")
    if not paths and not all_entries:
        raise typer.BadParameter("give files or folders, or --all for the whole lexicon", param_hint="PATHS")
    compiled = _compiled(lexicon)
    corpus = _corpus(paths or [], input_format, text_field, id_field, date_field, group_field)
    _refuse_input(output, corpus)
    results = _results(corpus, compiled, jobs=jobs, warn_damage=True)
    glossary = build_glossary(results, compiled.lexicon if all_entries else None, sort)
    rendered = export(glossary, format, ExportOptions(excel=excel, direction=direction))
    for problem in rendered.problems:
        _warn(f"{format}: {problem}")
    _write_bytes(rendered.data, output)


class TrendBy(str, Enum):
    year = "year"
    month = "month"
    group = "group"


@app.command("trend", short_help="Terms per year, month or group.")
@handles_errors
def trend_cli(
    paths: list[str] = PathsArg,
    lexicon: Optional[Path] = LexiconOpt,
    by: TrendBy = typer.Option(TrendBy.year, "--by", help="year, month (dates) or group (--group-field)."),
    terms: Optional[str] = typer.Option(None, "--terms", "-t", help="Comma-separated ids or terms [top N]."),
    top: int = typer.Option(5, "--top", "-n", callback=_at_least(1), metavar="N",
                            help="Without --terms: the N most frequent terms."),
    format: CountFormat = typer.Option(CountFormat.table, "--format", "-f", help="table, csv or json."),
    jobs: Optional[int] = JobsOpt,
    input_format: InputFormatOpt = InputFormat.auto,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = None,
    date_field: DateFieldOpt = None,
    group_field: GroupFieldOpt = None,
) -> None:
    """Counts and rates per 10k characters of terms per year, month or group."""
    from .trend import trend

    compiled = _compiled(lexicon)
    chosen = _chosen(compiled, terms)
    corpus = _corpus(paths, input_format, text_field, id_field, date_field, group_field)
    result = trend(_results(corpus, compiled, jobs=jobs), by.value, chosen, top)
    if format == CountFormat.table:
        from .trend_view import render_trend

        render_trend(_stdout(), result)
        return
    records = result.records()
    _write_records(records, format, list(records[0]) if records else ["period"])
    if note := result.missing_note():
        _warn(note)


@app.command("report", short_help="One self-contained HTML report.")
@handles_errors
def report_cli(
    paths: list[str] = PathsArg,
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (atomically); - for stdout."),
    lexicon: Optional[Path] = LexiconOpt,
    by: TrendBy = typer.Option(TrendBy.year, "--by", help="Trends by year, month or group."),
    top: int = typer.Option(20, "--top", "-n", callback=_at_least(1), metavar="N", help="Terms in the bar chart."),
    docs: int = typer.Option(50, "--docs", callback=_at_least(0), metavar="N",
                             help="Documents shown with their terms highlighted, each up to 20,000 characters "
                             "(the figures cover all)."),
    terms: Optional[str] = typer.Option(None, "--terms", "-t", help="Comma-separated ids or terms for the trend "
                                        "chart [the 5 most frequent]."),
    title: str = typer.Option("termkit report", "--title", help="The page title."),
    jobs: Optional[int] = JobsOpt,
    input_format: InputFormatOpt = InputFormat.auto,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = None,
    date_field: DateFieldOpt = None,
    group_field: GroupFieldOpt = None,
) -> None:
    """One self-contained HTML page: summary, tables, charts, trends, highlighted documents."""
    from .report import ReportOptions, build_report

    compiled = _compiled(lexicon)
    corpus = _corpus(paths, input_format, text_field, id_field, date_field, group_field)
    _refuse_input(output, corpus)
    chosen = tuple(_chosen(compiled, terms) or ())
    options = ReportOptions(title=title, top=top, by=by.value, documents=docs, trend_entries=chosen,
                            note=f"{', '.join(paths)} · lexicon: {lexicon or 'bundled'}")
    page = build_report(_results(corpus, compiled, jobs=jobs), options)
    _write_bytes(page, output)
    if str(output) != "-":
        _stderr().print(f"wrote {_escape(str(output))} ({len(page.encode('utf-8')):,} bytes)", soft_wrap=True,
                        highlight=False)


@lexicon_app.command("check")
@handles_errors
def lexicon_check(
    lexicon: Optional[Path] = LexiconOpt,
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero on warnings too."),
) -> None:
    """Validate the lexicon: schema, ids, surfaces and the lint rules. Errors exit 1."""
    from .lint import check_lexicon
    from .render import render_problems

    lex, problems = check_lexicon(_lexicon_paths(lexicon))
    render_problems(_stdout(), problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    _stdout().print(f"{plural(len(lex), 'entry', 'entries')} in {plural(len(lex.files), 'file')}: "
                    f"{plural(errors, 'error')}, {plural(warnings, 'warning')}")
    if errors or (strict and warnings):
        raise typer.Exit(1)


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


@lexicon_app.command("stats")
@handles_errors
def lexicon_stats_cli(
    lexicon: Optional[Path] = LexiconOpt,
    format: StatsFormat = typer.Option(StatsFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """Entries by category, gloss status, era, decade and level; fields missing how often."""
    from .lexicon import load_lexicon
    from .lexicon_stats import lexicon_stats
    from .render import render_lexicon_stats

    stats = lexicon_stats(load_lexicon(_lexicon_paths(lexicon)))
    if format == StatsFormat.json:
        sys.stdout.write(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        render_lexicon_stats(_stdout(), stats)


@lexicon_app.command("dates")
@handles_errors
def lexicon_dates(
    paths: list[str] = PathsArg,
    lexicon: Optional[Path] = LexiconOpt,
    terms: Optional[str] = typer.Option(None, "--terms", "-t", help="Comma-separated ids or terms [all found]."),
    format: CountFormat = typer.Option(CountFormat.table, "--format", "-f",
                                       help="table, csv (one column per year) or json."),
    jobs: Optional[int] = JobsOpt,
    input_format: InputFormatOpt = InputFormat.auto,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = None,
    date_field: DateFieldOpt = None,
    group_field: GroupFieldOpt = None,
) -> None:
    """Per entry, the earliest dated occurrence in a dated corpus and the counts per year (to fill first_seen)."""
    from .dates import entry_dates, years_of

    compiled = _compiled(lexicon)
    chosen = _chosen(compiled, terms)
    corpus = _corpus(paths, input_format, text_field, id_field, date_field, group_field)
    rows = entry_dates(_results(corpus, compiled, jobs=jobs, warn_damage=True), chosen)
    if format == CountFormat.table:
        from .render import render_dates

        render_dates(_stdout(), rows)
    elif format == CountFormat.json:
        _write_records([r.to_dict() for r in rows], format, [])
    else:
        years = years_of(rows)
        fields = list(rows[0].to_dict(years)) if rows else ["id", "term", "first_seen", "earliest", "earliest_doc",
                                                             "count", "undated", "earlier_than_lexicon"]
        _write_records([r.to_dict(years) for r in rows], format, fields)
    if rows and not any(r.by_year for r in rows):
        _warn("no document has a date: give --date-field, or dates in the file names (report_2021-11.txt)")


@lexicon_app.command("add")
@handles_errors
def lexicon_add(
    term: str = typer.Argument(..., help="The term, in simplified script."),
    gloss: str = typer.Option(..., "--gloss", "-g", help="The English rendering."),
    category: Optional[str] = typer.Option(None, "--category", "-c", metavar="CATEGORY",
                                           help="formula, slogan, policy … [concept]"),
    gloss_status: Optional[str] = typer.Option(None, "--gloss-status", metavar="STATUS",
                                               help="official, common or proposed."),
    file: Optional[Path] = typer.Option(None, "--file", help="Lexicon file to append to [by category]."),
    id: Optional[str] = typer.Option(None, "--id", help="The entry's id [a slug of the gloss]."),
    lexicon: Optional[Path] = LexiconOpt,
) -> None:
    """Append an entry to your own lexicon [or to --lexicon] (pinyin filled in for review); refuses an id or
    surface already taken. Never writes into the installed package."""
    from .lexicon import bundled_lexicon_path, user_lexicon_dir
    from .lexicon_edit import add_term

    if lexicon is None:
        user = user_lexicon_dir()
        added = add_term(user, term, gloss, category, gloss_status, file, id, known=[bundled_lexicon_path(), user])
    else:
        added = add_term(lexicon, term, gloss, category, gloss_status, file, id)
    e = added.entry
    _stdout().print(f"added {e.id} ({e.term}, {e.category}) to {added.path}", soft_wrap=True, markup=False)
    if added.pinyin_derived:
        _stdout().print(f"check the pinyin: {e.pinyin}", soft_wrap=True, markup=False)
    else:
        _warn("no pinyin could be derived; add it by hand")


@lexicon_app.command("reject")
@handles_errors
def lexicon_reject(
    terms: list[str] = typer.Argument(..., help="The candidates discover must not propose again."),
    reason: str = typer.Option(..., "--reason", "-r", help="Why: starts with ordinary phrase, name, event, "
                               "quotation, too ambiguous, fragment, count or date, foreign term, media phrase …; "
                               "a colon and a few words may follow."),
    file: Optional[Path] = typer.Option(None, "--file", help="The rejection list to write [rejected.tsv in your "
                                        "own lexicon folder]."),
) -> None:
    """Record candidates as rejected: discover leaves them out and learns from them what is not a term."""
    from .compile import compile_lexicon
    from .discover.rejected import add_rejection, user_rejected_path
    from .lexicon import Lexicon

    fold = compile_lexicon(Lexicon(())).fold
    path = file or user_rejected_path()
    for term in terms:
        added = add_rejection(path, term, reason, lambda s: fold(s).text)
        _stdout().print(f"{'rejected' if added else 'reason changed for'} {term} in {path}", soft_wrap=True,
                        markup=False, highlight=False)


@lexicon_app.command("files")
@handles_errors
def lexicon_files_cli(lexicon: Optional[Path] = LexiconOpt) -> None:
    """Which lexicon files are in use (bundled, your own folder, or --lexicon), with their entries."""
    from .lexicon import lexicon_sources
    from .render import render_lexicon_sources

    render_lexicon_sources(_stdout(), lexicon_sources(lexicon))


@lexicon_app.command("fmt")
@handles_errors
def lexicon_fmt(
    lexicon: Optional[Path] = LexiconOpt,
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if a file would change."),
) -> None:
    """Normalise the lexicon files: key order, quoting, indentation (comments kept)."""
    from .lexicon_edit import format_lexicon

    changed = format_lexicon(_lexicon_paths(lexicon), check=check)
    for f in changed:
        _stdout().print(f"{'would reformat' if check else 'reformatted'} {f}", soft_wrap=True, markup=False)
    if not changed:
        _stdout().print("nothing to reformat")
    if check and changed:
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the ``termkit`` console script."""
    _exit_on_sigterm()
    _no_blas_threads()
    for stream in (sys.stdout, sys.stderr):  # never a raw undecodable byte, whatever the locale
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    finally:
        _skip_last_collections()


def _skip_last_collections() -> None:
    """Put every object in the collector's permanent generation as the command ends: the interpreter's
    shutdown then frees them without first walking them all for reference cycles, which took 20–30 ms of
    a 0.2 s ``termkit tag`` (measured: bench/RESULTS.md). Nothing else changes: files are closed, exit
    handlers run and the temporary folders go as before."""
    import gc

    gc.freeze()


def _no_blas_threads() -> None:
    """termkit uses NumPy's arrays, never its linear algebra, yet OpenBLAS starts a thread per extra core
    when NumPy is imported, which spins for about 25 ms of CPU (measured): in ``--jobs 2`` on a core the
    workers need. The command asks for none (a value the user set is kept); a notebook is left alone."""
    import os

    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _exit_on_sigterm() -> None:
    """SIGTERM ends the run like Ctrl-C does: through Python, so that a file being written is cleaned
    up (its temporary file removed, the old file kept) instead of the process vanishing mid-write."""
    import signal

    def stop(signum: int, _frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


class SearchFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


SEARCH_FIELDS = ["id", "term", "gloss", "gloss_status", "category", "score", "matched"]


@app.command("search", short_help="Find entries from English, pinyin or Chinese.")
@handles_errors
def search_cli(
    words: list[str] = typer.Argument(..., help="English words, pinyin (tone marks and spaces optional: liangge "
                                      "weihu) or Chinese (either script)."),
    lexicon: Optional[Path] = LexiconOpt,
    format: SearchFormat = typer.Option(SearchFormat.table, "--format", "-f", help="table, json or csv."),
    limit: int = typer.Option(20, "--limit", "-n", callback=_at_least(0), metavar="N",
                              help="Rows in the table [0: all]; json and csv list all."),
) -> None:
    """Find entries from English, pinyin or Chinese: gloss, other renderings, definition, pinyin, term."""
    from .search import has_han, search

    compiled = _compiled(lexicon)
    query = " ".join(words)
    hits = search(compiled.lexicon, query, fold=lambda s: compiled.matcher.fold(s).text,
                  pinyin=None if has_han(query) else _generated_pinyin(compiled))
    if not hits:
        from .errors import TermkitError

        raise TermkitError(f"no entry matches {query!r} (search looks at glosses, renderings, definitions, pinyin "
                           "and terms)")
    if format == SearchFormat.table:
        from .render import render_search

        render_search(_stdout(), query, hits, limit or len(hits))
        return
    records = [{"id": h.entry.id, "term": h.entry.term, "gloss": h.entry.gloss, "gloss_status": h.entry.gloss_status,
                "category": h.entry.category, "score": h.score, "matched": "; ".join(h.why)} for h in hits]
    _write_records(records, CountFormat(format.value), SEARCH_FIELDS)


def _generated_pinyin(compiled: Compiled) -> dict[str, str]:
    """Pinyin for the entries whose lexicon record has none (pypinyin, loaded only when needed)."""
    missing = [e for e in compiled.lexicon.entries if not e.pinyin]
    if not missing:
        return {}
    from .pinyin import derive_pinyin

    return {e.id: p for e in missing if (p := derive_pinyin(e.term))}


class QaFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class QaLevel(str, Enum):
    ok = "ok"
    other = "other"
    inconsistent = "inconsistent"
    missing = "missing"
    deprecated = "deprecated"


class BilingualFormat(str, Enum):
    auto = "auto"
    xliff = "xliff"
    tmx = "tmx"
    csv = "csv"
    tsv = "tsv"


QA_FIELDS = ["file", "segment", "source_term", "id", "expected", "found", "finding"]


@app.command("qa", short_help="Check a translation's terms against the lexicon.")
@handles_errors
def qa_cli(
    files: Optional[list[Path]] = typer.Argument(None, help="Bilingual files: XLIFF 1.2/2.x (.xlf .xliff .sdlxliff), "
                                                 "TMX, CSV or TSV."),
    source: Optional[Path] = typer.Option(None, "--source", help="A plain-text source file, line-aligned with "
                                          "--target."),
    target: Optional[Path] = typer.Option(None, "--target", help="The plain-text translation of --source, line by "
                                          "line."),
    lexicon: Optional[Path] = LexiconOpt,
    format: QaFormat = typer.Option(QaFormat.table, "--format", "-f", help="table, csv or jsonl."),
    fail_on: QaLevel = typer.Option(QaLevel.missing, "--fail-on", help="Exit 1 when a finding this serious or more "
                                    "exists (ok < other < inconsistent < missing < deprecated)."),
    input_format: BilingualFormat = typer.Option(BilingualFormat.auto, "--input-format",
                                                 help="auto (by extension), xliff, tmx, csv or tsv."),
    source_field: str = typer.Option("source", "--source-field", help="CSV/TSV: the source column."),
    target_field: str = typer.Option("target", "--target-field", help="CSV/TSV: the target column."),
    id_field: Optional[str] = typer.Option(None, "--id-field", help="CSV/TSV: the segment id [line number]."),
    show_ok: bool = typer.Option(False, "--all", help="Table: list the ok findings too."),
) -> None:
    """Check a translation's terminology against the lexicon (Chinese source, English target)."""
    from .bilingual import read_aligned, read_bilingual
    from .qa import at_or_above, check

    if bool(source) != bool(target):
        raise typer.BadParameter("give both --source and --target (two line-aligned plain-text files)",
                                 param_hint="--source/--target")
    if not files and not source:
        raise typer.BadParameter("give bilingual files, or --source A --target B", param_hint="FILES")
    compiled = _compiled(lexicon)
    fmt = None if input_format == BilingualFormat.auto else input_format.value
    segments = [s for f in files or [] for s in read_bilingual(f, fmt, source_field, target_field, id_field,
                                                                   _warn)]
    if source and target:
        segments += read_aligned(source, target)
    findings = check(segments, compiled.matcher)
    if format == QaFormat.table:
        from .render import render_qa

        render_qa(_stdout(), findings, show_ok)
    elif format == QaFormat.jsonl:
        for f in findings:
            sys.stdout.write(json.dumps(f.record(), ensure_ascii=False) + "\n")
    else:
        _write_records([f.record() for f in findings], CountFormat.csv, QA_FIELDS)
    failing = at_or_above(findings, fail_on.value)
    if failing:
        _note(f"{plural(len(failing), 'finding')} at or above '{fail_on.value}' in "
              f"{plural(len(segments), 'segment')}")
        raise typer.Exit(1)
