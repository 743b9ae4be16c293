"""Matching semantics: data-driven cases (tests/cases/matching.jsonl) and a brute-force reference
compared with the automaton on random inputs."""

from __future__ import annotations

import re

import pytest
from helpers import load_cases, make_matcher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.chardata import is_han
from termkit.match import Hit, select_leftmost_longest
from termkit.normalize import DROP, FoldTable


def _specs(terms: list) -> list[dict]:
    return [t if isinstance(t, dict) else {"term": t} for t in terms]


@pytest.mark.parametrize("case", load_cases("matching"))
def test_case(case: dict, table: FoldTable) -> None:
    m = make_matcher(table, *_specs(case["terms"]))
    found = m.find(case["text"], nested=case.get("nested", False), date=case.get("date"))
    got = sorted([x.start, x.end, x.text] for x in found)
    assert got == sorted(case["spans"])
    for x in found:
        assert case["text"][x.start:x.end] == x.text
    if "dropped" in case:  # what a context rule dropped, and which rule: [start, end, rule]
        dropped = m.find_dropped(case["text"], nested=case.get("nested", False), date=case.get("date"))
        assert sorted([d.match.start, d.match.end, d.rule] for d in dropped) == sorted(case["dropped"])


# --- brute-force reference --------------------------------------------------------------------

ANNOTATION = re.compile(r"[(（]\s?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿê]{1,6}[1-5]?\s?[)）]")


def reference_annotations(text: str) -> dict[int, int]:
    return {m.start(): m.end() for m in ANNOTATION.finditer(text) if m.start() > 0 and is_han(text[m.start() - 1])}


def reference_fold(text: str, table: FoldTable) -> tuple[str, list[int]]:
    """Character by character, in plain Python: the folded text and each character's origin."""
    mapping = dict(zip(table.keys.tolist(), table.values.tolist()))
    dropped = set()
    for start, end in reference_annotations(text).items():
        dropped.update(range(start, end))
    out, origin = [], []
    for i, ch in enumerate(text):
        code = mapping.get(ord(ch), ord(ch))
        if code != DROP and i not in dropped:
            out.append(chr(code))
            origin.append(i)
    return "".join(out), origin


def reference_find(text: str, specs: list[dict], table: FoldTable, nested: bool = False) -> list[tuple]:
    folded, origin = reference_fold(text, table)
    keys = []
    for i, s in enumerate(specs):
        for surface in [s["term"], *s.get("variants", [])]:
            keys.append((reference_fold(surface, table)[0], i, False))
        for ex in s.get("exclude", []):
            keys.append((reference_fold(ex, table)[0], i, True))
    hits, excluded = [], []
    for start in range(len(folded)):
        for key, entry, is_exclude in keys:
            if key and folded.startswith(key, start):
                if is_exclude:
                    excluded.append((start, start + len(key), entry))
                else:
                    hits.append(Hit(start, start + len(key), entry))
    notes = reference_annotations(text)
    mapping = dict(zip(table.keys.tolist(), table.values.tolist()))

    def word(ch: str) -> bool:
        ch = chr(mapping.get(ord(ch), ord(ch)) or 32)
        return ch.isascii() and ch.isalnum()

    def span(h: Hit) -> tuple[int, int]:
        last = origin[h.end - 1] + 1
        return origin[h.start], notes.get(last, last)

    def at_boundary(h: Hit) -> bool:
        s, e = span(h)
        if word(folded[h.start]) and s > 0 and word(text[s - 1]):
            return False
        return not (word(folded[h.end - 1]) and e < len(text) and word(text[e]))

    hits = [h for h in hits if not any(s <= h.start and h.end <= e and x == h.entry for s, e, x in excluded)]
    hits = [h for h in hits if at_boundary(h)]
    if not nested:
        hits = select_leftmost_longest(hits)
    return sorted((*span(h), h.entry) for h in hits)


PIECES = ["两", "兩", "个", "個", "确", "確", "立", "风", "風", "四", "中", "央", "“", "”", "「", "」", " ", "\n",
          "(lǐng)", "(dǎo)", "领", "領", "导", "導", "4", "４", "+", "＋", "1", "１", "a", "Ａ", "?", "、", "𠮷"]
TERM_CHARS = ["两", "个", "确", "立", "风", "四", "中", "央", "领", "导", "4", "+", "1", "a", "𠮷"]

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
def _terms(min_len: int) -> st.SearchStrategy[list[str]]:
    word = st.lists(st.sampled_from(TERM_CHARS), min_size=min_len, max_size=4).map("".join)
    return st.lists(word, min_size=1, max_size=6, unique=True)


terms = _terms(1)  # one-character keys: the automaton scans the whole text
long_terms = _terms(2)  # keys of two or more only


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, words=st.one_of(terms, long_terms), nested=st.booleans(), data=st.data())
def test_matches_brute_force_reference(text: str, words: list[str], nested: bool, data: st.DataObject,
                                       table: FoldTable) -> None:
    specs = [{"term": w} for w in words]
    # give some entries an exclude string made of the term and a neighbour
    for s in specs:
        if data.draw(st.booleans()):
            s["exclude"] = [s["term"] + data.draw(st.sampled_from(TERM_CHARS))]
    folded_keys = [reference_fold(s["term"], table)[0] for s in specs]
    if len(set(folded_keys)) != len(folded_keys):
        return  # two entries claiming one surface is a lexicon error, tested elsewhere
    m = make_matcher(table, *specs)
    got = sorted((x.start, x.end, int(x.entry.id[1:])) for x in m.find(text, nested=nested))
    assert got == reference_find(text, specs, table, nested)


def test_leftmost_longest_prefers_longer_at_same_start() -> None:
    picked = select_leftmost_longest([Hit(0, 2, 0), Hit(0, 4, 1), Hit(3, 5, 2)])
    assert [(c.start, c.end) for c in picked] == [(0, 4)]


def test_lookup_by_any_surface(table: FoldTable) -> None:
    m = make_matcher(table, {"term": "两个维护", "variants": ["两维护"]})
    assert m.lookup("兩個維護").id == "e0"
    assert m.lookup("“两维护”").id == "e0"
    assert m.lookup("两个确立") is None


def test_empty_lexicon_finds_nothing(table: FoldTable) -> None:
    assert make_matcher(table).find("两个确立") == []


def test_a_small_run_takes_the_plain_path_and_finds_what_the_arrays_find() -> None:
    """A matcher's first PLAIN_TEXT characters are matched on the reference path (plain Python, no NumPy);
    then on the arrays. Both give the same results, arrays and counts included."""
    import numpy as np
    from helpers import SEEDS

    from termkit import match
    from termkit.compile import load_compiled
    from termkit.corpus import read_documents
    from termkit.counting import count_result
    from termkit.lexicon import bundled_lexicon_path

    matcher = load_compiled(bundled_lexicon_path(), use_cache=False).matcher
    docs = [d for d in read_documents([str(SEEDS)]) if 0 < len(d.text) <= match.PLAIN_TEXT // 4][:4]
    assert docs
    plain = [match.match_document(d, matcher) for d in docs]
    assert all(r._found is None for r in plain)  # made on the plain path: Match objects
    matcher._plain = match.PLAIN_TEXT + 1  # as after a run's first PLAIN_TEXT characters
    arrays = [match.match_document(d, matcher) for d in docs]
    assert all(r._matches is None for r in arrays)  # made on the array path
    assert sum(r.match_count for r in arrays) > 0
    for p, a in zip(plain, arrays):
        assert p == a and p.counts() == a.counts() and p.characters == a.characters
        assert count_result(p) == count_result(a) and p.entry_indices() == a.found.entry.tolist()
        for field in ("start", "end", "entry"):
            assert np.array_equal(getattr(p.found, field), getattr(a.found, field))
    assert matcher.takes_plain_path(1) is False
