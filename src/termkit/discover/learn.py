"""The learned ranking: a logistic regression over :mod:`.features`, trained by distant supervision
from a lexicon (after AutoPhrase, Shang et al. 2018).

Training (:func:`train`) reads text with nothing masked, takes the lexicon's terms found in it as
positives and the other frequent, well-formed strings the first pass proposes as (noisy) negatives, and
fits scikit-learn's ``LogisticRegression``. The fitted model is plain numbers (feature means, scales,
weights), kept as JSON: applying it needs only NumPy, and the package ships one
(``model.json``, trained on the development slice named in ``bench/discover_protocol.md`` with the
bundled lexicon, the shipped rejections and the curators' verdicts on earlier candidates made on that slice:
``bench/discover_train.py``), so that ranking works with the bundled lexicon, a user's own, or none at all.

>>> m = Model(("quoted_share", "head"), [0.2, 0.1], [0.3, 0.3], [2.0, 1.0], -1.0)
>>> [round(float(p), 2) for p in m.probability(np.array([[0.9, 1.0], [0.0, 0.0]]))]
[1.0, 0.06]
>>> m.reasons({"quoted_share": 0.9, "head": 1.0})
['quoted_share', 'head']
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .features import NAMES, PORTABLE, matrix

MODEL_PATH = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class Model:
    """A standardised logistic regression: ``p = σ(((x - mean) / scale) · coef + intercept)``."""

    names: tuple[str, ...]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    trained_on: str = ""

    @classmethod
    def load(cls, path: Path = MODEL_PATH, part: str = "rank") -> Model | None:
        """The model ``part`` (``rank``: the candidates' ranking; ``pool``: the first pass's classifier of
        every n-gram, :mod:`.pool`; ``reader``: the blind readers' verdicts under ``--reference``, :mod:`.reader`)
        kept at ``path``, or ``None`` when there is none or it was made for other features."""
        from .pool import POOL_NAMES
        from .reader import NAMES as READER_NAMES

        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            data = data.get(part, data if part == "rank" and "names" in data else None)
            if data is None:
                return None
            model = cls(tuple(data["names"]), data["mean"], data["scale"], data["coef"], data["intercept"],
                        data.get("trained_on", ""))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        known = POOL_NAMES if part == "pool" else READER_NAMES if part == "reader" else NAMES
        return model if set(model.names) <= set(known) else None

    @staticmethod
    def save_all(path: Path, **parts: Model) -> None:
        """Keep several models (``rank=…, pool=…``) in one file, as :meth:`load` reads them; the parts the file
        already holds and ``parts`` does not name are kept as they are."""
        from ..atomic import write_atomic

        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            data = data if isinstance(data, dict) and "names" not in data else {}
        except (OSError, ValueError):
            data = {}
        data.update({name: asdict(model) for name, model in parts.items()})
        write_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    def save(self, path: Path) -> None:
        from ..atomic import write_atomic

        write_atomic(Path(path), json.dumps(asdict(self), ensure_ascii=False, indent=1) + "\n")

    def _z(self, x: np.ndarray) -> np.ndarray:
        return (x - np.asarray(self.mean)) / np.asarray(self.scale)

    def probability_of(self, rows: list[dict[str, float]]) -> np.ndarray:
        """Probability that each feature row is a term."""
        return self.probability(matrix(rows, self.names))

    def probability(self, x: np.ndarray) -> np.ndarray:
        """Probability that each row (columns in ``names`` order) is a term."""
        return 1.0 / (1.0 + np.exp(-(self._z(x) @ np.asarray(self.coef) + self.intercept)))

    def reasons(self, row: dict[str, float], n: int = 3) -> list[str]:
        """The features that raised this row's score most, strongest first."""
        x = np.array([[row.get(name, 0.0) for name in self.names]])
        push = np.where(x[0] != 0, self._z(x)[0] * np.asarray(self.coef), 0.0)  # only what the row has
        order = [i for i in np.argsort(-push) if push[i] > 0.25]
        return [self.names[i] for i in order[:n]]


def fit(rows: list[dict[str, float]], labels: list[bool], trained_on: str = "",
        names: tuple[str, ...] = NAMES, weights: list[float] | None = None) -> Model:
    """Fit the model to feature rows and their labels (scikit-learn, balanced classes); ``names``
    picks the features (:data:`~termkit.discover.features.PORTABLE` for a model shipped to any input);
    ``weights`` weigh rows (a curator's rejection counts more than a noisy negative)."""
    return fit_matrix(matrix(rows, names), labels, names, trained_on, weights)


def fit_matrix(x: np.ndarray, labels: Any, names: tuple[str, ...], trained_on: str = "",
               weights: Any = None) -> Model:
    """:func:`fit` on a feature matrix whose columns are ``names``."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    y = np.asarray(labels, dtype=int)
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    clf = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)
    clf.fit((x - scaler.mean_) / scale, y, sample_weight=None if weights is None else np.asarray(weights, float))
    return Model(names, scaler.mean_.tolist(), scale.tolist(), clf.coef_[0].tolist(), float(clf.intercept_[0]),
                 trained_on)


def fit_boosted(rows: list[dict[str, float]], labels: list[bool], weights: list[float] | None = None) -> Any:
    """A gradient-boosted classifier (scikit-learn's histogram GBM, balanced classes) on the same rows
    (``weights`` as in :func:`fit`): it ranks; the linear model of :func:`fit` explains."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(max_iter=150, learning_rate=0.08, max_leaf_nodes=15, min_samples_leaf=10,
                                         l2_regularization=1.0, class_weight="balanced", random_state=0)
    return clf.fit(matrix(rows), np.asarray(labels, dtype=int),
                   sample_weight=None if weights is None else np.asarray(weights, dtype=float))


def fit_portable(rows: list[dict[str, float]], labels: list[bool], trained_on: str = "",
                 weights: list[float] | None = None) -> Model:
    """The model termkit ships: size-independent features only."""
    return fit(rows, labels, trained_on, PORTABLE, weights)


def training_rows(open_docs: Callable[[], Iterable[Any]], lexicon_matcher: Any, options: Any = None,
                  background: Any = None, negatives: Collection[str] = frozenset(),
                  judged: Mapping[str, bool] | None = None, judged_weight: float | None = None
                  ) -> tuple[list[dict[str, float]], list[bool], list[str], list[float]]:
    """Feature rows, labels, keys and weights from one body of text, as :func:`termkit.discover.discover` builds
    them: the lexicon's terms found in it (positives), the first pass's other candidates (noisy negatives), the
    ``negatives`` a curator rejected found as often (labelled negatives, weighing
    :data:`~termkit.discover.REJECTED_WEIGHT`) and the strings a curator ``judged`` (string → good) found as often:
    labelled positives or negatives weighing ``judged_weight`` (default :data:`~termkit.discover.JUDGED_WEIGHT`).
    A known term stays a positive and a rejection a negative whatever a verdict says."""
    from ..compile import compile_lexicon
    from ..lexicon import Lexicon
    from . import (
        JUDGED_WEIGHT,
        REJECTED_WEIGHT,
        DiscoverOptions,
        adapt,
        attest,
        collect,
        featurize,
        known_keys,
        positive_rows,
        shortlist,
    )
    from .background import Background

    options = options or DiscoverOptions()
    bg = background or Background.load()
    weight = JUDGED_WEIGHT if judged_weight is None else judged_weight
    blank = compile_lexicon(Lexicon(()), lexicon_matcher.table)
    evidence = collect(open_docs(), blank, options)
    options = adapt(options, evidence.stats.chars)[0]
    positives = known_keys(lexicon_matcher)
    negatives = set(negatives) - positives
    judged = {k: bool(v) for k, v in (judged or {}).items() if k not in positives and k not in negatives}
    prospects = shortlist(evidence, options, bg, positives, Model.load(part="pool"))
    cands, counts = attest(prospects, open_docs(), lexicon_matcher, positives, bg, negatives | set(judged))
    found = positive_rows(positives, counts, options.min_count)
    shown = {c.key for c in cands}
    rejected = positive_rows(negatives - shown, counts, options.min_count)
    verdicts = positive_rows(set(judged) - shown, counts, options.min_count)
    keys = [c.key for c in cands] + found + rejected + verdicts
    labels = ([judged.get(c.key, False) for c in cands] + [True] * len(found) + [False] * len(rejected)
              + [judged[k] for k in verdicts])

    def weight_of(key: str) -> float:
        return REJECTED_WEIGHT if key in negatives else weight if key in judged else 1.0

    weights = [weight_of(c.key) for c in cands] + [1.0] * len(found) + [REJECTED_WEIGHT] * len(rejected) \
        + [weight] * len(verdicts)
    return featurize(keys, counts, evidence, bg), labels, keys, weights
