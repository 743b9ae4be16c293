"""How a candidate relates to an entry the lexicon already has.

A candidate is not always new: it may spell out a known formula's items (道路自信、理论自信、制度自信、
文化自信 is 四个自信; when items belong to several entries, the entry that lists most of them; never more items
than a numbered formula counts), be a variant of a known term (a measure word changed: 四种意识 beside 四个意识 —
a changed content character makes another term: 奋斗精神 is not 北斗精神, 中塔命运共同体 not 中非命运共同体; or
only punctuation dropped) or a longer or newer form of one (乡村全面振兴 beside 乡村振兴: the known term with
modifiers inserted, same first and last character — a noun or a verb inserted names another thing: 人民抗日战争 is
not 人民战争, 保障性租赁住房 is a kind of 保障性住房), or a shortened form (the reverse; a form that drops a whole
noun of the known term names something else: 公共服务体系 is not 公共文化服务体系). Two numbered formulas with
another head or another count are two lists (六个坚持 is not 六个必须坚持). Such a candidate is shown with the entry
it belongs to and the edit a curator would make (a variant to add; nothing for items already listed). A run whose
every item is a known term (or an item of a known formula) and that spells out no one entry is ``items``: a
listing of separate known terms (制造强国、质量强国、航天强国; 四个意识、四个自信、两个维护), with the entries it
names and no edit; one new item among known ones leaves the run new (the new item may be the finding). With
``--since``, a string new after its date that holds a known term and a name of its own beside it (进一步全面深化改革
of 全面深化改革) is ``newer``: a newer form of the entry, which a curator adds as an entry of its own (no edit).

>>> from termkit.lexicon import Entry
>>> index = RelationIndex.build([Entry(id="rural-revitalization", term="乡村振兴", gloss="rural revitalization"),
...     Entry(id="four-confidences", term="四个自信", gloss="Four Confidences",
...           expansion=["道路自信", "理论自信", "制度自信", "文化自信"])])
>>> index.relate("乡村全面振兴", "乡村全面振兴")
Relation(kind='longer', entry='rural-revitalization', term='乡村振兴', edit={'variants': ['乡村全面振兴']}, entries=())
>>> index.relate("道路自信、理论自信、制度自信、文化自信", "道路自信、理论自信、制度自信、文化自信").kind
'expansion'
>>> index.relate("新质生产力", "新质生产力") is None
True
>>> index.relate("四种自信", "四种自信").kind, index.relate("四大振兴", "四大振兴")
('variant', None)
>>> index.relate("乡村振兴、四个自信", "乡村振兴、四个自信").entries
('rural-revitalization', 'four-confidences')
>>> index.relate("乡村振兴、共同富裕", "乡村振兴、共同富裕") is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .data import (
    DEGREE_WORDS,
    DERIVATIONAL_SUFFIXES,
    FUNCTION_TAGS,
    JOINS,
    LOCALITY_TAGS,
    MODIFIER_TAGS,
    NUMERALS,
    SWAPPABLE,
)

MAX_INSERTED = 4  # characters a longer form may add to a known term
MIN_LENGTH = 3  # known terms shorter than this relate only by their expansion
MIN_UNSIGNED = 4  # characters a known term must keep without its author's name to be its shorter form


@dataclass(frozen=True)
class Relation:
    """``kind``: expansion | variant | longer | shorter | items | newer; the entry's id and term; the proposed edit.
    ``items`` (a run of known terms) names every entry in ``entries`` (``entry`` and ``term`` are the first's,
    ``term`` joins their terms) and proposes no edit; the other kinds name one entry."""

    kind: str
    entry: str
    term: str
    edit: dict[str, list[str]] = field(default_factory=dict)
    entries: tuple[str, ...] = ()

    @property
    def named(self) -> tuple[str, ...]:
        """The ids of the entries it names: a run of known items' several, else the one entry."""
        return self.entries or (self.entry,)

    def to_dict(self) -> dict[str, Any]:
        return {"relation": self.kind, "entry": self.entry, "term": self.term, "edit": self.edit,
                "entries": list(self.named)}


def run_items(key: str) -> list[str]:
    """The items of a run, without the quotation marks around one; a last item joined by 和, 及, 与 or 以及 to
    the one before it is an item of its own when both sides have two characters or more (not 命运与共).

    >>> run_items("“当下改”、长久立"), run_items("政治纪律、廉洁纪律和生活纪律"), run_items("志同道合、命运与共")
    (['当下改', '长久立'], ['政治纪律', '廉洁纪律', '生活纪律'], ['志同道合', '命运与共'])
    """
    items = [p.strip("“”") for p in key.split("、") if p.strip("“”")]
    if len(items) > 1:
        last = items[-1]
        for j in JOINS:
            at = last.find(j, 2)
            if at > 0 and len(last) - at - len(j) >= 2:
                return [*items[:-1], last[:at], last[at + len(j):]]
    return items


@dataclass
class RelationIndex:
    """Known surfaces indexed by first and last character, by one-character wildcard, and
    expansion items by their text."""

    ends: dict[tuple[str, str], list[tuple[str, Any]]] = field(default_factory=dict)
    masks: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    items: dict[str, list[Any]] = field(default_factory=dict)
    # every known surface (term or variant, folded) of two characters or more, with its entries
    known: dict[str, list[Any]] = field(default_factory=dict)
    # known surfaces led by their author's name, by what follows the name (强军思想 → 习近平强军思想)
    authored: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
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
            # in the entry's order, term first (a set's order changes with each run's hash seed, and the first
            # surface found decides a relation's kind: variant or shorter)
            for surface in dict.fromkeys(fold(s) for s in (entry.term, *entry.variants)):
                if len(surface) >= 2 and entry not in (holders := index.known.setdefault(surface, [])):
                    holders.append(entry)
                if len(surface) < MIN_LENGTH:
                    continue
                index.ends.setdefault((surface[0], surface[-1]), []).append((surface, entry))
                for i in range(len(surface)):
                    if surface[i] not in NUMERALS:
                        index.masks.setdefault(_mask(surface, i), []).append((surface, entry))
                if rest := index._unsigned(surface):
                    index.authored.setdefault(rest, []).append((surface, entry))
            for item in entry.expansion or ():
                holders = index.items.setdefault(fold(item).strip("“”"), [])
                if entry not in holders:
                    holders.append(entry)
        return index

    def relate(self, key: str, written: str) -> Relation | None:
        """The first relation found: expansion, then a run of known items, then longer/shorter form (also a known
        term less its author's name, see :meth:`_unsigned`), then variant."""
        return (self._expansion(key) or self._known_items(key) or self._by_ends(key, written)
                or self._without_author(key, written) or self._variant(key, written))

    def new_items(self, key: str) -> tuple[str, ...]:
        """The items of a run the lexicon lacks when most of its items are known (terms, variants or items of a
        known formula): the new item may be what the run shows (法治政府、法治社会 known, 法治国家 new); () for a run of
        known items only, or of mostly unknown ones.

        >>> from termkit.lexicon import Entry
        >>> index = RelationIndex.build([Entry(id="a", term="制造强国", gloss="a"),
        ...                              Entry(id="b", term="质量强国", gloss="b")])
        >>> index.new_items("制造强国、质量强国、体育强国"), index.new_items("制造强国、体育强国、文化强国")
        (('体育强国',), ())
        """
        parts = run_items(key)
        unknown = tuple(p for p in parts if p not in self.known and p not in self.items)
        return unknown if 0 < len(unknown) * 2 < len(parts) else ()

    def _known_items(self, key: str) -> Relation | None:
        """A run each of whose items is a known term or variant, or an item of a known formula's expansion, and
        that no one entry spells out (:meth:`_expansion` came first): separate known terms listed together. Its
        entries are named, in the run's order; the run is no new term, and whether it is a formula of its own
        (教育强国、科技强国、人才强国) is for a curator to say, so no edit is proposed. A run with an unknown item
        is not one: that item may be new."""
        parts = run_items(key)
        if len(parts) < 2:
            return None
        found = [(self.known.get(p) or self.items.get(p) or [None])[0] for p in parts]
        if any(e is None for e in found):
            return None
        entries = list({e.id: e for e in found}.values())
        return Relation("items", entries[0].id, "、".join(e.term for e in entries), {},
                        tuple(e.id for e in entries))

    def _unsigned(self, surface: str) -> str:
        """What follows the author's name that leads a known ``surface`` (习近平强军思想 → 强军思想), when it is
        a name of its own: :data:`MIN_UNSIGNED` characters or more, and no dictionary word (毛泽东思想 → 思想,
        马克思列宁主义 → 列宁主义 are not short forms); "" otherwise, and without a segmenter."""
        if self.words is None or self.tag is None:
            return ""
        from .noise import author

        first = self.words(surface)[0]
        rest = surface[len(first):]
        return rest if author(first, self.tag(first)) and len(rest) >= MIN_UNSIGNED and not self.tag(rest) else ""

    def _without_author(self, key: str, written: str) -> Relation | None:
        """A known term less the name of its author that leads it (强军思想 of 习近平强军思想, as 新时代党的强军思想
        says it): a shorter form."""
        if not (found := self.authored.get(key)):
            return None
        entry = found[0][1]
        return Relation("shorter", entry.id, entry.term, {"variants": [written]})

    def _expansion(self, key: str) -> Relation | None:
        """The entry listing most of the key's items (more than half of a run's; a lone item's entry); of
        those, the one whose expansion is closest in length (全球发展倡议、全球安全倡议、全球文明倡议 is the
        three initiatives, not the four). A numbered formula's items are as many as its count: a run adding items
        beyond it is another list (新经济组织、新社会组织、新就业群体 is not 两新组织's). A run's first item may
        carry the end of the words before it (临的执政考验 of 面临的执政考验): the item it ends with is meant."""
        parts = run_items(key)
        if len(parts) > 1:
            parts[0] = self._first_item(parts[0])
        holders = [[e.id for e in self.items.get(p, ())] for p in parts]
        entries = {e.id: e for p in parts for e in self.items.get(p, ())}
        tally: dict[str, int] = {}
        for ids in holders:
            for i in ids:
                tally[i] = tally.get(i, 0) + 1
        missing = {i: list(dict.fromkeys(p for p, ids in zip(parts, holders) if i not in ids)) for i in tally}
        tally = {i: n for i, n in tally.items() if _room(entries[i], len(missing[i]))}
        if not tally:
            return None
        fit = (lambda i: -abs(len(entries[i].expansion or ()) - len(parts))) if len(parts) > 1 else (lambda i: 0)
        best = max(tally, key=lambda i: (tally[i], fit(i)))  # a lone item: the first entry listing it
        if tally[best] * 2 < len(parts) or (len(parts) > 1 and tally[best] * 2 == len(parts)):
            return None  # more than half of a run's items: 人民至上、生命至上 shares one item with another list
        entry = entries[best]
        return Relation("expansion", entry.id, entry.term, {"expansion": missing[best]} if missing[best] else {})

    def _first_item(self, part: str) -> str:
        """``part``, or the longest known item it ends with when it is not an item itself (临的执政考验 → 执政考验)."""
        if part in self.items:
            return part
        return next((part[i:] for i in range(1, len(part) - 1) if part[i:] in self.items), part)

    def _by_ends(self, key: str, written: str) -> Relation | None:
        """A known term with characters inserted (longer) or dropped (shorter), same first and last character.
        Only punctuation dropped is a variant (一个国家两种制度 of 一个国家，两种制度). Between two numbered
        formulas a changed head or count is another list (六个坚持 is not 六个必须坚持, 十四个坚持 not 十个坚持)."""
        for surface, entry in self.ends.get((key[:1], key[-1:]), ()):
            if len(surface) > len(key) and _unpunctuated(surface) == key:
                return Relation("variant", entry.id, entry.term, {"variants": [written]})
            if _numbered(key) and _numbered(surface):
                continue
            if (0 < len(key) - len(surface) <= MAX_INSERTED and _subsequence(surface, key)
                    and self._names_the_same(key, surface)):
                return Relation("longer", entry.id, entry.term, {"variants": [written]})
            if (0 < len(surface) - len(key) <= MAX_INSERTED and len(key) >= MIN_LENGTH and _subsequence(key, surface)
                    and not self._drops_a_noun(key, surface)):
                return Relation("shorter", entry.id, entry.term, {"variants": [written]})
        return None

    def _names_the_same(self, key: str, surface: str) -> bool:
        """What ``key`` inserts into the known ``surface`` leaves the thing named as it was: one function word
        alone (积极的财政政策, 理想和信念), a suffix alone (绿色化转型), or modifiers of degree and scope
        (乡村全面振兴, 民族大团结, 两岸各领域融合发展), or a generic noun completing a place (中部地区崛起). A noun
        or verb inserted names a kind of the thing or another thing (保障性租赁住房, 人民抗日战争, 全面深化农村改革);
        a function word with more words beside it, a clause or a second thing (党对工会的全面领导,
        党中央和国务院决策部署); a known character left alone beside the insertion turns a compound into a phrase
        (新的时代 is not 新时代). Without a segmenter every insertion is accepted."""
        if self.words is None or self.tag is None:
            return True
        kept = _kept(surface, key)
        runs = _runs([i not in kept for i in range(len(key))])
        pieces = _runs([i in kept for i in range(len(key))])
        if any(b - a == 1 for a, b in pieces):
            return False
        for a, b in runs:
            words = self.words(key[a:b])
            tags = [self.tag(w)[:1] for w in words]
            if (len(words) == 1 and tags[0] in FUNCTION_TAGS) or key[a:b] in DERIVATIONAL_SUFFIXES:
                continue
            before = self.words(key[:a])[-1:]
            around = ["", *tags, ""]
            if not all(self._modifies(w, around[i], t, around[i + 2], before)
                       for i, (w, t) in enumerate(zip(words, tags))):
                return False
        return True

    def _modifies(self, word: str, tag_before: str, tag: str, tag_after: str, kept_before: list[str]) -> bool:
        """One inserted word of a longer form is a modifier (see :meth:`_names_the_same`). A determiner says the
        scope with its noun (各领域); alone it makes an ordinary phrase (党的各项建设)."""
        if tag == "r":
            return tag_after == "n"
        if tag in MODIFIER_TAGS or word in DEGREE_WORDS:
            return True
        if tag == "n" and tag_before == "r":
            return True
        return tag == "n" and not tag_before and bool(kept_before) and self.tag(kept_before[0]) in LOCALITY_TAGS

    def _drops_a_noun(self, key: str, surface: str) -> bool:
        """A noun of ``surface`` is missing from ``key``, whole (公共文化服务体系 → 公共服务体系) or cut out of a
        longer word (国家粮食安全 → 国家安全: 粮食 of 粮食安全): another thing is named. Dropping a modal, a verb or
        a direction keeps the name (高水平对外开放 → 高水平开放)."""
        if self.words is None or self.tag is None:
            return False
        kept = _kept(key, surface)
        dropped = _runs([i not in kept for i in range(len(surface))])
        return any(self.tag(w)[:1] in ("n", "j") for a, b in dropped for w in self.words(surface[a:b]))

    def _variant(self, key: str, written: str) -> Relation | None:
        """One measure word changed (四种意识, 四大自信); another changed character makes another term."""
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


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """The [start, end) spans where ``flags`` is true."""
    out, start = [], None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            out.append((start, i))
            start = None
    return out


def _numbered(s: str) -> bool:
    """The numbered-formula shape: a numeral run, then a measure word (六个坚持, 四大考验, 十四个坚持)."""
    i = 0
    while i < len(s) and s[i] in NUMERALS:
        i += 1
    return 0 < i < len(s) - 1 and s[i] in SWAPPABLE


def _unpunctuated(s: str) -> str:
    return s.translate(_PUNCTUATION)


_PUNCTUATION = str.maketrans("", "", "、，,")


def _room(entry: Any, added: int) -> bool:
    """``entry`` has room for ``added`` more items: a numbered formula lists as many items as its count."""
    from ..lint import expected_items

    count = expected_items(entry)
    return count is None or len(entry.expansion or ()) + added <= count[0]


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)
