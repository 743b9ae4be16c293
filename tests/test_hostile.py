"""Hostile and unlucky input, item by item: each test reproduces one way to hang, crash, leak or
lose data, through the library or the real commands, and asserts the one-line answer instead.

Sizes stay small here (a few MB at most); the figures at full size are in bench/bench_hostile.py.
"""

from __future__ import annotations

import itertools
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


# ── 10. output onto input ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("command", [["gloss", "-f", "md"], ["report"]])
def test_output_onto_an_input_is_refused(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "in").mkdir()
    doc = _write(tmp_path / "in" / "in.txt", GOOD)
    link = tmp_path / "link.txt"  # outside the folder read, pointing into it
    link.symlink_to(doc)
    for target in (doc, link):
        result = runner.invoke(app, [*command, str(tmp_path / "in"), "-o", str(target)])
        _one_error(result, "is also an input")
        assert doc.read_text(encoding="utf-8") == GOOD


# ── 11. atomic writes: signals, long names, symlinks, the cache on a full disk ──────────────


def test_ctrl_c_during_a_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from termkit.atomic import write_atomic

    target = _write(tmp_path / "out.html", "old")

    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new" * 1000)
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"] and target.read_text() == "old"


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    code = ("import os, sys, time\n"
            "from termkit.cli import _exit_on_sigterm\n"
            "from termkit.atomic import write_atomic\n"
            "_exit_on_sigterm()\n"
            "os.fsync = lambda fd: (print('writing', flush=True), time.sleep(60))\n"
            "write_atomic(sys.argv[1], 'x' * 100000)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "report.html")], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "writing"
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # the write is under way
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


def test_a_name_of_255_bytes_can_be_written(tmp_path: Path) -> None:
    from termkit.atomic import write_atomic

    target = tmp_path / ("g" * 251 + ".csv")
    write_atomic(target, "x")
    assert target.read_text() == "x"


def test_output_onto_a_symlink_writes_through_it(tmp_path: Path) -> None:
    from termkit.atomic import write_atomic

    real = _write(tmp_path / "real.md", "old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_the_cache_leaves_no_temporary_file_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    from termkit.compile import load_compiled

    lex = _write(tmp_path / "lex.yaml", ENTRY)
    cache = tmp_path / "cache"
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", lambda fd: full(fd, b""))
    for _ in range(3):
        assert load_compiled(lex, cache_dir=cache).lexicon.by_id["four-winds"].term == "四风"
    assert list(cache.iterdir()) == []
    del real_write


# ── 12. the pickle cache: private, owned, and holding what it claims ───────────────────────


def _cached(tmp_path: Path) -> tuple[Path, Path]:
    from termkit.compile import load_compiled

    lex = _write(tmp_path / "lex.yaml", ENTRY)
    cache = tmp_path / "cache"
    load_compiled(lex, cache_dir=cache)
    return lex, cache


def test_the_cache_folder_is_private(tmp_path: Path) -> None:
    _, cache = _cached(tmp_path)
    [file] = cache.iterdir()
    assert cache.stat().st_mode & 0o777 == 0o700 and file.stat().st_mode & 0o777 == 0o600


def test_a_planted_pickle_is_never_loaded(tmp_path: Path) -> None:
    import pickle

    from termkit.compile import load_compiled

    lex, cache = _cached(tmp_path)
    [file] = cache.iterdir()
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    file.write_bytes(pickle.dumps(Evil()))  # the file the run will look for, with code in it
    assert load_compiled(lex, cache_dir=cache).lexicon.by_id["four-winds"].gloss == "Four Winds"
    assert not marker.exists()


def test_another_lexicons_cache_under_this_key_is_refused(tmp_path: Path) -> None:
    from termkit.compile import load_compiled

    lex, cache = _cached(tmp_path)
    [mine] = cache.iterdir()
    other = _write(tmp_path / "other.yaml", ENTRY.replace("Four Winds", "Something Else"))
    load_compiled(other, cache_dir=cache)
    [theirs] = [p for p in cache.iterdir() if p != mine]
    mine.write_bytes(theirs.read_bytes())  # a valid cache file, of the wrong lexicon
    assert load_compiled(lex, cache_dir=cache).lexicon.by_id["four-winds"].gloss == "Four Winds"


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_a_cache_folder_others_can_write_is_not_used(tmp_path: Path, mode: int) -> None:
    from termkit.compile import load_compiled

    lex, cache = _cached(tmp_path)
    [file] = cache.iterdir()
    cache.chmod(mode)
    file.write_bytes(b"planted")
    said: list[str] = []
    assert load_compiled(lex, cache_dir=cache, on_warning=said.append).lexicon.by_id["four-winds"].term == "四风"
    assert len(said) == 1 and "writable by group or others" in said[0] and str(cache) in said[0]
    assert file.read_bytes() == b"planted"  # not read, not rewritten


def test_a_cache_file_others_can_write_or_a_link_is_not_read(tmp_path: Path) -> None:
    from termkit.compile import load_compiled

    lex, cache = _cached(tmp_path)
    [file] = cache.iterdir()
    file.chmod(0o666)
    said: list[str] = []
    load_compiled(lex, cache_dir=cache, on_warning=said.append)
    assert said and "writable by group or others" in said[0]
    elsewhere = tmp_path / "elsewhere.pickle"
    file.rename(elsewhere)
    file.symlink_to(elsewhere)
    said.clear()
    load_compiled(lex, cache_dir=cache, on_warning=said.append)
    assert said and "cannot be opened safely" in said[0]


def test_the_key_hashes_the_bytes_that_are_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import termkit.compile as compile_module
    from termkit.compile import load_compiled

    lex = _write(tmp_path / "lex.yaml", ENTRY)
    cache = tmp_path / "cache"
    digest = compile_module.lexicon_digest

    def swap_after_hashing(path, contents=None):  # the file changes between the key and the parse
        key = digest(path, contents)
        lex.write_text(ENTRY.replace("Four Winds", "Edited"), encoding="utf-8")
        return key

    monkeypatch.setattr(compile_module, "lexicon_digest", swap_after_hashing)
    first = load_compiled(lex, cache_dir=cache)
    monkeypatch.undo()
    second = load_compiled(lex, cache_dir=cache)  # the edited file: its own key, never the old entry
    assert first.lexicon.by_id["four-winds"].gloss == "Four Winds"
    assert second.lexicon.by_id["four-winds"].gloss == "Edited"


# ── 13. terminal injection: control sequences and rich markup ──────────────────────────────

HOSTILE_GLOSSES = ["x [/bold]", "[link=https://evil.example]Two Upholds[/link]", "Four Winds [sic]", "[b]bold[/b]"]


def _lexicon_with_gloss(tmp_path: Path, gloss: str) -> Path:
    return _write(tmp_path / "lex.yaml", f"terms:\n  - id: two-upholds\n    term: 两个维护\n    gloss: {json.dumps(gloss)}\n"
                                        f"    definition: {json.dumps(gloss)}\n")


@pytest.mark.parametrize("gloss", HOSTILE_GLOSSES)
@pytest.mark.parametrize("command", [["tag"], ["count"], ["show", "two-upholds"],
                                     ["search", "两个维护"]])
def test_glosses_are_shown_as_written(tmp_path: Path, gloss: str, command: list[str]) -> None:
    lex = _lexicon_with_gloss(tmp_path, gloss)
    doc = _write(tmp_path / "a.txt", GOOD)
    args = [*command, "--lexicon", str(lex)] + ([str(doc)] if command[0] in ("tag", "count", "trend") else [])
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert gloss in result.stdout


def test_control_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    from termkit.cli import _stdout

    name = "e\x1b[31m.txt"
    doc = tmp_path / name
    doc.write_text("两个确立\x1b]52;c;ZWNobyBwd25lZA==\x1b\\ \x1b[2J\u202e\n", encoding="utf-8")
    lex = _lexicon_with_gloss(tmp_path, "Two\x1b[2J Upholds\x9b")
    _write(tmp_path / "b.txt", "做到两个维护。")
    for command in (["tag", "--full"], ["count"], ["tag", "--explain"]):
        result = runner.invoke(app, [*command, str(tmp_path), "--lexicon", str(lex)], color=True,
                               env={"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "200"})
        assert result.exit_code == 0, (result.stderr, result.exception)
        out = result.stdout + result.stderr
        for bad in ("\x1b]52", "\x1b[2J", "\x1b[31m.txt", "\u202e", "\x9b"):
            assert bad not in out, (command, bad, out)
        if command == ["tag", "--full"]:
            assert "␛]52;c;" in out and "<U+202E>" in out
    assert _stdout().__class__.__name__ == "SafeConsole"


# ── 14. CSV formula injection: one writer for every command ────────────────────────────────


@pytest.mark.parametrize("command", [["count", "-f", "csv"], ["trend", "-f", "csv", "--by", "group"],
                                     ["gloss", "-f", "csv"], ["search", "两个维护", "-f", "csv"]])
def test_formulas_are_neutralised_in_every_csv(tmp_path: Path, command: list[str]) -> None:
    import csv
    import io

    lex = _lexicon_with_gloss(tmp_path, '=HYPERLINK("http://x")')
    doc = _write(tmp_path / "a.txt", GOOD)
    args = [*command, "--lexicon", str(lex)] + ([] if command[0] == "search" else [str(doc)])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, (result.stderr, result.exception)
    cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells), cells
    if command[0] != "trend":  # trend's csv holds ids and figures, not glosses
        assert "'=HYPERLINK(\"http://x\")" in cells


# ── 3. (part) a file of NUL bytes is binary, even though NUL is valid UTF-8 ─────────────────


def test_a_file_of_nul_bytes_is_binary(tmp_path: Path) -> None:
    _write(tmp_path / "good.txt", GOOD)
    (tmp_path / "zeros.txt").write_bytes(b"\0" * 200_000)
    result = runner.invoke(app, ["count", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0
    assert "zeros.txt: binary file (contains NUL bytes); skipped" in result.stderr
    assert {r["id"] for r in json.loads(result.stdout)} == {"two-establishments", "two-upholds"}


# ── 4. a device named on the command line ──────────────────────────────────────────────────


def test_a_device_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    _write(tmp_path / "good.txt", GOOD)
    (tmp_path / "z.txt").symlink_to("/dev/zero")  # read without limit before (3.4 GB and counting)
    result = runner.invoke(app, ["count", str(tmp_path / "z.txt"), str(tmp_path / "good.txt"), "-f", "json"])
    assert result.exit_code == 0
    assert [ln for ln in result.stderr.splitlines() if "z.txt" in ln] == \
        [f"warning: {tmp_path / 'z.txt'}: a device or socket, not a file; skipped"]
    assert len(json.loads(result.stdout)) == 2


def test_a_fifo_named_on_the_command_line_is_still_read(tmp_path: Path) -> None:
    import os
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    threading.Thread(target=lambda: fifo.write_text(GOOD, encoding="utf-8"), daemon=True).start()
    result = runner.invoke(app, ["count", str(fifo), "-f", "json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 2


# ── 6. warning floods ──────────────────────────────────────────────────────────────────────


def _warnings(result) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.startswith("warning:")]


def test_a_wrong_text_field_is_summed_up(tmp_path: Path) -> None:
    rows = "".join(f"{i},反对四风。\n" for i in range(2000))
    _write(tmp_path / "big.csv", "id,body\n" + rows)
    result = runner.invoke(app, ["count", str(tmp_path / "big.csv"), "-f", "json"])
    assert len(result.stderr.splitlines()) == 1, result.stderr  # the file is named once, not 2,000 times
    mixed = '{"text": "反对四风。"}\n' + '{"body": "反对四风。"}\n' * 2000  # rows that lose the field later
    _write(tmp_path / "mixed.jsonl", mixed)
    result = runner.invoke(app, ["count", str(tmp_path / "mixed.jsonl"), "-f", "json"])
    said = _warnings(result)
    assert len(said) == 6 and said[-1].endswith("1,995 more rows skipped or warned about (the first 5 are above)")


def test_plain_text_read_as_jsonl_is_summed_up(tmp_path: Path) -> None:
    _write(tmp_path / "plain.txt", GOOD * 500)
    result = runner.invoke(app, ["count", str(tmp_path / "plain.txt"), "--input-format", "jsonl", "-f", "json"])
    said = _warnings(result)
    assert len(said) == 6 and "495 more rows" in said[-1]


def test_an_unterminated_csv_quote_says_how_much_it_swallowed(tmp_path: Path) -> None:
    rows = "".join(f"{i},反对四风。\n" for i in range(1000))
    _write(tmp_path / "q.csv", 'id,text\n1,"反对四风\n' + rows)
    result = runner.invoke(app, ["count", str(tmp_path / "q.csv"), "-f", "json"])
    [said] = _warnings(result)
    assert "q.csv:2: bad CSV row" in said and "runs over 1,001 lines" in said and "quote left open" in said


# ── 8. lone surrogates: file names that are not UTF-8, "\ud800" in JSON or YAML ─────────────


@pytest.fixture
def gbk_named(tmp_path: Path) -> Path:
    import os

    folder = tmp_path / "d"
    folder.mkdir()
    name = os.fsdecode(str(folder).encode() + b"/\xcb\xc4.txt")  # 四.txt in GBK, as Chinese archives hold
    Path(name).write_text("反对四风。坚持两个确立。\n", encoding="utf-8")
    _write(tmp_path / "s.jsonl", '{"text": "反对四风\\ud800。", "id": "x\\udc80", "group": "g\\ud800"}\n')
    return tmp_path


@pytest.mark.parametrize("command", [["gloss", "-f", "md"], ["gloss", "-f", "csv"], ["gloss", "-f", "tbx"],
                                     ["gloss", "-f", "json"], ["tag"], ["tag", "-f", "jsonl"], ["count", "-f", "csv"],
                                     ["trend", "--by", "group", "-f", "csv"], ["report", "-o", "-"]])
def test_surrogates_never_crash_a_writer(gbk_named: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, str(gbk_named / "d"), str(gbk_named / "s.jsonl"), "--id-field", "id",
                                 "--group-field", "group"])
    assert result.exit_code == 0, (result.stderr, result.exception)
    out = result.stdout_bytes.decode("utf-8")  # valid UTF-8, no raw byte from a file name
    if command[0] in ("tag", "report"):  # the file name, its bytes written out
        assert "xcb" in out and "xc4" in out


def test_a_lone_surrogate_in_a_lexicon_is_refused(tmp_path: Path) -> None:
    lex = _write(tmp_path / "lex.yaml", ENTRY.replace("Four Winds", '"Four\\ud800Winds"'))
    result = runner.invoke(app, ["count", "-", "--lexicon", str(lex)], input=GOOD)
    _one_error(result, "lex.yaml:2", "lone surrogate")


# ── also noticed: decoding ─────────────────────────────────────────────────────────────────


def test_odd_length_utf16_and_mixed_utf8_gbk_are_read(tmp_path: Path) -> None:
    from termkit.corpus import decode_bytes

    text, enc = decode_bytes("坚持两个确立 and more text\n".encode("utf-16-le") + b"\x00")
    assert enc == "utf-16-le" and text.startswith("坚持两个确立") and text.endswith("\ufffd")
    mixed = "坚持两个确立。\n".encode() * 40 + "做到两个维护。\n".encode("gbk") + "反对四风。\n".encode() * 40
    text, enc = decode_bytes(mixed)
    assert "做到两个维护" in text and enc == "utf-8 (1 lines gb18030)"


# ── 15. discover stubs: homophone slugs, line breaks in examples ───────────────────────────


@pytest.mark.parametrize("brk", ["\r", "\n", "\x85", "\u2028", "\u2029", "\x0b"])
def test_stub_yaml_keeps_examples_in_their_comment_and_ids_apart(tmp_path: Path, brk: str) -> None:
    from termkit.discover import Candidate
    from termkit.discover.stubs import stubs, to_yaml
    from termkit.lexicon_edit import append_entries

    evil = f"落实三资{brk}  - {{id: injecte, term: 注入, gloss: x}}{brk}#"
    cands = [Candidate("三资", 5.0, 4, 2, "numbered", evil), Candidate("三姿", 4.0, 3, 2, "numbered", "三姿")]
    text = to_yaml(cands, taken={"san-zi-2"})
    path = _write(tmp_path / "stubs.yaml", text)
    lex, problems = read_lexicon(path)
    assert [e.id for e in lex.entries] == ["san-zi", "san-zi-3"]
    assert not problems  # the comment holds the whole example: nothing injected, nothing broken
    append_entries(tmp_path / "mine.yaml", stubs(cands, taken={"san-zi"}))  # both written, no duplicate id
    mine, _ = read_lexicon(tmp_path / "mine.yaml")
    assert [e.term for e in mine.entries] == ["三资", "三姿"] and len({e.id for e in mine.entries}) == 2


# ── 2. a killed worker, --jobs far above the cores ─────────────────────────────────────────


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the workers through /proc (Linux)")
def test_a_killed_worker_ends_the_run_with_one_line(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):
        _write(corpus / f"doc{i:02}.txt", GOOD * 20_000)  # ~0.4M characters each: a few seconds in all
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-m", "termkit", "count", str(corpus), "-f", "json", "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 120
        while len(workers := [c for c in _children(proc.pid) if c != proc.pid]) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert workers, "no worker started"
        time.sleep(0.5)
        os.kill(workers[0], signal.SIGKILL)  # kill -9, as the out-of-memory killer would
        out, err = proc.communicate(timeout=120)  # hung for ever before
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 1 and out == "", (proc.returncode, err)
    assert err.startswith("error: a worker process died") and err.count("\n") == 1, err
    assert "documents were not processed (" in err and "doc" in err


def test_jobs_far_above_the_cores_are_capped() -> None:
    from termkit.parallel import JOBS_PER_CORE, resolve_jobs

    assert resolve_jobs(1000) == JOBS_PER_CORE * resolve_jobs(None) < 1000


# ── 3. text without sentence barriers: pieces stay bounded ─────────────────────────────────


@pytest.mark.parametrize("text", ["the quick brown fox, jumps over. " * 4000, "坚持两个确立，做到两个维护" * 8000,
                                  "四" * 100_000], ids=["english", "han-with-commas", "one-character"])
def test_a_text_without_barriers_is_still_cut(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import termkit.match as match
    from termkit.compile import load_compiled
    from termkit.lexicon import bundled_lexicon_path

    monkeypatch.setattr(match, "LONG_STRETCH", 5000)  # 1M characters in real runs
    m = load_compiled(bundled_lexicon_path()).matcher
    cuts = list(m.segments(text, 1000))
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text) and all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    assert max(b - a for a, b in cuts) <= 1000 + 5000  # was one piece of the whole text
    if "，" in text:  # cut where no term occurrence spans the cut: the same matches as the whole text
        whole = [(x.start, x.end, x.entry.id) for x in m.find(text, segment=len(text))]
        assert [(x.start, x.end, x.entry.id) for x in m.find(text, segment=1000)] == whole


# ── 5. gloss: the sentence around a term is looked for near it ─────────────────────────────


class _CountingText(str):
    """A str that counts the characters read one at a time (what sentence_at walks)."""

    reads = 0

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, int):
            _CountingText.reads += 1
        return str.__getitem__(self, key)


def test_the_gloss_sentence_walk_is_bounded() -> None:
    from termkit.gloss import CONTEXT_MAX, sentence_at

    text = _CountingText("经济社会发展取得新成效" * 20_000 + "四风" + "人民生活水平不断提高" * 20_000)
    start = text.index("四风")
    _CountingText.reads = 0
    shown = sentence_at(text, start, start + 2)
    assert "四风" in shown and shown.startswith("…") and shown.endswith("…")
    assert _CountingText.reads <= 6 * CONTEXT_MAX  # was the whole text (400,000 characters) per term


# ── 16. Dask: a port that never answers, a lost worker ─────────────────────────────────────


def test_a_scheduler_port_that_never_answers_is_one_line(tmp_path: Path) -> None:
    import signal
    import socket
    import threading

    pytest.importorskip("distributed")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept_and_say_nothing() -> None:  # as an HTTP server, or the dashboard port, does for Dask
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    threading.Thread(target=accept_and_say_nothing, daemon=True).start()
    doc = _write(tmp_path / "a.txt", GOOD)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the client waited for ever"))
    signal.alarm(90)
    try:
        result = runner.invoke(app, ["count", str(doc), "--engine", "dask", "--scheduler",
                                     f"tcp://127.0.0.1:{server.getsockname()[1]}"])
    finally:
        signal.alarm(0)
        stop.set()
        server.close()
    _one_error(result, "cannot reach the Dask scheduler", "no answer within 10s")


class _LostOnce:
    """A future whose worker died: result() raises as distributed does, once per partition."""

    def __init__(self, tally, fail: int) -> None:
        self.tally, self.fail = tally, fail

    def result(self):
        if self.fail:
            from concurrent.futures import CancelledError

            raise CancelledError("lost: already forgotten")
        return self.tally


def test_a_lost_partition_is_sent_again_then_given_up_with_one_line() -> None:
    from termkit.compile import compile_lexicon
    from termkit.corpus import Document
    from termkit.engine_dask import RETRIES, _result, count_partition
    from termkit.errors import TermkitError
    from termkit.lexicon import Entry, Lexicon

    m = compile_lexicon(Lexicon((Entry(id="four-winds", term="四风", gloss="Four Winds"),)))
    part = [Document("a", "反对四风"), Document("b", "四風")]

    class Cluster:
        def __init__(self, fails: int) -> None:
            self.fails, self.sent = fails, 0

        def scatter(self, data, **_):
            return data

        def submit(self, func, matcher, docs, nested, **_):
            self.sent += 1
            self.fails -= 1
            return _LostOnce(func(matcher, docs, nested), self.fails > 0)

    client = Cluster(fails=2)
    assert _result(client, m, False, part, _LostOnce(None, 1)).result().matches == 2 and client.sent == 2
    with pytest.raises(TermkitError, match="lost a partition of 2 documents"):
        _result(Cluster(fails=99), m, False, part, _LostOnce(None, 1))
    assert count_partition(m, part).result().matches == 2 and RETRIES == 2


# ── also noticed: control characters in the HTML report ────────────────────────────────────


def test_the_report_shows_control_characters_instead_of_holding_them(tmp_path: Path) -> None:
    _write(tmp_path / "e\x1b[31m.txt", "两个维护\x1b[2J\x01\u202e。\n")
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(tmp_path), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert not any(c in page for c in ("\x1b", "\x01", "\u202e")) and "␛[2J" in page


# ── also noticed: a DeepL/OmegaT problem is reported once ──────────────────────────────────


@pytest.mark.parametrize("fmt", ["deepl", "omegat"])
def test_a_glossary_problem_is_reported_once(tmp_path: Path, fmt: str) -> None:
    lex = _write(tmp_path / "lex.yaml", 'terms:\n  - id: a\n    term: 两个维护\n    gloss: "x\\ty"\n')
    doc = _write(tmp_path / "a.txt", "做到两个维护，兩個維護。\n")
    result = runner.invoke(app, ["gloss", str(doc), "-f", fmt, "--lexicon", str(lex)])
    assert result.exit_code == 0
    assert len(_warnings(result)) == 1, result.stderr


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the workers through /proc (Linux)")
def test_workers_end_with_a_killed_parent(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        _write(corpus / f"doc{i:02}.txt", GOOD * 20_000)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-m", "termkit", "count", str(corpus), "-f", "json", "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    while len(workers := _children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers, "no worker started"
    time.sleep(0.5)
    proc.kill()  # the parent dies at once, as with kill -9 during start-up
    proc.wait()
    deadline = time.monotonic() + 30
    while (alive := [w for w in workers if _running(w)]) and time.monotonic() < deadline:
        time.sleep(0.2)
    for w in alive:
        os.kill(w, signal.SIGKILL)
    assert not alive, f"{len(alive)} workers outlived their parent"


def test_a_dask_worker_killed_mid_run_still_gives_the_full_count() -> None:
    import os
    import signal
    import threading
    import time

    distributed = pytest.importorskip("distributed")
    from termkit.compile import load_compiled
    from termkit.corpus import Document
    from termkit.engine_dask import count_on_dask
    from termkit.lexicon import bundled_lexicon_path

    matcher = load_compiled(bundled_lexicon_path()).matcher
    docs = [Document(f"d{i}", GOOD * 20_000) for i in range(80)]
    killed: list[float] = []
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") \
            as cluster, distributed.Client(cluster) as client:
        pid = next(iter(cluster.workers.values())).process.pid

        def kill_when_busy() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                busy = [w for w, tasks in client.processing().items() if tasks]
                if len(busy) == 2:
                    os.kill(pid, signal.SIGKILL)  # as kill -9 or the out-of-memory killer would
                    killed.append(time.monotonic())
                    return
                time.sleep(0.05)

        threading.Thread(target=kill_when_busy, daemon=True).start()
        stats = count_on_dask(docs, matcher, client, partition_chars=1_000_000)  # a traceback before
        ended = time.monotonic()
    if not killed or killed[0] > ended:
        pytest.skip("the run ended before a worker could be killed")
    assert stats.matches == 80 * 20_000 * 2
