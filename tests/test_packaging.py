"""The wheel carries the bundled lexicon: built, installed (not editable) into a folder of its own
and run from elsewhere, termkit finds its lexicon inside the package and counts the seeds as the
checkout does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(out)], check=True, capture_output=True)
    return next(out.glob("termkit-*.whl"))


def test_the_wheel_holds_every_lexicon_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = {f"termkit/_lexicon/{p.name}" for p in (ROOT / "lexicon").glob("*.yaml")}
    assert bundled and bundled <= names
    with zipfile.ZipFile(wheel) as z:
        for p in (ROOT / "lexicon").glob("*.yaml"):
            assert z.read(f"termkit/_lexicon/{p.name}") == p.read_bytes()


def test_the_wheel_holds_the_data_the_lint_reads(wheel: Path) -> None:
    assert "termkit/spelling.tsv" in set(zipfile.ZipFile(wheel).namelist())


def test_an_installed_wheel_finds_its_lexicon_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "TERMKIT_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import termkit.lexicon as L, sys; print(L.bundled_lexicon_path()); "
            "sys.argv = ['termkit', 'count', sys.argv[1], '--format', 'json']; "
            "from termkit.cli import main; main()")
    run = subprocess.run([sys.executable, "-c", code, str(ROOT / "seeds")], cwd=elsewhere, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    where, _, table = run.stdout.partition("\n")
    assert Path(where).is_relative_to(target) and Path(where).name == "_lexicon"
    installed = {r["id"]: r["count"] for r in json.loads(table)}
    checkout = subprocess.run([sys.executable, "-m", "termkit", "count", str(ROOT / "seeds"), "--format", "json"],
                              capture_output=True, text=True, check=True)
    assert installed == {r["id"]: r["count"] for r in json.loads(checkout.stdout)}
    assert installed["two-establishments"] == 3
