"""How a candidate relates to an entry the lexicon already has.

A candidate is not always new: it may spell out a known formula's items (道路自信、理论自信、制度自信、
文化自信 is 四个自信; when items belong to several entries, the entry that lists most of them), be a variant
of a known term (a measure word changed: 四种意识 beside 四个意识, 两大文明 beside 两个文明 — a changed content
character makes another term: 奋斗精神 is not 北斗精神, 中塔命运共同体 not 中非命运共同体) or a longer or newer
form of one (乡村全面振兴 beside 乡村振兴: the known term with characters inserted, same first and last
character), or a shortened form (the reverse; a form that drops a whole noun of the known term names something
else: 公共服务体系 is not 公共文化服务体系). Such a candidate is shown with the entry it belongs to and the edit
a curator would make (a variant to add; nothing for items already listed).

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
>>> index.relate("四种自信", "四种自信").kind, index.relate("四大振兴", "四大振兴")
('variant', None)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .data import NUMERALS, SWAPPABLE

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
    items: dict[str, list[Any]] = field(default_factory=dict)
    # the words of a known surface and their part of speech (jieba's), when a shorter form is to be judged
    words: Callable[[str], list[str]] | None = None
    tag: Callable[[str], str] | None = None

    @classmethod
    def build(cls, entries: Iterable[Any], fold: Callable[[str], str] = lambda s: s,
              words: Callable[[str], list[str]] | None = None, tag: Callable[[str], str] | None = None
              ) -> RelationIndex:
        """Index ``entries``' surfaces (folded by ``fold``); ``words`` and ``tag`` (a segmenter and its parts of
        speech) let a shorter form be told from another term, see :meth:`relate`."""
        index = cls(words=words, tag=tag)
        for entry in entries:
            for surface in {fold(s) for s in (entry.term, *entry.variants)}:
                if len(surface) < MIN_LENGTH:
                    continue
                index.ends.setdefault((surface[0], surface[-1]), []).append((surface, entry))
                for i in range(len(surface)):
                    if surface[i] not in NUMERALS:
                        index.masks.setdefault(_mask(surface, i), []).append((surface, entry))
            for item in entry.expansion or ():
                holders = index.items.setdefault(fold(item).strip("“”"), [])
                if entry not in holders:
                    holders.append(entry)
        return index

    def relate(self, key: str, written: str) -> Relation | None:
        """The first relation found: expansion, then longer/shorter form, then variant."""
        return self._expansion(key) or self._by_ends(key, written) or self._variant(key, written)

    def _expansion(self, key: str) -> Relation | None:
        """The entry listing most of the key's items (more than half of a run's; a lone item's entry); of
        those, the one whose expansion is closest in length (全球发展倡议、全球安全倡议、全球文明倡议 is the
        three initiatives, not the four)."""
        parts = [p for p in key.split("、") if p]
        holders = [[e.id for e in self.items.get(p.strip("“”"), ())] for p in parts]
        tally: dict[str, int] = {}
        for ids in holders:
            for i in ids:
                tally[i] = tally.get(i, 0) + 1
        if not tally:
            return None
        entries = {e.id: e for p in parts for e in self.items.get(p.strip("“”"), ())}
        fit = (lambda i: -abs(len(entries[i].expansion or ()) - len(parts))) if len(parts) > 1 else (lambda i: 0)
        best = max(tally, key=lambda i: (tally[i], fit(i)))  # a lone item: the first entry listing it
        if tally[best] * 2 < len(parts) or (len(parts) > 1 and tally[best] * 2 == len(parts)):
            return None  # more than half of a run's items: 人民至上、生命至上 shares one item with another list
        entry = entries[best]
        missing = [p for p, ids in zip(parts, holders) if best not in ids]
        return Relation("expansion", entry.id, entry.term, {"expansion": missing} if missing else {})

    def _by_ends(self, key: str, written: str) -> Relation | None:
        for surface, entry in self.ends.get((key[:1], key[-1:]), ()):
            if 0 < len(key) - len(surface) <= MAX_INSERTED and _subsequence(surface, key):
                return Relation("longer", entry.id, entry.term, {"variants": [written]})
            if (0 < len(surface) - len(key) <= MAX_INSERTED and len(key) >= MIN_LENGTH and _subsequence(key, surface)
                    and not self._drops_a_noun(key, surface)):
                return Relation("shorter", entry.id, entry.term, {"variants": [written]})
        return None

    def _drops_a_noun(self, key: str, surface: str) -> bool:
        """A whole noun of ``surface`` is missing from ``key`` (公共文化服务体系 → 公共服务体系): another thing is
        named. Dropping a modal, a verb or part of a word keeps the name (六个必须坚持 → 六个坚持)."""
        if self.words is None or self.tag is None:
            return False
        kept, at = _kept(key, surface), 0
        for word in self.words(surface):
            span = range(at, at + len(word))
            at += len(word)
            if not any(i in kept for i in span) and self.tag(word)[:1] in ("n", "j"):
                return True
        return False

    def _variant(self, key: str, written: str) -> Relation | None:
        """One measure word changed (四种意识, 两大文明); another changed character makes another term."""
        if len(key) < 4:
            return None
        for i in range(len(key)):
            if key[i] not in SWAPPABLE:
                continue  # 四个意识 and 五个意识 are two formulas; 奋斗精神 is not 北斗精神
            for surface, entry in self.masks.get(_mask(key, i), ()):
                if surface != key and surface[i] in SWAPPABLE:
                    return Relation("variant", entry.id, entry.term, {"variants": [written]})
        return None


def _mask(s: str, i: int) -> str:
    return f"{s[:i]}\0{s[i + 1:]}"


def _kept(short: str, long: str) -> set[int]:
    """Positions of ``long`` that ``short`` keeps, matched greedily from the left (``short`` a subsequence)."""
    kept, i = set(), 0
    for ch in short:
        i = long.index(ch, i)
        kept.add(i)
        i += 1
    return kept


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)
