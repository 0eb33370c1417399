"""From analysed segments to described themes: the ``themes`` stage of a run.

``find_themes`` clusters segments (:class:`ThemeFinder`), scores stability, extracts key
phrases per theme and sub-theme, and describes each theme: label, counts (segments, distinct
submissions, campaign copies apart), respondent types, nb/nn share, representative quotes
with offsets. The result serialises to ``themes.json`` (schema ``innonlp.themes/1``).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from ..ingest.sentences import split_sentences
from ..keyphrases.score import EXTRACTORS, KeyPhrase, PhraseCorpus, extract_groups, phrase_chunk
from ..nlp.analysis import SegmentAnalysis, precompute_content_masks
from ..nlp.compounds import remember_splits, split_compound
from ..nlp.features import COMPOUND_POS as _COMPOUND_POS
from ..nlp.features import lemma_features
from ..nlp.loader import pipeline_standard
from ..nlp.stopwords import stop_lemmas
from ..parallel import SERIAL, ExecutionPolicy, Executor
from ..perf import release_memory
from ..types import Segment, Submission
from .finder import OUTLIER, ThemeFinder
from .formalia import FORMALIA_LABEL, is_formalia, text_is_formalia
from .layout import map_2d
from .params import ThemeParams
from .result import ThemesResult
from .stability import UNSTABLE_BELOW, theme_stability
from .tokens import TokenDocs, id_array, place

SCHEMA = "innonlp.themes/1"
OUTLIER_LABEL = "Andre innspill"
FORMALIA = -2


def _phrase_tokens(corpus: PhraseCorpus, vocab: dict[str, int]
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Per segment, its multi-word phrase keys as tokens ("offentlig_sektor"), in order:
    (token ids into ``vocab``, which grows, and the number per segment)."""
    multi = np.array([len(k) > 1 for k in corpus.keys], dtype=bool)
    mask = corpus.has_atoms & multi[corpus.key_ids] if len(multi) else corpus.has_atoms
    key_ids = corpus.key_ids[mask]
    token_of = np.zeros(len(corpus.keys), dtype=np.int64)
    for k in np.unique(key_ids).tolist():
        token_of[k] = vocab.setdefault("_".join(corpus.keys[k]), len(vocab))
    per_doc = np.diff(np.concatenate([[0], np.cumsum(mask)])[corpus.ptr])
    return token_of[key_ids], per_doc.astype(np.int64)


def _split_chunk(state: tuple[list[int], list[str], list[str]], start: int, stop: int
                 ) -> list[tuple[str, str] | None]:
    todo, low, langs = state
    return [split_compound(low[k // len(langs)], langs[k % len(langs)])
            for k in todo[start:stop]]


def _base_tokens(analyses: list[SegmentAnalysis], vocab: dict[str, int],
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
        lists = [lemma_features(a) for a in analyses]
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
    lemma_ids = np.array([vocab.setdefault(w, len(vocab)) for w in low],
                         dtype=np.int64)[inv.ravel()]
    # the parts of each distinct (lemma, standard) that is a compound noun or adjective
    split_key = inv.ravel().astype(np.int64) * len(langs) + lang_of
    todo = np.unique(split_key[compound])
    todo_list = todo.tolist()
    found = [f for chunk in executor.map_range(_split_chunk, (todo_list, low, langs),
                                               len(todo_list), chunk=20_000) for f in chunk]
    # kept, so that the key-phrase workers forked next do not split these words again
    remember_splits(((low[k // len(langs)], langs[k % len(langs)]), f)
                    for k, f in zip(todo_list, found, strict=True))
    kept = [tuple(x for x in f if len(x) >= 3 and x not in stop) if f else () for f in found]
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
    compound words (``base``, from :func:`_base_tokens` with ``vocab``), then its
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
    return TokenDocs(list(vocab), out, ptr)


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
        docs = _token_docs(_base_tokens(analyses, vocab), vocab, corpus)
        formal = None if segments is None else np.concatenate(
            [p.formalia for p in parts] or [np.zeros(0, dtype=bool)])
    else:
        # the compound splits first: the key-phrase workers forked next then find them
        vocab: dict[str, int] = {}
        base = _base_tokens(analyses, vocab, executor)
        texts = [s.text for s in segments] if segments is not None else [""] * len(analyses)
        # big corpora scan in this process: a forked scanner copies the pages it reads
        scan = executor if len(analyses) < policy.scan_max_items else SERIAL
        corpus = PhraseCorpus(analyses, texts, ids, scan)
        docs = _token_docs(base, vocab, corpus)
        formal = None if segments is None else np.array(
            [f for chunk in executor.map_range(_formalia_chunk, (segments, analyses),
                                               len(analyses), chunk=10_000) for f in chunk],
            dtype=bool)
    return corpus, docs, formal


def _label(phrases: list[KeyPhrase]) -> str:
    """The key phrase among the first five that best combines score and specificity (how
    much of its use falls in this theme), so a word every theme uses ("tjenester") does not
    name one; a multi-word phrase gets a small bonus."""
    if not phrases:
        return "Uten tydelig tema"
    best = max(phrases[:5], key=lambda p: (p.score * p.specificity
                                           * (1.2 if " " in p.phrase else 1.0), p.phrase))
    # one word is named by its lemma ("Regelverket" → "Regelverk"); a longer phrase keeps
    # its natural surface form, since lemmas would break agreement ("gamle fagsystemer")
    text = best.key[0] if len(best.key) == 1 and best.key[0].isalpha() else best.phrase
    return text[:1].upper() + text[1:]


def _best_sentence(seg: Segment, a: SegmentAnalysis, keys: set[str]) -> tuple[int, int]:
    spans = split_sentences(seg.text) or [(0, len(seg.text))]
    if len(spans) == 1:
        return spans[0]
    lemmas = [a.strings.lower(int(h)) for h in a.lemma]
    best, best_score = spans[0], -1.0
    for s, e in spans:
        n = sum(1 for off, lem in zip(a.offsets, lemmas, strict=True) if s <= off < e
                and lem in keys)
        score = n + 0.001 * min(e - s, 300)
        if score > best_score:
            best, best_score = (s, e), score
    return best


def _quotes(members: np.ndarray, sim: np.ndarray, segments: Sequence[Segment],
            analyses: Sequence[SegmentAnalysis], keys: set[str], n: int,
            submitters: dict[str, str]) -> list[dict[str, Any]]:
    order = members[np.argsort(-sim[members], kind="stable")]
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    used_text: set[str] = set()
    for i in order:
        seg = segments[i]
        if seg.submission_id in used:
            continue
        s, e = _best_sentence(seg, analyses[i], keys)
        text = seg.text[s:e]
        norm = " ".join(text.lower().split())
        if norm in used_text or len(text) < 20:
            continue  # campaign copies and fragments say nothing new
        used.add(seg.submission_id)
        used_text.add(norm)
        out.append({"text": text, "submission_id": seg.submission_id, "segment_id": seg.id,
                    "part": seg.part, "start": seg.start + s, "end": seg.start + e,
                    "submitter": submitters.get(seg.submission_id),
                    "similarity": round(float(sim[i]), 3)})
        if len(out) >= n:
            break
    return out


def _counts(members: np.ndarray, segments: Sequence[Segment],
            subs: dict[str, Submission], n_submissions: int) -> dict[str, Any]:
    sub_ids = sorted({segments[i].submission_id for i in members})
    campaign = [s for s in sub_ids if subs[s].campaign_id]
    unique = len(sub_ids) - len(campaign) + len({subs[s].campaign_id for s in campaign})
    std = Counter(segments[i].standard or "nb" for i in members)
    total = sum(std.values()) or 1
    return {
        "n_segments": len(members),
        "n_submissions": len(sub_ids),
        "n_submissions_unique": unique,
        "n_campaign_copies": len(campaign),
        "share_of_submissions": round(len(sub_ids) / max(n_submissions, 1), 4),
        "respondent_types": dict(sorted(Counter(subs[s].respondent_type or "ukjent"
                                                for s in sub_ids).items())),
        "standards": {k: round(v / total, 4) for k, v in sorted(std.items())},
        "submission_ids": sub_ids,
    }


def _phrases_json(phrases: list[KeyPhrase]) -> list[dict[str, Any]]:
    return [{k: v for k, v in asdict(p).items() if k not in ("key", "atoms")}
            for p in phrases]


def find_themes(segments: Sequence[Segment], analyses: Sequence[SegmentAnalysis],
                submissions: Sequence[Submission], params: ThemeParams | None = None,
                policy: ExecutionPolicy | None = None,
                features: Sequence[PartFeatures] | None = None
                ) -> ThemesResult:
    """Cluster, describe and return the ``themes.json`` document with the per-segment and
    per-submission columns (:class:`~innonlp.themes.result.ThemesResult`). ``policy``: how
    the per-segment features of big corpora run (the result does not depend on it);
    ``features``: those features, worked out already where the segments were analysed."""
    p = params or ThemeParams()
    subs = {s.id: s for s in submissions}
    submitters = {s.id: s.organisation or s.submitter for s in submissions
                  if s.organisation or s.submitter}
    clock = [time.perf_counter()]
    precompute_content_masks(list(analyses))
    corpus, docs, formal = segment_features(segments, analyses, policy, features)
    assert formal is not None
    keep = np.flatnonzero(~formal)
    clock.append(time.perf_counter())  # features: candidates, token lists, formalia
    finder = ThemeFinder(**p.finder_params()).fit(docs.take(keep))
    del docs  # the token lists are in the finder's matrix now
    release_memory()
    labels = np.full(len(segments), FORMALIA)
    sublabels = np.full(len(segments), OUTLIER)
    sim = np.zeros(len(segments))
    labels[keep], sublabels[keep], sim[keep] = (finder.labels_, finder.sublabels_,
                                                finder.similarity_)
    stability = theme_stability(finder, p.n_bootstrap, seed=p.seed)
    xy = np.full((len(segments), 2), np.nan)
    if finder.n_themes_ and len(finder.rows_) >= 3:
        xy[keep[finder.rows_]] = map_2d(finder.embedding_)
    del finder.embedding_  # the LSA vectors are not needed from here (big)
    clock.append(time.perf_counter())  # clustering, stability, 2-D map
    extract = EXTRACTORS[p.keyphrases]
    groups = {f"T{t + 1:02d}": np.flatnonzero(labels == t) for t in range(finder.n_themes_)}
    sub_groups = {f"T{t + 1:02d}.{s + 1}": np.flatnonzero((labels == t) &
                                                           (sublabels == s))
                  for t in range(finder.n_themes_)
                  for s in range(int(sublabels[labels == t].max(initial=-1)) + 1)}
    phrases = extract(corpus, {**groups, **sub_groups}, p.top_n)
    by_submission: dict[str, list[int]] = {}
    for i in keep:
        by_submission.setdefault(segments[i].submission_id, []).append(int(i))
    sub_phrases = extract_groups(extract, corpus, by_submission, 5,
                                 (policy or ExecutionPolicy()).executor(len(by_submission)))
    n_sub = len(submissions)
    themes = []
    for t, (tid, members) in enumerate(groups.items()):
        keys = {a for kp in phrases[tid] for a in kp.atoms}
        subthemes = []
        for sid, smembers in sub_groups.items():
            if sid.startswith(tid + ".") and len(smembers):
                counts = _counts(smembers, segments, subs, n_sub)
                counts.pop("submission_ids")
                subthemes.append({"id": sid, "label": _label(phrases[sid]),
                                  "key_phrases": _phrases_json(phrases[sid][:5]), **counts,
                                  "quotes": _quotes(smembers, sim, segments, analyses, keys,
                                                    2, submitters)})
        themes.append({
            "id": tid, "label": _label(phrases[tid]),
            "key_phrases": _phrases_json(phrases[tid]),
            **_counts(members, segments, subs, n_sub),
            "stability": float(stability[t]),
            "unstable": bool(stability[t] < UNSTABLE_BELOW),
            "quotes": _quotes(members, sim, segments, analyses, keys, p.n_quotes, submitters),
            "subthemes": subthemes,
        })
    clock.append(time.perf_counter())  # key phrases, labels, quotes, counts
    outliers = np.flatnonzero(labels == OUTLIER)
    out_counts = _counts(outliers, segments, subs, n_sub)
    formalia = np.flatnonzero(labels == FORMALIA)
    form_counts = _counts(formalia, segments, subs, n_sub)
    form_counts.pop("submission_ids")
    theme_of = {i: tid for tid, m in groups.items() for i in m}
    sub_of = {i: sid for sid, m in sub_groups.items() for i in m}
    covered = {segments[i].submission_id for i in theme_of}
    doc = {
        "schema": SCHEMA,
        "params": asdict(p),
        "choice": {k: ({str(kk): vv for kk, vv in v.items()} if isinstance(v, dict) else v)
                   for k, v in finder.choice_.items()},
        "n_segments": len(segments),
        "n_submissions": n_sub,
        "n_submissions_in_themes": len(covered),
        "outliers": {"label": OUTLIER_LABEL, **out_counts,
                     "share_of_segments": round(len(outliers) / max(len(segments), 1), 4)},
        "formalia": {"label": FORMALIA_LABEL, **form_counts,
                     "share_of_segments": round(len(formalia) / max(len(segments), 1), 4)},
        "themes": themes,
    }
    per_submission = {
        sid: {"theme_ids": sorted({theme_of[i] for i in idx if i in theme_of}),
              "key_phrases": [kp.phrase for kp in sub_phrases.get(sid, [])]}
        for sid, idx in by_submission.items()}
    seconds = {name: round(b - a, 2) for name, a, b in
               zip(("features", "clustering", "key_phrases"), clock[:-1], clock[1:],
                   strict=True)}
    per_segment = {"theme_id": [theme_of.get(i) for i in range(len(segments))],
               "bucket": ["formalia" if lb == FORMALIA else "outlier" if lb == OUTLIER
                          else "theme" for lb in labels.tolist()],
               "subtheme_id": [sub_of.get(i) for i in range(len(segments))],
               "theme_similarity": [round(float(x), 4) for x in sim],
               # a 2-D map of the segments (the first two components of their LSA
               # vectors), for the report's scatter plot; NaN outside the clustering
               "x": [round(float(v), 4) for v in xy[:, 0]],
               "y": [round(float(v), 4) for v in xy[:, 1]]}
    return ThemesResult(doc, per_segment, per_submission, seconds)
