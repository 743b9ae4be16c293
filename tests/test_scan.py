"""The fast scan (ahocorasick_rs over code units) against its definition, the pyahocorasick automaton:
the same key occurrences on random texts and keys, and the same matches from the whole matcher on
random inputs, on the seeds and (when present) on the test corpus."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import ahocorasick
import pytest
from helpers import SEEDS, arrays_always, drawn_matcher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit import scan
from termkit.compile import load_compiled
from termkit.corpus import iter_files, read_documents
from termkit.lexicon import bundled_lexicon_path
from termkit.match import Matcher
from termkit.normalize import FoldTable, to_codes

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("TERMKIT_CORPUS") or ROOT.parent / "shared" / "corpus")
_arrays_always = pytest.fixture(scope="module", autouse=True)(arrays_always)  # compare the array path

# characters whose UTF-16/UTF-32 bytes overlap in awkward ways: one code unit's high byte equal to
# another's low byte (a hit at an odd byte offset), astral characters, lone surrogates
ALPHABET = ["四", "风", "党", "\u5b5b", "\u5b5c", "\u5c5b", "a", "b", "\u6100", "\u0061\u6100", "𠮷", "𠮸",
            "\ud842", "\udfb7", "中", "国", "\u0100", "\u0001"]
texts = st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join)
keys = st.lists(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=4).map("".join),
                min_size=1, max_size=8, unique=True)


def _automaton(words: list[str]) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for i, w in enumerate(words):
        a.add_word(w, (len(w), i, ()))
    a.make_automaton()
    return a


try:
    import hyperscan  # noqa: F401

    HYPERSCAN = True
except ImportError:
    HYPERSCAN = False
BACKENDS = [("ahocorasick_rs", 0), ("ahocorasick_rs", scan.DFA_AFTER),
            pytest.param("hyperscan", 0, marks=pytest.mark.skipif(
                not HYPERSCAN, reason="hyperscan is not installed (pip install 'termkit[fast]')"))]


@pytest.mark.parametrize(("backend", "dfa_after"), BACKENDS, ids=["rs-dfa", "rs-nfa", "hyperscan"])
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, words=keys)
def test_fast_hits_are_the_reference_hits(text: str, words: list[str], backend: str, dfa_after: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "DFA_AFTER", dfa_after)
    a = _automaton(words)
    assert sorted(scan.FastScan(a, backend).hits(to_codes(text))) == sorted(scan.reference_hits(a, text))


PIECES = ["两", "兩", "个", "個", "确", "立", "风", "風", "四", "“", "”", " ", "\n", "(lǐng)", "领", "領", "导",
          "4", "４", "+", "1", "a", "Ａ", "𠮷", "。"]
TERM_CHARS = ["两", "个", "确", "立", "风", "四", "领", "导", "4", "+", "1", "a", "𠮷"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.sampled_from(PIECES), max_size=50).map("".join),
       words=st.lists(st.lists(st.sampled_from(TERM_CHARS), min_size=1, max_size=4).map("".join),
                      min_size=1, max_size=6, unique=True),
       nested=st.booleans(), data=st.data())
def test_matcher_gives_the_same_matches_on_either_engine(text: str, words: list[str], nested: bool,
                                                          data: st.DataObject, table: FoldTable) -> None:
    specs = [{"term": w} for w in words]
    for s in specs:
        if data.draw(st.booleans()):
            s["exclude"] = [s["term"] + data.draw(st.sampled_from(TERM_CHARS))]
    fast = drawn_matcher(table, *specs)
    assert _found(fast, text, nested) == _found(dataclasses.replace(fast, engine="reference"), text, nested)


def _found(m: Matcher, text: str, nested: bool = False) -> list[tuple[int, int, str]]:
    return [(x.start, x.end, x.entry.id) for x in m.find(text, nested=nested)]


@pytest.fixture(scope="module")
def bundled() -> Matcher:
    return load_compiled(bundled_lexicon_path(), use_cache=False).matcher


def test_the_seeds_give_the_same_matches_on_either_engine(bundled: Matcher) -> None:
    reference = dataclasses.replace(bundled, engine="reference")
    docs = list(read_documents([str(SEEDS)]))
    assert docs
    for doc in docs:
        for nested in (False, True):
            assert _found(bundled, doc.text, nested) == _found(reference, doc.text, nested), doc.id


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the test corpus ({CORPUS}) is absent; "
                    "set TERMKIT_CORPUS to compare the engines on it (bench/bench_count.py does the whole of it)")
def test_a_corpus_slice_gives_the_same_matches_on_either_engine(bundled: Matcher) -> None:
    # the first file of every folder (the benchmark compares the whole corpus)
    firsts: dict[Path, Path] = {}
    for f in iter_files(CORPUS):
        if f.suffix == ".txt":
            firsts.setdefault(f.parent, f)
    reference = dataclasses.replace(bundled, engine="reference")
    found = 0
    for doc in read_documents([str(f) for f in firsts.values()]):
        fast = _found(bundled, doc.text)
        assert fast == _found(reference, doc.text), doc.id
        found += len(fast)
    assert found > 100
