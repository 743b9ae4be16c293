"""The classes every command is built on (termkit.cli_base): help that names values plainly, summaries
listed whole, values parsed without typer's pydantic adapters, and a lean start-up of ``termkit tag``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from termkit.cli import app
from termkit.cli_base import App

ROOT = Path(__file__).resolve().parent.parent
# what typer 0.29 writes in help and a reader should not meet (a brace around a required argument,
# a Python type, a range in maths notation)
NOT_IN_HELP = ["{", "}", "<list[", "<str>", "<int", "<path>", "int range", "x>=", "x<=", ">=1]"]


def _commands(cmd=None, path=()):
    cmd = cmd or typer.main.get_command(app)
    yield path, cmd
    for name, sub in getattr(cmd, "commands", {}).items():
        yield from _commands(sub, (*path, name))


COMMANDS = [" ".join(p) or "termkit" for p, _ in _commands()]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_values_plainly(command: str) -> None:
    args = [] if command == "termkit" else command.split()
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    for bad in NOT_IN_HELP:
        assert bad not in result.output, f"{command} --help shows {bad!r}:\n{result.output}"


@pytest.mark.parametrize("command", [c for c in COMMANDS if c in ("termkit", "lexicon")])
def test_group_lists_whole_summaries(command: str) -> None:
    args = [] if command == "termkit" else [command]
    out = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "80"}).output
    listed = out.split("Commands:\n", 1)[1]
    assert "..." not in listed, listed
    assert listed.rstrip().endswith(".")  # each summary is a sentence, ended


def test_usage_line_of_required_and_optional_arguments() -> None:
    runner = CliRunner()
    assert " count [OPTIONS] PATHS...\n" in runner.invoke(app, ["count", "-h"]).output
    assert " gloss [OPTIONS] [PATHS]...\n" in runner.invoke(app, ["gloss", "-h"]).output
    assert " kwic [OPTIONS] TERM... PATH...\n" in runner.invoke(app, ["kwic", "-h"]).output
    assert "Missing argument 'TERM'." in runner.invoke(app, ["lexicon", "add"]).output


class Color(str, Enum):
    red = "red"
    blue = "blue"


def _probe() -> typer.Typer:
    probe = App(add_completion=False)

    @probe.command()
    def run(names: list[str], n: int = typer.Option(1, "--n"), color: Color = typer.Option(Color.red, "--color"),
            where: Optional[Path] = typer.Option(None, "--where"), flag: bool = typer.Option(False, "--flag")) -> None:
        typer.echo(json.dumps([names, n, color.value, str(where) if where else None, flag]))

    return probe


@pytest.mark.parametrize(("args", "parsed"), [
    (["a"], [["a"], 1, "red", None, False]),
    (["a", "b", "--n", "12"], [["a", "b"], 12, "red", None, False]),
    (["a", "--n", " 7 "], [["a"], 7, "red", None, False]),
    (["a", "--n", "3.0"], [["a"], 3, "red", None, False]),
    (["a", "--n", "1_000", "--color", "blue", "--where", "x/y", "--flag"], [["a"], 1000, "blue", "x/y", True]),
])
def test_values_parse_as_typer_parses_them(args: list[str], parsed: list) -> None:
    result = CliRunner().invoke(_probe(), args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == parsed


@pytest.mark.parametrize(("args", "message"), [
    (["a", "--n", "abc"], "'abc' is not a number"),
    (["a", "--n", "1.5"], "'1.5' is not a whole number"),
    (["a", "--color", "green"], "'green' is not one of 'red', 'blue'."),
])
def test_bad_values_are_usage_errors_in_words(args: list[str], message: str) -> None:
    result = CliRunner().invoke(_probe(), args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Value error" not in result.output and "Input should" not in result.output


@pytest.mark.parametrize(("args", "not_loaded"), [
    (["tag", "{small}"], ["pydantic", "typer._adapters", "numpy", "multiprocessing"]),
    (["tag", "{small}", "--format", "jsonl"], ["pydantic", "typer._adapters", "rich", "numpy"]),
    (["count", "{small}", "--format", "csv"], ["pydantic", "typer._adapters", "rich", "multiprocessing", "numpy"]),
    # enough files for a progress bar on a terminal; in a pipe, no rich to find that out
    (["count", "{many}", "--format", "csv"], ["pydantic", "rich", "termkit.gloss", "numpy"]),
    (["show", "two-upholds", "--format", "json"], ["pydantic", "typer._adapters", "rich", "numpy"]),
])
def test_a_run_on_a_small_file_imports_what_it_needs(tmp_path: Path, args: list[str], not_loaded: list[str]) -> None:
    """The import graph of the commands typed most: nothing parses values or loads the cached lexicon
    through pydantic, a machine format draws nothing with rich, one small file starts no process pool,
    and none of these needs NumPy (checked in a fresh interpreter, after a first run that wrote the
    matcher cache)."""
    small = tmp_path / "small.txt"
    # 新常态 has context rules (the matcher's slower path)
    small.write_text("坚决做到“两个维护”。经济发展进入新常态。" * 50, encoding="utf-8")
    many = tmp_path / "many"
    many.mkdir()
    for i in range(25):
        (many / f"{i}.txt").write_text("坚决做到“两个维护”。", encoding="utf-8")
    # the session's private matcher cache (conftest): the lexicon is compiled once, not once per case
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    argv = [a.format(small=small, many=many) for a in args]
    code = ("import json, sys; from termkit.cli import main; sys.argv = ['termkit', *json.loads(sys.argv[1])]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {not_loaded!r} if m in sys.modules), file=sys.stderr)")
    first = subprocess.run([sys.executable, "-c", code, json.dumps(argv)], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([sys.executable, "-c", code, json.dumps(argv)], env=env, capture_output=True, text=True)
    assert second.stdout == first.stdout and ("two-upholds" in second.stdout or "Two Upholds" in second.stdout)
    assert second.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(("argv", "built"), [
    (["tag"], ["tag"]),
    (["lexicon"], ["lexicon"]),
    (["--help"], None),
    (["tga"], None),  # a mistyped command: the whole app, which suggests 'tag'
    ([], None),
])
def test_a_run_builds_only_the_command_it_names(argv: list[str], built: list[str] | None) -> None:
    group = typer.main.get_command(app.only(argv))
    assert list(group.commands) == (built or list(typer.main.get_command(app).commands))


def test_the_command_asks_openblas_for_no_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """NumPy's OpenBLAS would start a spinning thread per extra core (termkit does no linear algebra);
    a value the user set stays."""
    from termkit import cli

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    cli._no_blas_threads()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    cli._no_blas_threads()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"


@pytest.mark.parametrize("args", [["--version"], ["tag", "-"], ["nosuchcommand"]])
def test_the_command_ends_with_its_objects_frozen(args: list[str]) -> None:
    """However a run ends (done, or an error), the command leaves its objects in the collector's permanent
    generation, so that the interpreter's shutdown does not walk them all once more; what it printed is
    unchanged."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    code = ("import gc, json, sys; from termkit.cli import main; sys.argv = ['termkit', *json.loads(sys.argv[1])]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('frozen', gc.get_freeze_count() > 1000, file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code, json.dumps(args)], env=env, capture_output=True, text=True,
                         input="坚决做到“两个维护”。")
    assert run.stderr.strip().splitlines()[-1] == "frozen True"
    plain = subprocess.run([sys.executable, "-m", "termkit", *args], env=env, capture_output=True, text=True,
                           input="坚决做到“两个维护”。")
    assert plain.stdout == run.stdout
