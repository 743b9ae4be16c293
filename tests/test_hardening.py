"""Bad input through the real commands: each gets one clear line on stderr and the run goes on.

The good file ``good.txt`` sits next to each bad input; every test checks that its terms are still
counted, so "the run continues" is asserted, not assumed. Tests run as root in CI, where
``chmod 000`` does not stop reading: an unreadable file is a dangling symlink (a real OSError from
the kernel) and a file whose read raises PermissionError (monkeypatched); a read-only folder is a
rename that fails with EROFS (monkeypatched).
"""

from __future__ import annotations

import errno
import json
import os
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termkit.cli import app

runner = CliRunner()
GOOD = "坚持“两个确立”，做到“两个维护”。\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    return d


def _count(*args: str) -> tuple[dict[str, int], str, int]:
    result = runner.invoke(app, ["count", *args, "--format", "json"])
    counts = {r["id"]: r["count"] for r in json.loads(result.stdout)} if result.stdout.strip() else {}
    return counts, result.stderr, result.exit_code


def _one_warning(stderr: str, *words: str) -> None:
    lines = [ln for ln in stderr.splitlines() if ln.startswith("warning:")]
    assert len(lines) == 1, stderr
    assert all(w in lines[0] for w in words), lines[0]


def _still_counted(counts: dict[str, int]) -> None:
    assert counts == {"two-establishments": 1, "two-upholds": 1}


def test_binary_file(folder: Path) -> None:
    (folder / "image.txt").write_bytes(bytes(range(256)) * 40)
    counts, err, code = _count(str(folder))
    assert code == 0
    _one_warning(err, "image.txt", "binary file", "skipped")
    _still_counted(counts)


def test_unreadable_file_dangling_symlink(folder: Path) -> None:
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    counts, err, code = _count(str(folder))
    assert code == 0
    _one_warning(err, "gone.txt", "no such file", "skipped")
    _still_counted(counts)


def test_unreadable_file_permission_denied(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = folder / "secret.txt"
    secret.write_text("两个确立", encoding="utf-8")
    read_bytes = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    counts, err, code = _count(str(folder))
    assert code == 0
    _one_warning(err, "secret.txt", "Permission denied", "skipped")
    _still_counted(counts)


def test_fifo_in_a_folder_is_skipped_not_waited_on(folder: Path) -> None:
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    # if a regression ever opens the FIFO, a writer unblocks it after 10 s so the test fails, not hangs
    threading.Thread(target=lambda: (time.sleep(10), open(fifo, "w").close()), daemon=True).start()
    counts, err, code = _count(str(folder))
    assert code == 0
    _one_warning(err, "pipe.txt", "not a regular file", "skipped")
    _still_counted(counts)


def test_directory_loop(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    counts, err, code = _count(str(folder))
    assert code == 0
    _one_warning(err, "folder loop", "not followed")
    _still_counted(counts)


def test_empty_file(folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    counts, err, code = _count(str(folder))
    assert code == 0
    _one_warning(err, "empty.txt", "empty")
    _still_counted(counts)


def test_missing_path(folder: Path) -> None:
    counts, err, code = _count(str(folder), str(folder / "no-such.txt"))
    assert code == 1  # the user named it: an error, once the other paths are counted
    assert [line for line in err.splitlines() if line.startswith("error:")] == [
        f"error: {folder / 'no-such.txt'}: no such file or folder"]
    _still_counted(counts)


def test_jsonl_row_that_is_not_json(folder: Path) -> None:
    (folder / "rows.jsonl").write_text('{"text": "两个确立"}\n{"text": 两个维护}\nnot json at all\n'
                                       '{"text": "两个维护"}\n', encoding="utf-8")
    counts, err, code = _count(str(folder))
    assert code == 0
    lines = [ln for ln in err.splitlines() if ln.startswith("warning:")]
    assert len(lines) == 2 and all("not JSON" in ln and "skipped" in ln for ln in lines), err
    assert "rows.jsonl:2" in lines[0] and "rows.jsonl:3" in lines[1]
    assert counts == {"two-establishments": 2, "two-upholds": 2}


def test_single_line_of_100_mb(tmp_path: Path) -> None:
    # ~33M characters on one line, a term at each end; matched in ~1M-character segments (≈0.25 GB peak)
    filler = "经济社会发展取得新成效，人民生活水平不断提高。".encode()
    path = tmp_path / "one-line.txt"
    with path.open("wb") as fh:
        fh.write("坚持“两个确立”".encode())
        for _ in range(100_000_000 // len(filler) // 10_000 + 1):
            fh.write(filler * 10_000)
        fh.write("做到两个维护".encode())
    assert path.stat().st_size >= 100_000_000 and b"\n" not in path.read_bytes()[:1_000_000]
    counts, err, code = _count(str(path))
    assert code == 0 and err == ""
    _still_counted(counts)


def test_warnings_stay_on_one_line_and_keep_brackets(folder: Path) -> None:
    # rich wraps at the console width and reads [brackets] as markup unless told not to
    name = "[bold]" + "长" * 60 + "[red] damaged.txt"
    (folder / name).write_text("宁??县委坚持两个确立。\n", encoding="utf-8")
    result = runner.invoke(app, ["count", str(folder), "--format", "json"])
    assert result.exit_code == 0
    _one_warning(result.stderr, "damaged text: 1 run in 1 document ")
    result = runner.invoke(app, ["tag", str(folder / name), "--format", "jsonl"])
    _one_warning(result.stderr, name, "1 damaged run ", "line 1, column 2")
    result = runner.invoke(app, ["count", str(folder)])  # the table: damage listed under it, one line each
    assert any(name in ln and ln.endswith("column 2") for ln in result.stdout.splitlines())


def test_lexicon_with_a_python_object_tag_is_refused(folder: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    lex = tmp_path / "evil.yaml"
    lex.write_text("terms:\n  - id: x\n    term: 两个确立\n    gloss: !!python/object/apply:os.system "
                   f"[\"touch {marker}\"]\n", encoding="utf-8")
    result = runner.invoke(app, ["count", str(folder), "--lexicon", str(lex)])
    assert result.exit_code == 1 and not marker.exists()
    assert result.stderr.startswith("error:") and result.stderr.count("\n") == 1
    assert "evil.yaml" in result.stderr and "Traceback" not in result.stderr


def _gloss(folder: Path, target: Path) -> tuple[str, int]:
    result = runner.invoke(app, ["gloss", str(folder), "--format", "csv", "-o", str(target)])
    return result.stderr, result.exit_code


def test_export_into_a_missing_folder(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "glossary.csv"
    err, code = _gloss(folder, target)
    assert code == 1 and err.startswith("error:") and err.count("\n") == 1 and "does not exist" in err
    assert not target.parent.exists()


def test_export_into_a_read_only_folder_keeps_the_old_file(folder: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "glossary.csv"
    target.write_text("old glossary\n", encoding="utf-8")

    def read_only(*_a: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only)
    err, code = _gloss(folder, target)
    assert code == 1 and err.startswith("error:") and err.count("\n") == 1
    assert "Read-only file system" in err and "unchanged" in err
    assert target.read_text(encoding="utf-8") == "old glossary\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary.csv", "in"]  # no temporary file left

