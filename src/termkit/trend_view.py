"""Terminal view of a :class:`termkit.trend.Trend`: a table of counts and rates, and a sparkline
chart of each term's rate over the periods. Nothing here decides anything; it only draws.

>>> sparkline([0.0, 1.0, None, 4.0])
'▁▃ █'
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .layout import print_hanging
from .trend import Trend
from .wording import plural

BLOCKS = "▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """One character per value: blank for no data, ``▁`` for zero, ``▂``…``█`` scaled to the maximum."""
    top = max((v for v in values if v), default=0.0)
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        elif not v or not top:
            out.append("▁")
        else:
            out.append(BLOCKS[min(len(BLOCKS) - 1, int(v / top * len(BLOCKS) - 1e-9))])
    return "".join(out)


def render_trend(console: Console, trend: Trend) -> None:
    """The table (a row per period: documents, characters, each term's count and rate), then the
    chart, then a note on documents without a date or group."""
    wide = console.width >= 100
    table = Table(title=f"terms by {trend.by} (count · per 10k characters)", title_justify="left",
                  caption="characters: all but whitespace, as in count and report", caption_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True, header_style="bold")
    table.add_column(trend.by, no_wrap=True)
    table.add_column("docs", justify="right", no_wrap=True)
    if wide:
        table.add_column("chars", justify="right", no_wrap=True)
    for e in trend.terms:  # a long term folds over lines in the header; the cells never wrap
        table.add_column(Text(e.term, overflow="fold", no_wrap=False), justify="right", no_wrap=True, min_width=6,
                         max_width=14 if wide else 10)
    for p in trend.periods:
        cells = [f"{n} · {r:.2f}" if (r := p.per_10k(i)) is not None else "–" for i, n in enumerate(p.counts)]
        table.add_row(Text(str(p.key)), str(p.documents), *([f"{p.characters:,}"] if wide else []), *cells)
    console.print(table)
    placed = trend.placed
    if placed and trend.terms:
        chart = Table(title=f"rate per 10k, {placed[0].key} → {placed[-1].key}", title_justify="left", box=None)
        for col, justify in (("term", "left"), ("gloss", "left"), ("chart", "left"), ("max", "right")):
            chart.add_column(col, justify=justify, no_wrap=col != "gloss")  # type: ignore[arg-type]
        for i, e in enumerate(trend.terms):
            series = trend.series(i)
            top = max((v for v in series if v is not None), default=0.0)
            chart.add_row(Text(e.term), Text(e.gloss, style="dim"), Text(sparkline(series), style="bold cyan"),
                          f"{top:.2f}")
        console.print(chart)
    if trend.missing:
        what = "no group (give --group-field)" if trend.by == "group" else \
            "no date (text files: a year or date in the file name, such as 2024 or 2024-05-01; JSONL/CSV: " \
            "--date-field)"
        print_hanging(console, Text(f"{plural(trend.missing, 'document has', 'documents have')} {what}; counted in "
                                    f"'{trend.missing_key}'."), 0)
