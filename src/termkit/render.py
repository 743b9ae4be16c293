"""Terminal rendering with rich: tagged text, frequency tables, entries, lint problems.

Nothing here decides anything; it only draws what the library computed.

>>> import io
>>> from rich.console import Console
>>> from termkit.lexicon import Entry
>>> c = Console(file=io.StringIO(), width=60)
>>> render_entry(c, Entry(id="four-winds", term="四风", gloss="Four Winds"))
>>> "gloss_status  proposed" in c.file.getvalue()
True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .categories import CATEGORIES
from .layout import CLOSING, print_hanging
from .lexicon import non_default
from .wording import plural

if TYPE_CHECKING:  # each view's data; a run imports only the modules of the view it draws
    from .dates import EntryDates
    from .lexicon import Entry, Lexicon, LexiconSources, Problem
    from .lexicon_stats import LexiconStats
    from .match import DocumentResult, Dropped, Match
    from .per_doc import DocumentCount
    from .qa import Finding
    from .search import SearchHit
    from .stats import CorpusStats, TermCount


def style_for(entry: Entry) -> str:
    look = CATEGORIES.get(entry.category)
    return look.terminal if look else "bold"


GUTTER = 5  # cells of the line-number column of ``tag``


def render_tagged(console: Console, result: DocumentResult, full: bool = False) -> None:
    """The document's lines with each term highlighted and glossed in place (first time per
    document), then a legend. Without ``full`` only lines that hold a match are shown. On a
    terminal long lines wrap at Chinese characters and spaces, under the text, not the number;
    elsewhere (a pipe, a file) each line of the document stays one line."""
    text = result.doc.text
    heading = Text.assemble((result.doc.id, "bold"), f" · {plural(len(result.matches), 'match', 'matches')}")
    if heading.cell_len + 6 <= console.width:
        console.rule(heading)
    else:  # a long path is never cut
        console.print(heading, soft_wrap=True)
    glossed: set[str] = set()
    matches = sorted(result.matches, key=lambda m: (m.start, -m.end))
    mi, pos, line_start = 0, 0, 0
    for lineno, line in enumerate(text.split("\n"), 1):
        line_end = line_start + len(line)
        out = Text()
        hit = False
        pos = max(pos, line_start)
        while mi < len(matches) and matches[mi].start <= line_end:
            m = matches[mi]
            nested = m.end <= pos  # drawn already, inside a longer match (--nested)
            if not nested:
                out.append(text[pos:m.start])
                # a match may run across a line break; it is drawn whole on the line it starts on
                out.append(text[max(pos, m.start):m.end].replace("\n", "⏎"), style=style_for(m.entry))
                pos = m.end
                closing = len(text[pos:line_end]) - len(text[pos:line_end].lstrip(CLOSING))
                out.append(text[pos:pos + closing])  # the gloss goes after the closing quote
                pos += closing
            if m.entry.id not in glossed:
                glossed.add(m.entry.id)
                label = f"{m.entry.term}: {m.entry.gloss}" if nested else m.entry.gloss
                out.append(f"⟨{label}⟩", style="italic dim")
            hit = True
            mi += 1
        if pos < line_end:
            out.append(text[pos:line_end])
            pos = line_end
        if hit or (full and pos <= line_end):
            _print_numbered(console, lineno, out)
        line_start = line_end + 1
    render_legend(console, result)
    if result.damage:
        first = result.damage[0]
        console.print(f"[yellow]damaged text:[/] {plural(len(result.damage), 'run')} (first at line {first.line}, "
                      f"column {first.column})")


def _print_numbered(console: Console, lineno: int, line: Text) -> None:
    """A line of a document after its number; wrapped under the text on a terminal only."""
    print_hanging(console, Text(f"{lineno:>{GUTTER - 1}} ", style="dim") + line, GUTTER)


def render_explained(console: Console, explained: Sequence[tuple[Match, dict]]) -> None:
    """How the matches were found, under a heading: one row per distinct written form that needed
    a folding (script, quotes, width, annotations …) to match, then how many matched as written."""
    table = Table(title="how the matches were found", title_justify="left", box=box.SIMPLE_HEAD,
                  pad_edge=False, header_style="bold")
    table.add_column("as written", max_width=24, overflow="fold")
    table.add_column("foldings", style="dim")
    table.add_column("lexicon form (id)", ratio=1, overflow="fold")
    seen: set[str] = set()
    exact = 0
    for m, why in explained:
        if m.text in seen:
            continue
        seen.add(m.text)
        if not why["folds"]:
            exact += 1
            continue
        table.add_row(Text(m.text.replace("\n", "⏎"), style=style_for(m.entry)), Text(", ".join(why["folds"])),
                      Text(f"{why['surface']} ({m.entry.id})"))
    if table.row_count:
        console.print(table)
    if exact:
        console.print(Text(f"{plural(exact, 'written form')} matched a lexicon form exactly, with no folding.",
                           style="dim"), soft_wrap=True)


def render_dropped(console: Console, dropped: Sequence[Dropped]) -> None:
    """One line per match a context rule dropped: where, what, and the rule that decided."""
    for d in dropped:
        m = d.match
        print_hanging(console, Text.assemble(("dropped ", "dim"), m.text.replace("\n", "⏎"),
                                             f" at {m.start} ({m.entry.id})  ",
                                             (f"[context {d.rule}: {d.detail}]", "dim")), 2)


def render_legend(console: Console, result: DocumentResult) -> None:
    counts: dict[str, tuple[Entry, int]] = {}
    for m in result.matches:
        e, n = counts.get(m.entry.id, (m.entry, 0))
        counts[m.entry.id] = (e, n + 1)
    if not counts:
        return
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("term", max_width=24 if console.width >= 100 else 16, overflow="fold")
    table.add_column("gloss", ratio=1)
    table.add_column("category", no_wrap=True)
    table.add_column("n", justify="right", no_wrap=True)
    for e, n in counts.values():
        table.add_row(Text(e.term, style=style_for(e)), Text(e.gloss), Text(e.category), str(n))
    console.print(table)


def render_counts(console: Console, stats: CorpusStats, rows: Sequence[TermCount], hidden: int = 0) -> None:
    """The frequency table with a summary line, fitted to the console's width: the term column
    folds long terms, the gloss takes what is left, the category shows on wide terminals only.
    ``hidden`` rows that did not fit the default ``--top`` are announced under the table."""
    if not stats.documents:
        console.print("no documents were read", style="dim")
        return
    wide = console.width >= 100
    title = (f"{plural(stats.documents, 'document')} · {plural(stats.characters, 'character')} · "
             f"{plural(stats.matches, 'match', 'matches')} of {plural(len(stats.terms), 'term')}")
    table = Table(title=title, title_justify="left", header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False,
                  caption="characters: all but whitespace; per 10k: matches per 10,000 characters",
                  caption_justify="left")
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("term", max_width=24 if wide else 16, overflow="fold")
    table.add_column("gloss", ratio=1, min_width=16)
    if wide:
        table.add_column("category", no_wrap=True)
    for col in ("count", "docs", "per 10k"):
        table.add_column(col, justify="right", no_wrap=True)
    for i, t in enumerate(rows, 1):
        category = [Text(t.entry.category)] if wide else []
        table.add_row(str(i), Text(t.entry.term, style=style_for(t.entry)), Text(t.entry.gloss), *category,
                      f"{t.count:,}", f"{t.docs:,}", f"{t.per_10k:.2f}")
    console.print(table)
    if hidden:
        console.print(Text(f"… {plural(hidden, 'more term')} (--top 0 shows all; --format csv or json lists all)",
                           style="dim"), soft_wrap=True)
    render_damage_summary(console, stats)


def render_per_document(console: Console, rows: Sequence[DocumentCount], hidden: int = 0) -> None:
    """``count --by doc`` on a terminal: a row per document and entry, the document named once."""
    table = Table(header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False,
                  caption="per 10k: matches per 10,000 characters of the document (whitespace not counted)",
                  caption_justify="left")
    table.add_column("doc", ratio=1, overflow="fold")
    table.add_column("date", no_wrap=True)
    table.add_column("group", max_width=12, overflow="fold")
    table.add_column("term", max_width=16, overflow="fold")
    table.add_column("count", justify="right", no_wrap=True)
    table.add_column("per 10k", justify="right", no_wrap=True)
    previous = None
    for r in rows:
        first = r.doc != previous
        previous = r.doc
        table.add_row(Text(r.doc if first else ""), r.date if first else "", Text(r.group if first else ""),
                      Text(r.term or "(no match)", style="" if r.term else "dim"), str(r.count), f"{r.per_10k:.2f}")
    console.print(table)
    if hidden:
        console.print(Text(f"… {plural(hidden, 'more row')} (--top 0 shows all; --format csv or json lists all)",
                           style="dim"), soft_wrap=True)


def render_damage_summary(console: Console, stats: CorpusStats) -> None:
    if not stats.damage:
        return
    runs = sum(len(d.spans) for d in stats.damage)
    chars = sum(d.characters for d in stats.damage)
    docs = len(stats.damage)
    print_hanging(console, Text.assemble(("damaged text:", "yellow"), f" {plural(runs, 'run')}, "
                                         f"{plural(chars, 'character')} lost or garbled in {plural(docs, 'document')}; "
                                         "terms inside them cannot be counted:"), 2)
    for d in stats.damage:
        first = d.spans[0]
        print_hanging(console, Text(f"  {d.doc}: {plural(len(d.spans), 'run')}, first at line {first.line}, "
                                    f"column {first.column}"), 4)


def render_entry(console: Console, entry: Entry, lexicon: Lexicon | None = None) -> None:
    """One entry in full, its fields in the model's order, with its related entries (given the
    lexicon). A field is one row of its value unless the model says to show it otherwise."""
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold dim", no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    table.add_row("term", Text(entry.term, style=style_for(entry)))
    for info in dataclasses.fields(entry):
        name, value = info.name, getattr(entry, info.name)
        how = info.metadata.get("show", "row")
        if how == "heading" or value is None or value == () or (how == "unless_default" and value == info.default):
            continue
        for label, cell in _entry_rows(name, how, value, lexicon):
            table.add_row(label, cell)
    if lexicon is not None and (loc := lexicon.locations.get(entry.id)):
        table.add_row("defined at", Text(str(loc)))
    console.print(table)


def _numbered(items: Sequence[str]) -> Table:
    """Numbered items, each in full: folded at the width, never cut, the number beside it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for i, item in enumerate(items, 1):
        grid.add_row(f"{i}.", Text(item))
    return grid


def _entry_rows(name: str, how: str, value: Any, lexicon: Lexicon | None) -> list[tuple[str, Text | Table | str]]:
    """The rows of one field of an entry."""
    if how == "numbered":
        return [(name, _numbered(value))]
    if how == "alt_glosses":
        return [("also", Text(f"{a.text} [{a.status}]" + (f" ({a.source})" if a.source else ""),
                              style="strike red" if a.status == "deprecated" else "")) for a in value]
    if how == "context":
        return [(name, escape(" · ".join(f"{k}: {v if isinstance(v, str) else '、'.join(v)}"
                                         for k, v in non_default(value).items())))]
    if how == "related":
        if lexicon is None:
            return [(name, escape(", ".join(value)))]
        found = [(rid, lexicon.by_id.get(rid)) for rid in value]
        return [(name, Text(f"{r.term} · {r.gloss} ({rid})" if r else f"{rid} (missing)")) for rid, r in found]
    if isinstance(value, tuple):
        return [(name, escape("、".join(value)))]
    return [(name, escape(str(value)))]


def render_problems(console: Console, problems: Sequence[Problem]) -> None:
    for p in problems:
        colour = "red" if p.severity == "error" else "yellow"
        where = f"{p.location}: " if p.location else ""
        console.print(f"{escape(where)}[{colour}]{p.severity}[/]: {escape(p.message)} [dim]({p.rule})[/]",
                      soft_wrap=True)


def render_lexicon_stats(console: Console, stats: LexiconStats) -> None:
    """``termkit lexicon stats``: the totals, then one table per breakdown with counts and shares."""
    console.print(f"{plural(stats.entries, 'entry', 'entries')} in {plural(stats.files, 'file')}")
    for title, rows in stats.tables():
        table = Table(title=title, title_justify="left")
        for col, justify in ((title, "left"), ("entries", "right"), ("share", "right")):
            table.add_column(col, justify=justify)  # type: ignore[arg-type]
        for key, n in rows:
            table.add_row(Text(str(key)), str(n), f"{100 * n / max(stats.entries, 1):.0f}%")
        console.print(table)


def render_search(console: Console, query: str, hits: Sequence[SearchHit], shown: int) -> None:
    """The entries a search found, best first: term, gloss, status, category and why each matched."""
    table = Table(title=Text(f"{len(hits)} {'entry' if len(hits) == 1 else 'entries'} for “{query}”"),
                  title_justify="left", show_lines=False, expand=False)
    # a long formula (four items: 38 cells) wraps in a quarter of the width rather than squeeze the gloss beside it
    table.add_column("term", max_width=max(12, console.width // 4), overflow="fold")
    table.add_column("gloss", ratio=3, min_width=16)
    table.add_column("status", no_wrap=True)
    table.add_column("category", no_wrap=True)
    table.add_column("matched", ratio=2, style="dim")
    for hit in hits[:shown]:
        e = hit.entry
        table.add_row(Text(e.term, style=style_for(e)), Text(e.gloss), Text(e.gloss_status), Text(e.category),
                      Text("; ".join(hit.why)))
    console.print(table)
    if len(hits) > shown:
        console.print(Text(f"… {len(hits) - shown} more (--limit 0 shows all)", style="dim"))


QA_STYLES = {"ok": "green", "other": "yellow", "inconsistent": "yellow", "missing": "red", "deprecated": "bold red"}


def render_qa(console: Console, findings: Sequence[Finding], show_ok: bool = False) -> None:
    """The findings grouped by segment (``ok`` ones only with ``show_ok``), then a summary by term."""
    from .qa import SEVERITY, summary

    current = None
    for f in findings:
        if f.finding == "ok" and not show_ok:
            continue
        if (f.file, f.segment) != current:
            current = (f.file, f.segment)
            console.print(Text(f"{f.file} · segment {f.segment}", style="bold"))
        head = Text("  ")
        head.append(f"{f.finding:<13}", style=QA_STYLES[f.finding])
        head.append(f.source_term, style=style_for(f.entry))
        console.print(head, soft_wrap=True)
        detail = Text(f"expected “{f.expected}”")
        if f.found and f.found != f.expected:
            detail.append(f"; found “{f.found}”")
        # wrapped at spaces under the term, so an 80-column terminal never cuts a rendering mid-word
        console.print(Padding(detail, (0, 0, 0, 15)))
    table = Table(title=Text("by term"), title_justify="left")
    table.add_column("term", no_wrap=True)
    table.add_column("gloss", ratio=2, min_width=16, overflow="fold")
    for level in SEVERITY:
        header = "incons." if level == "inconsistent" and console.width < 100 else level
        table.add_column(header, justify="right", style=QA_STYLES[level])
    for entry, counts in summary(findings):
        table.add_row(Text(entry.term), Text(entry.gloss), *(str(counts[level] or "") for level in SEVERITY))
    console.print(table)


def render_dates(console: Console, rows: Sequence[EntryDates]) -> None:
    """The dated evidence per entry: the lexicon's first_seen beside the corpus's earliest date
    (marked ``<`` where the corpus is earlier), the count, and the years with matches and the peak
    (``--format csv`` or ``json`` gives the earliest document and every year)."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("id", "term", "first_seen", "earliest", "n", "undated", "years (peak)"):
        table.add_column(col, justify="right" if col in ("n", "undated") else "left",
                         no_wrap=col in ("term", "first_seen", "earliest", "n", "undated"), overflow="fold")
    for r in rows:
        earliest = (r.earliest or "-") + (" <" if r.earlier_than_lexicon else "")
        years = ""
        if r.by_year:
            peak = max(r.by_year, key=lambda y: (r.by_year[y], y))
            span = min(r.by_year) if len(r.by_year) == 1 else f"{min(r.by_year)}–{max(r.by_year)}"
            years = f"{span} ({peak}: {r.by_year[peak]})"
        table.add_row(r.entry.id, Text(r.entry.term, style=style_for(r.entry)), r.entry.first_seen or "-", earliest,
                      str(r.count), str(r.undated), years)
    console.print(table)


def render_lexicon_sources(console: Console, sources: LexiconSources) -> None:
    """``termkit lexicon files``: one row per file in use, then where the user's own folder is."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("origin", "entries", "file"):
        table.add_column(col, justify="right" if col == "entries" else "left", overflow="fold")
    for f in sources.files:
        table.add_row(f.origin, str(f.entries), escape(str(f.path)))
    console.print(table)
    total = sum(f.entries for f in sources.files)
    console.print(f"{plural(total, 'entry', 'entries')} in {plural(len(sources.files), 'file')}", soft_wrap=True)
    user = escape(str(sources.user_dir))
    if sources.given:
        console.print(f"--lexicon given: the bundled lexicon and your own folder ({user}) are not read", soft_wrap=True)
    elif not any(f.origin == "user" for f in sources.files):
        console.print(f"your own lexicon folder: {user} (none yet; 'termkit lexicon add' creates it, "
                      "TERMKIT_LEXICON_DIR moves it)", soft_wrap=True)
    else:
        console.print(f"your own lexicon folder: {user} (TERMKIT_LEXICON_DIR moves it)", soft_wrap=True)
