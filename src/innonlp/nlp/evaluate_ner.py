"""Evaluation of named entities against gold ``name=`` IOB2 tags (NorNE's CoNLL-U or NDT).

The text is tokenised by the pipeline itself, as in ``innonlp evaluate nlp``; an entity is
right only when a predicted entity has exactly its characters and its type.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from .conll import Sentence, read_conll
from .evaluate import _steady_speed
from .loader import NorwegianNLP, build_pipeline
from .ner import TYPES
from .standard import majority_standard
from .train_ner import entity_tags

COLLAPSE = {"GPE_LOC": "LOC", "GPE_ORG": "ORG", "PROD": "MISC", "EVT": "MISC",
            "DRV": "MISC"}
Entity = tuple[int, int, str]  # start character, end character, type


def read_texts(path: Path, split: str | None = None) -> list[list[Sentence]]:
    """Sentences grouped into texts by ``# newpar``/``# newdoc`` (else in runs of ten);
    ``split`` keeps only the sentences marked ``# ud_split = split`` (NDT)."""
    groups: list[list[Sentence]] = []
    sents = list(read_conll(path))
    marked = any("newpar" in s.meta or "newdoc id" in s.meta for s in sents)
    last = False
    for i, s in enumerate(sents):
        new = ("newpar" in s.meta or "newdoc id" in s.meta) if marked else i % 10 == 0
        keep = split is None or s.meta.get("ud_split") == split
        if keep and (new or not groups or not last):
            groups.append([])
        if keep:
            groups[-1].append(s)
        last = keep
    return groups


def _word_offsets(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Character spans of ``words`` found in order in ``text`` ((-1, -1) if not found)."""
    out = []
    pos = 0
    for w in words:
        i = text.find(w, pos)
        if i < 0 or i - pos > 10:
            out.append((-1, -1))
            continue
        out.append((i, i + len(w)))
        pos = i + len(w)
    return out


def gold_entities(text: str, group: list[Sentence]) -> list[Entity]:
    """The gold entities of a text as character spans (unfindable words make an entity
    that no prediction can match)."""
    words = [w for s in group for w in s.words]
    tags = [t for s in group for t in entity_tags(s)]
    offsets = _word_offsets(text, words)
    out: list[Entity] = []
    begin = -1
    for i, tag in enumerate([*tags, "O"]):
        if begin >= 0 and not (tag.startswith("I-") and tag[2:] == tags[begin][2:]):
            first, last = offsets[begin], offsets[i - 1]
            ok = first[0] >= 0 and last[0] >= 0
            out.append((first[0], last[1], tags[begin][2:]) if ok else (-1 - begin, -1, ""))
            begin = -1
        if tag.startswith("B-") or (tag.startswith("I-") and begin < 0):
            begin = i
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(gold: Iterable[set[Entity]], pred: Iterable[set[Entity]]) -> dict[str, Any]:
    """Micro precision/recall/F1 over exact (span, type), per type (with support) and the
    F1 with types collapsed to PER/ORG/LOC/MISC; one set of entities per text."""
    tp: Counter = Counter()
    n_pred: Counter = Counter()
    n_gold: Counter = Counter()
    ctp = cp = cg = 0
    for g, p in zip(gold, pred, strict=True):
        for e in g & p:
            tp[e[2]] += 1
        n_pred.update(e[2] for e in p)
        n_gold.update(e[2] for e in g)
        cgold = {(a, b, COLLAPSE.get(t, t)) for a, b, t in g}
        cpred = {(a, b, COLLAPSE.get(t, t)) for a, b, t in p}
        ctp, cp, cg = ctp + len(cgold & cpred), cp + len(cpred), cg + len(cgold)
    total = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    kinds = [t for t in TYPES if n_gold[t] or n_pred[t]]
    kinds += sorted(t for t in set(n_gold) | set(n_pred) if t not in TYPES and t)
    per_type = {t: {**_prf(tp[t], n_pred[t], n_gold[t]), "support": n_gold[t]}
                for t in kinds}
    return {"entities": sum(n_gold.values()), **total, "per_type": per_type,
            "f1_collapsed": _prf(ctp, cp, cg)["f1"]}


def evaluate_ner(path: str | Path, nlp: str = "embedded", standard: str | None = None,
                 split: str | None = None) -> dict[str, Any]:
    """Entity precision, recall and F1 (micro, per type, collapsed) and speed of a pipeline
    tier on a CoNLL-U or NDT file with ``name=`` tags; ``split``: NDT's ``ud_split``."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"Evaluation file {str(p)!r} does not exist.")
    if standard is not None and standard not in ("nb", "nn"):
        raise ConfigError(f"Unknown written standard {standard!r}; expected nb or nn.")
    groups = read_texts(p, split)
    if not groups:
        where = f" marked ud_split = {split}" if split else ""
        raise InputError(f"{p.name} has no sentences{where}.")
    texts = [" ".join(s.text for s in g) for g in groups]
    if standard is None:
        standard = majority_standard(texts)
    layer = NorwegianNLP(nlp=nlp, batch_size=64)
    lang = layer.language(standard)
    choice = layer.choices[standard]
    gold = [set(gold_entities(t, g)) for t, g in zip(texts, groups, strict=True)]
    pred = [{(e.start_char, e.end_char, e.label_) for e in doc.ents}
            for doc in lang.pipe(texts, batch_size=64)]
    result = score(gold, pred)
    result["words_per_second"] = _steady_speed(lambda: build_pipeline(choice), texts)
    result["tier"] = choice.tier
    result["model"] = choice.model
    return result
