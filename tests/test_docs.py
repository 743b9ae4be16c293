"""The CLI reference is generated from the real --help output and must be current."""

from __future__ import annotations

from helpers import ROOT, load_script


def test_cli_reference_is_current() -> None:
    gen = load_script(ROOT / "docs" / "gen_cli.py")
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == gen.render(), "docs/cli.md is stale: run python docs/gen_cli.py"


def _commands(cmd, path: list[str]):
    """Every leaf command of the app, as its words after ``termkit``."""
    subs = getattr(cmd, "commands", None)
    if subs is None:
        yield " ".join(path)
    else:
        for name, sub in subs.items():
            yield from _commands(sub, [*path, name])


def test_every_command_is_documented() -> None:
    import typer.main

    from termkit.cli import app

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = list(_commands(typer.main.get_command(app), []))
    assert {"tag", "count", "lexicon check"} <= set(commands)  # the walk reaches nested groups
    for command in commands:
        assert f"## `termkit {command}`" in text, command
