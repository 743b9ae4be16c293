"""Hostile and unlucky input, item by item: each test reproduces one way to hang, crash, leak or
lose data, through the library or the real commands, and asserts the one-line answer instead.

Sizes stay small here (a few MB at most); the figures at full size are in bench/bench_hostile.py.
"""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termkit.cli import app
from termkit.lexicon import read_lexicon

runner = CliRunner()
GOOD = "坚持“两个确立”，做到“两个维护”。\n"
ENTRY = "terms:\n  - id: four-winds\n    term: 四风\n    gloss: Four Winds\n"


def _one_error(result, *words: str) -> None:
    """Exit 1, one line on stderr starting with ``error:``, holding ``words``, and no traceback."""
    assert result.exit_code == 1, (result.exit_code, result.stderr, result.exception)
    assert result.stderr.startswith("error:") and result.stderr.count("\n") == 1, result.stderr
    assert all(w in result.stderr for w in words), result.stderr


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ── 1. YAML alias bombs ────────────────────────────────────────────────────────────────────


def _bomb(levels: int) -> str:
    lines = ["a0: &a0 [x,x,x,x,x,x,x,x,x]"]
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("command", [["lexicon", "check"], ["lexicon", "fmt", "--check"], ["lexicon", "stats"],
                                     ["show", "x"]])
def test_an_alias_bomb_is_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    # 10 levels: 9^10 expansions, which never ended before (7 levels took 21 s)
    bomb = _write(tmp_path / "bomb.yaml", _bomb(10))
    result = runner.invoke(app, [*command, "--lexicon", str(bomb)])
    if command == ["lexicon", "check"]:  # check lists problems on stdout and exits 1
        assert result.exit_code == 1 and "bomb.yaml:2" in result.stdout and "alias" in result.stdout
    else:
        _one_error(result, "bomb.yaml:2", "alias")


# ── 7. odd YAML in a lexicon: one line, never a traceback ──────────────────────────────────

ODD_LEXICONS = [
    ("definition nested 300 deep", ENTRY + "    definition: " + "[" * 300 + "]" * 300 + "\n", "nested"),
    ("a merge key", "base: &b {gloss: x}\nterms:\n  - <<: *b\n    id: a\n    term: 四风\n", "alias"),
    ("an impossible unquoted date", ENTRY + "    first_seen: 2018-02-30\n", "calendar date"),
    ("an impossible quoted date", ENTRY + '    first_seen: "2018-13-45"\n', "calendar date"),
    ("a year far in the future", ENTRY + "    adopted: 9999\n", "year"),
    ("an id ending in a line break", 'terms:\n  - id: "x\\n"\n    term: 四风\n    gloss: Four Winds\n', "slug"),
    ("an anchor after its alias", "terms:\n  - id: a\n    term: *t\n    gloss: y\n  - &t 四风\n", "alias"),
    ("two documents", ENTRY + "---\n" + ENTRY, "invalid YAML"),
    ("a tag on a mapping", "terms:\n  - !!omap\n    id: a\n", "tag"),
]


@pytest.mark.parametrize(("text", "word"), [c[1:] for c in ODD_LEXICONS], ids=[c[0] for c in ODD_LEXICONS])
@pytest.mark.parametrize("command", [["count", "-"], ["lexicon", "fmt"]])
def test_odd_yaml_is_one_error_line(tmp_path: Path, text: str, word: str, command: list[str]) -> None:
    lex = _write(tmp_path / "odd.yaml", text)
    result = runner.invoke(app, [*command, "--lexicon", str(lex)], input=GOOD)
    if command[0] == "lexicon" and word in ("calendar date", "year", "slug"):
        # fmt keeps the data as it is (it formats, the schema is check's business), but never crashes
        assert (result.exit_code in (0, 1) and "Traceback" not in result.stderr and result.exception is None) \
            or isinstance(result.exception, SystemExit), result.stderr
        return
    _one_error(result, "odd.yaml", word)


def test_the_date_problem_names_its_line(tmp_path: Path) -> None:
    lex = _write(tmp_path / "odd.yaml", ENTRY + "    first_seen: 2018-02-30\n")
    _, problems = read_lexicon(lex)
    assert [(p.location.line, p.rule) for p in problems] == [(5, "schema")]


# ── 9. concurrent lexicon writes ───────────────────────────────────────────────────────────


def _add(args: tuple[str, int]) -> str:
    from termkit.lexicon_edit import add_term

    lexicon, i = args
    added = add_term(lexicon, f"测试{i}号", f"Probe {i}", file="xi-era.yaml", id=f"probe-{i}")
    return added.entry.id


def _append(args: tuple[str, int]) -> None:
    from termkit.lexicon_edit import append_entries

    path, i = args
    append_entries(Path(path), [{"id": f"stub-{i}", "term": f"候选{i}号", "gloss": "TODO: gloss"}])


def test_parallel_adds_keep_every_entry(tmp_path: Path) -> None:
    lexicon = tmp_path / "L"
    lexicon.mkdir()
    _write(lexicon / "xi-era.yaml", ENTRY)
    ctx = multiprocessing.get_context("spawn")  # real processes, as eight shells would start
    with ctx.Pool(8) as pool:
        added = pool.map(_add, [(str(lexicon), i) for i in range(8)])
        pool.map(_append, [(str(lexicon / "xi-era.yaml"), i) for i in range(8)])
    lex, problems = read_lexicon(lexicon)
    assert not problems
    assert sorted(added) == sorted(f"probe-{i}" for i in range(8))
    assert {e.id for e in lex.entries} == {"four-winds", *(f"probe-{i}" for i in range(8)),
                                           *(f"stub-{i}" for i in range(8))}
    # no temporary file left; the lock files stay (removing one while another process waits on it is unsafe)
    assert sorted(p.name for p in lexicon.iterdir()) == [".termkit.lock", ".xi-era.yaml.lock", "xi-era.yaml"]


def test_a_held_lock_times_out_with_one_line(tmp_path: Path) -> None:
    from filelock import FileLock

    from termkit.errors import LexiconError
    from termkit.lexicon_edit import editing

    path = _write(tmp_path / "x.yaml", ENTRY)
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(path), ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        with pytest.raises(LexiconError, match="another termkit"), editing(path, timeout=0.5):
            pass
    finally:
        release.set()
        holder.join(30)
    del FileLock


def _hold_lock(path: str, ready, release) -> None:
    from termkit.lexicon_edit import editing

    with editing(path):
        ready.set()
        release.wait(60)


def test_json_is_still_json() -> None:  # keeps the json import honest for later items
    assert json.loads("[]") == []
