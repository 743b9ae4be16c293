"""A large UTF-8 file cut into byte pieces: the cuts are where no match and no damaged run can span,
so matching the pieces apart (offsets shifted) gives exactly the matches of the whole text."""

from __future__ import annotations

import codecs
import itertools
import tempfile
from pathlib import Path

from helpers import SEEDS
from hypothesis import given
from hypothesis import strategies as st
from test_properties import SETTINGS, matcher, piece

from termkit.corpus import read_documents
from termkit.corpus.pieces import DAMAGE_STARTS, utf8_pieces

ENDS = ["。", "！", "？", "；", "!", "?", ";", "。\n", "\n", "", "??", "\ufffd", "。?", "𠀋。"]


def _matches(text: str, nested: bool, offset: int = 0) -> list[tuple[int, int, str, str]]:
    return [(m.start + offset, m.end + offset, m.text, m.entry.id) for m in matcher().find(text, nested=nested)]


def _check(data: bytes, size: int) -> list[tuple[int, int]]:
    """Cut ``data`` (as a file) into pieces of about ``size`` bytes; check the cuts and that the pieces,
    matched apart, give the whole text's matches."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_bytes(data)
        spans = utf8_pieces(path, size, matcher().barriers())
    if b"\0" in data:  # UTF-16 or binary: read whole by decode_bytes
        assert spans == []
        return spans
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    assert spans[0][0] == bom and spans[-1][1] == len(data)
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in itertools.pairwise(spans))
    whole = data[bom:].decode("utf-8")
    for a, _ in spans[1:]:  # after a barrier that is no "?", before no damage character
        before = data[:a].decode("utf-8")[-1]
        assert before in matcher().barriers() and before != "?"
        assert not data.startswith(DAMAGE_STARTS, a)
    for nested in (False, True):
        split, offset = [], 0
        for a, b in spans:
            text = data[a:b].decode("utf-8")
            split += _matches(text, nested, offset)
            offset += len(text)
        assert split == _matches(whole, nested)
    return spans


@SETTINGS
@given(st.lists(st.lists(piece, max_size=6).map("".join), min_size=1, max_size=14), st.data())
def test_pieces_match_as_the_whole_text(sentences: list[str], data: st.DataObject) -> None:
    ends = data.draw(st.lists(st.sampled_from(ENDS), min_size=len(sentences), max_size=len(sentences)))
    text = "".join(s + e for s, e in zip(sentences, ends))
    bom = codecs.BOM_UTF8 if data.draw(st.booleans()) else b""
    _check(bom + text.encode("utf-8"), data.draw(st.integers(1, 60)))


def test_the_seeds_cut_small_match_as_a_whole() -> None:
    text = "\n".join(d.text for d in read_documents([str(SEEDS)]))
    spans = _check(text.encode("utf-8"), 500)
    assert len(spans) > 20


def test_no_cut_without_a_barrier_and_none_in_utf16(tmp_path: Path) -> None:
    plain = tmp_path / "a.txt"
    plain.write_text("两个确立，两个维护" * 200, encoding="utf-8")
    assert utf8_pieces(plain, 100, "。") == [(0, plain.stat().st_size)]
    wide = tmp_path / "b.txt"
    wide.write_text("Two Establishments. 两个确立。" * 200, encoding="utf-16")  # NUL bytes: not cut
    assert utf8_pieces(wide, 100, "。") == []


def test_a_cut_is_found_past_a_window_without_barriers(tmp_path: Path, monkeypatch) -> None:
    from termkit.corpus import pieces

    monkeypatch.setattr(pieces, "WINDOW", 64)  # the barrier lies several windows after the target
    path = tmp_path / "a.txt"
    path.write_text("四风" * 100 + "。" + "四风" * 100, encoding="utf-8")
    assert utf8_pieces(path, 10, "。") == [(0, 603), (603, 1203)]
