"""The folding view of a text: one canonical form for matching, with a map back to the original.

Folding is character-wise: every code point goes through one lookup table that turns traditional and
variant characters into simplified ones (data from OpenCC), full-width forms into half-width, upper
case into lower case, and drops quotation marks, whitespace and zero-width characters. Pinyin
annotations after a Han character — ``領(lǐng)`` — are dropped too. The result keeps, for every
folded character, the index of the original character it came from, so matches found in the folded
text map back exactly.

Two implementations give the same result: :func:`fold`, vectorised (NumPy), for long texts, and
:func:`fold_plain`, a loop in plain Python over a dict, for a short one (``termkit tag`` on a small
file then never imports NumPy, a tenth of a second of its start-up); ``tests/test_normalize.py``
compares them on random texts.

>>> table = FoldTable.build()
>>> f = fold("“當下改”和「長久立」", table)
>>> f.text
'当下改和长久立'
>>> f.original_span(0, 7)
(1, 10)
"""

from __future__ import annotations

import bisect
import codecs
import functools
import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .chardata import HAN_RANGES, PINYIN_LETTERS, QUOTES, ZERO_WIDTH, is_han

if TYPE_CHECKING:
    import numpy as np

MAX_CODE = 0x110000
DROP = 0  # table value meaning "not part of the folded text"

ANNOTATION_RE = re.compile(rf"[(（]\s?[{PINYIN_LETTERS}]{{1,6}}[1-5]?\s?[)）]")
OPENCC_CONFIGS = ("t2s", "tw2s", "hk2s")  # first one wins where they disagree


@dataclass(frozen=True)
class FoldTable:
    """Character-wise folding data: ``mapping[code] -> folded code`` (or 0 to drop). Held as plain
    arrays of 32-bit codes, so that a cached matcher loads without NumPy."""

    keys: array  # code points whose folding is not the identity (typecode "I")
    values: array

    @classmethod
    def build(cls) -> FoldTable:
        """Build the table from OpenCC's character data and Unicode's width/compatibility data."""
        mapping: dict[int, int] = {}
        for code in range(0xFF01, 0xFF5F):  # full-width ASCII
            mapping[code] = code - 0xFEE0
        for code in list(range(0xF900, 0xFB00)) + list(range(0x2F800, 0x2FA20)):  # compatibility ideographs
            n = unicodedata.normalize("NFKC", chr(code))
            if len(n) == 1:
                mapping[code] = ord(n)
        for src, dst in _opencc_char_map().items():
            mapping.setdefault(ord(src), ord(dst))
        for code in range(0x41, 0x5B):
            mapping[code] = code + 32
        for code in range(0xFF21, 0xFF3B):
            mapping[code] = code - 0xFEE0 + 32
        for ch in QUOTES + ZERO_WIDTH:
            mapping[ord(ch)] = DROP
        for code in (*range(0x3100), *range(0xFE00, 0xFFF0)):
            if chr(code).isspace():
                mapping[code] = DROP
        # apply the map to its own results so that chains (A→B, B→C) end in one place
        for _ in range(2):
            mapping = {k: (mapping.get(v, v) if v != DROP else DROP) for k, v in mapping.items()}
        # BMP characters stay in the BMP (a few compatibility ideographs would leave it): this keeps
        # the fast 16-bit path and the 32-bit path in agreement
        mapping = {k: v for k, v in mapping.items() if k >= 0x10000 or v < 0x10000}
        return cls(array("I", mapping.keys()), array("I", mapping.values()))

    def lut(self) -> Lut:
        """Dense lookup tables (a small one for the BMP, a full one for the rest); build once."""
        import numpy as np

        full = np.arange(MAX_CODE, dtype=np.uint32)
        full[np.asarray(self.keys, dtype=np.int64)] = np.asarray(self.values, dtype=np.uint32)
        return Lut(full[:0x10000].astype(np.uint16), full)

    def char_map(self) -> dict[int, int]:
        """The table as a dict (code points not in it fold to themselves): what :func:`fold_plain`
        and a look at one character use; build once.

        >>> FoldTable.build().char_map()[ord("國")] == ord("国")
        True
        """
        return dict(zip(self.keys, self.values))


@dataclass(frozen=True)
class Lut:
    bmp: np.ndarray  # uint16[0x10000]
    full: np.ndarray  # uint32[0x110000]

    def __call__(self, codes: np.ndarray) -> np.ndarray:
        return (self.bmp if codes.dtype.itemsize == 2 else self.full)[codes]


def _opencc_char_map() -> dict[str, str]:
    import opencc

    chars = [chr(c) for lo, hi in HAN_RANGES for c in range(lo, hi)]
    joined = "\n".join(chars)
    result: dict[str, str] = {}
    for config in OPENCC_CONFIGS:
        out = opencc.OpenCC(config).convert(joined).split("\n")
        if len(out) != len(chars):  # a converter that merged lines: skip rather than misalign
            continue
        for a, b in zip(chars, out):
            if a != b and len(b) == 1 and a not in result:
                result[a] = b
    return result


@dataclass(frozen=True)
class Folded:
    """A folded text and the sorted positions of the original characters it left out."""

    text: str
    drops: np.ndarray | list[int]  # original indices of dropped characters, ascending (a list: fold_plain)
    original_length: int
    annotations: dict[int, int] = field(default_factory=dict)  # pinyin annotation spans, start -> end
    codes: np.ndarray | None = None  # the folded text as code points (what ``text`` decodes from)
    dropped: np.ndarray | list[int] | None = None  # the code points of the original characters at ``drops``

    def count_dropped(self, chars: str) -> int:
        """How many characters of the original are among ``chars``, which must be characters folding
        always drops (whitespace, quotation marks): only the dropped ones are looked at.

        >>> fold("“两个 确立”\\n", FoldTable.build()).count_dropped(" \\n")
        2
        """
        if self.dropped is None or not len(self.dropped):
            return 0
        if isinstance(self.dropped, list):
            return sum(self.dropped.count(ord(c)) for c in chars)
        import numpy as np

        return sum(int(np.count_nonzero(self.dropped == ord(c))) for c in chars)

    def original_index(self, positions: np.ndarray) -> np.ndarray:
        """Original index of each folded position (vectorised)."""
        import numpy as np

        if not len(self.drops):
            return positions
        # the k-th drop sits before folded position drops[k] - k
        drops = np.asarray(self.drops, dtype=np.int64)
        shifted = drops - np.arange(len(drops))
        return positions + np.searchsorted(shifted, positions, side="right")

    def original_positions(self, positions: list[int]) -> list[int]:
        """Original index of each folded position, as :meth:`original_index` gives them; in plain Python
        for a text folded by :func:`fold_plain`.

        >>> fold_plain("“四風”", FoldTable.build().char_map()).original_positions([0, 1])
        [1, 2]
        """
        if not isinstance(self.drops, list):
            import numpy as np

            return self.original_index(np.array(positions, dtype=np.int64)).tolist()
        if not self.drops:
            return list(positions)
        shifted = [d - k for k, d in enumerate(self.drops)]
        return [p + bisect.bisect_right(shifted, p) for p in positions]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span ``[start, end)`` to the original text: quotes and annotations inside
        are included, and so is the pinyin annotation of the last character."""
        return self.original_spans([(start, end)])[0]

    def original_spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """:meth:`original_span` of each folded span, mapped in one call (for the many spans of a long text).

        >>> fold_plain("“四風”是“四风”", FoldTable.build().char_map()).original_spans([(0, 2), (3, 5)])
        [(1, 3), (6, 8)]
        """
        if not spans:
            return []
        at = self.original_positions([s for s, _ in spans] + [e - 1 for _, e in spans])
        n = len(spans)
        # the pinyin annotation of the last character belongs to the span
        return [(at[k], self.annotations.get(at[n + k] + 1, at[n + k] + 1)) for k in range(n)]


def to_codes(text: str, wide: bool = False) -> np.ndarray:
    """The code points of ``text`` as an array: uint16 when all are in the BMP (the fast, usual
    case) and not ``wide``, else uint32. Lone surrogates pass through.

    >>> to_codes("党a").tolist(), to_codes("党a", wide=True).dtype.itemsize
    ([20826, 97], 4)
    """
    import numpy as np

    if not wide:
        data = text.encode("utf-16-le", "surrogatepass")
        if len(data) == 2 * len(text):
            return np.frombuffer(data, dtype="<u2")
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def from_codes(codes: np.ndarray) -> str:
    """The text of code points (decoded from the array's own memory, without a copy to bytes first).

    >>> from_codes(to_codes("党a𠮷"))
    '党a𠮷'
    """
    import numpy as np

    if codes.dtype.itemsize == 2:
        return codecs.utf_16_le_decode(np.ascontiguousarray(codes, dtype="<u2"), "surrogatepass", True)[0]
    return codecs.utf_32_le_decode(np.ascontiguousarray(codes, dtype="<u4"), "surrogatepass", True)[0]


def fold(text: str, table: FoldTable, lut: Lut | None = None) -> Folded:
    """Fold ``text`` for matching; see the module docstring.

    >>> fold("領(lǐng)導(dǎo)", FoldTable.build()).text
    '领导'
    """
    if lut is None:
        lut = table.lut()
    folded = _fold_codes(text, to_codes(text), lut)
    if len(folded.text) != len(folded.codes):  # type: ignore[arg-type]
        # two lone surrogates side by side (in the text, or once a quote between them is dropped)
        # read as one character in UTF-16: fold code point by code point instead
        folded = _fold_codes(text, to_codes(text, wide=True), lut)
    return folded


def _fold_codes(text: str, codes: np.ndarray, lut: Lut) -> Folded:
    import numpy as np

    mapped = lut(codes)
    keep = mapped != DROP
    annotations = dict(annotation_spans(text, codes))
    for start, end in annotations.items():
        keep[start:end] = False
    drops = np.flatnonzero(~keep)
    folded = mapped[keep] if len(drops) else mapped
    return Folded(from_codes(folded), drops, len(text), annotations, folded, codes[drops])


def fold_plain(text: str, char_map: dict[int, int]) -> Folded:
    """What :func:`fold` gives, in plain Python (``char_map``: :meth:`FoldTable.char_map`): for a short
    text, whose folding costs less than importing NumPy; ``drops`` and ``dropped`` are lists and
    ``codes`` is None.

    >>> f = fold_plain("“當下改” 領(lǐng)", FoldTable.build().char_map())
    >>> f.text, f.drops, f.annotations
    ('当下改领', [0, 4, 5, 7, 8, 9, 10, 11, 12], {7: 13})
    """
    annotations = dict(annotation_spans(text))
    hidden: set[int] = set()
    for start, end in annotations.items():
        hidden.update(range(start, end))
    get = char_map.get
    kept: list[int] = []
    drops: list[int] = []
    dropped: list[int] = []
    for i, ch in enumerate(text):
        code = ord(ch)
        folded = get(code, code)
        if folded == DROP or i in hidden:
            drops.append(i)
            dropped.append(code)
        else:
            kept.append(folded)
    return Folded("".join(map(chr, kept)), drops, len(text), annotations, None, dropped)


def fold_term(term: str, table: FoldTable, lut: Lut | None = None) -> str:
    """Fold a lexicon surface form the same way documents are folded.

    >>> fold_term("“兩個確立”", FoldTable.build())
    '两个确立'
    """
    return fold(term, table, lut).text


_TONE_LETTERS = frozenset(PINYIN_LETTERS)  # can an annotation start with it?
_OPEN_RE = re.compile("[(（]")


def annotation_spans(text: str, codes: np.ndarray | None = None) -> list[tuple[int, int]]:
    """Spans of pinyin annotations in parentheses right after a Han character (``codes``: the text's
    code points, when at hand, for a vectorised look; else a plain one that finds the same).

    >>> annotation_spans("領(lǐng)導(dǎo)")
    [(1, 7), (8, 13)]
    """
    if codes is None:
        return _annotation_spans_plain(text)
    import numpy as np

    opens = np.flatnonzero((codes == 0x28) | (codes == 0xFF08))
    opens = opens[(opens > 0) & (opens + 1 < len(codes))]
    if not len(opens):
        return []
    prev = codes[opens - 1].astype(np.uint32)
    han = np.zeros(len(opens), dtype=bool)
    for lo, hi in HAN_RANGES:
        han |= (prev >= lo) & (prev < hi)
    nxt = codes[opens + 1]
    nxt = np.where(nxt == 0x20, codes[np.minimum(opens + 2, len(codes) - 1)], nxt)
    # a table look-up, not np.isin (which imports numpy.ma: 0.1 s of a small file's start-up)
    mask = _tone_mask()
    tone = (nxt < len(mask)) & mask[np.minimum(nxt, len(mask) - 1)]
    opens = opens[han & tone]
    spans = []
    for i in opens.tolist():
        m = ANNOTATION_RE.match(text, i)
        if m:
            spans.append((i, m.end()))
    return spans


@functools.cache
def _tone_mask() -> np.ndarray:
    import numpy as np

    mask = np.zeros(max(map(ord, PINYIN_LETTERS)) + 1, dtype=bool)
    mask[[ord(c) for c in PINYIN_LETTERS]] = True
    return mask


def _annotation_spans_plain(text: str) -> list[tuple[int, int]]:
    """:func:`annotation_spans` character by character: the same tests on each opening parenthesis."""
    spans = []
    n = len(text)
    for m in _OPEN_RE.finditer(text):
        i = m.start()
        if i == 0 or i + 1 >= n or not is_han(text[i - 1]):
            continue
        nxt = text[i + 1]
        if nxt == " ":
            nxt = text[min(i + 2, n - 1)]
        if nxt in _TONE_LETTERS:
            found = ANNOTATION_RE.match(text, i)
            if found:
                spans.append((i, found.end()))
    return spans


@dataclass(frozen=True)
class Damage:
    """A run of replacement characters or stray question marks inside text: lost characters."""

    start: int
    end: int
    line: int
    column: int


def find_damage(text: str) -> list[Damage]:
    """Find damaged runs: U+FFFD anywhere; ``?`` in runs of two or more next to Han text, or
    a single ``?`` glued between letters (``當?shù``) — not a question mark ending a sentence.

    >>> [(d.start, d.end) for d in find_damage("宁??县委。好吗?\\n")]
    [(1, 3)]
    """
    found: list[Damage] = []
    if "?" not in text and "\ufffd" not in text:
        return found
    line, line_start, counted_to = 1, 0, 0  # line numbers are counted forward, once over the text
    for m in re.finditer(r"[?\ufffd]+", text):
        s, e = m.span()
        run = m.group()
        before = text[s - 1] if s else ""
        after = text[e] if e < len(text) else ""
        if "\ufffd" in run:
            pass
        elif len(run) >= 2:
            if not (before and is_han(before)) and not (after and is_han(after)):
                continue
        elif not (before and not before.isspace() and after and (after.isalpha() or after in "/!")):
            continue
        breaks = text.count("\n", counted_to, s)
        if breaks:
            line += breaks
            line_start = text.rfind("\n", counted_to, s) + 1
        counted_to = s
        found.append(Damage(s, e, line, s - line_start + 1))
    return found
