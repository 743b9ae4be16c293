"""Write files atomically: a temporary file in the same folder, flushed, then renamed over the
target. A crash, a full disk, Ctrl-C or SIGTERM mid-write leaves the old file intact and no
temporary file behind (the CLI turns SIGTERM into a normal exit, so the clean-up runs).

An output that is a symlink is written through: the file it points to is replaced, the link stays.
An output that is one of the run's inputs is refused before anything is read (:func:`refuse_input`).

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> write_atomic(p, "两个确立\\n")
>>> p.read_text(encoding="utf-8")
'两个确立\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import ExportError

TEMP_PREFIX = ".termkit-"  # short: a target name of up to 255 bytes still leaves room for it


def write_atomic(path: str | os.PathLike[str], data: str | bytes, encoding: str = "utf-8",
                 mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` in one step; raise :class:`ExportError` naming the file.

    A new file gets ``mode`` (default 0644); a file that exists keeps its permissions unless
    ``mode`` is given.
    """
    shown = Path(path)
    target = Path(os.path.realpath(shown)) if shown.is_symlink() else shown
    payload = data.encode(encoding) if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{shown}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"{shown}: cannot write in {folder} ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is None:
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:  # Ctrl-C and SIGTERM (SystemExit) too: never leave the temporary file
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(f"{shown}: cannot write ({exc.strerror or exc}); the old file is unchanged") from exc
        raise


def refuse_input(output: str | os.PathLike[str] | None, inputs: Iterable[Path | None]) -> None:
    """Raise :class:`ExportError` when ``output`` is (a link to) one of the ``inputs``: writing the
    result over a document the run reads would destroy it.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "in.txt"
    >>> _ = p.write_text("四风", encoding="utf-8")
    >>> refuse_input(p, [p])
    Traceback (most recent call last):
    termkit.errors.ExportError: ... is also an input of this run; write the output to another file
    """
    if output is None or str(output) == "-" or not Path(output).exists():
        return
    if any(source is not None and _same(output, source) for source in inputs):
        raise ExportError(f"{output}: is also an input of this run; write the output to another file")


def _same(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
