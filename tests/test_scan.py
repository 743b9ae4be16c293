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


BMP_ALPHABET = [c for c in ALPHABET if max(c) <= "\uffff"]  # lone surrogates included
bmp_keys = st.lists(st.lists(st.sampled_from(BMP_ALPHABET), min_size=1, max_size=4).map("".join),
                    min_size=1, max_size=8, unique=True)


@pytest.mark.parametrize(("backend", "dfa_after"), BACKENDS, ids=["rs-dfa", "rs-nfa", "hyperscan"])
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, words=bmp_keys)
def test_a_text_beyond_the_bmp_is_scanned_as_utf16_when_no_key_is(text: str, words: list[str], backend: str,
                                                                  dfa_after: int,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # the text as 32-bit codes, as fold() gives a text with characters beyond the BMP; its surrogate
    # pairs must not meet keys of lone surrogates, and every end maps back to code points
    monkeypatch.setattr(scan, "DFA_AFTER", dfa_after)
    a = _automaton(words)
    fast = scan.FastScan(a, backend)
    assert sorted(fast.hits(to_codes(text, wide=True))) == sorted(scan.reference_hits(a, text))
    assert {width for width, _ in fast._engines} <= {2}  # no automaton over UTF-32 was built


@pytest.mark.parametrize(("backend", "dfa_after"), BACKENDS, ids=["rs-dfa", "rs-nfa", "hyperscan"])
def test_lone_surrogate_keys_meet_lone_surrogates_only(backend: str, dfa_after: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "DFA_AFTER", dfa_after)
    a = _automaton(["\ud842", "\udfb7", "\ud842\udfb7", "b"])
    text = "a𠮷b\ud842\udfb7𠮷\ud842"
    hits = sorted((end, value[1]) for end, value in scan.FastScan(a, backend).hits(to_codes(text, wide=True)))
    # code points: a 0, 𠮷 1, b 2, lone high 3, lone low 4, 𠮷 5, lone high 6
    assert hits == [(3, 3), (4, 0), (5, 1), (5, 2), (7, 0)]
    assert hits == sorted((end, value[1]) for end, value in scan.reference_hits(a, text))


PIECES = ["两", "兩", "个", "個", "确", "立", "风", "風", "四", "“", "”", " ", "\n", "(lǐng)", "领", "領", "导",
          "4", "４", "+", "1", "a", "Ａ", "𠮷", "。"]
TERM_CHARS = ["两", "个", "确", "立", "风", "四", "领", "导", "4", "+", "1", "a", "𠮷"]


@pytest.mark.parametrize("term_chars", [TERM_CHARS, TERM_CHARS[:-1]], ids=["astral-keys", "bmp-keys"])
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.sampled_from(PIECES), max_size=50).map("".join), nested=st.booleans(), data=st.data())
def test_matcher_gives_the_same_matches_on_either_engine(text: str, term_chars: list[str], nested: bool,
                                                          data: st.DataObject, table: FoldTable) -> None:
    # bmp-keys: a text with 𠮷 (folded to 32-bit codes) is scanned by the UTF-16 automaton
    words = data.draw(st.lists(st.lists(st.sampled_from(term_chars), min_size=1, max_size=4).map("".join),
                               min_size=1, max_size=6, unique=True))
    specs = [{"term": w} for w in words]
    for s in specs:
        if data.draw(st.booleans()):
            s["exclude"] = [s["term"] + data.draw(st.sampled_from(term_chars))]
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


# ── Hyperscan's databases kept on disk beside the cached matcher ─────────────────────────────────

needs_hyperscan = pytest.mark.skipif(not HYPERSCAN, reason="hyperscan is not installed (pip install 'termkit[fast]')")
PATTERNS = [w.encode("utf-16-le", "surrogatepass") for w in ("四风", "反四风", "党")]
TEXT = to_codes("反对四风，反四风，党").view("u1")


def _scan(db) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    db.scan(TEXT.tobytes(), match_event_handler=lambda i, s, e, f, c: out.append((i, e)))
    return sorted(out)


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    import hyperscan

    def refuse(*args, **kwargs):
        raise AssertionError("a database was compiled")

    monkeypatch.setattr(hyperscan, "Database", refuse)


@needs_hyperscan
def test_a_database_is_compiled_once_and_then_loaded_from_the_cache(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    cache = (tmp_path / "cache", "k1")
    expected = _scan(scan.hyperscan_database(PATTERNS))
    assert _scan(scan.hyperscan_database(PATTERNS, cache)) == expected == [(0, 8), (0, 16), (1, 16), (2, 20)]
    [file] = (tmp_path / "cache").iterdir()
    assert file.name.startswith("hyperscan-k1-") and file.suffix == ".hsdb"
    assert file.stat().st_mode & 0o777 == 0o600
    with monkeypatch.context() as m:
        _no_compiling(m)
        assert _scan(scan.hyperscan_database(PATTERNS, cache)) == expected
        with pytest.raises(AssertionError, match="compiled"):  # another key is not this one's database
            scan.hyperscan_database(PATTERNS, (tmp_path / "cache", "k2"))
        with pytest.raises(AssertionError, match="compiled"):  # nor are other patterns, or the same reordered
            scan.hyperscan_database(PATTERNS[::-1], cache)
        with pytest.raises(AssertionError, match="compiled"):
            scan.hyperscan_database(PATTERNS[:2], cache)


def _damage_truncate(file: Path) -> None:
    file.write_bytes(file.read_bytes()[:-100])


def _damage_flip(file: Path) -> None:
    data = bytearray(file.read_bytes())
    data[-50] ^= 0xFF
    file.write_bytes(bytes(data))


def _damage_others_may_write(file: Path) -> None:
    file.chmod(0o666)


def _damage_not_a_database(file: Path) -> None:
    from termkit.cache import write_cached

    # a sound cache file (its digest matches) whose payload Hyperscan cannot load
    write_cached(file.parent, file.name[len("hyperscan-"):-len(".hsdb")], b"not a database" * 20, kind="hyperscan")
    assert file.read_bytes().endswith(b"not a database")


def _damage_folder(file: Path) -> None:
    file.unlink()
    file.mkdir()  # a folder where the file should be: it cannot be read, nor replaced


@needs_hyperscan
@pytest.mark.parametrize("damage", [_damage_truncate, _damage_flip, _damage_others_may_write, _damage_not_a_database,
                                    _damage_folder])
def test_a_damaged_or_unsafe_database_file_is_ignored_and_compiled_again(tmp_path: Path, damage) -> None:
    cache = (tmp_path / "cache", "k1")
    expected = _scan(scan.hyperscan_database(PATTERNS, cache))
    [file] = (tmp_path / "cache").iterdir()
    damage(file)
    assert _scan(scan.hyperscan_database(PATTERNS, cache)) == expected
    if file.is_file():  # written again, sound and private
        assert file.stat().st_mode & 0o777 == 0o600
        assert scan._cached_database(cache[0], scan._database_key(cache[1], PATTERNS)) is not None


@needs_hyperscan
def test_a_cached_matcher_keeps_its_scan_databases_beside_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    lex = tmp_path / "lex.yaml"
    lex.write_text("terms:\n  - id: four-winds\n    term: 四风\n    gloss: Four Winds\n", encoding="utf-8")
    text = "反对四风，" * (scan.DFA_AFTER // 5 + 1) + "𠮷四风"  # long enough for Hyperscan; beyond the BMP
    first = load_compiled(lex, cache_dir=folder).matcher
    assert first.scan_cache is not None
    found = _found(first, text)
    assert len(found) == scan.DFA_AFTER // 5 + 2
    assert [p.suffix for p in sorted(folder.iterdir())] == [".hsdb", ".pickle"]  # one database: UTF-16
    again = load_compiled(lex, cache_dir=folder).matcher
    _no_compiling(monkeypatch)
    assert _found(again, text) == found
    assert load_compiled(lex, use_cache=False).matcher.scan_cache is None
