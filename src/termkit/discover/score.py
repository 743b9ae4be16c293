"""Turn counts into scored prospects: the n-gram pool's best strings (:mod:`.pool`), trimmed to the
name, numbered formulas among them checked (a numeral and a head few other numbers take), and
shape-found candidates.

All scores share one scale: ``log2(1 + count)`` times a quality factor between 0 and about 3,
so a frequent weak string and a rare strong formula can be ranked in one list.

>>> is_numbered("两个确立"), head_of("两个确立"), is_count("三个月")
(True, '个确立', True)
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .background import Background
from .data import (
    BAD_FIRST_TAGS,
    BAD_LAST_TAGS,
    DIGITS,
    FIXED_TAGS,
    FRAME_HEADS,
    MEASURES,
    NAME_TAGS,
    NUMERALS,
    PROGRAMME_HEADS,
    QUANTIFIERS,
    STOP_EDGE,
    STOP_START,
    TRIM_FIRST_TAGS,
    TRIM_LAST_TAGS,
    TRIM_WORDS,
)
from .ngrams import NgramStats
from .noise import counted, noise_reason, one_place
from .patterns import VERB_OBJECT_KINDS, ShapeEvidence, has_template
from .pool import POOL_NAMES, PoolTable, classify, pool_features, pool_score

if TYPE_CHECKING:
    from .learn import Model

MIN_ENTROPY = 0.5  # nats: below this one side is (nearly) always the same character
MIN_PMI = 4.0  # bits
ORDINARY_WORD = 2e-5  # a dictionary word this common in general Chinese is not a term
KEYNESS = 30.0  # a dictionary word this many times more frequent here than in general Chinese may be


@dataclass
class Prospect:
    """A candidate before exact recounting: its folded key, kind, first-pass score and evidence."""

    key: str
    kind: str
    score: float
    count: int
    quoted: int = 0
    example: tuple[str, int, int] | None = None
    notes: dict[str, float] = field(default_factory=dict)


def is_numbered(s: str) -> bool:
    """A numeral first, then a head (两个确立, 三会一课); not a number alone (三十五).

    >>> is_numbered("四下基层"), is_numbered("三十五"), is_numbered("发展")
    (True, False, False)
    """
    return s[0] in NUMERALS and any(ch not in DIGITS for ch in s)


def head_of(s: str) -> str:
    """The head after the leading numerals: 个确立 for 两个确立."""
    i = 0
    while i < len(s) and s[i] in NUMERALS:
        i += 1
    return s[i:]


def is_count(s: str, bg: Background | None = None) -> bool:
    """An ordinary count, amount or date: 三个月, 两个小时, 五年, 十几个国家 (see :func:`.noise.counted`).

    >>> is_count("三个月"), is_count("两个小时"), is_count("五年"), is_count("两个确立")
    (True, True, True, False)
    >>> is_count("三个代表", Background.load())
    False
    """
    return not head_of(s) or counted(s, bg) == "count"  # the count rule of discover.noise, one rule in one place


def specificity(stats: NgramStats, s: str) -> float:
    """Share of the head's numbered uses that take this numeral: near 1 for a formula (三个代表),
    low for an ordinary count (三个方面, which 两/四/几/各 share)."""
    head = head_of(s)
    numeral = s[: len(s) - len(head)]
    own = stats.count(s)
    others = sum(stats.count(q + head) for q in QUANTIFIERS if q != numeral)
    return own / max(own + others, 1)


def edges_ok(words: list[str], bg: Background) -> bool:
    """False when the string starts or ends with a function word (的发展, 工作中), starts with an
    adverb, pronoun, measure word or preposition (充分发挥, 各位代表, 次会议) or ends with a verb."""
    if not words:
        return False
    first, last = words[0], words[-1]
    if (len(first) == 1 and first in STOP_START) or (len(last) == 1 and last in STOP_EDGE):
        return False
    first_tag, last_tag = bg.tag(first), bg.tag(last)
    if first_tag[:1] in BAD_FIRST_TAGS or first_tag in ("ad", "q") or last_tag[:1] in BAD_LAST_TAGS:
        return False
    # a term names something: a short one does not end in a verb (结合起来, 认真贯彻); a longer one may
    # (西部大开发, 乡村振兴: the learned ranking weighs it), and so may a fixed expression (改革开放)
    whole = bg.tag("".join(words))
    named_first = len(words) >= 2 and (first_tag[:1] in ("n", "a", "f", "s") or first_tag == "vn")
    return not (last_tag.startswith("v") and last_tag != "vn" and whole not in ("l", "j", "nz") and not named_first)


def trim_edges(s: str, bg: Background) -> str:
    """The part of ``s`` that is itself a name: leading verbs and adverbs (贯彻, 实现, 加快构建) and
    trailing function words (的, 中) cut off, as long as at least three characters (two for a numbered
    formula) remain. A string the dictionary lists whole as a fixed expression is kept.

    >>> bg = Background.load()
    >>> trim_edges("贯彻新发展理念", bg), trim_edges("加快构建新发展格局", bg), trim_edges("实现四个现代化", bg)
    ('新发展理念', '新发展格局', '四个现代化')
    >>> trim_edges("全面建设社会主义现代化国家", bg), trim_edges("乡村振兴", bg)
    ('全面建设社会主义现代化国家', '乡村振兴')
    """
    if bg.tag(s) in FIXED_TAGS:
        return s
    words = bg.words(s)
    i, j = 0, len(words)
    while i < j - 1 and _trimmable(words[i], bg, TRIM_FIRST_TAGS, STOP_START):
        i += 1
    while j > i + 1 and _trimmable(words[j - 1], bg, TRIM_LAST_TAGS, STOP_EDGE):
        j -= 1
    core = "".join(words[i:j])
    enough = 2 if is_numbered(core) else 3
    return core if len(core) >= enough else s


def _trimmable(word: str, bg: Background, tags: frozenset[str], stops: frozenset[str]) -> bool:
    if len(word) == 1:
        return word in stops
    if tags is TRIM_FIRST_TAGS and word in TRIM_WORDS:
        return True
    return bg.tag(word) in tags and word not in NUMERALS and not any(ch in NUMERALS for ch in word)


def shortlist_ngrams(stats: NgramStats, bg: Background, min_count: int, limit: int,
                     positives: Collection[str] = frozenset(), quoted: dict[str, int] | None = None,
                     model: Model | None = None, min_positives: int = 150,
                     held: int = 0) -> tuple[list[Prospect], PoolTable]:
    """The ``limit`` strings of 2 … max_n characters most like a term, of all those seen ``min_count``
    times (see :mod:`.pool`): strings the lexicon knows (``positives``) or that hold a known term are
    left out, the rest trimmed to the name (贯彻新发展理念 → 新发展理念) and freed of noise. With ``held``
    (``--since``), up to that many strings holding a known term are kept beside the ``limit``, marked
    ``newer_form``: one new since the date is a newer form of the term (进一步全面深化改革 beside 全面深化改革).
    Returns the prospects and the scored pool."""
    table = pool_features(stats, bg, min_count, quoted)
    how = classify(table, set(positives), min_positives, model)
    order = np.argsort(-table.probability, kind="stable")
    strict = not how.startswith("learnt")  # without this input's own classifier, the old word-shape checks hold
    best: dict[str, Prospect] = {}
    holding: dict[str, Prospect] = {}
    for i in order.tolist():
        if len(best) >= limit:
            break
        s, count, p = str(table.keys[i]), int(table.counts[i]), float(table.probability[i])
        if strict and (table.x[i, MIN_EDGE] < MIN_ENTROPY or (table.x[i, PMI] < MIN_PMI and not is_numbered(s))):
            continue
        core = s if is_numbered(s) else trim_edges(s, bg)
        if core != s:
            count = max(count, stats.count(core))
        if core in best or core in positives or noise_reason(core, bg):
            continue
        holds = _holds(core, positives)
        if holds and (len(holding) >= held or core in holding):
            continue
        if is_numbered(core):
            if _numbered_quality(core, count, stats, bg) is None:
                continue
        elif strict and (len(core) < 3 or not _phrase_ok(core, count, stats, bg)):
            continue
        left, right = stats.edge_entropy(core)
        notes = {"pool": round(p, 3), "left": round(left, 2), "right": round(right, 2)}
        if holds:
            holding[core] = Prospect(core, "mwe", pool_score(p, count), count, notes={**notes, "newer_form": 1.0})
        else:
            best[core] = Prospect(core, "mwe", pool_score(p, count), count, notes=notes)
    return list(best.values()) + list(holding.values()), table


MIN_EDGE, PMI = POOL_NAMES.index("min_edge"), POOL_NAMES.index("pmi")


def _holds(s: str, known: Collection[str]) -> bool:
    """``s`` holds a known term (发展新质生产力 beside 新质生产力)."""
    return any(s[i:j] in known for i in range(len(s)) for j in range(i + 2, len(s) + 1) if j - i < len(s))


def _numbered_quality(s: str, count: int, stats: NgramStats, bg: Background) -> float | None:
    """Specificity of a numbered string, or None when it is a count, an ordinal or a common word.

    The numeral must belong to the formula: the head's numbered uses mostly take this numeral
    (checked on the shortest head, 两国 for 两国关系), unless a second numeral makes the shape
    itself a formula (一带一路, 三去一降一补). A leading 一 alone is too often an article (not before a
    place: 一个中国)."""
    if is_count(s, bg) or stats.count("第" + s) > 0.3 * count:
        return None
    if _decimal(s) or s[-1] in TRAILING_PARTICLES:
        return None  # 一点二 is 1.2, an amount; 四个现代化的 is a fragment of 四个现代化
    compound = any(ch in NUMERALS for ch in head_of(s))
    if s[0] == "一" and not compound and not one_place(s, bg):
        return None
    if bg.freq(s) and (bg.tag(s) == "i" or not (bg.tag(s) in FIXED_TAGS or _key(s, count, stats, bg))):
        return None  # an ordinary word (一系列) or an idiom (千方百计)
    if compound:
        return 1.0
    head = head_of(s)
    short = s[: len(s) - len(head) + (2 if head[0] in MEASURES and len(head) > 1 else 1)]
    if short != s and bg.relative(short) > ORDINARY_WORD:
        return None
    spec = specificity(stats, short)
    return spec if spec >= 0.8 else None


TRAILING_PARTICLES = "的地得了着过和与及等"


def _decimal(s: str) -> bool:
    """A numeral, 点, a numeral: a decimal number (三点七), not a formula.

    >>> _decimal("一点二"), _decimal("两点论")
    (True, False)
    """
    return any(a in NUMERALS and b == "点" and c in NUMERALS for a, b, c in zip(s, s[1:], s[2:]))


def _key(s: str, count: int, stats: NgramStats, bg: Background) -> bool:
    """Far more frequent here than in general Chinese."""
    general = bg.relative(s)
    return not general or count / max(stats.chars, 1) / general >= KEYNESS


def _phrase_ok(s: str, count: int, stats: NgramStats, bg: Background) -> bool:
    """A string that reads as a term: no function word at an edge, not a name, not an ordinary
    dictionary word, mostly made of words rather than loose characters (transliterations)."""
    words = bg.words(s)
    if all(w in TRIM_WORDS for w in words):
        return False  # verbs only: 贯彻落实, 学习领会
    if not edges_ok(words, bg) or sum(len(w) for w in words if len(w) == 1) * 2 > len(s):
        return False
    if s in bg.frequencies:
        return bg.tag(s) not in NAME_TAGS and _key(s, count, stats, bg)
    return True


# first-pass quality of a programme's name found after a verb that carries it out (see programme_name), as a
# template parallel run's (2.0): both are shapes its writers give a fixed name
HEADED_QUALITY = 2.0
# pieces the dictionary (no guessing) reads four characters as, at least, for a coinage: loose characters (援/企/稳/岗,
# 复工/复/产), not two words side by side (医疗价格)
COINED_PIECES = 3
SHARED_HEAD_ITEM = 3  # characters at most of each item before the last in items sharing one programme's head


def _lead_cut(words: list[str], bg: Background) -> list[str]:
    """``words`` less the sentence's words before a verb's object: leading verbs and adverbs of the sentence
    (深入实施, 加快推进), and a conjunction that joins a second verb to the first with that verb (制定和实行…计划 →
    第八个五年计划, 健全和完善…负责制: the name starts after both verbs).

    >>> bg = Background.load()
    >>> ["".join(_lead_cut(bg.words(k), bg)) for k in ("和实行第八个五年计划", "加快实施贫困村整体提升工程")]
    ['第八个五年计划', '贫困村整体提升工程']
    """
    while len(words) > 1:
        if words[0] in TRIM_WORDS:
            words = words[1:]
        elif len(words) > 2 and len(words[0]) == 1 and bg.tag(words[0]) in ("c", "p") and bg.tag(words[1]) == "v":
            words = words[2:]
        else:
            break
    return words


def programme_name(key: str, bg: Background) -> str | None:
    """The programme's name in a verb's object ending in a programme's head (:data:`.data.PROGRAMME_HEADS`), or
    None: leading verbs and adverbs of the sentence cut off (深入实施, 加快推进; only those words, not a verb that
    belongs to the name: 就业优先战略, 创新驱动发展战略), at least two characters before the head, not noise; items
    joined by 、 are short ones sharing the head (:data:`SHARED_HEAD_ITEM`).

    >>> bg = Background.load()
    >>> [programme_name(k, bg) for k in ("全民健身计划", "加快实施贫困村整体提升工程", "攻坚战", "就业优先战略")]
    ['全民健身计划', '贫困村整体提升工程', None, '就业优先战略']
    >>> programme_name("蓝天、碧水、净土保卫战", bg), programme_name("工业强基、重大装备专项工程", bg)
    ('蓝天、碧水、净土保卫战', None)
    """
    *items, _last = key.split("、")
    if any(len(i) > SHARED_HEAD_ITEM for i in items):
        return None  # two names (工业强基、重大装备专项工程), not items sharing one head (蓝天、碧水、净土保卫战)
    words = _lead_cut(bg.words(key), bg)
    core = "".join(words)
    head = next(h for h in PROGRAMME_HEADS if core.endswith(h))
    if len(core) - len(head) < 2 or noise_reason(core, bg):
        return None
    return core


def frame_head(key: str) -> str | None:
    """The frame's head ``key`` ends in (:data:`.data.FRAME_HEADS`, where a head comes before a shorter one that ends
    it: 工作总基调 before 总基调), or None.

    >>> frame_head("稳中求进工作总基调"), frame_head("新发展理念")
    ('工作总基调', None)
    """
    return next((h for h in FRAME_HEADS if key.endswith(h)), None)


def framed_name(key: str, bg: Background) -> str | None:
    """The name in a verb's object ending in a frame's head (:data:`.data.FRAME_HEADS`): leading verbs and adverbs
    cut off, at least two characters before the head (the recount keeps it only when they are a known term).

    >>> bg = Background.load()
    >>> [framed_name(k, bg) for k in ("稳中求进工作总基调", "深入贯彻依法治国基本方略", "制度")]
    ['稳中求进工作总基调', '依法治国基本方略', None]
    """
    words = _lead_cut(bg.words(key), bg)
    core = "".join(words)
    head = frame_head(core)
    if head is None or len(core) - len(head) < 2:
        return None
    return core


def principle_prospect(key: str, e: ShapeEvidence, stats: NgramStats) -> Prospect:
    """A line its writers name before 的方针, 的原则, 的道路 … (see :func:`.patterns.principle_runs`), on a small input:
    the run or quoted span, scored as a programme's name after its verb (:data:`HEADED_QUALITY`) and marked
    ``after_verb`` (a name its writers gave it: seen once is enough, and it is no ordinary list or rhetoric).

    >>> from termkit.discover.patterns import ShapeEvidence
    >>> p = principle_prospect("军民结合、平战结合", ShapeEvidence(count=1, principle=1, kind="principle"), None)
    >>> p.kind, p.count, p.notes
    ('parallel', 1, {'after_verb': 1.0, 'principle': 1.0})
    """
    count = max(e.count, stats.count(key) if stats is not None else 0)
    quality = HEADED_QUALITY + 0.3 * min(e.docs - 1, 3)
    kind = "parallel" if "、" in key else "quoted"
    return Prospect(key, kind, math.log2(1 + count) * quality, count, e.quoted, e.example,
                    notes={"after_verb": float(e.principle), "principle": 1.0})


def shape_prospects(seen: dict[str, ShapeEvidence], stats: NgramStats, bg: Background,
                    min_count: int, small: bool = False) -> list[Prospect]:
    """Quoted spans, number codes and parallel runs, scored by recurrence and shape; on a ``small`` input (one
    document) a programme's name after a verb that carries it out too (see :func:`programme_name`), and a coinage
    of four loose characters making a policy verb's whole object (:data:`COINED_PIECES`), both marked
    ``after_verb``; elsewhere such a span is judged as any verb's object."""
    out = []
    for key, e in seen.items():
        if e.kind == "principle":  # found only before 的方针, 的原则 …: a small input's rule (see principle_prospect)
            if small:
                out.append(principle_prospect(key, e, stats))
            continue
        formulaic = e.kind != "quoted" or any(ch in NUMERALS for ch in key[:1]) or "+" in key
        if e.count < min_count and not (e.kind == "parallel" and has_template(key.split("、"))):
            continue
        if small and e.principle and e.kind in ("quoted", "parallel"):  # also found before 的方针, 的原则 …: the
            out.append(principle_prospect(key, e, stats))  # line its writers hold to, however long
            continue
        count = max(e.count, stats.count(key))
        if e.kind == "quoted":
            share = e.quoted / max(count, 1)
            if (len(key) > 8 and e.count < 3) or (share < 0.3 and bg.freq(key)):
                continue
            quality = 0.5 + 1.5 * share + 0.5 * formulaic + 0.3 * min(e.docs - 1, 3)
        elif e.kind in VERB_OBJECT_KINDS and (e.headed or e.coined or e.framed) and small:
            if e.framed:  # a known formula in its frame (稳中求进工作总基调): the recount checks the known term
                name = framed_name(key, bg)
            elif e.headed:  # a programme's name after a verb that carries it out: kept whole, seen once is enough
                name = programme_name(key, bg)
            else:  # four loose characters as a policy verb's whole object: a coinage (群防群控, 援企稳岗, 优进优出)
                coined = not bg.freq(key) and len(bg.tokenizer.lcut(key, HMM=False)) >= COINED_PIECES \
                    and not noise_reason(key, bg)
                name = key if coined else None
            if name is None:
                continue
            quality = HEADED_QUALITY + 0.3 * min(e.docs - 1, 3)
            named = {"after_verb": float(e.headed or e.coined or e.framed), **({"framed": 1.0} if e.framed else {})}
            out.append(Prospect(name, "mwe", math.log2(1 + count) * quality, count, notes=named))
            continue
        elif e.kind == "framed":  # found only as a frame of a known term: a small input's rule, else the
            continue  # statistical strings hold it (a large input's list stays as it was without the frames)
        elif e.kind in VERB_OBJECT_KINDS:  # a policy verb's object: judged as statistical strings are
            core = trim_edges(key, bg)
            if noise_reason(core, bg) or not _phrase_ok(core, count, stats, bg):
                continue
            out.append(Prospect(core, "mwe", math.log2(1 + count) * (1.0 + 0.3 * min(e.docs - 1, 3)), count))
            continue
        elif e.kind == "parallel":
            quality = 1.2 + 0.8 * has_template(key.split("、")) + 0.3 * min(e.count - 1, 3)
        else:
            quality = 1.5 + 0.3 * min(e.docs - 1, 3)
        enacted = {"enacted": float(e.enacted)} if small and e.enacted else {}  # see termkit.discover.programme
        out.append(Prospect(key, e.kind, math.log2(1 + count) * quality, count, e.quoted, e.example, notes=enacted))
    return out
