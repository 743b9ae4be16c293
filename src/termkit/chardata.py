"""Character data: what termkit knows about characters, each fact written once.

Folding, matching, linting, discovery and encoding detection all read their character classes
from here: Han ranges, quotation marks, pinyin letters, numerals and classifiers, and what counts
as a word character for the Latin/digit boundary. Generic Chinese and pinyin only: no term, gloss
or rule for a particular term (those are lexicon data).

>>> is_han("党"), is_han("𠮷"), is_han("，")
(True, True, False)
>>> is_word_char("4"), is_word_char("Ａ"), is_word_char("四")
(True, False, False)
"""

from __future__ import annotations

import functools
from string import ascii_lowercase

# ── Han characters ─────────────────────────────────────────────────────────────────────────
# Unicode blocks of ideographs, as half-open code point ranges.
UNIFIED = (0x4E00, 0xA000)  # CJK Unified Ideographs: the common characters
HAN_RANGES = (
    (0x3400, 0x4DC0),  # Extension A
    UNIFIED,
    (0xF900, 0xFB00),  # Compatibility Ideographs
    (0x20000, 0x2A6E0),  # Extension B
    (0x2A700, 0x2EBF0),  # Extensions C to F
    (0x30000, 0x3134B),  # Extension G
)
HAN_BMP_RANGES = tuple(r for r in HAN_RANGES if r[1] <= 0x10000)
# The BMP ranges as the body of a regular-expression class: f"[{HAN_CLASS}]+".
HAN_CLASS = "".join(f"{chr(lo)}-{chr(hi - 1)}" for lo, hi in HAN_BMP_RANGES)

# The common ideographs as a regular-expression class: f"[{UNIFIED_CLASS}]".
UNIFIED_CLASS = f"{chr(UNIFIED[0])}-{chr(UNIFIED[1] - 1)}"


def is_han(ch: str) -> bool:
    """True for a CJK unified or compatibility ideograph.

    >>> is_han("國"), is_han("a")
    (True, False)
    """
    c = ord(ch)
    return any(lo <= c < hi for lo, hi in HAN_RANGES)


# ── quotation marks and invisible characters ───────────────────────────────────────────────
OPEN_QUOTES = "“‘「『〝﹁﹃"
CLOSE_QUOTES = "”’」』〞〟﹂﹄"
# Every quotation mark matching looks through (the paired ones above, and the rest).
QUOTES = OPEN_QUOTES + CLOSE_QUOTES + "\"'＂＇‹›«»‚„‛‟"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Whitespace: not counted in a text's length for rates (termkit.stats.visible_length); folding drops all of it.
WHITESPACE = " \t\r\n\u3000\u00a0\f\v"

# ── pinyin ─────────────────────────────────────────────────────────────────────────────────
TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
TONE_MARKS = TONE_VOWELS + "ńňǹḿ"  # letters that carry a tone mark
# Every letter of a pinyin syllable (an annotation such as 領(lǐng) is made of these).
PINYIN_LETTERS = ascii_lowercase + TONE_VOWELS + "ü" + "ńňǹḿ" + "ê"

# ── numerals and classifiers ───────────────────────────────────────────────────────────────
NUMERAL_VALUES = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Numerals a count of items starts with (两个维护, 十四五): discovery's numbered formulas.
COUNT_NUMERALS = "一二两三四五六七八九十百千"
# Every character of a written number.
NUMBER_CHARS = COUNT_NUMERALS + "零〇万亿"
# The numeral run that opens a lexicon term, as the numbered-formula lint reads it (双 as in 双循环).
TERM_NUMERALS = "零一二两三四五六七八九十百千万双"
# Measure words that bind a leading numeral to the noun after it (两个维护, 四项基本原则, 三大攻坚战),
# as the lint reads a lexicon term ...
CLASSIFIERS = "个项大条种类点支股面"
# ... and as discovery reads running text, where more measure words stand after a count.
MEASURES = "个项条种大张件点类批支位名"
# After these a numeral is an ordinal, not a count: 十九届, 三中全会.
ORDINAL_MARKERS = "届次号"

# ── legacy encodings ───────────────────────────────────────────────────────────────────────
# Each Chinese legacy encoding puts the common characters of its own script in a block of lead bytes:
# GB2312's level 1 (3,755 characters in pinyin order) and Big5's frequent characters (5,401).
COMMON_LEAD_BYTES = {"gb2312": (0xB0, 0xD7), "big5": (0xA4, 0xC6)}


@functools.cache
def common_chars(encoding: str) -> frozenset[str]:
    """The characters that ``encoding`` (``gb2312`` or ``big5``) writes with a lead byte in its block of
    common characters (:data:`COMMON_LEAD_BYTES`), read once from the codec itself: encoding detection
    asks, for every Han character of a text, whether it is one (high for real text, low for bytes decoded
    the wrong way).

    >>> "国" in common_chars("gb2312"), "國" in common_chars("big5"), "國" in common_chars("gb2312")
    (True, True, False)
    """
    lo, hi = COMMON_LEAD_BYTES[encoding]
    chars = set()
    for lead in range(lo, hi + 1):
        for trail in range(0x40, 0x100):
            try:
                ch = bytes((lead, trail)).decode(encoding)
            except UnicodeDecodeError:
                continue
            # a character with two codes counts where the codec writes it
            if len(ch) == 1 and lo <= ch.encode(encoding)[0] <= hi:
                chars.add(ch)
    return frozenset(chars)


# ── the Latin/digit boundary ───────────────────────────────────────────────────────────────
def is_word_char(ch: str) -> bool:
    """A Latin letter or digit (after folding): a term that starts or ends with one does not match
    inside a longer run of them (see :func:`termkit.match.at_word_boundary`).

    >>> is_word_char("a"), is_word_char("+"), is_word_char("")
    (True, False, False)
    """
    return ch.isascii() and ch.isalnum()
