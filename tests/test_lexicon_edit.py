"""Writing the lexicon: add (comments, order, atomicity, duplicates), fmt (idempotent), stats."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termkit.cli import app
from termkit.errors import LexiconError
from termkit.lexicon import load_lexicon
from termkit.lexicon_edit import add_term, append_entries, choose_file, format_text, slugify
from termkit.lexicon_stats import era, lexicon_stats

FORMULAS = """\
# Formulas. This header comment must survive every write.
terms:
  # ── loyalty ──
  - id: two-upholds
    term: 两个维护       # keep this comment
    pinyin: liǎng gè wéi hù
    gloss: Two Upholds
    category: formula
    expansion:
      - 坚决维护核心地位
      - 坚决维护集中统一领导
    first_seen: "2016"

  - id: four-winds
    term: 四风
    pinyin: sì fēng
    gloss: Four Forms of Decadence
    category: formula
    expansion: [形式主义, 官僚主义, 享乐主义, 奢靡之风]
"""

LOCAL = """\
terms:
  - id: ningbo-model
    term: 宁波范例
    pinyin: níng bō fàn lì
    gloss: Ningbo model
    category: local
    level: municipal
    place: 宁波市
"""


@pytest.fixture
def lex(tmp_path: Path) -> Path:
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "formulas.yaml").write_text(FORMULAS, encoding="utf-8")
    (folder / "local.yaml").write_text(LOCAL, encoding="utf-8")
    return folder


def test_add_appends_to_the_file_of_its_category_keeping_everything(lex: Path) -> None:
    added = add_term(lex, "四个意识", "Four Consciousnesses", category="formula")
    text = (lex / "formulas.yaml").read_text(encoding="utf-8")
    assert added.path == lex / "formulas.yaml"
    assert text.startswith(FORMULAS.rstrip("\n") + "\n\n  - id: four-consciousnesses\n")
    assert "    pinyin: sì gè yì shí\n" in text and "    gloss_status: proposed\n" in text
    assert [e.id for e in load_lexicon(lex / "formulas.yaml").entries] == [
        "two-upholds", "four-winds", "four-consciousnesses"]
    assert (lex / "local.yaml").read_text(encoding="utf-8") == LOCAL


def test_add_local_goes_to_the_local_file(lex: Path) -> None:
    assert add_term(lex, "民呼我为", "People call, we act", category="local", id="x").path == lex / "local.yaml"


def test_add_refuses_a_duplicate_id(lex: Path) -> None:
    before = (lex / "formulas.yaml").read_bytes()
    with pytest.raises(LexiconError, match="'four-winds' already exists"):
        add_term(lex, "新词", "x", id="four-winds")
    assert (lex / "formulas.yaml").read_bytes() == before


def test_add_refuses_a_surface_already_claimed_fold_aware(lex: Path) -> None:
    with pytest.raises(LexiconError, match="already claimed by 'two-upholds'"):
        add_term(lex, "「兩個維護」", "Two Maintains")


def test_add_refuses_an_invalid_entry(lex: Path) -> None:
    with pytest.raises(LexiconError, match="category"):
        add_term(lex, "新词", "new word", category="nonsense")


def test_add_is_atomic_when_the_write_fails(lex: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = (lex / "formulas.yaml").read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(LexiconError.__mro__[1], match="old file is unchanged"):
        add_term(lex, "四个意识", "Four Consciousnesses", category="formula")
    assert (lex / "formulas.yaml").read_bytes() == before
    # no temporary file left (the hidden lock files of the edit stay, as lock files do)
    assert sorted(p.name for p in lex.iterdir() if not p.name.endswith(".lock")) == ["formulas.yaml", "local.yaml"]


def test_append_entries_creates_a_file_and_refuses_an_id_in_it(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    append_entries(path, [{"id": "a", "term": "甲", "gloss": "A", "related": ["b"], "first_seen": "2021-11"}])
    assert path.read_text(encoding="utf-8") == ('terms:\n  - id: a\n    term: 甲\n    gloss: A\n'
                                                '    first_seen: "2021-11"\n    related: [b]\n')
    with pytest.raises(LexiconError, match="already in this file"):
        append_entries(path, [{"id": "a", "term": "乙", "gloss": "B"}])


def test_choose_file_and_helpers(lex: Path) -> None:
    assert choose_file(lex, "local") == lex / "local.yaml"
    assert choose_file(lex, "event") == lex / "event.yaml"  # no file holds events yet: a new one
    assert choose_file(lex / "absent", "formula") == lex / "absent" / "formula.yaml"
    assert slugify("Two Upholds") == "two-upholds"


UNTIDY = """\
# header
terms:
- gloss: 'Two Upholds'
  # the Chinese
  term: 两个维护   # eol
  id: two-upholds
  first_seen: "2016"
  adopted: 2016-10
  definition: >-
    Folded text
    over two lines.

# between entries
- id: b
  term: 乙
  gloss: 'say "b"'
  alt_glosses:
    - {status: media, text: bee}
"""


def test_fmt_normalises_keeps_comments_and_is_idempotent() -> None:
    once = format_text(UNTIDY)
    assert format_text(once) == once
    assert once.splitlines()[:9] == ["# header", "terms:", "  - id: two-upholds", "    # the Chinese",
                                     "    term: 两个维护 # eol", '    gloss: "Two Upholds"',
                                     "    definition: >-", "      Folded text", "      over two lines."]
    assert "    first_seen: 2016\n    adopted: \"2016-10\"\n" in once
    assert "\n# between entries\n  - id: b\n" in once
    assert "gloss: 'say \"b\"'" in once and "{text: bee, status: media}" in once


def test_cli_add_fmt_and_stats(lex: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["lexicon", "add", "四个自信", "--gloss", "Four Matters of Confidence",
                                 "--category", "formula", "-l", str(lex)])
    assert result.exit_code == 0, result.output
    assert "four-matters-of-confidence" in result.output and "sì gè zì xìn" in result.output
    result = runner.invoke(app, ["lexicon", "add", "四风", "--gloss", "x", "-l", str(lex)])
    assert result.exit_code == 1 and "already claimed" in result.output
    assert runner.invoke(app, ["lexicon", "fmt", "--check", "-l", str(lex)]).exit_code == 1  # "2016" → 2016
    assert runner.invoke(app, ["lexicon", "fmt", "-l", str(lex)]).exit_code == 0
    assert runner.invoke(app, ["lexicon", "fmt", "--check", "-l", str(lex)]).exit_code == 0
    assert "# keep this comment" in (lex / "formulas.yaml").read_text(encoding="utf-8")
    stats = json.loads(runner.invoke(app, ["lexicon", "stats", "-f", "json", "-l", str(lex)]).stdout)
    assert stats["entries"] == 4 and stats["by_category"] == {"formula": 3, "local": 1}
    assert stats["by_level"] == {"central": 3, "municipal": 1} and stats["missing"]["expansion"] == 2
    assert stats["by_era"] == {"Xi": 1, "unknown": 3}
    table = runner.invoke(app, ["lexicon", "stats", "-l", str(lex)])
    assert table.exit_code == 0 and "gloss status" in table.stdout


def test_eras_and_stats(lex: Path) -> None:
    assert [era(d) for d in ("1949", "1976-12", "1977", "1989-06", "2002-10", "2002-11", "2013")] == [
        "Mao", "Mao", "Deng", "Jiang", "Jiang", "Hu", "Xi"]
    assert lexicon_stats(load_lexicon(lex)).missing["definition"] == 3


# ── the user's own lexicon ──────────────────────────────────────────────────────────────────


def test_cli_add_without_lexicon_goes_to_the_user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from termkit.lexicon import bundled_lexicon_path, lexicon_files

    user = tmp_path / "mine"
    monkeypatch.setenv("TERMKIT_LEXICON_DIR", str(user))
    bundled = {f: f.read_bytes() for f in lexicon_files(bundled_lexicon_path())}
    runner = CliRunner()
    result = runner.invoke(app, ["lexicon", "add", "当下改", "--gloss", "fix it now", "-c", "slogan"])
    assert result.exit_code == 0, result.output
    assert (user / "slogan.yaml").is_file() and "fix-it-now" in (user / "slogan.yaml").read_text(encoding="utf-8")
    assert {f: f.read_bytes() for f in lexicon_files(bundled_lexicon_path())} == bundled  # untouched
    # the user's entry now extends the bundled lexicon in every command
    shown = runner.invoke(app, ["show", "当下改", "-f", "json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["id"] == "fix-it-now"
    tagged = runner.invoke(app, ["tag", "-", "-f", "jsonl"], input="坚持“当下改”和两个确立")
    assert {json.loads(x)["id"] for x in tagged.stdout.splitlines()} == {"fix-it-now", "two-establishments"}
    files = runner.invoke(app, ["lexicon", "files"])
    assert files.exit_code == 0 and "user" in files.stdout and "slogan.yaml" in files.stdout
    # a surface or id of the bundled lexicon is refused in the user's folder too
    again = runner.invoke(app, ["lexicon", "add", "兩個確立", "--gloss", "x"])
    assert again.exit_code == 1 and "two-establishments" in again.output


def test_lexicon_files_with_a_given_lexicon_says_what_is_not_read(lex: Path) -> None:
    result = CliRunner().invoke(app, ["lexicon", "files", "-l", str(lex)])
    assert result.exit_code == 0
    origins = [line.split()[0] for line in result.stdout.splitlines()[1:] if line.strip()]
    assert origins[0] == "given" and "bundled" not in origins and "are not read" in result.stdout


def test_nothing_writes_into_an_installed_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import termkit.lexicon as L

    fake = tmp_path / "site" / "termkit"
    (fake / "_lexicon").mkdir(parents=True)
    target = fake / "_lexicon" / "x.yaml"
    target.write_text("terms:\n  - {id: a, term: 甲, gloss: A}\n", encoding="utf-8")
    monkeypatch.setattr(L, "__file__", str(fake / "lexicon.py"))
    with pytest.raises(LexiconError, match="bundled with the installed termkit"):
        append_entries(target, [{"id": "b", "term": "乙", "gloss": "B"}])
    with pytest.raises(LexiconError, match="installed termkit"):
        add_term(fake / "_lexicon", "丙", "C")
    result = CliRunner().invoke(app, ["discover", "-", "--add", str(target)], input="“当下改”")
    assert result.exit_code == 1 and "installed termkit" in result.output
    assert target.read_text(encoding="utf-8") == "terms:\n  - {id: a, term: 甲, gloss: A}\n"
