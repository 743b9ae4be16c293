"""Build a glossary for translators: the lexicon entries found in documents (or the whole lexicon),
each with its traditional form, pinyin, how often it occurs and the first sentence it occurs in.

This module only computes rows; ``termkit.export`` turns them into files.

>>> from termkit.corpus import Document
>>> from termkit.lexicon import Entry, Lexicon
>>> from termkit.compile import compile_lexicon
>>> from termkit.match import analyse
>>> lex = Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds", pinyin="sì fēng"),))
>>> docs = [Document("a.txt", "标题\\n坚决反对四风。四风问题要解决。")]
>>> g = build_glossary(analyse(docs, compile_lexicon(lex)))
>>> row = g.rows[0]
>>> (row.entry.id, row.traditional, row.pinyin, row.count, row.context)
('four-winds', '四風', 'sì fēng', 2, '坚决反对四风。')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .lexicon import Entry, Lexicon
from .match import DocumentResult
from .pinyin import derive_pinyin, order_key, reading

GLOSS_SORTS = ("first", "count", "term")
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)】》\"'"
# OpenCC's plain s2t writes its own standard forms (爲, 羣衆, 裏) that traditional-script texts
# rarely use (the seeds: 為 59 times, 爲 never); s2tw gives the common forms, character by
# character, without s2twp's Taiwan vocabulary swaps
TRADITIONAL = "s2tw"
CONTEXT_MAX = 160  # characters; a longer sentence is cut to a window around the term
_WS_RE = re.compile(r"\s+")
_NEWLINE_RE = re.compile(r"[ \t\u3000]*[\r\n\u2028\u2029][\s]*")


@dataclass(frozen=True)
class GlossRow:
    """One glossary line: an entry with what a translator needs next to it.

    ``pinyin_auto`` is True when the entry has no pinyin and it was generated (pypinyin, unchecked).
    ``context`` is the first sentence the term occurs in, ``surface`` the form it had there.
    """

    entry: Entry
    traditional: str
    pinyin: str
    pinyin_auto: bool = False
    count: int = 0
    docs: int = 0
    context: str | None = None
    context_doc: str | None = None
    surface: str | None = None

    @property
    def reading(self) -> str:
        """The pinyin with the term's digits and Latin letters in place (4+1 zhòng yào yāo qiú):
        what a translator reads; ``pinyin`` keeps the lexicon's syllables only."""
        return reading(self.entry.term, self.pinyin)

    def context_parts(self) -> tuple[str, str, str] | None:
        """The context cut around the term as it stands there: (before, term, after), so that a
        format can mark it (one sentence often holds several terms); None without a context, and
        the whole context as ``before`` when the form cannot be found in it.

        >>> from termkit.lexicon import Entry
        >>> e = Entry(id="four-winds", term="四风", gloss="Four Winds")
        >>> GlossRow(e, "四風", "sì fēng", context="反对“四風”问题", surface="四風").context_parts()
        ('反对“', '四風', '”问题')
        """
        if not self.context:
            return None
        surface = _one_line(self.surface or "")
        at = self.context.find(surface) if surface else -1
        if at < 0:
            return self.context, "", ""
        return self.context[:at], surface, self.context[at + len(surface):]


@dataclass(frozen=True)
class Glossary:
    """Glossary rows in output order, and how many documents they were drawn from."""

    rows: tuple[GlossRow, ...]
    documents: int = 0
    whole_lexicon: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Occurrences:
    entry: Entry
    count: int = 0
    docs: int = 0
    context: str | None = None
    context_doc: str | None = None
    surface: str | None = None


def sentence_at(text: str, start: int, end: int, limit: int = CONTEXT_MAX) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``, on one line.

    A sentence ends at 。！？!?… (with any closing quotes after it) or at a line break outside the
    match; line breaks inside it are joined (Chinese needs no space there) and pinyin annotations
    are left out. A sentence longer than ``limit`` is cut to a window around the match, marked with …

    >>> sentence_at("第一句。我们要反对“四风”问题！下一句", 11, 13)
    '我们要反对“四风”问题！'
    """
    # the sentence is looked for at most ``limit`` characters either side: a text without sentence
    # ends would otherwise be walked to its edges once per term (quadratic on a long document)
    floor, ceiling = max(0, start - limit), min(len(text), end + limit)
    lo = start
    while lo > floor and text[lo - 1] not in SENTENCE_END and text[lo - 1] != "\n":
        lo -= 1
    cut_before = lo == floor > 0 and text[lo - 1] not in SENTENCE_END and text[lo - 1] != "\n"
    while lo > 0 and lo < start and text[lo] in CLOSERS:  # a quote closing the previous sentence
        lo += 1
    hi = end
    while hi < ceiling and text[hi] not in SENTENCE_END and text[hi] != "\n":
        hi += 1
    cut_after = hi == ceiling < len(text) and text[hi] not in SENTENCE_END and text[hi] != "\n"
    while hi < len(text) and text[hi] in SENTENCE_END + CLOSERS:
        hi += 1
    if hi - lo > limit:
        # a window of ``limit`` characters around the match, moved to fit inside the sentence
        a = max(lo, min(start - max(0, limit - (end - start)) // 2, hi - limit))
        b = max(end, min(hi, a + limit))
        return ("…" if a > lo or cut_before else "") + _one_line(text[a:b]) + ("…" if b < hi or cut_after else "")
    return _one_line(text[lo:hi])


def _one_line(s: str) -> str:
    """The context as a translator reads it: on one line, pinyin annotations (領(lǐng)) left out.

    >>> _one_line("領(lǐng)導(dǎo)\\n幹部")
    '領導幹部'
    """
    from .normalize import annotation_spans

    spans = annotation_spans(s)
    if spans:
        s = "".join(s[a:b] for a, b in zip([0] + [e for _, e in spans], [st for st, _ in spans] + [len(s)]))
    return _WS_RE.sub(" ", _NEWLINE_RE.sub("", s)).strip()


def collect(results: Iterable[DocumentResult]) -> tuple[dict[str, _Occurrences], int]:
    """Count each entry and keep the first sentence it occurs in, in order of first appearance."""
    seen: dict[str, _Occurrences] = {}
    documents = 0
    for r in results:
        documents += 1
        in_doc: set[str] = set()
        for m in sorted(r.matches, key=lambda m: m.start):
            s = seen.get(m.entry.id)
            if s is None:
                s = seen[m.entry.id] = _Occurrences(m.entry, context=sentence_at(r.doc.text, m.start, m.end),
                                             context_doc=r.doc.id, surface=m.text)
            s.count += 1
            if m.entry.id not in in_doc:
                in_doc.add(m.entry.id)
                s.docs += 1
    return seen, documents


def build_glossary(results: Iterable[DocumentResult], lexicon: Lexicon | None = None, sort: str = "first",
                   to_traditional: Callable[[str], str] | None = None,
                   to_pinyin: Callable[[str], str] | None = None) -> Glossary:
    """Glossary of the entries found in ``results``; with ``lexicon``, of every entry in it
    (entries not found come after the found ones, in lexicon order, with count 0).

    ``sort``: ``first`` (order of first appearance), ``count`` (most frequent first) or ``term``
    (by pinyin, then by the term). The converters default to OpenCC ``s2tw`` and pypinyin, loaded
    only when used.
    """
    if sort not in GLOSS_SORTS:
        raise ValueError(f"unknown sort key {sort!r}; use one of {', '.join(GLOSS_SORTS)}")
    seen, documents = collect(results)
    if lexicon is not None:
        for e in lexicon.entries:
            seen.setdefault(e.id, _Occurrences(e))
    to_traditional = to_traditional or opencc_converter(TRADITIONAL)
    rows = [_row(s, to_traditional, to_pinyin) for s in seen.values()]
    if sort == "count":
        rows.sort(key=lambda r: -r.count)  # stable: ties keep their first-appearance order
    elif sort == "term":
        rows.sort(key=lambda r: (order_key(r.entry.term, r.pinyin), r.entry.id))
    return Glossary(tuple(rows), documents, whole_lexicon=lexicon is not None)


def _row(s: _Occurrences, to_traditional: Callable[[str], str], to_pinyin: Callable[[str], str] | None) -> GlossRow:
    e = s.entry
    if e.pinyin:
        pinyin, auto = e.pinyin, False
    else:
        pinyin, auto = (to_pinyin or derive_pinyin)(e.term) or "", True
    return GlossRow(e, to_traditional(e.term), pinyin, auto, s.count, s.docs, s.context, s.context_doc,
                    s.surface)


@functools.cache
def opencc_converter(config: str = TRADITIONAL) -> Callable[[str], str]:
    """A text converter from OpenCC (imported on first use; one per configuration, loaded once).

    >>> opencc_converter()("以习近平同志为核心的党中央")
    '以習近平同志為核心的黨中央'
    """
    import opencc

    return opencc.OpenCC(config).convert

