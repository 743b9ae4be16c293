"""The readers' model: what blind readers judged good in a story's list under ``--reference``, learnt.

Under ``termkit discover STORY -r CORPUS`` every row has passed the reference's rule (it recurs there), yet blind
readers of 200 fresh stories a round (bench/discover_protocol.md, rounds 15–18) judged about one row in four good:
a quoted metaphor the news repeats (加速键, 金名片) recurs as readily as a formula does. Their verdicts are a labelled
set; this module turns a row of ``--format jsonl`` (:meth:`termkit.discover.Candidate.to_dict`) into the features a
logistic regression weighs (:func:`features`), and the shipped model (the ``reader`` part of ``model.json``,
:mod:`.learn`; trained by ``bench/discover_reader.py``) gives each row its chance of being judged good
(:func:`chances`). Rows below :data:`THRESHOLD` are left out of the list (:func:`judge`) unless ``--no-strict``.

The features are only what the row itself holds: its kind, the shipped ranking's score and the main reasons for
it, its count in the input, its length, items, digits and relation to the lexicon. Its use in the reference (uses,
months, span, glue, closure) was tried and left out: every row shown has passed the reference's rule, and past it
those figures told the readers' verdicts apart less well than without them (leave-one-round-out, round 19).

>>> row = {"candidate": "加速键", "kind": "quoted", "score": 1.2, "count": 1, "relation": "new",
...        "reasons": ["quoted_share"], "new_items": []}
>>> f = features(row)
>>> f["kind_quoted"], f["items"], f["reason_quoted_share"], f["digit"]
(1.0, 1.0, 1.0, 0.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..chardata import COUNT_NUMERALS

if TYPE_CHECKING:
    from . import Candidate
    from .learn import Model

# the readers' model's chance below which a row is left out under --reference (unless --no-strict): chosen by
# leave-one-round-out over rounds 15–18's judged rows (bench/discover_results.md, round 19)
THRESHOLD = 0.35
# the score's reasons (features of the shipped ranking, .learn.Model.reasons, and the screen's labels) the readers'
# model weighs, each as 0 or 1
REASONS = ("after_verb_share", "loose_chars", "quoted_share", "length", "rhetorical list", "head", "ordinary list",
           "last_verb", "han_share")
NAMES: tuple[str, ...] = (
    "kind_quoted", "kind_parallel", "kind_numbered", "score", "count", "chars", "items", "digit", "plus", "related",
    "new_items", *(f"reason_{r.replace(' ', '_')}" for r in REASONS))
_DIGIT = re.compile(f"[0-9０-９{COUNT_NUMERALS}]")


def features(row: Mapping[str, Any]) -> dict[str, float]:
    """The readers' model's features of one row of ``--format jsonl`` (see the module's docstring)."""
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
    return out


def chances(rows: Iterable[Mapping[str, Any]], model: Model) -> list[float]:
    """The model's chance that a reader judges each row good.

    >>> from termkit.discover.learn import Model
    >>> m = Model(("kind_quoted",), [0.0], [1.0], [-3.0], 1.0)
    >>> [round(p, 2) for p in chances([{"kind": "quoted"}, {"kind": "parallel"}], m)]
    [0.12, 0.73]
    """
    rows = [features(r) for r in rows]
    return [float(p) for p in model.probability_of(rows)] if rows else []


def judge(cands: list[Candidate], model: Model | None, threshold: float = THRESHOLD
          ) -> tuple[list[Candidate], list[Candidate]]:
    """The candidates the readers' model keeps (chance >= ``threshold``), in their order, and those it leaves out;
    all kept when there is no model."""
    if model is None or not cands:
        return cands, []
    kept: list[Candidate] = []
    gone: list[Candidate] = []
    for c, p in zip(cands, chances((c.to_dict() for c in cands), model), strict=True):
        c.notes["reader"] = p
        (kept if p >= threshold else gone).append(c)
    return kept, gone
