"""Score key phrases per group (a theme, a submission) and de-duplicate them.

Every extractor has one signature::

    extractor(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]], top_n: int)
        -> dict[str, list[KeyPhrase]]

where ``groups`` maps a group id to indices of segments in ``corpus``.

``noun_phrase_ctfidf`` (the default) scores a candidate in a group by class-based TF-IDF
(how much more frequent it is in the group than overall) times its spread (the log of the
number of distinct submitters in the group who use it, so one submitter repeating a phrase
30 times counts once), then keeps a phrase only if it is not the same idea as a better one:
same atoms (``innovasjonsarbeid`` = ``arbeid med innovasjon``), contained in a better
phrase that scores nearly as well, or too similar by maximal marginal relevance (MMR).
``lemma_ctfidf`` is the same over single content lemmas.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from ..nlp.analysis import SegmentAnalysis, precompute_content_masks
from .candidates import Candidate, noun_phrases


@dataclass(frozen=True)
class KeyPhrase:
    phrase: str          # the most frequent surface form, lower-cased unless a name
    score: float
    n_submissions: int   # distinct submitters in the group using it
    n_mentions: int
    specificity: float = 0.0  # share of all the phrase's mentions that are in this group
    key: tuple[str, ...] = field(compare=False, default=())


class PhraseCorpus:
    """Candidates of every segment, with the submission each segment belongs to."""

    def __init__(self, analyses: Sequence[SegmentAnalysis], texts: Sequence[str],
                 submission_ids: Sequence[str]):
        self.submission_ids = list(submission_ids)
        precompute_content_masks(list(analyses))
        atom_cache: dict = {}
        self.candidates: list[list[Candidate]] = [
            noun_phrases(a, i, t, atom_cache)
            for i, (a, t) in enumerate(zip(analyses, texts, strict=True))]
        self.total: Counter = Counter(c.key for cs in self.candidates for c in cs)
        # a key's atoms as first seen (assigned in reverse, so the first one stays)
        self.atoms: dict[tuple[str, ...], frozenset[str]] = {
            c.key: c.atoms for cs in reversed(self.candidates) for c in reversed(cs)}
        surfaces: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
        for (key, text), n in Counter((c.key, c.surface) for cs in self.candidates
                                      for c in cs).items():
            surfaces[key][text] = n
        self.surface = _Surfaces(surfaces)
        self.n_tokens = sum(len(a) for a in analyses)


class _Surfaces(dict):
    """key → its natural written form (:func:`_natural`), worked out when first asked
    for: only the keys that become key phrases ever are."""

    def __init__(self, forms: dict[tuple[str, ...], dict[str, int]]):
        super().__init__()
        self.forms = forms

    def __missing__(self, key: tuple[str, ...]) -> str:
        text = self[key] = _natural(self.forms[key])
        return text


def _natural(surfaces: Mapping[str, int]) -> str:
    """The most frequent written form; lower case unless every form is capitalised."""
    best = min(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if all(s[:1].isupper() for s in surfaces) and not all(s.istitle() for s in surfaces):
        return best
    words = best.split()
    return " ".join([words[0].lower() if not words[0].isupper() else words[0], *words[1:]])


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _dedupe(scored: list[tuple[float, tuple[str, ...], int, int]],
            corpus: PhraseCorpus, top_n: int, mmr_lambda: float = 0.7
            ) -> list[KeyPhrase]:
    """Greedy MMR over the best ``20 * top_n`` candidates: each round picks the highest
    ``mmr_lambda * score / top - (1 - mmr_lambda) * similarity`` among candidates that are
    not the same idea as a chosen phrase (same atoms) or contained in a chosen phrase that
    scores nearly as well. Lazy: candidates are visited best score first and a round stops
    where no later candidate can win (its score alone falls short), and a candidate is
    compared only with the phrases chosen since it was last visited."""
    pool = sorted(scored, key=lambda s: (-s[0], s[1]))[: 20 * top_n]
    top = pool[0][0] if pool else 1.0
    atoms = [corpus.atoms[k] for _, k, _, _ in pool]
    sim = [0.0] * len(pool)
    seen = [0] * len(pool)  # how many chosen phrases candidate i has been compared with
    alive = [True] * len(pool)
    picked: list[int] = []
    while len(picked) < top_n:
        best_i, best_val = -1, -math.inf
        for i, entry in enumerate(pool):
            bound = mmr_lambda * entry[0] / top
            if bound <= best_val:
                break  # scores only fall from here: nobody later can do better
            if not alive[i]:
                continue
            a = atoms[i]
            for c in picked[seen[i]:]:
                c_atoms = atoms[c]
                if a == c_atoms or (a < c_atoms and pool[c][0] >= 0.6 * entry[0]):
                    alive[i] = False  # the same idea in other words, or part of a better one
                    break
                sim[i] = max(sim[i], _jaccard(a, c_atoms))
            seen[i] = len(picked)
            if not alive[i]:
                continue
            val = bound - (1 - mmr_lambda) * sim[i]
            if val > best_val:
                best_i, best_val = i, val
        if best_i < 0:
            break
        alive[best_i] = False
        picked.append(best_i)
    chosen = [pool[i] for i in picked]
    return [KeyPhrase(corpus.surface[k], round(s, 4), n_sub, n_men,
                      round(n_men / max(corpus.total[k], 1), 3), k)
            for s, k, n_sub, n_men in chosen]


class _Index:
    """The kept candidates of a corpus as a sparse segments × phrase-keys count matrix, with
    what scoring needs per key (corpus total, length weight, sort rank) as arrays."""

    def __init__(self, corpus: PhraseCorpus, keep: Callable[[Candidate], bool]):
        keys = sorted(corpus.total)
        self.keys = keys
        pos = {k: i for i, k in enumerate(keys)}  # sorted: the index is the tie-break rank
        rows, cols = [], []
        for i, cs in enumerate(corpus.candidates):
            for c in cs:
                if keep(c):
                    rows.append(i)
                    cols.append(pos[c.key])
        n = len(corpus.candidates)
        self.matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(keys)))
        self.total = np.array([corpus.total[k] for k in keys], dtype=np.float64)
        self.length = np.array([1 + 0.15 * (len(corpus.atoms[k]) - 1) for k in keys])
        subs = {s: j for j, s in enumerate(dict.fromkeys(corpus.submission_ids))}
        self.submission = np.array([subs[s] for s in corpus.submission_ids], dtype=np.int64)


def _score_groups(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]], top_n: int,
                  keep: Callable[[Candidate], bool]) -> dict[str, list[KeyPhrase]]:
    n_groups = max(len(groups), 1)
    avg = max(corpus.n_tokens / n_groups, 1.0)
    cache = corpus.__dict__.setdefault("_indexes", {})
    index = cache.get(keep) or cache.setdefault(keep, _Index(corpus, keep))
    n_keys = max(len(index.keys), 1)
    out: dict[str, list[KeyPhrase]] = {}
    for gid, idx in groups.items():
        rows = np.asarray(idx, dtype=np.int64)
        sub = index.matrix[rows]
        if not sub.nnz:
            out[gid] = []
            continue
        key_ids, inv = np.unique(sub.indices, return_inverse=True)
        tf = np.bincount(inv, weights=sub.data)
        size = float(sub.data.sum())
        # distinct submitters per key: unique (submission, key) pairs
        owner = np.repeat(index.submission[rows], np.diff(sub.indptr))
        pairs = np.unique(owner * n_keys + sub.indices)
        who = np.bincount(np.searchsorted(key_ids, pairs % n_keys), minlength=len(key_ids))
        ctfidf = (tf / max(size, 1)) * np.log(1 + avg / index.total[key_ids])
        score = ctfidf * np.log(1 + who) * index.length[key_ids]
        best = np.lexsort((key_ids, -score))[: 20 * top_n]
        scored = [(float(score[j]), index.keys[key_ids[j]], int(who[j]), int(tf[j]))
                  for j in best.tolist()]
        out[gid] = _dedupe(scored, corpus, top_n)
    return out


def _has_atoms(c: Candidate) -> bool:
    return bool(c.atoms)


def _single_noun(c: Candidate) -> bool:
    return len(c.key) == 1 and bool(c.atoms)


def noun_phrase_ctfidf(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]],
                       top_n: int = 10) -> dict[str, list[KeyPhrase]]:
    """Noun phrases and compounds (the default extractor)."""
    return _score_groups(corpus, groups, top_n, _has_atoms)


def lemma_ctfidf(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]],
                 top_n: int = 10) -> dict[str, list[KeyPhrase]]:
    """Single nouns only (a simpler extractor with the same signature)."""
    return _score_groups(corpus, groups, top_n, _single_noun)


EXTRACTORS: dict[str, Callable[..., dict[str, list[KeyPhrase]]]] = {
    "noun_phrases": noun_phrase_ctfidf, "lemmas": lemma_ctfidf}
