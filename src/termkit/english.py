"""English renderings compared the way a terminologist compares them: one rule, used by ``search``,
``show`` and ``qa``.

Two spellings are the same rendering when they differ only in what translators legitimately vary:

- letter case (``Belt and Road`` = ``belt and road``);
- a leading article (``the Two Upholds`` = ``Two Upholds``);
- the plural of a word (``Four Consciousnesses`` = ``four consciousness``);
- a hyphen or a space between words (``Belt-and-Road`` = ``Belt and Road``);
- straight or curly quotes and apostrophes (``“Two Upholds”`` = ``"Two Upholds"``), and other
  punctuation between words (commas, full stops), which is not part of a word.

Nothing more: a different word, a missing word or another word order is another rendering.

>>> words("The “Belt-and-Road” Initiatives")
('belt', 'and', 'road', 'initiative')
>>> same("One Belt, One Road", "one belt one road"), same("Two Upholds", "Two Safeguards")
(True, False)
>>> find_rendering("We uphold the two upholds firmly.", "Two Upholds")
True
"""

from __future__ import annotations

import re
import unicodedata

ARTICLES = frozenset({"the", "a", "an"})
# letters, digits and apostrophes inside a word; everything else separates words
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# plural endings, most specific first; words that only look plural are left alone
_NOT_PLURAL = frozenset({"this", "is", "was", "has", "its", "his", "us", "as", "yes", "news", "series", "thus",
                         "analysis", "basis", "crisis", "process", "progress", "access", "success", "congress",
                         "ss", "status", "campus", "consensus", "bonus", "census", "focus", "less", "class",
                         "cross", "across", "gas", "chaos", "ethos", "plus", "minus", "affairs", "arms"})


def _singular(word: str) -> str:
    """The singular of an English word by its ending (a rule, not a dictionary).

    >>> [_singular(w) for w in ("policies", "approaches", "upholds", "process", "boxes", "ideas")]
    ['policy', 'approach', 'uphold', 'process', 'box', 'idea']
    """
    if len(word) <= 3 or word in _NOT_PLURAL or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def words(text: str) -> tuple[str, ...]:
    """The comparable words of ``text``: case folded, quotes and hyphens gone, plurals singular, a
    leading article dropped."""
    found = words_anywhere(text)
    return found[1:] if len(found) > 1 and found[0] in ARTICLES else found


def same(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are the same rendering under the rule above."""
    return words(a) == words(b)


def find_rendering(text: str, rendering: str) -> bool:
    """Whether ``rendering`` occurs in ``text`` as a run of whole words, under the rule above."""
    return contains_run(words_anywhere(text), words(rendering))


def contains_run(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """Whether the words ``needle`` stand in ``hay`` one after another (never for an empty needle).

    >>> contains_run(("uphold", "the", "two", "uphold"), ("two", "uphold")), contains_run(("a",), ())
    (True, False)
    """
    n = len(needle)
    return n > 0 and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def words_anywhere(text: str) -> tuple[str, ...]:
    """Like :func:`words`, but an article is kept wherever it stands (for searching inside a text)."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").casefold()
    return tuple(w for w in (_singular(t.replace("'s", "").replace("'", "")) for t in _WORD_RE.findall(text)) if w)
