"""Corpus triage: show that the lexicon is complete against a corpus.

Two kinds of candidate are drawn from a corpus, independently of any lexicon:

- **quoted**: a string of 2 … 16 characters between “ ” or 「 」 (no quotation mark or line break
  inside), counted where it stands quoted, script, width and case folded as for matching, so
  「一國兩制」 and “一国两制” are one candidate, ``一国两制``;
- **numbered**: strings of a numbered shape (:func:`numbered_spans`), found by shape alone — no
  ranking, screen or noise rule of ``discover`` decides what is a candidate, so a change there does
  not change the list: number codes (``4+1``, ``211工程``, the numbered pattern of
  :func:`termkit.discover.patterns.number_codes`), numbered halves (``一国两制``, ``三去一降一补``) and a
  counted head that ends where the text marks an end (``两个确立，``, ``四项基本原则”``).

Each candidate at or above its threshold must be either *matched* by the lexicon (one entry
matches the candidate whole) or listed in the triage file with a decision and a reason. The triage
file is TSV with the columns ``candidate, count, kind, decision, reason``; lines starting with
``#`` are comments. ``decision`` is ``entry`` (the lexicon should have it: the reason says where
the entry is) or ``reject`` (the reason starts with one of :data:`REJECT_REASONS`).

>>> from termkit.compile import compile_lexicon
>>> from termkit.corpus import Document
>>> from termkit.lexicon import Entry, Lexicon
>>> m = compile_lexicon(Lexicon((Entry(id="octs", term="一国两制", gloss="one country, two systems"),)))
>>> docs = [Document("a", "坚持「一國兩制」，推进“一国两制”，“放管服”改革，“放管服”。")]
>>> quoted = quoted_counts(docs, m)
>>> sorted(quoted.items())
[('一国两制', 2), ('放管服', 2)]
>>> header = "candidate\\tcount\\tkind\\tdecision\\treason\\n"
>>> rows = parse_triage(header + "放管服\\t2\\tquoted\\tentry\\tin staging: x.yaml\\n")
>>> cands = [TriageCandidate(k, n, "quoted") for k, n in quoted.items()]
>>> r = check(cands, m, rows)
>>> [c.candidate for c in r.matched], [c.candidate for c in r.triaged], r.missing
(['一国两制'], ['放管服'], [])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .chardata import HAN_CLASS
from .errors import InputError

QUOTED_MIN = 8  # a quoted string counts from this many quoted occurrences
NUMBERED_MIN = 5  # a numbered formula counts from this many occurrences
QUOTED_RE = re.compile(r"“([^“”「」\n]{2,16})”|「([^“”「」\n]{2,16})」")
COLUMNS = ("candidate", "count", "kind", "decision", "reason")
KINDS = ("quoted", "numbered", "quoted+numbered")
DECISIONS = ("entry", "reject")
REJECT_REASONS = (
    "ordinary phrase",  # everyday wording, quoted for emphasis
    "name",  # a place, organisation, person, product, project, ship, weapon, storm, programme title
    "event",  # an event, festival, anniversary, day, exhibition, award
    "quotation",  # a quoted remark, headline or line of a text
    "too ambiguous",  # a formula in some texts, ordinary words in most
    "fragment",  # part of a longer candidate or term
    "count or date",  # a number, a count, a date, a plan period used as a date
    "foreign term",  # another country's formula or name, reported
    "media phrase",  # a broadcaster's or newspaper's own column, series or catchword
    "slogan of a campaign group",  # a slogan of a non-official movement or party
    "run of known terms",  # lexicon terms listed one after another (一国两制、港人治港 …), each matched
)


@dataclass(frozen=True)
class TriageCandidate:
    """One candidate: its folded form, its count and how it was found."""

    candidate: str
    count: int
    kind: str


@dataclass(frozen=True)
class TriageRow:
    """One line of the triage file."""

    candidate: str
    count: int
    kind: str
    decision: str
    reason: str
    line: int = 0


@dataclass(frozen=True)
class TriageReport:
    """Candidates matched by the lexicon, triaged by the file, and neither (``missing``)."""

    matched: list[TriageCandidate]
    triaged: list[TriageCandidate]
    missing: list[TriageCandidate]


def corpus_files(root: str | Path) -> list[Path]:
    """The text files of the test corpus that count: every ``*.txt`` below ``root`` except
    ``encodings/``, whose files are the same texts as two others in legacy encodings (counting them
    would count those texts twice)."""
    root = Path(root)
    return sorted(p for p in root.rglob("*.txt") if "encodings" not in p.relative_to(root).parts)


def quoted_counts(docs: Iterable[Any], matcher: Any) -> Counter[str]:
    """Quoted occurrences of every quoted string (2 … 16 characters), keyed by its folded form."""
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(quoted_keys(doc.text, matcher))
    return counts


def quoted_keys(text: str, matcher: Any) -> Iterator[str]:
    """The folded form of each quoted string (2 … 16 characters) of one text, in order."""
    for m in QUOTED_RE.finditer(text):
        key = matcher.fold(m.group(1) or m.group(2)).text
        if len(key) >= 2:
            yield key


# numerals that count items (百, 千 and 万 count none: 百花齐放, 千万工程 are found when quoted)
_NUM = "一二两三四五六七八九十"
_NOT_NUM = f"(?:(?![{_NUM}])[{HAN_CLASS}])"
# two or more numbered halves: 一国两制, 三会一课, 三去一降一补 (the second character of each half is checked
# in :func:`numbered_spans`: not a numeral, measure word or unit, and not one half repeated)
HALVES_RE = re.compile(f"(?<![{_NUM}百千万零〇0-9])(?:[{_NUM}]{_NOT_NUM}){{2,4}}(?![{_NUM}百千万零〇0-9])")
# a count of one or two numerals (not an ordinal: 第二个结合), a measure word and a head of 2-4 characters,
# ended by punctuation or a quotation mark: 两个确立， 四项基本原则” 三大攻坚战、
COUNTED_RE = re.compile(f"(?<![第{_NUM}百千万零〇0-9])([{_NUM}]{{1,2}})([个项大条种])([{HAN_CLASS}]{{2,4}})"
                        "(?=[，。；、：！？”）,.;:!?)\\n ])")


def numbered_spans(text: str) -> Iterator[str]:
    """Strings of a numbered shape in a discovery view (folded text, quotation marks kept): number codes,
    numbered halves, and a counted head that ends at punctuation. Shape only: a count of days or a
    list of ordinary words passes when it has the shape (the triage file rejects it with its reason);
    amounts, dates, ordinals (二十大), counts of units or things (三个月, 两个方面, 31个省) and one thing
    (一个问题) do not have it.

    >>> list(numbered_spans("推进“一国两制”，三去一降一补，坚持两个毫不动摇，实施211工程，4+1模式"))
    ['4+1', '211工程', '一国两制', '三去一降一补', '两个毫不动摇']
    >>> list(numbered_spans("一千五百人，一月一日，一步一步，二十大代表，第二个答案，三个方面，31个省，一个问题。"))
    []
    """
    from .discover.data import COUNTING_MEASURES, MEASURES, UNIT_CHARS, UNIT_WORDS
    from .discover.patterns import number_codes

    counted = MEASURES | COUNTING_MEASURES | UNIT_CHARS
    for key, _, _ in number_codes(text):
        head = key.lstrip("0123456789")
        if "+" in key or not head or head[0] not in counted:  # not a count: 31个省, 10个月, 20名同学
            yield key
    for m in HALVES_RE.finditer(text):
        s = m.group()
        heads = s[1::2]
        if all(h not in MEASURES and h not in UNIT_CHARS for h in heads) and len(set(heads)) == len(heads):
            yield s
    for m in COUNTED_RE.finditer(text):
        count, measure, head = m.groups()
        ordinal = measure == "大" and len(count) > 1  # 十八大, 二十大
        # 一 counts no items (一个问题, 一项重要任务: one thing among others)
        if count != "一" and not ordinal and head[0] not in UNIT_CHARS and not head.startswith(UNIT_WORDS):
            yield m.group()


def numbered_counts(docs: Iterable[Any], matcher: Any) -> Counter[str]:
    """Occurrences of every numbered-shape string (:func:`numbered_spans`), keyed by its folded form.
    Each document is read through its discovery view, folded as for matching with the same length;
    pass a matcher of an empty lexicon, so that the list is the same whatever the lexicon holds."""
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(numbered_keys(doc.text, matcher))
    return counts


def numbered_keys(text: str, matcher: Any) -> Iterator[str]:
    """The folded form of each numbered-shape string of one text (read through its discovery view)."""
    from .discover.view import make_view

    for key in numbered_spans(make_view(text, matcher).text):
        key = matcher.fold(key).text
        if len(key) >= 2:
            yield key


def corpus_candidates(root: str | Path, quoted_min: int = QUOTED_MIN, numbered_min: int = NUMBERED_MIN
                      ) -> list[TriageCandidate]:
    """Both kinds of candidate from the corpus below ``root`` (see :func:`corpus_files`)."""
    from .compile import compile_lexicon
    from .corpus import read_documents
    from .lexicon import Lexicon

    files = [str(f) for f in corpus_files(root)]
    matcher = compile_lexicon(Lexicon(()))
    quoted: Counter[str] = Counter()
    numbered: Counter[str] = Counter()
    for doc in read_documents(files):  # one reading of the corpus feeds both counts
        quoted.update(quoted_keys(doc.text, matcher))
        numbered.update(numbered_keys(doc.text, matcher))
    return candidates(quoted, numbered, quoted_min, numbered_min)


def candidates(quoted: dict[str, int], numbered: dict[str, int], quoted_min: int = QUOTED_MIN,
               numbered_min: int = NUMBERED_MIN) -> list[TriageCandidate]:
    """Merge both kinds, each at or above its threshold (one candidate per string; its count is the larger
    one), most frequent first.

    >>> [(c.candidate, c.count, c.kind) for c in candidates({"两新": 148, "好": 9, "少": 2}, {"两新": 151, "三x": 4})]
    [('两新', 151, 'quoted+numbered'), ('好', 9, 'quoted')]
    """
    quoted = {k: n for k, n in quoted.items() if n >= quoted_min}
    numbered = {k: n for k, n in numbered.items() if n >= numbered_min}
    out = []
    for k in quoted.keys() | numbered.keys():
        q, n = k in quoted, k in numbered
        kind = "quoted+numbered" if q and n else "quoted" if q else "numbered"
        out.append(TriageCandidate(k, max(quoted.get(k, 0), numbered.get(k, 0)), kind))
    return sorted(out, key=lambda c: (-c.count, c.candidate))


def matched_whole(candidate: str, matcher: Any) -> bool:
    """True when the candidate is a surface form of an entry, or one lexicon match covers all of it.
    An entry's ``context`` rules are not applied: they judge the text around a match, which a
    candidate on its own does not have.

    >>> from termkit.compile import compile_lexicon
    >>> from termkit.lexicon import Context, Entry, Lexicon
    >>> m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),
    ...     Entry(id="x", term="三通", gloss="x", context=Context(in_sentence=("台湾",))))))
    >>> matched_whole("四風", m), matched_whole("反对四风", m), matched_whole("三通", m)
    (True, False, True)
    """
    if matcher.lookup(candidate) is not None:
        return True
    found = matcher.find(candidate)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(candidate)


def merge_lexicons(lexicons: Iterable[Any], fold: Callable[[str], str]) -> Any:
    """One lexicon from several (the bundled one and curators' drafts): the first entry to claim an id
    or a folded surface form keeps it, a later entry that claims either again is left out.

    >>> from termkit.compile import compile_lexicon
    >>> from termkit.lexicon import Entry, Lexicon
    >>> fold = compile_lexicon(Lexicon(())).fold
    >>> a = Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),))
    >>> b = Lexicon((Entry(id="x", term="四風", gloss="x"),
    ...              Entry(id="two-sessions", term="两会", gloss="two sessions")))
    >>> [e.id for e in merge_lexicons([a, b], lambda s: fold(s).text).entries]
    ['four-winds', 'two-sessions']
    """
    from .lexicon import Lexicon

    entries, ids, surfaces = [], set(), set()
    for lexicon in lexicons:
        for e in lexicon.entries:
            keys = {fold(s) for s in e.surfaces}
            if e.id in ids or keys & surfaces:
                continue
            entries.append(e)
            ids.add(e.id)
            surfaces |= keys
    return Lexicon(tuple(entries))


def check(cands: Iterable[TriageCandidate], matcher: Any, rows: Iterable[TriageRow]) -> TriageReport:
    """Sort every candidate into matched, triaged or missing."""
    listed = {r.candidate for r in rows}
    matched, triaged, missing = [], [], []
    for c in cands:
        if matched_whole(c.candidate, matcher):
            matched.append(c)
        elif c.candidate in listed:
            triaged.append(c)
        else:
            missing.append(c)
    return TriageReport(matched, triaged, missing)


def parse_triage(text: str, name: str = "<triage>", fold: Callable[[str], str] | None = None
                 ) -> list[TriageRow]:
    """Read and check a triage file; :class:`InputError` names the file and line of a bad row.
    With ``fold``, a candidate must be written in its folded form (as candidates are keyed).

    >>> parse_triage("candidate\\tcount\\tkind\\tdecision\\treason\\n好\\t9\\tquoted\\treject\\twhy\\n", "t.tsv")
    Traceback (most recent call last):
    ...
    termkit.errors.InputError: t.tsv:2: reason 'why' of a rejection must start with one of: ordinary phrase, ...
    """
    rows: list[TriageRow] = []
    header_seen = False
    for number, line in _lines(text):
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise InputError(f"{name}:{number}: the header must be {' '.join(COLUMNS)} (tab-separated)")
            header_seen = True
            continue
        row = _row(cells, name, number, fold)
        if rows and (-row.count, row.candidate) <= (-rows[-1].count, rows[-1].candidate):
            raise InputError(f"{name}:{number}: rows must be sorted by count (descending) and then candidate,"
                             f" without repeats: {row.candidate!r} after {rows[-1].candidate!r}")
        rows.append(row)
    if not header_seen:
        raise InputError(f"{name}: no header line")
    return rows


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line.rstrip("\r")


def _row(cells: list[str], name: str, number: int, fold: Callable[[str], str] | None) -> TriageRow:
    where = f"{name}:{number}"
    if len(cells) != len(COLUMNS):
        raise InputError(f"{where}: {len(cells)} columns, expected {len(COLUMNS)} ({', '.join(COLUMNS)})")
    cand, count, kind, decision, reason = (c.strip() for c in cells)
    if not cand or (fold is not None and fold(cand) != cand):
        raise InputError(f"{where}: candidate {cand!r} is not in its folded form")
    if not count.isdigit() or int(count) < 1:
        raise InputError(f"{where}: count {count!r} is not a positive number")
    if kind not in KINDS:
        raise InputError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if decision not in DECISIONS:
        raise InputError(f"{where}: decision {decision!r} is not one of {', '.join(DECISIONS)}")
    if not reason:
        raise InputError(f"{where}: a reason is needed")
    if decision == "reject" and not reason.startswith(REJECT_REASONS):
        raise InputError(f"{where}: reason {reason!r} of a rejection must start with one of: "
                         f"{', '.join(REJECT_REASONS)}")
    return TriageRow(cand, int(count), kind, decision, reason, number)


def read_triage(path: str | Path, fold: Callable[[str], str] | None = None) -> list[TriageRow]:
    """:func:`parse_triage` on a file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc
    return parse_triage(text, str(path), fold)


def format_rows(rows: Iterable[TriageRow | TriageCandidate]) -> str:
    """TSV lines (no header) for rows or, with empty decision and reason, for candidates."""
    out = []
    for r in rows:
        decision, reason = (r.decision, r.reason) if isinstance(r, TriageRow) else ("", "")
        out.append("\t".join((r.candidate, str(r.count), r.kind, decision, reason)))
    return "".join(line + "\n" for line in out)
