"""Exact recount of a few hundred candidate strings over the documents (the second pass).

Counting runs on the text folded as for matching (quotes, spaces and script folded away), with
one Aho-Corasick automaton over the candidates; an occurrence inside a term the lexicon knows
does not count, and a candidate ending in a letter or digit does not match inside a longer run
(4+1 is not in 14+12).

>>> from termkit.compile import compile_lexicon
>>> from termkit.corpus import Document
>>> from termkit.lexicon import Lexicon
>>> r = recount(["四风"], [Document("a", "反对“四風”，纠治四风")], compile_lexicon(Lexicon(())), 4)
>>> r["四风"].count, r["四风"].docs, r["四风"].example, r["四风"].example_span
(2, 1, '反对“四風”，纠治', (3, 5))
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..match import Matcher, at_word_boundary, select_leftmost_longest
from .data import FOREIGN_ACTORS, NAME_AFTER, NAME_BEFORE, POLICY_VERBS, TITLE_AFTER

if TYPE_CHECKING:
    from ..corpus import Document

MAX_FORMS = 8  # original spellings kept per key (the most frequent one is shown)
LEAD_IN = frozenset(" \t\u3000【〖[(（“‘「『《")
OPEN_QUOTES = frozenset("“‘「『〝﹁﹃\"'")
CLOSE_QUOTES = frozenset("”’」』〞〟﹂﹄\"'")
_YEAR_BEFORE = re.compile(r"(?:19|20)[0-9]{2}年?(?:度|的)?$")  # 2023年“最美巾帼奋斗者”, 《2023开学第一课》
_LATIN_AFTER = re.compile(r"[A-Z]{2,}")  # 中国天眼FAST, “人造太阳”EAST: a thing's own code name
# what :meth:`Recount.note` reads beside each of a long input's million occurrences, precompiled: the characters it
# leaves out on either side (every whitespace character is at or below U+3000), a sentence's end, a foreign actor
_NO_LEAD_IN = str.maketrans("", "", "".join(LEAD_IN))
_NO_CLOSE_OR_SPACE = str.maketrans("", "", "".join(CLOSE_QUOTES) + "".join(
    ch for ch in map(chr, range(0x3001)) if ch.isspace()))
_SENTENCE_END = re.compile(r"[。！？\n]")
_FOREIGN = re.compile("|".join(map(re.escape, FOREIGN_ACTORS)))


@dataclass
class Recount:
    """Exact evidence for one key: occurrences, documents, the first example (and where the key stands
    in it), how many occurrences stand in quotation marks or open a line, and its original spellings
    with their counts."""

    count: int = 0
    docs: int = 0
    example: str = ""
    example_span: tuple[int, int] | None = None  # [start, end) of the occurrence in ``example``
    quoted: int = 0
    line_start: int = 0
    after_verb: int = 0
    named: int = 0  # occurrences a thing's name stands in: 被誉为“中国天眼”, 台风“泰利”, “星舰”火箭, 中国天眼FAST
    yearly: int = 0  # occurrences right after a year: an annual event, award or programme (2023年“最美巾帼奋斗者”)
    foreign: int = 0  # occurrences after a foreign country or actor in the same sentence (美方宣布…, 以军对…)
    titled: int = 0  # occurrences before what an event or a programme is (“国乐之春”艺术节, “重温经典”频道)
    contrast: int = 0  # quoted as what a contrast leaves behind or half a pair: 从“沙进人退”到…, 既“放得活”又“管得住”
    listed: int = 0  # occurrences right before 等: examples of an open list (社会组织、人道救助、志愿服务、慈善事业等)
    # occurrences that begin or end inside a known term and run out of it: cut across the term (现代化全面推进强国 of
    # 以中国式现代化全面推进强国建设, across 中国式现代化)
    straddling: int = 0
    forms: dict[str, int] = field(default_factory=dict)
    periods: dict[str, int] = field(default_factory=dict)  # occurrences per dated month (YYYY-MM)

    def written(self, key: str) -> str:
        """The most frequent original spelling, in the simplified script as the lexicon writes terms:
        1+2+X for the key 1+2+x, and 乡村著名行动 (as written) for its key 乡村着名行动, which folding
        spells with 着; a traditional spelling goes through OpenCC's phrase-aware ``t2s``, so 鄉村著名行動
        is shown as 乡村著名行动 too. The key itself when no spelling was kept.

        >>> r = Recount(forms={"鄉村著名行動": 2, "乡村著名行动": 1})
        >>> r.written("乡村着名行动")
        '乡村著名行动'
        >>> Recount(forms={"一要吃饭，二要建设": 1}).written("一要吃饭,二要建设")  # the key's comma is folded
        '一要吃饭，二要建设'
        """
        shown: dict[str, int] = {}
        for form, n in self.forms.items():
            simple = _simplified(form)
            if len(_han(simple)) == len(_han(key)):
                shown[simple] = shown.get(simple, 0) + n
        return max(shown, key=lambda f: (shown[f], _han(f) == _han(key))) if shown else key

    def note(self, text: str, start: int, end: int) -> None:
        """Count one occurrence at ``text[start:end]`` (original offsets)."""
        form = "".join(text[start:end].split())
        if form in self.forms or len(self.forms) < MAX_FORMS:
            self.forms[form] = self.forms.get(form, 0) + 1
        quoted = start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES
        self.quoted += quoted
        self.contrast += quoted and _contrasted(text, start, end)
        left = text[max(0, start - 4):start].translate(_NO_LEAD_IN)
        self.after_verb += left.endswith(POLICY_VERBS)
        wide = text[max(0, start - 8):start].translate(_NO_LEAD_IN)
        right = text[end:end + 6].translate(_NO_CLOSE_OR_SPACE)
        self.named += (wide.endswith(NAME_BEFORE) or (right.startswith(NAME_AFTER) and not right.startswith("号召"))
                       or bool(_LATIN_AFTER.match(right)))
        self.yearly += bool(_YEAR_BEFORE.search(wide))
        self.titled += right.startswith(TITLE_AFTER)
        self.listed += right.startswith("等")
        clause = _SENTENCE_END.split(text[max(0, start - 12):start])[-1]
        self.foreign += _FOREIGN.search(clause) is not None
        i = start - 1
        while i >= 0 and text[i] in LEAD_IN:
            i -= 1
        self.line_start += i < 0 or text[i] == "\n"


def _contrasted(text: str, start: int, end: int) -> bool:
    """Whether the quoted ``text[start:end]`` is a side of a contrast that is left behind or only half of a pair:
    the first of 从“A”到“B” or 由“A”向“B” (what is left: 沙进人退; the second, what is reached, may be the formula:
    绿进沙退), either of 既“A”又“B”.

    >>> t = "从“跟跑”到“领跑”"
    >>> _contrasted(t, 2, 4), _contrasted(t, 7, 9), _contrasted("既“放得活”又“管得住”", 8, 11)
    (True, False, True)
    >>> _contrasted("坚持“两个确立”", 3, 7)
    False
    """
    before, after = text[max(0, start - 3) : start - 1], text[end + 1 : end + 2]
    return (before[-1:] in ("从", "由", "既") or after in ("到", "向", "又")
            or (before[-1:] == "又" and before[:1] in CLOSE_QUOTES))


def recount(keys: list[str], docs: Iterable[Document], matcher: Matcher, context: int,
            aliases: dict[str, list[str]] | None = None, whole: Collection[str] = ()) -> dict[str, Recount]:
    """Occurrences, documents and a first example (with ``context`` characters each side).
    ``aliases`` gives other surface forms that count for a key (a pair joined by 与 for 和); keys in
    ``whole`` count inside known terms too (they are the known terms)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    folded_keys: dict[str, list[str]] = {}
    for key in keys:
        for form in [key, *(aliases or {}).get(key, ())]:
            fk = matcher.fold(form).text
            if fk and key not in folded_keys.get(fk, ()):
                folded_keys.setdefault(fk, []).append(key)
    for i, fk in enumerate(folded_keys):
        auto.add_word(fk, (i, len(fk)))
    result = {k: Recount() for k in keys}
    if not folded_keys:
        return result
    auto.make_automaton()
    names = list(folded_keys)
    for doc in docs:
        folded = matcher.fold(doc.text)
        month = str((getattr(doc, "meta", None) or {}).get("date", ""))[:7]
        known = _known_spans(folded.text, matcher)
        seen: set[str] = set()
        hits = []
        for end, (i, length) in auto.iter(folded.text):
            start = end - length + 1
            if _bounded(folded.text, start, end + 1):
                hits.append((i, start, end + 1))
        spans = folded.original_spans([(start, stop) for _, start, stop in hits])  # mapped at once: see Folded
        for (i, start, stop), (s, e) in zip(hits, spans, strict=True):
            inside = _inside(known, start, stop)
            straddling = not inside and _straddles(known, start, stop)
            for key in folded_keys[names[i]]:
                if inside and key not in whole:
                    continue
                r = result[key]
                r.count += 1
                r.straddling += straddling
                if key not in seen:
                    r.docs += 1
                    seen.add(key)
                r.note(doc.text, s, e)
                if month:
                    r.periods[month] = r.periods.get(month, 0) + 1
                if not r.example:
                    r.example, *span = _context(doc.text, s, e, context)
                    r.example_span = (span[0], span[1])
    return result


def _simplified(text: str) -> str:
    """``text`` in the simplified script, by OpenCC's ``t2s`` (words first, then characters)."""
    from ..gloss import opencc_converter

    return opencc_converter("t2s")(text)


def _han(text: str) -> str:
    """The characters of ``text`` that spell a term: CJK ones, less spaces and punctuation (quotation marks, and the
    full-width comma that the folded key writes as ``,``).

    >>> _han("“一要吃饭，二要建设”"), _han("一要吃饭,二要建设")
    ('一要吃饭二要建设', '一要吃饭二要建设')
    """
    return "".join(ch for ch in text if ord(ch) > 0x2FFF and not ch.isspace()
                   and not unicodedata.category(ch).startswith("P"))  # quotation marks are punctuation too


def _known_spans(text: str, matcher: Matcher) -> tuple[list[int], list[int]]:
    """The starts and ends of the known terms' matches in ``text`` (leftmost-longest, so in order and apart)."""
    if not len(matcher.entries):
        return [], []
    spans = [(c.start, c.end) for c in select_leftmost_longest(matcher.candidates(text))]
    return [s for s, _ in spans], [e for _, e in spans]


def _inside(known: tuple[list[int], list[int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(known[0], start) - 1
    return i >= 0 and known[1][i] >= end


def _straddles(known: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """``[start, end)`` begins inside a known span and ends after it, or begins before one and ends inside it.

    >>> spans = ([1, 10], [6, 14])
    >>> _straddles(spans, 3, 9), _straddles(spans, 8, 12), _straddles(spans, 6, 10), _straddles(spans, 0, 7)
    (True, True, False, False)
    """
    starts, ends = known
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and starts[i] < start < ends[i] < end:
        return True
    j = bisect.bisect_right(starts, end - 1) - 1
    return j >= 0 and start < starts[j] < end < ends[j]


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return at_word_boundary(text[start], text[end - 1], before, after)


def _context(text: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """``text[start:end]`` with up to ``width`` characters each side on its line, stripped, and where
    the occurrence stands in it.

    >>> _context("第一行\\n  坚持“四风”问题\\n", 9, 11, 5)
    ('坚持“四风”问题', 3, 5)
    """
    left = text[max(0, start - width):start].rsplit("\n", 1)[-1]
    right = text[end:end + width].split("\n", 1)[0]
    whole = f"{left}{text[start:end]}{right}"
    example = whole.strip()
    at = max(len(left) - (len(whole) - len(whole.lstrip())), 0)
    return example, at, min(at + end - start, len(example))
