"""Exit codes and messages of the real commands: what the user named and what went wrong."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import SEEDS
from typer.testing import CliRunner

import termkit
from termkit.cli import app

runner = CliRunner()
SEED = SEEDS / "004_34035a591a1666b0.txt"


def run(*args: str, input: str | None = None) -> tuple[str, str, int]:
    result = runner.invoke(app, list(args), input=input, env={"TTY_COMPATIBLE": "0"})
    return result.stdout, result.stderr, result.exit_code


@pytest.mark.parametrize("command", [["count"], ["count", "--format", "csv"], ["tag"], ["gloss"], ["trend"]])
def test_a_named_path_that_does_not_exist_is_an_error_after_the_rest(command: list[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nosuch")
    out, err, code = run(*command, missing, str(SEED))
    assert code == 1
    assert err.count("error:") == 1 and f"error: {missing}: no such file or folder" in err
    assert "两个确立" in out or "作风建设" in out, "the other path is still read"


def test_a_missing_file_alone_prints_no_empty_table(tmp_path: Path) -> None:
    out, err, code = run("count", str(tmp_path / "nosuch.txt"))
    assert code == 1 and "no such file" in err
    assert "┃" not in out and "term" not in out


@pytest.mark.parametrize("command", [["count"], ["tag"], ["gloss"], ["trend"], ["discover"],
                                     ["discover", "-r", str(SEEDS)], ["report", "-o", "OUT"]])
def test_when_no_path_named_exists_the_command_fails_before_its_work(command: list[str], tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    command = [str(out_file) if arg == "OUT" else arg for arg in command]
    out, err, code = run(*command, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert code == 1 and out == "", "no empty table, legend or summary after the error"
    assert [line for line in err.splitlines() if line] == [
        f"error: {tmp_path / name}: no such file or folder" for name in ("a.txt", "b.txt")]
    assert not out_file.exists()


def test_files_skipped_inside_a_folder_stay_warnings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("两个确立", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    _, err, code = run("count", str(tmp_path), "--format", "csv")
    assert code == 0 and "warning:" in err and "error:" not in err


@pytest.mark.parametrize("name, content, suggestion", [
    ("news.csv", "id,date,body\n1,2024-01-05,两个确立\n2,2024-02-01,四风\n", "body"),
    ("news.jsonl", '{"id": 1, "date": "2024-01-05", "content": "两个确立"}\n{"id": 2, "content": "四风"}\n', "content"),
])
def test_a_corpus_without_the_text_field_says_once_which_fields_exist(tmp_path: Path, name: str, content: str,
                                                                     suggestion: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out, err, code = run("count", str(path))
    assert code == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "no text field 'text'" in lines[0] and "id, date" in lines[0]
    assert f"give --text-field {suggestion}" in lines[0]
    out, err, code = run("count", str(path), "--text-field", suggestion, "--format", "json")
    assert code == 0 and {r["id"] for r in json.loads(out)} >= {"two-establishments"}


def test_the_same_file_named_twice_is_counted_once_with_a_warning() -> None:
    once = json.loads(run("count", str(SEEDS), "--format", "json")[0])
    out, err, code = run("count", str(SEEDS), str(SEEDS), str(SEED), "--format", "json")
    assert code == 0
    assert json.loads(out) == once
    assert "named more than once" in err


def test_an_empty_lexicon_folder_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "lex"
    folder.mkdir()
    _, err, code = run("count", str(SEED), "--lexicon", str(folder))
    assert code == 1 and "no lexicon files" in err


def test_plurals_for_one_of_each(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("两个确立。", encoding="utf-8")
    out, _, code = run("count", str(tmp_path / "one.txt"))
    assert code == 0
    flat = " ".join(out.split())
    assert "1 document ·" in flat and "1 match of 1 term" in flat
    out, _, _ = run("tag", str(tmp_path / "one.txt"))
    assert "1 match" in out and "1 matches" not in out
    lex = tmp_path / "lex.yaml"
    lex.write_text("terms:\n  - id: four-winds\n    term: 四风\n    gloss: Four Winds\n", encoding="utf-8")
    out, _, _ = run("lexicon", "check", "--lexicon", str(lex))
    assert "1 entry in 1 file: 0 errors" in out
    out, _, _ = run("gloss", str(tmp_path / "one.txt"), "--format", "md")
    assert "1 term found in 1 document." in out
    out, _, _ = run("lexicon", "stats", "--lexicon", str(lex))
    assert "1 entry in 1 file" in out


def test_damage_messages_say_run_for_one(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("两个确立??三个", encoding="utf-8")
    out, err, _ = run("count", str(tmp_path / "d.txt"))
    assert "1 damaged run " in err or "1 run," in out
    assert "1 runs" not in out + err and "1 damaged runs" not in err


def _default_sigint() -> None:
    # a shell starts background jobs with SIGINT ignored, and Python keeps that: undo it, as a
    # terminal's foreground job has it
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(x) for x in task.read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc to see the worker processes")
def test_ctrl_c_exits_130_quietly_and_leaves_no_worker(tmp_path: Path) -> None:
    seed = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    corpus = tmp_path / "big.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        f.writelines(json.dumps({"text": seed}, ensure_ascii=False) + "\n" for _ in range(300))
    env = {**os.environ, "PYTHONPATH": str(Path(termkit.__file__).parent.parent)}
    proc = subprocess.Popen([sys.executable, "-m", "termkit", "count", str(corpus), "-j", "2", "--format", "csv"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True, preexec_fn=_default_sigint)
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the pool did not start"
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (err, workers, _children(proc.pid))
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    time.sleep(0.5)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "(Z)" not in _state(w)], "a worker outlived the run"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0].join("()")
    except OSError:
        return "(gone)"


def test_help_version_and_short_summaries() -> None:
    out, _, code = run("-h")
    assert code == 0 and "Commands:" in out
    commands = out.split("Commands:")[1]
    assert "..." not in commands, "a command summary was cut"
    assert run("count", "-h")[2] == 0
    out, _, code = run("--version")
    assert code == 0 and out.startswith("termkit ")


def test_number_options_say_what_is_wrong_in_words() -> None:
    _, err, code = run("count", str(SEED), "--jobs", "0")
    assert code == 2 and "0 is too small: give 1 or more" in err
    assert "Input should be" not in err
    out, _, _ = run("count", "-h")
    assert "[x>=" not in out and "<int range>" not in out and "--sort KEY" in out


def test_show_suggests_the_nearest_entries() -> None:
    _, err, code = run("show", "two-establishmentz")
    # the nearest entry comes first; others close to the typo may follow (建制派 pro-establishment-camp)
    assert code == 1 and "did you mean 两个确立 (two-establishments)" in err
    _, err, code = run("show", "两个确定")
    assert "two-establishments" in err


def test_lexicon_add_says_first_that_the_term_exists(tmp_path: Path) -> None:
    lex = tmp_path / "lex.yaml"
    lex.write_text("terms:\n  - id: yangtze-river-economic-belt\n    term: 长江经济带\n    gloss: Yangtze River "
                   "Economic Belt\n", encoding="utf-8")
    _, err, code = run("lexicon", "add", "长江经济带", "--gloss", "Yangtze River Economic Belt", "--lexicon", str(lex))
    assert code == 1 and "'长江经济带' is already claimed by 'yangtze-river-economic-belt'" in err


def test_lexicon_fmt_formats_a_flow_style_entry(tmp_path: Path) -> None:
    lex = tmp_path / "lex.yaml"
    lex.write_text('terms:\n  - {id: x-y, term: 两个维护, gloss: "Two Upholds", category: formula}\n', encoding="utf-8")
    assert run("lexicon", "check", "--lexicon", str(lex))[2] == 0
    _, err, code = run("lexicon", "fmt", "--lexicon", str(lex))
    assert code == 0 and "Traceback" not in err and "error" not in err
    assert "  - id: x-y\n    term: 两个维护\n" in lex.read_text(encoding="utf-8")
    assert run("lexicon", "fmt", "--check", "--lexicon", str(lex))[2] == 0
    assert run("count", "-", "--lexicon", str(lex), "--format", "csv", input="两个维护")[0].count("x-y") == 1


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal for stdin")
def test_reading_stdin_from_a_terminal_says_so() -> None:
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(Path(termkit.__file__).parent.parent)}
    proc = subprocess.Popen([sys.executable, "-m", "termkit", "tag", "-", "--format", "jsonl"], stdin=slave,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    os.close(slave)
    time.sleep(0.5)
    os.write(master, "两个确立\n".encode() + b"\x04")
    out, err = proc.communicate(timeout=60)
    os.close(master)
    assert proc.returncode == 0
    assert b"reading standard input" in err
    assert b"two-establishments" in out
