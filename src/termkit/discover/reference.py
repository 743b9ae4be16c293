"""A reference corpus that confirms what a small input proposes (``termkit discover STORY --reference CORPUS``).

On one news story most formulas are written once, and a count of one cannot tell a formula from a sentence's
wording. Curators tell them apart by looking the string up in a larger corpus: a formula recurs, in other stories
and other months. A :class:`Reference` does that lookup for every candidate of a small input at once: its uses,
documents and months in the reference, and the characters written beside it there (a string nearly always
written inside one longer string is a piece of that string, not a name). :func:`phrases` proposes the input's runs
of items written with 、, cut every way they may be, beside the pipeline's own candidates, for the reference to judge
which cut recurs.

The rule a candidate must pass is the curators' own, fixed before any measurement (bench/discover_protocol.md,
round 15): :data:`MIN_USES` uses in :data:`MIN_MONTHS` months (documents, when the reference is undated).

>>> from termkit.discover.background import Background
>>> ref = Reference.of([("a", "2024-01", "坚持新领域新赛道，开辟新领域新赛道"), ("b", "2024-02", "抢占新领域新赛道。")])
>>> use = ref.tally(["新领域新赛道", "领域新赛"], Background.load())
>>> use["新领域新赛道"].count, use["新领域新赛道"].months, ref.recurs(use["新领域新赛道"])
(3, 2, True)
>>> use["领域新赛"].bound
1.0
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .data import JOINS, STOP_EDGE, STOP_START
from .patterns import has_template

if TYPE_CHECKING:
    from ..corpus import Document
    from . import Candidate
    from .background import Background

MIN_USES = 3  # uses in the reference a formula has at least (the curators' rule, round 14's gap hunts)
MIN_MONTHS = 2  # months (documents, for an undated reference) they spread over at least
# share of a string's uses in the reference with one and the same Han character beside it on one side, from which
# the string is a piece of a longer one (密集型服务, nearly always in 知识密集型服务), not a name of its own
BOUND = 0.9
# a run's closure (see Use.closure) from which it is kept under a reference: chosen on the gap hunts h1–h8 and the
# blind verdicts on h9–h12 (bench/discover_results.md, round 15): at 0.5, 15 of 17 added runs and 25 of 27 judged good
# kept, 38 of 91 judged bad and 130 of 278 other runs of development
CLOSURE = 0.5
# the score a small input's candidate must reach under a reference (the shipped model's score times the reference's
# weight): chosen on the gap hunts h1–h8 (bench/discover_results.md, round 15), where 0.3 kept 24 of the 28 added
# formulas listed without a floor and 567 of the 1,488 rows in the top 10s of the 400 stories
REFERENCE_FLOOR = 0.3
_HAN = re.compile(r"[\u3400-\u9fff]+")
_ARABIC = re.compile("[0-9０-９]")


@dataclass(frozen=True)
class Use:
    """A string's use in the reference: occurrences, documents, months (first and last), and ``bound``, the largest
    share of its occurrences with one and the same Han character glued to it (see :func:`_binding`): it is a piece
    of a longer string (领域新赛 of 新领域新赛道); a verb written before a formula each time (建设宜居、韧性、智慧城市)
    does not bind it."""

    count: int = 0
    docs: int = 0
    months: int = 0
    first: str = ""
    last: str = ""
    bound: float = 0.0
    # a run's: the share of its open ends' uses (its items but the last, then 、; 、 then its items but the first) that
    # are the whole run: a formula's items go together (围绕中心、 is followed by 服务大局 9 times in 10), a list's
    # continue every way (风电、 before 光伏, 水电, 太阳能 …); None for a string that is no run
    closure: float | None = None

    def to_dict(self) -> dict[str, object]:
        """The ``reference`` field of ``--format jsonl``.

        >>> Use(14, 9, 10, "2023-01", "2026-02", 0.0, 0.9).to_dict()["closure"]
        0.9
        """
        return {"count": self.count, "docs": self.docs, "months": self.months, "first": self.first or None,
                "last": self.last or None, "bound": round(self.bound, 3),
                "closure": self.closure}

    def label(self) -> str:
        """Short, for a table: uses/months, ``14/10m`` (uses/documents, ``5/3d``, when the reference is undated).

        >>> Use(14, 9, 10).label(), Use(5, 3).label()
        ('14/10m', '5/3d')
        """
        return f"{self.count:,}/{self.months}m" if self.months else f"{self.count:,}/{self.docs}d"


class Reference:
    """Folded documents to look candidates up in: (id, month or ``""``, folded text) each."""

    def __init__(self, texts: list[tuple[str, str, str]]) -> None:
        self.texts = texts
        self.dated = any(month for _, month, _ in texts)

    @classmethod
    def of(cls, texts: Iterable[tuple[str, str, str]]) -> Reference:
        return cls(list(texts))

    @classmethod
    def read(cls, documents: Iterable[Document], fold: Callable[[str], str]) -> Reference:
        """The documents folded as the lexicon folds (script, width, case), with the month of their date."""
        return cls([(d.id, str((d.meta or {}).get("date", ""))[:7], fold(d.text)) for d in documents])

    @property
    def chars(self) -> int:
        return sum(len(t) for _, _, t in self.texts)

    def tally(self, keys: Iterable[str], bg: Background | None = None) -> dict[str, Use]:
        """The :class:`Use` of each key (folded) in the reference, in one pass of an Aho-Corasick automaton;
        ``bg`` (:class:`.background.Background`: its words and parts of speech) tells what is glued to a key
        (:attr:`Use.bound`; 0 without it)."""
        import ahocorasick

        keys = sorted({k for k in keys if k})
        auto = ahocorasick.Automaton()
        for i, k in enumerate(keys):
            auto.add_word(k, i)
        if not keys:
            return {}
        auto.make_automaton()
        count = [0] * len(keys)
        docs: list[set[str]] = [set() for _ in keys]
        months: list[set[str]] = [set() for _ in keys]
        left: list[Counter[str]] = [Counter() for _ in keys]
        right: list[Counter[str]] = [Counter() for _ in keys]
        for doc, month, text in self.texts:
            for end, i in auto.iter(text):
                start = end - len(keys[i]) + 1
                count[i] += 1
                docs[i].add(doc)
                if month:
                    months[i].add(month)
                left[i][text[max(start - 2, 0): start]] += 1
                right[i][text[end + 1: end + 2]] += 1
        out = {}
        for i, k in enumerate(keys):
            if not count[i]:
                out[k] = Use()
                continue
            most = _binding(left[i], right[i], k, bg)
            span = sorted(months[i])
            out[k] = Use(count[i], len(docs[i]), len(span), span[0] if span else "", span[-1] if span else "",
                         most / count[i])
        return out

    def recurs(self, use: Use) -> bool:
        """The string recurs as a formula does: :data:`MIN_USES` uses over :data:`MIN_MONTHS` months (documents,
        when the reference is undated)."""
        spread = use.months if self.dated else use.docs
        return use.count >= MIN_USES and spread >= MIN_MONTHS


def _binding(before: Counter[str], after: Counter[str], key: str, bg: Background | None) -> int:
    """How many of ``key``'s uses have one and the same Han character glued to it: after it (the string is a piece
    of a longer name: 全链条、全方位、全 before 覆盖), or before it when that character is not the end of a verb,
    adverb, preposition or conjunction written before a formula (建设 in 建设宜居、韧性、智慧城市) or is cut out of a
    word with the key's first character (领域新赛 of 新领域新赛道). Function characters (的, 和, 在 …) glue nothing.
    A run is bound whole when most of its uses have before them the character its later items begin with, written
    as a word of its own: it is the run's own pattern cut one character short (不 before 稳定、不确定、难预料; 为
    before 梦想奋斗、为幸福打拼), whatever that character's part of speech. The 全 of 健全 before
    党统一领导、全面覆盖、权威高效 is part of another word and binds nothing by this rule.

    >>> from termkit.discover.background import Background
    >>> bg = Background.load()
    >>> pattern = Counter({"持不": 1, "现不": 1, "当前": 1})
    >>> [_binding(pattern, Counter({"，": 3}), k, bg) for k in ("稳定、不确定、难预料", "稳定、确定")]
    [3, 0]
    """
    if bg is None:
        return 0
    if "、" in key:
        firsts = {item[:1] for item in key.split("、")[1:]}
        own = sum(n for ctx, n in before.items() if ctx[-1:] in firsts and _word_before(ctx, key, bg) == ctx[-1:])
        if 2 * own > sum(before.values()):  # the character is a word of its own: the 全 of 健全 is not 全面's
            return sum(before.values())
    glued = 0
    if after:
        ch, n = after.most_common(1)[0]
        if _HAN.fullmatch(ch) and ch not in STOP_EDGE:
            glued = n
    if before:
        ctx, n = before.most_common(1)[0]
        if ctx and _HAN.fullmatch(ctx[-1]) and ctx[-1] not in STOP_EDGE:
            last = _word_before(ctx, key, bg)
            if not last or bg.tag(last)[:1] not in FREE_BEFORE:
                glued = max(glued, n)
    return glued


def _word_before(ctx: str, key: str, bg: Background) -> str:
    """The word that ends where ``key`` begins, written after ``ctx`` (segmented with the key's first characters);
    ``""`` when a word runs across the boundary."""
    pos = 0
    for w in bg.words(ctx + key[:3]):
        pos += len(w)
        if pos >= len(ctx):
            return w if pos == len(ctx) else ""
    return ""


FREE_BEFORE = frozenset("vdpc")  # parts of speech of a word written before a formula without binding it


def phrases(text: str, bg: Background) -> list[str]:
    """The runs of items written with 、 in a folded view's text (:func:`.view.make_view`: known terms masked), cut
    every way they may be (:func:`runs`), for a reference to judge which cut recurs.

    >>> from termkit.discover.background import Background
    >>> "吸纳民意、汇集民智" in phrases("健全吸纳民意、汇集民智工作机制，\x01\x01。", Background.load())
    True
    """
    out: dict[str, None] = {}
    for clause in _CLAUSE.findall(text):
        out.update(dict.fromkeys(runs(clause, bg)))
    return list(out)


_CLAUSE = re.compile(r"[\u3400-\u9fff、]+")
RUN_EDGE_WORDS = 3  # words at most taken from before a run's first 、 (after its last) as its first (last) item
RUN_CHARS = 40  # characters of a run at most
ITEM_CHARS = 10  # characters of a run's inner item at most


def runs(clause: str, bg: Background) -> list[str]:
    """The ways a clause's items written with 、 may be cut into a run: the inner items as written, the first item
    the last words before the first 、 (:func:`_firsts`), the last the first words after the last 、
    (:func:`_lasts`). The first item is as long as the item after it (items of a run match): exactly, when a cut
    that long exists, else give or take a character; of two items, the second may carry the run's head
    (全局性、根本性转变) and the first then matches what comes before the head. The last item is no shorter than the
    item before it (it may carry the head, 宜居、韧性、智慧城市, not lose a character: 挑战、共 of 共迎挑战、共克时艰).
    The reference tells which cut recurs: a formula is written the same way each time.

    >>> from termkit.discover.background import Background
    >>> bg = Background.load()
    >>> sorted(runs("坚持辛勤劳动、诚实劳动", bg))
    ['辛勤劳动、诚实劳动']
    >>> runs("以两国外交、国防、公安", bg), runs("统筹好旅游发展、特色经营、古城保护", bg)
    (['外交、国防、公安'], ['旅游发展、特色经营、古城保护'])
    >>> runs("意识形态领域形势发生全局性、根本性转变", bg)
    ['全局性、根本性', '全局性、根本性转变']
    """
    parts = clause.split("、")
    if len(parts) < 2 or any(not p or len(p) > ITEM_CHARS for p in parts[1:-1]):
        return []
    middle = parts[1:-1]
    heads, tails = bg.words(parts[0]), bg.words(parts[-1])
    out = []
    for b in _lasts(tails, bg, middle, heads):
        after = middle[0] if middle else _before_join(b)
        firsts = _firsts(heads, bg, after)
        sizes = [(len(after), True)]
        if not middle and after != b:  # 命运与共 is one item, 社会效益和生态效益 two
            sizes.append((len(b), True))
        if not middle and len(bw := bg.words(b)) > 1 and len(bw[-1]) > 1:
            sizes.append((len(b) - len(bw[-1]), False))
        for size, loose in sizes:
            exact = [a for a in firsts if len(a) == size]
            for a in exact or ([a for a in firsts if abs(len(a) - size) <= 1] if loose else []):
                if (len(b) >= len((middle or [a])[-1])
                        and len(a) + len(b) + sum(map(len, middle)) + len(parts) - 1 <= RUN_CHARS):
                    out.append("、".join([a, *middle, b]))
    return list(dict.fromkeys(out))


EDGE_TAGS = ("p", "c", "u", "d")  # first letters of the parts of speech of words an edge item does not start with


def _inside(word: str, bg: Background) -> bool:
    """A word an item does not hold: a function word, conjunction, preposition or particle (的 of 碳的经济效益)."""
    return word in STOP_EDGE or bg.tag(word)[:1] in ("p", "c", "u")


def _firsts(heads: list[str], bg: Background, after: str) -> list[str]:
    """The cuts of a run's first item: the last words before the first 、, one to :data:`RUN_EDGE_WORDS` of them
    (more while the cut is shorter than ``after``, the item that follows it: 水清滩净 is four words), holding no
    function word, preposition or conjunction, starting with no adverb either (在央视新闻、央视频 is a sentence's 在),
    nor with a verb before its object when the item after it starts with a noun (发生全局性、根本性转变: 发生 is the
    sentence's; not 集成电路, a word of the dictionary).

    >>> from termkit.discover.background import Background
    >>> bg = Background.load()
    >>> _firsts(bg.words("基本建成水清滩净"), bg, "鱼鸥翔集"), _firsts(bg.words("节能降碳的经济效益"), bg, "社会效益")
    (['净', '滩净', '清滩净', '水清滩净'], ['经济效益'])
    """
    out = []
    noun_after = bool(after) and bg.tag(bg.words(after)[0])[:1] == "n"
    for k in range(1, len(heads) + 1):
        first = heads[-k]
        a = "".join(heads[-k:])
        longer = k > RUN_EDGE_WORDS and (len(a) - len(first) >= len(after) or k > 2 * RUN_EDGE_WORDS)
        if first in STOP_START or bg.tag(first)[:1] in ("p", "c", "u") or longer:
            break
        if bg.tag(first)[:1] in EDGE_TAGS or (k > 1 and bg.tag(first) == "v" and noun_after and not bg.freq(a)):
            continue
        out.append(a)
    return out


def _before_join(item: str) -> str:
    """A last item less what a join adds to it: 社会效益 of 社会效益和生态效益."""
    for j in JOINS:  # 以及 before 及
        if j in item[1:]:
            return item[:item.index(j, 1)]
    return item


def _lasts(tails: list[str], bg: Background, middle: list[str], heads: list[str]) -> list[str]:
    """The cuts of a run's last item: the first words after the last 、, one to :data:`RUN_EDGE_WORDS` of them,
    holding no function word (:func:`_inside`: 亲密朋友和); a last item joined with 和 or 及 as well
    (经济效益、社会效益和生态效益). A run whose items begin alike ends where its items do (空间科学、空间技术、
    空间应用, not …空间应用全面).

    >>> from termkit.discover.background import Background
    >>> bg = Background.load()
    >>> _lasts(bg.words("空间应用全面发展"), bg, ["空间技术"], ["空间科学"])
    ['空间应用']
    >>> _lasts(bg.words("亲密朋友和可信赖伙伴"), bg, [], [])
    ['亲密', '亲密朋友', '亲密朋友和可信赖伙伴']
    """
    out = []
    for k in range(1, min(RUN_EDGE_WORDS, len(tails)) + 1):
        if k > 1 and _inside(tails[k - 1], bg):
            if tails[k - 1] in JOINS:  # 社会效益和生态效益: the next item, joined
                before, joined = "".join(tails[:k - 1]), []
                for j in range(k + 1, min(k + RUN_EDGE_WORDS, len(tails)) + 1):
                    if _inside(tails[j - 1], bg) or len(item := "".join(tails[k:j])) > len(before) + 1:
                        break
                    if len(item) >= len(before) - 1:
                        joined.append(item)
                if joined:  # as long as the item before it, else the longer
                    out.append(before + tails[k - 1] + min(joined, key=lambda i: (abs(len(i) - len(before)), -len(i))))
            break
        out.append("".join(tails[:k]))
    if middle and heads:
        size = len(middle[-1])
        same = [b for b in out if len(b) == size]
        items = ["".join(heads)[-size:], *middle]
        if same and all(len(m) == size for m in middle) and len({i[0] for i in items}) == 1 and has_template(
                [*items, same[0]]):
            return [b for b in out if len(_before_join(b)) == size]
    return out


def _open_ends(run: str) -> tuple[str, str]:
    """A run with its last item left open, and with its first: 围绕中心、 and 、服务大局 of 围绕中心、服务大局.

    >>> _open_ends("和平、安全、繁荣")
    ('和平、安全、', '、安全、繁荣')
    """
    items = run.split("、")
    return "、".join(items[:-1]) + "、", "、" + "、".join(items[1:])


def weight(use: Use) -> float:
    """How much a confirmed candidate's recurrence lifts its score: 1 + log10 of its months (documents when undated)
    in the reference.

    >>> weight(Use(12, 10, 10)), weight(Use(3, 2))
    (2.0, 1.3)
    """
    return round(1 + math.log10(max(use.months or use.docs, 1)), 2)


def quoted_count_stands(text: str) -> bool:
    """Whether a quoted numbered string is evidence without the reference: a count of two or more written in
    characters (两重, 三个一, 八个必须坚持). One that opens with 一 is an article or one story's one-per pattern
    (一抹绿, 一纸规划, 一桥一策) and one with Arabic digits a figure or a date (60天期限, 15分钟休闲圈, 10+N): on
    rounds 15–24's judged sheets such rows, unconfirmed by the reference, were 35 bad and 3 good
    (bench/discover_results.md, round 25), so they need the reference like other quoted strings.

    >>> [quoted_count_stands(s) for s in ("两重", "八个必须坚持", "一抹绿", "15分钟休闲圈", "５Ｇ+")]
    [True, True, False, False, False]
    """
    return not text.startswith("一") and _ARABIC.search(text) is None


def confirm(cands: list[Candidate], reference: Reference, fold: Callable[[str], str],
            bg: Background | None = None, weigh: bool = True, names: Iterable[str] = ()) -> list[Candidate]:
    """The candidates with their :class:`Use` in ``reference`` (``reference``): those that recur there
    (:meth:`Reference.recurs`), are not bound into a longer string there (:data:`BOUND`) and, runs, are closed
    (:data:`CLOSURE`: their items go together there, see :attr:`Use.closure`), their score times
    :func:`weight`; a numbered one the input quotes (两重: its writers name it, as the issue's one quoted numbered
    formula is evidence) also when it does not, if it is a count of two or more (:func:`quoted_count_stands`).
    Other quoted strings need the reference like the rest: those it does
    not confirm were mostly names of apps, venues and events (bench/discover_results.md, round 16). A candidate
    inside a longer confirmed one that the reference uses nearly as often is left out as its piece, and so is a run
    inside one of ``names``, the runs of names the input's screen rejected (国平、明珍珍 of 明国平、明珍珍). ``bg``: see
    :meth:`Reference.tally`. Without ``weigh`` the scores stay as they were (a large input's ranking, learnt from
    it, is not reweighed: measured on small inputs only).

    >>> from termkit.discover import Candidate
    >>> ref = Reference.of([("a", "2024-01", "新领域新赛道、新领域新赛道"), ("b", "2024-03", "新领域新赛道")])
    >>> cands = [Candidate("新领域新赛道", 1.0, 1, 1, "mwe", ""), Candidate("新赛道", 1.0, 1, 1, "mwe", ""),
    ...          Candidate("新质生产力", 1.0, 1, 1, "mwe", ""),
    ...          Candidate("两重", 1.0, 1, 1, "numbered", "", {"quoted": 1})]
    >>> found = confirm(cands, ref, str)
    >>> [(c.candidate, c.score, c.reference.count) for c in found]
    [('新领域新赛道', 1.3, 3), ('两重', 1.0, 0)]
    >>> confirm([Candidate("冰丝带", 1.0, 2, 1, "quoted", "", {"quoted": 2})], ref, str)
    []
    """
    gone = [fold(n) for n in names]
    keyed = [(k, c) for c in cands if not ("、" in (k := fold(c.key or c.candidate))
                                           and any(len(g) > len(k) and k in g for g in gone))]
    keys = [k for k, _ in keyed]
    ends = {k: _open_ends(k) for k in keys if "、" in k}
    uses = reference.tally([*keys, *(e for pair in ends.values() for e in pair)], bg)
    kept = []
    for k, c in keyed:
        use = uses[k]
        if k in ends:
            use = replace(use, closure=round(min(use.count / max(uses[e].count, 1) for e in ends[k]), 3))
        if reference.recurs(use) and use.bound < BOUND and (use.closure is None or use.closure >= CLOSURE):
            kept.append((k, replace(c, score=c.score * (weight(use) if weigh else 1.0), reference=use)))
        elif c.notes.get("quoted") and c.kind == "numbered" and quoted_count_stands(k):
            kept.append((k, replace(c, reference=use)))
    return [c for k, c in kept
            if not any(len(o) > len(k) and k in o and oc.reference.count >= BOUND * c.reference.count
                       and reference.recurs(oc.reference) for o, oc in kept)]
