"""The matcher cache on disk, and whom it trusts.

A compiled matcher is a pickle, and loading a pickle can run code: the cache is only read from a
folder that is the user's own and that no one else can write, and only files that say what they are.

- The folder (``$TERMKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/termkit``, else ``~/.cache/termkit``)
  is created with mode 0700. A folder owned by someone else, or writable by group or others, is not
  used at all (the run compiles the lexicon instead, and says why).
- A cache file is read only when it is a regular file (not a link) owned by the user and not
  writable by group or others.
- Beside a matcher, the Hyperscan databases compiled from its keys (:mod:`termkit.scan`) are kept under
  the same key (plus the code-unit width and a digest of the keys in order, of Hyperscan's version and
  of the processor's kind), with the same rules: they are loaded by Hyperscan's own deserializer, which
  must not meet bytes someone else wrote.
- Each file starts with a header: a magic line, the key it was written under (the digest of termkit's
  code and the exact lexicon bytes) and the SHA-256 of the pickle that follows. A file copied under
  another key, truncated or changed is refused before anything is unpickled.

The folder does not grow without end: each edit of the lexicon and each new version of termkit
writes a new matcher, so after a write only the :data:`KEEP` most recently used files of that kind
stay (a read marks a file used); the older ones are removed.

What this does not stop: code running as the same user can write the cache, as it can write
termkit itself. ``use_cache=False`` (or ``TERMKIT_CACHE_DIR`` pointing to a fresh folder) skips it.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "cache"
>>> write_cached(folder, "k1", b"data")
>>> read_cached(folder, "k1"), read_cached(folder, "k2")
(b'data', None)
>>> oct(folder.stat().st_mode & 0o777)
'0o700'
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path

from .atomic import write_atomic
from .errors import TermkitError

MAGIC = b"termkit matcher cache 1\n"


class CacheRefused(TermkitError):
    """The cache folder or file is not safe to read (someone else's, or writable by others)."""


def default_cache_dir() -> Path:
    """Where compiled matchers are kept (see the module's notes on trust)."""
    env = os.environ.get("TERMKIT_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "termkit"


def _unsafe(st: os.stat_result) -> str | None:
    """Why a folder or file with this status may not be trusted, or None."""
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return f"owned by user id {st.st_uid}, not by you"
    if st.st_mode & 0o022:
        return f"writable by group or others (mode {stat.S_IMODE(st.st_mode):o})"
    return None


def private_folder(folder: Path, create: bool = False) -> bool:
    """Whether ``folder`` is safe to use (``create``: make it, mode 0700, when missing); raise
    :class:`CacheRefused` saying why when it exists and is not."""
    if not folder.exists():
        if not create:
            return False
        with contextlib.suppress(FileExistsError):
            folder.mkdir(parents=True, mode=0o700)
    st = folder.stat()
    if not stat.S_ISDIR(st.st_mode):
        raise CacheRefused(f"cache folder {folder} is not a folder; the cache is not used")
    why = _unsafe(st)
    if why:
        raise CacheRefused(f"cache folder {folder} is {why}; the cache is not used (chmod 700 it, or set "
                           "TERMKIT_CACHE_DIR to a folder of your own)")
    return True


KINDS = {"matcher": "pickle", "hyperscan": "hsdb"}  # what a cache holds -> its files' suffix
KEEP = 8  # files of each kind kept: a few lexicons or versions in use side by side


def cache_file(folder: Path, key: str, kind: str = "matcher") -> Path:
    return folder / f"{kind}-{key}.{KINDS[kind]}"


def read_cached(folder: Path, key: str, kind: str = "matcher") -> bytes | None:
    """The payload stored under ``key``, or None when there is none or it is not the one asked for
    (another key's file, damaged, truncated). :class:`CacheRefused` when the folder or file is unsafe.
    ``kind``: a compiled matcher (a pickle), or a Hyperscan database of its keys (:mod:`termkit.scan`)."""
    if not private_folder(folder):
        return None
    path = cache_file(folder, key, kind)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:  # a symlink (ELOOP) or unreadable: not ours to trust
        raise CacheRefused(f"cache file {path} cannot be opened safely ({exc.strerror or exc}); not used") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        why = "not a regular file" if not stat.S_ISREG(st.st_mode) else _unsafe(st)
        if why:
            raise CacheRefused(f"cache file {path} is {why}; not used")
        data = fh.read()
        with contextlib.suppress(OSError):  # used now: the last to be pruned
            os.utime(fh.fileno())
    head = MAGIC + key.encode() + b"\n"
    if not data.startswith(head):
        return None
    digest, _, payload = data[len(head):].partition(b"\n")
    if digest != hashlib.sha256(payload).hexdigest().encode():
        return None
    return payload


def write_cached(folder: Path, key: str, payload: bytes, kind: str = "matcher") -> None:
    """Store ``payload`` under ``key`` (mode 0600, atomically); raise :class:`TermkitError` when the
    folder is unsafe or the write fails (nothing is left behind)."""
    private_folder(folder, create=True)
    head = MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"
    write_atomic(cache_file(folder, key, kind), head + payload, mode=0o600)
    prune(folder, kind)


def prune(folder: Path, kind: str = "matcher", keep: int = KEEP) -> list[Path]:
    """Remove all but the ``keep`` most recently used cache files of ``kind`` in ``folder`` (by their
    modification time, which a read renews); returns what was removed. Only regular files named as this
    module names them are touched; one that vanishes meanwhile (another run pruned it) is skipped.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for k in "abc":
    ...     write_cached(folder, k, b"x")
    >>> [p.name for p in prune(folder, keep=1)], sorted(p.name for p in folder.iterdir())
    (['matcher-a.pickle', 'matcher-b.pickle'], ['matcher-c.pickle'])
    """
    found = []
    for path in folder.glob(f"{kind}-*.{KINDS[kind]}"):
        with contextlib.suppress(OSError):
            st = path.lstat()
            if stat.S_ISREG(st.st_mode):
                found.append((st.st_mtime_ns, path.name, path))
    found.sort(reverse=True)
    removed = []
    for _, _, path in found[keep:]:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return sorted(removed)
