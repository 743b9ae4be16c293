"""Noise rules: strings that look like candidates and never are terms, each rule named once.

Each rule takes a candidate's folded key and says why it is noise, or ``None``:

- :func:`counted`: a number before a measure word counts things (31个省, 10个月, 三名航天员, 两位数);
- :func:`dated`: a date, a year or a generation (五一, 九·一八, 2023年, 00后);
- :func:`sequence`: a run of numerals, ordinals or letters (一二三, 第一、第二、第三, A、B、C);
- :func:`boilerplate`: a string that mostly opens a line (央视网消息, a column's 【heading】) — judged from
  where its occurrences stand, not from its spelling.

Shapes with a second numeral stay formulas (三位一体, 一国两制), and so does a numeral before 个 with a
head that is not a unit (两个确立): whether its numeral belongs to it is for the counts to decide.

>>> [noise_reason(k) for k in ("31个省", "三名航天员", "九·一八", "第一、第二、第三", "两个确立", "五位一体")]
['count', 'count', 'date', 'sequence', None, None]
"""

from __future__ import annotations

import re
from itertools import pairwise

from .data import COUNTING_MEASURES, MEASURES, NUMERALS, UNIT_CHARS, UNIT_WORDS

_NUMBER = f"[0-9{''.join(sorted(NUMERALS))}零〇两几]"
_LEADING_NUMBER_RE = re.compile(rf"^(?:{_NUMBER})+")
_DIGITS_RE = re.compile(r"^[0-9]+")
_SEQUENCE_RE = re.compile(rf"^(?:第?{_NUMBER}+|[A-Za-z])(?:[、，,·.]*(?:第?{_NUMBER}+|[A-Za-z]))*$")
_VALUE = {**{ch: i for i, ch in enumerate("零一二三四五六七八九")}, **{str(i): i for i in range(10)}, "〇": 0}
_DATE_RE = re.compile(rf"^(?:{_NUMBER}+[·.．]?)+(?:[年月日号]|[0-9]*后)?$")


def counted(key: str) -> str | None:
    """A number and a measure word: an ordinary count.

    >>> counted("10个月"), counted("两位数"), counted("两个确立"), counted("三位一体"), counted("211工程")
    ('count', 'count', None, None, None)
    """
    lead = _LEADING_NUMBER_RE.match(key)
    if lead is None or lead.end() == len(key):
        return None
    head = key[lead.end():]
    if any(ch in NUMERALS or ch.isdigit() for ch in head[:3]):
        return None  # a second number makes a shape: 三位一体, 一国两制 (not the 一 of a later 进一步)
    if _DIGITS_RE.match(key) and (head[0] in MEASURES or head[0] in COUNTING_MEASURES or head[0] in UNIT_CHARS):
        return "count"  # Arabic digits before a measure word are always a quantity: 31个省
    if key[0] == "一" and lead.end() == 1 and (head[0] in MEASURES or head[:2] in ("系列", "揽子")):
        return "count"  # 一批重大项目, 一项工作, 一系列: an article and a measure word
    if head[0] in COUNTING_MEASURES or head[0] in UNIT_CHARS:
        return "count"  # 三名航天员, 五年, 两次
    if head[0] in MEASURES and len(head) > 1 and (head[1] in UNIT_CHARS or head[1:].startswith(UNIT_WORDS)):
        return "count"  # 三个月, 两个小时
    return None


def dated(key: str) -> str | None:
    """A date or a year written with numerals, or a generation (00后).

    >>> dated("五一"), dated("九·一八"), dated("2023年"), dated("90后"), dated("十四五"), dated("一九五")
    ('date', 'date', 'date', 'date', None, 'date')
    """
    if len(key) <= 2 and all(ch in NUMERALS for ch in key):
        return "date"  # two numerals alone name a day (五一, 七一); 十四五 has three
    if _DATE_RE.match(key) and any(ch not in NUMERALS for ch in key):
        return "date"
    if len(key) >= 3 and all(ch in "〇零一二三四五六七八九" for ch in key) and key[0] in "一二":
        return "date"  # a year written in numerals (一九五六, 二〇二三), or its start
    return None


def sequence(key: str) -> str | None:
    """Numerals, ordinals or letters only: a list marker, not a name.

    >>> sequence("一二三"), sequence("第一、第二、第三"), sequence("A、B、C"), sequence("一带一路")
    ('sequence', 'sequence', 'sequence', None)
    >>> sequence("一二三四"), sequence("十四五")
    ('sequence', None)
    """
    if re.match(rf"^第{_NUMBER}", key):
        return "sequence"
    if len(key) < 3 or not _SEQUENCE_RE.match(key):
        return None
    if any(ch in "、，,·.第" or (ch.isascii() and ch.isalpha()) for ch in key):
        return "sequence"
    # numerals alone: a count-up (一二三, 123) is a sequence, a plan code (十四五) is not
    values = [_VALUE.get(ch, -1) for ch in key]
    return "sequence" if all(b == a + 1 for a, b in pairwise(values)) else None


BOILERPLATE_SHARE = 0.6  # of occurrences at the start of a line


def boilerplate(line_start: int, count: int) -> str | None:
    """Most occurrences open a line: a dateline, a source tag or a column heading.

    >>> boilerplate(950, 1000), boilerplate(1, 10)
    ('boilerplate', None)
    """
    return "boilerplate" if count >= 3 and line_start >= BOILERPLATE_SHARE * count else None


def noise_reason(key: str) -> str | None:
    """The first noise rule a key falls under, or ``None``."""
    return dated(key) or counted(key) or sequence(key)
