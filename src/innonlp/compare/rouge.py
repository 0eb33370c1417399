"""ROUGE-1, ROUGE-2 and ROUGE-L F1 with a tokenizer that keeps Norwegian letters.

rouge-score's default tokenizer replaces every character outside a-z0-9 with a space, so
"økonomi" becomes "konomi" and "på" becomes "p"; here a token is a maximal run of Unicode
letters and digits, lower-cased. The lemma variant scores lemma sequences from the language
layer instead of word forms (so "kommunene" and "kommunen" match).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_TOKEN = re.compile(r"[^\W_]+")


def tokenize(text: str) -> list[str]:
    """Lower-cased runs of letters and digits; æ, ø, å and accents survive."""
    return _TOKEN.findall(text.lower())


def _f1(overlap: int, n_ref: int, n_cand: int) -> float:
    if overlap == 0 or n_ref == 0 or n_cand == 0:
        return 0.0
    p, r = overlap / n_cand, overlap / n_ref
    return 2 * p * r / (p + r)


def rouge_n(ref: Sequence[str], cand: Sequence[str], n: int) -> float:
    rc = Counter(tuple(ref[i:i + n]) for i in range(len(ref) - n + 1))
    cc = Counter(tuple(cand[i:i + n]) for i in range(len(cand) - n + 1))
    return _f1(sum((rc & cc).values()), sum(rc.values()), sum(cc.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, start=1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(ref: Sequence[str], cand: Sequence[str]) -> float:
    return _f1(lcs_length(ref, cand), len(ref), len(cand))


def rouge(ref: Sequence[str], cand: Sequence[str]) -> dict[str, float]:
    """F1 of ROUGE-1, ROUGE-2 and ROUGE-L between two token sequences."""
    return {"rouge1": rouge_n(ref, cand, 1), "rouge2": rouge_n(ref, cand, 2),
            "rougeL": rouge_l(ref, cand)}


def rouge_text(ref: str, cand: str) -> dict[str, float]:
    return rouge(tokenize(ref), tokenize(cand))


def cut_words(text: str, n_words: int) -> str:
    """The first ``n_words`` whitespace-separated words of ``text``."""
    return " ".join(text.split()[:n_words])
