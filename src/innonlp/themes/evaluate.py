"""``innonlp evaluate themes``: theme finding against labelled documents, with a baseline.

Each document is one unit (cut to its first ``max_words`` words); documents whose label
field is a list keep only those with exactly one label. innonlp's finder runs with the
number of themes chosen automatically; its themes are labelled as in a run and the share
of labels that pass the label rule is reported (``label_ok_share``), with the NMI between
the themes and the written standard of the documents (``nmi_standard``) beside the NMI between
the gold labels and the standard (``nmi_label_standard``: the themes should not follow the
standard much more than the truth does). The baseline is a plain ``TfidfVectorizer`` +
``KMeans`` given the true number of labels (mean over seeds 0, 1, 2), on the same texts in
the same run. Outliers count as one more cluster in innonlp's scores.
"""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score, v_measure_score

from ..errors import ConfigError, InputError
from ..keyphrases.coverage import wide_atoms
from ..keyphrases.score import PhraseCorpus, noun_phrase_ctfidf
from ..nlp.analysis import StringTable, from_doc
from ..nlp.loader import NorwegianNLP
from ..nlp.standard import detect_standards
from ..perf import paused_gc
from .build import clean_phrases
from .features import segment_features
from .finder import ThemeFinder
from .labels import choose_labels, label_ok, phrase_ok
from .stability import UNSTABLE_BELOW, theme_stability


def read_labelled(path: Path, text_field: str, label_field: str, max_words: int
                  ) -> tuple[list[str], list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    texts, labels = [], []
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path.name} line {n} is not JSON: {exc}") from exc
            if text_field not in row or label_field not in row:
                raise ConfigError(f"{path.name} line {n} has no {text_field!r} or "
                                  f"{label_field!r} field (fields: {', '.join(row)}).")
            label = row[label_field]
            if isinstance(label, list):
                if len(label) != 1:
                    continue
                label = label[0]
            words = str(row[text_field]).split()
            if not words or label is None:
                continue
            texts.append(" ".join(words[:max_words]))
            labels.append(str(label))
    return texts, labels


def _label_quality(corpus: PhraseCorpus, pred: np.ndarray, n_themes: int) -> dict[str, Any]:
    """The themes' labels (as a run gives them) and how many pass the label rule; the share
    of the top-five key phrases that do."""
    groups = {f"T{t + 1:02d}": np.flatnonzero(pred == t).tolist() for t in range(n_themes)}
    phrases = clean_phrases(noun_phrase_ctfidf(corpus, groups, 20), 10)
    raw = noun_phrase_ctfidf(corpus, groups, 5)
    voices = {g: len({corpus.submission_ids[i] for i in m}) for g, m in groups.items()}
    names = choose_labels(phrases, voices, wide_atoms(corpus))
    top5 = [p for ps in raw.values() for p in ps[:5]]
    return {
        "labels": [names[g] for g in groups],
        "label_ok_share": round(sum(label_ok(x) for x in names.values())
                                / max(len(names), 1), 4),
        "raw_top5_keyphrase_ok_share": round(sum(phrase_ok(p) for p in top5)
                                             / max(len(top5), 1), 4),
    }


def evaluate_themes(path: str | Path, text_field: str = "text", label_field: str = "label",
                    max_words: int = 1500, seed: int = 0, nlp: str = "embedded"
                    ) -> dict[str, Any]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"Evaluation file {str(p)!r} does not exist.")
    texts, labels = read_labelled(p, text_field, label_field, max_words)
    if len(texts) < 4 or len(set(labels)) < 2:
        raise InputError(f"{p.name} has too few labelled documents to evaluate "
                         f"({len(texts)} documents, {len(set(labels))} labels).")
    t0 = time.perf_counter()
    layer = NorwegianNLP(nlp=nlp)
    strings = StringTable()
    standards = [g.label for g in detect_standards(texts)]
    standard = np.array([s if s in ("nb", "nn") else "other" for s in standards])
    items = ((t, s if s in ("nb", "nn") else "nb", i) for i, (t, s) in
             enumerate(zip(texts, standards, strict=True)))
    analyses = [from_doc(doc, str(i), "nb", strings) for doc, i in layer.pipe_mixed(items)]
    with paused_gc():
        corpus, docs, _ = segment_features(None, analyses)
        finder = ThemeFinder(random_state=seed).fit(docs)
    seconds = time.perf_counter() - t0
    y = np.array(labels)
    pred = finder.labels_
    quality = _label_quality(corpus, pred, finder.n_themes_)
    stability = theme_stability(finder, 5, seed)
    k = len(set(labels))
    X = TfidfVectorizer().fit_transform(texts)
    base = [KMeans(k, random_state=s, n_init="auto").fit_predict(X) for s in (0, 1, 2)]
    return {
        "file": p.name, "n_docs": len(texts), "n_labels": k, "n_themes": finder.n_themes_,
        "outlier_share": round(float((pred == -1).mean()), 4),
        "nmi": round(normalized_mutual_info_score(y, pred), 4),
        "ari": round(adjusted_rand_score(y, pred), 4),
        "v_measure": round(v_measure_score(y, pred), 4),
        # how much the themes follow the written standard, against how much the truth does
        "nmi_standard": round(normalized_mutual_info_score(standard, pred), 4),
        "nmi_label_standard": round(normalized_mutual_info_score(standard, y), 4),
        **quality,
        "unstable_share": round(float((stability < UNSTABLE_BELOW).mean()), 4)
        if len(stability) else 0.0,
        "seconds": round(seconds, 1),
        "baseline_nmi": round(float(np.mean([normalized_mutual_info_score(y, b)
                                             for b in base])), 4),
        "baseline_ari": round(float(np.mean([adjusted_rand_score(y, b) for b in base])), 4),
        "choice": {k2: ({str(a): b for a, b in v.items()} if isinstance(v, dict) else v)
                   for k2, v in finder.choice_.items()},
        "seed": seed, "max_words": max_words,
    }
