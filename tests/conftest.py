"""Shared fixtures: a private matcher cache (tests never touch the user's) and one folding table."""

from __future__ import annotations

import pytest

from termkit.normalize import FoldTable


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def table() -> FoldTable:
    return FoldTable.build()
