"""The matching rules applied to arrays (termkit.batch, the default engine) against the reference, which
applies them hit by hit: the same matches on random lexicons (exclude strings, context rules, dates, word
boundaries) and texts, on the bundled lexicon with generated and real text; the tally made from arrays
equal to the tally made match by match; the overlap rules against their definitions; the matches hidden by
leftmost-longest, the same both ways and what nested matching counts on top."""

from __future__ import annotations

import dataclasses
import functools
import os
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from helpers import SEEDS, arrays_always, drawn_matcher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.batch import _hidden, _leftmost_longest, _nested
from termkit.compile import load_compiled
from termkit.corpus import Document, iter_files, read_documents
from termkit.lexicon import bundled_lexicon_path
from termkit.match import (
    DocumentResult,
    Hit,
    Matcher,
    hidden_entries,
    select_leftmost_longest,
    select_nested,
)
from termkit.normalize import FoldTable
from termkit.per_doc import per_document
from termkit.stats import Tally
from termkit.trend import TrendTally

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("TERMKIT_CORPUS") or ROOT.parent / "shared" / "corpus")
_arrays_always = pytest.fixture(scope="module", autouse=True)(arrays_always)  # compare the array path

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])

# text pieces: terms' characters in both scripts, quotes, spaces, line breaks, sentence ends, annotations
# (some holding a line break, which ends a sentence), Latin letters and digits next to terms
PIECES = ["两", "兩", "\u3000", "\t", "\u00a0", "\ud842", "\udfb7", "\ud842\udfb7", "个", "個", "确", "立", "风", "風", "四", "小", "大", "“", "”", " ", "\n", "。", "；", "(lǐng)",
          "(\nlǐng)", "(lǐng\n)", "(\nda)", "(da\n)", "领", "領", "导", "4", "４", "+", "1", "a", "Ａ", "𠮷", "??"]
TERM_CHARS = ["两", "个", "确", "立", "风", "四", "领", "导", "4", "+", "1", "a", "𠮷"]
AROUND = ["小", "大", "四", "风", "a", "1", "导"]
DATES = [None, "2011", "2012-06", "2013-01-05", "2020"]
term = st.lists(st.sampled_from(TERM_CHARS), min_size=1, max_size=4).map("".join)


@st.composite
def lexicon_specs(draw: st.DrawFn) -> list[dict]:
    """Entries with, at random, exclude strings and every kind of context rule."""
    specs = []
    for word in draw(st.lists(term, min_size=1, max_size=7, unique=True)):
        spec: dict = {"term": word}
        if draw(st.booleans()):
            spec["exclude"] = [draw(st.sampled_from(AROUND)) + word, word + draw(st.sampled_from(AROUND))]
        if draw(st.integers(0, 2)) == 0:
            rules = draw(st.sets(st.sampled_from(["not_after", "not_before", "in_sentence", "not_in_sentence",
                                                  "since"]), min_size=1))
            spec["context"] = {r: ("2012-03" if r == "since" else [draw(st.sampled_from(AROUND))]) for r in rules}
        specs.append(spec)
    return specs


def _found(m: Matcher, text: str, nested: bool, date: str | None = None) -> list[tuple[int, int, str, str]]:
    return [(x.start, x.end, x.text, x.entry.id) for x in m.find(text, nested=nested, date=date)]


@SETTINGS
@given(specs=lexicon_specs(), text=st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
       nested=st.booleans(), date=st.sampled_from(DATES))
def test_arrays_give_the_reference_matches_on_random_lexicons(specs: list[dict], text: str, nested: bool,
                                                               date: str | None, table: FoldTable) -> None:
    fast = drawn_matcher(table, *specs)
    reference = dataclasses.replace(fast, engine="reference")
    assert _found(fast, text, nested, date) == _found(reference, text, nested, date)


@SETTINGS
@given(specs=lexicon_specs(), sentences=st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
                                                  min_size=2, max_size=8), segment=st.integers(3, 30))
def test_arrays_give_the_reference_matches_in_segments(specs: list[dict], sentences: list[str], segment: int,
                                                       table: FoldTable) -> None:
    fast = drawn_matcher(table, *specs)
    text = "。".join(sentences)
    reference = dataclasses.replace(fast, engine="reference")
    got = [(x.start, x.end, x.entry.id) for x in fast.find(text, segment=segment)]
    assert got == [(x.start, x.end, x.entry.id) for x in reference.find(text, segment=segment)]


@SETTINGS
@given(specs=lexicon_specs(), text=st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
       date=st.sampled_from(DATES), segment=st.sampled_from([1 << 20, 3, 12]))
def test_the_hidden_matches_are_the_reference_ones_and_what_nested_adds(specs: list[dict], text: str, date: str | None,
                                                                       segment: int, table: FoldTable) -> None:
    fast = drawn_matcher(table, *specs)
    reference = dataclasses.replace(fast, engine="reference")
    hidden = sorted(fast.spans(text, segment=segment, date=date).hidden.tolist())
    assert hidden == sorted(reference.spans(text, segment=segment, date=date).hidden.tolist())
    assert fast.spans(text, nested=True, segment=segment, date=date).hidden.tolist() == []
    if segment > len(text):  # one piece: per entry, what nested counts more (pieces add up their own)
        count = lambda nested: Counter(x.entry.id for x in fast.find(text, nested=nested, date=date))  # noqa: E731
        assert Counter(fast.entries[i].id for i in hidden) == count(True) - count(False)


@functools.lru_cache(maxsize=1)
def bundled() -> Matcher:
    return load_compiled(bundled_lexicon_path(), use_cache=False).matcher


@functools.lru_cache(maxsize=1)
def ruled_surfaces() -> list[str]:
    """Surface forms of the bundled entries that have context rules or exclude strings (the rules'
    own strings too), and some of the rest."""
    m = bundled()
    out = set()
    for e in m.entries:
        if e.context or e.exclude:
            out.update(e.surfaces)
            out.update(e.exclude)
            if e.context:
                for field in ("not_after", "not_before", "in_sentence", "not_in_sentence"):
                    out.update(getattr(e.context, field))
    out.update(e.term for e in m.entries[::20])
    return sorted(out)


NOISE = ["“", "”", " ", "\n", "。", "；", "，", "(lǐng)", "的", "小", "a", "1", "4+1"]


@SETTINGS
@given(pieces=st.lists(st.one_of(st.sampled_from(NOISE), st.just("").flatmap(lambda _: st.sampled_from(ruled_surfaces()))),
                       max_size=30),
       nested=st.booleans(), date=st.sampled_from(DATES))
def test_arrays_give_the_reference_matches_on_the_bundled_lexicon(pieces: list[str], nested: bool,
                                                                   date: str | None) -> None:
    text = "".join(pieces)
    reference = dataclasses.replace(bundled(), engine="reference")
    assert _found(bundled(), text, nested, date) == _found(reference, text, nested, date)


def test_the_seeds_give_the_reference_matches_with_dates() -> None:
    reference = dataclasses.replace(bundled(), engine="reference")
    for doc in read_documents([str(SEEDS)]):
        for date in (None, "1990", "2024-05"):
            assert _found(bundled(), doc.text, False, date) == _found(reference, doc.text, False, date), doc.id


def _tallies(results: list[DocumentResult]) -> tuple:
    tally, trend = Tally(), TrendTally()
    for r in results:
        tally.add(r)
        trend.add(r)
    return tally.result(), trend.result(top=50), list(per_document(results))


def _both_ways(matcher: Matcher, docs: list[Document]) -> tuple[list[DocumentResult], list[DocumentResult]]:
    """Each document's result as arrays, and as the reference's ``Match`` objects."""
    reference = dataclasses.replace(matcher, engine="reference")
    arrays, objects = [], []
    for d in docs:
        found = matcher.spans(d.text, date=(d.meta or {}).get("date"))
        arrays.append(DocumentResult.from_found(d, found, matcher.entries, []))
        hidden: list[int] = []
        matches = reference.find_reference(d.text, date=(d.meta or {}).get("date"), hidden=hidden)
        objects.append(DocumentResult.from_matches(d, matches, reference, [], hidden))
    return arrays, objects


@SETTINGS
@given(specs=lexicon_specs(), texts=st.lists(st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
                                              max_size=5),
       dates=st.lists(st.sampled_from(DATES), min_size=5, max_size=5))
def test_a_tally_of_arrays_equals_the_tally_of_matches(specs: list[dict], texts: list[str], dates: list,
                                                       table: FoldTable) -> None:
    m = drawn_matcher(table, *specs)
    docs = [Document(f"d{i}", t, meta={"date": dt} if dt else {}) for i, (t, dt) in enumerate(zip(texts, dates))]
    arrays, objects = _both_ways(m, docs)
    assert [r.counts() for r in arrays] == [r.counts() for r in objects]
    assert _tallies(arrays) == _tallies(objects)
    assert arrays == objects  # the Match objects made from the arrays are the reference's


def test_the_seeds_tally_the_same_from_arrays() -> None:
    docs = list(read_documents([str(SEEDS)]))
    arrays, objects = _both_ways(bundled(), docs)
    assert sum(r.match_count for r in arrays) > 50
    assert _tallies(arrays) == _tallies(objects)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the test corpus ({CORPUS}) is absent; set TERMKIT_CORPUS "
                    "to run this (bench/bench_count.py compares the whole of it)")
def test_a_corpus_slice_gives_the_reference_matches_and_tally() -> None:
    firsts: dict[Path, Path] = {}
    for f in iter_files(CORPUS):
        if f.suffix == ".txt":
            firsts.setdefault(f.parent, f)
    docs = list(read_documents([str(f) for f in firsts.values()]))
    arrays, objects = _both_ways(bundled(), docs)
    assert [r.matches for r in arrays] == [r.matches for r in objects]
    assert _tallies(arrays) == _tallies(objects)


hit_lists = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8), st.integers(0, 4)), max_size=40)


@settings(max_examples=500, deadline=None)
@given(raw=hit_lists)
def test_overlap_rules_on_arrays_equal_their_definitions(raw: list[tuple[int, int, int]]) -> None:
    hits = sorted({Hit(s, s + n, x) for s, n, x in raw})  # a place holds one key, so no hit twice
    start, end, entry = (np.array(c, dtype=np.int64) for c in zip(*hits)) if hits else (np.zeros(0, np.int64),) * 3
    if not hits:
        return
    as_tuples = lambda idx: [(int(start[i]), int(end[i]), int(entry[i])) for i in idx]  # noqa: E731
    assert as_tuples(_leftmost_longest(start, end, entry)) == [tuple(h) for h in select_leftmost_longest(hits)]
    by_span = sorted(select_nested(hits), key=lambda h: (h.start, h.end))
    assert as_tuples(_nested(start, end, entry)) == [tuple(h) for h in by_span]
    chosen, taken = set(select_leftmost_longest(hits)), _leftmost_longest(start, end, entry)
    lengths: dict[int, set[int]] = {}
    for h in hits:
        lengths.setdefault(h.entry, set()).add(h.end - h.start)
    nests = np.array([len(lengths.get(x, ())) > 1 for x in range(5)])  # as KeyTable.nests says of the keys
    for table_nests in (nests, np.ones(5, dtype=bool)):  # the shortcut, and the nested pass for every entry
        assert sorted(_hidden(start, end, entry, taken, table_nests).tolist()) == sorted(hidden_entries(hits, chosen))
    assert Counter(hidden_entries(hits, chosen)) == Counter(h.entry for h in select_nested(hits)) - \
        Counter(h.entry for h in chosen)
    far = 1 << 58  # offsets too large for the one-number sort key: the three-key sort is taken
    assert (_leftmost_longest(start + far, end + far, entry) == _leftmost_longest(start, end, entry)).all()
