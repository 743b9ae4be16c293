"""Read documents: files, folders (recursive) and ``-`` for stdin, in any common Chinese encoding.

Documents are yielded one at a time (a corpus is never held in memory). A file that cannot be
read or decoded is skipped with a warning passed to ``on_warning``; the run goes on.

Besides plain text, a file may hold many documents: JSONL (one JSON object a line) or CSV (a
header, then one row a document), chosen by extension (``.jsonl``, ``.csv``, ``.tsv``) or by
:class:`ReadOptions`. A row that cannot be read (not JSON, no text field, a broken CSV row) is
reported with its file and line and skipped. A document's date (ISO: ``YYYY-MM-DD``, ``YYYY-MM``
or ``YYYY``) and group go into ``Document.meta``; the date comes from ``date_field`` or else from
the file name (``xinwenlianbo_2024-01.txt``, ``20240105.txt``, ``report_1988.txt``).

>>> decode_bytes("兩個確立".encode("big5"), "x.txt")
('兩個確立', 'big5hkscs')
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .chardata import UNIFIED
from .errors import InputError

Warn = Callable[[str], None]
SAMPLE = 65536


@dataclass(frozen=True)
class Document:
    """One decoded text. ``id`` is the path as given (or ``<stdin>``)."""

    id: str
    text: str
    encoding: str = "utf-8"
    meta: dict[str, Any] = field(default_factory=dict)


INPUT_FORMATS = ("auto", "text", "jsonl", "csv", "tsv")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}


@dataclass(frozen=True)
class ReadOptions:
    """How to read the documents: the input format and, for JSONL/CSV, which fields hold what.

    ``input_format`` ``auto`` picks by extension (``.jsonl``, ``.csv``, ``.tsv``; anything else,
    and stdin, is text). Without ``id_field`` a row's id is ``file:line``.

    >>> ReadOptions(input_format="auto").format_for("news/2024.jsonl")
    'jsonl'
    """

    input_format: str = "auto"
    text_field: str = "text"
    id_field: str | None = None
    date_field: str | None = None
    group_field: str | None = None

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise InputError(f"unknown input format {self.input_format!r}; use one of {', '.join(INPUT_FORMATS)}")

    def format_for(self, name: str) -> str:
        """The format to read ``name`` in (``-`` is stdin)."""
        if self.input_format != "auto":
            return self.input_format
        if name == "-":
            return "text"
        return _EXTENSIONS.get(os.path.splitext(name)[1].lower(), "text")


def _ignore(_: str) -> None:
    pass


def read_documents(paths: Iterable[str], on_warning: Warn = _ignore,
                   options: ReadOptions | None = None) -> Iterator[Document]:
    """Yield the documents named by ``paths`` (files, folders, ``-``), skipping unreadable ones.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = p.write_text('{"text": "两个确立", "date": "2021/11/16"}\\n', encoding="utf-8")
    >>> [(d.id.endswith("news.jsonl:1"), d.text, d.meta) for d in read_documents(
    ...     [str(p)], options=ReadOptions(date_field="date"))]
    [(True, '两个确立', {'date': '2021-11-16'})]
    """
    options = options or ReadOptions()
    for source in expand_paths(paths, on_warning):
        yield from read_source(source, options, on_warning)


Source = Path | None  # a file, or None for stdin


def expand_paths(paths: Iterable[str], on_warning: Warn = _ignore) -> Iterator[Source]:
    """The files named by ``paths``, folders walked (see :func:`iter_files`); ``-`` is ``None`` (stdin).

    >>> list(expand_paths(["-"]))
    [None]
    """
    for path in paths:
        if path == "-":
            yield None
        else:
            yield from iter_files(Path(path), on_warning)


def read_source(source: Source, options: ReadOptions | None = None,
                on_warning: Warn = _ignore) -> Iterator[Document]:
    """The documents of one file (``None``: stdin): one for text, one a record for JSONL/CSV."""
    options = options or ReadOptions()
    name = "<stdin>" if source is None else str(source)
    fmt = options.format_for("-" if source is None else source.name)
    try:
        if fmt == "text":
            data = sys.stdin.buffer.read() if source is None else source.read_bytes()
            doc = _document(name, data, on_warning)
            yield from [doc] if doc is not None else []
        else:
            yield from _read_records(source, name, fmt, options, on_warning)
    except FileNotFoundError:  # a dangling link in a folder, or a file removed since it was listed
        on_warning(f"{name}: no such file or folder; skipped")
    except OSError as exc:
        on_warning(f"{name}: cannot read ({exc.strerror or exc}); skipped")


def _read_records(file: Path | None, name: str, fmt: str, options: ReadOptions,
                  on_warning: Warn) -> Iterator[Document]:
    """The documents of a JSONL or CSV file (``None``: stdin)."""
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
    for line, record in records:
        doc = _record_document(record, name, line, encoding, file_date, options, on_warning)
        if doc is not None:
            yield doc


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


def parse_jsonl(lines: Iterable[str], name: str, on_warning: Warn = _ignore) -> Iterator[tuple[int, dict[str, Any]]]:
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


def parse_csv(lines: Iterable[str], name: str, on_warning: Warn = _ignore,
              delimiter: str = ",") -> Iterator[tuple[int, dict[str, str]]]:
    """``(line number, row)`` for each CSV row after the header; a row that is broken or has
    the wrong number of fields is reported and skipped. A quoted field may span lines.

    >>> list(parse_csv(['id,text\\n', 'a,四风\\n', 'b\\n'], "a.csv", print))
    a.csv:3: 1 fields where the header has 2; skipped
    [(2, {'id': 'a', 'text': '四风'})]
    """
    # an article is often longer than csv's default limit of 131072 characters a field
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    last = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            on_warning(f"{name}:{last + 1}: bad CSV row ({exc}); skipped")
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


def _record_document(record: Mapping[str, Any], name: str, line: int, encoding: str, file_date: str | None,
                     options: ReadOptions, on_warning: Warn) -> Document | None:
    """The document of one JSONL object or CSV row, or ``None`` (reported) when it has no text."""
    where = f"{name}:{line}"
    text = record.get(options.text_field)
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
        meta["group"] = str(record[options.group_field])
    doc_id = record.get(options.id_field) if options.id_field else None
    return Document(str(doc_id) if doc_id not in (None, "") else where, text, encoding, meta)


_DATE_PATTERNS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})(?:[T ].*)?"),
    re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?"),
    re.compile(r"(\d{4})[-/.](\d{1,2})()"),
    re.compile(r"(\d{4})年?()()"),
)
_NAME_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.])(\d\d)\2(\d\d)(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)()(\d\d)(\d\d)(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.])(\d\d)()(?!\d)"),
    # a year alone, not glued to letters or digits: gov_work_report_1988.txt, but not sighan2005 or v2.2019
    re.compile(r"(?<![0-9A-Za-z.])((?:19|20)\d\d)()()()(?![0-9A-Za-z]|\.\d)"),
)


def normalize_date(value: Any) -> str | None:
    """An ISO date (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when that is all there is), or
    ``None`` when ``value`` is not a valid date.

    >>> [normalize_date(v) for v in ("2024/1/5", "20240105", "2024年1月", "2024-01-05T08:00:00Z", 2021)]
    ['2024-01-05', '2024-01-05', '2024-01', '2024-01-05', '2021']
    >>> normalize_date("2024-13-01") is None
    True
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            return _iso(*m.groups()[:3])
    return None


def date_from_name(name: str) -> str | None:
    """The date in a file's name (``YYYY-MM-DD``, ``YYYYMMDD``, ``YYYY-MM``, or a year alone), if any.

    >>> [date_from_name(n) for n in ("news/xinwenlianbo_2024-01.txt", "rmrb_20210115.txt", "000_afae.txt")]
    ['2024-01', '2021-01-15', None]
    >>> [date_from_name(n) for n in ("gov_work_report_1988.txt", "v2.2019.txt", "id_120199.txt", "sighan2005.txt")]
    ['1988', None, None, None]
    """
    base = os.path.basename(name)
    for pattern in _NAME_DATES:
        for m in pattern.finditer(base):
            year, _, month, day = m.groups()
            iso = _iso(year, month, day)
            if iso:
                return iso
    return None


def _iso(year: str, month: str | None, day: str | None) -> str | None:
    """``YYYY[-MM[-DD]]`` for valid parts, else ``None``."""
    try:
        _dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if not 1000 <= int(year) <= 2999:
        return None
    parts = [year] + [f"{int(p):02d}" for p in (month, day) if p]
    return "-".join(parts)


def iter_files(path: Path, on_warning: Warn = _ignore) -> Iterator[Path]:
    """A file itself, or every non-hidden file below a folder in sorted order (loops reported)."""
    if not path.exists():
        on_warning(f"{path}: no such file or folder; skipped")
        return
    if not path.is_dir():
        yield path
        return
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(path, followlinks=True):
        st = os.stat(root)
        if (st.st_dev, st.st_ino) in seen:
            on_warning(f"{root}: folder loop (a link back to a parent); not followed")
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(root) / name
            if name.startswith("."):
                continue
            if file.exists() and not file.is_file():  # reading a FIFO found in a folder would block
                on_warning(f"{file}: not a regular file (a FIFO, socket or device); skipped")
                continue
            yield file


def _document(name: str, data: bytes, on_warning: Warn) -> Document | None:
    if not data:
        on_warning(f"{name}: empty file; counted as a document without text")
    try:
        text, encoding = decode_bytes(data, name)
    except InputError as exc:
        on_warning(f"{exc}; skipped")
        return None
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        on_warning(f"{name}: decoded as {encoding}")
    date = date_from_name(name) if name != "<stdin>" else None
    return Document(name, text, encoding, {"date": date} if date else {})


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a document: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, Big5(-HKSCS), or what
    charset-normalizer finds. Raises :class:`InputError` for binary or undecodable data.

    >>> decode_bytes("﻿两个维护".encode("utf-8"))
    ('两个维护', 'utf-8-sig')
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {enc} BOM but does not decode ({exc.reason})") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    head = data[:SAMPLE]
    if b"\0" in head:
        utf16 = _bomless_utf16(data)
        if utf16:
            return utf16
        raise InputError(f"{name}: binary file (contains NUL bytes)")
    chinese = _chinese_legacy(data)
    if chinese:
        return chinese
    mostly = _mostly_utf8(data)
    if mostly:
        return mostly
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: cannot tell its encoding (not UTF-8, GB18030, Big5 or UTF-16)")
    return str(best), best.encoding


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few broken sequences (a truncated last character, a stray byte): decoded with
    U+FFFD in their place, which the damage report then counts — never silently dropped."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad and bad <= max(1, len(text) // 1000):
        return text, "utf-8 (with invalid bytes replaced)"
    return None


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    even, odd = data[0:SAMPLE:2].count(0), data[1:SAMPLE:2].count(0)
    half = max(1, min(len(data), SAMPLE) // 2)
    for enc, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros > half * 0.3 and len(data) % 2 == 0:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                continue
    # Chinese UTF-16 has few NULs; accept it when it decodes to mostly Han text
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _common_share(text, enc) > 0.5:
            return text, enc
    return None


def _chinese_legacy(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5-HKSCS, whichever decodes strictly and reads as common Chinese."""
    scored = []
    for enc in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((_common_share(text, enc), enc, text))
    scored.sort(reverse=True)
    if not scored:
        return None
    best, runner_up = scored[0][0], (scored[1][0] if len(scored) > 1 else 0.0)
    # clear winners only: real text scores ~0.9; bytes decoded the wrong way score well below that.
    # Short texts full of rarer characters (Cantonese HKSCS) still win by a clear margin.
    if best >= 0.6 or (best >= 0.4 and best - runner_up >= 0.15):
        return scored[0][2], scored[0][1]
    return None


def _common_share(text: str, enc: str) -> float:
    """Share of Han characters that are among the common ones of the encoding's own script
    (GB2312 level 1, Big5 frequent): high for real text, low for text decoded the wrong way."""
    lo, hi = UNIFIED
    han = [c for c in text[:20000] if lo <= ord(c) < hi]
    if not han:
        return 0.0
    if enc.startswith("utf-16"):
        return len(han) / max(1, len(text[:20000]))
    common = 0
    for c in han:
        try:
            if enc.startswith("big5"):
                b = c.encode("big5")
                common += 0xA4 <= b[0] <= 0xC6
            else:
                b = c.encode("gb2312")
                common += 0xB0 <= b[0] <= 0xD7
        except UnicodeEncodeError:
            continue
    return common / len(han)
