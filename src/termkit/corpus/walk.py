"""Which files a run reads: a file itself, a folder walked in sorted order, ``-`` for stdin.

>>> list(expand_paths(["-"]))
[None]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .document import Warn, display_name, ignore

Source = Path | None  # a file, or None for stdin


def expand_paths(paths: Iterable[str], on_warning: Warn = ignore, on_error: Warn | None = None) -> Iterator[Source]:
    """The files named by ``paths``, folders walked (see :func:`iter_files`); ``-`` is ``None`` (stdin).
    A path that does not exist goes to ``on_error`` (default: ``on_warning``): the user named it. A
    file named twice (``seeds seeds``, or a folder and a file in it) is read once, with a warning.

    >>> list(expand_paths(["-"]))
    [None]
    >>> said = []
    >>> list(expand_paths(["nosuch.txt"], said.append)), said
    ([], ['nosuch.txt: no such file or folder'])
    """
    seen: set[Path] = set()
    twice: list[str] = []
    for path in paths:
        if path == "-":
            yield None
        elif not os.path.lexists(path):
            (on_error or on_warning)(f"{path}: no such file or folder")
        else:
            for file in iter_files(Path(path), on_warning):
                key = file.resolve()
                if key in seen:
                    twice.append(str(file))
                    continue
                seen.add(key)
                yield file
    if twice:
        on_warning(f"{twice[0]}: named more than once; each file is read once"
                   + (f" ({len(twice) - 1} more such files)" if len(twice) > 1 else ""))


def iter_files(path: Path, on_warning: Warn = ignore) -> Iterator[Path]:
    """A file itself, or every non-hidden file below a folder in sorted order (loops reported)."""
    if not path.exists():
        on_warning(f"{display_name(path)}: no such file or folder; skipped")
        return
    if not path.is_dir():
        if path.is_char_device() or path.is_block_device() or path.is_socket():
            # named on purpose, a FIFO is read (<(zcat x.gz)); a device would be read without end
            on_warning(f"{display_name(path)}: a device or socket, not a file; skipped")
            return
        yield path
        return
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(path, followlinks=True):
        st = os.stat(root)
        if (st.st_dev, st.st_ino) in seen:
            on_warning(f"{display_name(root)}: folder loop (a link back to a parent); not followed")
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(root) / name
            if name.startswith("."):
                continue
            if file.exists() and not file.is_file():  # reading a FIFO found in a folder would block
                on_warning(f"{display_name(file)}: not a regular file (a FIFO, socket or device); skipped")
                continue
            yield file
