"""Compile a lexicon into a :class:`~termkit.match.Matcher` (a pyahocorasick automaton over folded
surface forms), and cache the result on disk keyed by the lexicon's content.

>>> from termkit.lexicon import Entry, Lexicon
>>> m = compile_lexicon(Lexicon((Entry(id="two-upholds", term="两个维护", gloss="Two Upholds"),)))
>>> [x.entry.id for x in m.find("堅決做到「兩個維護」")]
['two-upholds']
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .context import compile_rule
from .errors import LexiconError, TermkitError
from .lexicon import Entry, Lexicon, LexiconPath, Problem, lexicon_files, load_lexicon
from .match import Matcher
from .normalize import FoldTable, fold_term

CACHE_FORMAT = 3


@dataclass(frozen=True)
class Compiled:
    """What a run needs: the validated lexicon and its matcher."""

    lexicon: Lexicon
    matcher: Matcher

    def entry(self, name: str) -> Entry | None:
        """The entry whose id is ``name``, else the one with ``name`` among its surface forms (after
        folding), else ``None``.

        >>> lex = Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),))
        >>> c = Compiled(lex, compile_lexicon(lex))
        >>> c.entry("four-winds").term, c.entry("「四風」").id, c.entry("x")
        ('四风', 'four-winds', None)
        """
        return self.lexicon.by_id.get(name) or self.matcher.lookup(name)


def surface_problems(lexicon: Lexicon, table: FoldTable | None = None) -> list[Problem]:
    """Surfaces that fold to nothing, or to the same key as another entry's surface."""
    table = table or FoldTable.build()
    lut = table.lut()
    owner: dict[str, str] = {}
    problems = []
    for e in lexicon.entries:
        loc = lexicon.locations.get(e.id)
        for surface in dict.fromkeys(e.surfaces):
            key = fold_term(surface, table, lut)
            if not key:
                problems.append(Problem(loc, f"surface {surface!r} of {e.id!r} is empty after folding",
                                        rule="surface"))
            elif key in owner and owner[key] != e.id:
                other = owner[key]
                problems.append(Problem(loc, f"surface {surface!r} of {e.id!r} is also claimed by {other!r}"
                                        f" ({lexicon.locations.get(other)})", rule="duplicate-surface"))
            else:
                owner[key] = e.id
    return problems


def compile_lexicon(lexicon: Lexicon, table: FoldTable | None = None) -> Matcher:
    """Build the automaton. Raises :class:`LexiconError` when two entries claim one surface."""
    import ahocorasick

    table = table or FoldTable.build()
    problems = surface_problems(lexicon, table)
    if problems:
        raise LexiconError(str(problems[0]).replace(": error: ", ": ", 1))
    lut = table.lut()
    keys: dict[str, tuple[int, set[int]]] = {}
    for i, e in enumerate(lexicon.entries):
        for surface in e.surfaces:
            key = fold_term(surface, table, lut)
            keys.setdefault(key, (-1, set()))
            keys[key] = (i, keys[key][1])
        for ex in e.exclude:
            key = fold_term(ex, table, lut)
            if key:
                keys.setdefault(key, (-1, set()))[1].add(i)
    automaton = ahocorasick.Automaton()
    for key, (entry, excl) in keys.items():
        automaton.add_word(key, (len(key), entry, tuple(sorted(excl))))
    if keys:
        automaton.make_automaton()
    contexts = {i: compile_rule(e.context, table, lut) for i, e in enumerate(lexicon.entries) if e.context}
    return Matcher(lexicon.entries, automaton, table, lut, contexts=contexts)


def lexicon_digest(path: LexiconPath, contents: Mapping[Path, bytes] | None = None) -> str:
    """A key for the cache: termkit's version and code, and the bytes and names of every lexicon file
    (``contents``: the bytes already read, which are then the ones parsed)."""
    h = hashlib.sha256(f"{__version__}/{CACHE_FORMAT}/{_opencc_version()}/{_own_code()}".encode())
    contents = contents if contents is not None else {f: f.read_bytes() for f in lexicon_files(path)}
    for f, data in contents.items():
        h.update(f.name.encode() + b"\0" + data + b"\0")
        h.update(str(f.resolve()).encode() + b"\0")  # locations in messages name the file
    return h.hexdigest()[:32]


def code_digest(package: Path = Path(__file__).parent) -> str:
    """A digest of every Python source file of the package (names and bytes): a class that changes or
    moves to another module never meets a pickle made by older code, with no list of modules to keep.

    >>> len(code_digest())
    64
    """
    h = hashlib.sha256()
    for f in sorted(package.rglob("*.py")):
        h.update(f.relative_to(package).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


@functools.cache
def _own_code() -> str:
    return code_digest()


def _opencc_version() -> str:
    """The installed OpenCC's version (its character data is in the folding table), read from the name
    of its ``dist-info`` folder beside the package: importing ``importlib.metadata`` would cost more than
    the rest of a small run's cache look-up. Elsewhere (another layout), the package file's size and time.

    >>> _opencc_version()[0].isdigit()
    True
    """
    import importlib.util

    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.origin:
        return "?"
    package = Path(spec.origin).parent
    prefix = f"{package.name}-".lower()
    with contextlib.suppress(OSError):
        for name in sorted(os.listdir(package.parent)):
            if name.lower().startswith(prefix) and name.endswith(".dist-info"):
                return name[len(prefix):-len(".dist-info")]
    st = os.stat(spec.origin)
    return f"?{st.st_size}-{st.st_mtime_ns}"


def load_compiled(path: LexiconPath, cache_dir: Path | None = None, use_cache: bool = True,
                  on_warning: Callable[[str], None] | None = None) -> Compiled:
    """Load a lexicon and its matcher, from the disk cache when the lexicon is unchanged.

    Each lexicon file is read once: the cache key hashes exactly the bytes that are parsed. A cache
    that cannot be read or written is ignored (the run compiles instead); one that is not safe to
    trust (see :mod:`termkit.cache`) is ignored too, and ``on_warning`` is told why.
    """
    from .cache import CacheRefused, default_cache_dir, read_cached, write_cached

    contents = {f: _read_bytes(f) for f in lexicon_files(path)}
    folder = cache_dir or default_cache_dir()
    key = lexicon_digest(path, contents) if use_cache else ""
    if use_cache:
        try:
            payload = read_cached(folder, key)
            compiled = pickle.loads(payload) if payload is not None else None
            if isinstance(compiled, Compiled):
                compiled.matcher.scan_cache = (folder, key)
                return compiled
        except CacheRefused as exc:
            use_cache = False
            if on_warning:
                on_warning(str(exc))
        except Exception:  # an unreadable pickle (an older termkit's classes): compile again
            pass
    lexicon = load_lexicon(path, contents)
    compiled = Compiled(lexicon, compile_lexicon(lexicon))
    if use_cache:
        with contextlib.suppress(TermkitError, OSError):  # a full disk or a read-only home: no cache
            write_cached(folder, key, pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL))
            compiled.matcher.scan_cache = (folder, key)  # the scan's automata are kept beside it
    return compiled


def _read_bytes(f: Path) -> bytes:
    try:
        return f.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{f}: cannot read ({exc.strerror or exc})") from None
