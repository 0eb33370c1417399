"""``innonlp evaluate summaries``: calibrate on real human summaries (NorSumm).

For each article its sentences are the input texts; innonlp writes an extractive draft as
long as the mean reference (in words) and it is scored with ROUGE-1/2/L F1 against each of
the three references of the chosen standard, then averaged. In the same run and with the
same tokenizer: ``lead`` (the article's first words, same length) and ``human`` (each
reference against the other two, the agreement ceiling).

The extractive draft (:func:`extract`) uses the language layer: sentences are the article's
paragraph pieces split by the rule-based splitter; crossheads (a piece of under eight words
without final punctuation) are left out; each sentence is scored by the cosine between its
TF-IDF vector (content lemmas and compound parts) and the article's centroid, times a
position prior ``1 + position_weight / (1 + rank)``; sentences are taken best first with a
redundancy penalty (maximal marginal relevance) until the length is reached, and shown in
article order.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from ..errors import ConfigError, InputError
from ..ingest.sentences import split_sentences
from ..nlp.analysis import StringTable, from_doc
from ..nlp.features import lemma_features
from ..nlp.loader import NorwegianNLP
from .rouge import cut_words, rouge, tokenize

POSITION_WEIGHT = 2.0
MMR_LAMBDA = 0.7
_PIECES = re.compile(r"\s+\|\s+|\n\s*\n")


def article_sentences(article: str) -> list[str]:
    """Sentences of an article, crossheads ("Vakuum", "Brøt seg inn") left out."""
    out: list[str] = []
    for piece in _PIECES.split(article):
        piece = piece.strip()
        if not piece:
            continue
        if len(piece.split()) < 8 and not piece.endswith((".", "!", "?", "»", '"')):
            continue
        out.extend(piece[a:b].strip() for a, b in split_sentences(piece) if piece[a:b].strip())
    return out


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def extract(sentences: list[str], features: list[list[str]], n_words: int,
            position_weight: float = POSITION_WEIGHT, mmr: float = MMR_LAMBDA) -> str:
    """An extractive draft of about ``n_words`` words (see the module docstring)."""
    if not sentences:
        return ""
    if not any(features):
        return cut_words(" ".join(sentences), n_words)
    X = normalize(TfidfVectorizer(analyzer=_identity, sublinear_tf=True).fit_transform(features))
    centroid = normalize(np.asarray(X.mean(0)))
    relevance = (X @ centroid.T).ravel() * (1 + position_weight / (1 + np.arange(len(sentences))))
    sim = (X @ X.T).toarray()
    chosen: list[int] = []
    words = 0
    while words < n_words and len(chosen) < len(sentences):
        best, best_score = -1, -np.inf
        for i in range(len(sentences)):
            if i in chosen:
                continue
            redundancy = max((sim[i, j] for j in chosen), default=0.0)
            score = mmr * relevance[i] - (1 - mmr) * redundancy
            if score > best_score:
                best, best_score = i, score
        chosen.append(best)
        words += len(sentences[best].split())
    return cut_words(" ".join(sentences[i] for i in sorted(chosen)), n_words)


def _references(article: dict[str, Any], standard: str) -> list[str]:
    refs: list[str] = []
    for item in article.get(f"summaries_{standard}", []):
        if isinstance(item, dict):
            refs.extend(str(v) for v in item.values() if str(v).strip())
        elif isinstance(item, str) and item.strip():
            refs.append(item)
    return refs


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(float(np.mean([r[k] for r in rows])), 4) for k in rows[0]} if rows else {}


def evaluate_summaries(path: str | Path, standard: str = "nb", nlp: str = "embedded"
                       ) -> dict[str, Any]:
    p = Path(path)
    if standard not in ("nb", "nn"):
        raise ConfigError(f"--standard must be nb or nn. Got {standard!r} instead.")
    if not p.is_file():
        raise InputError(f"Evaluation file {str(p)!r} does not exist.")
    try:
        articles = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{p.name} is not JSON: {exc}") from exc
    if not isinstance(articles, list):
        raise InputError(f"{p.name} must hold a list of articles with 'article' and "
                         f"'summaries_{standard}'.")
    t0 = time.perf_counter()
    layer = NorwegianNLP(nlp=nlp)
    strings = StringTable()
    scores: dict[str, list[dict[str, float]]] = {"innonlp": [], "lead": [], "human": []}
    n_used = 0
    for art in articles:
        refs = _references(art, standard)
        text = str(art.get("article", ""))
        if len(refs) < 2 or not text.strip():
            continue
        n_used += 1
        sents = article_sentences(text)
        # the article is Bokmål in NorSumm; it runs on the Bokmål pipeline for both targets
        feats = [lemma_features(from_doc(doc, str(i), "nb", strings))
                 for doc, i in layer.pipe_mixed((s, "nb", i) for i, s in enumerate(sents))]
        n_words = round(float(np.mean([len(r.split()) for r in refs])))
        draft = extract(sents, feats, n_words)
        lead = cut_words(text, n_words)
        ref_tokens = [tokenize(r) for r in refs]
        for name, cand in (("innonlp", draft), ("lead", lead)):
            c = tokenize(cand)
            scores[name].append(_mean([rouge(r, c) for r in ref_tokens]))
        for i, r in enumerate(ref_tokens):
            others = [o for j, o in enumerate(ref_tokens) if j != i]
            scores["human"].append(_mean([rouge(o, r) for o in others]))
    if not n_used:
        raise InputError(f"{p.name} has no article with two or more '{standard}' summaries.")
    return {"file": p.name, "standard": standard, "n_articles": n_used,
            **{name: _mean(rows) for name, rows in scores.items()},
            "tokenizer": "lower-cased runs of Unicode letters and digits (æ, ø, å kept)",
            "seconds": round(time.perf_counter() - t0, 1)}
