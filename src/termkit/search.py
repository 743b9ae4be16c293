"""Find lexicon entries from English, pinyin or Chinese: the translator's way into the lexicon.

A query is matched against each entry's gloss, its other renderings (with their status), its
definition, its pinyin (with or without tone marks and spaces: ``liangge weihu`` finds 两个维护) and
its Chinese forms (either script). Each field that matches adds to the entry's score, the most
telling fields most; an exact rendering or term beats words that merely occur.

>>> from termkit.lexicon import Entry, Lexicon
>>> lex = Lexicon((Entry(id="two-upholds", term="两个维护", gloss="Two Upholds", pinyin="liǎng gè wéi hù",
...     alt_glosses=[{"text": "Two Safeguards", "status": "media"}]),
...     Entry(id="four-winds", term="四风", gloss="four forms of decadence")))
>>> [(h.entry.id, h.why) for h in search(lex, "two safeguards")]
[('two-upholds', ('rendering "Two Safeguards" (media)',))]
>>> [h.entry.id for h in search(lex, "liangge weihu")], [h.why for h in search(lex, "两个")]
(['two-upholds'], [('part of the term',)])
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .chardata import is_han
from .english import same, words
from .lexicon import AltGloss, Entry, Lexicon

# what each kind of agreement is worth; an exact rendering or term ranks first
EXACT_TERM, EXACT_GLOSS, EXACT_ALT, EXACT_PINYIN = 100.0, 100.0, 90.0, 85.0
WORDS_GLOSS, WORDS_ALT, IN_TERM, IN_PINYIN, WORDS_DEFINITION = 60.0, 45.0, 40.0, 35.0, 15.0


Fold = Callable[[str], str]


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class SearchHit:
    """An entry that matches a query, how well, and which fields matched (in words a user reads)."""

    entry: Entry
    score: float
    why: tuple[str, ...]


def plain_pinyin(text: str) -> str:
    """Pinyin without tone marks, spaces, apostrophes or case: what a user types.

    >>> plain_pinyin("liǎng gè wéi hù"), plain_pinyin("Liangge Weihu"), plain_pinyin("lü")
    ('lianggeweihu', 'lianggeweihu', 'lv')
    """
    decomposed = unicodedata.normalize("NFD", text.casefold()).replace("u\u0308", "v")
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


def _alt_label(alt: AltGloss) -> str:
    return f'rendering "{alt.text}" ({alt.status})'


def _contains_words(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    return bool(needle) and all(w in haystack for w in needle)


def score_entry(entry: Entry, query: str, fold: Fold | None = None, pinyin: str | None = None) -> SearchHit | None:
    """How well ``entry`` matches ``query``, or ``None``. ``fold`` turns a Chinese form into its
    matching key (either script, width, quotes: the matcher's folding); ``pinyin`` is the entry's
    pinyin when the lexicon has none."""
    hits: list[tuple[float, str]] = []
    q_words = words(query)
    if has_han(query):
        fold = fold or _same
        key = fold(query)
        forms = [fold(s) for s in entry.surfaces]
        if key in forms:
            hits.append((EXACT_TERM, "term" if key == forms[0] else "variant"))
        elif any(key in f for f in forms):
            hits.append((IN_TERM, "part of the term"))
    if same(entry.gloss, query):
        hits.append((EXACT_GLOSS, "gloss"))
    elif _contains_words(words(entry.gloss), q_words):
        hits.append((WORDS_GLOSS * len(q_words) / max(len(words(entry.gloss)), 1) + 20, "words of the gloss"))
    for alt in entry.alt_glosses:
        if same(alt.text, query):
            hits.append((EXACT_ALT, _alt_label(alt)))
        elif _contains_words(words(alt.text), q_words):
            hits.append((WORDS_ALT * len(q_words) / max(len(words(alt.text)), 1) + 10, "words of " + _alt_label(alt)))
    plain_q = plain_pinyin(query)
    entry_pinyin = plain_pinyin(entry.pinyin or pinyin or "")
    if plain_q and entry_pinyin and not has_han(query):
        if plain_q == entry_pinyin:
            hits.append((EXACT_PINYIN, "pinyin"))
        elif len(plain_q) >= 4 and plain_q in entry_pinyin:
            hits.append((IN_PINYIN, "part of the pinyin"))
    if entry.definition and _contains_words(words(entry.definition), q_words):
        hits.append((WORDS_DEFINITION, "definition"))
    if not hits:
        return None
    hits.sort(key=lambda h: -h[0])
    # the best field counts whole, the others a little: an entry that matches in several ways ranks higher
    score = hits[0][0] + sum(h[0] for h in hits[1:]) * 0.1
    return SearchHit(entry, round(score, 1), tuple(dict.fromkeys(h[1] for h in hits)))


def search(lexicon: Lexicon, query: str, fold: Fold | None = None,
           pinyin: dict[str, str] | None = None, limit: int | None = None) -> list[SearchHit]:
    """The entries matching ``query``, best first (ties by id). ``pinyin`` gives generated pinyin
    for entries whose lexicon record has none."""
    query = query.strip()
    if not query:
        return []
    found = []
    for e in lexicon.entries:
        hit = score_entry(e, query, fold, (pinyin or {}).get(e.id))
        if hit is not None:
            found.append(hit)
    found.sort(key=lambda h: (-h.score, h.entry.id))
    return found[:limit] if limit else found


def rendering_of(lexicon: Lexicon, text: str) -> tuple[Entry, str, str] | None:
    """The entry one of whose renderings ``text`` is exactly (under the English rule), with that
    rendering and its status (``gloss_status`` for the gloss itself); ``None`` when there is none.

    >>> from termkit.lexicon import Entry, Lexicon
    >>> lex = Lexicon((Entry(id="bri", term="一带一路", gloss="Belt and Road", gloss_status="official",
    ...     alt_glosses=[{"text": "One Belt, One Road", "status": "deprecated"}]),))
    >>> [x if isinstance(x, str) else x.id for x in rendering_of(lex, "one belt one road")]
    ['bri', 'One Belt, One Road', 'deprecated']
    """
    for e in lexicon.entries:
        if same(e.gloss, text):
            return e, e.gloss, f"preferred ({e.gloss_status})"
    for e in lexicon.entries:
        for alt in e.alt_glosses:
            if same(alt.text, text):
                return e, alt.text, alt.status
    return None


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han character (a Chinese query rather than English or pinyin)."""
    return any(is_han(c) for c in text)


def nearest(lexicon: Lexicon, name: str, n: int = 3) -> list[Entry]:
    """The entries whose id or a Chinese form is closest to ``name`` (a typo, a form the lexicon
    lacks), best first: what to suggest when ``name`` is not in the lexicon.

    >>> from termkit.lexicon import Entry, Lexicon
    >>> lex = Lexicon((Entry(id="two-establishments", term="两个确立", gloss="Two Establishments"),
    ...                Entry(id="four-winds", term="四风", gloss="four forms of decadence")))
    >>> [e.id for e in nearest(lex, "two-establishment")], [e.id for e in nearest(lex, "两个确定")]
    (['two-establishments'], ['two-establishments'])
    """
    import difflib

    keys: dict[str, Entry] = {}
    for e in lexicon.entries:
        for key in (e.id, e.term, *e.variants):
            keys.setdefault(key, e)
    found: list[Entry] = []
    for key in difflib.get_close_matches(name, list(keys), n=n * 2, cutoff=0.6):
        if keys[key] not in found:
            found.append(keys[key])
    return found[:n]
