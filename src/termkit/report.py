"""One self-contained HTML report of a corpus: summary, sortable frequency table, top-terms chart,
dispersion plot, trends (when documents have dates) and the documents with their terms
highlighted; hovering or focusing a term shows its gloss, pinyin and expansion.

Everything is inline (CSS, a small script, SVG charts); a Content-Security-Policy forbids any
network access and allows only the page's own script, by its hash. Every string that comes from a
document or the lexicon is escaped, so a document holding ``<script>`` is shown, never run. A large
corpus is shown in part (the first ``documents`` documents, each up to ``max_chars`` characters), and
the page says so; the figures always cover every document.

>>> from termkit.corpus import Document
>>> from termkit.lexicon import Entry
>>> from termkit.match import DocumentResult, Match
>>> e = Entry(id="four-winds", term="四风", gloss="Four Winds", pinyin="sì fēng")
>>> page = build_report([DocumentResult(Document("a<b>", "反对四风<script>"), [Match(2, 4, "四风", e)], [])])
>>> '<mark class="term cat-concept" tabindex="0" data-id="four-winds"' in page, "a&lt;b&gt;" in page
(True, True)
>>> "<script>" in page.split("<body>")[1].split('id="termkit-terms"')[0]
False
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .concordance import KwicLine, concordance
from .console import visible
from .lexicon import Entry
from .stats import CorpusStats, Tally, visible_length
from .trend import Trend, TrendTally
from .wording import plural

if TYPE_CHECKING:
    from .match import DocumentResult

PALETTE = ("#3f6fb5", "#b3261e", "#2e8a57", "#c77800", "#7b4fb0", "#1f8a99", "#b0407a", "#6c7a1c", "#555e6e",
           "#d35f8d")


@dataclass(frozen=True)
class ReportOptions:
    """What the report shows and how much of it."""

    title: str = "termkit report"
    top: int = 20  # terms in the bar chart
    dispersion_terms: int = 10
    dispersion_docs: int = 100  # documents laid end to end in the dispersion plot
    trend_terms: int = 5
    trend_entries: tuple[Entry, ...] = ()  # the entries the trend chart shows [the trend_terms most frequent]
    occurrences: int = 10  # occurrences in context listed per term (a small concordance)
    by: str = "year"  # year, month or group
    documents: int = 50  # documents shown in full
    max_chars: int = 20000  # characters shown of each document
    max_damage: int = 200  # damaged runs listed
    note: str = ""  # a line under the title (what was read, with which lexicon)


@dataclass
class _PageParts:
    """What one pass over the results keeps besides the tallies."""

    shown: list[Any] = field(default_factory=list)  # DocumentResults shown in full
    kwic: dict[str, list[KwicLine]] = field(default_factory=dict)  # the first occurrences of each entry
    positions: list[tuple[str, int, list[tuple[str, int]]]] = field(default_factory=list)  # id, length, hits
    entries: dict[str, Entry] = field(default_factory=dict)


def escape(text: str) -> str:
    """``text`` as HTML, with control and bidi characters made visible (ESC as ␛, U+202E as
    ``<U+202E>``): a page shows what the document holds, and nothing reorders or hides it."""
    return html.escape(visible(text))


def build_report(results: Iterable[DocumentResult], options: ReportOptions | None = None) -> str:
    """The report page of :class:`termkit.match.DocumentResult` s (consumed once) as one HTML string."""
    options = options or ReportOptions()
    tally, trends, seen = Tally(), TrendTally(options.by), _PageParts()
    for r in results:
        tally.add(r)
        trends.add(r)
        if len(seen.shown) < options.documents:
            seen.shown.append(r)
        if len(seen.positions) < options.dispersion_docs:
            seen.positions.append((r.doc.id, len(r.doc.text), [(m.entry.id, m.start) for m in r.matches]))
        for m in r.matches:
            seen.entries.setdefault(m.entry.id, m.entry)
        wanted = {m.entry.id for m in r.matches if len(seen.kwic.get(m.entry.id, ())) < options.occurrences}
        for k in concordance([r], wanted, width=25) if wanted else ():
            if len(lines := seen.kwic.setdefault(k.id, [])) < options.occurrences:
                lines.append(k)
    stats = tally.result()
    chosen = list(options.trend_entries) or None
    ranked = [t.entry for t in stats.sorted("count")]
    body = "\n".join([
        _header(options, stats),
        _summary(stats, options),
        _section("top", "Top terms", _bar_chart(stats, options.top)),
        _section("frequency", "Frequency table", _frequency_table(stats)),
        _section("dispersion", "Dispersion", _dispersion(seen.positions, ranked[:options.dispersion_terms],
                                                          stats.documents, options)),
        _section("trends", "Trends", _trends(trends.result(chosen, top=options.trend_terms))),
        _section("occurrences", "Occurrences", _occurrences(ranked[:options.top], seen.kwic, options.occurrences)),
        _section("documents", "Documents", _documents(seen.shown, stats.documents, options)),
    ])
    return _page(options.title, body, _term_data(seen.entries.values()))


def _page(title: str, body: str, data: dict[str, Any]) -> str:
    from .report_template import PAGE, SCRIPT, STYLE

    csp = (f"default-src 'none'; script-src '{_sha256(SCRIPT)}'; style-src '{_sha256(STYLE)}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return PAGE.substitute(csp=csp, title=escape(title), style=STYLE, script=SCRIPT, body=body,
                           data=_json_for_html(data))


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _json_for_html(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element early (``</script>`` inside a gloss).

    >>> _json_for_html({"a": "</script>&"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _term_data(entries: Iterable[Entry]) -> dict[str, Any]:
    return {e.id: {"term": e.term, "gloss": e.gloss, "pinyin": e.pinyin or "", "category": e.category,
                   "expansion": list(e.expansion)} for e in entries}


def _section(anchor: str, title: str, content: str) -> str:
    return f'<section id="{anchor}">\n<h2>{escape(title)}</h2>\n{content}\n</section>'


def _header(options: ReportOptions, stats: CorpusStats) -> str:
    links = " ".join(f'<a href="#{a}">{t}</a>' for a, t in (
        ("summary", "Summary"), ("top", "Top terms"), ("frequency", "Table"), ("dispersion", "Dispersion"),
        ("trends", "Trends"), ("documents", "Documents")))
    note = f'<p class="note">{escape(options.note)}</p>' if options.note else ""
    return f"<header>\n<h1>{escape(options.title)}</h1>\n{note}\n<nav>{links}</nav>\n</header>"


def _summary(stats: CorpusStats, options: ReportOptions) -> str:
    runs = sum(len(d.spans) for d in stats.damage)
    cards = [("documents", stats.documents), ("characters", stats.characters), ("terms found", stats.matches),
             ("distinct terms", len(stats.terms)), ("damaged runs", runs)]
    dl = "".join(f"<div><dt>{k}</dt><dd>{v:,}</dd></div>" for k, v in cards)
    parts = [f'<dl class="summary">{dl}</dl>']
    if runs:
        rows = [(d.doc, s) for d in stats.damage for s in d.spans][:options.max_damage]
        trs = "".join(f"<tr><td>{escape(doc)}</td><td class=\"num\">{s.line}</td><td class=\"num\">{s.column}</td>"
                      f"<td class=\"num\">{s.end - s.start}</td></tr>" for doc, s in rows)
        more = f" (the first {len(rows)} of {runs})" if runs > len(rows) else ""
        parts.append(f'<p>Damaged text (runs of <code>?</code> or U+FFFD: lost characters){more}:</p>'
                     f'<div class="scroll"><table class="damage"><thead><tr><th>document</th><th class="num">line'
                     f'</th><th class="num">column</th><th class="num">characters</th></tr></thead>'
                     f"<tbody>{trs}</tbody></table></div>")
    else:
        parts.append('<p class="note">No damaged text found.</p>')
    return _section("summary", "Summary", "\n".join(parts))


def _frequency_table(stats: CorpusStats) -> str:
    if not stats.terms:
        return '<p class="note">No lexicon terms found.</p>'
    cols = [("term", ""), ("pinyin", ""), ("gloss", ""), ("category", ""), ("count", "num"), ("docs", "num"),
            ("per 10k", "num")]
    sort = ' aria-sort="descending"'
    head = "".join(f'<th class="{c}"{sort if n == "count" else ""}><button type="button">{n}</button></th>'
                   for n, c in cols)
    rows = []
    for t in stats.sorted("count"):
        e = t.entry
        rows.append(f'<tr><td lang="zh">{escape(e.term)}</td><td>{escape(e.pinyin or "")}</td>'
                    f'<td>{escape(e.gloss)}</td>'
                    f'<td>{escape(e.category)}</td><td class="num" data-value="{t.count}">{t.count}</td>'
                    f'<td class="num" data-value="{t.docs}">{t.docs}</td>'
                    f'<td class="num" data-value="{t.per_10k:.6f}">{t.per_10k:.2f}</td></tr>')
    return (f'<p class="note">Click a column heading to sort.</p><div class="scroll">'
            f'<table class="sortable" id="freq"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _bar_chart(stats: CorpusStats, top: int) -> str:
    rows = stats.sorted("count")[:top]
    if not rows:
        return '<p class="note">No lexicon terms found.</p>'
    label, width, row = 300, 760, 24
    peak = max(t.count for t in rows)
    scale = (width - label - 60) / peak
    bars = []
    for i, t in enumerate(rows):
        y, e = 10 + i * row, t.entry
        text = _clip(f"{e.term}  {e.gloss}", 44)
        bars.append(f'<g><title>{escape(e.term)} — {escape(e.gloss)}: {t.count} in {plural(t.docs, "document")}</title>'
                    f'<text x="{label - 8}" y="{y + 16}" text-anchor="end">{escape(text)}</text>'
                    f'<rect class="bar" x="{label}" y="{y + 4}" width="{max(1.0, t.count * scale):.1f}" '
                    f'height="{row - 8}"/>'
                    f'<text x="{label + t.count * scale + 6:.1f}" y="{y + 16}">{t.count}</text></g>')
    height = 20 + len(rows) * row
    return (f'<svg id="top-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'aria-label="The {len(rows)} most frequent terms by count">{"".join(bars)}</svg>')


def _clip(text: str, n: int) -> str:
    """Cut ``text`` to ``n`` cells of width, a Chinese character taking two (labels must fit).

    >>> _clip("深入贯彻中央八项规定精神学习教育 Party-wide", 12)
    '深入贯彻中…'
    """
    out, width = [], 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if width + w > n - 1:
            return "".join(out) + "…"
        out.append(ch)
        width += w
    return text


def _dispersion(positions: Sequence[tuple[str, int, list[tuple[str, int]]]], terms: Sequence[Entry],
                total_docs: int, options: ReportOptions) -> str:
    """Where each top term falls: the documents laid end to end (widths by length), a row per term."""
    if not terms or not positions:
        return '<p class="note">No lexicon terms found.</p>'
    label, width, row = 170, 760, 26
    plot = width - label - 10
    total = sum(max(1, n) for _, n, _ in positions)
    offsets, x = [], 0
    for _, n, _ in positions:
        offsets.append(x)
        x += max(1, n)
    row_of = {e.id: i for i, e in enumerate(terms)}
    ticks: list[set[float]] = [set() for _ in terms]
    for (_, _, hits), start in zip(positions, offsets):
        for eid, pos in hits:
            if eid in row_of:
                ticks[row_of[eid]].add(round(label + (start + pos) / total * plot, 1))  # one tick per 0.1 px
    height = 20 + len(terms) * row + 24
    parts = []
    for i, e in enumerate(terms):
        y = 10 + i * row
        color = PALETTE[i % len(PALETTE)]
        lines = "".join(f'<line class="tick" x1="{t}" x2="{t}" y1="{y + 4}" y2="{y + row - 4}"/>'
                        for t in sorted(ticks[i]))
        parts.append(f'<g><title>{escape(e.term)} — {escape(e.gloss)}</title>'
                     f'<text x="{label - 8}" y="{y + 17}" text-anchor="end">{escape(_clip(e.term, 16))}</text>'
                     f'<line class="axis" x1="{label}" x2="{label + plot}" y1="{y + row / 2}" y2="{y + row / 2}"/>'
                     f'<g stroke="{color}">{lines}</g></g>')
    edges = []
    for (doc, _, _), start in zip(positions, offsets):
        x = round(label + start / total * plot, 1)
        edges.append(f'<line class="doc-edge" x1="{x}" x2="{x}" y1="6" y2="{height - 20}"><title>{escape(doc)}'
                     f"</title></line>")
    axis = (f'<text x="{label}" y="{height - 6}">start of the first document</text>'
            f'<text x="{label + plot}" y="{height - 6}" text-anchor="end">end of document {len(positions)}</text>')
    more = (f" Only the first {len(positions)} of {plural(total_docs, 'document')} are plotted."
            if total_docs > len(positions) else "")
    return (f'<p class="note">Each row is a term; each stroke one occurrence. The {len(positions)} documents are '
            f"laid end to end, each as wide as it is long (thin grey lines mark where each begins).{more}</p>"
            f'<svg id="dispersion-plot" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'aria-label="Dispersion of the top terms">{"".join(edges)}{"".join(parts)}{axis}</svg>')


def _trends(trend: Trend) -> str:
    placed = trend.placed
    what = "group" if trend.by == "group" else "date"
    missing = (f" {plural(trend.missing, 'document has', 'documents have')} no {what} and are left out of the chart."
               if trend.missing else "")
    if not placed or not trend.terms:
        hint = "give --group-field" if trend.by == "group" else \
            "give --date-field for JSONL/CSV, or a year or date in file names: 2024, 2024-05-01"
        return f'<p class="note">No trend: no document has a {what} ({hint}).</p>'
    label, width, height, top, bottom = 60, 760, 300, 20, 60
    plot_w, plot_h = width - label - 20, height - top - bottom
    peak = max((v for i in range(len(trend.terms)) for v in trend.series(i) if v), default=1.0)
    step = plot_w / max(1, len(placed) - 1)

    def xy(k: int, v: float) -> tuple[float, float]:
        return round(label + k * step, 1), round(top + plot_h - v / peak * plot_h, 1)

    lines = []
    for i, e in enumerate(trend.terms):
        color = PALETTE[i % len(PALETTE)]
        points = [(k, v) for k, v in enumerate(trend.series(i)) if v is not None]
        coords = " ".join("{},{}".format(*xy(k, v)) for k, v in points)
        path = f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{coords}"/>' \
            if trend.by != "group" else ""
        dots = "".join(f'<circle cx="{xy(k, v)[0]}" cy="{xy(k, v)[1]}" r="3" fill="{color}">'
                       f"<title>{escape(e.term)} {escape(placed[k].key)}: {v:.2f} per 10k</title></circle>"
                       for k, v in points)
        legend = (f'<rect x="{label + (i % 3) * 230}" y="{height - 34 + (i // 3) * 16}" width="10" height="10" '
                  f'fill="{color}"/><text x="{label + (i % 3) * 230 + 14}" y="{height - 25 + (i // 3) * 16}">'
                  f"{escape(_clip(e.term + ' ' + e.gloss, 32))}</text>")
        lines.append(f"<g>{path}{dots}{legend}</g>")
    xlabels = "".join(f'<text x="{xy(k, 0)[0]}" y="{top + plot_h + 16}" text-anchor="{anchor}">'
                      f"{escape(placed[k].key)}</text>" for k, anchor in _axis_labels(len(placed)))
    axes = (f'<line class="axis" x1="{label}" x2="{label}" y1="{top}" y2="{top + plot_h}"/>'
            f'<line class="axis" x1="{label}" x2="{label + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}"/>'
            f'<text x="{label - 6}" y="{top + 10}" text-anchor="end">{peak:.1f}</text>'
            f'<text x="{label - 6}" y="{top + plot_h}" text-anchor="end">0</text>')
    return (f'<p class="note">Rate per 10,000 characters of {plural(len(trend.terms), "term")}, by '
            f"{trend.by}.{missing}</p>"
            f'<svg id="trend-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'aria-label="Trends by {trend.by}">{axes}{xlabels}{"".join(lines)}</svg>')


def _axis_labels(n: int, most: int = 10) -> list[tuple[int, str]]:
    """Which of ``n`` periods get a label under the x axis, and how each is anchored: about ``most``
    evenly spaced, always the last (anchored at its end, so it is not clipped), and never two so close
    that they overlap (the one before the last gives way).

    >>> _axis_labels(3)
    [(0, 'middle'), (1, 'middle'), (2, 'end')]
    >>> [k for k, _ in _axis_labels(21)], [k for k, _ in _axis_labels(23)]
    ([0, 3, 6, 9, 12, 15, 20], [0, 3, 6, 9, 12, 15, 18, 22])
    """
    every = max(1, -(-n // most))
    keep = [k for k in range(0, n, every)]
    if keep[-1] != n - 1:
        if n - 1 - keep[-1] < every and len(keep) > 1:
            keep.pop()
        keep.append(n - 1)
    return [(k, "end" if k == n - 1 and n > 1 else "middle") for k in keep]


def _occurrences(ranked: Sequence[Entry], kwic: dict[str, list[KwicLine]], most: int) -> str:
    """A small concordance: the first occurrences of each top term in their context."""
    if not ranked:
        return '<p class="note">No lexicon terms found.</p>'
    parts = [f'<p class="note">The first {most} occurrences of each term in its context (all of them: '
             f"<code>termkit kwic TERM PATH…</code>).</p>"]
    for e in ranked:
        rows = "".join(f'<tr><td class="left" lang="zh">{escape(k.left)}</td><td class="kw" lang="zh">'
                       f'<mark class="sample cat-{_slug(e.category)}">{escape(k.match)}</mark></td>'
                       f'<td lang="zh">{escape(k.right)}</td><td class="note">{escape(k.doc)}:{k.line}</td></tr>'
                       for k in kwic.get(e.id, ()))
        parts.append(f'<details id="kwic-{_slug(e.id)}"><summary><span lang="zh">{escape(e.term)}</span> — '
                     f'{escape(e.gloss)}</summary><div class="scroll"><table class="kwic">{rows}</table></div>'
                     "</details>")
    return "".join(parts)


def _documents(shown: Sequence[Any], total: int, options: ReportOptions) -> str:
    if not shown:
        return '<p class="note">No documents.</p>'
    note = (f'<p class="note">The first {len(shown)} of {plural(total, "document")} are shown (the figures above cover '
            f"all of them).</p>" if total > len(shown) else "")
    note += _category_legend(shown)
    return note + "\n".join(_document(i, r, options.max_chars) for i, r in enumerate(shown, 1))


def _category_legend(shown: Sequence[Any]) -> str:
    """What the highlight colours of the documents mean: one sample per category present."""
    present = sorted({m.entry.category for r in shown for m in r.matches})
    if not present:
        return ""
    # "sample", not "term": only a term in a document is focusable and has a tooltip
    samples = " ".join(f'<mark class="sample cat-{_slug(c)}">{escape(c)}</mark>' for c in present)
    return f'<p class="legend">Highlight colours by category: {samples}</p>'


def _document(number: int, result: Any, max_chars: int) -> str:
    doc = result.doc
    meta = [plural(len(result.matches), "match", "matches"), plural(visible_length(doc.text), "character")]
    meta += [f"{k}: {doc.meta[k]}" for k in ("date", "group") if doc.meta.get(k)]
    cut = ""
    if len(doc.text) > max_chars:
        cut = (f'<p class="note">Shown: the first {max_chars:,} of {len(doc.text):,} characters.</p>')
    return (f'<article class="doc" id="doc-{number}"><h3>{escape(doc.id)}</h3>'
            f'<p class="note">{escape(" · ".join(meta))}</p>'
            f'<div class="text" lang="zh">{highlight(doc.text, result.matches, max_chars)}</div>{cut}</article>')


def highlight(text: str, matches: Sequence[Any], limit: int | None = None) -> str:
    """``text`` as escaped HTML with each match in a focusable ``<mark>`` (title: gloss and pinyin).

    >>> from termkit.lexicon import Entry
    >>> from termkit.match import Match
    >>> e = Entry(id="x", term="四风", gloss="Four <Winds>")
    >>> highlight("<b>四风", [Match(3, 5, "四风", e)])
    '&lt;b&gt;<mark class="term cat-concept" tabindex="0" data-id="x" title="Four &lt;Winds&gt;">四风</mark>'
    """
    end = len(text) if limit is None else min(limit, len(text))
    out, pos = [], 0
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > end:
            continue  # nested, or past the part shown
        e = m.entry
        title = e.gloss + (f" · {e.pinyin}" if e.pinyin else "")
        out.append(escape(text[pos:m.start]))
        out.append(f'<mark class="term cat-{_slug(e.category)}" tabindex="0" data-id="{escape(e.id)}" '
                   f'title="{escape(title)}">{escape(text[m.start:m.end])}</mark>')
        pos = m.end
    out.append(escape(text[pos:end]))
    return "".join(out)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", str(text).lower()) or "other"
