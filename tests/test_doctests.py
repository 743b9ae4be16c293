"""Every module's docstring examples run and hold (they are the library's first documentation)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import termkit

MODULES = sorted(m.name for m in pkgutil.walk_packages(termkit.__path__, "termkit.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
