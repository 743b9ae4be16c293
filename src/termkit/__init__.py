"""termkit: find, count and explain the formulaic language of Chinese political writing.

The library works without the CLI::

    >>> from termkit import load_compiled, bundled_lexicon_path
    >>> compiled = load_compiled(bundled_lexicon_path())
    >>> [m.entry.id for m in compiled.matcher.find("坚决做到“两个维护”")]
    ['two-upholds']

Names are imported lazily so that ``termkit --help`` starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Entry": "lexicon", "Lexicon": "lexicon", "load_lexicon": "lexicon", "read_lexicon": "lexicon",
    "bundled_lexicon_path": "lexicon",
    "Matcher": "match", "Match": "match",
    "compile_lexicon": "compile", "load_compiled": "compile", "Compiled": "compile",
    "Document": "corpus", "read_documents": "corpus", "decode_bytes": "corpus", "ReadOptions": "corpus",
    "open_corpus": "pipeline", "Corpus": "pipeline", "match_document": "match",
    "fold": "normalize", "FoldTable": "normalize", "find_damage": "normalize",
    "CorpusStats": "stats", "Tally": "stats", "analyse": "match", "DocumentResult": "match",
    "TermkitError": "errors", "LexiconError": "errors", "InputError": "errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'termkit' has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
