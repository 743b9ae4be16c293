"""What is new over time: candidates first seen after a date and rising since.

On a dated corpus (``Document.meta["date"]``), each candidate's occurrences are known per month. A
candidate is *new since* DATE when no occurrence comes before DATE's month; it is *rising* when its
rate (occurrences per million characters of that month) is higher in the later half of the months
from its first appearance to the corpus's last month than in the earlier half.

>>> from termkit.discover import Candidate
>>> c = Candidate("新质生产力", 10.0, 9, 3, "mwe", "", periods={"2023-09": 1, "2024-03": 3, "2024-06": 5})
>>> old = Candidate("四风", 10.0, 9, 3, "numbered", "", periods={"2022-01": 3, "2024-06": 6})
>>> volume = {"2022-01": 1e6, "2023-09": 1e6, "2024-03": 1e6, "2024-06": 1e6}
>>> [(x.candidate, round(x.score, 1)) for x in new_since([c, old], "2023-01", volume)]
[('新质生产力', 33.2)]
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from ..errors import TermkitError


def month_of(date: str) -> str:
    """``YYYY-MM`` of an ISO date (``YYYY`` alone is its January)."""
    from ..corpus import normalize_date

    iso = normalize_date(date)
    if iso is None:
        raise TermkitError(f"--since {date!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return iso[:7] if len(iso) >= 7 else f"{iso}-01"


def rising(periods: dict[str, int], volume: dict[str, float]) -> float:
    """Later-half rate over earlier-half rate, from the first month with an occurrence to the last
    month of the corpus (a candidate seen in one month only counts as rising by 1)."""
    months = sorted(m for m in volume if m >= min(periods))
    if len(months) < 2:
        return 1.0
    half = len(months) // 2

    def rate(ms: list[str]) -> float:
        return sum(periods.get(m, 0) for m in ms) / max(sum(volume[m] for m in ms), 1.0) * 1e6

    early, late = rate(months[:half]), rate(months[half:])
    return late / early if early else late + 1.0


def new_since(cands: list[Any], since: str, volume: dict[str, float]) -> list[Any]:
    """Candidates first seen in ``since``'s month or later, the rising ones first: each score is
    multiplied by ``1 + log2(1 + rising)``. Raises when no document is dated."""
    if not volume:
        raise TermkitError("--since needs dated documents: a date in the file names (YYYY-MM-DD, YYYY-MM) or "
                           "--date-field for JSONL/CSV")
    start = month_of(since)
    out = []
    for c in cands:
        if c.periods and min(c.periods) >= start:
            growth = rising(c.periods, volume)
            out.append(replace(c, score=c.score * (1 + math.log2(1 + growth)),
                               notes={**c.notes, "first_seen": min(c.periods), "rising": round(growth, 2)}))
    return sorted(out, key=lambda c: (-c.score, c.candidate))
