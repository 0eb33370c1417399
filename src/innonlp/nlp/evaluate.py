"""Evaluation of the language layer against gold data: written standard, and lemmas, POS
and sentences on CoNLL-U treebanks."""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language

from ..errors import ConfigError, InputError
from .conll import Sentence, read_conll
from .loader import NorwegianNLP, build_pipeline
from .standard import detect_standards, majority_standard, model_info

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


def _paragraphs(path: Path) -> list[list[Sentence]]:
    """Sentences grouped by ``# newpar``/``# newdoc`` (else in runs of ten), so sentence
    splitting is measured on running text, not on one sentence at a time."""
    sents = list(read_conll(path))
    marked = any("newpar" in s.meta or "newdoc id" in s.meta for s in sents)
    groups: list[list[Sentence]] = []
    for i, s in enumerate(sents):
        new = ("newpar" in s.meta or "newdoc id" in s.meta) if marked else i % 10 == 0
        if new or not groups:
            groups.append([])
        groups[-1].append(s)
    return groups


def _gold_spans(text: str, group: list[Sentence], offset: int
                ) -> list[tuple[int, int, str, str]]:
    """(start, end, lemma, upos) of each gold word, found in order in ``text``."""
    out = []
    pos = offset
    for s in group:
        for r in s.rows:
            i = text.find(r[1], pos)
            if i < 0 or i - pos > 10:
                out.append((-1, -1, r[2], r[3]))  # not findable: counted as wrong
                continue
            out.append((i, i + len(r[1]), r[2], r[3]))
            pos = i + len(r[1])
    return out


def _steady_speed(make: Callable[[], Language], texts: list[str]) -> int | None:
    """Words per second once warmed up, as in a long run: a freshly built pipeline reads the
    file once untimed (its words enter spaCy's vocabulary and the tagger's caches), the
    tokenizer's cache of whole chunks is then emptied so the text must be tokenised again,
    and a second pass is timed. The first, cold pass is reported apart."""
    fresh = make()
    for _, proc in fresh.pipeline:
        reset = getattr(getattr(proc, "tagger", None), "_reset_cache", None)
        if reset is not None:
            reset()
    for _ in fresh.pipe(texts, batch_size=64):
        pass
    flush = getattr(fresh.tokenizer, "_flush_cache", None)
    if flush is not None:
        flush()
    t0 = time.perf_counter()
    words = sum(int((d.to_array([IS_SPACE]) == 0).sum())
                for d in fresh.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - t0
    return round(words / seconds) if seconds > 0 else None


def evaluate_nlp(path: str | Path, nlp: str = "embedded", standard: str | None = None
                 ) -> dict[str, Any]:
    """Lemma and UPOS accuracy, sentence F1 and speed of a pipeline tier on a CoNLL-U file.

    Text is tokenised by the pipeline itself (one core, ``n_process=1``); a gold token counts
    as right only when a predicted token has exactly its characters and the right tag/lemma.
    ``lemma_acc`` skips gold PUNCT tokens and compares case-insensitively; ``upos_acc``
    counts every token.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"Evaluation file {str(p)!r} does not exist.")
    groups = _paragraphs(p)
    if not groups:
        raise InputError(f"{p.name} has no sentences.")
    texts = [" ".join(s.text for s in g) for g in groups]
    if standard is None:
        standard = majority_standard(texts)
    layer = NorwegianNLP(nlp=nlp, batch_size=64)
    lang = layer.language(standard)
    choice = layer.choices[standard]
    speed = _steady_speed(lambda: build_pipeline(choice), texts)
    floor = _steady_speed(lambda: spacy.blank("nb"), texts)
    lang(texts[0])  # loads the model data outside the timing
    t0 = time.perf_counter()
    docs = list(lang.pipe(texts, batch_size=64))
    cold = time.perf_counter() - t0
    n_tok = n_lem = ok_pos = ok_lem = aligned = 0
    gold_sents = pred_sents = ok_sents = 0
    for text, group, doc in zip(texts, groups, docs, strict=True):
        pred = {(t.idx, t.idx + len(t)): t for t in doc if not t.is_space}
        gold = _gold_spans(text, group, 0)
        for start, end, lemma, upos in gold:
            tok = pred.get((start, end))
            n_tok += 1
            aligned += tok is not None
            ok_pos += tok is not None and tok.pos_ == upos
            if upos != "PUNCT":
                n_lem += 1
                ok_lem += tok is not None and tok.lemma_.lower() == lemma.lower()
        bounds, k = set(), 0
        for s in group:
            first, last = gold[k], gold[k + len(s.rows) - 1]
            bounds.add((first[0], last[1]))
            k += len(s.rows)
        predicted = set()
        for sent in doc.sents:
            toks = [t for t in sent if not t.is_space]
            if toks:
                predicted.add((toks[0].idx, toks[-1].idx + len(toks[-1])))
        gold_sents += len(bounds)
        pred_sents += len(predicted)
        ok_sents += len(bounds & predicted)
    precision = ok_sents / max(pred_sents, 1)
    recall = ok_sents / max(gold_sents, 1)
    return {
        "file": p.name,
        "standard": standard,
        "tokens": n_tok,
        "lemma_acc": round(100 * ok_lem / max(n_lem, 1), 2),
        "upos_acc": round(100 * ok_pos / max(n_tok, 1), 2),
        "sentence_f1": round(100 * 2 * precision * recall / max(precision + recall, 1e-9), 2),
        "token_alignment": round(100 * aligned / max(n_tok, 1), 2),
        "words_per_second": speed,
        "words_per_second_first_pass": round(n_tok / cold) if cold else None,
        "blank_tokenizer_words_per_second": floor,
        "tier": choice.tier,
        "model": choice.model,
        "model_version": choice.version,
    }
