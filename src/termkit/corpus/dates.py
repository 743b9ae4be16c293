"""A document's date: an ISO form (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) from a field's value or from
the file's name.

>>> normalize_date("2024年1月"), date_from_name("rmrb_20210115.txt")
('2024-01', '2021-01-15')
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from typing import Any

_DATE_PATTERNS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})(?:[T ].*)?"),
    re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?"),
    re.compile(r"(\d{4})[-/.](\d{1,2})()"),
    re.compile(r"(\d{4})年?()()"),
)


_NAME_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.])(\d\d)\2(\d\d)(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)()(\d\d)(\d\d)(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.])(\d\d)()(?!\d)"),
    # a year alone, not glued to letters or digits: gov_work_report_1988.txt, but not sighan2005 or v2.2019
    re.compile(r"(?<![0-9A-Za-z.])((?:19|20)\d\d)()()()(?![0-9A-Za-z]|\.\d)"),
)


def normalize_date(value: Any) -> str | None:
    """An ISO date (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when that is all there is), or
    ``None`` when ``value`` is not a valid date.

    >>> [normalize_date(v) for v in ("2024/1/5", "20240105", "2024年1月", "2024-01-05T08:00:00Z", 2021)]
    ['2024-01-05', '2024-01-05', '2024-01', '2024-01-05', '2021']
    >>> normalize_date("2024-13-01") is None
    True
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            return _iso(*m.groups()[:3])
    return None


def date_from_name(name: str) -> str | None:
    """The date in a file's name (``YYYY-MM-DD``, ``YYYYMMDD``, ``YYYY-MM``, or a year alone), if any.

    >>> [date_from_name(n) for n in ("news/xinwenlianbo_2024-01.txt", "rmrb_20210115.txt", "000_afae.txt")]
    ['2024-01', '2021-01-15', None]
    >>> [date_from_name(n) for n in ("gov_work_report_1988.txt", "v2.2019.txt", "id_120199.txt", "sighan2005.txt")]
    ['1988', None, None, None]
    """
    base = os.path.basename(name)
    for pattern in _NAME_DATES:
        for m in pattern.finditer(base):
            year, _, month, day = m.groups()
            iso = _iso(year, month, day)
            if iso:
                return iso
    return None


def _iso(year: str, month: str | None, day: str | None) -> str | None:
    """``YYYY[-MM[-DD]]`` for valid parts, else ``None``."""
    try:
        _dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if not 1000 <= int(year) <= 2999:
        return None
    parts = [year] + [f"{int(p):02d}" for p in (month, day) if p]
    return "-".join(parts)
