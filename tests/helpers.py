"""Helpers shared by tests (import with ``from helpers import …``)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from termkit.compile import compile_lexicon
from termkit.errors import LexiconError
from termkit.lexicon import Entry, Lexicon
from termkit.match import Matcher
from termkit.normalize import FoldTable

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def load_script(path: Path, name: str | None = None) -> ModuleType:
    """A script of ``eval/``, ``bench/`` or ``docs/`` (not a package) imported from its file as module ``name``
    (default: the file's name without ``.py``), registered in ``sys.modules`` before it runs: dataclasses look
    their module up there. A script that imports its neighbours puts its own folder on ``sys.path`` itself.

    >>> load_script(ROOT / "docs" / "gen_cli.py").OUT.name
    'cli.md'
    """
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name or path.stem, path)
    assert spec and spec.loader, f"{path}: not a Python file"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[spec.name]
        raise
    return module


def make_matcher(table: FoldTable, *specs: dict) -> Matcher:
    """A matcher over entries given as dicts (id defaults to e0, e1 …, gloss to the term)."""
    entries = tuple(Entry(**{"id": f"e{i}", "gloss": s["term"], **s}) for i, s in enumerate(specs))
    return compile_lexicon(Lexicon(entries), table)


def drawn_matcher(table: FoldTable, *specs: dict) -> Matcher:
    """:func:`make_matcher` in a hypothesis test: a drawn lexicon that is not valid (two entries claiming
    one surface, a schema error) is rejected, and hypothesis draws another; any other error fails."""
    from hypothesis import reject

    try:
        return make_matcher(table, *specs)
    except (LexiconError, ValueError):
        reject()


def write_lexicon(folder: Path, text: str, name: str = "lex.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def story_with_reference(folder: Path, story: str, months: list[tuple[str, str, str]]) -> tuple[Path, Path, Path]:
    """A one-entry lexicon (两国关系), a story file and a reference folder of one file a month (``months``: (id,
    month, text)) under ``folder``, as ``termkit discover STORY -l LEX -r REF`` reads them."""
    lex = folder / "lex.yaml"
    lex.write_text("terms:\n  - id: bilateral\n    term: 两国关系\n    gloss: relations of two countries\n",
                   encoding="utf-8")
    path = folder / "story.txt"
    path.write_text(story, encoding="utf-8")
    ref = folder / "ref"
    ref.mkdir()
    for _, month, text in months:
        (ref / f"news_{month}.txt").write_text(text, encoding="utf-8")
    return lex, path, ref


def load_cases(name: str, key: str = "name") -> list:
    """The cases of ``tests/cases/NAME.jsonl`` as pytest parameters, one JSON object a line. A case
    with ``"expect": "fail"`` is a known failure, run as a strict xfail (it fails the suite when it
    starts passing, so the file stays true); its ``"why"`` says what is wrong."""
    import json

    import pytest

    params = []
    path = Path(__file__).parent / "cases" / f"{name}.jsonl"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        case = json.loads(line)
        marks = []
        if case.get("expect") == "fail":
            marks.append(pytest.mark.xfail(strict=True, reason=case.get("why", "known failure")))
        params.append(pytest.param(case, id=str(case.get(key, f"{name}:{number}")), marks=marks))
    return params


def arrays_always():
    """A module-scoped fixture's body: the default engine matches every text on its array path (a run's
    first characters take the plain reference path, which the engine tests compare the arrays with).
    Use as ``pytest.fixture(scope="module", autouse=True)(arrays_always)``."""
    import pytest

    from termkit.match import Matcher

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Matcher, "takes_plain_path", lambda self, length: False)
        yield
