"""Discover candidate terms the lexicon does not know yet.

Two passes over the documents:

1. **collect** (:func:`collect`): each document is folded into a discovery view
   (:mod:`.view`; spans the lexicon already knows are masked), its Han characters feed the
   bounded n-gram counter (:mod:`.ngrams`) and its text the shape finders (:mod:`.patterns`:
   quoted spans, number codes, parallel runs);
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

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .background import Background
from .ngrams import NgramCounter, NgramStats
from .noise import boilerplate, noise_reason
from .patterns import ShapeTally
from .relations import Relation, RelationIndex
from .score import Prospect, is_numbered, shape_prospects, shortlist_ngrams
from .view import make_view

if TYPE_CHECKING:
    from ..corpus import Document
    from ..match import Matcher

KINDS = ("numbered", "quoted", "parallel", "mwe")
KIND_WEIGHT = {"numbered": 1.25, "quoted": 1.15, "parallel": 1.0, "mwe": 0.5}
CONTEXT = 18  # characters of context on each side of an example


@dataclass(frozen=True)
class DiscoverOptions:
    """What to look for and how much to keep."""

    min_count: int = 3
    top: int | None = 100
    kinds: tuple[str, ...] = KINDS
    max_n: int = 10
    bucket_chars: int = 2_000_000
    pool: int = 600  # candidates recounted in the second pass


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

    def to_dict(self) -> dict[str, Any]:
        """``candidate, score, count, docs, kind, example``, then ``key``, ``relation`` (``new`` or how it
        belongs to an entry), ``entry``, ``edit`` and ``reasons``."""
        rel = self.relation
        return {"candidate": self.candidate, "score": round(self.score, 2), "count": self.count,
                "docs": self.docs, "kind": self.kind, "example": self.example, "key": self.key or self.candidate,
                "relation": rel.kind if rel else "new", "entry": rel.entry if rel else None,
                "edit": rel.edit if rel else None, "reasons": list(self.reasons)}


@dataclass
class Evidence:
    """Everything the first pass learnt."""

    stats: NgramStats
    tally: ShapeTally


def collect(docs: Iterable[Document], matcher: Matcher, options: DiscoverOptions = DiscoverOptions()) -> Evidence:
    """First pass: n-gram statistics and shape-found candidates, in bounded memory."""
    counter = NgramCounter(options.max_n, options.bucket_chars)
    tally = ShapeTally()
    for doc in docs:
        view = make_view(doc.text, matcher)
        counter.add(view.han)
        tally.add(doc.id, view.text)
    return Evidence(counter.finish(), tally)


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
              background: Background | None = None) -> list[Prospect]:
    """The prospects worth recounting, best first, one per key (kinds merged)."""
    bg = background or Background.load()
    found = shortlist_ngrams(evidence.stats, bg, options.min_count, options.pool)
    found += shape_prospects(evidence.tally.seen, evidence.stats, bg, min(options.min_count, 2))
    merged: dict[str, Prospect] = {}
    for p in sorted(found, key=lambda p: -p.score * KIND_WEIGHT[p.kind]):
        if p.key not in merged:
            merged[p.key] = p
            p.kind = kind_of(p.key, p.kind)
        else:
            merged[p.key].quoted = max(merged[p.key].quoted, p.quoted)
    wanted = [p for p in merged.values() if p.kind in options.kinds and not noise_reason(p.key.replace("、", ""))]
    return wanted[: max(options.pool, 3 * (options.top or 0))]


def attest(prospects: list[Prospect], docs: Iterable[Document], matcher: Matcher) -> list[Candidate]:
    """Second pass: exact counts, documents and a first example for each prospect, on the text
    folded as for matching. Prospects the lexicon knows, and occurrences inside a known term,
    are left out; a prospect with no occurrence left is dropped."""
    from .patterns import pair_forms
    from .recount import recount

    prospects = [p for p in prospects if matcher.lookup(p.key) is None
                 and not any(matcher.lookup(form) for form in pair_forms(p.key))]
    aliases = {p.key: forms for p in prospects if (forms := pair_forms(p.key))}
    counts = recount([p.key for p in prospects], docs, matcher, CONTEXT, aliases)
    index = RelationIndex.build(matcher.entries, lambda s: matcher.fold(s).text)
    out = []
    for p in prospects:
        c = counts.get(p.key)
        if c is None or c.count == 0 or boilerplate(c.line_start, c.count):
            continue
        score = p.score / math.log2(1 + max(p.count, 1)) * math.log2(1 + c.count) * KIND_WEIGHT[p.kind]
        score *= 1 + 0.25 * math.log2(c.docs)
        written = p.key if "“" in p.key else c.written(p.key)
        out.append(Candidate(written, score, c.count, c.docs, p.kind, c.example, p.notes, p.key,
                             index.relate(p.key, written), periods=c.periods))
    return out


def rank(cands: list[Candidate], options: DiscoverOptions = DiscoverOptions()) -> list[Candidate]:
    """Drop fragments (a candidate inside a longer one that takes most of its occurrences; a
    numbered formula only inside a longer numbered one: 四个现代化 stays beside 实现四个现代化), apply
    ``min_count`` and ``kinds``, sort by score and keep ``top``."""
    by_len = sorted(cands, key=lambda c: -len(c.key or c.candidate))
    kept: list[Candidate] = []
    for c in by_len:
        if any(_fragment(c.key or c.candidate, k.key or k.candidate) and k.count >= 0.7 * c.count
               and (k.kind == c.kind or c.kind != "numbered") for k in kept):
            continue
        kept.append(c)
    kept = [c for c in kept if c.count >= options.min_count and c.kind in options.kinds]
    kept.sort(key=lambda c: (-c.score, c.candidate))
    return kept[: options.top] if options.top else kept


def _fragment(short: str, long: str) -> bool:
    """``short`` is inside ``long``, also when ``long`` has a particle more (表示诚挚的感谢)."""
    return short in long or (len(long) > len(short) and short in long.replace("的", ""))


def discover(open_docs: Callable[[], Iterable[Document]], matcher: Matcher,
             options: DiscoverOptions = DiscoverOptions(), background: Background | None = None
             ) -> list[Candidate]:
    """Both passes and the ranking. ``open_docs`` returns a fresh iterable of documents each call."""
    evidence = collect(open_docs(), matcher, options)
    prospects = shortlist(evidence, options, background)
    return rank(attest(prospects, open_docs(), matcher), options)
