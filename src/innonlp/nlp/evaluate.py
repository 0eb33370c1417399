"""Evaluation of the language layer against gold data (written standard so far)."""

from __future__ import annotations

import csv
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from .standard import detect_standards, model_info

# Gold labels as in ../shared/data/nb-nn (ISO 639-3) and their innonlp labels.
LABEL_MAP = {"nob": "nb", "nno": "nn", "nb": "nb", "nn": "nn"}


def evaluate_standard(path: str | Path, text_field: str = "text",
                      label_field: str = "language") -> dict[str, Any]:
    """Accuracy and per-class precision/recall of written-standard detection on a CSV."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"Evaluation file {str(p)!r} does not exist.")
    with open(p, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = reader.fieldnames or []
        for f in (text_field, label_field):
            if f not in fields:
                raise ConfigError(f"Column {f!r} is not in {p.name} (columns: "
                                  f"{', '.join(map(repr, fields))}).")
        rows = [(r[text_field], r[label_field].strip()) for r in reader]
    unknown = sorted({g for _, g in rows if g not in LABEL_MAP})
    if unknown:
        raise ConfigError(f"Unknown gold label(s) {unknown}; expected nob/nno (or nb/nn).")
    t0 = time.perf_counter()
    guesses = detect_standards([t for t, _ in rows])
    seconds = time.perf_counter() - t0
    gold = [LABEL_MAP[g] for _, g in rows]
    pred = [g.label for g in guesses]
    per_class: dict[str, dict[str, float]] = {}
    for label, code in (("nb", "nob"), ("nn", "nno")):
        tp = sum(1 for g, q in zip(gold, pred, strict=True) if g == q == label)
        n_pred = sum(1 for q in pred if q == label)
        n_gold = sum(1 for g in gold if g == label)
        per_class[code] = {
            "precision": round(tp / n_pred, 4) if n_pred else 0.0,
            "recall": round(tp / n_gold, 4) if n_gold else 0.0,
            "support": n_gold,
        }
    correct = sum(1 for g, q in zip(gold, pred, strict=True) if g == q)
    return {
        "n": len(rows),
        "accuracy": round(correct / max(len(rows), 1), 4),
        "per_class": per_class,
        "predicted_other": dict(Counter(q for q in pred if q.startswith("other"))),
        "sentences_per_second": round(len(rows) / seconds, 1) if seconds else None,
        "model": model_info(),
    }
