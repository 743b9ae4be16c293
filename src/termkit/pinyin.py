"""Pinyin from pypinyin, for a curator to review: one tone-marked syllable per Han character.

The lexicon's ``pinyin`` field holds exactly that (digits, Latin letters and punctuation in a term
have no syllable), and ``termkit lexicon check`` holds entries to it; ``lexicon add``, ``discover``
stubs and ``gloss`` (for an entry without pinyin) all fill it from here.
"""

from __future__ import annotations

from .chardata import is_han


def derive_pinyin(term: str) -> str | None:
    """Tone-marked pinyin of the Han characters of ``term``, or None when pypinyin does not give
    exactly one syllable per Han character (or there are none). pypinyin's phrase data picks
    readings in context (重庆 chóng qìng); no tone sandhi is applied.

    >>> derive_pinyin("两个维护"), derive_pinyin("“当下改”和“长久立”"), derive_pinyin("4+1重要要求")
    ('liǎng gè wéi hù', 'dāng xià gǎi hé cháng jiǔ lì', 'zhòng yào yāo qiú')
    >>> derive_pinyin("4+1") is None
    True
    """
    from pypinyin import Style, lazy_pinyin

    han = "".join(c for c in term if is_han(c))
    if not han:
        return None
    syllables = lazy_pinyin(han, style=Style.TONE, errors=lambda chars: [""] * len(chars))
    return " ".join(syllables) if len(syllables) == len(han) and all(syllables) else None
