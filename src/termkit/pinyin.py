"""Pinyin from pypinyin, for a curator to review: one tone-marked syllable per Han character.

The lexicon's ``pinyin`` field holds exactly that (digits, Latin letters and punctuation in a term
have no syllable), and ``termkit lexicon check`` holds entries to it; ``lexicon add``, ``discover``
stubs and ``gloss`` (for an entry without pinyin) all fill it from here.
"""

from __future__ import annotations

import re
import unicodedata

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


_RUN = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ][0-9A-Za-z０-９Ａ-Ｚａ-ｚ+＋.·-]*")


def reading(term: str, pinyin: str | None) -> str:
    """How ``term`` reads: the syllables of ``pinyin`` for its Han characters, with the digits and
    Latin letters it also has kept in their place (quotes and other punctuation left out).

    >>> reading("4+1重要要求", "zhòng yào yāo qiú"), reading("两个维护", "liǎng gè wéi hù")
    ('4+1 zhòng yào yāo qiú', 'liǎng gè wéi hù')
    >>> reading("G20峰会", None)
    'G20'
    """
    syllables = iter((pinyin or "").split())
    out: list[str] = []
    i = 0
    while i < len(term):
        if run := _RUN.match(term, i):
            out.append(run.group())
            i = run.end()
            continue
        if is_han(term[i]):
            syllable = next(syllables, "")
            if syllable:
                out.append(syllable)
        i += 1
    return " ".join(out)


def order_key(term: str, pinyin: str | None) -> tuple[str, str]:
    """The one alphabetical order of terms (``count --sort term``, ``gloss --sort term``): by their
    reading without tones, digits before letters, then by the term itself.

    >>> sorted(["两个维护", "4+1重要要求", "八八战略"], key=lambda t: order_key(t, derive_pinyin(t)))
    ['4+1重要要求', '八八战略', '两个维护']
    """
    decomposed = unicodedata.normalize("NFD", reading(term, pinyin).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)), term
