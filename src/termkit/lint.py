"""Lint rules over a lexicon: mistakes a schema cannot see (wrong expansion counts, pinyin that does
not fit the term, ``related`` ids that do not exist, surfaces that can never match …).

Each rule is a small function registered once in :data:`RULES` under the name that appears in its
problems; :func:`lint` runs them all, :func:`check_lexicon` adds the checks that already live in
``lexicon.py`` (schema, ``duplicate-id``) and ``compile.py`` (``surface``, ``duplicate-surface``).

>>> from termkit.lexicon import Entry, Lexicon
>>> lex = Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds", pinyin="sì fēng",
...                      category="formula", expansion=("形式主义", "官僚主义")),))
>>> [(p.rule, p.severity) for p in lint(lex)]
[('expansion-count', 'error'), ('expansion-en-missing', 'warning')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .chardata import CLASSIFIERS, NUMERAL_VALUES, ORDINAL_MARKERS, TERM_NUMERALS, TONE_MARKS, is_han
from .lexicon import Entry, Lexicon, LexiconPath, Problem

if TYPE_CHECKING:
    from .match import Matcher

RuleFunc = Callable[["Lexicon", "Matcher | None"], Iterator[Problem]]


@dataclass(frozen=True)
class Rule:
    """A named lint rule; ``needs_matcher`` rules are skipped when the lexicon does not compile."""

    name: str
    func: RuleFunc
    needs_matcher: bool = False


RULES: dict[str, Rule] = {}


def rule(name: str, needs_matcher: bool = False) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule under ``name`` (the name its problems carry)."""

    def register(func: RuleFunc) -> RuleFunc:
        if name in RULES:
            raise ValueError(f"lint rule {name!r} registered twice")
        RULES[name] = Rule(name, func, needs_matcher)
        return func

    return register


def lint(lexicon: Lexicon, matcher: Matcher | None = None) -> list[Problem]:
    """Run every registered rule; rules that need a matcher are skipped when ``matcher`` is None.

    >>> from termkit.lexicon import Entry, Lexicon
    >>> lint(Lexicon((Entry(id="a", term="两个维护", gloss="x", pinyin="liǎng gè wéi hù", related=("b",)),)))[0].message
    "'a' is related to 'b', which does not exist"
    """
    problems: list[Problem] = []
    ran: set[str] = set()
    for r in RULES.values():
        if r.needs_matcher and matcher is None:
            continue
        ran.add(r.name)
        problems.extend(r.func(lexicon, matcher))
    return _apply_skips(lexicon, problems, ran)


def _apply_skips(lexicon: Lexicon, problems: list[Problem], ran: set[str]) -> list[Problem]:
    """Drop the problems an entry's ``lint_skip`` names; report unknown names (error) and skips that
    suppressed nothing (warning; only for rules that ran, so a lexicon that does not compile does not
    make every matcher-rule skip look stale).

    >>> from termkit.lexicon import Entry, Lexicon
    >>> e = Entry(id="two-faced", term="两面人", gloss="two-faced person", pinyin="liǎng miàn rén",
    ...           lint_skip=("expansion-missing", "no-such-rule"))
    >>> [(p.rule, p.severity) for p in lint(Lexicon((e,)))]
    [('lint-skip-unknown', 'error')]
    """
    skips = {(lexicon.locations.get(e.id), name): e for e in lexicon.entries for name in e.lint_skip}
    if not skips:
        return problems
    kept: list[Problem] = []
    used: set[tuple[object, str]] = set()
    for p in problems:
        key = (p.location, p.rule)
        if key in skips:
            used.add(key)
        else:
            kept.append(p)
    for (where, name), e in skips.items():
        if name not in RULES:
            kept.append(_problem(lexicon, e, f"{e.term} ({e.id!r}) skips {name!r}, which is no lint rule "
                                 f"(rules: {', '.join(RULES)})", "lint-skip-unknown"))
        elif name in ran and (where, name) not in used:
            kept.append(_problem(lexicon, e, f"{e.term} ({e.id!r}) skips {name!r}, which finds nothing to "
                                 "report on it: remove the skip", "lint-skip-unused", "warning"))
    return kept


def check_lexicon(path: LexiconPath) -> tuple[Lexicon, list[Problem]]:
    """Everything ``termkit lexicon check`` reports: schema, ids, surfaces and the lint rules,
    sorted by file and line. The matcher rules run only when the lexicon compiles."""
    from .compile import compile_lexicon, surface_problems
    from .errors import LexiconError
    from .lexicon import read_lexicon
    from .normalize import FoldTable

    table = FoldTable.build()  # once: the surface checks and the compiled matcher share it
    lexicon, problems = read_lexicon(path)
    problems += surface_problems(lexicon, table)
    matcher = None
    if not any(p.rule in ("surface", "duplicate-surface") for p in problems):
        try:
            matcher = compile_lexicon(lexicon, table)
        except LexiconError:
            matcher = None
    problems = problems + lint(lexicon, matcher)
    return lexicon, sorted(problems, key=_where)


def _where(p: Problem) -> tuple[str, int]:
    return (p.location.file, p.location.line) if p.location else ("", 0)


def _problem(lexicon: Lexicon, e: Entry, message: str, rule: str, severity: str = "error") -> Problem:
    return Problem(lexicon.locations.get(e.id), message, severity, rule)


# ── related ────────────────────────────────────────────────────────────────────────────────


@rule("related-missing")
def related_missing(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Error: a ``related`` id that names no entry of the lexicon."""
    ids = lexicon.by_id
    for e in lexicon.entries:
        for rid in e.related:
            if rid not in ids:
                yield _problem(lexicon, e, f"{e.id!r} is related to {rid!r}, which does not exist",
                               "related-missing")


# ── numbered formulas ──────────────────────────────────────────────────────────────────────

# Numerals, classifiers and ordinal markers are character data (termkit.chardata); 大 after a count
# above ten is an ordinal too (二十大).
_NUMERAL_RUN = re.compile(f"^[{TERM_NUMERALS}]+")


def parse_count(run: str) -> int | None:
    """The value of a leading numeral run when it is a plain count from 2 to 99, else None.

    Reduplicated digits count once (八八战略 is the "Eight-Eight" strategy of eight points); 一, 百,
    千 and 万 are not counts of items (一把手, 百花齐放, 千万工程); runs like 九二 (a year) are not numbers.

    >>> [parse_count(r) for r in ("两", "十四", "二十", "八八", "九二", "千万", "一", "十")]
    [2, 14, 20, 8, None, None, None, 10]
    """
    if len(run) == 2 and run[0] == run[1] and run[0] in NUMERAL_VALUES:
        return NUMERAL_VALUES[run[0]]
    if run in NUMERAL_VALUES:
        return NUMERAL_VALUES[run]
    m = re.fullmatch(r"([二三四五六七八九]?)十([一二三四五六七八九]?)", run)
    if not m:
        return None
    tens, ones = m.groups()
    return (NUMERAL_VALUES[tens] if tens else 1) * 10 + ("一二三四五六七八九".index(ones) + 1 if ones else 0)


def expected_items(e: Entry) -> tuple[int, bool] | None:
    """How many items a numbered formula's expansion should have, and whether the term is *clearly*
    numbered (so that a missing expansion is worth a warning). None when the term is not judged.

    Judged: a leading count (see :func:`parse_count`) followed by more text, where no other numeral
    comes later (三会一课, 四不两直, 五位一体, 一国两制 are compounds and are left alone), except that
    after a classifier (两个…, 四项…) a later numeral not itself followed by a classifier is part of the
    noun (两个一百年 → 2; but 三大纪律八项注意 is a compound). Clearly numbered: a classifier follows the
    count, or the count is reduplicated (八八战略), or the category is ``formula`` (四风, 三农).
    Ordinals are not judged: 十九届…, 三中全会, and 大 after a count above ten (十八大, 二十大); nor are
    four-character terms of two numbered halves (三支一扶: 支 is a verb there, not a classifier).

    >>> from termkit.lexicon import Entry
    >>> [expected_items(Entry(id="x", term=t, gloss="x", category=c)) for t, c in
    ...  [("两个维护", "formula"), ("四风", "formula"), ("八八战略", "local"), ("两个一百年", "formula"),
    ...   ("三会一课", "method"), ("四下基层", "method"), ("十八大报告", "event"), ("三支一扶", "policy")]]
    [(2, True), (4, True), (8, True), (2, True), None, (4, False), None, None]
    """
    m = _NUMERAL_RUN.match(e.term)
    if not m or len(e.term) == m.end():
        return None
    run, rest = m.group(), e.term[m.end():]
    n = parse_count(run)
    if n is None:
        return None
    if rest[0] in ORDINAL_MARKERS or rest.startswith("中全会") or (rest[0] == "大" and n > 10):
        return None
    if len(run) == 1 and len(rest) == 3 and rest[1] in TERM_NUMERALS:  # 三支一扶, 三会一课: two halves
        return None
    has_classifier = rest[0] in CLASSIFIERS and len(rest) > 1
    later = re.finditer(f"[{TERM_NUMERALS}]+(.?)", rest[1:] if has_classifier else rest)
    if has_classifier:
        if any(x.group(1) and x.group(1) in CLASSIFIERS for x in later):
            return None
    elif any(True for _ in later):
        return None
    reduplicated = len(run) == 2 and run[0] == run[1]
    return n, has_classifier or reduplicated or e.category == "formula"


@rule("expansion-count")
def expansion_count(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Error: a numbered formula whose ``expansion`` has another number of items than its numeral
    (四风 → 4). Only terms :func:`expected_items` judges are checked."""
    for e in lexicon.entries:
        judged = expected_items(e)
        if judged and e.expansion and len(e.expansion) != judged[0]:
            yield _problem(lexicon, e, f"{e.term} ({e.id!r}) is numbered {judged[0]} but its expansion has "
                           f"{len(e.expansion)} items", "expansion-count")


@rule("expansion-missing")
def expansion_missing(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: a clearly numbered formula (see :func:`expected_items`) without an ``expansion``."""
    for e in lexicon.entries:
        judged = expected_items(e)
        if judged and judged[1] and not e.expansion:
            yield _problem(lexicon, e, f"{e.term} ({e.id!r}) is a numbered formula ({judged[0]}) without an "
                           "expansion", "expansion-missing", "warning")


@rule("expansion-en-missing")
def expansion_en_missing(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: an ``expansion`` without ``expansion_en``: a translator needs each item in English too
    (``show``, glossaries and TBX carry them). The schema already refuses a count that differs."""
    for e in lexicon.entries:
        if e.expansion and not e.expansion_en:
            judged = expected_items(e)
            what = f"a numbered formula ({judged[0]})" if judged else "an entry"
            yield _problem(lexicon, e, f"{e.term} ({e.id!r}) is {what} with an expansion but no expansion_en",
                           "expansion-en-missing", "warning")


# ── pinyin ─────────────────────────────────────────────────────────────────────────────────

# Characters often read in the neutral tone, whose syllable rightly carries no mark (的 de, 子 zi).
NEUTRAL_TONE_CHARS = "的了着过们么子头吗呢吧啊"


@rule("missing-pinyin")
def missing_pinyin(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: an entry whose term has Han characters but no ``pinyin``."""
    for e in lexicon.entries:
        if not e.pinyin and any(is_han(c) for c in e.term):
            yield _problem(lexicon, e, f"{e.term} ({e.id!r}) has no pinyin", "missing-pinyin", "warning")


@rule("pinyin-length")
def pinyin_length(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Error: the pinyin has not one syllable (space-separated) per Han character of the term."""
    for e in lexicon.entries:
        if not e.pinyin:
            continue
        han, syllables = sum(map(is_han, e.term)), len(e.pinyin.split())
        if han != syllables:
            yield _problem(lexicon, e, f"{e.term} ({e.id!r}) has {han} Han characters but its pinyin "
                           f"{e.pinyin!r} has {syllables} syllables", "pinyin-length")


@rule("pinyin-tones")
def pinyin_tones(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: a syllable without a tone mark (unless its character is in
    :data:`NEUTRAL_TONE_CHARS`), or with tone numbers or capitals instead of lowercase tone marks."""
    for e in lexicon.entries:
        if not e.pinyin:
            continue
        syllables = e.pinyin.split()
        han = [c for c in e.term if is_han(c)]
        chars = han if len(han) == len(syllables) else [""] * len(syllables)
        bad = [s for s, c in zip(syllables, chars)
               if re.search(r"[0-9A-Z]", s) or (not set(s) & set(TONE_MARKS) and c not in NEUTRAL_TONE_CHARS)]
        if bad:
            yield _problem(lexicon, e, f"{e.term} ({e.id!r}): pinyin syllables without tone marks: "
                           f"{' '.join(bad)}", "pinyin-tones", "warning")


# The tone the lexicon writes for a character whose tone changes before another (一 yí/yì, 不 bú): its own, as
# pypinyin gives it and as the lexicon wrote 163 of its 177 syllables of 一 and 不 when this rule was added, so
# that a glossary's pinyin column treats 一企一策 as it treats 一国两制.
CITATION_TONES = {"一": ("yī", ("yí", "yì")), "不": ("bù", ("bú",))}


@rule("pinyin-sandhi")
def pinyin_sandhi(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: 一 or 不 written with the tone it takes before another syllable (yí, yì, bú) instead of its own
    (:data:`CITATION_TONES`), when the pinyin has one syllable per Han character.

    >>> e = Entry(id="one-firm-one-policy", term="一企一策", gloss="x", pinyin="yì qǐ yí cè")
    >>> [p.message for p in pinyin_sandhi(Lexicon((e,)), None)]
    ["一企一策 ('one-firm-one-policy'): pinyin writes 一 as yì, yí; the lexicon writes its own tone, yī"]
    """
    for e in lexicon.entries:
        if not e.pinyin:
            continue
        syllables = e.pinyin.split()
        han = [c for c in e.term if is_han(c)]
        if len(han) != len(syllables):
            continue  # pinyin-length says so
        for char, (own, changed) in CITATION_TONES.items():
            found = [s for c, s in zip(han, syllables) if c == char and s.lower() in changed]
            if found:
                yield _problem(lexicon, e, f"{e.term} ({e.id!r}): pinyin writes {char} as {', '.join(found)}; the "
                               f"lexicon writes its own tone, {own}", "pinyin-sandhi", "warning")


# ── renderings and scope ───────────────────────────────────────────────────────────────────


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


@rule("deprecated-gloss")
def deprecated_gloss(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Error: an ``alt_glosses`` item marked ``deprecated`` that equals the gloss itself (ignoring
    case and spacing): translators would be told to use and to avoid the same rendering."""
    for e in lexicon.entries:
        for alt in e.alt_glosses:
            if alt.status == "deprecated" and _same_text(alt.text, e.gloss):
                yield _problem(lexicon, e, f"{e.id!r}: the gloss {e.gloss!r} is also listed as deprecated",
                               "deprecated-gloss")


@rule("gloss-placeholder")
def gloss_placeholder(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Error: a gloss still holding the placeholder of a generated stub (``TODO: …``)."""
    for e in lexicon.entries:
        if e.gloss.strip().upper().startswith("TODO"):
            yield _problem(lexicon, e, f"{e.id!r}: the gloss is a placeholder ({e.gloss!r}); write the rendering",
                           "gloss-placeholder")


@rule("official-source")
def official_source(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: ``gloss_status: official`` without a ``source`` saying whose rendering it is."""
    for e in lexicon.entries:
        if e.gloss_status == "official" and not e.source:
            yield _problem(lexicon, e, f"{e.id!r}: gloss_status is official but no source is given",
                           "official-source", "warning")


@rule("place-without-level")
def place_without_level(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: a ``place`` on a ``central`` entry (a local formula missing its ``level``). The
    opposite, a non-central ``level`` without ``place``, is a schema error of the Entry model."""
    for e in lexicon.entries:
        if e.place and e.level == "central":
            yield _problem(lexicon, e, f"{e.id!r} has place {e.place!r} but level central (set level: "
                           "provincial, municipal or county)", "place-without-level", "warning")


# ── surfaces that never match ──────────────────────────────────────────────────────────────


@rule("never-matches", needs_matcher=True)
def never_matches(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Surfaces the compiled matcher can never report for their entry.

    The test is exact: a surface S can match in *some* text if and only if it matches, as its own
    entry and over its whole length, in the text made of S alone. That text is the most favourable
    context: nothing to its left can win "leftmost", nothing longer than S fits in it, its edges
    satisfy the Latin/digit boundary rule, and a surrounding text can only add occurrences of
    ``exclude`` strings, never remove them. So S fails alone when its folded form equals one of its
    own entry's excludes, folds to nothing, or belongs to another entry (two entries cannot share a
    folded key; the compiler refuses that, reported as ``duplicate-surface``). Containment in a longer
    surface never shadows: leftmost-longest still picks S wherever the longer surface is absent.

    Error when no surface of the entry can match (the entry is dead); warning for one dead variant.
    """
    assert matcher is not None
    for e in lexicon.entries:
        surfaces = list(dict.fromkeys(e.surfaces))
        dead = [s for s in surfaces if not _matches_alone(matcher, s, e)]
        if len(dead) == len(surfaces):
            yield _problem(lexicon, e, f"{e.id!r} can never match: no surface of it is found even in a text "
                           "made of that surface alone (is it in its own exclude list?)", "never-matches")
        elif dead:
            yield _problem(lexicon, e, f"{e.id!r}: surface {'、'.join(dead)} can never match (is it in its own "
                           "exclude list?)", "never-matches", "warning")


def _matches_alone(matcher: Matcher, surface: str, e: Entry) -> bool:
    from .match import select_leftmost_longest

    folded = matcher.fold(surface).text
    chosen = select_leftmost_longest(matcher.candidates(folded))
    return any(c.start == 0 and c.end == len(folded) and matcher.entries[c.entry].id == e.id for c in chosen)


@rule("redundant-variant", needs_matcher=True)
def redundant_variant(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: a variant that folds to the same key as another surface of its entry (traditional
    script, full-width forms and quotes are folded automatically, so it adds nothing)."""
    assert matcher is not None
    for e in lexicon.entries:
        seen: dict[str, str] = {}
        for s in e.surfaces:
            key = matcher.fold(s).text
            if key in seen and seen[key] != s:
                yield _problem(lexicon, e, f"{e.id!r}: variant {s!r} folds to the same form as {seen[key]!r} "
                               "(script, width and quote variants are automatic)", "redundant-variant", "warning")
            seen.setdefault(key, s)


# ── context rules ──────────────────────────────────────────────────────────────────────────


@rule("context", needs_matcher=True)
def context_rules(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Context rules that cannot work (see docs/lexicon-schema.md, "Context rules").

    Errors: a string that folds to nothing (it would drop, or keep, every match); an ``in_sentence`` or
    ``not_in_sentence`` string holding a sentence end (never inside one sentence); a ``not_in_sentence``
    string found in a surface of the entry (every match of that surface is dropped). Warning: an
    ``in_sentence`` string found in every surface (the rule keeps everything).
    """
    from .context import SENTENCE_ENDS

    assert matcher is not None
    for e in lexicon.entries:
        c = e.context
        if c is None:
            continue
        surfaces = [matcher.fold(s).text for s in e.surfaces]
        for key in ("not_after", "not_before", "not_in_sentence", "in_sentence"):
            for s in getattr(c, key):
                folded = matcher.fold(s).text
                if not folded:
                    yield _problem(lexicon, e, f"{e.id!r}: context {key} {s!r} is empty after folding", "context")
                elif key.endswith("in_sentence") and any(ch in s for ch in SENTENCE_ENDS):
                    yield _problem(lexicon, e, f"{e.id!r}: context {key} {s!r} holds a sentence end, so it is "
                                   "never inside one sentence", "context")
                elif key == "not_in_sentence" and any(folded in f for f in surfaces):
                    yield _problem(lexicon, e, f"{e.id!r}: context not_in_sentence {s!r} is part of the term, "
                                   "so every match is dropped", "context")
                elif key == "in_sentence" and all(folded in f for f in surfaces):
                    yield _problem(lexicon, e, f"{e.id!r}: context in_sentence {s!r} is part of the term, so "
                                   "the rule keeps every match", "context", "warning")


# ── English target forms ───────────────────────────────────────────────────────────────────

_ENDINGS_IS = ("e", "ed", "es", "ing", "er", "ers", "ation", "ations", "ational")
_ENDINGS_LL = ("ed", "ing", "er", "ers")
_ENDINGS_WORD = ("", "s", "d", "ed", "es", "er", "ers", "ing", "able", "ably", "ite", "ites", "ment", "ments")


def spelling_endings(stem: str) -> tuple[str, ...]:
    """The endings a British stem of ``spelling.tsv`` takes (so that ``emphasis`` is not ``emphasise``).

    >>> spelling_endings("modernis")[:2], spelling_endings("travell")[0], spelling_endings("labour")[0]
    (('e', 'ed'), 'ed', '')
    """
    if stem.endswith(("is", "ys")):
        return _ENDINGS_IS
    return _ENDINGS_LL if stem.endswith("ll") else _ENDINGS_WORD


def british_spellings() -> dict[str, str]:
    """Every British word form of ``spelling.tsv`` mapped to its American form (lower case).

    >>> forms = british_spellings()
    >>> forms["modernisation"], forms["civilised"], forms["centred"], "emphasis" in forms
    ('modernization', 'civilized', 'centered', False)
    """
    from importlib.resources import files

    forms: dict[str, str] = {}
    for line in files("termkit").joinpath("spelling.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            british, american = line.split("\t")
            for ending in spelling_endings(british):
                # centre → center: centred → centered
                us_ending = "ed" if ending == "d" and british.endswith("re") and american.endswith("er") else ending
                forms[british + ending] = american + us_ending
    return forms


def english_fields(e: Entry) -> Iterator[tuple[str, str]]:
    """The English target text of an entry, as ``(field, text)``: what translators and exports use."""
    yield "gloss", e.gloss
    for alt in e.alt_glosses:
        yield "alt_glosses", alt.text
    for name in ("literal", "definition"):
        if value := getattr(e, name):
            yield name, value
    for item in e.expansion_en:
        yield "expansion_en", item


_WORD = re.compile(r"[A-Za-z]+")


@rule("british-spelling")
def british_spelling(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: a British spelling (from ``spelling.tsv``) in an English field; the lexicon writes American
    English, as China's official English outlets do (modernization, civilized, labor, program)."""
    forms = british_spellings()
    for e in lexicon.entries:
        found: dict[str, str] = {}
        for name, text in english_fields(e):
            for word in _WORD.findall(text):
                american = forms.get(word.lower())
                if american:
                    found.setdefault(word, f"{word} → {american} ({name})")
        if found:
            yield _problem(lexicon, e, f"{e.id!r}: British spelling: {'; '.join(found.values())}",
                           "british-spelling", "warning")


@rule("gloss-article")
def gloss_article(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: a gloss that starts with a lower-case "the". A target term is the term alone (the
    translator's sentence supplies the article); write "The" only where it belongs to a name or the gloss
    is a sentence (The Party commands the gun)."""
    for e in lexicon.entries:
        if e.gloss.startswith("the "):
            yield _problem(lexicon, e, f"{e.id!r}: gloss {e.gloss!r} starts with 'the' (leave it out, or write "
                           "'The' if it belongs to a name or a sentence)", "gloss-article", "warning")


@rule("gloss-brackets")
def gloss_brackets(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: brackets in a gloss. Glossary and TBX exports use the gloss as the target term, so an
    explanation in brackets belongs in ``definition``."""
    for e in lexicon.entries:
        if re.search(r"[()\[\]（）【】]", e.gloss):
            yield _problem(lexicon, e, f"{e.id!r}: gloss {e.gloss!r} has brackets (move the explanation to the "
                           "definition)", "gloss-brackets", "warning")


# ── hidden characters ──────────────────────────────────────────────────────────────────────

# control characters other than line break and tab, and bidirectional controls: a terminal or an
# editor acts on them (U+202E shows "abc" as "cba", ESC starts a terminal command), so a reader
# would see something other than what the lexicon holds
_HIDDEN_RE = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]")


@rule("hidden-characters")
def hidden_characters(lexicon: Lexicon, matcher: Matcher | None) -> Iterator[Problem]:
    """Warning: a control or bidirectional-control character in any text of an entry.

    >>> lex = Lexicon((Entry(id="a", term="四风", gloss="Four\\u202eWinds"),))
    >>> [p.message for p in hidden_characters(lex, None)]
    ["'a' gloss holds U+202E (a control or bidi character a reader would not see)"]
    """
    for e in lexicon.entries:
        for key, value in e.to_dict().items():
            m = next((m for s in _strings(value) if (m := _HIDDEN_RE.search(s))), None)
            if m:
                yield _problem(lexicon, e, f"{e.id!r} {key} holds U+{ord(m.group()):04X} (a control or bidi "
                               "character a reader would not see)", "hidden-characters", "warning")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
