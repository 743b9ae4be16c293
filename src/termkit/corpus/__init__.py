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

import sys
from collections.abc import Iterable, Iterator

from ..errors import InputError
from .dates import date_from_name, normalize_date
from .document import INPUT_FORMATS, Document, ReadOptions, Warn, display_name, ignore, plain_text
from .encoding import decode_bytes, decode_utf8_file
from .records import parse_csv, parse_jsonl, read_records
from .walk import Source, expand_paths, iter_files

BIG_FILE = 1 << 25  # a text file larger than this (32 MB) is decoded piece by piece when it is UTF-8

__all__ = [
    "INPUT_FORMATS",
    "Document",
    "ReadOptions",
    "Source",
    "Warn",
    "date_from_name",
    "decode_bytes",
    "decode_utf8_file",
    "display_name",
    "expand_paths",
    "iter_files",
    "normalize_date",
    "parse_csv",
    "parse_jsonl",
    "plain_text",
    "read_documents",
    "read_source",
]


def read_documents(paths: Iterable[str], on_warning: Warn = ignore,
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


def read_source(source: Source, options: ReadOptions | None = None,
                on_warning: Warn = ignore, on_error: Warn | None = None) -> Iterator[Document]:
    """The documents of one file (``None``: stdin): one for text, one a record for JSONL/CSV. A
    JSONL/CSV file whose first record lacks the text field is skipped with one message to
    ``on_error`` (default: ``on_warning``) naming the fields it has."""
    options = options or ReadOptions()
    name = "<stdin>" if source is None else display_name(source)
    fmt = options.format_for("-" if source is None else source.name)
    try:
        if fmt == "text":
            # no reference to the file's bytes may outlive this call: they would stay alive while
            # the document is matched
            doc = _read_text(source, name, on_warning)
            if doc is not None:
                yield doc
        else:
            yield from read_records(source, name, fmt, options, on_warning, on_error or on_warning)
    except FileNotFoundError:  # a dangling link in a folder, or a file removed since it was listed
        on_warning(f"{name}: no such file or folder; skipped")
    except OSError as exc:
        on_warning(f"{name}: cannot read ({exc.strerror or exc}); skipped")


def _read_text(source: Source, name: str, on_warning: Warn) -> Document | None:
    """The document of a text file or stdin; a large UTF-8 file is decoded piece by piece."""
    if source is None:
        return _document(name, sys.stdin.buffer.read(), on_warning)
    if source.stat().st_size > BIG_FILE:
        decoded = decode_utf8_file(source)
        if decoded is not None:
            date = date_from_name(name)
            return Document(name, decoded[0], decoded[1], {"date": date} if date else {})
    return _document(name, source.read_bytes(), on_warning)


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
