"""Score key phrases per group (a theme, a submission) and de-duplicate them.

Every extractor has one signature::

    extractor(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]], top_n: int,
              n_groups: int | None = None) -> dict[str, list[KeyPhrase]]

where ``groups`` maps a group id to indices of segments in ``corpus`` (and ``n_groups``
says how many groups there are in all when ``groups`` holds only some of them).

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
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import scipy.sparse as sp

from ..nlp.analysis import SegmentAnalysis, precompute_content_masks
from ..parallel import SERIAL, Executor
from .candidates import scan


@dataclass(frozen=True)
class KeyPhrase:
    phrase: str          # the most frequent surface form, lower-cased unless a name
    score: float
    n_submissions: int   # distinct submitters in the group using it
    n_mentions: int
    specificity: float = 0.0  # share of all the phrase's mentions that are in this group
    key: tuple[str, ...] = field(compare=False, default=())
    atoms: frozenset[str] = field(compare=False, default=frozenset(), repr=False)


class PhraseCorpus:
    """Candidates of every segment, with the submission each segment belongs to.

    Kept compactly, since a big consultation has millions of candidates and of distinct
    phrase keys: the keys (``keys``, in order of first use), per segment the key ids of its
    candidates in order (``key_ids`` from ``ptr[i]`` to ``ptr[i + 1]``) with ``has_atoms``
    per candidate, and per key id its frequency (``freq``), its atoms (as first seen; ids
    into ``atom_names`` from ``atom_ptr[k]`` to ``atom_ptr[k + 1]``) and its written forms
    with their counts. ``total``, ``atoms`` and ``surface`` read these by key. The
    candidates are found through ``executor`` (forked processes on big corpora) (the same result as
    one)."""

    def __init__(self, analyses: Sequence[SegmentAnalysis], texts: Sequence[str],
                 submission_ids: Sequence[str], executor: Executor = SERIAL):
        self.submission_ids = list(submission_ids)
        analyses = list(analyses)
        if len(texts) != len(analyses) or len(self.submission_ids) != len(analyses):
            raise ValueError("analyses, texts and submission_ids differ in length")
        precompute_content_masks(analyses)
        # one atom memo per process, kept over all its chunks (a forked worker fills its copy)
        # few big chunks: every chunk repeats the common keys that are merged here; merged
        # as they come back, so only a few are held at a time
        chunks = executor.map_range(_phrase_chunk, (analyses, {}), len(analyses),
                                    chunk=max(2000, len(analyses) // 8 + 1))
        self._merge(chunks, sum(len(a) for a in analyses))

    @classmethod
    def from_chunks(cls, chunks: Sequence[_Chunk], submission_ids: Sequence[str],
                    n_tokens: int) -> PhraseCorpus:
        """The corpus from the candidates of consecutive parts of it, found elsewhere (by
        :func:`phrase_chunk`, say on the Dask workers that analysed those parts): the same
        corpus as one built from all the analyses at once."""
        self = cls.__new__(cls)
        self.submission_ids = list(submission_ids)
        if sum(len(c.counts) for c in chunks) != len(self.submission_ids):
            raise ValueError("the chunks and submission_ids differ in length")
        self._merge(chunks, n_tokens)
        return self

    def _merge(self, chunks: Iterable[_Chunk], n_tokens: int) -> None:
        # keys numbered in order of first use over the chunks in order: the result does not
        # depend on where the chunks were cut
        keys: list[tuple[str, ...]] = []
        key_id: dict[tuple[str, ...], int] = {}
        atom_id: dict[str, int] = {}
        atom_ids, atom_ptr = array("i"), array("q", [0])
        forms: list[str | dict[str, int]] = []  # one form: the text; several: text → count
        form_n = array("q")  # the count of a key's only form
        ids, flags, counts = [], [], []
        for c in chunks:
            remap = np.empty(len(c.keys), dtype=np.int64)
            for j, (k, a) in enumerate(zip(c.keys, c.atoms, strict=True)):
                g = key_id.get(k)
                if g is None:
                    g = key_id[k] = len(keys)
                    keys.append(k)
                    atom_ids.extend(sorted(atom_id.setdefault(x, len(atom_id)) for x in a))
                    atom_ptr.append(len(atom_ids))
                    forms.append("")
                    form_n.append(0)
                remap[j] = g
            ids.append(remap[c.ids])
            flags.append(c.has_atoms)
            counts.append(c.counts)
            local = remap.tolist()
            for (j, text), n in c.surfaces.items():
                g = local[j]
                cur = forms[g]
                if type(cur) is dict:
                    cur[text] = cur.get(text, 0) + n
                elif not form_n[g] or cur == text:
                    forms[g] = text
                    form_n[g] += n
                else:
                    forms[g] = {cur: form_n[g], text: n}
        self.keys = keys
        self.key_ids = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        self.has_atoms = np.concatenate(flags) if flags else np.zeros(0, dtype=bool)
        self.ptr = np.concatenate([[0], np.cumsum(np.concatenate(counts))]) if counts \
            else np.zeros(1, dtype=np.int64)
        self.freq = np.bincount(self.key_ids, minlength=len(keys)).astype(np.int64)
        self.atom_names = list(atom_id)
        self.atom_ids = np.frombuffer(atom_ids, dtype=np.int32) if atom_ids \
            else np.zeros(0, dtype=np.int32)
        self.atom_ptr = np.frombuffer(atom_ptr, dtype=np.int64)
        self._forms, self._form_n = forms, form_n
        self._surfaces: dict[int, str] = {}
        self.n_tokens = n_tokens

    def __len__(self) -> int:
        return len(self.submission_ids)

    def segment_keys(self, i: int) -> list[tuple[str, ...]]:
        """The phrase keys of segment ``i``'s candidates, in order."""
        return [self.keys[k] for k in self.key_ids[self.ptr[i]:self.ptr[i + 1]].tolist()]

    def key_id(self, key: tuple[str, ...]) -> int:
        """The id of a phrase key (KeyError when no candidate has it); the index is built on
        first use: the scoring itself works by id."""
        index = self.__dict__.get("_key_index")
        if index is None:
            index = self.__dict__["_key_index"] = {k: i for i, k in enumerate(self.keys)}
        return index[key]

    def atoms_of(self, k: int) -> frozenset[str]:
        """The atoms of key id ``k``."""
        names = self.atom_names
        return frozenset(names[i] for i in self.atom_ids[self.atom_ptr[k]:
                                                          self.atom_ptr[k + 1]].tolist())

    def surface_of(self, k: int) -> str:
        """The natural written form of key id ``k`` (:func:`_natural`; worked out when first
        asked for: only the keys that become key phrases ever are)."""
        text = self._surfaces.get(k)
        if text is None:
            cur = self._forms[k]
            text = self._surfaces[k] = _natural(cur if isinstance(cur, dict)
                                                else {cur: self._form_n[k]})
        return text

    @property
    def n_atoms(self) -> np.ndarray:
        return np.diff(self.atom_ptr)

    @property
    def total(self) -> Mapping[tuple[str, ...], int]:
        """Mentions per key (0 for a key no candidate has, like a Counter)."""
        return _ByKey(self, lambda k: int(self.freq[k]), 0)

    @property
    def atoms(self) -> Mapping[tuple[str, ...], frozenset[str]]:
        return _ByKey(self, self.atoms_of)

    @property
    def surface(self) -> Mapping[tuple[str, ...], str]:
        return _ByKey(self, self.surface_of)


_NO_DEFAULT = object()


class _ByKey(Mapping):
    """A per-key-id value of a :class:`PhraseCorpus`, looked up by phrase key."""

    def __init__(self, corpus: PhraseCorpus, get: Callable[[int], Any],
                 default: Any = _NO_DEFAULT):
        self.corpus, self.get_id, self.default = corpus, get, default

    def __getitem__(self, key: tuple[str, ...]) -> Any:
        try:
            k = self.corpus.key_id(key)
        except KeyError:
            if self.default is _NO_DEFAULT:
                raise
            return self.default
        return self.get_id(k)

    def __contains__(self, key: object) -> bool:
        try:
            self.corpus.key_id(key)  # type: ignore[arg-type]
        except (KeyError, TypeError):
            return False
        return True

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self.corpus.keys)

    def __len__(self) -> int:
        return len(self.corpus.keys)


SCAN_BATCH = 4000


class _Chunk(NamedTuple):
    keys: list[tuple[str, ...]]          # distinct keys of the chunk, first use first
    atoms: list[frozenset[str]]          # their atoms as first seen
    ids: np.ndarray                      # chunk-local key id per candidate
    has_atoms: np.ndarray                # per candidate
    counts: np.ndarray                   # candidates per segment
    surfaces: Counter                    # (local key id, written form) → mentions


def phrase_chunk(analyses: Sequence[SegmentAnalysis], atom_cache: dict | None = None
                 ) -> _Chunk:
    """The candidates of consecutive segments, compactly (what
    :meth:`PhraseCorpus.from_chunks` joins); ``atom_cache`` as in :func:`scan`."""
    return _phrase_chunk((list(analyses), {} if atom_cache is None else atom_cache),
                         0, len(analyses))


def _phrase_chunk(state: tuple[list[SegmentAnalysis], dict], start: int, stop: int
                  ) -> _Chunk:
    analyses, cache = state
    local: dict[tuple[str, ...], int] = {}
    keys: list[tuple[str, ...]] = []
    atoms: list[frozenset[str]] = []
    ids: list[int] = []
    flags: list[bool] = []
    surfaces: Counter = Counter()
    segs: list[int] = []
    # scanned a few thousand segments at a time: the scan's per-token lists stay small
    for base in range(start, stop, SCAN_BATCH):
        batch = analyses[base:min(base + SCAN_BATCH, stop)]
        for seg, key, key_atoms, surface, _, _ in scan(batch, cache):
            j = local.get(key)
            if j is None:
                j = local[key] = len(keys)
                keys.append(key)
                atoms.append(key_atoms)
            ids.append(j)
            flags.append(bool(key_atoms))
            segs.append(base - start + seg)
            surfaces[(j, surface)] += 1
    counts = np.bincount(np.array(segs, dtype=np.int64), minlength=stop - start)
    return _Chunk(keys, atoms, np.array(ids, dtype=np.int64), np.array(flags, dtype=bool),
                  counts.astype(np.int64), surfaces)


def _natural(surfaces: Mapping[str, int]) -> str:
    """The most frequent written form; lower case unless every form is capitalised."""
    best = min(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if all(s[:1].isupper() for s in surfaces) and not all(s.istitle() for s in surfaces):
        return best
    words = best.split()
    return " ".join([words[0].lower() if not words[0].isupper() else words[0], *words[1:]])


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _dedupe(scored: list[tuple[float, int, int, int, int]],
            corpus: PhraseCorpus, top_n: int, mmr_lambda: float = 0.7
            ) -> list[KeyPhrase]:
    """Greedy MMR over the best ``20 * top_n`` candidates: each round picks the highest
    ``mmr_lambda * score / top - (1 - mmr_lambda) * similarity`` among candidates that are
    not the same idea as a chosen phrase (same atoms) or contained in a chosen phrase that
    scores nearly as well. Lazy: candidates are visited best score first and a round stops
    where no later candidate can win (its score alone falls short), and a candidate is
    compared only with the phrases chosen since it was last visited. ``scored``: (score,
    rank of the key in sorted order — the tie-break —, distinct submitters, mentions, key
    id); only the chosen keys are looked up (forked workers then touch few key objects)."""
    pool = sorted(scored, key=lambda s: (-s[0], s[1]))[: 20 * top_n]
    top = pool[0][0] if pool else 1.0
    atoms = [corpus.atoms_of(kid) for *_, kid in pool]
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
    return [KeyPhrase(corpus.surface_of(kid), round(s, 4), n_sub, n_men,
                      round(n_men / max(int(corpus.freq[kid]), 1), 3), corpus.keys[kid],
                      atoms[i])
            for i in picked for s, _, n_sub, n_men, kid in (pool[i],)]


class _Index:
    """The kept candidates of a corpus as a sparse segments × phrase-keys count matrix, with
    what scoring needs per key (corpus total, length weight, sort rank) as arrays."""

    def __init__(self, corpus: PhraseCorpus, keep: Callable[[PhraseCorpus], np.ndarray]):
        # columns in the sorted order of the keys: the column index is the tie-break rank
        order = np.array(sorted(range(len(corpus.keys)), key=corpus.keys.__getitem__),
                         dtype=np.int64)
        self.kid = order  # column → key id
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        n = len(corpus)
        mask = keep(corpus)
        rows = np.repeat(np.arange(n), np.diff(corpus.ptr))[mask]
        cols = rank[corpus.key_ids[mask]]
        self.matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)),
                                    shape=(n, len(order)))
        self.total = corpus.freq[order].astype(np.float64)
        self.length = 1 + 0.15 * (corpus.n_atoms[order] - 1)
        subs = {s: j for j, s in enumerate(dict.fromkeys(corpus.submission_ids))}
        self.submission = np.array([subs[s] for s in corpus.submission_ids], dtype=np.int64)


def _score_groups(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]], top_n: int,
                  keep: Callable[[PhraseCorpus], np.ndarray], n_groups: int | None = None
                  ) -> dict[str, list[KeyPhrase]]:
    # the average group size uses every group, also when a call scores only some of them
    n_groups = max(len(groups) if n_groups is None else n_groups, 1)
    avg = max(corpus.n_tokens / n_groups, 1.0)
    cache = corpus.__dict__.setdefault("_indexes", {})
    index = cache.get(keep) or cache.setdefault(keep, _Index(corpus, keep))
    n_keys = max(len(index.kid), 1)
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
        kids = index.kid[key_ids[best]].tolist()
        cols = key_ids[best].tolist()  # columns are in sorted key order: the tie-break
        scored = [(float(score[j]), c, int(who[j]), int(tf[j]), kid)
                  for j, c, kid in zip(best.tolist(), cols, kids, strict=True)]
        out[gid] = _dedupe(scored, corpus, top_n)
    return out


def _has_atoms(corpus: PhraseCorpus) -> np.ndarray:
    """Per candidate: it has content atoms."""
    return corpus.has_atoms


def _single_noun(corpus: PhraseCorpus) -> np.ndarray:
    """Per candidate: one word with content atoms."""
    one_word = np.array([len(k) == 1 for k in corpus.keys], dtype=bool)
    return corpus.has_atoms & one_word[corpus.key_ids] if len(one_word) else corpus.has_atoms


def noun_phrase_ctfidf(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]],
                       top_n: int = 10, n_groups: int | None = None
                       ) -> dict[str, list[KeyPhrase]]:
    """Noun phrases and compounds (the default extractor). ``n_groups``: how many groups
    there are in all when ``groups`` is a share of them (default ``len(groups)``)."""
    return _score_groups(corpus, groups, top_n, _has_atoms, n_groups)


def lemma_ctfidf(corpus: PhraseCorpus, groups: Mapping[str, Sequence[int]],
                 top_n: int = 10, n_groups: int | None = None) -> dict[str, list[KeyPhrase]]:
    """Single nouns only (a simpler extractor with the same signature)."""
    return _score_groups(corpus, groups, top_n, _single_noun, n_groups)


def extract_groups(extract: Callable[..., dict[str, list[KeyPhrase]]], corpus: PhraseCorpus,
                   groups: Mapping[str, Sequence[int]], top_n: int, executor: Executor = SERIAL
                   ) -> dict[str, list[KeyPhrase]]:
    """``extract(corpus, groups, top_n)`` with many groups (one per submission, say) shared
    out through ``executor``: the same result as one call."""
    items = list(groups.items())
    if items:  # builds the corpus's phrase index here, once, before any worker starts
        extract(corpus, dict(items[:1]), top_n)
    chunks = executor.map_range(_extract_chunk, (extract, corpus, items, top_n), len(items),
                                chunk=max(500, len(items) // 8 + 1))
    return {gid: phrases for chunk in chunks for gid, phrases in chunk.items()}


def _extract_chunk(state: tuple, start: int, stop: int) -> dict[str, list[KeyPhrase]]:
    extract, corpus, items, top_n = state
    return extract(corpus, dict(items[start:stop]), top_n, n_groups=len(items))


EXTRACTORS: dict[str, Callable[..., dict[str, list[KeyPhrase]]]] = {
    "noun_phrases": noun_phrase_ctfidf, "lemmas": lemma_ctfidf}
