"""Figures about the lexicon itself (``termkit lexicon stats``): entries by category, gloss status,
era, decade and level, and how often each optional field is missing.

Eras are by the year (and month, where given) of ``first_seen``, split at the changes of the Party's
top leader: Mao (to 1976), Deng (1977 to 1989-05, Hua Guofeng's interval counted with Deng), Jiang
(1989-06 to 2002-10), Hu (2002-11 to 2012-10), Xi (2012-11 on). A year without a month counts as
January of that year.

>>> from termkit.lexicon import Entry, Lexicon
>>> s = lexicon_stats(Lexicon((Entry(id="a", term="四风", gloss="x", first_seen="2012-12"),)))
>>> s.by_era, s.missing["pinyin"]
({'Xi': 1}, 1)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from .lexicon import Entry, Lexicon, optional_fields

ERAS = (("1977-01", "Mao"), ("1989-06", "Deng"), ("2002-11", "Jiang"), ("2012-11", "Hu"), ("9999-99", "Xi"))
OPTIONAL_FIELDS = optional_fields()
UNKNOWN = "unknown"


def era(first_seen: str | None) -> str:
    """The leader's era of a date.

    >>> era("1978"), era("2012"), era("2012-11"), era(None)
    ('Deng', 'Hu', 'Xi', 'unknown')
    """
    if not first_seen:
        return UNKNOWN
    month = first_seen[:7] if len(first_seen) >= 7 else f"{first_seen[:4]}-01"
    return next(name for until, name in ERAS if month < until)


def decade(first_seen: str | None) -> str:
    """``1990s`` for 1992; ``unknown`` without a date."""
    return f"{first_seen[:3]}0s" if first_seen else UNKNOWN


@dataclass(frozen=True)
class LexiconStats:
    """Counts over the entries; each ``by_*`` maps a value to a number of entries."""

    entries: int
    files: int
    by_category: dict[str, int]
    by_gloss_status: dict[str, int]
    by_era: dict[str, int]
    by_decade: dict[str, int]
    by_level: dict[str, int]
    missing: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def tables(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """(title, rows) for display, each with a share of all entries computable from ``entries``."""
        return [("category", _rows(self.by_category)), ("gloss status", _rows(self.by_gloss_status)),
                ("era (first_seen)", [(k, self.by_era[k]) for k in [*(n for _, n in ERAS), UNKNOWN]
                                      if k in self.by_era]),
                ("decade (first_seen)", sorted(self.by_decade.items())), ("level", _rows(self.by_level)),
                ("missing field", _rows(self.missing))]


def _rows(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _missing(e: Entry, name: str) -> bool:
    value = getattr(e, name)
    return value is None or value == () or value == ""


def lexicon_stats(lexicon: Lexicon, fields: tuple[str, ...] = OPTIONAL_FIELDS) -> LexiconStats:
    """Count the entries of a lexicon by category, gloss status, era, decade, level and missing
    ``fields`` (the model's optional fields)."""
    es = lexicon.entries
    return LexiconStats(
        entries=len(es),
        files=len(lexicon.files),
        by_category=dict(Counter(e.category for e in es)),
        by_gloss_status=dict(Counter(e.gloss_status for e in es)),
        by_era=dict(Counter(era(e.first_seen) for e in es)),
        by_decade=dict(Counter(decade(e.first_seen) for e in es)),
        by_level=dict(Counter(e.level for e in es)),
        missing={f: sum(_missing(e, f) for e in es) for f in fields},
    )
