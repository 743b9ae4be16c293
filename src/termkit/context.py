"""Context rules: conditions on a match's surroundings that keep a short or generic term to its own
sense (the ``context:`` block of a lexicon entry, see docs/lexicon-schema.md).

The rules are compiled once per entry into folded strings (:func:`compile_rule`), so that they
see the text exactly as the matcher does: 小“三通” is after 小, and a traditional-script sentence
holds a simplified ``in_sentence`` word. :func:`text_drop` judges one candidate against the
text; :func:`date_drop` judges a document's date against ``since``. The matcher calls both in one
place (``Matcher._apply_context``).

>>> from termkit.lexicon import Context
>>> from termkit.normalize import FoldTable
>>> rule = compile_rule(Context(not_after=("小",), since="2012"), FoldTable.build())
>>> text_drop(rule, "两岸小三通航线", 3, 5, lambda: "两岸小三通航线")
Drop(rule='not_after', detail='小')
>>> date_drop(rule, "2011-05"), date_drop(rule, "2012"), date_drop(rule, None)
(Drop(rule='since', detail='2012'), None, None)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import Context
from .normalize import FoldTable, Lut, fold_term

# Characters that end a sentence for ``in_sentence`` / ``not_in_sentence`` (in the original text).
SENTENCE_ENDS = "。！？；!?;\n"


@dataclass(frozen=True)
class Drop:
    """Why a context rule dropped a match: the rule's name and the string (or date) that decided."""

    rule: str
    detail: str


@dataclass(frozen=True)
class ContextRule:
    """An entry's ``context:`` with every string folded the way documents are folded."""

    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    not_in_sentence: tuple[str, ...] = ()
    in_sentence: tuple[str, ...] = ()
    since: str | None = None

    @property
    def needs_text(self) -> bool:
        return bool(self.not_after or self.not_before or self.not_in_sentence or self.in_sentence)

    @property
    def reach(self) -> int:
        """How far the rule looks past a match on either side: its longest ``not_after`` / ``not_before`` string.

        >>> ContextRule(not_after=("中共",), not_before=("工作会议",)).reach
        4
        """
        return max(map(len, (*self.not_after, *self.not_before)), default=0)


def compile_rule(context: Context, table: FoldTable, lut: Lut | None = None) -> ContextRule:
    """Fold every string of a ``context:`` block (empty results are kept out; the lint reports them)."""

    def folded(strings: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(f for f in (fold_term(s, table, lut) for s in strings) if f)

    return ContextRule(folded(context.not_after), folded(context.not_before), folded(context.not_in_sentence),
                       folded(context.in_sentence), context.since)


def text_drop(rule: ContextRule, folded_text: str, start: int, end: int,
              sentence: Callable[[], str]) -> Drop | None:
    """The first text rule that drops the candidate ``folded_text[start:end]``, or None.

    ``sentence`` gives the folded sentence around the candidate; it is called only when a sentence
    rule needs it.
    """
    # one call tests all the strings; which one decided is looked for only when one did
    if rule.not_after and folded_text.endswith(rule.not_after, 0, start):
        return Drop("not_after", next(s for s in rule.not_after if folded_text.endswith(s, 0, start)))
    if rule.not_before and folded_text.startswith(rule.not_before, end):
        return Drop("not_before", next(s for s in rule.not_before if folded_text.startswith(s, end)))
    if rule.not_in_sentence or rule.in_sentence:
        text = sentence()
        for s in rule.not_in_sentence:
            if s in text:
                return Drop("not_in_sentence", s)
        if rule.in_sentence and not any(s in text for s in rule.in_sentence):
            return Drop("in_sentence", "none of " + "、".join(rule.in_sentence))
    return None


def date_drop(rule: ContextRule, date: str | None) -> Drop | None:
    """``since``: drop when the document is dated before it. Dates compare at the precision both have,
    so a document dated 2012 is kept for ``since: 2012-11``; an undated document is always kept.

    >>> r = ContextRule(since="2012-11")
    >>> [bool(date_drop(r, d)) for d in ("2012-10-31", "2012", "2012-11", "2011", None)]
    [True, False, False, True, False]
    """
    if not rule.since or not date:
        return None
    n = min(len(date), len(rule.since))
    return Drop("since", rule.since) if date[:n] < rule.since[:n] else None


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The ``[a, b)`` span of the sentence holding ``text[start:end]``: from after the last
    sentence end before it to the first one after it (the end character left out).

    >>> t = "第一句。小三通航线；第三句"
    >>> a, b = sentence_span(t, 4, 7)
    >>> t[a:b]
    '小三通航线'
    """
    # look near the match first: a search to the text's edge for an end character the text lacks
    # would read all of a long document for every match
    for lo in (max(0, start - 512), 0):
        a = max(text.rfind(ch, lo, start) for ch in SENTENCE_ENDS)
        if a >= 0 or lo == 0:
            break
    for hi in (end + 512, len(text)):
        ends = [i for i in (text.find(ch, end, hi) for ch in SENTENCE_ENDS) if i >= 0]
        if ends or hi >= len(text):
            break
    return a + 1, min(ends, default=len(text))
