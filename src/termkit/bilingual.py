"""Read bilingual files into segments: the source text, its translation, and where they came from.

Formats, by file extension (or ``fmt``):

- XLIFF 1.2 and 2.x (``.xlf``, ``.xliff``, ``.sdlxliff``) and TMX (``.tmx``), read with
  translate-toolkit (the version is taken from the file itself);
- CSV and TSV (``.csv``, ``.tsv``) with a header row: the source and target columns are named by
  ``source_field`` and ``target_field``, the segment id by ``id_field`` (else the line number);
- two line-aligned plain-text files (:func:`read_aligned`): line *n* of one translates line *n* of
  the other.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.csv").write_text("source,target\\n两个维护,Two Upholds\\n", encoding="utf-8")
>>> [(s.id, s.source, s.target) for s in read_bilingual(d / "a.csv")]
[('2', '两个维护', 'Two Upholds')]
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import TermkitError

XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff")
FORMATS = ("xliff", "tmx", "csv", "tsv")


def _ignore(_: str) -> None:
    pass


class BilingualError(TermkitError, ValueError):
    """A bilingual file that cannot be read as asked."""


@dataclass(frozen=True)
class Segment:
    """One translation unit: ``source`` and ``target`` text, the file and the unit's id in it."""

    file: str
    id: str
    source: str
    target: str


def detect_format(path: Path) -> str:
    """The bilingual format a file name says.

    >>> detect_format(Path("job.sdlxliff")), detect_format(Path("memory.TMX"))
    ('xliff', 'tmx')
    """
    suffix = path.suffix.lower()
    if suffix in XLIFF_SUFFIXES:
        return "xliff"
    if suffix in (".tmx", ".csv", ".tsv"):
        return suffix[1:]
    raise BilingualError(f"{path}: cannot tell the format from the name (give --input-format "
                         f"{'|'.join(FORMATS)}, or --source/--target for two plain-text files)")


def read_bilingual(path: Path, fmt: str | None = None, source_field: str = "source", target_field: str = "target",
                   id_field: str | None = None, on_warning: Callable[[str], None] = _ignore) -> list[Segment]:
    """The segments of one bilingual file (see the module's list of formats)."""
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise BilingualError(f"{path}: unknown bilingual format {fmt!r}; use one of {', '.join(FORMATS)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BilingualError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if fmt in ("csv", "tsv"):
        return _read_table(path, data, "," if fmt == "csv" else "\t", source_field, target_field, id_field,
                           on_warning)
    return _read_translate_toolkit(path, data, fmt)


def _read_translate_toolkit(path: Path, data: bytes, fmt: str) -> list[Segment]:
    from translate.storage import tmx, xliff, xliff2

    if fmt == "tmx":
        store_class = tmx.tmxfile
    else:
        head = data[:2048].decode("utf-8", "replace")
        version = re.search(r"<xliff\b[^>]*\bversion\s*=\s*[\"']([\d.]+)", head)
        store_class = xliff2.Xliff2File if version and version.group(1).startswith("2") else xliff.xlifffile
    try:
        store = store_class.parsestring(data)
    except Exception as exc:  # the parsers raise lxml, assertion and value errors alike
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BilingualError(f"{path}: not a readable {fmt.upper()} file ({msg})") from None
    segments = []
    for n, unit in enumerate(store.units, 1):
        if getattr(unit, "isheader", lambda: False)():
            continue
        source, target = unit.source or "", unit.target or ""
        unit_id = _unit_id(unit, fmt)
        segments.append(Segment(str(path), str(unit_id or n), str(source), str(target)))
    return segments


def _unit_id(unit: object, fmt: str) -> str:
    """A unit's own id: a TMX unit's ``tuid`` (when the file gives one); for XLIFF 1.2 the last part
    of translate-toolkit's ``original\x04id``."""
    if fmt == "tmx":
        return unit.xmlelement.get("tuid") or ""  # type: ignore[attr-defined]
    return str(unit.getid() or "").split("\x04")[-1]  # type: ignore[attr-defined]


def _read_table(path: Path, data: bytes, delimiter: str, source_field: str, target_field: str,
                id_field: str | None, on_warning: Callable[[str], None]) -> list[Segment]:
    """The rows of a CSV/TSV file, read by the corpus reader's CSV parser (broken rows and rows of
    the wrong width are reported through ``on_warning`` and skipped; long fields allowed)."""
    from .corpus.records import parse_csv

    text = data.decode("utf-8-sig", errors="replace")
    segments: list[Segment] = []
    for line, row in parse_csv(io.StringIO(text, newline=""), str(path), on_warning, delimiter):
        if not segments:
            missing = [f for f in (source_field, target_field, id_field) if f and f not in row]
            if missing:
                raise BilingualError(f"{path}: no column {missing[0]!r}; the columns are {', '.join(row) or '(none)'} "
                                     "(choose with --source-field / --target-field / --id-field)")
        segments.append(Segment(str(path), (row.get(id_field) if id_field else None) or str(line),
                                row.get(source_field) or "", row.get(target_field) or ""))
    return segments


def read_aligned(source: Path, target: Path) -> list[Segment]:
    """Two plain-text files, line *n* of ``target`` the translation of line *n* of ``source``;
    blank line pairs are skipped, and files of different lengths are an error."""
    from .corpus import decode_bytes

    texts = []
    for path in (source, target):
        try:
            texts.append(decode_bytes(path.read_bytes(), str(path))[0].splitlines())
        except OSError as exc:
            raise BilingualError(f"{path}: cannot read ({exc.strerror or exc})") from None
    src, tgt = texts
    if len(src) != len(tgt):
        raise BilingualError(f"{target}: {len(tgt)} lines, but {source} has {len(src)}: the files are not "
                             "line-aligned")
    return [Segment(str(target), str(n), s, t) for n, (s, t) in enumerate(zip(src, tgt), 1) if s.strip() or t.strip()]
