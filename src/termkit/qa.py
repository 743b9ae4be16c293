"""Terminology check of a translation against the lexicon, as translation QA tools run it against a
termbase: for each segment, every lexicon term in the source and whether the target renders it as
the lexicon says.

Findings, from harmless to serious (``SEVERITY``):

- ``ok``: the target has the entry's gloss or an ``official-variant`` rendering;
- ``other``: it has a rendering the lexicon lists as ``media``, ``scholarly`` or ``literal`` instead;
- ``inconsistent``: the file renders this term in more than one way; the segments that differ from
  its most frequent rendering are marked;
- ``missing``: no rendering the lexicon knows is in the target;
- ``deprecated``: the target has a rendering the lexicon marks deprecated (``One Belt, One Road``).

English is compared with :mod:`termkit.english`'s rule (case, a leading article, plurals, hyphens,
quotes). Source terms are found by the matcher, with all its rules (scripts, quotes, annotations).

>>> from termkit.compile import compile_lexicon
>>> from termkit.bilingual import Segment
>>> from termkit.lexicon import Entry, Lexicon
>>> m = compile_lexicon(Lexicon((Entry(id="bri", term="一带一路", gloss="Belt and Road",
...     alt_glosses=[{"text": "One Belt, One Road", "status": "deprecated"}]),)))
>>> segs = [Segment("f", "1", "共建“一帶一路”", "jointly build the Belt and Road"),
...         Segment("f", "2", "一带一路倡议", "the One Belt One Road initiative")]
>>> [(f.segment, f.finding, f.found) for f in check(segs, m)]
[('1', 'ok', 'Belt and Road'), ('2', 'deprecated', 'One Belt, One Road')]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .bilingual import Segment
from .corpus import Document
from .english import contains_run, words, words_anywhere
from .lexicon import Entry
from .match import Matcher, match_document

SEVERITY = ("ok", "other", "inconsistent", "missing", "deprecated")
ACCEPTED = ("official-variant",)  # alternative renderings that are as good as the gloss


@dataclass(frozen=True)
class Finding:
    """What the target of one segment does with one lexicon term of its source."""

    file: str
    segment: str
    source_term: str  # the term as written in the source
    entry: Entry
    expected: str  # the gloss
    found: str  # the rendering found in the target ('' when none)
    finding: str  # one of SEVERITY

    def record(self) -> dict[str, str]:
        """The machine-format row: ``file, segment, source_term, id, expected, found, finding``."""
        return {"file": self.file, "segment": self.segment, "source_term": self.source_term, "id": self.entry.id,
                "expected": self.expected, "found": self.found, "finding": self.finding}


def classify(entry: Entry, target: str) -> tuple[str, str]:
    """The finding for one entry in one target text, and the rendering found.

    >>> e = Entry(id="x", term="两个维护", gloss="Two Upholds", alt_glosses=[
    ...     {"text": "Two Safeguards", "status": "media"}])
    >>> classify(e, "the two upholds"), classify(e, "Two Safeguards"), classify(e, "two defends")
    (('ok', 'Two Upholds'), ('other', 'Two Safeguards'), ('missing', ''))
    """
    hay = words_anywhere(target)  # the target's words, once for all the renderings tried
    for alt in entry.alt_glosses:
        if alt.status == "deprecated" and contains_run(hay, words(alt.text)):
            return "deprecated", alt.text
    candidates = [(entry.gloss, "ok")] + [(a.text, "ok" if a.status in ACCEPTED else "other")
                                         for a in entry.alt_glosses if a.status != "deprecated"]
    # the longest rendering found wins (Belt and Road Initiative over Belt and Road)
    for text, finding in sorted(candidates, key=lambda c: -len(words(c[0]))):
        if contains_run(hay, words(text)):
            return finding, text
    return "missing", ""


def check_segment(segment: Segment, matcher: Matcher) -> list[Finding]:
    """One finding per lexicon entry found in the segment's source, in source order."""
    result = match_document(Document(f"{segment.file}#{segment.id}", segment.source), matcher)
    findings: dict[str, Finding] = {}
    for m in result.matches:
        if m.entry.id in findings:
            continue
        finding, found = classify(m.entry, segment.target)
        findings[m.entry.id] = Finding(segment.file, segment.id, m.text, m.entry, m.entry.gloss, found, finding)
    return list(findings.values())


def mark_inconsistent(findings: list[Finding]) -> list[Finding]:
    """Within each file, a term rendered in more than one way: the findings that differ from the
    file's most frequent rendering of it (the gloss wins a tie) become ``inconsistent``."""
    used: dict[tuple[str, str], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for f in findings:
        if f.finding in ("ok", "other"):
            used[(f.file, f.entry.id)][words(f.found)] += 1
    norm = {}
    for key, counts in used.items():
        if len(counts) > 1:
            gloss = words(next(f.expected for f in findings if (f.file, f.entry.id) == key))
            norm[key] = max(counts, key=lambda w: (counts[w], w == gloss))
    return [replace(f, finding="inconsistent") if (f.file, f.entry.id) in norm and f.finding in ("ok", "other")
            and words(f.found) != norm[(f.file, f.entry.id)] else f for f in findings]


def check(segments: Iterable[Segment], matcher: Matcher) -> list[Finding]:
    """All findings of the segments, in order, with inconsistent renderings marked per file."""
    findings = [f for s in segments for f in check_segment(s, matcher)]
    return mark_inconsistent(findings)


def at_or_above(findings: Iterable[Finding], level: str) -> list[Finding]:
    """The findings at least as serious as ``level``.

    >>> at_or_above([], "missing")
    []
    """
    floor = SEVERITY.index(level)
    return [f for f in findings if SEVERITY.index(f.finding) >= floor]


def summary(findings: Iterable[Finding]) -> list[tuple[Entry, Counter[str]]]:
    """Per entry (first appearance order), how many findings of each kind."""
    by_entry: dict[str, tuple[Entry, Counter[str]]] = {}
    for f in findings:
        by_entry.setdefault(f.entry.id, (f.entry, Counter()))[1][f.finding] += 1
    return list(by_entry.values())
