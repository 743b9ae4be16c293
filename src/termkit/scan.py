"""The hot scan: every occurrence of every lexicon key in a folded text, overlaps included.

Two engines give the same hits; :class:`~termkit.match.Matcher` applies every matching rule
(boundaries, exclude, context, leftmost-longest) to those hits afterwards, so the engine decides
nothing but where the keys occur.

- ``reference``: the matcher's pyahocorasick automaton, ``Automaton.iter`` over the folded string.
  It is the definition the tests compare with, and what ``lookup`` and the lint rules use.
- ``fast`` (the default): ahocorasick_rs (the Rust ``aho-corasick`` crate, a DFA) over the folded
  text's code units as bytes — UTF-16-LE when every code point is in the BMP (the usual case;
  :func:`termkit.normalize.fold` already holds the text as 16-bit codes, so nothing is encoded),
  UTF-32-LE otherwise. The keys are encoded the same way; a hit whose byte offset is not a
  multiple of the code-unit width starts inside a character, is no hit of the text, and is
  dropped. One call per text, no Python work per character: the scan runs at several times the
  speed of pyahocorasick, whose child look-up is a linear search over a node's children.

A small text is scanned with the crate's contiguous NFA, which builds in about a millisecond; the
DFA, faster to run but slower to build, is built once the matcher has scanned ``DFA_AFTER`` code
units (both are exact: only the speed differs).

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

from typing import Any

import numpy as np

Value = tuple[int, int, tuple[int, ...]]  # a key's payload: (length, entry index or -1, excluded-for entries)
KeyHit = tuple[int, Value]  # a key's occurrence: (end, exclusive, in folded code points; the key's payload)
ENGINES = ("fast", "reference")
DFA_AFTER = 1 << 18  # code units scanned before the DFA is worth building


def reference_hits(automaton: Any, folded_text: str) -> list[KeyHit]:
    """Every key occurrence, by pyahocorasick: the definition the fast scan must reproduce."""
    if not len(automaton) or not folded_text:
        return []
    return [(end + 1, value) for end, value in automaton.iter(folded_text)]


class FastScan:
    """The keys of a pyahocorasick automaton in ahocorasick_rs automata over UTF-16-LE and
    UTF-32-LE code units, built when first needed (they cannot be pickled; a few ms to build)."""

    def __init__(self, automaton: Any) -> None:
        items = list(automaton.items()) if len(automaton) else []
        self._keys = [k for k, _ in items]
        self._values: list[Value] = [v for _, v in items]
        self._engines: dict[tuple[int, bool], tuple[Any, list[int]]] = {}
        self._scanned = 0

    def hits(self, codes: np.ndarray) -> list[KeyHit]:
        """Every key occurrence in a folded text given as its code points (``Folded.codes``)."""
        if not self._keys or not len(codes):
            return []
        width = codes.dtype.itemsize
        self._scanned += len(codes)
        engine, index = self._engine(width, self._scanned >= DFA_AFTER or len(codes) >= DFA_AFTER)
        if engine is None:
            return []
        data = np.ascontiguousarray(codes).view(np.uint8)
        found = engine.find_matches_as_indexes(data, overlapping=True)
        values = self._values
        shift = width.bit_length() - 1
        mask = width - 1
        return [(end >> shift, values[index[i]]) for i, start, end in found if not start & mask]

    def _engine(self, width: int, dfa: bool) -> tuple[Any, list[int]]:
        built = self._engines.get((width, dfa))
        if built is None:
            built = self._engines[(width, dfa)] = self._build(width, dfa)
        return built

    def _build(self, width: int, dfa: bool) -> tuple[Any, list[int]]:
        import ahocorasick_rs as rs

        encoding = "utf-16-le" if width == 2 else "utf-32-le"
        # a key beyond the BMP cannot occur in a text whose code points are all in it (in UTF-16
        # its surrogate pair could meet two lone surrogates of the text, which are not that key)
        index = [i for i, k in enumerate(self._keys) if width == 4 or all(ord(c) < 0x10000 for c in k)]
        if not index:
            return None, index
        patterns = [self._keys[i].encode(encoding, "surrogatepass") for i in index]
        impl = rs.Implementation.DFA if dfa else rs.Implementation.ContiguousNFA
        return rs.BytesAhoCorasick(patterns, matchkind=rs.MatchKind.Standard, implementation=impl), index
