"""Wording of messages and view titles: one place for English plurals.

>>> plural(1, "document"), plural(2, "match", "matches")
('1 document', '2 matches')
"""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, in the plural unless ``n`` is 1 (``many`` for irregular plurals).

    >>> plural(0, "run"), plural(1_000, "occurrence"), plural(1, "entry", "entries")
    ('0 runs', '1,000 occurrences', '1 entry')
    """
    return f"{n:,} {word if n == 1 else many or word + 's'}"
