"""The discovery view of a document: folded text aligned one-to-one with the original.

Discovery needs what matching throws away: quotation marks (a quoted span is evidence) and line
breaks (a boundary is evidence). So the view folds every character the way matching does
(script, width, case) but keeps the text's length: characters that matching drops become a
space, opening and closing quotation marks of every kind become “ and ”, and spans the lexicon
already knows become ``KNOWN`` (U+0001), which no candidate pattern accepts. Offsets in the view
are offsets in the original, so an example context is a slice of the original text.

>>> from termkit.compile import compile_lexicon
>>> from termkit.lexicon import Lexicon
>>> m = compile_lexicon(Lexicon(()))
>>> make_view("反對「四風」", m).text
'反对“四风”'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..chardata import CLOSE_QUOTES, HAN_BMP_RANGES, OPEN_QUOTES
from ..normalize import DROP, annotation_spans, to_codes

if TYPE_CHECKING:
    from ..match import Matcher

KNOWN = "\x01"
SPACE = 0x20


@dataclass(frozen=True)
class View:
    """A folded, same-length copy of a document's text, and its Han-only code array."""

    text: str  # folded, quotes canonical, dropped characters as spaces, known terms as KNOWN
    han: np.ndarray  # uint16 per character: the folded code for Han characters, 0 elsewhere


_QUOTE_MAP = {**{ord(c): ord("“") for c in OPEN_QUOTES}, **{ord(c): ord("”") for c in CLOSE_QUOTES}}


def han_mask(codes: np.ndarray) -> np.ndarray:
    """True where a code is a BMP Han character.

    >>> han_mask(np.array([0x515A, 0x61], dtype=np.uint16)).tolist()
    [True, False]
    """
    mask = np.zeros(len(codes), dtype=bool)
    for lo, hi in HAN_BMP_RANGES:
        mask |= (codes >= lo) & (codes < hi)
    return mask


def make_view(text: str, matcher: Matcher) -> View:
    """Fold ``text`` for discovery (see the module docstring); spans ``matcher`` finds are masked."""
    codes = to_codes(text)
    if codes.dtype.itemsize == 2:
        mapped = matcher.lut.bmp[codes].copy()
    else:  # characters outside the BMP are rare in this text: treat them as known/opaque
        wide = matcher.lut.full[codes]
        mapped = np.where(wide < 0x10000, wide, 1).astype(np.uint16)
    dropped = mapped == DROP
    mapped[dropped] = SPACE
    for code, canon in _QUOTE_MAP.items():
        mapped[codes == code] = canon
    for start, end in annotation_spans(text, codes):
        mapped[start:end] = 1
    if len(matcher.entries):
        for m in matcher.find(text):
            mapped[m.start:m.end] = 1
    han = np.where(han_mask(mapped), mapped, 0).astype(np.uint16)
    return View(mapped.astype("<u2").tobytes().decode("utf-16-le", "surrogatepass"), han)
