"""Discover candidate terms the lexicon does not know yet.

Two passes over the documents:

1. **collect** (:func:`collect`): each document is folded into a discovery view
   (:mod:`.view`; spans the lexicon already knows are masked), its Han characters feed the
   bounded n-gram counter (:mod:`.ngrams`) and its text the shape finders (:mod:`.patterns`:
   quoted spans, number codes, parallel runs); :func:`shortlist` then scores every counted n-gram
   at once with a classifier learnt from the lexicon's terms among them (:mod:`.pool`) and keeps the
   ``pool`` best, trimmed to the name, beside the shape-found ones;
2. **attest** (:func:`attest`): the shortlisted candidates are recounted exactly on the folded
   text (so quoted, unquoted, traditional and simplified forms all count), with documents and a
   first example, and candidates the lexicon knows, or whose every occurrence lies inside a known
   term, are dropped.

:func:`rank` merges, drops fragments of longer candidates and sorts. Kinds: ``numbered`` (两个确立,
4+1), ``quoted`` (“放管服”, and paired formulas such as “当下改”和“长久立”), ``parallel``
(学思想、强党性、重实践、建新功), ``mwe`` (statistical).

>>> from termkit.compile import compile_lexicon
>>> from termkit.corpus import Document
>>> from termkit.lexicon import Lexicon
>>> docs = [Document(f"d{i}", "坚持“三会一课”制度，落实三会一课。要推进“放管服”改革。") for i in range(3)]
>>> found = discover(lambda: docs, compile_lexicon(Lexicon(())), DiscoverOptions(min_count=2))
>>> [(c.candidate, c.kind, c.count, c.docs) for c in found[:2]]
[('三会一课', 'numbered', 6, 3), ('放管服', 'quoted', 3, 3)]
"""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..wording import plural
from .background import Background
from .data import FRAME_OWN_VERBS, NUMERALS, POLICY_VERBS, PREDICATE_VERBS, PROGRAMME_HEADS, WEAK_HEADS
from .features import headed
from .learn import Model
from .ngrams import NgramCounter, NgramStats
from .noise import (
    across_quotation,
    bare_number,
    boilerplate,
    clause,
    formula_mark,
    introduced,
    names,
    noise_reason,
    ordinary,
    unshared,
    word_noise,
)
from .patterns import ShapeTally
from .reader import THRESHOLD as READER_THRESHOLD
from .reader import judge
from .reference import MIN_MONTHS, MIN_USES, REFERENCE_FLOOR, Reference, Use, confirm, phrases
from .relations import Relation, RelationIndex
from .score import Prospect, frame_head, head_of, is_numbered, shape_prospects, shortlist_ngrams
from .view import make_view

if TYPE_CHECKING:
    from ..corpus import Document
    from ..match import Matcher

KINDS = ("numbered", "quoted", "parallel", "mwe")
KIND_WEIGHT = {"numbered": 1.25, "quoted": 1.15, "parallel": 1.0, "mwe": 0.5}
CONTEXT = 18  # characters of context on each side of an example


@dataclass(frozen=True)
class DiscoverOptions:
    """What to look for and how much to keep. ``min_count`` ``None`` adapts to the input's size
    (see :func:`adapt`); ``shape_min_count`` is the bar for quoted, numbered and parallel forms."""

    min_count: int | None = None
    top: int | None = 100
    kinds: tuple[str, ...] = KINDS
    max_n: int = 10
    bucket_chars: int = 2_000_000
    # statistical candidates recounted in the second pass (and up to as many shape-found ones); None: by the input's
    # size (see pool_size)
    pool: int | None = None
    shape_min_count: int | None = None
    since: str | None = None  # only candidates new from this month on, ranked by :mod:`.since`
    # known terms the input must hold (seen min_count times) to learn the ranking from; None: MIN_POSITIVES, and
    # never on a small input (see adapt)
    min_positives: int | None = None
    # the score a candidate must reach to be shown; None: SCORE_FLOOR of the way the ranking was made (0 shows all)
    min_score: float | None = None
    # candidates a curator rejected (see :mod:`.rejected`) are left out of the list; True shows them, marked
    show_rejected: bool = False
    # under a reference, on a small input: leave out the rows the readers' model doubts (see .reader); every row
    # carries its chance either way. None: the default, on (bench/discover_protocol.md, round 24); False: off
    strict: bool | None = None


# the score a candidate must reach to be shown, by how the ranking was made (chosen on the development slice,
# bench/discover_results.md): below it, statistical strings a researcher would not read fill the list, so a
# list may be shorter than --top. A ranking learnt from the input scores 10 x probability x (1 + log10 count)
# x the shape's weight; the shipped model scores the first-pass score x (0.5 + its probability) ** SHIPPED_EXPONENT x
# that weight (a probability of 0.5 leaves the first-pass score as it is, so the floor holds for either exponent).
SCORE_FLOOR = {"learnt": 4.0, "shipped": 0.85}
# how much the shipped model's probability moves a first-pass score: (0.5 + p) ** this, from x0.125 (p = 0) to x3.4
# (p = 1). 1 until the model learnt from the curators' verdicts (round 7), when its probability came to order the
# judged candidates of single development reports well (AUC 0.24-0.56 -> 0.71-0.95) yet barely moved their lists;
# chosen on 新闻联播 2023-07…12 with a model trained without those months' verdicts (bench/discover_results.md, round 7)
SHIPPED_EXPONENT = 3
# on a small input with the default floor, at most one candidate per this many Han characters (never fewer than
# MIN_ROWS): a report holds a few dozen formulas, not a hundred, and the rows past that point are mostly ordinary
# phrases and lists (the 20th Congress report, 29k characters: 32 good of the first 42 rows, 9 of the next 21);
# chosen on that report alone (the 17k and 10k reports' lists end at the floor before it); never below 30 rows, so a
# shorter text (an article, whose list nobody judged for this) keeps what reaches the floor up to 30
ROWS_PER_CHARS = 700
MIN_ROWS = 30
LARGE_INPUT = 1_000_000  # Han characters: from here on a candidate must be seen 3 times
SMALL_INPUT = 100_000  # below this, twice; a quoted, numbered or parallel form once
MIN_POSITIVES = 150
# statistical strings recounted: one per POOL_CHARS Han characters of the input, between MIN_POOL and MAX_POOL. A
# large input holds more strings and more terms: on the development slice (7 M characters, 1.5 M counted strings) a
# pool of 6,000 left 109 of 401 hidden plain lexicon phrases of seed-0 folds 1–2 below its cut (ranks 8,000–120,000:
# 南水北调, 政治生态, 普惠金融); 20,000 keeps a quarter of them (bench/discover_results.md, round 7: the first pass).
# An input under 2.1 M characters keeps the 6,000 of earlier rounds; MAX_POOL bounds the recount's cost (the whole
# shared corpus, 8 M+ characters, stays at 20,000)
POOL_CHARS = 350
MIN_POOL = 6000
MAX_POOL = 20_000
# weight of a candidate a curator rejected, as a negative of the learnt ranking, against 1 for the other candidates
# (noisy negatives: some are terms the lexicon lacks) and for each known term
REJECTED_WEIGHT = 5.0
# weight of a string a curator judged on development text (bench/discover_curation_round*.jsonl: good or bad), as a
# labelled row of the shipped model's training (bench/discover_train.py), against 1 for a known term or noisy negative;
# chosen among 1-50 on verdicts of 新闻联播 2023-07…12 left out of a training (AUC of the model's probability over
# them: 0.52 without verdicts, 0.60 at 1, 0.81 at 5, 0.88 at 10, 0.91 at 20), against the traditional texts' verdicts,
# which fall as it grows (0.70 without, 0.72 at 1, 0.65 at 10)
JUDGED_WEIGHT = 10.0


def adapt(options: DiscoverOptions, chars: int) -> tuple[DiscoverOptions, str]:
    """Concrete thresholds for an input of ``chars`` Han characters, and a note when it is small.

    >>> adapt(DiscoverOptions(), 30_000)[0].shape_min_count, adapt(DiscoverOptions(), 5_000_000)[0].min_count
    (1, 3)
    >>> adapt(DiscoverOptions(min_count=5), 30_000)[0].min_count
    5
    >>> adapt(DiscoverOptions(), 30_000)[0].min_positives > adapt(DiscoverOptions(), 500_000)[0].min_positives
    True
    >>> adapt(DiscoverOptions(), 7_000_000)[0].pool, adapt(DiscoverOptions(pool=500), 7_000_000)[0].pool
    (20000, 500)
    """

    auto = 3 if chars >= LARGE_INPUT else 2
    shape = 1 if chars < SMALL_INPUT else 2
    min_count = options.min_count if options.min_count is not None else auto
    if options.shape_min_count is not None:
        shape_min = options.shape_min_count
    else:  # a bar the user set holds for every kind
        shape_min = min(min_count, shape) if options.min_count is None else min_count
    note = ""
    min_positives = options.min_positives if options.min_positives is not None else MIN_POSITIVES
    if chars < SMALL_INPUT:
        note = (f"small input ({chars:,} Chinese characters): statistics are weak, so candidates seen "
                f"{min_count}× count, quoted, numbered or parallel forms {shape_min}×, strings of common "
                f"words are left out, and the shipped model ranks")
        # counts of one to three tell a term from a string too little to learn a ranking from this text: the
        # shipped model (size-independent features, a large training slice) ranks it instead
        min_positives = options.min_positives if options.min_positives is not None else sys.maxsize
    pool = options.pool if options.pool is not None else pool_size(chars)
    return replace(options, min_count=min_count, shape_min_count=shape_min, min_positives=min_positives,
                   pool=pool), note


def pool_size(chars: int) -> int:
    """How many statistical strings the pool passes to the recount for an input of ``chars`` Han characters: one
    per :data:`POOL_CHARS`, between :data:`MIN_POOL` and :data:`MAX_POOL`.

    >>> pool_size(30_000), pool_size(5_000_000), pool_size(50_000_000)
    (6000, 14285, 20000)
    """
    return min(max(chars // POOL_CHARS, MIN_POOL), MAX_POOL)


@dataclass(frozen=True)
class Candidate:
    """A candidate term, as the ``discover`` JSONL contract has it.

    ``candidate`` is the most frequent original spelling (1+2+X, not the folded 1+2+x); ``key`` the
    folded form it was counted under. ``relation`` says when the candidate belongs to an entry the
    lexicon has (see :mod:`.relations`); ``reasons`` the main evidence behind the score."""

    candidate: str
    score: float
    count: int
    docs: int
    kind: str
    example: str
    notes: dict[str, float] = field(default_factory=dict, compare=False)
    key: str = ""
    relation: Relation | None = None
    reasons: tuple[str, ...] = ()
    periods: dict[str, int] = field(default_factory=dict, compare=False)
    example_span: tuple[int, int] | None = None  # [start, end) of the occurrence shown in ``example``
    new_items: tuple[str, ...] = ()  # a run's items the lexicon lacks, the others known (see relations.new_items)
    reference: Use | None = field(default=None, compare=False)  # its use in a --reference corpus (.reference)

    def to_dict(self) -> dict[str, Any]:
        """``candidate, score, count, docs, kind, example``, then ``key``, ``relation`` (``new`` or how it
        belongs to an entry), ``entry``, ``edit``, ``entries`` (the ids of the entries it names: one, or a run of
        known items' several), ``new_items`` (a run's items the lexicon lacks when its other items are known
        terms: the new item may be the finding), ``reasons`` and ``example_span`` (where the occurrence stands in
        ``example``: ``[start, end)`` in characters, or null); with ``--reference``, ``reference``: its use there
        (count, docs, months, first and last month, bound: the share glued to one character, closure: a run's items
        going together, null for a string that is no run; see :class:`.reference.Use`) and, when the readers' model
        judged it (a small input under a reference, :mod:`.reader`), ``reader``: its chance of being judged good."""
        rel = self.relation
        return {"candidate": self.candidate, "score": round(self.score, 2), "count": self.count,
                "docs": self.docs, "kind": self.kind, "example": self.example, "key": self.key or self.candidate,
                "relation": rel.kind if rel else "new", "entry": rel.entry if rel else None,
                "edit": rel.edit if rel else None, "entries": list(rel.named) if rel else None,
                "new_items": list(self.new_items), "reasons": list(self.reasons),
                "example_span": list(self.example_span) if self.example_span else None,
                **({"reference": self.reference.to_dict()} if self.reference is not None else {}),
                **({"reader": round(self.notes["reader"], 3)} if "reader" in self.notes else {})}


@dataclass
class Evidence:
    """Everything the first pass learnt."""

    stats: NgramStats
    tally: ShapeTally
    volume: dict[str, float] = field(default_factory=dict)  # characters per dated month
    pool_scored_by: str = ""  # how the n-gram pool was scored (see :mod:`.pool`)


def collect(docs: Iterable[Document], matcher: Matcher, options: DiscoverOptions = DiscoverOptions()) -> Evidence:
    """First pass: n-gram statistics and shape-found candidates, in bounded memory."""
    # an input of more than one bucket is large, and a large input's candidates are seen 3 times (see adapt)
    counter = NgramCounter(options.max_n, options.bucket_chars, min_restored=options.min_count or 3)
    tally = ShapeTally()
    volume: dict[str, float] = {}
    for doc in docs:
        view = make_view(doc.text, matcher)
        counter.add(view.han)
        tally.add(doc.id, view.text)
        if month := str((getattr(doc, "meta", None) or {}).get("date", ""))[:7]:
            volume[month] = volume.get(month, 0.0) + len(doc.text)
    return Evidence(counter.finish(), tally, volume)


def kind_of(key: str, found_as: str) -> str:
    """The kind a string is shown as: its shape first (a quoted 三会一课 is a numbered formula).

    >>> kind_of("三会一课", "quoted"), kind_of("4+1", "quoted"), kind_of("放管服", "quoted")
    ('numbered', 'numbered', 'quoted')
    """
    if is_numbered(key) or any(ch.isdigit() for ch in key):
        return "numbered"
    if "、" in key:
        return "parallel"
    return found_as


def shortlist(evidence: Evidence, options: DiscoverOptions = DiscoverOptions(),
              background: Background | None = None, positives: Collection[str] = frozenset(),
              model: Model | None = None) -> list[Prospect]:
    """The prospects worth recounting, best first, one per key (kinds merged): the ``pool`` strings
    most like a term (see :mod:`.pool`; ``positives`` are the known terms it learns from, ``model`` the
    classifier used when too few of them occur) and the shape-found ones."""
    bg = background or Background.load()
    if options.min_count is None or options.pool is None:
        options = adapt(options, evidence.stats.chars)[0]
    quoted = {k: e.quoted for k, e in evidence.tally.seen.items() if e.quoted}
    # --since: a string holding a known term may be a newer form of it (its newness is told from its months, see
    # .since.rank_new); up to a quarter of the pool more are recounted
    held = (options.pool or MIN_POOL) // 4 if options.since is not None else 0
    found, pool = shortlist_ngrams(evidence.stats, bg, options.min_count, options.pool or MIN_POOL, positives, quoted,
                                   model, options.min_positives if options.min_positives is not None else MIN_POSITIVES,
                                   held=held)
    evidence.pool_scored_by = pool.scored_by
    shaped = shape_prospects(evidence.tally.seen, evidence.stats, bg, options.shape_min_count or 2,
                             small=evidence.stats.chars < SMALL_INPUT)
    for p in shaped if options.since is not None else ():
        p.notes = {**p.notes, "newer_form": 1.0}
    known = pool.probability_of([p.key for p in shaped])
    for p in shaped:  # the pool's judgement of a quoted or numbered string, where it has one
        if p.key in known:
            p.notes = {**p.notes, "pool": round(known[p.key], 3)}
    found += shaped
    merged: dict[str, Prospect] = {}
    for p in sorted(found, key=lambda p: -p.score * KIND_WEIGHT[p.kind]):
        if p.key not in merged:
            merged[p.key] = p
            p.kind = kind_of(p.key, p.kind)
        else:
            merged[p.key].quoted = max(merged[p.key].quoted, p.quoted)
            if "after_verb" in p.notes:
                merged[p.key].notes = {**merged[p.key].notes, "after_verb": p.notes["after_verb"]}
    small = evidence.stats.chars < SMALL_INPUT
    wanted = [p for p in merged.values() if p.kind in options.kinds and not noisy(p, bg, small)]
    return wanted[: 2 * max(options.pool or MIN_POOL, 3 * (options.top or 0))]


def noisy(p: Prospect, bg: Background, small: bool = False) -> bool:
    """A noise rule rejects the prospect (:func:`.noise.noise_reason`). On a ``small`` input a count (两头, 百家, 三角)
    that its writers quote or name a line by (“两头在外”, “百家争鸣、百花齐放”的方针) is a formula's numeral, not a
    quantity: one document's quotation marks are its only evidence, and a quoted count of things is rare.

    >>> bg = Background.load()
    >>> quoted = Prospect("两头在外", "quoted", 1.0, 1, quoted=1)
    >>> noisy(quoted, bg), noisy(quoted, bg, small=True), noisy(Prospect("两头在外", "mwe", 1.0, 1), bg, small=True)
    (True, False, True)
    """
    reason = noise_reason(p.key.replace("、", ""), bg)
    return reason is not None and not (small and reason == "count" and (p.quoted or p.notes.get("principle")))


def featurize(keys: list[str], counts: dict[str, Any], evidence: Evidence, bg: Background) -> list[dict[str, float]]:
    """Feature rows (see :mod:`.features`) of recounted keys."""
    from .features import features

    return [features(k, counts[k], evidence.stats, bg, evidence.tally.documents) for k in keys]


def with_verb_objects(rows: list[dict[str, float]], cands: list[Candidate]) -> list[dict[str, float]]:
    """``rows`` with the share of occurrences after a policy verb counting those a shape finder saw as a verb's
    object though no verb stands right before them: a programme's name listed after the first (实施…工程和宽带乡村工程),
    a frame that keeps its verb (高举…伟大旗帜) or follows another (走…道路). The recount sees only the characters
    before an occurrence; the verb governs the whole list.

    >>> c = Candidate("宽带乡村工程", 1.0, 1, 1, "mwe", "", {"after_verb": 1.0})
    >>> with_verb_objects([{"after_verb_share": 0.0}], [c])
    [{'after_verb_share': 1.0}]
    """
    for row, c in zip(rows, cands):
        if c.notes.get("after_verb"):
            row["after_verb_share"] = max(row["after_verb_share"], min(1.0, c.notes["after_verb"] / max(c.count, 1)))
    return rows


def learned_score(probability: float, count: int) -> float:
    """The ranking score: the model's probability that the string is a term, weighted a little by
    how often it occurs (a formula seen 100 times outranks an equally likely one seen twice).

    >>> round(learned_score(0.9, 1), 1), round(learned_score(0.9, 100), 1), round(learned_score(0.3, 100), 1)
    (9.0, 27.0, 9.0)
    """
    return 10.0 * probability * (1.0 + math.log10(max(count, 1)))


def known_keys(matcher: Any) -> set[str]:
    """The folded surface forms of the lexicon's entries: the positives the ranking learns from."""
    return {k for e in matcher.entries for s in (e.term, *e.variants) if len(k := matcher.fold(s).text) >= 2}


def aligned(example: str, key: str, bg: Background) -> bool:
    """The key starts and ends where words of its example sentence do (部地区加快 in 中部地区加快崛起
    does not): a statistical candidate cut across words is a fragment.

    >>> bg = Background.load()
    >>> aligned("中部地区加快崛起", "部地区加快", bg), aligned("中部地区加快崛起", "中部地区", bg)
    (False, True)
    """
    at = example.find(key)
    if at < 0:
        return True  # written differently (traditional script, quotes inside): no judgement
    bounds, pos = {0}, 0
    for word in bg.tokenizer.lcut(example, HMM=True):
        pos += len(word)
        bounds.add(pos)
    return at in bounds and at + len(key) in bounds


def cut_in_word(example: str, key: str, bg: Background) -> bool:
    """A run starts or ends inside a common word of its example sentence (不平衡、不协调、不可持 in …不可持续…,
    临的执政考验、… in 面临的…): its lead-in or last item was cut to the other items' length. Only dictionary words
    seen often (:data:`.data.COMMON_WORD`) count, found without jieba's guesses, which join a run's last item to
    the word after it (稳物价工作, 底线思维能力) as often as they find a real word.

    >>> bg = Background.load()
    >>> cut_in_word("发展不平衡、不协调、不可持续，", "不平衡、不协调、不可持", bg)
    True
    >>> cut_in_word("提高法治思维、底线思维能力", "法治思维、底线思维", bg)
    False
    """
    from .data import COMMON_WORD

    at = example.find(key)
    if at < 0:
        return False  # written differently (quotes inside): no judgement
    pos = 0
    for word in bg.tokenizer.lcut(example, HMM=False):
        if len(word) > 1 and (pos < at < pos + len(word) or pos < at + len(key) < pos + len(word)) \
                and bg.freq(word) >= COMMON_WORD:
            return True
        pos += len(word)
    return False


def attest(prospects: list[Prospect], docs: Iterable[Document], matcher: Matcher,
           positives: set[str] = frozenset(), background: Background | None = None,
           negatives: Collection[str] = frozenset(), small: bool = False) -> tuple[list[Candidate], dict[str, Any]]:
    """Second pass: exact counts, documents and a first example for each prospect, on the text
    folded as for matching. Prospects the lexicon knows, and occurrences inside a known term,
    are left out; a prospect with no occurrence left is dropped; one holding a known term is left out too, but on
    a ``small`` input a name its writers gave it keeps it (see :func:`_holds_known`), and so does a string new
    since ``--since``'s date (see :func:`newer_form`). ``positives`` (known surfaces) are recounted too, in full, and
    ``negatives`` (rejected strings) as candidates are, for the ranking to learn from; the recounts are returned
    beside."""
    from .patterns import pair_forms
    from .recount import recount

    prospects = [p for p in prospects if matcher.lookup(p.key) is None
                 and not any(matcher.lookup(form) for form in pair_forms(p.key))
                 and (newer_form(p, matcher, background) or not _holds_known(p, matcher, small))]
    aliases = {p.key: forms for p in prospects if (forms := pair_forms(p.key))}
    keys = [p.key for p in prospects]
    extra = sorted(set(negatives) - set(keys) - set(positives))
    counts = recount(keys + sorted(positives) + extra, docs, matcher, CONTEXT, aliases, positives)
    index = RelationIndex.build(matcher.entries, lambda s: matcher.fold(s).text,
                                background.words if background else None, background.tag if background else None)
    out = []
    for p in prospects:
        c = counts.get(p.key)
        if c is None or c.count == 0 or boilerplate(c.line_start, c.count):
            continue
        if (p.kind == "mwe" or (p.kind == "numbered" and not c.quoted)) and background is not None \
                and not aligned(c.example, p.key, background):
            continue  # cut across words: 部地区加快, 二氧化 (of 二氧化碳); quoted, it is cut where its writers cut it
        if p.kind == "parallel" and background is not None and cut_in_word(c.example, p.key, background):
            continue  # a run's lead-in or last item cut where its items' length says (不可持 of 不可持续)
        score = p.score / math.log2(1 + max(p.count, 1)) * math.log2(1 + c.count) * KIND_WEIGHT[p.kind]
        score *= 1 + 0.25 * math.log2(c.docs)
        written = p.key if "“" in p.key else c.written(p.key)
        if c.example_span and across_quotation(c.example, c.example_span):
            continue  # 兩制」原則 of 「一國兩制」原則: cut inside a quoted name and run out of it
        notes = {**p.notes, "quoted": c.quoted, "line_start": c.line_start, "named": c.named, "yearly": c.yearly,
                 "foreign": c.foreign, "titled": c.titled, "contrast": c.contrast, "listed": c.listed,
                 "straddling": c.straddling}
        relation = index.relate(p.key, written) or (newer_of(p.key, matcher) if p.notes.get("newer_form") else None)
        fresh = index.new_items(p.key) if relation is None and p.kind == "parallel" else ()
        out.append(Candidate(written, score, c.count, c.docs, p.kind, c.example, notes, p.key, relation,
                             periods=c.periods, example_span=c.example_span, new_items=fresh))
    return out, counts


def positive_rows(positives: set[str], counts: dict[str, Any], min_count: int) -> list[str]:
    """The known terms that occur at least ``min_count`` times: held to the bar a candidate must
    pass, so that the ranking learns what tells a term from a string, not a rare one from a frequent one."""
    return sorted(k for k in positives if k in counts and counts[k].count >= max(min_count, 1))


def _holds_known(p: Prospect, matcher: Any, small: bool = False) -> bool:
    """A string made of a known term and more (发展新质生产力, 美丽中国建设 beside 美丽中国) is that term in a
    sentence; a parallel run may hold known items (it may be a known formula's expansion). On a ``small`` input
    a string named as such by its writers is a name of its own, a longer form of the known term at most
    (:func:`named_whole`), and is kept.

    >>> from termkit.compile import compile_lexicon
    >>> from termkit.lexicon import Entry, Lexicon
    >>> m = compile_lexicon(Lexicon([Entry(id="e", term="互联网+", gloss="x")]))
    >>> p = Prospect("互联网+医疗健康", "quoted", 1.0, 1, quoted=1)
    >>> _holds_known(p, m), _holds_known(p, m, small=True)
    (True, False)
    """
    if p.kind == "parallel" or not len(matcher.entries):
        return False
    found = matcher.find(p.key)
    if small and p.notes.get("framed"):  # a known formula in its frame: the known term and the head, nothing else
        return not framed_known(p.key, found)
    rest = own_chars(p.key, found)
    # a programme named after a known term needs a name of its own beside it (传承发展工程 of
    # 中华优秀传统文化传承发展工程), not a character (脱贫攻坚战 is 脱贫攻坚's campaign)
    return bool(found) and not (small and named_whole(p) and (rest >= MIN_OWN or not p.notes.get("after_verb")))


def own_chars(key: str, found: list[Any]) -> int:
    """Letters and characters of ``key`` outside the known terms ``found`` in it: no quotation marks, and no digits (a
    year before a known term dates it: 2026电影经济促进年 is 电影经济促进年).

    >>> from types import SimpleNamespace as M
    >>> own_chars("进一步全面深化改革", [M(start=3, end=9)]), own_chars("“数字中国”建设", [M(start=1, end=5)])
    (3, 2)
    >>> own_chars("2026电影经济促进年", [M(start=4, end=11)])
    0
    """
    covered = {i for m in found for i in range(m.start, m.end)}
    return sum(ch.isalpha() for i, ch in enumerate(key) if i not in covered)


def newer_of(key: str, matcher: Any) -> Relation | None:
    """The relation ``newer`` to the longest known term in ``key`` (see :func:`newer_form`), when that term is most of
    it (:data:`NEWER_SHARE` of its characters): 进一步全面深化改革 of 全面深化改革; 习近平党建思想 is a term of its own,
    not a newer form of 党建 (``None``).

    >>> from termkit.compile import compile_lexicon
    >>> from termkit.lexicon import Entry, Lexicon
    >>> m = compile_lexicon(Lexicon([Entry(id="reform", term="全面深化改革", gloss="x"),
    ...                              Entry(id="party", term="党建", gloss="y")]))
    >>> newer_of("进一步全面深化改革", m)
    Relation(kind='newer', entry='reform', term='全面深化改革', edit={}, entries=())
    >>> newer_of("习近平党建思想", m) is None
    True
    """
    found = matcher.find(key)
    if not found:
        return None
    best = max(found, key=lambda m: m.end - m.start)
    if best.end - best.start < NEWER_SHARE * len(key):
        return None
    return Relation("newer", best.entry.id, best.entry.term, {})


# share of a newer form's characters its known term must take (set after round 10's figures, on what the judged list of
# --since 2025-01 showed: 习近平党建思想 shown as a newer form of 党建)
NEWER_SHARE = 0.5


def newer_form(p: Prospect, matcher: Any, bg: Background | None = None) -> bool:
    """With ``--since``: a string that may be new (``notes["newer_form"]``; whether it is, its months tell, see
    :func:`.since.rank_new`) holding a known term and a name of its own beside it (:data:`MIN_OWN` characters:
    进一步全面深化改革, 两岸融合发展示范区): a newer form of the known term, not the term in a frame (数字中国建设 of
    数字中国) nor in a sentence, after a verb that governs it (因地制宜发展新质生产力; ``bg`` tells verbs) or before a
    verb of which it is the subject (全面深化改革取得新成效, 新质生产力稳步发展: :data:`.data.PREDICATE_VERBS`).

    >>> from termkit.compile import compile_lexicon
    >>> from termkit.lexicon import Entry, Lexicon
    >>> m = compile_lexicon(Lexicon([Entry(id="e", term="全面深化改革", gloss="x"),
    ...                              Entry(id="d", term="数字中国", gloss="y")]))
    >>> new, bg = {"newer_form": 1.0}, Background.load()
    >>> [newer_form(Prospect(s, "mwe", 1.0, 9, notes=new), m, bg) for s in ("进一步全面深化改革", "数字中国建设",
    ...                                                                  "坚定不移推进全面深化改革")]
    [True, False, False]
    >>> [newer_form(Prospect(s, "mwe", 1.0, 9, notes=new), m, bg) for s in ("全面深化改革取得新成效",
    ...                                                                  "全面深化改革稳步推进", "全面深化改革学习教育",
    ...                                                                  "全面深化改革实施方案")]
    [False, False, True, True]
    """
    if not p.notes.get("newer_form"):
        return False
    found = matcher.find(p.key)
    if own_chars(p.key, found) < MIN_OWN:
        return False
    lead = p.key[: min((m.start for m in found), default=0)]
    tail = p.key[max((m.end for m in found), default=len(p.key)):]
    if tail.startswith(PREDICATE_VERBS):
        return False  # the known term as a sentence's subject: 中国式现代化作出系统部署, 新质生产力稳步发展
    words = bg.words(lead) if bg is not None and lead else []
    return not (words and bg.tag(words[-1]).startswith("v"))


def framed_known(key: str, found: list[Any]) -> bool:
    """``key`` is one known term (a match in ``found``) and a frame's head after it (:data:`.data.FRAME_HEADS`):
    稳中求进工作总基调 of 稳中求进, not 主体功能区制度 when 主体功能区 is unknown.

    >>> from types import SimpleNamespace as M
    >>> framed_known("稳中求进工作总基调", [M(start=0, end=4)]), framed_known("稳中求进工作总基调", [])
    (True, False)
    >>> framed_known("高举中国特色社会主义伟大旗帜", [M(start=2, end=10)])  # the frame's own verb before the term
    True
    """
    head = frame_head(key)
    verb = FRAME_OWN_VERBS.get(head or "", "")
    first = len(verb) if verb and key.startswith(verb) else 0
    return head is not None and any(m.start == first and m.end == len(key) - len(head) for m in found)


MIN_OWN = 3  # characters a programme's name holding a known term must add to it to be kept as a name of its own


def named_whole(p: Prospect) -> bool:
    """The prospect's writers name it whole: quoted (“互联网+医疗健康”), a numbered formula of two numerals
    (两新一重), or a programme's name after a verb that carries it out (see :func:`.score.programme_name`).

    >>> named_whole(Prospect("两新一重", "numbered", 1.0, 1)), named_whole(Prospect("两新建设", "numbered", 1.0, 1))
    (True, False)
    """
    if p.kind == "quoted" or p.notes.get("after_verb"):
        return True
    return p.kind == "numbered" and "、" not in p.key and any(ch in NUMERALS for ch in head_of(p.key))


def learn_and_score(cands: list[Candidate], counts: dict[str, Any], positives: set[str], evidence: Evidence,
                    bg: Background, model: Model | None = None, min_count: int = 1,
                    min_positives: int = MIN_POSITIVES, negatives: Collection[str] = frozenset()
                    ) -> tuple[list[Candidate], str]:
    """Score the candidates with a ranking learnt from this very input when the lexicon's terms occur
    in it often enough (positives: known terms found; negatives: the other candidates, noisy, and the
    ``negatives`` a curator rejected that occur as often, labelled, weighing :data:`REJECTED_WEIGHT` each),
    else with ``model`` (the shipped one), else keep the first-pass scores. Returns the candidates and how
    they were ranked (``a model learnt from N lexicon terms in the input`` / ``shipped model`` / ``first-pass
    scores``)."""

    from .features import matrix
    from .learn import fit, fit_boosted

    found = positive_rows(positives, counts, min_count)
    rows = with_verb_objects(featurize([c.key for c in cands], counts, evidence, bg), cands)
    if len(found) >= min_positives and cands:
        shown = {c.key for c in cands}
        rejected = positive_rows(set(negatives) - set(positives) - shown, counts, min_count)
        train = rows + featurize(found, counts, evidence, bg) + featurize(rejected, counts, evidence, bg)
        labels = [False] * len(rows) + [True] * len(found) + [False] * len(rejected)
        weights = ([REJECTED_WEIGHT if c.key in negatives else 1.0 for c in cands] + [1.0] * len(found)
                   + [REJECTED_WEIGHT] * len(rejected))
        linear = fit(train, labels, weights=weights)
        probs = fit_boosted(train, labels, weights).predict_proba(matrix(rows))[:, 1]
        how = f"a model learnt from {len(found)} lexicon terms in the input"
    elif model is not None and cands:
        # too few examples here to learn from: the first-pass score, nudged by the shipped model
        probs = model.probability_of(rows)
        return [replace(c, score=c.score * (0.5 + float(p)) ** SHIPPED_EXPONENT, reasons=tuple(model.reasons(row)),
                        notes={**c.notes, "probability": round(float(p), 3)})
                for c, p, row in zip(cands, probs, rows)], "first-pass scores and the shipped model"
    else:
        return cands, "first-pass scores"
    if evidence.pool_scored_by.startswith("learnt"):  # two judgements of one string: their geometric mean
        import numpy as np

        probs = np.sqrt(probs * np.array([c.notes.get("pool", p) for c, p in zip(cands, probs.tolist())]))
    return [replace(c, score=learned_score(float(p), c.count), reasons=tuple(linear.reasons(row)),
                    notes={**c.notes, "probability": round(float(p), 3)})
            for c, p, row in zip(cands, probs, rows)], how


# how much a candidate's shape tells, on top of the learnt probability: a string often in quotation marks or
# led by a numeral is named as a formula by its writers; a statistical string only recurs
SHAPE_WEIGHT = {"numbered": 1.6, "quoted": 1.6, "parallel": 1.0, "mwe": 0.6}
# a statistical string ending in a formula's head (新发展格局, 总体国家安全观, 海洋强国), as a ranking learnt from the
# input itself weighs it: as much as a quoted or numbered one, times its probability squared. That ranking knows
# the input's own terms, and a head is what makes a string a name; a headless one it is as sure of is more often a
# collocation of the news (经济回升向好, 政治互信, 贯彻落实) and keeps the plain weight, as it does under the shipped
# model, trained elsewhere (bench/discover_results.md, round 6: recall)
LEARNT_STATISTICAL_WEIGHT = 1.6
# a statistical string found as a programme's name after a verb that carries it out (实施全民健身计划), under the
# shipped model: weighs as a parallel run does, whatever the model's probability (a name written once or twice gives
# the model too little to go on); a ranking learnt from the input weighs it as any plain string
HEADED_WEIGHT = 1.0
ORDINARY_WEIGHT = 0.25  # a candidate made of ordinary words keeps this share of its score
# share of a run's occurrences right before 等 that marks it as examples of an open list, not a formula
# (交通运输、餐饮住宿、旅游娱乐、文化体育等服务): of the runs judged on the 20th Congress report and the 2017 and
# 2020 work reports, none of the 51 good ones stands before 等, 5 of the 36 bad ones do
OPEN_LIST = 0.5
QUOTED_ENOUGH = 0.3  # share of occurrences in quotation marks that marks a string as a name, whatever its words
# share a string of common words must be quoted to be a name: scare quotes now and then around ordinary words mark
# a metaphor or a phrase in the news (黄金通道, 双向奔赴, 精准打击), a name is quoted nearly every time (单一窗口)
MOSTLY_QUOTED = 0.7
# quotations a string of common words needs to count as a name: on one document a string quoted once is "quoted
# every time"; of the 2017 work report's strings quoted once, the two of common words (中国品牌, 中国工匠) are scare
# quotes, and a coinage (城市病, 同线同标同质) is not made of common words, so it keeps its quoted weight
MIN_QUOTATIONS = 2


def shape_weight(c: Candidate, key: str, quoted: bool, bg: Background, learnt: bool = False) -> float:
    """:data:`SHAPE_WEIGHT` of the shape a candidate shows. A quoted string of two or three characters that the
    dictionary lists whole and that holds a shorter word is more often a metaphor in scare quotes (朋友圈 = 朋友 +
    圈, 组合拳, 牛鼻子) than a slogan (放管服, 人地钱: abbreviations, one character per word), and weighs as a plain
    string; one the dictionary lacks is a coinage or an abbreviation (城市病, 深港通, 被脱贫, 获得感, 新基建) and
    keeps the quoted weight. A numbered string never quoted whose numeral stands bare before a word
    (:func:`.noise.bare_number`: 三鞠躬) is a plain string too; a statistical string counts by how sure the ranking
    is of it (its probability, squared), and one that ends in a formula's head (:func:`.features.headed`) weighs
    :data:`LEARNT_STATISTICAL_WEIGHT` when the ranking was ``learnt`` from the
    input (a quoted or numbered form shown as a plain string keeps the plain weight), unless that head is one of
    :data:`WEAK_HEADS` (科技体制改革, 社会保障体系: a policy area's name as often as a formula's).

    >>> bg = Background.load()
    >>> [shape_weight(Candidate(k, 3.0, 9, 3, "quoted", ""), k, True, bg) for k in ("放管服", "朋友圈", "城市病")]
    [1.6, 0.6, 1.6]
    >>> [shape_weight(Candidate(k, 3.0, 9, 3, "numbered", ""), k, False, bg) for k in ("两个确立", "三鞠躬")]
    [1.6, 0.6]
    >>> sure = {"probability": 0.8}
    >>> [round(shape_weight(Candidate(k, 3.0, 90, 9, "mwe", "", sure), k, False, bg, True), 3)
    ...  for k in ("新发展格局", "政治互信", "科技体制改革")]
    [1.024, 0.384, 0.384]
    """
    shape = "quoted" if quoted else "mwe" if c.kind == "quoted" else c.kind  # seldom quoted: a plain string
    if shape == "numbered" and not c.notes.get("quoted") and bare_number(key, bg):
        shape = "mwe"
    if shape == "quoted" and len(key) <= 3 and not is_numbered(key) and bg.freq(key) \
            and any(len(w) > 1 for w in bg.words(key)) and not c.notes.get("enacted"):
        shape = "mwe"  # a metaphor in scare quotes, unless its writers put it in force (开展“扫黄”工作)
    weight = SHAPE_WEIGHT[shape]
    if shape == "mwe" and c.kind == "mwe" and c.notes.get("after_verb") and not learnt:
        return HEADED_WEIGHT  # a programme's name, as its writers launch it (see :func:`.score.programme_name`)
    if shape == "mwe" and "probability" in c.notes:
        if learnt and c.kind == "mwe" and headed(key) and not key.endswith(WEAK_HEADS):
            weight = LEARNT_STATISTICAL_WEIGHT
        weight *= c.notes["probability"] ** 2
    return weight


# how sure a ranking learnt from the input must be of a statistical string for the dictionary's ordinary words not
# to demote it (乡村振兴 = 乡村 + 振兴, 中华民族伟大复兴, 科学家精神 are common words side by side, as 宏观政策 and
# 冰雪运动 are). Chosen on seed-0 folds 1–2 of the development slice (bench/discover_results.md, round 7): from
# 0.85 on, no candidate but hidden entries reached the top 200 and 新闻联播 2024-01…04's top 100 did not change; at
# 0.8, 宏观政策, 经济体制改革, 全球治理体系, 爱国主义精神 reached the top 200 and 冰雪运动 the news's top 50
SURE_PROBABILITY = 0.85


def sure(c: Candidate, learnt: bool) -> bool:
    """The ranking was ``learnt`` from the input and is sure (:data:`SURE_PROBABILITY`) of the statistical string
    ``c``: its words being ordinary Chinese does not demote it. A ranking by the shipped model (a small input) is not
    learnt from the input's own terms and never spares a string.

    >>> sure(Candidate("乡村振兴", 20.0, 479, 30, "mwe", "", {"probability": 0.86}), True)
    True
    >>> sure(Candidate("宏观政策", 20.0, 78, 25, "mwe", "", {"probability": 0.79}), True)
    False
    >>> sure(Candidate("乡村振兴", 20.0, 479, 30, "mwe", "", {"probability": 0.86}), False)
    False
    """
    return learnt and c.kind == "mwe" and c.notes.get("probability", 0.0) >= SURE_PROBABILITY


# the notes of where a candidate's occurrences stand, in the order noise.introduced takes them
PLACE_NOTES = ("named", "yearly", "foreign", "titled", "contrast")


def lone_item(c: Candidate, key: str) -> bool:
    """One item of a known entry's expansion, alone (稳定, 制度自信, 伟大工程): the entry lists it already, so the
    relation proposes no edit and the string is not new either; :func:`screen` leaves it out. A run of items
    stays, tied to its entry (with the items it adds as the edit).

    >>> from termkit.discover.relations import Relation
    >>> item = Relation("expansion", "x", "X")
    >>> [lone_item(Candidate(k, 1.0, 1, 1, "mwe", "", relation=item), k) for k in ("制度自信", "道路自信、理论自信")]
    [True, False]
    """
    return c.relation is not None and c.relation.kind == "expansion" and "、" not in key


def screen(cands: list[Candidate], bg: Background, small: bool = False, learnt: bool = False,
           drop_ordinary: bool = False) -> list[Candidate]:
    """Drop titles, names, bilateral courtesy phrases and events (:func:`.noise.word_noise`; by where they
    stand: :func:`.noise.introduced`) and known items alone (:func:`lone_item`), and demote
    ordinary Chinese (:func:`.noise.ordinary`: a numbered string, or one quoted nearly every time
    (:data:`MOSTLY_QUOTED`) and more than once (:data:`MIN_QUOTATIONS`), only when it is a common dictionary word,
    as its shape is evidence of its own), unless
    the candidate belongs to a known entry (an expansion, a variant, a longer form); a parallel run is demoted
    only when its items share no character (:func:`.noise.unshared`: a list of ordinary things; its items are
    ordinary words by nature) or when it mostly stands before 等 (:data:`OPEN_LIST`: examples of an open
    list). The others are weighted by :data:`SHAPE_WEIGHT`. With ``drop_ordinary`` ordinary Chinese is dropped, not
    demoted (:func:`drops_ordinary` says when: on a small input, and under a ranking by the shipped model, whose
    features leave counts out), unless the text or the dictionary marks it as a formula: quoted nearly every time,
    more than once (扫黄), or :func:`.noise.formula_mark` (四化建设, 不正之风).
    ``small``: the input is small (one document: see :func:`unlikely_run`).
    ``learnt``: the ranking was learnt from the input (see :func:`shape_weight`).

    >>> bg = Background.load()
    >>> cs = [Candidate("习近平总书记", 9.0, 90, 9, "mwe", ""), Candidate("世界和平", 8.0, 80, 9, "mwe", ""),
    ...       Candidate("放管服", 3.0, 9, 3, "quoted", "", {"quoted": 9})]
    >>> [(c.candidate, round(c.score, 1), c.reasons) for c in screen(cs, bg)]
    [('世界和平', 2.0, ('ordinary words',)), ('放管服', 4.8, ())]
    """

    out = []
    for c in cands:
        key = c.key or c.candidate
        if lone_item(c, key):
            continue
        # a run of separate known terms (``items``) is screened and weighed as any run: it is not an entry's form; nor
        # is a newer form (``newer``), a term of its own
        tied = c.relation is not None and c.relation.kind not in ("shorter", "items", "newer")
        share = c.notes.get("quoted", 0) / max(c.count, 1)
        quoted = share >= QUOTED_ENOUGH
        # a name is quoted nearly every time, and more than once: one quotation (a single document's scare quotes
        # around 中国品牌) says nothing of the other uses, so its words decide
        quoted_name = share >= MOSTLY_QUOTED and c.notes.get("quoted", 0) >= MIN_QUOTATIONS
        by_words = (c.kind == "mwe" and not quoted) or (c.kind == "quoted" and not quoted_name)
        if tied:
            out.append(c)
        elif (word_noise(key, bg, quoted=share >= MOSTLY_QUOTED) not in (None, *office_named(c, key))) \
                or introduced(key, c.count, *(int(c.notes.get(k, 0)) for k in PLACE_NOTES)):
            continue
        elif c.kind != "parallel" and not programme(c, key, bg) and not sure(c, learnt) \
                and ordinary(key, bg.words(key) if by_words else [key], bg):
            mark = "quoted" if quoted_name else formula_mark(key, bg.words(key), bg)
            if drop_ordinary and not mark:
                continue
            out.append(demoted(c, "ordinary words"))
        elif c.kind == "parallel" and not c.notes.get("after_verb") \
                and (unshared(key, bg) or c.notes.get("listed", 0) >= OPEN_LIST * c.count):
            out.append(demoted(c, "ordinary list"))
        elif unlikely_run(c, small, learnt):
            out.append(demoted(c, "rhetorical list"))
        else:
            out.append(replace(c, score=c.score * shape_weight(c, key, quoted, bg, learnt)))
    return out


def demoted(c: Candidate, reason: str) -> Candidate:
    """``c`` demoted as ordinary Chinese by :func:`screen` (its score times :data:`ORDINARY_WEIGHT`), for ``reason``.

    >>> d = demoted(Candidate("世界和平", 8.0, 80, 9, "mwe", ""), "ordinary words")
    >>> d.score, d.reasons, d.notes["ordinary"]
    (2.0, ('ordinary words',), 1.0)
    """
    return replace(c, score=c.score * ORDINARY_WEIGHT, reasons=(reason,), notes={**c.notes, "ordinary": 1.0})


# how likely the shipped model must find a parallel run seen on a small input for its shape to count: a run written
# once in one document is as often a sentence's rhetoric (有勇气、有智慧、有能力; 弃水、弃风、弃光;
# 保就业、保民生、保运转) as a fixed formula. Chosen on the 2017 and 2020 work reports' censuses and the 2014
# report's verdicts (bench/discover_results.md, round 8: one document): five bad runs of their top 30 are at
# 0.67–0.70, every good run at 0.86 or more; 0.8 would also take good runs of the 20th Congress report (the guard:
# 法治国家、法治政府、法治社会 at 0.71, 天更蓝、山更绿、水更清 at 0.74), so the bar stays under them
RUN_PROBABLE = 0.7


def unlikely_run(c: Candidate, small: bool, learnt: bool) -> bool:
    """A parallel run on a ``small`` input, ranked by the shipped model (not ``learnt`` from the input), that the
    model finds less likely than :data:`RUN_PROBABLE` to be a formula: rhetoric, demoted as an ordinary list. A run
    named after a verb (蓝天、碧水、净土保卫战) or tied to an entry is kept by :func:`screen` before this.

    >>> run = Candidate("有勇气、有智慧、有能力", 3.0, 1, 1, "parallel", "", {"probability": 0.67})
    >>> unlikely_run(run, True, False), unlikely_run(run, False, False)
    (True, False)
    """
    return small and not learnt and c.kind == "parallel" and not c.notes.get("after_verb") \
        and c.notes.get("probability", 1.0) < RUN_PROBABLE


def office_named(c: Candidate, key: str) -> tuple[str, ...]:
    """The noise reasons a programme's name may carry: a responsibility system is named by the office that answers
    for it (“米袋子”省长负责制, 军委主席负责制), so a title in it names no person.

    >>> office_named(Candidate("“米袋子”省长负责制", 1.0, 1, 1, "mwe", "", {"after_verb": 1.0}), "“米袋子”省长负责制")
    ('title',)
    """
    return ("title",) if c.notes.get("after_verb") and key.endswith("负责制") else ()


def programme(c: Candidate, key: str, bg: Background) -> bool:
    """A programme's name found after a verb that carries it out (see :func:`.score.programme_name`) of three
    words or more (消费扶贫行动, 质量提升行动), or of a noun and its head (厂长负责制): a name, though made of common
    words; with a modifier before its head (重大工程, 相关规划, 全面规划: 全面 is a policy verb's adverb) it is
    ordinary Chinese still. A quoted name its writers put in force (严格执行“约法三章”, 推行“星火计划”: ``enacted``,
    see :func:`.patterns.enacted_quotes`) is one too.

    >>> bg = Background.load()
    >>> named = {"after_verb": 1.0}
    >>> [programme(Candidate(k, 1.0, 1, 1, "mwe", "", named), k, bg) for k in
    ...   ("消费扶贫行动", "重大工程", "厂长负责制")]
    [True, False, True]
    >>> programme(Candidate("星火计划", 1.0, 1, 1, "quoted", "", {"enacted": 1.0}), "星火计划", bg)
    True
    """
    if c.kind == "quoted":
        return bool(c.notes.get("enacted"))
    if c.kind != "mwe" or not c.notes.get("after_verb"):
        return False
    words = bg.words(key)
    return len(words) >= 3 or (len(words) == 2 and bg.tag(words[0]) == "n" and words[0] not in POLICY_VERBS
                               and key.endswith(PROGRAMME_HEADS))


def rank(cands: list[Candidate], options: DiscoverOptions = DiscoverOptions(),
         bg: Background | None = None) -> list[Candidate]:
    """Drop fragments (a candidate inside a longer one that takes most of its occurrences; a
    numbered formula only inside a longer numbered one: 四个现代化 stays beside 实现四个现代化) and runs that are
    another's items reordered (:func:`drop_reordered`), apply
    ``min_count``, ``kinds`` and ``min_score``, sort by score and keep ``top``. With ``bg`` (the words and their parts
    of speech), a candidate stays beside a longer one that is it after a verb (:func:`.since.in_sentence`: 金融强国
    beside 建设金融强国, which takes most of its uses): the longer is the formula in a sentence, not a longer formula.

    >>> cs = [Candidate("建设金融强国", 9.0, 9, 3, "mwe", ""), Candidate("金融强国", 8.0, 10, 3, "mwe", "")]
    >>> [c.candidate for c in rank(cs)], [c.candidate for c in rank(cs, bg=Background.load())]
    (['建设金融强国'], ['建设金融强国', '金融强国'])
    """
    from .since import in_sentence

    spared = (lambda long, short: in_sentence(long, short, bg)) if bg is not None else None
    kept = [c for c in drop_fragments(drop_reordered(cands), spared=spared)
            if meets_counts(c, options) and c.score >= (options.min_score or 0.0)]
    kept.sort(key=lambda c: (-c.score, c.candidate))
    return kept[: options.top] if options.top else kept


def drop_reordered(cands: list[Candidate]) -> list[Candidate]:
    """``cands`` less each new parallel run whose items are those of a more frequent new run in another order: one
    formula written two ways (帝国主义、殖民主义、霸权主义, 3 times in the 1978–1992 work reports, and
    帝国主义、霸权主义、殖民主义, twice: judged good and, as a piece of the other, bad). A run tied to an entry stays.

    >>> cs = [Candidate("帝国主义、殖民主义、霸权主义", 9.0, 3, 3, "parallel", ""),
    ...       Candidate("帝国主义、霸权主义、殖民主义", 8.0, 2, 1, "parallel", ""),
    ...       Candidate("帝国主义、霸权主义", 7.0, 2, 1, "parallel", "")]
    >>> [c.candidate for c in drop_reordered(cs)]
    ['帝国主义、殖民主义、霸权主义', '帝国主义、霸权主义']
    """
    best: dict[frozenset[str], Candidate] = {}
    for c in cands:
        if c.kind == "parallel" and c.relation is None:
            items = frozenset((c.key or c.candidate).split("、"))
            if items not in best or (c.count, c.score) > (best[items].count, best[items].score):
                best[items] = c
    keep = {id(c) for c in best.values()}
    return [c for c in cands if c.kind != "parallel" or c.relation is not None or id(c) in keep]


FRAGMENT_SHARE = 0.7  # a candidate inside a longer one that takes this share of its occurrences is its fragment


def drop_fragments(cands: list[Candidate], inside: Callable[[str, str], bool] | None = None,
                   spared: Callable[[str, str], bool] | None = None) -> list[Candidate]:
    """``cands`` less each one inside a longer one kept (``inside(short, long)``, by default :func:`_fragment`)
    that takes :data:`FRAGMENT_SHARE` of its occurrences, unless ``spared(long, short)``; a numbered formula
    only inside a longer numbered one (四个现代化 stays beside 实现四个现代化). Longest first, as they are kept.
    ``inside`` must hold only when ``short`` is in ``long`` or in ``long`` less its 的: the kept candidates are
    looked up by their pairs of characters (:class:`_Containers`), so a list of tens of thousands stays fast.

    >>> cs = [Candidate("四个现代化", 1.0, 9, 3, "numbered", ""), Candidate("实现四个现代化", 1.0, 9, 3, "mwe", ""),
    ...       Candidate("现代化", 1.0, 9, 3, "mwe", "")]
    >>> [c.candidate for c in drop_fragments(cs)]
    ['实现四个现代化', '四个现代化']
    """
    inside = inside or _fragment
    kept = _Containers()
    for c in sorted(cands, key=lambda c: -len(c.key or c.candidate)):
        short = c.key or c.candidate
        if any(inside(short, long := k.key or k.candidate) and k.count >= FRAGMENT_SHARE * c.count
               and (k.kind == c.kind or c.kind != "numbered") and not (spared and spared(long, short))
               for k in kept.around(short)):
            continue
        kept.add(c)
    return kept.items


class _Containers:
    """Kept candidates, each indexed by the pairs of characters of its key and of its key less 的: the ones that may
    hold a string are those under its rarest pair (a string of one character is looked for in all of them)."""

    def __init__(self) -> None:
        self.items: list[Candidate] = []
        self.by_pair: dict[str, list[Candidate]] = {}

    def add(self, c: Candidate) -> None:
        self.items.append(c)
        key = c.key or c.candidate
        for pair in {a + b for form in {key, key.replace("的", "")} for a, b in itertools.pairwise(form)}:
            self.by_pair.setdefault(pair, []).append(c)

    def around(self, short: str) -> list[Candidate]:
        if len(short) < 2:
            return self.items
        return min((self.by_pair.get(a + b, []) for a, b in itertools.pairwise(short)), key=len)


def meets_counts(c: Candidate, options: DiscoverOptions) -> bool:
    """``c`` is of a kind asked for (``options.kinds``) and seen often enough: ``min_count`` times for a
    statistical string, ``shape_min_count`` for a shape-found one."""
    plain = c.kind == "mwe" and not c.notes.get("after_verb")  # a name after its verb counts as a shape does
    bar = (options.min_count or 1) if plain else (options.shape_min_count or 1)
    return c.kind in options.kinds and c.count >= bar


def _fragment(short: str, long: str) -> bool:
    """``short`` is inside ``long``, also when ``long`` has a particle more (表示诚挚的感谢)."""
    return short in long or (len(long) > len(short) and short in long.replace("的", ""))


def discover(open_docs: Callable[[], Iterable[Document]], matcher: Matcher,
             options: DiscoverOptions = DiscoverOptions(), background: Background | None = None,
             model: Model | None = None, on_note: Callable[[str], None] | None = None,
             rejected: Mapping[str, str] | None = None, reference: Reference | None = None) -> list[Candidate]:
    """Both passes and the ranking. ``open_docs`` returns a fresh iterable of documents each call.
    The first pass sees the text unmasked (the lexicon's terms are the examples the ranking learns
    from); ``model`` (default: the shipped one, :mod:`.learn`) ranks when the input holds too few.
    ``rejected`` (folded string → reason, :func:`.rejected.load_rejected`) are strings a curator rejected:
    labelled negatives of a learnt ranking, and left out of the list (``options.show_rejected``: marked).
    ``reference`` (:mod:`.reference`) confirms the candidates: only those that recur there are shown, each with its
    use there; on a small input the input's runs of items seen once (:func:`.reference.phrases`) are put to it too."""
    from ..compile import compile_lexicon
    from ..lexicon import Lexicon

    bg = background or Background.load()
    blank = compile_lexicon(Lexicon(()), matcher.table) if len(matcher.entries) else matcher
    evidence = collect(open_docs(), blank, options)
    options, note = adapt(options, evidence.stats.chars)
    confirming = reference is not None and bool(note)
    if confirming:  # its runs seen once are proposed too: the reference judges (see .reference)
        note = (f"small input ({evidence.stats.chars:,} Chinese characters): its candidates and its runs of items are "
                f"looked up in the reference ({reference.chars:,} characters)")
    if note and on_note:
        on_note(note)
    if options.strict is True and not confirming and on_note:
        on_note("--strict acts only with --reference on a small input: nothing left out by it")
    positives = known_keys(matcher)
    negatives = set(rejected or ()) - positives
    prospects = shortlist(evidence, options, bg, positives, Model.load(part="pool"))
    if confirming:
        prospects += phrase_prospects(open_docs(), matcher, bg, {p.key for p in prospects})
    cands, counts = attest(prospects, open_docs(), matcher, positives, bg, negatives, small=bool(note))
    cands, how = learn_and_score(cands, counts, positives, evidence, bg,
                                 model if model is not None else Model.load(), options.min_count or 1,
                                 options.min_positives or MIN_POSITIVES, negatives)
    ranked = cands
    cands = screen(cands, bg, small=bool(note), learnt=learnt_ranking(how),
                   drop_ordinary=drops_ordinary(bool(note), how))
    if on_note:
        on_note(f"ranked by {how}")
    if reference is not None:
        kept = {c.key or c.candidate for c in cands}
        # the runs of names the screen rejected: the reference might confirm a piece of one (see .reference.confirm)
        names_gone = [k for c in ranked
                      if (k := c.key or c.candidate) not in kept and "、" in k and names(k.split("、"), bg)]
        if confirming:  # a statistical string that reads as a piece of a sentence (see .noise.clause)
            cands = [c for c in cands if c.kind != "mwe" or not clause(c.key or c.candidate, bg)]
        proposed = len(cands)
        cands = confirm(cands, reference, lambda s: matcher.fold(s).text, bg, weigh=confirming, names=names_gone)
        if on_note:
            on_note(f"{len(cands)} of {proposed} candidates recur in the reference ({MIN_USES}+ uses in {MIN_MONTHS}+ "
                    f"{'months' if reference.dated else 'documents'}); the others are left out")

    if options.since is not None:  # a ranking of its own: new, in use, a term (see :mod:`.since`)
        from .since import rank_new

        shown, left, floor = rank_new(cands, options.since, evidence.volume, bg, options), 0, 0.0
    else:
        floor = options.min_score if options.min_score is not None else REFERENCE_FLOOR if confirming \
            else score_floor(how)
        # a candidate the reference confirmed is seen often enough, there (see .reference)
        seen = replace(options, min_count=1) if confirming else options
        ranked = rank(cands, replace(seen, min_score=0.0, top=None), bg)
        shown = [c for c in ranked if c.score >= floor]  # what rank with min_score=floor keeps, counted once
        left = len(ranked) - len(shown)
        if confirming:  # each row's chance of being judged good by a blind reader, learnt (see .reader)
            kept, doubted = judge(shown, Model.load(part="reader"), bg=bg)
            strict = options.strict is not False and options.min_score is None  # --min-score 0 shows every row
            if strict:
                shown = kept
            if on_note and doubted and strict:
                on_note(f"{plural(len(doubted), 'candidate')} left out that readers of such lists mostly judged not "
                        f"a formula (chance below {READER_THRESHOLD:g}; --no-strict or --min-score 0 shows them)")
    if rejected:
        shown, skipped = drop_rejected(shown, rejected, lambda s: matcher.fold(s).text, options.show_rejected)
        if on_note and skipped:
            on_note(f"{skipped} rejected candidate{'s' * (skipped != 1)} "
                    f"{'marked' if options.show_rejected else 'left out'} (a curator's rejection list"
                    f"{'' if options.show_rejected else '; --show-rejected shows them'})")
    limit = options.top
    if note and options.min_score is None and options.since is None:  # the default floor on a small input
        limit = min(limit or sys.maxsize, size_cap(evidence.stats.chars))
    over = max(len(shown) - limit, 0) if limit else 0
    shown = shown[:limit] if limit else shown
    if on_note and over and limit != options.top:
        on_note(f"{len(shown)} candidates shown, one per {ROWS_PER_CHARS:,} Chinese characters of a small input; "
                f"{over} more reached the score floor, {left} scored below it (--min-score 0 shows them all)")
    elif on_note and left and (options.top is None or len(shown) < options.top):
        on_note(f"{plural(len(shown), 'candidate')} shown; the rest ({left}) scored below {round(floor, 2):g} "
                "(--min-score 0 shows them)")
    return shown


def phrase_prospects(docs: Iterable[Document], matcher: Matcher, bg: Background, have: Collection[str]
                     ) -> list[Prospect]:
    """The input's runs of items written with 、, cut every way (:func:`.reference.phrases`, known terms masked), not
    among ``have`` and not noise, as prospects of a first-pass score of 1 (``parallel``, by :func:`kind_of`): the
    shipped model and the reference rank them."""
    out: dict[str, Prospect] = {}
    for doc in docs:
        for key in phrases(make_view(doc.text, matcher).text, bg):
            if key not in have and key not in out and not noise_reason(key, bg):
                out[key] = Prospect(key, kind_of(key, "mwe"), 1.0, 1)
    return list(out.values())


def size_cap(chars: int) -> int:
    """How many candidates the default floor shows at most on a small input of ``chars`` Han characters: one per
    :data:`ROWS_PER_CHARS`, at least :data:`MIN_ROWS`.

    >>> size_cap(29_454), size_cap(17_219), size_cap(2_000)
    (42, 30, 30)
    """
    return max(MIN_ROWS, chars // ROWS_PER_CHARS)


def drop_rejected(cands: list[Candidate], rejected: Mapping[str, str], fold: Callable[[str], str],
                  show: bool = False) -> tuple[list[Candidate], int]:
    """The candidates less those in ``rejected`` (folded string → reason), and how many those were; with
    ``show``, all of them, a rejected one with ``rejected: REASON`` first among its reasons.

    >>> cs = [Candidate("北溪", 9.0, 9, 3, "quoted", ""), Candidate("放管服", 5.0, 9, 3, "quoted", "")]
    >>> [c.candidate for c in drop_rejected(cs, {"北溪": "name"}, str)[0]]
    ['放管服']
    >>> drop_rejected(cs, {"北溪": "name"}, str, show=True)[0][0].reasons
    ('rejected: name',)
    """

    out, skipped = [], 0
    for c in cands:
        reason = rejected.get(fold(c.key or c.candidate))
        if reason is None:
            reason = rejected.get(fold(c.candidate))
        if reason is None:
            out.append(c)
            continue
        skipped += 1
        if show:
            out.append(replace(c, reasons=(f"rejected: {reason}", *c.reasons)))
    return out, skipped


def learnt_ranking(how: str) -> bool:
    """The ranking described as ``how`` (see :func:`learn_and_score`) was learnt from the input itself.

    >>> learnt_ranking("a model learnt from 900 lexicon terms in the input"), learnt_ranking("first-pass scores")
    (True, False)
    """
    return "learnt from" in how


def drops_ordinary(small: bool, how: str) -> bool:
    """Ordinary Chinese is dropped by :func:`screen`, not demoted: on a ``small`` input (counts too low to tell a term
    from a collocation) and under a ranking not learnt from the input (``how``, see :func:`learn_and_score`: the
    shipped model's features leave counts out, so nothing but the dictionary speaks for such a string). Chosen on the
    work reports 2004–2012 together ranked by the shipped model (round 8 development: 21 → 24 good rows of the top 100,
    bench/discover_results.md); a ranking learnt from the input keeps them, demoted, unless it is sure of them.

    >>> drops_ordinary(True, "a model learnt from 900 lexicon terms in the input")
    True
    >>> drops_ordinary(False, "a model learnt from 900 lexicon terms in the input")
    False
    >>> drops_ordinary(False, "first-pass scores and the shipped model")
    True
    """
    return small or not learnt_ranking(how)


def score_floor(how: str) -> float:
    """:data:`SCORE_FLOOR` for a ranking described as ``how`` (see :func:`learn_and_score`).

    >>> score_floor("a model learnt from 900 lexicon terms in the input"), score_floor("first-pass scores")
    (4.0, 0.85)
    """
    return SCORE_FLOOR["learnt" if learnt_ranking(how) else "shipped"]
