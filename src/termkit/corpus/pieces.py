"""Cut a large UTF-8 text file into pieces that can be read, decoded and matched apart.

A cut is placed right after a *barrier* character (sentence punctuation that no lexicon key,
``exclude`` string or context look-around contains: :meth:`termkit.match.Matcher.barriers`), so no
match can span it, and never next to a ``?`` or U+FFFD, so no damaged run is cut in two. The cuts
are found in the bytes, without decoding: in UTF-8 the bytes of a character never occur inside
another's, so a barrier's bytes found anywhere are that character. The file is read a small window
at a time; nothing of it is held beside the pieces.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_text("一二三。四五六。七。?八。九", encoding="utf-8")
>>> [p.read_bytes()[a:b].decode() for a, b in utf8_pieces(p, 6, "。")]
['一二三。', '四五六。', '七。?八。', '九']
"""

from __future__ import annotations

import codecs
import itertools
import os
from pathlib import Path

from .encoding import SAMPLE

WINDOW = 1 << 16  # bytes read at a time while looking for a cut
DAMAGE_STARTS = (b"?", "\ufffd".encode())  # a character after a cut must not start a damaged run


def utf8_pieces(path: Path, piece: int, barriers: str) -> list[tuple[int, int]]:
    """Byte ranges ``[a, b)`` of ``path``, about ``piece`` bytes each, cut right after one of ``barriers``
    (``?`` is never used: it may be damage). The first range starts after a UTF-8 byte-order mark.
    One range (the whole file) when there is no place to cut; none when the file holds a NUL byte in
    its first 64 KB (UTF-16 or binary: :func:`~termkit.corpus.decode_bytes` reads it whole). The
    pieces are valid UTF-8 exactly when the file is: each piece is checked as it is decoded.
    """
    marks = [ch.encode() for ch in dict.fromkeys(barriers) if ch != "?"]
    with open(path, "rb") as fh:
        head = fh.read(SAMPLE)
        if b"\0" in head:
            return []
        size = os.fstat(fh.fileno()).st_size
        a = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
        bounds = [a]
        while marks and bounds[-1] + piece < size:
            cut = _next_cut(fh.fileno(), bounds[-1] + piece, size, marks)
            if cut is None:
                break
            bounds.append(cut)
    bounds.append(size)
    return list(itertools.pairwise(bounds))


def _next_cut(fd: int, pos: int, size: int, marks: list[bytes]) -> int | None:
    """The first offset at or after ``pos`` that follows a barrier's bytes and precedes neither ``?``
    nor U+FFFD nor the end of the file; None when there is none."""
    longest = max(map(len, marks))
    start = max(0, pos - longest)  # a barrier may end right at pos
    while start < size:
        block = os.pread(fd, WINDOW + 8, start)  # 8 bytes more: the character after a cut is seen too
        last = len(block) < WINDOW + 8
        cut = _first_cut(block, marks, pos - start, len(block) if last else WINDOW)
        if cut is not None:
            return start + cut if start + cut < size else None
        if last:
            return None
        start += WINDOW - longest  # a barrier across the window's end is found in the next one
    return None


def _first_cut(block: bytes, marks: list[bytes], low: int, limit: int) -> int | None:
    """The first index in ``[low, limit]`` of ``block`` right after one of ``marks`` and not before a
    damage character.

    >>> _first_cut("一。?二。三".encode(), ["。".encode()], 0, 17)
    13
    """
    best = None
    for mark in marks:
        i = block.find(mark, max(0, low - len(mark)))
        while i >= 0 and (cut := i + len(mark)) <= limit and (best is None or cut < best):
            if cut >= low and not block.startswith(DAMAGE_STARTS, cut):
                best = cut
                break
            i = block.find(mark, i + 1)
    return best
