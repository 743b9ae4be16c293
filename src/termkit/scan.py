"""The hot scan: every occurrence of every lexicon key in a folded text, overlaps included.

Two engines give the same hits; every matching rule (boundaries, exclude, context, leftmost-longest)
is applied to them afterwards (:mod:`termkit.match` hit by hit for the reference, :mod:`termkit.batch`
to the fast scan's arrays), so the engine decides nothing but where the keys occur.

- ``reference``: the matcher's pyahocorasick automaton, ``Automaton.iter`` over the folded string.
  It is the definition the tests compare with, and what ``lookup`` and the lint rules use.
- ``fast`` (the default): one pass of a compiled multi-pattern automaton over the folded text's code
  units as bytes (Hyperscan when it is installed, ``pip install 'termkit[fast]'``, about four times
  faster on the bundled lexicon's 2,000 keys; else ahocorasick_rs, the Rust ``aho-corasick`` crate):
  UTF-16-LE (:func:`termkit.normalize.fold` already holds a text in the BMP as 16-bit codes, so
  nothing is encoded). A text with characters beyond the BMP is scanned as UTF-16 too, its surrogate
  pairs made with NumPy, and the hits' ends mapped back to code points (:func:`utf16_units`); only when
  a key itself has such a character is that text scanned as UTF-32-LE, by an automaton of its own. The
  keys are encoded the same way; a hit whose byte offset is not a multiple of the code-unit width
  starts inside a character, is no hit of the text, and is dropped. One call per text, no Python
  work per character: the scan runs at several times the speed of pyahocorasick, whose child
  look-up is a linear search over a node's children.

Until the matcher has scanned ``DFA_AFTER`` code units, texts are scanned with ahocorasick_rs's
contiguous NFA, which builds in about a millisecond (``termkit tag`` on a small file); then the
faster automaton is built once, Hyperscan's or ahocorasick_rs's DFA, which take up to 0.1 s to
build. All are exact: only the speed differs. Hyperscan's compiled databases are kept on disk beside the
cached matcher (:mod:`termkit.cache`, under the matcher's own key), so a warm run, and each of its
workers, loads one in well under a millisecond instead of compiling it.

>>> import ahocorasick
>>> a = ahocorasick.Automaton()
>>> for k in ("四风", "反四风"):
...     _ = a.add_word(k, (len(k), 0, ()))
>>> a.make_automaton()
>>> from termkit.normalize import to_codes
>>> text = "反对四风，反四风"
>>> sorted(FastScan(a).hits(to_codes(text))) == sorted(reference_hits(a, text))
True
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # NumPy is imported where arrays are made: reference_hits needs none
    import numpy as np

Value = tuple[int, int, tuple[int, ...]]  # a key's payload: (length, entry index or -1, excluded-for entries)
KeyHit = tuple[int, Value]  # a key's occurrence: (end, exclusive, in folded code points; the key's payload)
ENGINES = ("fast", "reference")
DFA_AFTER = 1 << 18  # code units scanned before the DFA is worth building
Engine = Callable[[memoryview], "tuple[np.ndarray, np.ndarray]"]  # code units -> (ends, key indices)


def _none() -> np.ndarray:
    import numpy as np

    return np.zeros(0, dtype=np.int64)


def reference_hits(automaton: Any, folded_text: str) -> list[KeyHit]:
    """Every key occurrence, by pyahocorasick: the definition the fast scan must reproduce."""
    if not len(automaton) or not folded_text:
        return []
    return [(end + 1, value) for end, value in automaton.iter(folded_text)]


class FastScan:
    """The keys of a pyahocorasick automaton in automata over the UTF-16-LE and UTF-32-LE code units
    of a folded text, built when first needed (they cannot be pickled; built in well under 0.1 s).

    ``backend``: ``hyperscan`` when it is installed (the ``fast`` extra), else ``ahocorasick_rs``;
    both give every occurrence of every key, so only the speed differs. ``keys`` describes the keys
    as arrays, in the order :meth:`occurrences` numbers them.
    """

    def __init__(self, automaton: Any, backend: str | None = None, cache: tuple[Path, str] | None = None) -> None:
        items = list(automaton.items()) if len(automaton) else []
        self._keys = [k for k, _ in items]
        self.keys = KeyTable.of([v for _, v in items])
        self.backend = backend or default_backend()
        self.cache = cache  # (folder, the matcher's cache key): where compiled databases are kept, or None
        self._engines: dict[tuple[int, bool], Engine] = {}
        self._scanned = 0
        # a key beyond the BMP needs UTF-32 (see utf16_units); without one every text is scanned as UTF-16
        self._astral_keys = any(max(k) > "\uffff" for k in self._keys)

    def hits(self, codes: np.ndarray) -> list[KeyHit]:
        """Every key occurrence in a folded text given as its code points (``Folded.codes``), in the
        form of :func:`reference_hits`."""
        ends, keys = self.occurrences(codes)
        values = self.keys.values
        return [(end, values[k]) for end, k in zip(ends.tolist(), keys.tolist())]

    def occurrences(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every key occurrence as two arrays: its end (exclusive, in code points) and its key's index
        in ``self.keys``; in no particular order."""
        import numpy as np

        if not self._keys or not len(codes):
            return _none(), _none()
        self._scanned += len(codes)
        big = self._scanned >= DFA_AFTER or len(codes) >= DFA_AFTER
        width = codes.dtype.itemsize
        if width == 4 and not self._astral_keys:
            units, pairs = utf16_units(codes)
            ends, keys = self._engine(2, big)(memoryview(units.view(np.uint8)))
            return points_of(ends, keys, self.keys.length, pairs)
        return self._engine(width, big)(memoryview(np.ascontiguousarray(codes).view(np.uint8)))

    def _engine(self, width: int, big: bool) -> Engine:
        engine = self._engines.get((width, big))
        if engine is None:
            engine = self._engines[width, big] = self._build(width, big)
        return engine

    def prepare(self, width: int = 2) -> None:
        """Build the automaton for long texts of code units of ``width`` bytes now, if it is not built yet
        (before a process pool forks workers that then share it), and scan every text with it from now
        on: a run that prepares is a long one, and its short texts need no automaton of their own."""
        if self._keys and (width, True) not in self._engines:
            self._engines[width, True] = self._build(width, True)
        self._scanned = max(self._scanned, DFA_AFTER)

    def _build(self, width: int, big: bool) -> Engine:
        import numpy as np

        encoding = "utf-16-le" if width == 2 else "utf-32-le"
        # a key beyond the BMP cannot occur in a text whose code points are all in it (in UTF-16
        # its surrogate pair could meet two lone surrogates of the text, which are not that key)
        index = [i for i, k in enumerate(self._keys) if width == 4 or all(ord(c) < 0x10000 for c in k)]
        if not index:
            return lambda data: (_none(), _none())
        patterns = [self._keys[i].encode(encoding, "surrogatepass") for i in index]
        if self.backend == "hyperscan" and big:
            cache = (self.cache[0], f"{self.cache[1]}-utf{8 * width}") if self.cache else None
            return _hyperscan_engine(patterns, np.array(index, dtype=np.int64), width, cache)
        return _rs_engine(patterns, np.array(index, dtype=np.int64), width, big)


@dataclass(frozen=True)
class KeyTable:
    """The automaton's keys' payloads as arrays, indexed by key: what the matcher needs of a hit
    without a Python object per hit.

    >>> t = KeyTable.of([(2, 0, ()), (3, -1, (0,))])
    >>> t.length.tolist(), t.entry.tolist(), t.excludes.tolist()
    ([2, 3], [0, -1], [False, True])
    >>> KeyTable.of([(2, 0, ()), (4, 0, ()), (2, 1, ()), (2, 1, ())]).nests.tolist()
    [True, False]
    """

    values: list[Value]
    length: np.ndarray  # int64: the key's length in code points
    entry: np.ndarray  # int64: the entry it is a surface form of, or -1 (an ``exclude`` string only)
    excludes: np.ndarray  # bool: it is an ``exclude`` string of some entries (``values[k][2]``)

    @cached_property
    def nests(self) -> np.ndarray:
        """Per entry: its surface forms have different lengths, so that one occurrence of it can lie inside
        another (keys of one length can only overlap, or be the same key)."""
        import numpy as np

        mine = self.entry >= 0
        if not mine.any():
            return np.zeros(0, dtype=bool)
        span = int(self.length.max()) + 1
        pairs = np.sort(self.entry[mine] * span + self.length[mine])  # (entry, length), one number
        distinct = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
        return np.bincount(distinct // span) > 1

    @classmethod
    def of(cls, values: list[Value]) -> KeyTable:
        import numpy as np

        return cls(values, np.array([v[0] for v in values], dtype=np.int64),
                   np.array([v[1] for v in values], dtype=np.int64), np.array([bool(v[2]) for v in values], dtype=bool))


def default_backend() -> str:
    """``hyperscan`` when it can be imported, else ``ahocorasick_rs``."""
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return "ahocorasick_rs"
    return "hyperscan"


def _rs_engine(patterns: list[bytes], index: np.ndarray, width: int, dfa: bool) -> Engine:
    import ahocorasick_rs as rs
    import numpy as np

    impl = rs.Implementation.DFA if dfa else rs.Implementation.ContiguousNFA
    automaton = rs.BytesAhoCorasick(patterns, matchkind=rs.MatchKind.Standard, implementation=impl)

    def run(data: memoryview) -> tuple[np.ndarray, np.ndarray]:
        found = automaton.find_matches_as_indexes(data, overlapping=True)
        flat = np.fromiter(itertools.chain.from_iterable(found), dtype=np.int64, count=3 * len(found))
        pattern, _, end = flat.reshape(-1, 3).T
        return _aligned(end, pattern, index, width)

    return run


def _hyperscan_engine(patterns: list[bytes], index: np.ndarray, width: int,
                      cache: tuple[Path, str] | None = None) -> Engine:
    import numpy as np

    db = hyperscan_database(patterns, cache)

    def run(data: memoryview) -> tuple[np.ndarray, np.ndarray]:
        out: list[int] = []
        add = out.append

        def on_match(i: int, start: int, end: int, flags: int, context: object) -> None:
            add(end)  # one flat list: the least Python work per occurrence
            add(i)

        db.scan(data, match_event_handler=on_match)  # the buffer itself, not a copy
        end, pattern = np.array(out, dtype=np.int64).reshape(-1, 2).T
        return _aligned(end, pattern, index, width)

    return run


def hyperscan_database(patterns: list[bytes], cache: tuple[Path, str] | None = None) -> Any:
    """A Hyperscan block-mode database of the literal ``patterns`` (pattern ``i`` reports id ``i``), read
    from the cache (``(folder, key)``: the matcher's key and the width) when it holds a sound one; else
    compiled and stored there. The file is found by a digest of the patterns themselves, in order, as
    well as the key, so a database is never read for other patterns, or the same in another order. A
    cache file that cannot be read, is damaged or was written by another Hyperscan is ignored and
    written again; a cache that cannot be written is not used."""
    import hyperscan

    name = _database_key(cache[1], patterns) if cache is not None else ""
    if cache is not None:
        db = _cached_database(cache[0], name)
        if db is not None:
            return db
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    # each byte escaped: the wrapper's literal mode cannot take the NUL bytes of UTF-16 text
    db.compile(expressions=["".join(f"\\x{b:02x}" for b in p).encode() for p in patterns],
               ids=list(range(len(patterns))), flags=0)
    if cache is not None:
        from .cache import write_cached
        from .errors import TermkitError

        with contextlib.suppress(TermkitError, OSError, hyperscan.HyperscanError):
            write_cached(cache[0], name, hyperscan.dumpb(db), kind="hyperscan")
    return db


def _database_key(key: str, patterns: list[bytes]) -> str:
    """The name of a database's cache file: the matcher's key, and a digest of the patterns (ids are
    positions in that list), Hyperscan's version and the kind of processor (a database is only good for
    the Hyperscan that wrote it, on the same kind of machine)."""
    import hashlib
    import platform

    import hyperscan

    h = hashlib.sha256(f"{hyperscan.__version__}/{platform.machine()}".encode())
    for p in patterns:
        h.update(len(p).to_bytes(4, "little") + p)
    return f"{key}-{h.hexdigest()[:24]}"


def _cached_database(folder: Path, name: str) -> Any:
    """The database stored as ``name``, ready to scan, or None."""
    import hyperscan

    from .cache import read_cached
    from .errors import TermkitError

    try:
        data = read_cached(folder, name, kind="hyperscan")
        if data is None:
            return None
        db = hyperscan.loadb(data, hyperscan.HS_MODE_BLOCK)
        db.scratch = hyperscan.Scratch(db)  # a loaded database comes without the scratch space a scan needs
        db.scan(b"\0\0", match_event_handler=lambda *_: None)  # one it cannot run on this machine raises here
    except (TermkitError, OSError, hyperscan.HyperscanError):
        return None
    return db


def utf16_units(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A text's code points (``uint32``) as UTF-16 code units, and where its surrogate pairs begin (in
    units, ascending): a text with characters beyond the BMP is scanned by the UTF-16 automaton, and
    :func:`points_of` maps the hits back. A lone surrogate of the text stays one unit.

    >>> from termkit.normalize import to_codes
    >>> units, pairs = utf16_units(to_codes("a𠮷b", wide=True))
    >>> [hex(u) for u in units.tolist()], pairs.tolist()
    (['0x61', '0xd842', '0xdfb7', '0x62'], [1])
    """
    import numpy as np

    astral = np.flatnonzero(codes > 0xFFFF)
    pairs = astral + np.arange(len(astral))  # each pair before one adds a unit
    units = np.empty(len(codes) + len(astral), dtype="<u2")
    single = np.ones(len(units), dtype=bool)
    single[pairs + 1] = False
    units[single] = codes  # the astral ones are replaced by their high surrogates next
    offset = codes[astral].astype(np.int64) - 0x10000
    units[pairs] = 0xD800 + (offset >> 10)
    units[pairs + 1] = 0xDC00 + (offset & 0x3FF)
    return units, pairs


def points_of(ends: np.ndarray, keys: np.ndarray, length: np.ndarray,
              pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The occurrences found in a text's UTF-16 units (:func:`utf16_units`; ends in units) that are
    occurrences of its code points, their ends in code points. A key in the BMP is as many units as
    code points; where it met units of the text, it occurs in the text only if it does not end inside a
    surrogate pair and spans as many code points as units (one that starts inside a pair, or covers
    one, spans fewer: a key of two lone surrogates is not the one character that pair encodes).

    Units of "a𠮷bc": ``a`` 0, the pair 1 and 2, ``b`` 3, ``c`` 4; keys: ``b``, the pair's two halves as
    lone surrogates, its high half, ``bc``:

    >>> import numpy as np
    >>> ends, keys = points_of(np.array([4, 3, 2, 5]), np.arange(4), np.array([1, 2, 1, 2]), np.array([1]))
    >>> ends.tolist(), keys.tolist()
    ([3, 4], [0, 3])
    """
    import numpy as np

    length = length[keys]
    before = np.searchsorted(pairs, ends - 1)  # the pairs that begin before unit - 1 end before it
    inside = before < len(pairs)
    inside[inside] = pairs[before[inside]] == ends[inside] - 1
    end = ends - before
    start = ends - length - np.searchsorted(pairs, ends - length - 1)
    keep = ~inside & (end - start == length)
    return end[keep], keys[keep]


def _aligned(end: np.ndarray, pattern: np.ndarray, index: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The occurrences that start on a code unit, in code points and global key indices. A key's byte
    length is a multiple of the width: it starts on a code unit iff it ends on one."""
    shift = width.bit_length() - 1
    keep = (end & (width - 1)) == 0
    if not keep.all():
        end, pattern = end[keep], pattern[keep]
    return end >> shift, index[pattern]
