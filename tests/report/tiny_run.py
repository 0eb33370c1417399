"""A tiny hand-made run (three submissions, two themes) for the report tests: ``tiny_run()``
is what a run gives today; ``with_structure(run)`` adds issue 20's fields (who said what, a
codebook with an empty seed, two questions, a closed column, endorsements), hostile text in
every field that comes from a submission."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pandas as pd

from innonlp.report.run import Run

HOSTILE = '=HYPERLINK("http://x.invalid","klikk")<script>alert(1)</script>'
EVIL_BODY = "<img src=x onerror=alert(1)> Forbundet"
EVIL_QUESTION = "+Hva mener du om <b>forslaget</b>? [sjekk]"


def _theme(tid: str, label: str, sids: list[str], quote: str, types: dict[str, int]
           ) -> dict[str, Any]:
    return {"id": tid, "label": label, "key_phrases": [{"phrase": label.lower(),
                                                        "score": 0.5}],
            "n_segments": len(sids), "n_submissions": len(sids),
            "n_submissions_unique": len(sids), "n_campaign_copies": 0,
            "share_of_submissions": len(sids) / 3, "respondent_types": types,
            "standards": {"nb": 1.0}, "submission_ids": sids, "stability": 0.9,
            "unstable": False, "quotes": [{"text": quote, "submission_id": sids[0],
                                           "segment_id": f"{sids[0]}#1", "submitter": "x",
                                           "similarity": 0.8}], "subthemes": []}


def tiny_run(path: Path) -> Run:
    """Three submissions (a body, a municipality, a private person), two themes."""
    subs = pd.DataFrame({
        "id": ["a", "b", "c"], "submitter": ["Kari Nordmann", "Ola Nordmann", "Per Hansen"],
        "organisation": ["Datatilsynet", "Elvdal kommune", None],
        "respondent_type": ["statlig virksomhet", "kommune", "privatperson"],
        "standard": ["nb", "nb", "nb"], "campaign_id": [None, None, None],
        "theme_ids": ["T01; T02", "T01", "T02"], "main_theme_id": ["T01", "T01", "T02"]})
    texts = ["Personvernet må sikres i alle ledd.", "Kommunen trenger mer penger.",
             "Vi trenger bedre kollektivtransport.", "Personvern er viktig for meg."]
    seg = pd.DataFrame({
        "id": ["a#1", "a#2", "b#1", "c#1"], "submission_id": ["a", "a", "b", "c"],
        "theme_id": ["T01", "T02", "T01", "T02"], "bucket": ["theme"] * 4,
        "theme_label": ["Personvern", "Samferdsel", "Personvern", "Samferdsel"],
        "text": texts, "standard": ["nb"] * 4, "x": [0.0, 1.0, 0.1, 0.9],
        "y": [0.0, 1.0, 0.2, 0.8], "theme_similarity": [0.8] * 4})
    themes = [_theme("T01", "Personvern", ["a", "b"], texts[0],
                     {"statlig virksomhet": 1, "kommune": 1}),
              _theme("T02", "Samferdsel", ["a", "c"], texts[2],
                     {"statlig virksomhet": 1, "privatperson": 1})]
    doc = {"schema": 1, "params": {}, "choice": {}, "n_segments": 4, "n_submissions": 3,
           "n_submissions_in_themes": 3, "themes": themes,
           "outliers": {"label": "Andre innspill", "n_segments": 0, "n_submissions": 0},
           "formalia": {"n_segments": 0}}
    manifest = {"created": "2026-12-01T10:00:00", "respondent_types": {
        "statlig virksomhet": 1, "kommune": 1, "privatperson": 1}, "standards": {}}
    return Run(path, manifest, doc, seg, subs)


def _respondents(bodies: list[tuple[str, str, str, str]], persons: int) -> dict[str, Any]:
    groups: dict[str, list[dict[str, str]]] = {}
    for kind, name, sid, evidence in bodies:
        groups.setdefault(kind, []).append({"name": name, "submission_id": sid,
                                            "evidence": evidence})
    from innonlp.codebook.respondents import paragraph

    doc = {"groups": [{"respondent_type": k, "bodies": v} for k, v in groups.items()],
           "n_bodies": len(bodies), "n_private_persons": persons}
    return doc | {"paragraph": paragraph(doc)}


def _seeded(run: Run) -> None:
    doc = run.themes_doc
    seeds = [{"id": "S1", "label": "Punkt 3.1 Personvern", "description": "",
              "keywords": ["personvern"], "references": ["punkt 3.1"]},
             {"id": "S2", "label": "Punkt 4 Gebyrer", "description": "", "keywords": [],
              "references": ["punkt 4"]}]
    s1 = copy.deepcopy(doc["themes"][0]) | {
        "id": "S1", "label": seeds[0]["label"], "seeded": True, "seed": seeds[0],
        "stability": None,
        "matched_by": {"reference": 1, "keyword": 1, "similarity": 0}, "empty": False}
    s2 = _theme("S2", seeds[1]["label"], ["a"], "", {}) | {
        "seeded": True, "seed": seeds[1], "matched_by": {}, "empty": True, "stability": None,
        "n_submissions": 0, "n_segments": 0, "submission_ids": [], "quotes": [],
        "n_submissions_unique": 0, "share_of_submissions": 0.0}
    doc["themes"] = [s1, s2] + [t | {"seeded": False} for t in doc["themes"][1:]]
    run.segments["theme_id"] = run.segments["theme_id"].replace({"T01": "S1"})
    run.segments["seed_ids"] = ["S1", "", "S1", "S1; S9"]  # c#1 is in T02 and seed S1
    run.segments["seed_matched_by"] = ["keyword", "", "reference", "similarity"]
    run.submissions["theme_ids"] = ["S1; T02", "S1", "T02"]
    run.submissions["main_theme_id"] = ["S1", "S1", "T02"]
    doc["codebook"] = {"source": "høringsnotat.docx", "n_seeds": 2, "seeds": seeds,
                       "empty_seeds": ["S2"], "share_unmatched": 0.25}


def with_structure(run: Run) -> Run:
    """The run with every issue-20 field (and hostile text in them)."""
    run = copy.deepcopy(run)
    doc = run.themes_doc
    doc["themes"][0]["respondents"] = _respondents(
        [("statlig virksomhet", "Datatilsynet", "a", "Personvernet må sikres."),
         ("kommune", "Elvdal kommune", "b", HOSTILE)], 0)
    doc["themes"][1]["respondents"] = _respondents(
        [("organisasjon", EVIL_BODY, "a", "-Kollektivtransport først.")], 1)
    doc["themes"][0] |= {"n_submissions_endorsing": 1, "n_submissions_with_endorsements": 3}
    _seeded(run)
    quote = {"text": HOSTILE, "submission_id": "b", "segment_id": "b#1",
             "submitter": "Ola Nordmann", "similarity": 0.7}
    doc["questions"] = [
        {"question": EVIL_QUESTION, "n_submissions": 2, "n_segments": 2, "themes": [
            {"id": "S1", "label": "Punkt 3.1 Personvern", "n_submissions": 2,
             "n_segments": 2, "stance": {"counts": {"for": 1, "mot": 1, "uklart": 0}},
             "quotes": [quote]}]},
        {"question": "Andre merknader?", "n_submissions": 1, "n_segments": 1, "themes": [
            {"id": "T02", "label": "Samferdsel", "n_submissions": 1, "n_segments": 1,
             "quotes": []}]}]
    doc["closed"] = {"column": "Er du enig i forslaget?", "values": ["ja", "=nei", "(tomt)"],
                     "n_submissions": {"ja": 1, "=nei": 1, "(tomt)": 1},
                     "themes": [{"id": "S1", "label": "Punkt 3.1 Personvern",
                                 "counts": {"ja": 1, "=nei": 1}},
                                {"id": "T02", "label": "Samferdsel",
                                 "counts": {"ja": 1, "(tomt)": 1}}]}
    doc["endorsements"] = {"counted": True, "bodies": [
        {"name": "KS", "n_submissions": 2, "submission_ids": ["b", "c"]}]}
    run.submissions["endorses"] = ["", "KS", "KS"]
    return run
