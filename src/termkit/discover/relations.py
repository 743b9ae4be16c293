"""How a candidate relates to an entry the lexicon already has.

A candidate is not always new: it may spell out a known formula's items (道路自信、理论自信、制度自信、
文化自信 is 四个自信), be a variant of a known term (one character changed: 四种意识 beside 四个意识) or a
longer or newer form of one (乡村全面振兴 beside 乡村振兴: the known term with characters inserted, same
first and last character), or a shortened form (the reverse). Such a candidate is shown with the entry it
belongs to and the edit a curator would make (a variant to add; nothing for items already listed).

>>> from termkit.lexicon import Entry
>>> index = RelationIndex.build([Entry(id="rural-revitalization", term="乡村振兴", gloss="rural revitalization"),
...     Entry(id="four-confidences", term="四个自信", gloss="Four Confidences",
...           expansion=["道路自信", "理论自信", "制度自信", "文化自信"])])
>>> index.relate("乡村全面振兴", "乡村全面振兴")
Relation(kind='longer', entry='rural-revitalization', term='乡村振兴', edit={'variants': ['乡村全面振兴']})
>>> index.relate("道路自信、理论自信、制度自信、文化自信", "道路自信、理论自信、制度自信、文化自信").kind
'expansion'
>>> index.relate("新质生产力", "新质生产力") is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .data import NUMERALS

MAX_INSERTED = 4  # characters a longer form may add to a known term
MIN_LENGTH = 3  # known terms shorter than this relate only by their expansion


@dataclass(frozen=True)
class Relation:
    """``kind``: expansion | variant | longer | shorter; the entry's id and term; the proposed edit."""

    kind: str
    entry: str
    term: str
    edit: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"relation": self.kind, "entry": self.entry, "term": self.term, "edit": self.edit}


@dataclass
class RelationIndex:
    """Known surfaces indexed by first and last character, by one-character wildcard, and
    expansion items by their text."""

    ends: dict[tuple[str, str], list[tuple[str, Any]]] = field(default_factory=dict)
    masks: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    items: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Iterable[Any], fold: Callable[[str], str] = lambda s: s) -> RelationIndex:
        index = cls()
        for entry in entries:
            for surface in {fold(s) for s in (entry.term, *entry.variants)}:
                if len(surface) < MIN_LENGTH:
                    continue
                index.ends.setdefault((surface[0], surface[-1]), []).append((surface, entry))
                for i in range(len(surface)):
                    if surface[i] not in NUMERALS:
                        index.masks.setdefault(_mask(surface, i), []).append((surface, entry))
            for item in entry.expansion or ():
                index.items.setdefault(fold(item).strip("“”"), entry)
        return index

    def relate(self, key: str, written: str) -> Relation | None:
        """The first relation found: expansion, then longer/shorter form, then variant."""
        return self._expansion(key) or self._by_ends(key, written) or self._variant(key, written)

    def _expansion(self, key: str) -> Relation | None:
        parts = [p for p in key.split("、") if p]
        hits = [self.items.get(p.strip("“”")) for p in parts]
        known = [e for e in hits if e is not None]
        if known and len(known) * 2 >= len(parts) and len({e.id for e in known}) == 1:
            entry = known[0]
            missing = [p for p, e in zip(parts, hits) if e is None]
            return Relation("expansion", entry.id, entry.term, {"expansion": missing} if missing else {})
        return None

    def _by_ends(self, key: str, written: str) -> Relation | None:
        for surface, entry in self.ends.get((key[:1], key[-1:]), ()):
            if 0 < len(key) - len(surface) <= MAX_INSERTED and _subsequence(surface, key):
                return Relation("longer", entry.id, entry.term, {"variants": [written]})
            if 0 < len(surface) - len(key) <= MAX_INSERTED and len(key) >= MIN_LENGTH and _subsequence(key, surface):
                return Relation("shorter", entry.id, entry.term, {"variants": [written]})
        return None

    def _variant(self, key: str, written: str) -> Relation | None:
        if len(key) < 4:
            return None
        for i in range(len(key)):
            if key[i] in NUMERALS:
                continue  # 四个意识 and 五个意识 are two formulas, not spellings of one
            for surface, entry in self.masks.get(_mask(key, i), ()):
                if surface != key:
                    return Relation("variant", entry.id, entry.term, {"variants": [written]})
        return None


def _mask(s: str, i: int) -> str:
    return f"{s[:i]}\0{s[i + 1:]}"


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)
