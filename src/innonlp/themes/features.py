"""The per-segment features of the themes stage: key-phrase candidates, the token lists for
clustering and the formalia flags.

A segment's tokens are its content lemmas, the parts of its compound nouns and adjectives and
its multi-word phrase keys, each in one form for both written standards
(:func:`~innonlp.nlp.nbnn.shared_feature`: ``føresegn`` and ``bestemmelse``, ``eigedom`` and
``eiendom`` are one feature before TF-IDF) and without genre furniture (months, "§", "nr.",
reference words: :func:`~innonlp.themes.boilerplate.is_boilerplate_token`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..keyphrases.score import PhraseCorpus, phrase_chunk
from ..nlp.analysis import SegmentAnalysis, precompute_content_masks
from ..nlp.compounds import remember_splits, split_compound
from ..nlp.features import COMPOUND_POS as _COMPOUND_POS
from ..nlp.features import lemma_features
from ..nlp.loader import pipeline_standard
from ..nlp.nbnn import shared_feature, to_bokmaal, to_bokmaal_many
from ..nlp.stopwords import stop_lemmas
from ..parallel import SERIAL, ExecutionPolicy, Executor
from ..types import Segment
from .boilerplate import is_boilerplate_token
from .formalia import is_formalia, text_is_formalia
from .tokens import TokenDocs, id_array, place


def _phrase_tokens(corpus: PhraseCorpus, vocab: dict[str, int]
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Per segment, its multi-word phrase keys as tokens ("offentlig_sektor"), in order:
    (token ids into ``vocab``, which grows, and the number per segment)."""
    multi = np.array([len(k) > 1 for k in corpus.keys], dtype=bool)
    mask = corpus.has_atoms & multi[corpus.key_ids] if len(multi) else corpus.has_atoms
    key_ids = corpus.key_ids[mask]
    token_of = np.zeros(len(corpus.keys), dtype=np.int64)
    for k in np.unique(key_ids).tolist():
        token_of[k] = vocab.setdefault("_".join(to_bokmaal_many(corpus.keys[k])), len(vocab))
    per_doc = np.diff(np.concatenate([[0], np.cumsum(mask)])[corpus.ptr])
    return token_of[key_ids], per_doc.astype(np.int64)


def _split_chunk(state: tuple[list[int], list[str], list[str]], start: int, stop: int
                 ) -> list[tuple[str, str] | None]:
    todo, low, langs = state
    return [split_compound(low[k // len(langs)], langs[k % len(langs)])
            for k in todo[start:stop]]


def base_tokens(analyses: list[SegmentAnalysis], vocab: dict[str, int],
                 executor: Executor = SERIAL
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per segment: its content lemmas, then the parts of its compound nouns and adjectives
    (what :func:`lemma_features` gives one segment), worked out for the whole corpus at
    once (each distinct lemma is looked up and split once) as token ids into ``vocab``
    (which grows): (lemma ids, lemmas per segment, part ids, parts per segment)."""
    none = np.zeros(0, dtype=np.int64)
    if not analyses:
        return none, none, none, none
    strings = analyses[0].strings
    if any(a.strings is not strings for a in analyses):
        lists = [[shared_feature(t, pipeline_standard(a.standard)) for t in
                  lemma_features(a)] for a in analyses]
        ids = np.array([vocab.setdefault(t, len(vocab)) for d in lists for t in d],
                       dtype=np.int64)
        return ids, np.array([len(d) for d in lists], dtype=np.int64), none, \
            np.zeros(len(lists), dtype=np.int64)
    precompute_content_masks(analyses)
    stop = stop_lemmas()
    masks = [a.content_mask() for a in analyses]
    lemma = np.concatenate([a.lemma[m] for a, m in zip(analyses, masks, strict=True)])
    pos = np.concatenate([a.pos[m] for a, m in zip(analyses, masks, strict=True)])
    counts = np.array([int(m.sum()) for m in masks], dtype=np.int64)
    langs = sorted({pipeline_standard(a.standard) for a in analyses})
    lang_of = np.repeat(np.array([langs.index(pipeline_standard(a.standard))
                                  for a in analyses], dtype=np.int64), counts)
    compound = np.isin(pos, _COMPOUND_POS)
    uniq, inv = np.unique(lemma, return_inverse=True)
    low = [strings.lower(h) for h in uniq.tolist()]
    # one feature per word in both written standards (føresegn/forskrift → one): each
    # distinct (lemma, standard) mapped once
    split_key = inv.ravel().astype(np.int64) * len(langs) + lang_of
    pairs, pair_of = np.unique(split_key, return_inverse=True)
    lemma_ids = np.array([vocab.setdefault(shared_feature(low[k // len(langs)],
                                                          langs[k % len(langs)]), len(vocab))
                          for k in pairs.tolist()], dtype=np.int64)[pair_of.ravel()]
    # the parts of each distinct (lemma, standard) that is a compound noun or adjective
    todo = np.unique(split_key[compound])
    todo_list = todo.tolist()
    found = [f for chunk in executor.map_range(_split_chunk, (todo_list, low, langs),
                                               len(todo_list), chunk=20_000) for f in chunk]
    # kept, so that the key-phrase workers forked next do not split these words again
    remember_splits(((low[k // len(langs)], langs[k % len(langs)]), f)
                    for k, f in zip(todo_list, found, strict=True))
    kept = [tuple(to_bokmaal(x) for x in f if len(x) >= 3 and x not in stop) if f else ()
            for f in found]
    n_parts = np.array([len(p) for p in kept], dtype=np.int64)
    part_ptr = np.concatenate([[0], np.cumsum(n_parts)]).astype(np.int64)
    part_vocab = np.array([vocab.setdefault(x, len(vocab)) for p in kept for x in p],
                          dtype=np.int64)
    # every compound token's parts, tokens in order
    tokens = np.flatnonzero(compound)
    which = np.searchsorted(todo, split_key[tokens])
    per_token = n_parts[which]
    starts = np.repeat(part_ptr[which] - (np.cumsum(per_token) - per_token), per_token)
    part_ids = part_vocab[starts + np.arange(int(per_token.sum()), dtype=np.int64)]
    doc_of = np.repeat(np.arange(len(analyses), dtype=np.int64), counts)
    part_counts = np.bincount(doc_of[tokens], weights=per_token,
                              minlength=len(analyses)).astype(np.int64)
    return lemma_ids, counts, part_ids, part_counts


def _token_docs(base: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
                vocab: dict[str, int], corpus: PhraseCorpus) -> TokenDocs:
    """The token lists for clustering: per segment its content lemmas and the parts of its
    compound words (``base``, from :func:`base_tokens` with ``vocab``), then its
    multi-word phrase keys."""
    lemma_ids, n_lemmas, part_ids, n_parts = base
    phrase_ids, n_phrases = _phrase_tokens(corpus, vocab)
    if not len(corpus):
        return TokenDocs([], np.zeros(0, dtype=np.int32), np.zeros(1, dtype=np.int64))
    ptr = np.concatenate([[0], np.cumsum(n_lemmas + n_parts + n_phrases)]).astype(np.int64)
    out = id_array(np.zeros(int(ptr[-1]), dtype=np.int64), len(vocab))
    place(out, ptr, lemma_ids, n_lemmas, 0)
    place(out, ptr, part_ids, n_parts, n_lemmas)
    place(out, ptr, phrase_ids, n_phrases, n_lemmas + n_parts)
    terms = list(vocab)
    bad = np.array([_furniture(t) for t in terms], dtype=bool)
    if bad.any():  # genre furniture is no feature ("§", "nr", "jan", "ledd")
        kept = ~bad[out]
        ptr = np.concatenate([[0], np.cumsum(kept, dtype=np.int64)])[ptr]
        out = out[kept]
    return TokenDocs(terms, out, ptr)


def _furniture(token: str) -> bool:
    """A token (a lemma, a compound part or a phrase key "a_b") that is genre furniture."""
    return any(is_boilerplate_token(w) for w in token.split("_"))


def _formalia_chunk(state: tuple[Sequence[Segment], Sequence[SegmentAnalysis]],
                    start: int, stop: int) -> list[bool]:
    segments, analyses = state
    return [is_formalia(segments[i], analyses[i]) for i in range(start, stop)]


@dataclass
class PartFeatures:
    """The per-segment features of consecutive segments, worked out where they were
    analysed (a Dask worker): key-phrase candidates, the compound splits of their nouns and
    adjectives, formalia flags. :func:`segment_features` joins the parts in order."""

    phrases: Any  # keyphrases.score._Chunk
    splits: list[tuple[tuple[str, str], tuple[str, str] | None]]
    formalia: np.ndarray
    n_tokens: int


_ATOMS: dict[tuple, Any] = {}  # a worker's atom memo, kept over its partitions


def part_features(texts: Sequence[str], analyses: Sequence[SegmentAnalysis]
                  ) -> PartFeatures:
    """:class:`PartFeatures` of segments with these texts and analyses (one string
    table), what a worker computes after the language layer."""
    if len(_ATOMS) > 1_000_000:
        _ATOMS.clear()  # bounded: the memo only saves time
    analyses = list(analyses)
    precompute_content_masks(analyses)
    splits: dict[tuple[str, str], tuple[str, str] | None] = {}
    for a in analyses:
        lang, low = pipeline_standard(a.standard), a.strings.lower
        mask = a.content_mask() & np.isin(a.pos, _COMPOUND_POS)
        for h in a.lemma[mask].tolist():
            k = (low(h), lang)
            if k not in splits:
                splits[k] = split_compound(*k)
    return PartFeatures(phrase_chunk(analyses, _ATOMS), sorted(splits.items()),
                        np.array([text_is_formalia(t, a) for t, a in
                                  zip(texts, analyses, strict=True)], dtype=bool),
                        sum(len(a) for a in analyses))


def segment_features(segments: Sequence[Segment] | None,
                     analyses: Sequence[SegmentAnalysis],
                     policy: ExecutionPolicy | None = None,
                     parts: Sequence[PartFeatures] | None = None
                     ) -> tuple[PhraseCorpus, TokenDocs, np.ndarray | None]:
    """The key-phrase candidates, the token lists for clustering (content lemmas, the
    parts of compound words and multi-word phrase keys, as a compact :class:`TokenDocs`)
    and, given the segments, the formalia flags; the per-segment work runs as ``policy``
    says (forked processes on big corpora: the same result as one), or was done already by the
    workers that analysed the segments (``parts``, in segment order: the same result
    again)."""
    analyses = list(analyses)
    policy = policy or ExecutionPolicy()
    executor = policy.executor(len(analyses))
    ids = [s.submission_id for s in segments] if segments is not None else \
        [str(i) for i in range(len(analyses))]
    if parts is not None:
        for p in parts:
            remember_splits(p.splits)
        corpus = PhraseCorpus.from_chunks([p.phrases for p in parts], ids,
                                          sum(p.n_tokens for p in parts))
        vocab: dict[str, int] = {}  # every split is known: lookups only
        docs = _token_docs(base_tokens(analyses, vocab), vocab, corpus)
        formal = None if segments is None else np.concatenate(
            [p.formalia for p in parts] or [np.zeros(0, dtype=bool)])
    else:
        # the compound splits first: the key-phrase workers forked next then find them
        vocab = {}
        base = base_tokens(analyses, vocab, executor)
        texts = [s.text for s in segments] if segments is not None else [""] * len(analyses)
        # big corpora scan in this process: a forked scanner copies the pages it reads
        scan = policy.scan_executor(len(analyses))
        corpus = PhraseCorpus(analyses, texts, ids, scan)
        docs = _token_docs(base, vocab, corpus)
        formal = None if segments is None else np.array(
            [f for chunk in executor.map_range(_formalia_chunk, (segments, analyses),
                                               len(analyses), chunk=10_000) for f in chunk],
            dtype=bool)
    return corpus, docs, formal
