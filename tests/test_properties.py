"""Properties of matching on generated text: random Unicode, mixed scripts, quotes, pinyin
annotations and damage, around and inside real lexicon terms.

- nothing crashes; every match satisfies ``original[start:end] == text``;
- without ``nested``, matches are sorted and never overlap; with it, they include those;
- a document cut where no match can span (after a ``。`` that separates its sentences) gives,
  piece by piece with offsets shifted, the matches of the whole document;
- a long text matched in segments (cut only after barrier punctuation) gives what it gives whole;
- the process pool gives what one process gives.
"""

from __future__ import annotations

import functools
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.compile import compile_lexicon
from termkit.lexicon import bundled_lexicon_path, load_lexicon
from termkit.match import Matcher

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])
TRADITIONAL = ["兩個確立", "兩個維護", "四風", "幹部", "當下改", "長久立", "領導", "黨中央", "習近平新時代中國特色社會主義思想"]
NOISE = ["“", "”", "「", "」", "『", "』", "'", '"', " ", "\n", "\u3000", "\u200b", "(lǐng)", "（dǎo）", "(dao3)",
         "?", "??", "???", "\ufffd", "4+1", "14+12", "Ａ", "ｘ", "，", "、", "-", "(", ")", "（", "）"]


@functools.lru_cache(maxsize=1)
def matcher() -> Matcher:
    return compile_lexicon(load_lexicon(bundled_lexicon_path()))


@functools.lru_cache(maxsize=1)
def surfaces() -> list[str]:
    return sorted({s for e in matcher().entries for s in e.surfaces})


@st.composite
def decorated_term(draw: st.DrawFn) -> str:
    """A lexicon surface (or a traditional form), with quotes, spaces or annotations slipped in."""
    term = draw(st.sampled_from(surfaces()) | st.sampled_from(TRADITIONAL))
    out = []
    for ch in term:
        out.append(ch)
        if draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(NOISE)))
    return "".join(out)


piece = st.one_of(
    decorated_term(),
    st.sampled_from(NOISE),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=6),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=6),
)
sentence = st.lists(piece, max_size=6).map("".join).filter(lambda s: "。" not in s)
document = st.lists(sentence, min_size=1, max_size=6)


def _spans(text: str, nested: bool = False) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.text, m.entry.id) for m in matcher().find(text, nested=nested)]


@SETTINGS
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200) | document.map("。".join))
def test_offsets_index_the_original(text: str) -> None:
    for nested in (False, True):
        for start, end, surface, _ in _spans(text, nested):
            assert 0 <= start < end <= len(text)
            assert text[start:end] == surface


@SETTINGS
@given(document.map("。".join))
def test_matches_never_overlap_without_nested(text: str) -> None:
    plain = _spans(text)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(plain))
    assert set(plain) <= set(_spans(text, nested=True))


@SETTINGS
@given(document, st.data())
def test_a_document_cut_between_sentences_gives_the_same_matches(sentences: list[str], data: st.DataObject) -> None:
    text = "。".join(sentences)
    cut_after = data.draw(st.integers(0, len(sentences) - 1))
    cut = len("。".join(sentences[:cut_after + 1])) + (1 if cut_after < len(sentences) - 1 else 0)
    head, tail = text[:cut], text[cut:]
    shifted = [(s + cut, e + cut, t, i) for s, e, t, i in _spans(tail)]
    assert _spans(head) + shifted == _spans(text)


BARRIERS = ["。", "！", "？", "；", "!", "?", ";"]


@SETTINGS
@given(st.lists(st.lists(piece, max_size=6).map("".join), min_size=1, max_size=12), st.data())
def test_segmented_matching_equals_whole_matching(sentences: list[str], data: st.DataObject) -> None:
    ends = data.draw(st.lists(st.sampled_from(BARRIERS), min_size=len(sentences), max_size=len(sentences)))
    text = "".join(s + e for s, e in zip(sentences, ends))
    size = data.draw(st.integers(1, 40))
    for nested in (False, True):
        whole = matcher().find(text, nested=nested, segment=len(text))
        pieces = matcher().find(text, nested=nested, segment=size)
        assert [(m.start, m.end, m.text, m.entry.id) for m in pieces] == \
            [(m.start, m.end, m.text, m.entry.id) for m in whole]
    cuts = list(matcher().segments(text, size))
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text) and all(a[1] == b[0] for a, b in itertools.pairwise(cuts))


def test_a_cut_inside_a_sentence_keeps_a_context_rule_whole() -> None:
    """Found by the property above: with ！ held by a key (正义必胜！…), a stretch is cut where no key occurrence
    spans the cut, and the cut must not fall inside a not_before look-around either (社会主义现代化 before 新西藏)."""
    text = "。团“结“富“裕文明和谐美丽?的社会主义现代化新西藏！"
    whole = [(m.start, m.end, m.entry.id) for m in matcher().find(text, segment=len(text))]
    for size in (1, 5, 10):
        assert [(m.start, m.end, m.entry.id) for m in matcher().find(text, segment=size)] == whole
