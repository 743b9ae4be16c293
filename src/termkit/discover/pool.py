"""The candidate pool: every n-gram the first pass counted often enough, scored all at once.

After AutoPhrase (Shang et al., 2018): rather than a hand-made first-pass score that lets a few thousand
strings through, every counted string of 2 … ``max_n`` Han characters seen ``min_count`` times gets cheap
features computed for all of them together in NumPy (:func:`pool_features`: count, cohesion, free edges,
how much of its use one neighbour takes, whether general Chinese knows it as a word, its head, the part of
speech of the dictionary words at its edges, its share in quotation marks and after policy verbs), and a
classifier says how much each looks like a term. The classifier is learnt from this very input when the
lexicon's terms occur in it often enough (they are the positives; every other string is a noisy
negative), else the shipped one (``model.json``, part ``pool``) is used. The best strings, trimmed to the
name (:func:`~termkit.discover.score.trim_edges`), go on to the exact recount.

>>> from termkit.discover.ngrams import NgramCounter
>>> from termkit.discover.background import Background
>>> c = NgramCounter(max_n=6)
>>> c.add(np.array([ord(x) for x in "推进放管服改革，深化放管服改革。" * 3], dtype=np.uint16))
>>> table = pool_features(c.finish(), Background.load(), min_count=3)
>>> "放管服改革" in table.keys.tolist(), table.x.shape[1] == len(POOL_NAMES)
(True, True)
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .data import FORMULA_HEADS, NUMERALS, POLICY_VERBS, STOP_EDGE, STOP_START, TRIM_WORDS
from .ngrams import NgramStats, P, as_strings, hash_rows

if TYPE_CHECKING:
    from .background import Background
    from .learn import Model

POOL_NAMES = ("log_count", "length", "pmi", "min_edge", "max_edge", "left_share", "right_share",
              "dictionary_word", "keyness", "head", "first_verb", "first_noun", "first_stop", "last_verb",
              "last_noun", "last_stop", "numbered", "quoted_share", "after_verb_share")
# features whose values do not grow with the input's size: what a model shipped for any input may use
PORTABLE_POOL = tuple(n for n in POOL_NAMES if n not in ("log_count", "keyness"))
GENERAL_FLOOR = 1e-8
VERB, NOUN, OTHER = 1, 2, 3
# the first and last one and two characters: how often strings that start or end so are known terms
# (中国…, 全面…, …精神, …经济) is learnt from the input's known terms (leave-one-out), never shipped
AFFIXES = (("first_char", 1), ("first_two", 2), ("last_char", -1), ("last_two", -2))
TRAIN_NEGATIVES = 40_000  # negatives sampled to train the linear classifier (half that for the boosted one)


@dataclass
class PoolTable:
    """The pool: each string, its hash and count, its feature row (columns in :data:`POOL_NAMES` order)."""

    keys: np.ndarray  # fixed-width strings
    hashes: np.ndarray
    counts: np.ndarray
    x: np.ndarray
    affixes: np.ndarray = field(default_factory=lambda: np.zeros((0, len(AFFIXES)), np.uint64))
    probability: np.ndarray = field(default_factory=lambda: np.zeros(0))
    scored_by: str = ""  # how ``probability`` was set (see :func:`classify`)

    def probability_of(self, keys: Collection[str]) -> dict[str, float]:
        """The probability of each of ``keys`` that is in the pool. Rows come by length, then by hash
        (as :func:`pool_features` builds them), so each key is found by two binary searches."""
        lengths = np.char.str_len(self.keys) if len(self.keys) else np.zeros(0, int)
        by_len: dict[int, list[str]] = {}
        for key in keys:
            if len(key) >= 2 and all("\u3400" <= ch <= "\uffff" for ch in key):
                by_len.setdefault(len(key), []).append(key)
        out: dict[str, float] = {}
        for n, same in by_len.items():
            lo, hi = np.searchsorted(lengths, n, "left"), np.searchsorted(lengths, n, "right")
            if lo == hi:
                continue
            segment = self.hashes[lo:hi]
            h = hash_rows(np.array([[ord(c) for c in k] for k in same], np.uint16))
            pos = np.minimum(np.searchsorted(segment, h), len(segment) - 1)
            out.update((k, float(self.probability[lo + p])) for k, p, ok in
                       zip(same, pos.tolist(), (segment[pos] == h).tolist()) if ok)
        return out

    def labels(self, known: Collection[str]) -> np.ndarray:
        """Whether each string is one of ``known``."""
        table = _by_hash(dict.fromkeys(known, 1))
        lengths = np.char.str_len(self.keys) if len(self.keys) else np.zeros(0, int)
        out = np.zeros(len(self.keys), bool)
        for n in np.unique(lengths).tolist():
            at = np.flatnonzero(lengths == n)
            out[at] = _value_of(self.hashes[at], n, table) > 0
        return out


@dataclass
class Dictionary:
    """General Chinese (jieba's dictionary) hashed by length: frequency and a coarse part of speech."""

    hashes: dict[int, np.ndarray]
    freq: dict[int, np.ndarray]
    tag: dict[int, np.ndarray]
    total: int

    @classmethod
    def of(cls, bg: Background, max_len: int) -> Dictionary:
        by_len: dict[int, list[str]] = {}
        for word in bg.frequencies:
            if len(word) <= max_len and word.isascii() is False:
                by_len.setdefault(len(word), []).append(word)
        hashes, freq, tag = {}, {}, {}
        for n, words in by_len.items():
            codes = np.frombuffer("".join(words).encode("utf-32-le"), dtype="<u4").reshape(-1, n)
            bmp = codes.max(axis=1) < 0x10000
            h = hash_rows(codes[bmp].astype(np.uint16))
            order = np.argsort(h)
            kept = [w for w, ok in zip(words, bmp.tolist()) if ok]
            hashes[n] = h[order]
            freq[n] = np.array([bg.frequencies[w] for w in kept], np.float64)[order]
            tag[n] = np.array([_tag_class(bg.tag(w)) for w in kept], np.int8)[order]
        return cls(hashes, freq, tag, bg.total)

    def lookup(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Whether each row is a dictionary word, its frequency and its part-of-speech class."""
        k, n = rows.shape
        if n not in self.hashes or not k:
            return np.zeros(k, bool), np.zeros(k), np.zeros(k, np.int8)
        h, table = hash_rows(rows), self.hashes[n]
        pos = np.minimum(np.searchsorted(table, h), len(table) - 1)
        found = table[pos] == h
        return found, np.where(found, self.freq[n][pos], 0.0), np.where(found, self.tag[n][pos], 0).astype(np.int8)

    def edge_tag(self, rows: np.ndarray, first: bool) -> np.ndarray:
        """Part-of-speech class of the longest dictionary word (of up to 4 characters, shorter than the
        row) at the row's start (``first``) or end."""
        k, n = rows.shape
        out = np.zeros(k, np.int8)
        for size in range(min(4, n - 1), 0, -1):
            part = rows[:, :size] if first else rows[:, n - size:]
            found, _, tag = self.lookup(part)
            out = np.where((out == 0) & found, tag, out)
        return out


def _tag_class(tag: str) -> int:
    if tag.startswith("v") and tag != "vn":
        return VERB
    if tag.startswith("n") or tag == "vn":
        return NOUN
    return OTHER if tag else 0


def _member(rows: np.ndarray, words: Any) -> np.ndarray:
    """Whether each row (its characters) is one of ``words`` of the row's length."""
    k, n = rows.shape
    same = [w for w in words if len(w) == n]
    if not same or not k:
        return np.zeros(k, bool)
    return np.isin(hash_rows(rows), hash_rows(np.array([[ord(c) for c in w] for w in same], np.uint16)))


def _ends_with(rows: np.ndarray, words: Any, first: bool) -> np.ndarray:
    k, n = rows.shape
    hit = np.zeros(k, bool)
    for size in range(1, n):
        hit |= _member(rows[:, :size] if first else rows[:, n - size:], words)
    return hit


def _power(n: int) -> np.ndarray:
    p = np.ones(1, np.uint64)
    for _ in range(n):
        p = p * P
    return p


def _after_verbs(stats: NgramStats, n: int, idx: np.ndarray, count: np.ndarray) -> np.ndarray:
    """Share of the occurrences of table n's rows ``idx`` right after a two-character policy verb
    (贯彻新发展理念): the (n+2)-grams that start with one, added up by their last n characters."""
    if n + 2 > stats.max_n + 1 or not len(idx):
        return np.zeros(len(idx))
    up = stats.spell(n + 2)
    verbs = hash_rows(np.array([[ord(c) for c in v] for v in POLICY_VERBS if len(v) == 2], np.uint16))
    hit = np.flatnonzero(np.isin(hash_rows(up[:, :2]), verbs) & (up.min(axis=1) > 0))
    t = stats.tables[n]
    at, found = t.find(hash_rows(up[hit, 2:]))
    total = np.bincount(at[found], weights=stats.tables[n + 2].counts[hit][found], minlength=len(t.keys))
    return np.minimum(total[idx] / np.maximum(count, 1), 1.0)


def _by_hash(strings: dict[str, int]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Strings of Han characters (BMP) with a number each, as sorted hashes and values per length."""
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    by_len: dict[int, list[str]] = {}
    for key in strings:
        if key and all("\u3400" <= ch <= "\uffff" for ch in key):
            by_len.setdefault(len(key), []).append(key)
    for n, keys in by_len.items():
        h = hash_rows(np.array([[ord(c) for c in k] for k in keys], np.uint16))
        order = np.argsort(h)
        out[n] = h[order], np.array([strings[k] for k in keys], np.float64)[order]
    return out


def _value_of(h: np.ndarray, n: int, table: dict[int, tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    if n not in table:
        return np.zeros(len(h))
    keys, values = table[n]
    pos = np.minimum(np.searchsorted(keys, h), len(keys) - 1)
    return np.where(keys[pos] == h, values[pos], 0.0)


def pool_features(stats: NgramStats, bg: Background, min_count: int, quoted: dict[str, int] | None = None,
                  dictionary: Dictionary | None = None) -> PoolTable:
    """Every string of 2 … ``max_n`` Han characters counted at least ``min_count`` times, with its
    feature row; ``quoted`` gives how often a string was seen in quotation marks."""
    words = dictionary or Dictionary.of(bg, stats.max_n)
    quotes = _by_hash(quoted or {})
    keys, hashes, counts, blocks, affixes = [], [], [], [], []
    for n in range(2, stats.max_n + 1):
        t = stats.tables[n]
        idx = np.flatnonzero(t.counts >= min_count)
        if not len(idx):
            continue
        rows = stats.spell(n)[idx]
        ok = rows.min(axis=1) > 0
        idx, rows = idx[ok], rows[ok]
        count = t.counts[idx].astype(np.float64)
        left, right = stats.entropy(n)
        lshare, rshare = stats.extension_share(n)
        found, freq, _ = words.lookup(rows)
        general = np.maximum(freq / words.total, GENERAL_FLOOR)
        first, last = words.edge_tag(rows, True), words.edge_tag(rows, False)
        cols = {
            "log_count": np.log1p(count), "length": np.full(len(idx), float(n)),
            "pmi": np.clip(stats.cohesion(rows), -5.0, 20.0), "min_edge": np.minimum(left[idx], right[idx]),
            "max_edge": np.maximum(left[idx], right[idx]), "left_share": lshare[idx], "right_share": rshare[idx],
            "dictionary_word": found.astype(np.float64), "keyness": np.log10(count / max(stats.chars, 1) / general),
            "head": _ends_with(rows, FORMULA_HEADS, first=False) & (n > 2),
            "first_verb": (first == VERB) | _member(rows[:, :2], TRIM_WORDS), "first_noun": first == NOUN,
            "first_stop": _member(rows[:, :1], STOP_START), "last_verb": last == VERB, "last_noun": last == NOUN,
            "last_stop": _member(rows[:, n - 1:], STOP_EDGE), "numbered": _member(rows[:, :1], NUMERALS),
            "quoted_share": np.minimum(_value_of(t.keys[idx], n, quotes) / count, 1.0),
            "after_verb_share": _after_verbs(stats, n, idx, count),
        }
        blocks.append(np.column_stack([np.asarray(cols[name], np.float32) for name in POOL_NAMES]))  # half the memory
        keys.append(as_strings(rows))
        hashes.append(t.keys[idx])
        counts.append(count.astype(np.int64))
        affixes.append(np.column_stack([hash_rows(rows[:, :k] if k > 0 else rows[:, n + k:]) for _, k in AFFIXES]))
    if not blocks:
        return PoolTable(np.zeros(0, "<U1"), np.zeros(0, np.uint64), np.zeros(0, np.int64),
                         np.zeros((0, len(POOL_NAMES))))
    return PoolTable(np.concatenate(keys), np.concatenate(hashes), np.concatenate(counts), np.concatenate(blocks),
                     np.concatenate(affixes))


def affix_rates(affixes: np.ndarray, labels: np.ndarray, smooth: float = 20.0, seed: int = 0) -> np.ndarray:
    """For each row and each of its :data:`AFFIXES`, the log share of known terms among the strings with
    that affix, smoothed towards the overall share. Out of fold: rows are split in two at random and each
    half is described by the other half's shares, so that no row vouches for itself (a leave-one-out share
    would tell a tree model every row's label by its sign).

    >>> a = np.array([[1]] * 4 + [[2]] * 4, np.uint64)
    >>> r = affix_rates(a, np.array([True] * 4 + [False] * 4), smooth=1.0)
    >>> bool(r[:4].min() > r[4:].max())
    True
    """
    prior = max(float(labels.mean()), 1e-6) if len(labels) else 1e-6
    half = np.random.default_rng(seed).integers(0, 2, len(labels))
    out = np.zeros(affixes.shape, np.float32)
    for j in range(affixes.shape[1]):
        _, inv = np.unique(affixes[:, j], return_inverse=True)
        for part in (0, 1):
            other = half != part
            total = np.bincount(inv[other], minlength=inv.max() + 1 if len(inv) else 0)
            pos = np.bincount(inv[other], weights=labels[other].astype(np.float64), minlength=len(total))
            mine = ~other
            out[mine, j] = np.log((pos[inv[mine]] + smooth * prior) / (total[inv[mine]] + smooth))
    return out


def classify(table: PoolTable, positives: Collection[str], min_positives: int, model: Model | None,
             seed: int = 0) -> str:
    """Set ``table.probability``, the likeness of each string to a term, and say how it was judged.

    When ``positives`` (known terms) occur at least ``min_positives`` times in the pool, it is learnt
    here (AutoPhrase's distant supervision; every other string is a noisy negative): a logistic regression
    over all strings, then a gradient-boosted classifier over the :data:`RESCORED` best of them. Else the
    shipped ``model`` scores all; else a fixed blend of cohesion and free edges."""
    table.scored_by = _classify(table, positives, min_positives, model, seed)
    return table.scored_by


def _classify(table: PoolTable, positives: Collection[str], min_positives: int, model: Model | None,
              seed: int) -> str:
    labels = table.labels(positives)
    if labels.sum() >= min_positives:
        table.probability = _learnt(np.hstack([table.x, affix_rates(table.affixes, labels)]), labels, seed)
        return f"learnt from {int(labels.sum())} lexicon terms"
    if model is not None and len(table.keys):
        table.probability = _in_chunks(model.probability, table.x[:, [POOL_NAMES.index(n) for n in model.names]])
        return "shipped model"
    col = {n: table.x[:, i] for i, n in enumerate(POOL_NAMES)}
    table.probability = (np.clip((col["pmi"] - 4) / 8, 0, 1) * np.clip(col["min_edge"] / 3, 0, 1)
                         * (1 - 0.5 * col["first_stop"]) * (1 - 0.5 * col["last_stop"]))
    return "cohesion and free edges"


def _in_chunks(score: Any, x: np.ndarray, size: int = 200_000) -> np.ndarray:
    """``score(x)`` a block of rows at a time (its float64 temporaries stay small)."""
    return np.concatenate([score(x[i:i + size]) for i in range(0, len(x), size)]) if len(x) else np.zeros(0)


RESCORED = 60_000  # strings the boosted classifier rescores (the linear one's best)


def _learnt(x: np.ndarray, labels: np.ndarray, seed: int) -> np.ndarray:
    from sklearn.ensemble import HistGradientBoostingClassifier

    from .learn import fit_matrix

    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(labels), np.flatnonzero(~labels)
    sample = np.concatenate([pos, rng.choice(neg, min(len(neg), TRAIN_NEGATIVES), replace=False)])
    linear = fit_matrix(x[sample], labels[sample], tuple(f"x{i}" for i in range(x.shape[1])))
    prob = _in_chunks(linear.probability, x) * 0.5  # below every rescored string
    best = np.argsort(-prob)[:RESCORED]
    best = best[~labels[best]]
    near = rng.choice(best, min(len(best), TRAIN_NEGATIVES // 2), replace=False)
    train = np.concatenate([pos, near])
    clf = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_leaf_nodes=15, min_samples_leaf=10,
                                         l2_regularization=1.0, early_stopping=False,
                                         random_state=seed)
    clf.fit(x[train], labels[train].astype(int))
    prob[best] = 0.5 + 0.5 * clf.predict_proba(x[best])[:, 1]
    return prob


def pool_score(probability: float, count: int) -> float:
    """A pooled string's first-pass score, on the scale of the shape-found ones (``log2(1 + count)``
    times a quality of 0 … 3).

    >>> pool_score(0.5, 3)
    3.0
    """
    return math.log2(1 + count) * 3.0 * probability
