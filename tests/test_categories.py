"""Categories: one table gives the lexicon's type, the terminal's styles and the report's highlights."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from termkit.categories import CATEGORIES, DEFAULT, Look
from termkit.lexicon import Category, Entry
from termkit.render import style_for
from termkit.report_template import STYLE


@pytest.mark.parametrize("name", list(CATEGORIES))
def test_each_category_is_valid_styled_and_highlighted(name: str) -> None:
    entry = Entry(id="x", term="四风", gloss="x", category=name)
    assert entry.category == name and style_for(entry) == CATEGORIES[name].terminal
    look = CATEGORIES[name]
    rule = f"mark.cat-{name} {{ background: {look.mark}; border-color: {look.edge}; }}"
    assert (rule in STYLE) == ((look.mark, look.edge) != (Look("").mark, Look("").edge))


def test_the_lexicon_type_is_the_table() -> None:
    assert [c.value for c in Category] == list(CATEGORIES)
    assert Entry(id="x", term="四风", gloss="x").category == DEFAULT
    with pytest.raises(ValidationError):
        Entry(id="x", term="四风", gloss="x", category="slogans")
    assert f"background: {Look('').mark}" in STYLE  # a plain term's highlight comes from the table's default
