"""The ``termkit`` command: a thin typer layer over the library. No logic of its own.

Machine formats go to stdout (UTF-8, nothing else mixed in); tables, progress, warnings and
errors go to the terminal / stderr. Library errors become ``error: …`` and exit code 1.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from .compile import Compiled
    from .corpus import ReadOptions

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Find, count and explain the formulaic language of Chinese political writing.")
lexicon_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Check and curate the lexicon.")
app.add_typer(lexicon_app, name="lexicon")

F = TypeVar("F", bound=Callable[..., Any])

LexiconOpt = typer.Option(None, "--lexicon", "-l", help="Lexicon file or folder [default: the bundled one].")
PathsArg = typer.Argument(..., help="Files, folders (read recursively) or - for stdin.")
JobsOpt = typer.Option(None, "--jobs", "-j", min=1, show_default=False,
                       help="Processes matching documents [default: all cores]; output is the same for any N.")


class TagFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


class CountFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


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


# Options of every command that reads documents; ``reads_documents`` adds them and hands the
# command one ``read: ReadOptions``.
_READ_OPTIONS: list[tuple[str, Any, Any]] = [
    ("input_format", InputFormat, typer.Option(
        InputFormat.auto, "--input-format", help="auto (by extension: .jsonl, .csv, .tsv; else text), text, "
                                                 "jsonl, csv or tsv.")),
    ("text_field", str, typer.Option("text", "--text-field", help="JSONL/CSV: the field holding the text.")),
    ("id_field", Optional[str], typer.Option(None, "--id-field",
                                             help="JSONL/CSV: the document id [file:line].")),
    ("date_field", Optional[str], typer.Option(None, "--date-field",
                                               help="JSONL/CSV: the date [else a date in the file name].")),
    ("group_field", Optional[str], typer.Option(None, "--group-field",
                                                help="JSONL/CSV: a group such as region or outlet.")),
]


def reads_documents(func: F) -> F:
    """Give a command the corpus reading options (``--input-format``, ``--text-field`` …), passed
    to it as one ``read: ReadOptions``."""
    import inspect

    names = [name for name, _, _ in _READ_OPTIONS]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .corpus import ReadOptions

        values = {name: kwargs.pop(name) for name in names}
        values["input_format"] = InputFormat(values["input_format"]).value
        return func(*args, read=ReadOptions(**values), **kwargs)

    sig = inspect.signature(func)
    extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=opt, annotation=kind)
             for name, kind, opt in _READ_OPTIONS]
    wrapper.__signature__ = sig.replace(  # type: ignore[attr-defined]
        parameters=[p for p in sig.parameters.values() if p.name != "read"] + extra)
    wrapper.__annotations__ = {k: v for k, v in func.__annotations__.items() if k != "read"}
    return wrapper  # type: ignore[return-value]


def _stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _escape(text: str) -> str:
    """A message printed as is: brackets in it ([dask], file names) are not rich markup."""
    from rich.markup import escape

    return escape(text)


def handles_errors(func: F) -> F:
    """Turn library errors into one line on stderr and exit code 1 (never a traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import TermkitError

        try:
            return func(*args, **kwargs)
        except TermkitError as exc:
            _stderr().print(f"[red]error:[/] {_escape(str(exc))}", soft_wrap=True, markup=True)
            raise typer.Exit(1) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


def _compiled(lexicon: Optional[Path]) -> Compiled:
    from .compile import load_compiled
    from .lexicon import bundled_lexicon_path

    return load_compiled(lexicon or bundled_lexicon_path())


def _results(paths: list[str], compiled: Compiled, nested: bool = False,
             jobs: Optional[int] = 1, read: Optional[ReadOptions] = None) -> Iterator[Any]:
    """Documents matched in order (on ``jobs`` processes), with a progress bar on stderr for many files."""
    from .corpus import iter_files, read_documents
    from .parallel import match_documents

    err = _stderr()

    def warn(msg: str) -> None:
        err.print(f"[yellow]warning:[/] {_escape(msg)}", soft_wrap=True, markup=True, highlight=False)

    files = [p if p == "-" else str(f) for p in paths for f in ([p] if p == "-" else iter_files(Path(p), warn))]
    results = match_documents(read_documents(files, warn, read), compiled.matcher, nested=nested, jobs=jobs)
    if len(files) < 20 or not err.is_terminal:
        yield from results
        return
    from rich.progress import Progress

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("reading", total=len(files))
        for r in results:
            progress.advance(task)
            yield r


@app.command()
@handles_errors
@reads_documents
def tag(
    paths: list[str] = PathsArg,
    lexicon: Optional[Path] = LexiconOpt,
    format: TagFormat = typer.Option(TagFormat.text, "--format", "-f", help="text (terminal) or jsonl."),
    nested: bool = typer.Option(False, "--nested", help="Also show matches nested inside longer ones."),
    full: bool = typer.Option(False, "--full", help="Show every line, not only lines with terms."),
    explain: bool = typer.Option(False, "--explain", help="Say which surface form and which foldings matched."),
    jobs: Optional[int] = JobsOpt,
    read: Optional[ReadOptions] = None,
) -> None:
    """Show each term in place with its gloss."""
    from .match import explain as explain_match
    from .render import render_explained, render_tagged

    compiled = _compiled(lexicon)
    out = _stdout()
    for r in _results(paths, compiled, nested, jobs, read):
        if format == TagFormat.jsonl:
            for m in r.matches:
                record = m.to_dict(r.doc.id)
                if explain:
                    record["explain"] = explain_match(m, compiled.matcher)
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            render_tagged(out, r, full=full)
            if explain:
                render_explained(out, [(m, explain_match(m, compiled.matcher)) for m in r.matches])
        _warn_damage(r)


def _warn_damage(r: Any) -> None:
    if r.damage:
        d = r.damage[0]
        _stderr().print(f"[yellow]warning:[/] {_escape(r.doc.id)}: {len(r.damage)} damaged runs (? or U+FFFD), "
                        f"first at line {d.line}, column {d.column}", soft_wrap=True, highlight=False)


@app.command()
@handles_errors
@reads_documents
def count(
    paths: list[str] = PathsArg,
    lexicon: Optional[Path] = LexiconOpt,
    format: CountFormat = typer.Option(CountFormat.table, "--format", "-f", help="table, csv or json."),
    top: Optional[int] = typer.Option(None, "--top", "-n", min=1, help="Only the N first rows."),
    sort: str = typer.Option("count", "--sort", help="count, docs, per_10k, term, id, category or first."),
    nested: bool = typer.Option(False, "--nested", help="Count matches nested inside longer ones too."),
    jobs: Optional[int] = JobsOpt,
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (this machine) or dask (a cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="--engine dask: tcp://host:8786."),
    read: Optional[ReadOptions] = None,
) -> None:
    """Frequency table of the terms over all documents."""
    from .stats import SORT_KEYS
    from .stats import count as tally

    if sort not in SORT_KEYS:
        raise typer.BadParameter(f"use one of {', '.join(SORT_KEYS)}", param_hint="--sort")
    compiled = _compiled(lexicon)
    if engine == Engine.dask:
        from .corpus import read_documents
        from .engine_dask import count_on_dask

        stats = count_on_dask(read_documents(paths, _warn, read), compiled.matcher, scheduler, nested)
    else:
        stats = tally(_results(paths, compiled, nested, jobs, read))
    rows = stats.sorted(sort)[:top]
    if format == CountFormat.table:
        from .render import render_counts

        render_counts(_stdout(), stats, rows)
        return
    records = [t.to_dict() for t in rows]
    if format == CountFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=["id", "term", "gloss", "category", "count", "docs",
                                                        "per_10k"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    if stats.damage:
        runs = sum(len(d.spans) for d in stats.damage)
        docs = len(stats.damage)
        _stderr().print(f"[yellow]warning:[/] damaged text: {runs} runs in {docs} document{'s' * (docs != 1)} "
                        "(run the table format for details)", soft_wrap=True, highlight=False)


class DiscoverFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    yaml = "yaml"


@app.command()
@handles_errors
@reads_documents
def discover(
    paths: list[str] = PathsArg,
    lexicon: Optional[Path] = LexiconOpt,
    format: DiscoverFormat = typer.Option(DiscoverFormat.table, "--format", "-f", help="table, jsonl or yaml (stubs)."),
    top: int = typer.Option(100, "--top", "-n", min=1, help="Only the N best candidates."),
    min_count: int = typer.Option(3, "--min-count", min=1, help="Only candidates seen at least this often."),
    kind: Optional[list[str]] = typer.Option(None, "--kind", "-k", help="numbered, quoted, parallel or mwe (repeat)."),
    add: Optional[Path] = typer.Option(None, "--add", help="Append the candidates shown to this lexicon FILE."),
    read: Optional[ReadOptions] = None,
) -> None:
    """Rank candidate terms found in the documents and absent from the lexicon."""
    from .corpus import read_documents
    from .discover import KINDS, DiscoverOptions
    from .discover import discover as find_candidates

    if bad := [k for k in kind or () if k not in KINDS]:
        raise typer.BadParameter(f"{bad[0]!r}: use one of {', '.join(KINDS)}", param_hint="--kind")
    compiled = _compiled(lexicon)
    err = _stderr()
    docs = list(read_documents(["-"], _warn, read)) if "-" in paths else None
    found = find_candidates(lambda: docs if docs is not None else read_documents(paths, _warn_once(err), read),
                            compiled.matcher, DiscoverOptions(min_count, top, tuple(kind or KINDS)))
    if format == DiscoverFormat.jsonl:
        sys.stdout.writelines(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in found)
    elif format == DiscoverFormat.yaml:
        from .discover.stubs import to_yaml

        sys.stdout.write(to_yaml(found))
    else:
        from .discover.table import render_candidates

        render_candidates(_stdout(), found)
    if add is not None:
        from .discover.stubs import stub
        from .lexicon_edit import append_entries

        append_entries(add, [stub(c) for c in found])
        err.print(f"appended {len(found)} stubs to {_escape(str(add))} (gloss_status: proposed; write the glosses)",
                  soft_wrap=True, highlight=False)


def _warn(msg: str) -> None:
    _stderr().print(f"[yellow]warning:[/] {_escape(msg)}", soft_wrap=True, markup=True, highlight=False)


def _warn_once(err: Console) -> Callable[[str], None]:
    """Warnings of the first reading only (discover reads the documents twice)."""
    said: set[str] = set()

    def warn(msg: str) -> None:
        if msg not in said:
            said.add(msg)
            err.print(f"[yellow]warning:[/] {_escape(msg)}", soft_wrap=True, markup=True, highlight=False)

    return warn


@app.command()
@handles_errors
def show(
    term: str = typer.Argument(..., help="An id, or any surface form (simplified, traditional, variant)."),
    lexicon: Optional[Path] = LexiconOpt,
    format: ShowFormat = typer.Option(ShowFormat.text, "--format", "-f", help="text or json."),
) -> None:
    """Show one lexicon entry in full, with its related entries."""
    from .errors import TermkitError
    from .render import render_entry

    compiled = _compiled(lexicon)
    entry = compiled.lexicon.by_id.get(term) or compiled.matcher.lookup(term)
    if entry is None:
        raise TermkitError(f"{term!r} is not in the lexicon (try 'termkit tag' on a text that contains it)")
    if format == ShowFormat.json:
        sys.stdout.write(json.dumps(entry.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        render_entry(_stdout(), entry, compiled.lexicon)


@app.command()
@handles_errors
@reads_documents
def gloss(
    paths: Optional[list[str]] = typer.Argument(None, help="Files, folders (read recursively) or - for stdin."),
    lexicon: Optional[Path] = LexiconOpt,
    format: str = typer.Option("md", "--format", "-f", help="md, csv, tsv, deepl, omegat, tbx, tbx2 or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write FILE (atomically), not stdout."),
    all_entries: bool = typer.Option(False, "--all", help="The whole lexicon, with counts from any PATHs."),
    sort: str = typer.Option("first", "--sort", help="first (appearance), count, or term (by pinyin)."),
    excel: bool = typer.Option(False, "--excel", help="csv: start with a BOM so that Excel reads UTF-8."),
    jobs: Optional[int] = JobsOpt,
    read: Optional[ReadOptions] = None,
) -> None:
    """Glossary of the terms found, for translators and their tools (--all: the whole lexicon)."""
    from .atomic import write_atomic
    from .export import FORMATS, ExportOptions, export
    from .gloss import SORT_KEYS, build_glossary

    if format not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    if sort not in SORT_KEYS:
        raise typer.BadParameter(f"use one of {', '.join(SORT_KEYS)}", param_hint="--sort")
    if not paths and not all_entries:
        raise typer.BadParameter("give files or folders, or --all for the whole lexicon", param_hint="PATHS")
    compiled = _compiled(lexicon)
    results = (r for r in _results(paths or [], compiled, jobs=jobs, read=read) if not _warn_damage(r))
    glossary = build_glossary(results, compiled.lexicon if all_entries else None, sort)
    rendered = export(glossary, format, ExportOptions(excel=excel))
    for problem in rendered.problems:
        _stderr().print(f"[yellow]warning:[/] {format}: {problem}", soft_wrap=True, highlight=False)
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(rendered.data.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        write_atomic(output, rendered.data)


class TrendBy(str, Enum):
    year = "year"
    month = "month"
    group = "group"


@app.command("trend")
@handles_errors
@reads_documents
def trend_cli(
    paths: list[str] = PathsArg,
    lexicon: Optional[Path] = LexiconOpt,
    by: TrendBy = typer.Option(TrendBy.year, "--by", help="year, month (dates) or group (--group-field)."),
    terms: Optional[str] = typer.Option(None, "--terms", "-t", help="Comma-separated ids or terms [top N]."),
    top: int = typer.Option(5, "--top", "-n", min=1, help="Without --terms: the N most frequent terms."),
    format: CountFormat = typer.Option(CountFormat.table, "--format", "-f", help="table, csv or json."),
    jobs: Optional[int] = JobsOpt,
    read: Optional[ReadOptions] = None,
) -> None:
    """Counts and rates per 10k characters of terms per year, month or group."""
    from .trend import TrendTally

    compiled = _compiled(lexicon)
    chosen = _entries(compiled, terms) if terms else None
    tally = TrendTally(by.value)
    for r in _results(paths, compiled, jobs=jobs, read=read):
        tally.add(r)
    result = tally.result(chosen, top)
    if format == CountFormat.table:
        from .trend_view import render_trend

        render_trend(_stdout(), result)
        return
    records = result.records()
    if format == CountFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]) if records else ["period"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    if result.missing:
        what = "group" if by == TrendBy.group else "date"
        _warn(f"{result.missing} documents without a {what} are counted in '{result.missing_key}'")


def _entries(compiled: Compiled, terms: str) -> list[Any]:
    """Lexicon entries named by a comma-separated list of ids or surface forms."""
    found = []
    for name in (t.strip() for t in terms.split(",") if t.strip()):
        entry = compiled.lexicon.by_id.get(name) or compiled.matcher.lookup(name)
        if entry is None:
            raise typer.BadParameter(f"{name!r} is not in the lexicon (give an id or a term)",
                                     param_hint="--terms")
        found.append(entry)
    return found


@app.command("report")
@handles_errors
@reads_documents
def report_cli(
    paths: list[str] = PathsArg,
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (atomically); - for stdout."),
    lexicon: Optional[Path] = LexiconOpt,
    by: TrendBy = typer.Option(TrendBy.year, "--by", help="Trends by year, month or group."),
    top: int = typer.Option(20, "--top", "-n", min=1, help="Terms in the bar chart."),
    docs: int = typer.Option(50, "--docs", min=0, help="Documents shown in full (the figures cover all)."),
    title: str = typer.Option("termkit report", "--title", help="The page title."),
    jobs: Optional[int] = JobsOpt,
    read: Optional[ReadOptions] = None,
) -> None:
    """One self-contained HTML page: summary, tables, charts, trends, highlighted documents."""
    from .atomic import write_atomic
    from .report import ReportOptions, build_report

    compiled = _compiled(lexicon)
    options = ReportOptions(title=title, top=top, by=by.value, documents=docs,
                            note=f"{', '.join(paths)} · lexicon: {lexicon or 'bundled'}")
    page = build_report(_results(paths, compiled, jobs=jobs, read=read), options)
    if str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(page.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        write_atomic(output, page)
        _stderr().print(f"wrote {_escape(str(output))} ({len(page.encode('utf-8')):,} bytes)", soft_wrap=True,
                        highlight=False)


@lexicon_app.command("check")
@handles_errors
def lexicon_check(
    lexicon: Optional[Path] = LexiconOpt,
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero on warnings too."),
) -> None:
    """Validate the lexicon: schema, ids, surfaces and the lint rules. Errors exit 1."""
    from .lexicon import bundled_lexicon_path
    from .lint import check_lexicon
    from .render import render_problems

    lex, problems = check_lexicon(lexicon or bundled_lexicon_path())
    render_problems(_stdout(), problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    _stdout().print(f"{len(lex)} entries in {len(lex.files)} files: {errors} errors, {warnings} warnings")
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
    from rich.table import Table

    from .lexicon import bundled_lexicon_path, load_lexicon
    from .lexicon_stats import lexicon_stats

    stats = lexicon_stats(load_lexicon(lexicon or bundled_lexicon_path()))
    if format == StatsFormat.json:
        sys.stdout.write(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    out = _stdout()
    out.print(f"{stats.entries} entries in {stats.files} files")
    for title, rows in stats.tables():
        table = Table(title=title, title_justify="left")
        for col, justify in ((title, "left"), ("entries", "right"), ("share", "right")):
            table.add_column(col, justify=justify)  # type: ignore[arg-type]
        for key, n in rows:
            table.add_row(key, str(n), f"{100 * n / max(stats.entries, 1):.0f}%")
        out.print(table)


@lexicon_app.command("add")
@handles_errors
def lexicon_add(
    term: str = typer.Argument(..., help="The term, in simplified script."),
    gloss: str = typer.Option(..., "--gloss", "-g", help="The English rendering."),
    category: Optional[str] = typer.Option(None, "--category", "-c", help="formula, slogan, policy … [concept]"),
    gloss_status: Optional[str] = typer.Option(None, "--gloss-status", help="official, common or proposed."),
    file: Optional[Path] = typer.Option(None, "--file", help="Lexicon file to append to [by category]."),
    id: Optional[str] = typer.Option(None, "--id", help="The entry's id [a slug of the gloss]."),
    lexicon: Optional[Path] = LexiconOpt,
) -> None:
    """Append an entry (pinyin filled in for review); refuses an id or surface already taken."""
    from .lexicon import bundled_lexicon_path
    from .lexicon_edit import add_term

    added = add_term(lexicon or bundled_lexicon_path(), term, gloss, category, gloss_status, file, id)
    e = added.entry
    _stdout().print(f"added {e.id} ({e.term}, {e.category}) to {added.path}", soft_wrap=True)
    if added.pinyin_derived:
        _stdout().print(f"check the pinyin: {e.pinyin}", soft_wrap=True)
    else:
        _stderr().print("warning: no pinyin could be derived; add it by hand", soft_wrap=True)


@lexicon_app.command("fmt")
@handles_errors
def lexicon_fmt(
    lexicon: Optional[Path] = LexiconOpt,
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if a file would change."),
) -> None:
    """Normalise the lexicon files: key order, quoting, indentation (comments kept)."""
    from .lexicon import bundled_lexicon_path
    from .lexicon_edit import format_lexicon

    changed = format_lexicon(lexicon or bundled_lexicon_path(), check=check)
    for f in changed:
        _stdout().print(f"{'would reformat' if check else 'reformatted'} {f}", soft_wrap=True)
    if not changed:
        _stdout().print("nothing to reformat")
    if check and changed:
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the ``termkit`` console script."""
    app()
