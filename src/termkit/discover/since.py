"""What is new over time: a ranking of its own for the candidates that appeared after a date.

A researcher reading a dated corpus (``Document.meta["date"]``; each candidate's occurrences are known per
month) asks which formulas appeared after DATE. :func:`rank_new` answers with four questions per candidate:

- **new** (:func:`newness`): absent or nearly absent before DATE's month — its rate (occurrences per million
  characters) before is at most :data:`NEARLY_ABSENT` of its rate from that month on;
- **in use**: seen in :data:`MIN_MONTHS` months or more from DATE on; its *persistence* is the share of the
  corpus's months from its first appearance to the last month in which it occurs (a formula is repeated month
  after month, an event or a name comes in one burst);
- **a term**: the probability the ranking gave it (:func:`termkit.discover.learn_and_score`), squared, where
  the main ranking weighs a statistical string by a fixed 0.6 × p² and buries a new formula often written
  unquoted (新质生产力); a numbered or often quoted string weighs :data:`SHAPE_BONUS` more, ordinary Chinese
  :data:`~termkit.discover.ORDINARY_WEIGHT` as in the main ranking;
- **not noise**: the screen's rules (names, events, counted nouns, fragments) have run before; left out too are
  strings cut across a known term :data:`STRADDLING_SHARE` of the time (现代化全面推进强国 across 中国式现代化),
  statistical strings with a right edge under :data:`CUT_EDGE` (one word nearly always after it: 普惠包容 of
  普惠包容的经济全球化), strings said after a foreign actor :data:`FOREIGN_SHARE` of the time (the news of other
  countries is much of what is new in a year), and a new formula in a sentence: a string that is a verb and a more
  frequent new candidate (发展新质生产力 beside 新质生产力, :func:`in_sentence`), which is kept instead of being
  dropped as its fragment.

The score is ``10 × p² × (1 + log10 occurrences from DATE on) × (0.5 + persistence) × shape``. Whether the use
is *rising* (its rate in the later half of the months since its first appearance over the earlier half) is
reported (``notes["rising"]``, and first among the reasons) but not weighed: campaigns (党纪学习教育) and
formulas announced at a peak fall after it, and weighing the rise lost them (bench/discover_results.md, round 5).

>>> from termkit.discover import Candidate
>>> volume = {m: 1e6 for m in ("2022-11", "2022-12", "2023-09", "2024-03", "2024-06")}
>>> new = Candidate("新质生产力", 10.0, 9, 3, "mwe", "", {"probability": 0.9}, "新质生产力",
...                 periods={"2023-09": 1, "2024-03": 3, "2024-06": 5})
>>> old = Candidate("四风", 10.0, 9, 3, "numbered", "", {"probability": 0.9}, "四风",
...                 periods={"2022-11": 3, "2024-06": 6})
>>> [(c.candidate, c.notes["first_seen"], round(c.score, 1)) for c in rank_new([new, old], "2023-01", volume)]
[('新质生产力', '2023-09', 23.7)]
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..errors import TermkitError
from .data import NUMERALS

if TYPE_CHECKING:
    from . import Candidate, DiscoverOptions

# the rate before the date, as a share of the rate after it, up to which a string counts as new (a forerunner
# or two before a formula is announced; a word in use before it rises is not new)
NEARLY_ABSENT = 0.1
MIN_MONTHS = 2  # months from the date on in which a new string must occur
SHAPE_BONUS = 1.3  # a numbered string, or one quoted at least QUOTED_ENOUGH of the time, is named by its writers
# share of occurrences after a foreign country or actor from which a new string is foreign matter: chosen on the
# lexicon's known terms seen 3+ times in 新闻联播, of which 1 in 1,278 is said after a foreign actor this often
# (单边制裁), 5 at 0.2 (bench/discover_results.md, round 5)
FOREIGN_SHARE = 0.3
QUOTED_ENOUGH = 0.3
# share of occurrences cut across a known term (see recount.Recount.straddling) from which a string is a fragment of
# the sentence around the term, not a new formula: set to a half before it was tried (bench/discover_results.md,
# round 10)
STRADDLING_SHARE = 0.5
# branching entropy (nats) under which the right edge of a statistical string is cut out of a longer one: one
# word nearly always after it (全面推进强国 of …全面推进强国建设, 普惠包容 of 普惠包容的经济全球化); chosen on the
# development entries' run (bench/discover_results.md, round 10). The left edge is not judged so: a formula put in
# force by one verb (实施医疗卫生强基工程) has one word before it too (changed after round 10's figures)
CUT_EDGE = 1.0


def month_of(date: str) -> str:
    """``YYYY-MM`` of an ISO date (``YYYY`` alone is its January).

    >>> month_of("2023"), month_of("2023-05-04")
    ('2023-01', '2023-05')
    """
    from ..corpus import normalize_date

    iso = normalize_date(date)
    if iso is None:
        raise TermkitError(f"--since {date!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return iso[:7] if len(iso) >= 7 else f"{iso}-01"


def rate(periods: dict[str, int], volume: dict[str, float], months: Iterable[str]) -> float:
    """Occurrences per million characters over ``months``."""
    months = list(months)
    return sum(periods.get(m, 0) for m in months) / max(sum(volume[m] for m in months), 1.0) * 1e6


def rising(periods: dict[str, int], volume: dict[str, float]) -> float:
    """Later-half rate over earlier-half rate, from the first month with an occurrence to the last
    month of the corpus (a candidate seen in one month only counts as rising by 1).

    >>> rising({"2024-01": 1, "2024-04": 4}, {m: 1e6 for m in ("2024-01", "2024-02", "2024-03", "2024-04")})
    4.0
    """
    months = sorted(m for m in volume if m >= min(periods))
    if len(months) < 2:
        return 1.0
    half = len(months) // 2
    early, late = rate(periods, volume, months[:half]), rate(periods, volume, months[half:])
    return late / early if early else late + 1.0


@dataclass(frozen=True)
class Newness:
    """How new a candidate is after a month: its first month from then on, occurrences and months of use from
    then on, its persistence (months of use over the corpus's months from its first one) and its rise."""

    first_seen: str
    count: int
    months: int
    persistence: float
    rising: float


def newness(periods: dict[str, int], start: str, volume: dict[str, float]) -> Newness | None:
    """The :class:`Newness` of a string seen ``periods`` (month → occurrences) from month ``start`` on, or
    ``None`` when it is not new: used before ``start`` at more than :data:`NEARLY_ABSENT` of its later rate, or
    seen in fewer than :data:`MIN_MONTHS` months from ``start`` on.

    >>> volume = {m: 1e6 for m in ("2022-12", "2023-01", "2023-02", "2023-03")}
    >>> newness({"2023-01": 2, "2023-03": 4}, "2023-01", volume)
    Newness(first_seen='2023-01', count=6, months=2, persistence=0.67, rising=1.0)
    >>> newness({"2022-12": 5, "2023-01": 5, "2023-03": 5}, "2023-01", volume) is None
    True
    """
    used = sorted(m for m, n in periods.items() if m >= start and n)
    if len(used) < MIN_MONTHS:
        return None
    before = [m for m in volume if m < start]
    after = [m for m in volume if m >= start]
    if before and rate(periods, volume, before) > NEARLY_ABSENT * rate(periods, volume, after):
        return None
    span = sum(1 for m in volume if m >= used[0])
    return Newness(used[0], sum(periods[m] for m in used), len(used), round(len(used) / max(span, 1), 2),
                   round(rising({m: periods[m] for m in used}, volume), 2))


def new_score(c: Candidate, new: Newness) -> float:
    """``10 × p² × (1 + log10 count) × (0.5 + persistence) × shape`` (see the module's text)."""
    from . import ORDINARY_WEIGHT

    p = c.notes.get("probability", 0.5)
    shaped = c.kind == "numbered" or c.notes.get("quoted", 0) >= QUOTED_ENOUGH * max(c.count, 1)
    weight = (SHAPE_BONUS if shaped else 1.0) * (ORDINARY_WEIGHT if c.notes.get("ordinary") else 1.0)
    return 10.0 * p * p * (1.0 + math.log10(max(new.count, 1))) * (0.5 + new.persistence) * weight


def in_sentence(long: str, short: str, bg: Any) -> bool:
    """``long`` is ``short`` after a verb: the new formula in a sentence (发展新质生产力, 建设金融强国).

    >>> from termkit.discover.background import Background
    >>> bg = Background.load()
    >>> in_sentence("建设金融强国", "金融强国", bg), in_sentence("党纪学习教育", "学习教育", bg)
    (True, False)
    """
    if len(long) <= len(short) or not long.endswith(short):
        return False
    lead = long[: -len(short)]
    if any(ch in NUMERALS for ch in lead):
        return False  # an item of a numbered formula (五缓 of 五缓四减三补贴), not a verb that governs it
    words = bg.words(lead)
    return bool(words) and bg.tag(words[-1]).startswith("v")  # v, vn (发展, 建设), vd …


def rank_new(cands: list[Candidate], since: str, volume: dict[str, float], bg: Any = None,
             options: DiscoverOptions | None = None) -> list[Candidate]:
    """The candidates new since ``since``, best first (the module's text says how), each with
    ``notes["first_seen"]`` and ``notes["rising"]`` and its newness first among its reasons. Replaces
    :func:`termkit.discover.rank` for ``--since``: the same bars (``min_count``, ``kinds``, ``min_score``) and a
    fragment rule that keeps the formula rather than the sentence around it (``bg``: the words and their parts of
    speech, :class:`~.background.Background`). Raises when no document is dated."""
    if not volume:
        raise TermkitError("--since needs dated documents: a date in the file names (YYYY-MM-DD, YYYY-MM) or "
                           "--date-field for JSONL/CSV")
    from . import meets_counts

    if bg is None:
        from .background import Background

        bg = Background.load()
    start = month_of(since)
    out = []
    for c in cands:
        if not c.periods or c.notes.get("foreign", 0) >= FOREIGN_SHARE * max(c.count, 1):
            continue
        if c.notes.get("straddling", 0) >= STRADDLING_SHARE * max(c.count, 1):
            continue  # cut across a known term: 现代化全面推进强国 of 以中国式现代化全面推进强国建设
        if c.notes.get("right", CUT_EDGE) < CUT_EDGE:
            continue  # cut out of a longer string: one word nearly always after it
        if options is not None and not meets_counts(c, options):
            continue
        if (new := newness(c.periods, start, volume)) is not None:
            reason = f"new since {new.first_seen}, in {new.months} months, later-half rate ×{new.rising:g}"
            out.append(replace(c, score=new_score(c, new), reasons=(reason, *c.reasons),
                               notes={**c.notes, "first_seen": new.first_seen, "rising": new.rising,
                                      "persistence": new.persistence}))
    kept = _without_fragments(out, bg)
    floor = options.min_score if options is not None and options.min_score is not None else 0.0
    return sorted((c for c in kept if c.score >= floor), key=lambda c: (-c.score, c.candidate))


def _without_fragments(cands: list[Candidate], bg: Any) -> list[Candidate]:
    """Less a new formula in a sentence (:func:`in_sentence`, beside the formula seen as often or more and not
    ordinary Chinese: 专项行动 is no formula that 提振消费专项行动 puts in a sentence), and less a string inside a
    longer one that takes most of its occurrences (:func:`termkit.discover.drop_fragments`, by plain
    containment), unless the longer is it in a sentence."""
    from . import drop_fragments

    by_key = {c.key or c.candidate: c for c in cands}

    def sentence(c: Candidate) -> bool:
        k = c.key or c.candidate
        return any((x := by_key.get(k[i:])) is not None and x.count >= c.count and not x.notes.get("ordinary")
                   and in_sentence(k, k[i:], bg) for i in range(1, len(k) - 1))

    return drop_fragments([c for c in cands if not sentence(c)], inside=lambda short, long: short in long,
                          spared=lambda long, short: in_sentence(long, short, bg))
