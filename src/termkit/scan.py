"""The hot scan: every occurrence of every lexicon key in a folded text, overlaps included.

Two engines give the same hits; :class:`~termkit.match.Matcher` applies every matching rule
(boundaries, exclude, context, leftmost-longest) to those hits afterwards, so the engine decides
nothing but where the keys occur.

- ``reference``: the matcher's pyahocorasick automaton, ``Automaton.iter`` over the folded string.
  It is the definition the tests compare with, and what ``lookup`` and the lint rules use.
- ``fast`` (the default): one pass of a compiled multi-pattern automaton over the folded text's code
  units as bytes (Hyperscan when it is installed, ``pip install 'termkit[fast]'``, about four times
  faster on the bundled lexicon's 2,000 keys; else ahocorasick_rs, the Rust ``aho-corasick`` crate):
  UTF-16-LE when every code point is in the BMP (the usual case;
  :func:`termkit.normalize.fold` already holds the text as 16-bit codes, so nothing is encoded),
  UTF-32-LE otherwise. The keys are encoded the same way; a hit whose byte offset is not a
  multiple of the code-unit width starts inside a character, is no hit of the text, and is
  dropped. One call per text, no Python work per character: the scan runs at several times the
  speed of pyahocorasick, whose child look-up is a linear search over a node's children.

Until the matcher has scanned ``DFA_AFTER`` code units, texts are scanned with ahocorasick_rs's
contiguous NFA, which builds in about a millisecond (``termkit tag`` on a small file); then the
faster automaton is built once, Hyperscan's or ahocorasick_rs's DFA, which take up to 0.1 s to
build. All are exact: only the speed differs.

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

from collections.abc import Callable
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
    """The keys of a pyahocorasick automaton in automata over the UTF-16-LE and UTF-32-LE code units
    of a folded text, built when first needed (they cannot be pickled; built in well under 0.1 s).

    ``backend``: ``hyperscan`` when it is installed (the ``fast`` extra), else ``ahocorasick_rs``;
    both give every occurrence of every key, so only the speed differs.
    """

    def __init__(self, automaton: Any, backend: str | None = None) -> None:
        items = list(automaton.items()) if len(automaton) else []
        self._keys = [k for k, _ in items]
        self._values: list[Value] = [v for _, v in items]
        self.backend = backend or default_backend()
        self._engines: dict[tuple[int, bool], Callable[[memoryview], list[KeyHit]]] = {}
        self._scanned = 0

    def hits(self, codes: np.ndarray) -> list[KeyHit]:
        """Every key occurrence in a folded text given as its code points (``Folded.codes``)."""
        if not self._keys or not len(codes):
            return []
        self._scanned += len(codes)
        big = self._scanned >= DFA_AFTER or len(codes) >= DFA_AFTER
        key = (codes.dtype.itemsize, big)
        engine = self._engines.get(key)
        if engine is None:
            engine = self._engines[key] = self._build(*key)
        return engine(memoryview(np.ascontiguousarray(codes).view(np.uint8)))

    def _build(self, width: int, big: bool) -> Callable[[memoryview], list[KeyHit]]:
        encoding = "utf-16-le" if width == 2 else "utf-32-le"
        # a key beyond the BMP cannot occur in a text whose code points are all in it (in UTF-16
        # its surrogate pair could meet two lone surrogates of the text, which are not that key)
        index = [i for i, k in enumerate(self._keys) if width == 4 or all(ord(c) < 0x10000 for c in k)]
        if not index:
            return lambda data: []
        patterns = [self._keys[i].encode(encoding, "surrogatepass") for i in index]
        values = [self._values[i] for i in index]
        if self.backend == "hyperscan" and big:
            return _hyperscan_engine(patterns, values, width)
        return _rs_engine(patterns, values, width, big)


def default_backend() -> str:
    """``hyperscan`` when it can be imported, else ``ahocorasick_rs``."""
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return "ahocorasick_rs"
    return "hyperscan"


def _rs_engine(patterns: list[bytes], values: list[Value], width: int,
               dfa: bool) -> Callable[[memoryview], list[KeyHit]]:
    import ahocorasick_rs as rs

    impl = rs.Implementation.DFA if dfa else rs.Implementation.ContiguousNFA
    automaton = rs.BytesAhoCorasick(patterns, matchkind=rs.MatchKind.Standard, implementation=impl)
    shift, mask = width.bit_length() - 1, width - 1

    def run(data: memoryview) -> list[KeyHit]:
        found = automaton.find_matches_as_indexes(data, overlapping=True)
        return [(end >> shift, values[i]) for i, start, end in found if not start & mask]

    return run


def _hyperscan_engine(patterns: list[bytes], values: list[Value], width: int) -> Callable[[memoryview], list[KeyHit]]:
    import hyperscan

    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    # each byte escaped: the wrapper's literal mode cannot take the NUL bytes of UTF-16 text
    db.compile(expressions=["".join(f"\\x{b:02x}" for b in p).encode() for p in patterns],
               ids=list(range(len(patterns))), flags=0)
    shift, mask = width.bit_length() - 1, width - 1

    def run(data: memoryview) -> list[KeyHit]:
        out: list[KeyHit] = []
        add = out.append

        # a key's byte length is a multiple of the width: it starts on a code unit iff it ends on one
        def on_match(i: int, start: int, end: int, flags: int, context: object) -> None:
            if not end & mask:
                add((end >> shift, values[i]))

        db.scan(data.tobytes(), match_event_handler=on_match)
        return out

    return run
