"""Write docs/cli.md from the real ``--help`` of every termkit command.

    python docs/gen_cli.py          # rewrite docs/cli.md
    python docs/gen_cli.py --check  # exit 1 when docs/cli.md is stale (tests/test_docs.py does this)
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer.main

from termkit.cli import app

OUT = Path(__file__).resolve().parent / "cli.md"
WIDTH = 100


def _walk(cmd, path: list[str], parent):
    # typer ships its own click: build contexts with the command's own context class
    ctx = cmd.context_class(cmd, info_name=path[-1], parent=parent, terminal_width=WIDTH,
                            max_content_width=WIDTH, **cmd.context_settings)
    yield path, cmd.get_help(ctx)
    if hasattr(cmd, "list_commands"):
        for name in cmd.list_commands(ctx):
            yield from _walk(cmd.get_command(ctx, name), [*path, name], ctx)


def render() -> str:
    """The CLI reference as Markdown, one section per command."""
    parts = ["# termkit command reference\n",
             "Generated from the real `--help` output by `python docs/gen_cli.py`; "
             "`tests/test_docs.py` fails when it is stale.\n"]
    for path, text in _walk(typer.main.get_command(app), ["termkit"], None):
        parts.append(f"## `{' '.join(path)}`\n\n```text\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is stale: run python docs/gen_cli.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
