"""The readers' model: what blind readers judged good in a story's list under ``--reference``, learnt.

Under ``termkit discover STORY -r CORPUS`` every row has passed the reference's rule (it recurs there), yet blind
readers of 200 fresh stories a round (bench/discover_protocol.md, rounds 15–18) judged about one row in four good:
a quoted metaphor the news repeats (加速键, 金名片) recurs as readily as a formula does. Their verdicts are a labelled
set; this module turns a row of ``--format jsonl`` (:meth:`termkit.discover.Candidate.to_dict`) into the features a
logistic regression weighs (:func:`features`), and the shipped model (the ``reader`` part of ``model.json``,
:mod:`.learn`; trained by ``bench/discover_reader.py``) gives each row its chance of being judged good
(:func:`chances`). Rows below :data:`THRESHOLD` are left out of the list (:func:`judge`) unless ``--no-strict``.

The features are only what the row itself holds: its kind, the shipped ranking's score and the main reasons for
it, its count in the input, its length, items, digits and relation to the lexicon, and (round 25) whether a run
lists nouns only (:func:`noun_list`). Its use in the reference (uses,
months, span, glue, closure) was tried and left out: every row shown has passed the reference's rule, and past it
those figures told the readers' verdicts apart less well than without them (leave-one-round-out, round 19).

>>> row = {"candidate": "加速键", "kind": "quoted", "score": 1.2, "count": 1, "relation": "new",
...        "reasons": ["quoted_share"], "new_items": []}
>>> f = features(row)
>>> f["kind_quoted"], f["items"], f["reason_quoted_share"], f["digit"]
(1.0, 1.0, 1.0, 0.0)
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..chardata import COUNT_NUMERALS

if TYPE_CHECKING:
    from . import Candidate
    from .background import Background
    from .learn import Model

# the readers' model's chance below which a row is left out under --reference (unless --no-strict): chosen by
# leave-one-round-out over rounds 15–18's judged rows (bench/discover_results.md, round 19), and chosen again over
# the eight sheets of rounds 15–24 with round 25's features (round 25)
THRESHOLD = 0.35
# the score's reasons (features of the shipped ranking, .learn.Model.reasons, and the screen's labels) the readers'
# model weighs, each as 0 or 1
REASONS = ("after_verb_share", "loose_chars", "quoted_share", "length", "rhetorical list", "head", "ordinary list",
           "last_verb", "han_share")
# round 19's features (the model of rounds 15–18 and the figures of rounds 19–20 were made with these)
NAMES_ROUND19: tuple[str, ...] = (
    "kind_quoted", "kind_parallel", "kind_numbered", "score", "count", "chars", "items", "digit", "plus", "related",
    "new_items", *(f"reason_{r.replace(' ', '_')}" for r in REASONS))
# round 25 adds whether a run lists nouns only (:func:`noun_list`)
NAMES: tuple[str, ...] = (*NAMES_ROUND19, "noun_list")
_DIGIT = re.compile(f"[0-9０-９{COUNT_NUMERALS}]")
# parts of speech (jieba's, first letter) that make an item more than a thing named: verb, adjective, adverb, idiom,
# fixed expression
_NOT_NOUN = frozenset("vadil")


def noun_list(text: str, bg: Background) -> bool:
    """Whether ``text`` is a run (items written with 、) whose every item is nouns only by jieba's tagger: a list of
    things (党员、干部, 自治区、直辖市, 国家标准、行业标准), which blind readers mostly judged no formula, where a
    slogan's items say what to do or how (走在前、挑大梁; 正本清源、固本培元). Rounds 15–24's judged runs: 135 such
    lists, 24 of them good; 278 other runs, 125 good (bench/discover_results.md, round 25).

    >>> from termkit.discover.background import Background
    >>> bg = Background.load()
    >>> noun_list("党员、干部", bg), noun_list("走在前、挑大梁", bg), noun_list("党员", bg)
    (True, False, False)
    """
    return "、" in text and not any(f[:1] in _NOT_NOUN for item in text.split("、") for f in bg.flags(item))


@functools.cache
def _background() -> Background:
    from .background import Background

    return Background.load()


def features(row: Mapping[str, Any], bg: Background | None = None) -> dict[str, float]:
    """The readers' model's features of one row of ``--format jsonl`` (see the module's docstring); ``bg`` tags the
    items of a run (:func:`noun_list`), loaded once when not given."""
    text = str(row.get("candidate", ""))
    reasons = set(row.get("reasons") or ())
    kind = row.get("kind")
    out = {
        "kind_quoted": float(kind == "quoted"), "kind_parallel": float(kind == "parallel"),
        "kind_numbered": float(kind == "numbered"),
        "score": math.log1p(max(float(row.get("score") or 0), 0.0)),
        "count": math.log1p(float(row.get("count") or 0)),
        "chars": math.log(max(len(text), 1)), "items": float(text.count("、") + 1),
        "digit": float(bool(_DIGIT.search(text))), "plus": float("+" in text),
        "related": float(row.get("relation", "new") not in ("new", None)),
        "new_items": float(bool(row.get("new_items"))),
    }
    out.update({f"reason_{r.replace(' ', '_')}": float(r in reasons) for r in REASONS})
    out["noun_list"] = float("、" in text and noun_list(text, bg or _background()))
    return out


def chances(rows: Iterable[Mapping[str, Any]], model: Model, bg: Background | None = None) -> list[float]:
    """The model's chance that a reader judges each row good (``bg``: see :func:`features`).

    >>> from termkit.discover.learn import Model
    >>> m = Model(("kind_quoted",), [0.0], [1.0], [-3.0], 1.0)
    >>> [round(p, 2) for p in chances([{"kind": "quoted"}, {"kind": "parallel"}], m)]
    [0.12, 0.73]
    """
    rows = [features(r, bg) for r in rows]
    return [float(p) for p in model.probability_of(rows)] if rows else []


def judge(cands: list[Candidate], model: Model | None, threshold: float = THRESHOLD, bg: Background | None = None
          ) -> tuple[list[Candidate], list[Candidate]]:
    """The candidates the readers' model keeps (chance >= ``threshold``), in their order, and those it leaves out;
    all kept when there is no model."""
    if model is None or not cands:
        return cands, []
    kept: list[Candidate] = []
    gone: list[Candidate] = []
    for c, p in zip(cands, chances((c.to_dict() for c in cands), model, bg), strict=True):
        c.notes["reader"] = p
        (kept if p >= threshold else gone).append(c)
    return kept, gone
