"""Stance against gold labels: accuracy, macro F1, per-class scores and the confusion table."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from .rollup import SUBMISSION_STANCES, stance_of_text

TARGET_CLASSES: tuple[str, ...] = ("støtter", "imot", "delvis")
"""Classes of the target metric ``macro_f1_3``."""


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path.name} line {n} is not valid JSON ({exc.msg}).") from exc
            if not isinstance(obj, dict):
                raise InputError(f"{path.name} line {n} is not a JSON object.")
            rows.append(obj)
    return rows


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro F1, per-class precision/recall/F1/support and the confusion table.

    Parameters
    ----------
    gold, pred : sequence of str
        Gold and predicted labels, aligned.

    Returns
    -------
    dict
        ``n``, ``accuracy``, ``macro_f1`` (over the classes in gold ∪ predicted),
        ``macro_f1_3`` (over :data:`TARGET_CLASSES`), ``per_class`` and ``confusion``
        (gold → predicted → count). Scores are rounded to four decimals.
    """
    classes = sorted(set(gold) | set(pred))
    per_class: dict[str, dict[str, float | int]] = {}
    f1s: dict[str, float] = {}
    for c in sorted(set(classes) | set(TARGET_CLASSES)):
        tp = sum(1 for g, q in zip(gold, pred, strict=True) if g == q == c)
        n_pred = sum(1 for q in pred if q == c)
        n_gold = sum(1 for g in gold if g == c)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f1s[c] = _f1(p, r)
        if c in classes:
            per_class[c] = {"precision": round(p, 4), "recall": round(r, 4),
                            "f1": round(f1s[c], 4), "support": n_gold}
    confusion: dict[str, dict[str, int]] = {}
    for g, q in zip(gold, pred, strict=True):
        confusion.setdefault(g, {}).setdefault(q, 0)
        confusion[g][q] += 1
    n = len(gold)
    return {
        "n": n,
        "accuracy": round(sum(g == q for g, q in zip(gold, pred, strict=True)) / n, 4) if n
        else 0.0,
        "macro_f1": round(sum(f1s[c] for c in classes) / len(classes), 4) if classes else 0.0,
        "macro_f1_3": round(sum(f1s[c] for c in TARGET_CLASSES) / len(TARGET_CLASSES), 4),
        "per_class": per_class,
        "confusion": {g: dict(sorted(v.items())) for g, v in sorted(confusion.items())},
    }


def evaluate_stance(path: str | Path, text_field: str = "text",
                    label_field: str = "stance") -> dict[str, Any]:
    """Submission stance (the rules) against gold labels in a JSONL file.

    Parameters
    ----------
    path : str or Path
        JSON Lines (``.jsonl`` or ``.jsonl.gz``), one labelled answer a line; a ``svartype``
        field, when present, is used as on an answer page.
    text_field : str
        Field with the answer text.
    label_field : str
        Field with the gold stance (one of ``støtter``, ``imot``, ``delvis``,
        ``ingen_merknader``, ``uklart``).

    Returns
    -------
    dict
        See :func:`scores`.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"Evaluation file {str(p)!r} does not exist.")
    rows = _read_jsonl(p)
    for n, row in enumerate(rows, start=1):
        for f in (text_field, label_field):
            if f not in row:
                raise ConfigError(f"Field {f!r} is missing on line {n} of {p.name} "
                                  f"(fields: {', '.join(map(repr, row))}).")
        if row[label_field] not in SUBMISSION_STANCES:
            raise ConfigError(f"Unknown gold stance {row[label_field]!r} on line {n}; "
                              f"expected one of {', '.join(SUBMISSION_STANCES)}.")
    gold = [str(r[label_field]) for r in rows]
    pred = [stance_of_text(str(r[text_field] or ""), r.get("svartype")).stance for r in rows]
    return scores(gold, pred)
