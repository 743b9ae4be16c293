"""Shared fixtures: a private matcher cache and user lexicon folder (tests never touch the user's own),
one folding table and one general-Chinese background (jieba's dictionary, read once a session)."""

from __future__ import annotations

import pytest

from termkit.normalize import FoldTable


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(autouse=True)
def _private_user_lexicon(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMKIT_LEXICON_DIR", str(tmp_path_factory.mktemp("user-lexicon")))


@pytest.fixture(scope="session")
def table() -> FoldTable:
    return FoldTable.build()


@pytest.fixture(scope="session")
def background():  # -> termkit.discover.background.Background
    from termkit.discover.background import Background

    return Background.load()
