"""Rejected candidates: strings a curator has looked at and decided are not terms, with the reason.

``discover`` does not propose them again, and the ranking it learns from the input takes them as
labelled negatives (:func:`termkit.discover.learn_and_score`). Two lists are read, both TSV with the
header ``candidate<TAB>reason`` (lines starting with ``#`` are comments):

- the list shipped with termkit (``rejected.tsv`` beside this module; built from the curators' corpus
  triage by ``bench/build_rejected.py``, keeping only rejections whose evidence lies in the development
  slice);
- the user's own, ``rejected.tsv`` in the user lexicon folder (:func:`termkit.lexicon.user_lexicon_dir`),
  which ``termkit lexicon reject TERM --reason R`` writes.

A candidate is written in any script or width; it is compared folded, as for matching. A reason starts
with one of the triage's words (:data:`termkit.triage.REJECT_REASONS`: ``ordinary phrase``, ``name``,
``event`` …) and may go on after a colon.

>>> text = "candidate\\treason\\n# a comment\\n北溪\\tname: a pipeline\\n五一\\tevent\\n"
>>> [(r.candidate, r.reason) for r in parse_rejected(text, "r.tsv")]
[('北溪', 'name: a pipeline'), ('五一', 'event')]
>>> parse_rejected("candidate\\treason\\n北溪\\tno idea\\n", "r.tsv")
Traceback (most recent call last):
...
termkit.errors.InputError: r.tsv:2: reason 'no idea' must start with one of: ordinary phrase, name, ...
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

COLUMNS = ("candidate", "reason")
FILE_NAME = "rejected.tsv"
BUNDLED_PATH = Path(__file__).with_name(FILE_NAME)
USER_HEADER = "# Candidates termkit discover does not propose again (termkit lexicon reject TERM --reason R).\n"


@dataclass(frozen=True)
class Rejection:
    """One rejected candidate and why it was rejected."""

    candidate: str
    reason: str
    line: int = 0


def reasons() -> tuple[str, ...]:
    """The words a reason starts with (the corpus triage's)."""
    from ..triage import REJECT_REASONS

    return REJECT_REASONS


def check_reason(reason: str, where: str) -> str:
    """``reason`` stripped, or :class:`InputError` at ``where`` when it does not start with one of :func:`reasons`."""
    reason = reason.strip()
    if not reason.startswith(reasons()) or "\t" in reason or "\n" in reason:
        raise InputError(f"{where}: reason {reason!r} must start with one of: {', '.join(reasons())}")
    return reason


def parse_rejected(text: str, name: str = "<rejected>") -> list[Rejection]:
    """Read a rejected-candidates file; :class:`InputError` names the file and line of a bad row."""
    rows: list[Rejection] = []
    header_seen = False
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise InputError(f"{name}:{number}: the header must be {' '.join(COLUMNS)} (tab-separated)")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS) or not cells[0]:
            raise InputError(f"{name}:{number}: expected 2 columns ({', '.join(COLUMNS)}), got {len(cells)}")
        rows.append(Rejection(cells[0], check_reason(cells[1], f"{name}:{number}"), number))
    if text.strip() and not header_seen:
        raise InputError(f"{name}: no header line")
    return rows


def read_rejected(path: str | os.PathLike[str]) -> list[Rejection]:
    """:func:`parse_rejected` on a file; a file that does not exist holds no rejection."""
    p = Path(path)
    if not p.exists():
        return []
    return parse_rejected(_read_exact(p), str(p))


def _read_exact(p: Path) -> str:
    try:
        with open(p, encoding="utf-8", newline="") as f:
            return f.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read ({exc})") from exc


def user_rejected_path() -> Path:
    """The user's own list: ``rejected.tsv`` in the user lexicon folder."""
    from ..lexicon import user_lexicon_dir

    return user_lexicon_dir() / FILE_NAME


def default_paths() -> tuple[Path, ...]:
    """The lists ``discover`` reads: the shipped one, then the user's."""
    return BUNDLED_PATH, user_rejected_path()


def load_rejected(fold: Callable[[str], str], paths: Iterable[str | os.PathLike[str]] | None = None
                  ) -> dict[str, str]:
    """Folded candidate → reason, from ``paths`` (default: :func:`default_paths`); a later list's reason wins.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.tsv"
    >>> _ = p.write_text("candidate\\treason\\n北溪\\tname\\n", encoding="utf-8")
    >>> load_rejected(str.upper, [p])
    {'北溪': 'name'}
    """
    out: dict[str, str] = {}
    for path in default_paths() if paths is None else paths:
        for r in read_rejected(path):
            out[fold(r.candidate)] = r.reason
    return out


def format_rejected(rows: Iterable[Rejection], comment: str = "") -> str:
    """The TSV text of a list (header, then one row each), with ``comment`` lines first."""
    head = "".join(f"# {line}\n" if line else "#\n" for line in comment.splitlines())
    return head + "\t".join(COLUMNS) + "\n" + "".join(f"{r.candidate}\t{r.reason}\n" for r in rows)


def add_rejection(path: str | os.PathLike[str], candidate: str, reason: str, fold: Callable[[str], str]) -> bool:
    """Add ``candidate`` with ``reason`` to the list at ``path`` (created with its folder if missing), or change
    the reason of a row whose candidate folds the same, on its own line: comments and the other rows stay as
    they were. Locked and written atomically; the installed package's own list is refused. Returns True when
    a row was added, False when one was changed.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.tsv"
    >>> add_rejection(p, "北溪", "name: a pipeline", str), add_rejection(p, "北溪", "name", str)
    (True, False)
    >>> [(r.candidate, r.reason) for r in read_rejected(p)]
    [('北溪', 'name')]
    """
    from ..atomic import write_atomic
    from ..lexicon_edit import editing

    p = Path(path)
    candidate = candidate.strip()
    if not candidate or "\t" in candidate or "\n" in candidate:
        raise InputError(f"{p}: a rejected candidate must be a non-empty string without tabs or line breaks")
    reason = check_reason(reason, str(p))
    if p.resolve() == BUNDLED_PATH.resolve():
        raise InputError(f"{p}: this is the list shipped with termkit; add to your own ({user_rejected_path()})")
    p.parent.mkdir(parents=True, exist_ok=True)
    with editing(p):
        old = _read_exact(p) if p.exists() else ""  # line ends as they are (\r\n stays)
        rows = parse_rejected(old, str(p))
        key = fold(candidate)
        at = next((r for r in rows if fold(r.candidate) == key), None)
        if not old.strip():
            text = USER_HEADER + format_rejected([Rejection(candidate, reason)])
        elif at is None:  # a new row after the others; comments and order stay as they are
            text = old + ("" if old.endswith("\n") else "\n") + f"{candidate}\t{reason}\n"
        else:  # the row's reason changed on its own line
            lines = old.split("\n")
            lines[at.line - 1] = f"{at.candidate}\t{reason}" + ("\r" if lines[at.line - 1].endswith("\r") else "")
            text = "\n".join(lines)
        write_atomic(p, text)
    return at is None
