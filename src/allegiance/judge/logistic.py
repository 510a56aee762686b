"""A small logistic model over named features: trained here, stored as JSON, no pickle.

Both learned parts of allegiance (the relevance gate and the event verifier) are one of these:
a weight per feature name, a bias, and a Platt calibration fitted on held-out folds, so that
``probability`` is a calibrated probability. Training is deterministic (fixed fold order,
L-BFGS from zeros) and the weights are rounded before writing, so the same data gives a file
with the same hash.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from allegiance.errors import ModelFileError

Features = Mapping[str, float]
FORMAT = "allegiance-logistic/1"


@dataclass(frozen=True, slots=True)
class LogisticModel:
    weights: Mapping[str, float]
    bias: float
    platt_a: float = 1.0
    platt_b: float = 0.0
    meta: Mapping[str, Any] = field(default_factory=dict)

    def margin(self, features: Features) -> float:
        weights = self.weights
        return self.bias + sum(weights.get(k, 0.0) * v for k, v in features.items())

    def probability(self, features: Features) -> float:
        return sigmoid(self.platt_a * self.margin(features) + self.platt_b)

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "bias": round(self.bias, 6),
            "platt": [round(self.platt_a, 6), round(self.platt_b, 6)],
            "meta": dict(self.meta),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if round(v, 6)},
        }
        return json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n"

    def top_weights(self, n: int = 15) -> dict[str, list[tuple[str, float]]]:
        ranked = sorted(self.weights.items(), key=lambda kv: kv[1])
        return {"against": ranked[:n], "for": ranked[::-1][:n]}


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def load_model(path: Path) -> LogisticModel:
    """A model file written by :meth:`LogisticModel.to_json`; ModelFileError if it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        hint = "reinstall allegiance or run make train"
        raise ModelFileError(f"model file missing: {path} ({hint})") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"model file {path} is unreadable or corrupt: {exc}") from exc
    try:
        if data["format"] != FORMAT:
            raise ValueError(f"format {data['format']!r}")
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        a, b = (float(x) for x in data["platt"])
        return LogisticModel(weights, float(data["bias"]), a, b, dict(data.get("meta") or {}))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelFileError(f"model file {path} is not an allegiance model: {exc}") from exc


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- training ------------------------------------------------------------------------------


def vocabulary(rows: Sequence[Features], *, min_count: int) -> list[str]:
    counts = Counter(k for row in rows for k in row)
    return sorted(k for k, c in counts.items() if c >= min_count)


def _matrix(rows: Sequence[Features], vocab: Sequence[str]) -> Any:
    import numpy as np
    from scipy.sparse import csr_matrix

    index = {k: i for i, k in enumerate(vocab)}
    data, cols, ptr = [], [], [0]
    for row in rows:
        for k, v in row.items():
            if k in index:
                cols.append(index[k])
                data.append(v)
        ptr.append(len(cols))
    return csr_matrix((np.array(data, float), np.array(cols, int), np.array(ptr, int)),
                      shape=(len(rows), len(vocab)))  # fmt: skip


def _fit_weights(x: Any, y: Any, w: Any, l2: float) -> tuple[Any, float]:
    import numpy as np
    from scipy.optimize import minimize

    def loss(theta: Any) -> tuple[float, Any]:
        z = x @ theta[:-1] + theta[-1]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        eps = 1e-12
        nll = -np.sum(w * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
        grad_z = w * (p - y)
        grad = np.append(x.T @ grad_z + l2 * theta[:-1], grad_z.sum())
        return nll + 0.5 * l2 * float(theta[:-1] @ theta[:-1]), grad

    start = np.zeros(x.shape[1] + 1)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x[:-1], float(result.x[-1])


def _platt(margins: Any, y: Any) -> tuple[float, float]:
    import numpy as np
    from scipy.optimize import minimize

    def loss(ab: Any) -> float:
        p = 1.0 / (1.0 + np.exp(-np.clip(ab[0] * margins + ab[1], -30, 30)))
        return float(-np.sum(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))

    result = minimize(loss, np.array([1.0, 0.0]), method="Nelder-Mead")
    return float(result.x[0]), float(result.x[1])


@dataclass(frozen=True, slots=True)
class TrainOptions:
    l2: float = 1.0
    min_count: int = 2
    folds: int = 5
    fold_seed: int = 0  # 0: groups go to folds in sorted order; else shuffled by this seed


@dataclass(frozen=True, slots=True)
class Unseen:
    """Rows a model is never trained on, each scored by the fold model that did not see its
    group: candidates of stories the rules were not read from, to calibrate on."""

    rows: Sequence[Features]
    labels: Sequence[int]
    groups: Sequence[str]


def _fold_of(groups: Sequence[str], options: TrainOptions) -> dict[str, int]:
    names = sorted(set(groups))
    if options.fold_seed:
        random.Random(options.fold_seed).shuffle(names)
    return {g: i % options.folds for i, g in enumerate(names)}


def cross_margins(rows: Sequence[Features], labels: Sequence[int], groups: Sequence[str],
                  weights: Sequence[float], options: TrainOptions) -> list[float]:  # fmt: skip
    """Held-out margins: each group (story, sentence set) is scored by a model not trained on it."""
    return heldout_margins(rows, labels, groups, weights, options)[0]


def heldout_margins(
    rows: Sequence[Features], labels: Sequence[int], groups: Sequence[str],
    weights: Sequence[float], options: TrainOptions, unseen: Unseen | None = None,
) -> tuple[list[float], list[float]]:  # fmt: skip
    """The held-out margins of the rows and of the ``unseen`` rows, each scored by the fold
    model not trained on its group (an unseen row of a group no row has, by the first)."""
    import numpy as np

    fold_of = _fold_of(groups, options)
    unseen = unseen or Unseen((), (), ())
    out, out_unseen = [0.0] * len(rows), [0.0] * len(unseen.rows)
    for fold in range(options.folds):
        train = [i for i, g in enumerate(groups) if fold_of[g] != fold]
        test = [i for i, g in enumerate(groups) if fold_of[g] == fold]
        if not train or not test:
            continue
        model = _fit([rows[i] for i in train], np.array([labels[i] for i in train], float),
                     np.array([weights[i] for i in train], float), options)  # fmt: skip
        for i in test:
            out[i] = model.margin(rows[i])
        for i, g in enumerate(unseen.groups):
            if fold_of.get(g, 0) == fold:
                out_unseen[i] = model.margin(unseen.rows[i])
    return out, out_unseen


def _fit(rows: Sequence[Features], y: Any, w: Any, options: TrainOptions) -> LogisticModel:
    vocab = vocabulary(rows, min_count=options.min_count)
    theta, bias = _fit_weights(_matrix(rows, vocab), y, w, options.l2)
    return LogisticModel(dict(zip(vocab, (float(t) for t in theta), strict=True)), bias)


def calibrated_heldout(
    rows: Sequence[Features],
    labels: Sequence[int],
    *,
    groups: Sequence[str],
    weights: Sequence[float] | None = None,
    options: TrainOptions = TrainOptions(),
    calibrate_on: Sequence[bool] | None = None,
    unseen: Unseen | None = None,
) -> tuple[list[float], float, float]:
    """The held-out probabilities of the rows (each group scored by a model not trained on it)
    and the calibration (a, b) fitted on held-out margins of the kind of text the model will be
    used on: the ``unseen`` rows when given, else the ``calibrate_on`` rows (all by default)."""
    import numpy as np

    w = list(weights) if weights is not None else [1.0] * len(rows)
    held, held_unseen = heldout_margins(rows, labels, groups, w, options, unseen)
    if unseen is not None and unseen.rows:
        a, b = _platt(np.array(held_unseen), np.array(unseen.labels, float))
    else:
        mask = np.array(calibrate_on if calibrate_on is not None else [True] * len(rows), bool)
        a, b = _platt(np.array(held)[mask], np.array(labels, float)[mask])
    return [sigmoid(a * m + b) for m in held], a, b


def train(
    rows: Sequence[Features],
    labels: Sequence[int],
    *,
    groups: Sequence[str],
    weights: Sequence[float] | None = None,
    options: TrainOptions = TrainOptions(),
    meta: Mapping[str, Any] | None = None,
    calibrate_on: Sequence[bool] | None = None,
    unseen: Unseen | None = None,
) -> tuple[LogisticModel, list[float]]:
    """A calibrated model and the held-out probabilities of the training rows (for the curve);
    calibrated as :func:`calibrated_heldout` is."""
    import numpy as np

    w = list(weights) if weights is not None else [1.0] * len(rows)
    held, a, b = calibrated_heldout(
        rows, labels, groups=groups, weights=w, options=options, calibrate_on=calibrate_on,
        unseen=unseen,
    )  # fmt: skip
    model = _fit(rows, np.array(labels, float), np.array(w, float), options)
    return LogisticModel(model.weights, model.bias, a, b, dict(meta or {})), held


def reliability(probabilities: Sequence[float], labels: Sequence[int], bins: int = 10) -> list:
    """Rows of (bin, count, mean predicted, observed rate): the reliability curve."""
    rows = []
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        idx = [j for j, p in enumerate(probabilities) if lo <= p < hi or (i == bins - 1 and p == 1)]
        if idx:
            mean_p = sum(probabilities[j] for j in idx) / len(idx)
            rate = sum(labels[j] for j in idx) / len(idx)
            rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(idx),
                         "predicted": round(mean_p, 3), "observed": round(rate, 3)})  # fmt: skip
    return rows
