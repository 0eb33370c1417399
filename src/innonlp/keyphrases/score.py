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
        self.atoms: dict[tuple[str, ...], frozenset[str]] = {}
        surfaces: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        for cs in self.candidates:
            for c in cs:
                self.atoms.setdefault(c.key, c.atoms)
                surfaces[c.key][c.surface] += 1
        self.surface = {k: _natural(s) for k, s in surfaces.items()}
        self.n_tokens = sum(len(a) for a in analyses)


def _natural(surfaces: Counter) -> str:
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
    """Greedy MMR over the best ``20 * top_n`` candidates. What each candidate owes to the
    chosen ones (blocked as the same idea or as contained in a nearly-as-good phrase, its
    highest Jaccard similarity) is updated against each newly chosen phrase only."""
    chosen: list[tuple[float, tuple[str, ...], int, int]] = []
    pool = sorted(scored, key=lambda s: (-s[0], s[1]))[: 20 * top_n]
    top = pool[0][0] if pool else 1.0
    atoms = [corpus.atoms[k] for _, k, _, _ in pool]
    sim = [0.0] * len(pool)
    alive = [True] * len(pool)
    while len(chosen) < top_n:
        best_i, best_val = -1, -math.inf
        for i, (score, _, _, _) in enumerate(pool):
            if alive[i]:
                val = mmr_lambda * score / top - (1 - mmr_lambda) * sim[i]
                if val > best_val:
                    best_i, best_val = i, val
        if best_i < 0:
            break
        alive[best_i] = False
        chosen.append(pool[best_i])
        c_score, c_atoms = pool[best_i][0], atoms[best_i]
        for i, (score, _, _, _) in enumerate(pool):
            if not alive[i]:
                continue
            a = atoms[i]
            if a == c_atoms or (a < c_atoms and c_score >= 0.6 * score):
                alive[i] = False  # same idea in other words, or contained in a better one
            else:
                sim[i] = max(sim[i], _jaccard(a, c_atoms))
    return [KeyPhrase(corpus.surface[k], round(s, 4), n_sub, n_men,
                      round(n_men / max(corpus.total[k], 1), 3), k)
            for s, k, n_sub, n_men in chosen]


def _score_groups(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]], top_n: int,
                  keep: Callable[[Candidate], bool]) -> dict[str, list[KeyPhrase]]:
    n_groups = max(len(groups), 1)
    avg = max(corpus.n_tokens / n_groups, 1.0)
    out: dict[str, list[KeyPhrase]] = {}
    for gid, idx in groups.items():
        tf: Counter = Counter()
        who: dict[tuple[str, ...], set[str]] = defaultdict(set)
        size = 0
        for i in idx:
            for c in corpus.candidates[i]:
                if keep(c):
                    tf[c.key] += 1
                    who[c.key].add(corpus.submission_ids[i])
                    size += 1
        scored = []
        for key, n in tf.items():
            ctfidf = (n / max(size, 1)) * math.log(1 + avg / corpus.total[key])
            spread = math.log(1 + len(who[key]))
            length = 1 + 0.15 * (len(corpus.atoms[key]) - 1)  # mild preference for phrases
            scored.append((ctfidf * spread * length, key, len(who[key]), n))
        out[gid] = _dedupe(scored, corpus, top_n)
    return out


def noun_phrase_ctfidf(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]],
                       top_n: int = 10) -> dict[str, list[KeyPhrase]]:
    """Noun phrases and compounds (the default extractor)."""
    return _score_groups(corpus, groups, top_n, lambda c: bool(c.atoms))


def lemma_ctfidf(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]],
                 top_n: int = 10) -> dict[str, list[KeyPhrase]]:
    """Single nouns only (a simpler extractor with the same signature)."""
    return _score_groups(corpus, groups, top_n, lambda c: len(c.key) == 1 and bool(c.atoms))


EXTRACTORS: dict[str, Callable[..., dict[str, list[KeyPhrase]]]] = {
    "noun_phrases": noun_phrase_ctfidf, "lemmas": lemma_ctfidf}
