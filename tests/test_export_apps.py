"""The default glossaries open in OmegaT, read by OmegaT's own glossary readers (OmegaT.jar from
Debian's ``omegat`` package) through bench/omegat/ReadGlossary.java. Skipped, with the reason, where
OmegaT or a JDK is not installed (.ci/run installs both)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termkit.cli import app

ROOT = Path(__file__).resolve().parent.parent
JAR = Path("/usr/share/omegat/OmegaT.jar")
pytestmark = pytest.mark.skipif(not (JAR.exists() and shutil.which("javac")),
                                reason="OmegaT (Debian's omegat package) and a JDK are not installed")
DOC = "坚持“当下改”和“长久立”相结合，发展新质生产力，共建“一带一路”。"


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory):
    classes = tmp_path_factory.mktemp("omegat")
    subprocess.run(["javac", "-d", str(classes), "-cp", str(JAR), str(ROOT / "bench/omegat/ReadGlossary.java")],
                   check=True)

    def read(path: Path) -> list[tuple[str, str, str]]:
        run = subprocess.run(["java", "-cp", f"{JAR}:{classes}", "ReadGlossary", str(path), "zh-CN", "en-US"],
                             capture_output=True, text=True, check=True)
        return [tuple(line.split("\t")) for line in run.stdout.splitlines()[1:]]  # type: ignore[misc]

    return read


def write(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    result = CliRunner().invoke(app, ["gloss", "-", "-o", str(target)], input=DOC)
    assert result.exit_code == 0, result.output
    return target


def test_omegat_reads_the_default_tbx_preferred_first_deprecated_as_a_note(tmp_path, reader):
    entries = reader(write(tmp_path, "glossary.tbx"))
    offered = [target for source, target, _ in entries if source == "新质生产力"]
    assert offered[0] == "new quality productive forces"
    assert "new productivity boosters" not in offered  # deprecated: never offered as a translation
    comment = next(c for s, _, c in entries if s == "新质生产力")
    assert "do not use: new productivity boosters" in comment
    assert {s for s, _, _ in entries} >= {"新质生产力", "“当下改”和“长久立”", "一带一路"}


def test_omegat_reads_its_tab_separated_format(tmp_path, reader):
    entries = reader(write(tmp_path, "glossary.utf8"))
    assert ("新质生产力", "new quality productive forces") in {(s, t) for s, t, _ in entries}
    assert all(t != "new productivity boosters" for _, t, _ in entries)
