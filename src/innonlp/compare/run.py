"""``comparison.json``: a run's themes against a human-written summary.

``compare_with_summary`` reads the summary (:mod:`.summary`), aligns its themes with the
run's (:mod:`.align`) and computes the figures: theme recall, weighted coverage, the
largest machine themes the summary omits, human sentences with weak support, and ROUGE
between a machine draft and the human summary (word forms and lemmas). ``compare_run`` does
the same from a finished run folder. The document has schema ``innonlp.comparison/1`` and no
timestamps, so the same run and summary give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd

from ..ingest.sentences import split_sentences
from ..io import write_json, write_text
from ..nlp.analysis import SegmentAnalysis, StringTable, from_doc
from ..nlp.loader import NorwegianNLP
from ..nlp.standard import detect_standards
from ..runfolder import RunFolder
from .align import Alignment, CompareParams, align
from .quantity import quantity_mismatches
from .report import comparison_markdown
from .rouge import cut_words, rouge, tokenize
from .summary import SummarySection, read_summary

SCHEMA = "innonlp.comparison/1"


def _analyse(layer: NorwegianNLP, texts: Sequence[str], standard: str,
             strings: StringTable) -> list[SegmentAnalysis]:
    items = ((t, standard, i) for i, t in enumerate(texts))
    return [from_doc(doc, str(i), standard, strings) for doc, i in layer.pipe_mixed(items)]


def machine_draft(themes: Sequence[dict[str, Any]], n_words: int) -> str:
    """Theme labels and representative sentences, largest theme first, cut to
    ``n_words`` words."""
    parts = []
    for t in themes:
        quotes = " ".join(q["text"].strip() for q in t.get("quotes", []))
        parts.append(f"{t['label']}. {quotes}".strip())
    return cut_words(" ".join(parts), n_words)


def _lemma_tokens(analyses: Sequence[SegmentAnalysis]) -> list[str]:
    out: list[str] = []
    for a in analyses:
        out.extend(tok for lem in a.lemmas for tok in tokenize(lem))
    return out


def compare_with_summary(summary_path: str | Path, themes_doc: dict[str, Any],
                         segments: pd.DataFrame, layer: NorwegianNLP,
                         analyses: Sequence[SegmentAnalysis] | None = None,
                         params: CompareParams | None = None) -> dict[str, Any]:
    """The comparison document. ``segments`` are the rows of ``segments.parquet`` (with
    ``bucket`` and ``theme_id``); ``analyses``, when given, are the language-layer results
    of the same rows (otherwise they are computed here)."""
    p = params or CompareParams()
    path = Path(summary_path)
    sections = read_summary(path)
    human = [s for s in sections if s.kind == "theme"]
    keep = (segments["bucket"] != "formalia").to_numpy() if "bucket" in segments else \
        pd.Series(True, index=segments.index).to_numpy()
    frame = segments[keep].reset_index(drop=True)
    strings = StringTable()
    if analyses is None:
        # the same calls as the analyze stage, so both paths give the same bytes
        items = ((t, s, (i, s)) for i, (t, s) in enumerate(zip(
            frame["text"], frame["standard"].fillna("nb"), strict=True)))
        seg_an = [from_doc(doc, str(i), s, strings) for doc, (i, s) in layer.pipe_mixed(items)]
    else:
        seg_an = [a for a, k in zip(analyses, keep, strict=True) if k]
    std = detect_standards([" ".join(s.full_text for s in sections)])[0].label
    std = std if std in ("nb", "nn") else "nb"
    sec_an = _analyse(layer, [s.full_text for s in human], std, strings)
    sent_texts = [[s.text[a:b] for a, b in (split_sentences(s.text) or [(0, len(s.text))])]
                  for s in human]
    flat = _analyse(layer, [t for ts in sent_texts for t in ts], std, strings)
    sent_an, pos = [], 0
    for ts in sent_texts:
        sent_an.append(flat[pos:pos + len(ts)])
        pos += len(ts)
    themes = themes_doc["themes"]
    al = align(human, sec_an, sent_an, frame, seg_an, [t["id"] for t in themes], p)
    al.frame_submissions = frame["submission_id"].tolist()
    doc = _document(path, sections, human, themes, themes_doc, al, p)
    ref_text = " ".join(s.full_text for s in human)
    n_words = len(ref_text.split())
    draft = machine_draft(themes, n_words)
    lemma_ref = _lemma_tokens(sec_an)
    lemma_draft = _lemma_tokens(_analyse(layer, [draft], std, strings))
    doc["figures"]["rouge"] = {
        "words": {k: round(v, 4) for k, v in rouge(tokenize(ref_text), tokenize(draft)).items()},
        "lemmas": {k: round(v, 4) for k, v in rouge(lemma_ref, lemma_draft).items()},
        "summary_words": n_words, "draft_words": len(draft.split()),
        "reference": "the human themes (headings and bodies), framing left out"}
    doc["draft"] = draft
    return doc


def _document(path: Path, sections: list[SummarySection], human: list[SummarySection],
              themes: list[dict[str, Any]], themes_doc: dict[str, Any], al: Alignment,
              p: CompareParams) -> dict[str, Any]:
    S = al.similarity
    one = dict(al.one_to_one)
    covered_by: dict[int, list[str]] = {j: [] for j in range(len(themes))}
    human_out = []
    for i, sec in enumerate(human):
        matches = sorted(((j, float(S[i, j])) for j in range(len(themes))
                          if S[i, j] >= p.match_threshold), key=lambda x: -x[1])
        for j, _ in matches:
            covered_by[j].append(sec.id)
        # support: the submissions whose own segments match this human theme (not the
        # size of the machine themes it matches)
        subs = sorted({str(al.frame_submissions[r]) for r in al.support[i]})
        quotes = [q for j, _ in matches[:2] for q in themes[j]["quotes"][:2]]
        best = int(S[i].argmax()) if S.shape[1] else None
        human_out.append({
            "id": sec.id, "title": sec.title, "text": sec.text,
            "supported": bool(matches),
            "matches": [{"theme_id": themes[j]["id"], "label": themes[j]["label"],
                         "similarity": round(s, 4)} for j, s in matches],
            "best_match": None if best is None else {
                "theme_id": themes[best]["id"], "similarity": round(float(S[i, best]), 4)},
            "one_to_one": themes[one[i]]["id"] if i in one else None,
            "n_submissions": len(subs), "submission_ids": subs,
            "quotes": [{k: q[k] for k in ("text", "submission_id", "segment_id", "start",
                                          "end", "submitter") if k in q} for q in quotes],
            "sentences": al.evidence[i],
            "n_weak_sentences": sum(e["weak"] for e in al.evidence[i]),
        })
    n_sub = themes_doc.get("n_submissions", 0)
    machine_out = [{"theme_id": t["id"], "label": t["label"], "n_submissions": t["n_submissions"],
                    "share_of_submissions": t["share_of_submissions"],
                    "covered": bool(covered_by[j]), "covered_by": covered_by[j],
                    "shared": len(covered_by[j]) > 1,
                    "one_to_one": next((human[i].id for i, jj in one.items() if jj == j), None)}
                   for j, t in enumerate(themes)]
    in_themes = {s for t in themes for s in t["submission_ids"]}
    covered_subs = {s for j, t in enumerate(themes) if covered_by[j]
                    for s in t["submission_ids"]}
    omitted = sorted((m for m in machine_out if not m["covered"]),
                     key=lambda m: (-m["n_submissions"], m["theme_id"]))
    weak = [{"human_theme": h["id"], "sentence": e["sentence"], "support": e["support"]}
            for h in human_out for e in h["sentences"] if e["weak"]]
    return {
        "schema": SCHEMA,
        "summary": {"file": path.name,
                    "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                    "n_themes": len(human),
                    "n_framing": sum(s.kind == "framing" for s in sections)},
        "params": asdict(p),
        "figures": {
            "theme_recall": round(sum(h["supported"] for h in human_out) / max(len(human), 1),
                                  4),
            "weighted_coverage": round(len(covered_subs) / max(len(in_themes), 1), 4),
            "n_submissions": n_sub,
            "n_submissions_in_themes": len(in_themes),
            "omitted_themes": [{k: m[k] for k in ("theme_id", "label", "n_submissions",
                                                  "share_of_submissions")} for m in omitted],
            "weak_sentences": weak,
            "shared_themes": [{"theme_id": m["theme_id"], "label": m["label"],
                               "human_themes": m["covered_by"]}
                              for m in machine_out if m["shared"]],
            "quantity_mismatches": quantity_mismatches(human_out, n_sub),
        },
        "human_themes": human_out,
        "framing": [{"id": s.id, "text": s.text} for s in sections if s.kind == "framing"],
        "machine_themes": machine_out,
    }


def write_comparison(doc: dict[str, Any], out: Path) -> None:
    write_json(out / "comparison.json", doc)
    write_text(out / "comparison.md", comparison_markdown(doc))


def compare_run(run_dir: str | Path, summary_path: str | Path, nlp: str = "auto",
                params: CompareParams | None = None) -> dict[str, Any]:
    """Compare a finished run folder with a summary and write ``comparison.json`` and
    ``comparison.md`` into it."""
    out = Path(run_dir)
    folder = RunFolder(out)
    folder.require_finished("themes.json", "segments.parquet")
    themes_doc = folder.read_json("themes.json")
    segments = folder.read_parquet("segments.parquet")
    doc = compare_with_summary(summary_path, themes_doc, segments, NorwegianNLP(nlp=nlp),
                               params=params)
    write_comparison(doc, out)
    return doc
