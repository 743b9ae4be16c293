"""layout: line breaking and the window of a sentence around a span, as a terminal cell grid shows them."""

from __future__ import annotations

import pytest
from helpers import load_cases
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from termkit.layout import ELLIPSIS, clip, window


@pytest.mark.parametrize("case", load_cases("layout_window"))
def test_window(case: dict) -> None:
    got = window(case["text"], case["start"], case["end"], case["width"])
    assert got == (case["shown"], *case["span"])


TEXT = st.text(alphabet="两个确立坚持和发展新时代枫桥经验，“”4+1 Belt", max_size=60)


@given(TEXT, st.data(), st.integers(min_value=4, max_value=50))
def test_window_fits_and_keeps_the_span(text: str, data, width: int) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    shown, s, e = window(text, start, end, width)
    assert cell_len(shown) <= width
    span = text[start:end]
    if cell_len(text) <= width:
        assert (shown, s, e) == (text, start, end)
    elif cell_len(span) + 2 * cell_len(ELLIPSIS) <= width:
        assert shown[s:e] == span  # the whole span, with as much on each side as fits
        left, right = shown[:s], shown[e:]
        assert left == text[:start] or (left.startswith(ELLIPSIS) and text[:start].endswith(left[1:]))
        assert right == text[end:] or (right.endswith(ELLIPSIS) and text[end:].startswith(right[:-1]))
    else:
        assert span.startswith(shown[s:e]) and shown.endswith(ELLIPSIS)


def test_clip() -> None:
    assert clip("两个确立", 8) == "两个确立"
    assert clip("两个确立", 7) == "两个确…"
    assert cell_len(clip("two establishments", 5)) <= 5
