"""Loading and validating lexicon files."""

from __future__ import annotations

import pytest
from helpers import load_cases, write_lexicon

from termkit.compile import code_digest, compile_lexicon, load_compiled, surface_problems
from termkit.errors import LexiconError
from termkit.lexicon import bundled_lexicon_path, load_lexicon, read_lexicon

GOOD = """\
# a comment
terms:
  - id: four-winds
    term: 四风
    pinyin: sì fēng
    gloss: four forms of decadence
    gloss_status: official
    category: formula
    expansion: [形式主义, 官僚主义, 享乐主义, 奢靡之风]
    first_seen: 2013
    adopted: "2013-06"
"""


def test_good_file_loads(tmp_path) -> None:
    lex = load_lexicon(write_lexicon(tmp_path, GOOD))
    e = lex.by_id["four-winds"]
    assert (e.first_seen, e.adopted, len(e.expansion)) == ("2013", "2013-06", 4)
    assert str(lex.locations["four-winds"]).endswith("lex.yaml:3")


@pytest.mark.parametrize("case", load_cases("lexicon_errors"))
def test_errors_name_file_and_line(tmp_path, case: dict) -> None:
    path = write_lexicon(tmp_path, case["yaml"])
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}:{case['line']}:"), msg
    assert case["words"] in msg


def test_duplicate_id_across_files(tmp_path) -> None:
    write_lexicon(tmp_path, "terms:\n  - {id: a, term: 四风, gloss: x}\n", "a.yaml")
    write_lexicon(tmp_path, "terms:\n  - {id: a, term: 三严三实, gloss: y}\n", "b.yaml")
    _, problems = read_lexicon(tmp_path)
    assert [p.rule for p in problems] == ["duplicate-id"]
    assert "b.yaml:2" in str(problems[0]) and "a.yaml:2" in str(problems[0])


def test_surface_claimed_by_two_entries_after_folding(tmp_path) -> None:
    write_lexicon(tmp_path, "terms:\n  - {id: a, term: 四风, gloss: x}\n  - {id: b, term: 三严, gloss: y, "
                            "variants: [四風]}\n")
    lex, problems = read_lexicon(tmp_path)
    assert problems == []
    assert [p.rule for p in surface_problems(lex)] == ["duplicate-surface"]
    with pytest.raises(LexiconError, match="also claimed by 'a'"):
        compile_lexicon(lex)


def test_missing_lexicon_path() -> None:
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon("/nonexistent/lexicon")


def test_cache_is_used_and_invalidated(tmp_path, monkeypatch) -> None:
    import termkit.compile as compile_module

    cache = tmp_path / "cache"
    path = write_lexicon(tmp_path, GOOD)
    load_compiled(path, cache_dir=cache)
    assert len(list(cache.glob("matcher-*.pickle"))) == 1

    def no_compiling(*_):
        raise AssertionError("compiled again although the cache holds this lexicon")

    monkeypatch.setattr(compile_module, "compile_lexicon", no_compiling)
    second = load_compiled(path, cache_dir=cache)  # from the cache, or the line above raises
    assert [m.entry.id for m in second.matcher.find("反对四風")] == ["four-winds"]
    monkeypatch.undo()
    path.write_text(GOOD.replace("四风", "四风问题"), encoding="utf-8")
    third = load_compiled(path, cache_dir=cache)
    assert third.lexicon.by_id["four-winds"].term == "四风问题"
    assert len(list(cache.glob("matcher-*.pickle"))) == 2


def test_cache_keeps_only_the_recently_used_matchers(tmp_path) -> None:
    import os

    from termkit.cache import KEEP

    cache = tmp_path / "cache"
    path = write_lexicon(tmp_path, GOOD)
    load_compiled(path, cache_dir=cache)
    [first] = cache.glob("matcher-*.pickle")
    for i in range(KEEP + 3):  # each edit of the lexicon writes a matcher under a new key
        os.utime(first, ns=(0, 0))  # long unused ...
        load_compiled(path, cache_dir=cache)  # ... and used again: a read renews it
        assert first.stat().st_mtime_ns > 0
        (tmp_path / f"v{i}").mkdir()
        edited = write_lexicon(tmp_path / f"v{i}", GOOD.replace("四风", f"四风{i}"))
        load_compiled(edited, cache_dir=cache)
    kept = list(cache.glob("matcher-*.pickle"))
    assert len(kept) == KEEP and first in kept


def test_cache_key_follows_every_source_file(tmp_path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("class A: pass\n")
    before = code_digest(package)
    (package / "sub" / "b.py").write_text("class A: pass\n")  # a class moved to a new module
    moved = code_digest(package)
    (package / "a.py").write_text("")
    assert len({before, moved, code_digest(package)}) == 3


def test_damaged_cache_is_rebuilt(tmp_path) -> None:
    cache = tmp_path / "cache"
    path = write_lexicon(tmp_path, GOOD)
    load_compiled(path, cache_dir=cache)
    [cached] = cache.glob("matcher-*.pickle")
    cached.write_bytes(b"garbage")
    assert load_compiled(path, cache_dir=cache).lexicon.by_id["four-winds"].term == "四风"
    assert cached.read_bytes() != b"garbage"  # rewritten by the run that could not read it


def test_bundled_lexicon_is_found_and_loads() -> None:
    assert bundled_lexicon_path().is_dir()
    assert len(load_lexicon(bundled_lexicon_path())) >= 300


def test_a_new_entry_field_is_one_edit_of_the_model() -> None:
    """The file order, ``show``, ``lexicon stats`` and the schema read the fields from the dataclass: a
    field added there (here in a subclass) is placed, shown, counted and validated with no other edit."""
    import dataclasses
    import io

    from pydantic import ValidationError
    from rich.console import Console

    from termkit.lexicon import ENTRY_KEYS, Entry, Lexicon, optional_fields
    from termkit.lexicon_edit import KEY_ORDER, to_node
    from termkit.lexicon_stats import lexicon_stats
    from termkit.render import render_entry

    assert KEY_ORDER == ENTRY_KEYS == tuple(f.name for f in dataclasses.fields(Entry))
    assert list(to_node({"related": ["b"], "gloss": "x", "id": "a", "term": "四风"})) == ["id", "term", "gloss",
                                                                                        "related"]
    wider = dataclasses.make_dataclass("Wider", [("nickname", str | None, None)], bases=(Entry,), frozen=True,
                                       kw_only=True)
    entry = wider(id="four-winds", term="四风", gloss="Four Winds", nickname="the winds")
    with pytest.raises(ValidationError):
        wider(id="x", term="四风", gloss="x", nickname=["not", "text"])
    out = Console(file=io.StringIO(), width=100)
    render_entry(out, entry)
    assert "nickname" in out.file.getvalue() and "the winds" in out.file.getvalue()
    assert optional_fields(wider)[-1] == "nickname" and "nickname" not in optional_fields()
    stats = lexicon_stats(Lexicon((entry, wider(id="b", term="三严", gloss="y"))), fields=optional_fields(wider))
    assert stats.missing["nickname"] == 1
    from termkit.export._json import to_dict
    from termkit.gloss import GlossRow

    assert to_dict(GlossRow(entry, "四風", "sì fēng"))["nickname"] == "the winds"  # the JSON glossary too
