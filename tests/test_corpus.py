"""Reading and decoding documents."""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.corpus import decode_bytes, iter_files, read_documents
from termkit.errors import InputError

TEXT_S = "全面从严治党永远在路上，坚决反对形式主义、官僚主义。"
TEXT_T = "全面從嚴治黨永遠在路上，堅決反對形式主義、官僚主義。"


@pytest.mark.parametrize("data, encoding", [
    (TEXT_S.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT_S.encode("utf-8"), "utf-8-sig"),
    (TEXT_S.encode("utf-16"), "utf-16"),
    (TEXT_S.encode("utf-16-le"), "utf-16-le"),
    (TEXT_S.encode("utf-16-be"), "utf-16-be"),
    (TEXT_S.encode("gbk"), "gb18030"),
    (TEXT_S.encode("gb18030"), "gb18030"),
    (TEXT_T.encode("big5"), "big5hkscs"),
])
def test_decode(data: bytes, encoding: str) -> None:
    text, enc = decode_bytes(data, "x.txt")
    assert text in (TEXT_S, TEXT_T)
    assert enc.replace("_", "-") == encoding


@pytest.mark.parametrize("text", ["香港啲嘢", "佢哋喺香港啲茶餐廳食嘢，好開心。"])
def test_hkscs_extension_decodes(text: str) -> None:
    data = text.encode("big5hkscs")  # 啲, 嘢, 佢 … are outside plain Big5
    assert decode_bytes(data) == (text, "big5hkscs")


def test_binary_is_refused_with_the_file_name() -> None:
    with pytest.raises(InputError, match=r"blob\.bin: binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)), "blob.bin")


def test_folder_is_read_recursively_in_order_skipping_hidden(tmp_path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("二", encoding="utf-8")
    (tmp_path / "1.txt").write_text("一", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("隐", encoding="utf-8")
    docs = list(read_documents([str(tmp_path)]))
    assert [d.text for d in docs] == ["一", "二"]


def test_folder_loop_is_reported_not_followed(tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("四风", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    warnings: list[str] = []
    files = list(iter_files(tmp_path, warnings.append))
    assert [f.name for f in files] == ["x.txt"]
    assert any("loop" in w for w in warnings)


def test_unreadable_and_empty_files(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    locked = tmp_path / "locked.txt"
    locked.write_text("四风", encoding="utf-8")
    locked.chmod(0)
    warnings: list[str] = []
    docs = list(read_documents([str(tmp_path)], warnings.append))
    if os.geteuid() == 0:  # root reads anything: the locked file is simply read
        assert [d.id.split("/")[-1] for d in docs] == ["empty.txt", "locked.txt"]
    else:
        assert [d.id.split("/")[-1] for d in docs] == ["empty.txt"]
        assert any("locked.txt" in w for w in warnings)
    assert docs[0].text == ""


def test_legacy_encoding_is_announced(tmp_path) -> None:
    p = tmp_path / "gbk.txt"
    p.write_bytes(TEXT_S.encode("gbk"))
    warnings: list[str] = []
    [doc] = read_documents([str(p)], warnings.append)
    assert doc.encoding == "gb18030" and doc.text == TEXT_S
    assert warnings == [f"{p}: decoded as gb18030"]


def test_truncated_utf8_is_read_with_damage_reported(tmp_path) -> None:
    data = ("坚决反对四风" * 50).encode("utf-8")[:-1]  # last character cut in half
    text, enc = decode_bytes(data, "cut.txt")
    assert text.endswith("\ufffd") and "invalid bytes replaced" in enc
    assert text[:-1] == ("坚决反对四风" * 50)[:-1]


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=60), bom=st.booleans(), piece=st.integers(1, 9))
def test_a_large_utf8_file_decoded_in_pieces_is_the_file_decoded_whole(tmp_path_factory, text: str, bom: bool,
                                                                      piece: int) -> None:
    from termkit.corpus import decode_utf8_file

    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8", "surrogatepass")
    path = tmp_path_factory.mktemp("big") / "a.txt"
    path.write_bytes(data)
    try:
        expected = decode_bytes(data, "a.txt")
    except InputError:
        expected = None
    got = decode_utf8_file(path, piece=piece)
    if got is None:  # not valid UTF-8 (a lone surrogate), or NUL bytes (binary): the whole-file path decides
        assert b"\xed" in data or b"\0" in data
    else:
        assert got == expected


def test_a_large_file_goes_through_the_piecewise_decoder(tmp_path, monkeypatch) -> None:
    import termkit.corpus as corpus

    monkeypatch.setattr(corpus, "BIG_FILE", 4)
    (tmp_path / "news_2021-11.txt").write_text("两个确立。" * 50, encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes("两个确立。".encode("gb18030") * 50)
    docs = list(read_documents([str(tmp_path)]))
    assert [(d.text, d.encoding, d.meta) for d in docs] == [
        ("两个确立。" * 50, "gb18030", {}), ("两个确立。" * 50, "utf-8", {"date": "2021-11"})]
