"""Which files a run reads: a file itself, a folder walked in sorted order, ``-`` for stdin.

>>> list(expand_paths(["-"]))
[None]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .document import Warn, ignore

Source = Path | None  # a file, or None for stdin


def expand_paths(paths: Iterable[str], on_warning: Warn = ignore) -> Iterator[Source]:
    """The files named by ``paths``, folders walked (see :func:`iter_files`); ``-`` is ``None`` (stdin).

    >>> list(expand_paths(["-"]))
    [None]
    """
    for path in paths:
        if path == "-":
            yield None
        else:
            yield from iter_files(Path(path), on_warning)


def iter_files(path: Path, on_warning: Warn = ignore) -> Iterator[Path]:
    """A file itself, or every non-hidden file below a folder in sorted order (loops reported)."""
    if not path.exists():
        on_warning(f"{path}: no such file or folder; skipped")
        return
    if not path.is_dir():
        yield path
        return
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(path, followlinks=True):
        st = os.stat(root)
        if (st.st_dev, st.st_ino) in seen:
            on_warning(f"{root}: folder loop (a link back to a parent); not followed")
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(root) / name
            if name.startswith("."):
                continue
            if file.exists() and not file.is_file():  # reading a FIFO found in a folder would block
                on_warning(f"{file}: not a regular file (a FIFO, socket or device); skipped")
                continue
            yield file
