"""Decode a document's bytes: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, Big5(-HKSCS), or what
charset-normalizer finds; a wrong guess is refused rather than taken.

>>> decode_bytes("兩個確立".encode("big5"), "x.txt")
('兩個確立', 'big5hkscs')
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..chardata import UNIFIED_CLASS, common_chars
from ..errors import InputError

SAMPLE = 65536  # bytes looked at to guess an encoding
_UNIFIED_RE = re.compile(f"[{UNIFIED_CLASS}]")


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
    if b"\0" in data[:SAMPLE]:  # NUL is valid UTF-8, but no text holds it: UTF-16, or binary
        utf16 = _bomless_utf16(data)
        if utf16:
            return utf16
        raise InputError(f"{name}: binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    chinese = _chinese_legacy(data)
    if chinese:
        return chinese
    mostly = _mostly_utf8(data) or _mixed_lines(data)
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


def _mixed_lines(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few lines in GB18030 (text pasted together from two sources): each line decoded
    by itself, when nearly all of them are UTF-8; a line neither decodes gets U+FFFD (counted).

    >>> _mixed_lines("两个确立\\n".encode() * 20 + "两个维护\\n".encode("gbk"))[1]
    'utf-8 (1 lines gb18030)'
    """
    lines = data.splitlines(keepends=True)
    decoded, legacy = [], 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            legacy += 1
            decoded.append(line.decode("gb18030", errors="replace"))
    if not legacy or legacy > max(1, len(lines) // 10):
        return None
    return "".join(decoded), f"utf-8 ({legacy} lines gb18030)"


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    even, odd = data[0:SAMPLE:2].count(0), data[1:SAMPLE:2].count(0)
    half = max(1, min(len(data), SAMPLE) // 2)
    # an odd last byte (a truncated file) becomes U+FFFD, which the damage report counts
    whole, tail = data[: len(data) // 2 * 2], "\ufffd" if len(data) % 2 else ""
    for enc, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros > half * 0.3:
            try:
                text = whole.decode(enc)
            except UnicodeDecodeError:
                continue
            if text.count("\0", 0, SAMPLE) < min(len(text), SAMPLE) // 10:  # NUL code units: binary
                return text + tail, enc
    # Chinese UTF-16 has few NULs; accept it when it decodes to mostly Han text
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = whole.decode(enc)
        except UnicodeDecodeError:
            continue
        if _common_share(text, enc) > 0.5:
            return text + tail, enc
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
    sample = text[:20000]
    han = _UNIFIED_RE.findall(sample)
    if not han:
        return 0.0
    if enc.startswith("utf-16"):
        return len(han) / max(1, len(sample))
    common = common_chars("big5" if enc.startswith("big5") else "gb2312")
    return sum(map(common.__contains__, han)) / len(han)


def decode_utf8_file(path: Path, piece: int = 1 << 24) -> tuple[str, str] | None:
    """A UTF-8 file's text and encoding (``utf-8`` or ``utf-8-sig``), read and decoded ``piece`` bytes
    at a time, or None when it is not valid UTF-8 (:func:`decode_bytes` then decides). Never holds the
    whole file's bytes beside its text: a 200 MB file would otherwise need both at once.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(codecs.BOM_UTF8 + "两个确立".encode())
    >>> decode_utf8_file(p, piece=2)
    ('两个确立', 'utf-8-sig')
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    pieces: list[str] = []
    with open(path, "rb") as fh:
        if b"\0" in fh.read(SAMPLE):  # binary (or UTF-16): decode_bytes decides
            return None
        fh.seek(0)
        bom = fh.read(3) == codecs.BOM_UTF8
        if not bom:
            fh.seek(0)
        try:
            while chunk := fh.read(piece):
                pieces.append(decoder.decode(chunk))
            pieces.append(decoder.decode(b"", final=True))
        except UnicodeDecodeError:
            return None
    return "".join(pieces), "utf-8-sig" if bom else "utf-8"
