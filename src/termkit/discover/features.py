"""What the learned ranking sees of a candidate: counts, spread, cohesion, free edges, keyness against
general Chinese, the share of its occurrences in quotation marks or opening a line, its head (战略, 理念 …),
the parts of speech at its edges and its shape. Every feature is computed the same way for a candidate and
for a lexicon term found in training text, so that the lexicon can teach the ranking (see :mod:`.learn`).

>>> from termkit.discover.recount import Recount
>>> r = Recount(count=12, docs=4, quoted=9, line_start=0)
>>> f = features("放管服", r, None, None, total_docs=5)
>>> f["quoted_share"], f["docs_share"], f["head"]
(0.75, 0.8, 0.0)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .data import FORMULA_HEADS, NUMERALS, WEAK_HEADS

GENERAL_FLOOR = 1e-8  # the share in general Chinese assumed for a string the dictionary lacks
NAMES = ("log_count", "docs_share", "burst", "quoted_share", "line_start_share", "after_verb_share", "pmi", "min_edge",
         "max_edge", "keyness", "dictionary_word", "length", "numbered", "digits", "parallel", "head", "weak_head",
         "first_verb", "first_noun", "last_noun", "last_verb", "loose_chars", "han_share")


def features(key: str, r: Any, stats: Any, bg: Any, total_docs: int) -> dict[str, float]:
    """The feature values of ``key`` (folded) given its exact recount ``r``; ``stats`` (n-gram tables)
    and ``bg`` (general Chinese) may be ``None`` in a unit test."""
    han = "".join(ch for ch in key if "\u3400" <= ch <= "\u9fff")
    f = dict.fromkeys(NAMES, 0.0)
    f["log_count"] = math.log1p(r.count)
    f["docs_share"] = r.docs / max(total_docs, 1)
    f["burst"] = math.log(max(r.count, 1) / max(r.docs, 1))
    f["quoted_share"] = r.quoted / max(r.count, 1)
    f["line_start_share"] = r.line_start / max(r.count, 1)
    f["after_verb_share"] = getattr(r, "after_verb", 0) / max(r.count, 1)
    f["length"] = float(min(len(key), 20))
    f["numbered"] = float(key[:1] in NUMERALS or key[:1].isdigit())
    f["digits"] = float(any(ch.isdigit() for ch in key))
    f["parallel"] = float("、" in key)
    f["head"] = float(headed(key))
    f["weak_head"] = float(headed(key) and key.endswith(WEAK_HEADS))  # 改革, 制度 …: a policy area's as often
    f["han_share"] = len(han) / max(len(key), 1)
    if stats is not None and han == key and 2 <= len(key) <= stats.max_n:
        rows = np.array([[ord(x) for x in key]], dtype=np.uint16)
        f["pmi"] = max(min(float(stats.cohesion(rows)[0]), 20.0), -5.0)
        left, right = stats.edge_entropy(key)
        f["min_edge"], f["max_edge"] = min(left, right), max(left, right)
        general = max(bg.relative(key) if bg is not None else 0.0, GENERAL_FLOOR)
        f["keyness"] = math.log10(max(r.count, 1) / max(stats.chars, 1) / general)
    if bg is not None and han:
        _word_features(f, han, bg)
    return f


def headed(key: str) -> bool:
    """``key`` ends in a head formulas end in (:data:`~.data.FORMULA_HEADS`: 战略, 理念, 共同体, 强国 …) after
    something that it heads.

    >>> headed("新发展格局"), headed("格局"), headed("经济回升向好")
    (True, False, False)
    """
    return key.endswith(FORMULA_HEADS) and len(key) > 2


def _word_features(f: dict[str, float], han: str, bg: Any) -> None:
    f["dictionary_word"] = float(bg.freq(han) > 0)
    words = bg.words(han)
    first, last = bg.tag(words[0]), bg.tag(words[-1])
    f["first_verb"] = float(first.startswith("v") and first != "vn")
    f["first_noun"] = float(first.startswith("n") or first == "vn")
    f["last_noun"] = float(last.startswith("n") or last == "vn")
    f["last_verb"] = float(last.startswith("v") and last != "vn")
    f["loose_chars"] = sum(len(w) == 1 for w in words) / max(len(words), 1)


# features that do not depend on the input's size: what a model trained on one corpus may carry to another
# (counts, spread and keyness grow with the input; a model shipped for any input must not lean on them)
PORTABLE = tuple(n for n in NAMES if n not in ("log_count", "docs_share", "burst", "keyness"))


def matrix(rows: list[dict[str, float]], names: tuple[str, ...] = NAMES) -> np.ndarray:
    """Rows of feature dicts as an array with the columns in ``names`` order."""
    return np.array([[row[n] for n in names] for row in rows], dtype=np.float64).reshape(len(rows), len(names))
