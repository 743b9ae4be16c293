"""Files that hold many documents: JSONL (one JSON object a line) and CSV/TSV (a header, then one row a
document). A row that cannot be read is reported with its file and line and skipped; a UTF-8 file is
streamed, so a corpus file may be larger than memory.

>>> list(parse_jsonl(['{"text": "四风"}\\n'], "a.jsonl"))
[(1, {'text': '四风'})]
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..chardata import is_han
from ..errors import InputError
from .dates import date_from_name, normalize_date
from .document import Document, ReadOptions, Warn, ignore, plain_text
from .encoding import SAMPLE, decode_bytes

ROW_WARNINGS = 5  # rows reported one by one per file; the rest are summed up in one line


class RowWarnings:
    """The row warnings of one file: the first ``limit`` passed on, the rest counted and summed up by
    :meth:`close` (a wrong ``--text-field`` on 100,000 rows is 6 lines, not 100,000).

    >>> said = []
    >>> w = RowWarnings("a.csv", said.append, limit=2)
    >>> for i in range(5):
    ...     w(f"a.csv:{i}: no text")
    >>> w.close()
    >>> said[-1]
    'a.csv: 3 more rows skipped or warned about (the first 2 are above)'
    """

    def __init__(self, name: str, on_warning: Warn, limit: int = ROW_WARNINGS) -> None:
        self.name, self.on_warning, self.limit, self.count = name, on_warning, limit, 0

    def __call__(self, message: str) -> None:
        self.count += 1
        if self.count <= self.limit:
            self.on_warning(message)

    def close(self) -> None:
        if self.count > self.limit:
            self.on_warning(f"{self.name}: {self.count - self.limit:,} more rows skipped or warned about "
                            f"(the first {self.limit} are above)")


def read_records(file: Path | None, name: str, fmt: str, options: ReadOptions,
                 on_warning: Warn, on_error: Warn | None = None) -> Iterator[Document]:
    """The documents of a JSONL or CSV file (``None``: stdin). A file whose first record has no
    text field is skipped with one message to ``on_error`` (see :func:`missing_field`); row warnings
    are summed up after a few (:class:`RowWarnings`)."""
    rows = RowWarnings(name, on_warning)
    try:
        yield from _records(file, name, fmt, options, rows, on_error)
    finally:
        rows.close()


def _records(file: Path | None, name: str, fmt: str, options: ReadOptions,
             on_warning: Warn, on_error: Warn | None) -> Iterator[Document]:
    try:
        lines, encoding = _open_lines(file, name)
    except InputError as exc:
        on_warning(f"{exc}; skipped")
        return
    if fmt == "jsonl":
        records: Iterator[tuple[int, Mapping[str, Any]]] = parse_jsonl(lines, name, on_warning)
    else:
        records = parse_csv(lines, name, on_warning, delimiter="\t" if fmt == "tsv" else ",")
    file_date = date_from_name(name) if file is not None else None
    first = True
    for line, record in records:
        if first and options.text_field not in record:
            (on_error or on_warning)(missing_field(f"{name}:{line}", options.text_field, record))
            return
        first = False
        doc = _record_document(record, name, line, encoding, file_date, options, on_warning)
        if doc is not None:
            yield doc


def missing_field(where: str, field_name: str, record: Mapping[str, Any]) -> str:
    """The message for a file whose first record has no text field: the fields it has, and the
    one most likely to hold the text (the most Chinese characters, else the longest string).

    >>> missing_field("news.csv:2", "text", {"id": "1", "date": "2024-01-05", "body": "两个确立"})
    "news.csv:2: no text field 'text' (the fields are id, date, body); give --text-field body"
    """
    names = ", ".join(map(str, record)) or "none"
    texts = [(sum(map(is_han, v)), len(v), k) for k, v in record.items() if isinstance(v, str) and v.strip()]
    hint = f"; give --text-field {max(texts)[2]}" if texts else ""
    return f"{where}: no text field {field_name!r} (the fields are {names}){hint}"


def _open_lines(file: Path | None, name: str) -> tuple[Iterable[str], str]:
    """The lines of a JSONL/CSV source and its encoding: streamed when UTF-8 (a corpus file may be
    larger than memory), else decoded whole like a text file."""
    if file is not None:
        with open(file, "rb") as fh:
            head = fh.read(SAMPLE)
        if _utf8_head(head):
            return _stream_utf8(file), "utf-8"
        data = file.read_bytes()
    else:
        data = sys.stdin.buffer.read()
    text, encoding = decode_bytes(data, name)
    return io.StringIO(text, newline=""), encoding


def _utf8_head(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def _stream_utf8(file: Path) -> Iterator[str]:
    # broken bytes further on become U+FFFD, which the damage report then counts
    with open(file, encoding="utf-8-sig", errors="replace", newline="") as fh:
        yield from fh


def parse_jsonl(lines: Iterable[str], name: str, on_warning: Warn = ignore) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each line of JSONL; other lines are reported and skipped.

    >>> list(parse_jsonl(['{"text": "四风"}\\n', '\\n', '[1]\\n'], "a.jsonl", print))
    a.jsonl:3: not a JSON object (a list); skipped
    [(1, {'text': '四风'})]
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            on_warning(f"{name}:{number}: not JSON ({exc.msg} at column {exc.colno}); skipped")
            continue
        if not isinstance(value, dict):
            on_warning(f"{name}:{number}: not a JSON object (a {_json_kind(value)}); skipped")
            continue
        yield number, value


def _json_kind(value: Any) -> str:
    kinds = {list: "list", str: "string", bool: "boolean", int: "number", float: "number"}
    return kinds.get(type(value), "null")


def parse_csv(lines: Iterable[str], name: str, on_warning: Warn = ignore,
              delimiter: str = ",") -> Iterator[tuple[int, dict[str, str]]]:
    """``(line number, row)`` for each CSV row after the header; a row that is broken or has
    the wrong number of fields is reported and skipped. A quoted field may span lines.

    >>> list(parse_csv(['id,text\\n', 'a,四风\\n', 'b\\n'], "a.csv", print))
    a.csv:3: 1 fields where the header has 2; skipped
    [(2, {'id': 'a', 'text': '四风'})]
    """
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    last = 0
    while True:
        try:
            row = _next_row(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            lines = reader.line_num - last
            spill = (f": it runs over {lines:,} lines, to line {reader.line_num:,} (a quote left open?), all "
                     "skipped with it" if lines > 1 else "")
            on_warning(f"{name}:{last + 1}: bad CSV row ({exc}); skipped{spill}")
            last = reader.line_num
            continue
        start, last = last + 1, reader.line_num
        if not row:
            continue
        if header is None:
            header = [h.strip() for h in row]
        elif len(row) != len(header):
            on_warning(f"{name}:{start}: {len(row)} fields where the header has {len(header)}; skipped")
        else:
            yield start, dict(zip(header, row))


FIELD_LIMIT = 1 << 30  # an article is often longer than csv's default limit of 131072 characters a field


def _next_row(reader: Iterator[list[str]]) -> list[str]:
    """The next row, read with termkit's field limit; the process-wide limit is left as it was."""
    old = csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    try:
        return next(reader)
    finally:
        csv.field_size_limit(old)


def _record_document(record: Mapping[str, Any], name: str, line: int, encoding: str, file_date: str | None,
                     options: ReadOptions, on_warning: Warn) -> Document | None:
    """The document of one JSONL object or CSV row, or ``None`` (reported) when it has no text."""
    where = f"{name}:{line}"
    text = record.get(options.text_field)
    if isinstance(text, str):
        text = plain_text(text)
    if not isinstance(text, str):
        problem = "has no" if text is None else f"has a {_json_kind(text)} in its"
        on_warning(f"{where}: {problem} text field {options.text_field!r}; skipped")
        return None
    meta: dict[str, Any] = {}
    date = None
    if options.date_field and record.get(options.date_field) not in (None, ""):
        raw = record[options.date_field]
        date = normalize_date(raw)
        if date is None:
            on_warning(f"{where}: {options.date_field} {raw!r} is not a date; taken as undated")
    date = date or file_date
    if date:
        meta["date"] = date
    if options.group_field and record.get(options.group_field) not in (None, ""):
        meta["group"] = plain_text(str(record[options.group_field]))
    doc_id = record.get(options.id_field) if options.id_field else None
    return Document(plain_text(str(doc_id)) if doc_id not in (None, "") else where, text, encoding, meta)
