"""Compile a lexicon into a :class:`~termkit.match.Matcher` (a pyahocorasick automaton over folded
surface forms), and cache the result on disk keyed by the lexicon's content.

>>> from termkit.lexicon import Entry, Lexicon
>>> m = compile_lexicon(Lexicon((Entry(id="two-upholds", term="两个维护", gloss="Two Upholds"),)))
>>> [x.entry.id for x in m.find("堅決做到「兩個維護」")]
['two-upholds']
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .context import compile_rule
from .errors import LexiconError
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


def default_cache_dir() -> Path:
    env = os.environ.get("TERMKIT_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "termkit"


def lexicon_digest(path: LexiconPath) -> str:
    """A key for the cache: termkit's version and code, and the bytes and names of every lexicon file."""
    h = hashlib.sha256(f"{__version__}/{CACHE_FORMAT}/{_opencc_version()}/{_own_code()}".encode())
    for f in lexicon_files(path):
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
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
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("opencc")
    except PackageNotFoundError:
        return "?"


def load_compiled(path: LexiconPath, cache_dir: Path | None = None,
                  use_cache: bool = True) -> Compiled:
    """Load a lexicon and its matcher, from the disk cache when the lexicon is unchanged.

    A cache that cannot be read or written is ignored: the run compiles instead.
    """
    cache_dir = cache_dir or default_cache_dir()
    cache_file = cache_dir / f"matcher-{lexicon_digest(path)}.pickle" if use_cache else None
    if cache_file is not None and cache_file.is_file():
        try:
            with cache_file.open("rb") as fh:
                compiled = pickle.load(fh)
            if isinstance(compiled, Compiled):
                return compiled
        except Exception:
            pass
    lexicon = load_lexicon(path)
    compiled = Compiled(lexicon, compile_lexicon(lexicon))
    if cache_file is not None:
        _write_cache(cache_file, compiled)
    return compiled


def _write_cache(cache_file: Path, compiled: Compiled) -> None:
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_file.parent, prefix=".matcher-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(compiled, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_file)
    except OSError:
        pass
