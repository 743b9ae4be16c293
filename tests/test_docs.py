"""The CLI reference is generated from the real --help output and must be current."""

from __future__ import annotations

import importlib.util

from helpers import ROOT


def test_cli_reference_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_cli", ROOT / "docs" / "gen_cli.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == gen.render(), "docs/cli.md is stale: run python docs/gen_cli.py"


def test_every_command_is_documented() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in ("tag", "count", "show", "gloss", "discover", "lexicon check", "lexicon add"):
        assert f"## `termkit {command}`" in text
