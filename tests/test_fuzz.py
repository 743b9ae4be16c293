"""Fuzzing the two doors hostile input comes through: the lexicon loader (random YAML with anchors,
aliases, merge keys, tags, deep nesting and odd scalars) and the document reader (random bytes under
random file names, surrogate escapes included). Either answers with data or with one line naming
the file; nothing else escapes, and nothing takes long.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from termkit.errors import LexiconError
from termkit.lexicon import load_lexicon, read_lexicon
from termkit.lexicon_edit import format_text

SCALARS = ["四风", "x", "''", '""', "~", "null", "true", "no", "0x1F", "0o17", "1e400", ".inf", ".nan", "-0",
           "2018", "2018-02", "2018-02-30", "2018-13-45", "0218", "9999", "2021-11-16T08:00:00Z",
           '"\\ud800"', '"\\x00\\x1b[2J"', '"\\u202e"', "'it''s'", "!!binary aGk=", "!!python/none ''",
           "!!str 1", "|\n      block", ">-\n      folded", "[]", "{}", "[a, [b, [c]]]", "{a: {b: c}}", "*a",
           "&a x", "&b [x, *a]", "\t", "- x", ": :", "? x", "'unterminated", '"bad \\q escape"', "%YAML 1.1",
           "\x85", "\u2028", "\r", "# comment"]
IDS = ["a", "b-1", "X", '"x\\n"', "&i a", "*i"]
KEYS = ["id", "term", "gloss", "gloss_status", "category", "expansion", "alt_glosses", "definition", "variants",
        "first_seen", "adopted", "context", "related", "<<", "terms", "unknown", "? complex"]


@st.composite
def yaml_entry(draw: st.DrawFn) -> str:
    lines = ["  - id: " + draw(st.sampled_from(IDS))]
    for _ in range(draw(st.integers(0, 6))):
        key, value = draw(st.sampled_from(KEYS)), draw(st.sampled_from(SCALARS))
        depth = draw(st.integers(0, 40))
        value = "[" * depth + value + "]" * depth if depth and draw(st.booleans()) else value
        lines.append(f"    {key}: {value}")
    return "\n".join(lines)


@st.composite
def yaml_text(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from(["", "base: &a {gloss: x}\n", "a: &a [x, x]\nb: &b [*a, *a, *a]\n", "---\n",
                                 "%TAG ! tag:x,2000:\n---\n", "terms: *a\n"]))
    entries = draw(st.lists(yaml_entry(), max_size=4))
    noise = draw(st.text(max_size=20))
    return head + "terms:\n" + "\n".join(entries) + "\n" + draw(st.sampled_from(["", noise]))


def _one_line(exc: BaseException, name: str) -> None:
    assert "\n" not in str(exc) and name in str(exc), str(exc)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_text())
def test_random_yaml_gives_entries_or_one_line_problems(text: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "fuzz.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        _, problems = read_lexicon(path)  # never raises
        for p in problems:
            assert "\n" not in str(p) and p.location is not None and p.location.file == str(path), str(p)
        try:
            load_lexicon(path)
        except LexiconError as exc:
            _one_line(exc, str(path))
        try:
            format_text(text, str(path))
        except LexiconError as exc:
            _one_line(exc, str(path))


NAME_BYTES = st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_"))
EXTENSIONS = [b".txt", b".jsonl", b".csv", b".tsv", b""]
CHUNKS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", "两个确立。".encode(), "两个维护".encode("gbk"),
          "兩個維護".encode("big5"), "四风".encode("utf-16-le"), b'{"text": "\\ud800\\u202e"}\n', b'"a,"b\n',
          b"id,text\n", b"\0", b"\x1b[2J", b"\r\n", b"\xe4\xb8", b"??", "\ufffd".encode()]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(b".", b"", [])  # a name of dots alone
@given(NAME_BYTES, st.sampled_from(EXTENSIONS), st.lists(st.one_of(st.sampled_from(CHUNKS), st.binary(max_size=30)),
                                                           max_size=12))
def test_random_bytes_under_random_names_are_read_or_reported(name: bytes, ext: bytes, chunks: list[bytes]) -> None:
    import os

    from termkit.corpus import read_documents

    with tempfile.TemporaryDirectory() as d:
        stem = name.lstrip(b".") or b"_"  # a name of dots alone ("." or "..") would be a folder, not a file
        path = os.path.join(os.fsencode(d), (b"." if name.startswith(b".") else b"") + stem + ext)
        with open(path, "wb") as fh:
            fh.write(b"".join(chunks))
        said: list[str] = []
        docs = list(read_documents([d], said.append))
        for doc in docs:
            doc.id.encode("utf-8")  # every writer can write it
            doc.text.encode("utf-8")
        for line in said:
            assert "\n" not in line and "\r" not in line, line
            line.encode("utf-8")
