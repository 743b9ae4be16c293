"""Exceptions raised by termkit's library code.

Every exception carries a message a user can act on: the file (and line, for the lexicon),
what is wrong and what to do. The CLI prints it as ``error: …`` and exits 1.

>>> str(LexiconError("lexicon/x.yaml:3: unknown key 'glos'"))
"lexicon/x.yaml:3: unknown key 'glos'"
"""

from __future__ import annotations


class TermkitError(Exception):
    """Base class of all errors termkit reports to users."""


class LexiconError(TermkitError, ValueError):
    """The lexicon cannot be read or is invalid."""


class InputError(TermkitError, OSError):
    """An input document cannot be read or decoded."""


class ExportError(TermkitError, OSError):
    """An output file cannot be written."""
