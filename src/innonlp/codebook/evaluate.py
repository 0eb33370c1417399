"""``innonlp evaluate codebook``: seeds against gold labels (per seed precision, recall and
F1, micro and macro F1, the share assigned to no seed, and the TF-IDF nearest-seed
baseline)."""

from __future__ import annotations

import gzip
import json
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..nlp.analysis import StringTable, from_doc
from ..nlp.loader import NorwegianNLP
from ..nlp.standard import detect_standards
from .match import MatchParams, match_segments, shared_features, similarities
from .model import Codebook, read_codebook


def analyse_docs(layer: NorwegianNLP, texts: Sequence[str]) -> list[list[str]]:
    """The shared features of ``texts`` (written standard detected per text)."""
    stds = [d.label if d.label in ("nb", "nn") else "nb" for d in detect_standards(list(texts))]
    strings = StringTable()
    items = ((t, s, (i, s)) for i, (t, s) in enumerate(zip(texts, stds, strict=True)))
    out: list[list[str]] = [[] for _ in texts]
    for doc, (i, s) in layer.pipe_mixed(items):
        out[i] = shared_features(from_doc(doc, str(i), s, strings))
    return out


def seed_docs(layer: NorwegianNLP, codebook: Codebook) -> list[list[str]]:
    """The shared features of every seed's text."""
    return analyse_docs(layer, [s.text for s in codebook.seeds])


def read_jsonl(path: str | Path, text_field: str, label_field: str, max_words: int
               ) -> tuple[list[str], list[set[str]]]:
    """Texts (cut to ``max_words``) and their gold label sets (a list field: several)."""
    p = Path(path)
    opener = gzip.open if p.suffix == ".gz" else open
    texts, gold = [], []
    with opener(p, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            label = d.get(label_field)
            labels = set(label) if isinstance(label, list) else {label} if label else set()
            texts.append(" ".join(str(d.get(text_field) or "").split()[:max_words]))
            gold.append({str(x) for x in labels})
    return texts, gold


def scores(pred: Sequence[set[str]], gold: Sequence[set[str]], labels: Sequence[str]
           ) -> dict[str, Any]:
    """Per label precision/recall/F1 and support, micro and macro F1."""
    per: dict[str, Any] = {}
    tp_all = fp_all = fn_all = 0
    for lab in labels:
        tp = sum(1 for p, g in zip(pred, gold, strict=True) if lab in p and lab in g)
        fp = sum(1 for p, g in zip(pred, gold, strict=True) if lab in p and lab not in g)
        fn = sum(1 for p, g in zip(pred, gold, strict=True) if lab not in p and lab in g)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        pr, rc = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        per[lab] = {"precision": round(pr, 4), "recall": round(rc, 4),
                    "f1": round(_f1(pr, rc), 4), "support": tp + fn}
    mp = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0
    mr = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0
    macro = float(np.mean([v["f1"] for v in per.values()])) if per else 0.0
    return {"seeds": per, "micro_f1": round(_f1(mp, mr), 4), "macro_f1": round(macro, 4)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def baseline(texts: Sequence[str], codebook: Codebook) -> list[set[str]]:
    """TF-IDF nearest seed over lower-cased words (no lemmas, no nb/nn map)."""
    def words(t: str) -> list[str]:
        return re.findall(r"\w+", t.lower())

    sim = similarities([words(t) for t in texts], [words(s.text) for s in codebook.seeds])
    labels = [s.label for s in codebook.seeds]
    return [{labels[int(np.argmax(row))]} if row.max() > 0 else set() for row in sim]


def evaluate_codebook(file: str | Path, codebook: str | Path, text_field: str = "text",
                      label_field: str = "label", nlp: str = "auto", max_words: int = 1500,
                      params: MatchParams | None = None) -> dict[str, Any]:
    """The codebook's seeds (their labels are the gold labels) against ``file``."""
    t0 = time.perf_counter()
    book = read_codebook(codebook)
    texts, gold = read_jsonl(file, text_field, label_field, max_words)
    layer = NorwegianNLP(nlp=nlp)
    matches = match_segments(texts, analyse_docs(layer, texts), book, seed_docs(layer, book),
                             params)
    label = {s.id: s.label for s in book.seeds}
    pred = [{label[i] for i in m.seed_ids} for m in matches]
    labels = [s.label for s in book.seeds]
    out = {"n_docs": len(texts), "n_seeds": len(labels), **scores(pred, gold, labels),
           "unassigned_share": round(sum(1 for p in pred if not p) / max(1, len(pred)), 4),
           "gold_outside_seeds_share": round(sum(1 for g in gold if not g & set(labels))
                                             / max(1, len(gold)), 4)}
    base = scores(baseline(texts, book), gold, labels)
    out["baseline_micro_f1"], out["baseline_macro_f1"] = base["micro_f1"], base["macro_f1"]
    out["seconds"] = round(time.perf_counter() - t0, 2)
    return out
