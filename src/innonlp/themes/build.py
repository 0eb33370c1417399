"""From analysed segments to described themes: the ``themes`` stage of a run.

``find_themes`` clusters segments (:class:`ThemeFinder`), scores stability, extracts key
phrases per theme and sub-theme, and describes each theme: label (:mod:`.labels`), counts
(segments, distinct submissions, campaign copies apart, submissions whose main theme it is),
respondent types, nb/nn share, diverse quotes with offsets (:mod:`.quotes`) and, for an
unstable theme, the theme it trades segments with and a number of themes that would make it
stable. Themes are numbered by distinct submissions, most first. The result serialises to
``themes.json`` (schema ``innonlp.themes/1``).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import numpy as np

from ..keyphrases.coverage import wide_atoms
from ..keyphrases.score import EXTRACTORS, KeyPhrase, extract_groups
from ..nlp.analysis import SegmentAnalysis, precompute_content_masks
from ..parallel import ExecutionPolicy
from ..perf import release_memory
from ..types import Segment, Submission
from .counts import counts, main_themes, order_by_submissions
from .features import PartFeatures, part_features, segment_features
from .finder import OUTLIER, ThemeFinder
from .formalia import FORMALIA_LABEL
from .labels import choose_labels, phrase_ok
from .layout import map_2d
from .params import ThemeParams
from .quotes import QuotePicker
from .result import ThemesResult
from .stability import UNSTABLE_BELOW, theme_stability_detail

__all__ = ["FORMALIA", "OUTLIER_LABEL", "SCHEMA", "PartFeatures", "ThemeParams",
           "find_themes", "part_features", "phrases_json", "segment_features"]

SCHEMA = "innonlp.themes/1"
OUTLIER_LABEL = "Andre innspill"
FORMALIA = -2


def phrases_json(phrases: list[KeyPhrase]) -> list[dict[str, Any]]:
    """Key phrases as ``themes.json`` holds them (without their keys and atoms)."""
    return [{k: v for k, v in asdict(p).items() if k not in ("key", "atoms")}
            for p in phrases]


def clean_phrases(phrases: dict[str, list[KeyPhrase]], top_n: int
                  ) -> dict[str, list[KeyPhrase]]:
    """Each group's key phrases without genre boilerplate (:func:`~.labels.phrase_ok`),
    the first ``top_n``."""
    return {g: [p for p in ps if phrase_ok(p)][:top_n] for g, ps in phrases.items()}


def _advice(finder: ThemeFinder, stability: np.ndarray, partner: np.ndarray
            ) -> dict[int, dict[str, Any]]:
    """Per unstable theme (finder numbering): the theme it trades segments with and the
    ``--themes N`` at which it was a stable cluster on the stability curve."""
    out: dict[int, dict[str, Any]] = {}
    curve = getattr(finder, "curve_", None)
    theme_of_row = finder.labels_[finder.rows_]
    for t in np.flatnonzero(stability < UNSTABLE_BELOW).tolist():
        k = curve.stable_at(np.flatnonzero(theme_of_row == t), finder.k_fine_) \
            if curve is not None else None
        out[t] = {"partner": int(partner[t]) if len(partner) else -1, "themes": k}
    return out


def _cluster(segments: Sequence[Segment], docs: Any, keep: np.ndarray, p: ThemeParams
             ) -> tuple[ThemeFinder, np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                        dict[int, dict[str, Any]], np.ndarray]:
    """Fit, score stability, renumber by submissions. Returns the finder, per segment
    (theme, sub-theme, similarity), the stability per theme and the advice (new numbers),
    and the 2-D map."""
    finder = ThemeFinder(**p.finder_params()).fit(docs)
    n = len(segments)
    stability, partner = theme_stability_detail(finder, p.n_bootstrap, seed=p.seed)
    advice = _advice(finder, stability, partner)
    xy = np.full((n, 2), np.nan)
    if finder.n_themes_ and len(finder.rows_) >= 3:
        xy[keep[finder.rows_]] = map_2d(finder.embedding_)
    del finder.embedding_  # the LSA vectors are not needed from here (big)
    new = order_by_submissions(finder.labels_, finder.n_themes_,
                               [segments[i] for i in keep.tolist()])
    labels = np.full(n, FORMALIA)
    sublabels = np.full(n, OUTLIER)
    sim = np.zeros(n)
    fl = finder.labels_
    labels[keep] = np.where(fl >= 0, new[np.maximum(fl, 0)], fl) if len(new) else fl
    sublabels[keep], sim[keep] = finder.sublabels_, finder.similarity_
    stab = np.zeros(finder.n_themes_)
    stab[new] = stability
    moved = {int(new[t]): {"partner": int(new[a["partner"]]) if a["partner"] >= 0 else -1,
                           "themes": a["themes"]} for t, a in advice.items()}
    return finder, labels, sublabels, sim, stab, moved, xy


def _unstable_fields(t: int, stab: np.ndarray, advice: dict[int, dict[str, Any]]
                     ) -> dict[str, Any]:
    out: dict[str, Any] = {"stability": float(stab[t]),
                           "unstable": bool(stab[t] < UNSTABLE_BELOW)}
    a = advice.get(t)
    if a is not None:
        partner = f"T{a['partner'] + 1:02d}" if a["partner"] >= 0 else None
        out["trades_with"] = partner
        out["stable_with_themes"] = a["themes"]
        out["advice"] = (
            (f"Deler tekstbiter med {partner}. " if partner else "")
            + (f"Stabilt tema med --themes {a['themes']}." if a["themes"] else
               "Ikke stabilt med noe antall temaer: les det sammen med "
               f"{partner or 'nabotemaene'}."))
    return out


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
    clock = [time.perf_counter()]
    precompute_content_masks(list(analyses))
    corpus, docs, formal = segment_features(segments, analyses, policy, features)
    assert formal is not None
    keep = np.flatnonzero(~formal)
    clock.append(time.perf_counter())  # features: candidates, token lists, formalia
    finder, labels, sublabels, sim, stab, advice, xy = _cluster(segments, docs.take(keep),
                                                                keep, p)
    del docs  # the token lists are in the finder's matrix now
    release_memory()
    clock.append(time.perf_counter())  # clustering, stability, 2-D map
    extract = EXTRACTORS[p.keyphrases]
    groups = {f"T{t + 1:02d}": np.flatnonzero(labels == t) for t in range(finder.n_themes_)}
    sub_groups = {f"T{t + 1:02d}.{s + 1}": np.flatnonzero((labels == t) &
                                                           (sublabels == s))
                  for t in range(finder.n_themes_)
                  for s in range(int(sublabels[labels == t].max(initial=-1)) + 1)}
    sub_groups = {g: m for g, m in sub_groups.items() if len(m)}
    phrases = clean_phrases(extract(corpus, {**groups, **sub_groups}, p.top_n + 10),
                            p.top_n)
    by_submission: dict[str, list[int]] = {}
    for i in keep.tolist():
        by_submission.setdefault(segments[i].submission_id, []).append(int(i))
    sub_phrases = clean_phrases(extract_groups(
        extract, corpus, by_submission, 10,
        (policy or ExecutionPolicy()).executor(len(by_submission))), 5)
    n_sub = len(submissions)
    all_groups = {**groups, **sub_groups}
    voices = {g: len({segments[i].submission_id for i in m.tolist()})
              for g, m in all_groups.items()}
    names = choose_labels(phrases, voices, wide_atoms(corpus))
    theme_of = {i: tid for tid, m in groups.items() for i in m.tolist()}
    main = main_themes(theme_of, segments)
    n_main = Counter(main.values())
    picker = QuotePicker(segments, analyses, submissions, sim)
    themes = []
    for t, (tid, members) in enumerate(groups.items()):
        keys = {a for kp in phrases[tid] for a in kp.atoms}
        subthemes = []
        for sid, smembers in sub_groups.items():
            if sid.startswith(tid + "."):
                c = counts(smembers, segments, subs, n_sub)
                c.pop("submission_ids")
                subthemes.append({"id": sid, "label": names[sid],
                                  "key_phrases": phrases_json(phrases[sid][:5]), **c,
                                  "quotes": picker.pick(smembers, keys, 2)})
        themes.append({
            "id": tid, "label": names[tid],
            "key_phrases": phrases_json(phrases[tid]),
            **counts(members, segments, subs, n_sub),
            "n_submissions_main": n_main.get(tid, 0),
            **_unstable_fields(t, stab, advice),
            "quotes": picker.pick(members, keys, p.n_quotes),
            "subthemes": subthemes,
        })
    clock.append(time.perf_counter())  # key phrases, labels, quotes, counts
    doc = _document(p, finder, segments, subs, labels, theme_of, themes)
    per_submission = {
        sid: {"theme_ids": sorted({theme_of[i] for i in idx if i in theme_of}),
              "main_theme_id": main.get(sid),
              "key_phrases": [kp.phrase for kp in sub_phrases.get(sid, [])]}
        for sid, idx in by_submission.items()}
    seconds = {name: round(b - a, 2) for name, a, b in
               zip(("features", "clustering", "key_phrases"), clock[:-1], clock[1:],
                   strict=True)}
    sub_of = {i: sid for sid, m in sub_groups.items() for i in m.tolist()}
    per_segment: dict[str, list[Any]] = {
                   "theme_id": [theme_of.get(i) for i in range(len(segments))],
                   "bucket": ["formalia" if lb == FORMALIA else "outlier" if lb == OUTLIER
                              else "theme" for lb in labels.tolist()],
                   "subtheme_id": [sub_of.get(i) for i in range(len(segments))],
                   "theme_similarity": [round(float(x), 4) for x in sim],
                   # a 2-D map of the segments (the first two components of their LSA
                   # vectors), for the report's scatter plot; NaN outside the clustering
                   "x": [round(float(v), 4) for v in xy[:, 0]],
                   "y": [round(float(v), 4) for v in xy[:, 1]]}
    return ThemesResult(doc, per_segment, per_submission, seconds)


def _document(p: ThemeParams, finder: ThemeFinder, segments: Sequence[Segment],
              subs: dict[str, Submission], labels: np.ndarray, theme_of: dict[int, str],
              themes: list[dict[str, Any]]) -> dict[str, Any]:
    """``themes.json``: parameters, the choice of k, the buckets and the themes."""
    n_sub = len(subs)
    outliers = np.flatnonzero(labels == OUTLIER)
    out_counts = counts(outliers, segments, subs, n_sub)
    formalia = np.flatnonzero(labels == FORMALIA)
    form_counts = counts(formalia, segments, subs, n_sub)
    form_counts.pop("submission_ids")
    covered = {segments[i].submission_id for i in theme_of}
    return {
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
