"""Seeded themes (``analyze --codebook``): every segment goes to every seed it matches
(:func:`~innonlp.codebook.match.match_segments`); what matches no seed is clustered as
without a codebook into themes marked ``seeded: false`` (and "Andre innspill"). Seeds are
never merged, relabelled or dropped: a seed nothing matches is listed as ``empty``."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ..keyphrases.score import PhraseCorpus, noun_phrase_ctfidf
from ..nlp.analysis import SegmentAnalysis
from ..parallel import ExecutionPolicy
from ..themes.build import clean_phrases, find_themes, phrases_json
from ..themes.counts import counts, main_themes
from ..themes.formalia import formalia_mask
from ..themes.params import ThemeParams
from ..themes.quotes import QuotePicker
from ..themes.result import ThemesResult
from ..types import Segment, Submission
from .match import MATCHED_BY, MatchParams, SegmentMatch, match_segments, shared_features_many
from .model import Codebook

SEED_COLUMNS = ("seed_ids", "seed_scores", "seed_matched_by")
N_KEY_PHRASES = 10


@dataclass(frozen=True)
class SeedInput:
    """What a seeded run needs besides the segments: the codebook, its seeds' features
    (shared Bokmål/Nynorsk lemma features, one list per seed) and the match settings."""

    codebook: Codebook
    seed_docs: tuple[tuple[str, ...], ...]
    match: MatchParams = MatchParams()


def seeded_themes(segments: Sequence[Segment], analyses: Sequence[SegmentAnalysis],
                  submissions: Sequence[Submission], params: ThemeParams,
                  seeds: SeedInput, policy: ExecutionPolicy | None = None
                  ) -> ThemesResult:
    """The seeds' themes first (codebook order, ids ``S1`` …), then the themes found in the
    segments no seed matched (see the module docstring); deterministic."""
    policy = policy or ExecutionPolicy()
    docs = shared_features_many(analyses, policy.executor(len(analyses)))
    matches = match_segments([s.text for s in segments], docs, seeds.codebook,
                             [list(d) for d in seeds.seed_docs], seeds.match)
    hit = [i for i, m in enumerate(matches) if m.seed_ids]
    formal = formalia_mask([segments[i] for i in hit], [analyses[i] for i in hit])
    for i, f in zip(hit, formal.tolist(), strict=True):
        if f:  # letter furniture matches no seed
            matches[i] = SegmentMatch()
    free = [i for i, m in enumerate(matches) if not m.seed_ids]
    found = _discover(segments, analyses, submissions, params, policy, free)
    seed_list = _seed_themes(segments, analyses, submissions, matches, seeds,
                             params.n_quotes, policy)
    return _merge(found, free, segments, matches, seed_list, seeds)


def _discover(segments: Sequence[Segment], analyses: Sequence[SegmentAnalysis],
              submissions: Sequence[Submission], params: ThemeParams,
              policy: ExecutionPolicy | None, free: list[int]) -> ThemesResult:
    """Themes of the unmatched segments (all "Andre innspill" when too few to cluster)."""
    if len(free) >= max(2 * params.min_theme_size, 6):
        return find_themes([segments[i] for i in free], [analyses[i] for i in free],
                           submissions, params, policy=policy)
    return _all_outliers([segments[i] for i in free], submissions, params)


def _all_outliers(segments: Sequence[Segment], submissions: Sequence[Submission],
                  params: ThemeParams) -> ThemesResult:
    from dataclasses import asdict

    from ..themes.build import OUTLIER_LABEL, SCHEMA

    subs = {s.id: s for s in submissions}
    c = counts(np.arange(len(segments)), segments, subs, len(subs))
    none = counts(np.arange(0), segments, subs, len(subs))
    none.pop("submission_ids")
    doc = {"schema": SCHEMA, "params": asdict(params),
           "choice": {"method": "none", "reason": f"only {len(segments)} segments matched no "
                      "seed: too few to cluster, all in 'Andre innspill'"},
           "n_segments": len(segments), "n_submissions": len(subs),
           "n_submissions_in_themes": 0,
           "outliers": {"label": OUTLIER_LABEL, **c, "share_of_segments": 1.0 if segments
                        else 0.0},
           "formalia": {"label": "Formalia", **none, "share_of_segments": 0.0},
           "themes": []}
    n = len(segments)
    cols: dict[str, list[Any]] = {"theme_id": [None] * n, "bucket": ["outlier"] * n,
                                  "subtheme_id": [None] * n, "theme_similarity": [0.0] * n,
                                  "x": [math.nan] * n, "y": [math.nan] * n}
    return ThemesResult(doc, cols, {})


def _seed_themes(segments: Sequence[Segment], analyses: Sequence[SegmentAnalysis],
                 submissions: Sequence[Submission],
                 matches: list[SegmentMatch], seeds: SeedInput, n_quotes: int,
                 policy: ExecutionPolicy) -> list[dict[str, Any]]:
    subs = {s.id: s for s in submissions}
    seed_phrases = _seed_phrases(segments, analyses, matches, seeds, policy)
    out = []
    for seed in seeds.codebook.seeds:
        score = np.zeros(len(segments))
        why: Counter[str] = Counter()
        for i, m in enumerate(matches):
            if seed.id in m.seed_ids:
                k = m.seed_ids.index(seed.id)
                score[i] = m.scores[k]
                why.update(m.matched_by[k].split("+"))
        members = np.flatnonzero(score > 0)
        phrases, keys = seed_phrases.get(seed.id, ([], set()))
        picker = QuotePicker(segments, analyses, submissions, score)
        c = counts(members, segments, subs, len(subs))
        out.append({"id": seed.id, "label": seed.label, "seeded": True, "seed": seed.info(),
                    "empty": not len(members), "key_phrases": phrases, **c,
                    "matched_by": {b: why.get(b, 0) for b in MATCHED_BY},
                    "stability": None, "unstable": False,
                    "quotes": picker.pick(members, keys, n_quotes) if len(members) else [],
                    "subthemes": []})
    return out


def _seed_phrases(segments: Sequence[Segment], analyses: Sequence[SegmentAnalysis],
                  matches: list[SegmentMatch], seeds: SeedInput, policy: ExecutionPolicy
                  ) -> dict[str, tuple[list[dict[str, Any]], set[str]]]:
    """Per seed with segments: its key phrases as for clustered themes (noun phrases and
    compounds by c-TF-IDF, each seed's segments against the other seeds' — "offentlig
    sektor", not one lemma at a time — without genre boilerplate), and their atoms (what
    the quotes should hold)."""
    hit = [i for i, m in enumerate(matches) if m.seed_ids]
    if not hit:
        return {}
    # scanned by forked workers as for clustered themes (the same corpus as in one process)
    scan = policy.scan_executor(len(hit))
    corpus = PhraseCorpus([analyses[i] for i in hit], [segments[i].text for i in hit],
                          [segments[i].submission_id for i in hit], scan)
    groups = {seed.id: [j for j, i in enumerate(hit) if seed.id in matches[i].seed_ids]
              for seed in seeds.codebook.seeds}
    groups = {g: m for g, m in groups.items() if m}
    found = clean_phrases(noun_phrase_ctfidf(corpus, groups, N_KEY_PHRASES + 10),
                          N_KEY_PHRASES)
    return {g: (phrases_json(ps), {a for p in ps for a in p.atoms})
            for g, ps in found.items()}


def _merge(found: ThemesResult, free: list[int], segments: Sequence[Segment],
           matches: list[SegmentMatch], seed_list: list[dict[str, Any]], seeds: SeedInput
           ) -> ThemesResult:
    n = len(segments)
    cols: dict[str, list[Any]] = {}
    for col, values in found.segments.items():
        full: list[Any] = [None] * n
        for i, v in zip(free, values, strict=True):
            full[i] = v
        cols[col] = full
    for i, m in enumerate(matches):
        if m.seed_ids:
            best = max(range(len(m.seed_ids)), key=lambda k: (m.scores[k], -k))
            cols["theme_id"][i], cols["bucket"][i] = m.seed_ids[best], "theme"
            cols["theme_similarity"][i] = m.scores[best]
            cols["x"][i] = cols["y"][i] = math.nan
    cols["seed_ids"] = ["; ".join(m.seed_ids) for m in matches]
    cols["seed_scores"] = ["; ".join(f"{s:.4f}" for s in m.scores) for m in matches]
    cols["seed_matched_by"] = ["; ".join(m.matched_by) for m in matches]
    doc = _doc(found.doc, seed_list, seeds, matches, n, segments)
    return replace(found, doc=doc, segments=cols,
                   submissions=_per_submission(found, matches, segments, cols))


def _doc(found: dict[str, Any], seed_list: list[dict[str, Any]], seeds: SeedInput,
         matches: list[SegmentMatch], n: int, segments: Sequence[Segment]) -> dict[str, Any]:
    doc = dict(found)
    themes = [{**t, "seeded": False} for t in found["themes"]]
    doc["themes"] = seed_list + themes
    doc["n_segments"] = n
    covered = {s for t in doc["themes"] for s in t.get("submission_ids", [])}
    doc["n_submissions_in_themes"] = len(covered)
    for bucket in ("outliers", "formalia"):
        if bucket in doc:
            doc[bucket] = {**doc[bucket], "share_of_segments":
                           round(doc[bucket]["n_segments"] / max(n, 1), 4)}
    unmatched = sum(1 for m in matches if not m.seed_ids)
    book = seeds.codebook
    doc["codebook"] = {"source": _name(book.source), "kind": book.kind,
                       "n_seeds": len(book.seeds), "seeds": [s.info() for s in book.seeds],
                       "empty_seeds": [t["id"] for t in seed_list if t["empty"]],
                       "n_segments_matched": n - unmatched,
                       "share_unmatched": round(unmatched / max(n, 1), 4),
                       "match": {"min_similarity": seeds.match.min_similarity,
                                 "relative": seeds.match.relative,
                                 "keyword_weight": seeds.match.keyword_weight}}
    return doc


def _name(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def _per_submission(found: ThemesResult, matches: list[SegmentMatch],
                    segments: Sequence[Segment], cols: dict[str, list[Any]]
                    ) -> dict[str, dict[str, Any]]:
    """Each submission's themes (seeds first, codebook order; then found themes), its main
    theme (most characters, a segment counted in its best seed) and its key phrases."""
    order: dict[str, tuple[int, int]] = {}
    ids: dict[str, set[str]] = {}
    for i, m in enumerate(matches):
        sid = segments[i].submission_id
        for k, t in enumerate(m.seed_ids):
            order.setdefault(t, (0, int(t[1:]) if t[1:].isdigit() else k))
            ids.setdefault(sid, set()).add(t)
    for i, seg in enumerate(segments):
        tid = cols["theme_id"][i]
        if tid is not None and not matches[i].seed_ids:
            ids.setdefault(seg.submission_id, set()).add(tid)
    theme_of = {i: t for i, t in enumerate(cols["theme_id"]) if t is not None}
    main = main_themes(theme_of, segments)
    out: dict[str, dict[str, Any]] = {}
    for sid in sorted(set(ids) | set(found.submissions)):
        mine = ids.get(sid, set())
        out[sid] = {"theme_ids": sorted(mine, key=lambda t: order.get(t, (1, 0)) + (t,)),
                    "main_theme_id": main.get(sid),
                    "key_phrases": found.submissions.get(sid, {}).get("key_phrases", [])}
    return out
