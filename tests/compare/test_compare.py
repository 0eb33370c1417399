"""Themes against human summaries on the sample consultation (real pipeline, real NLP)."""

import json
from pathlib import Path

import pytest

from innonlp.compare.run import compare_run
from innonlp.config import load_config
from innonlp.run.pipeline import analyze

from ..conftest import SAMPLE, sample_truth_ids, shared_example

# the planted theme of each headed section of the sample's own summary, in order
OWN = ["samarbeid", "digitalisering", "ledelse", "kultur", "distrikt", "regelverk",
       "anskaffelser", "personvern"]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run") / "demo"
    analyze([SAMPLE / "innspill"], out, config=load_config(SAMPLE / "innonlp.toml"),
            summary=SAMPLE / "oppsummering.md")
    return out


def _planted() -> dict[str, set[str]]:
    truth = json.loads((SAMPLE / "ground_truth.json").read_text(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for s in truth["submissions"]:
        for t in s["themes"]:
            out.setdefault(t, set()).add(s["id"])
    return out


def _majority(theme: dict, planted: dict[str, set[str]]) -> str:
    ids = set(theme["submission_ids"])
    return max(planted, key=lambda k: (len(planted[k] & ids), k))


def test_own_summary_matches_every_theme(run: Path) -> None:
    doc = json.loads((run / "comparison.json").read_text(encoding="utf-8"))
    ids = sample_truth_ids(run)  # private persons' pseudonymous ids → ground-truth ids
    themes = {t["id"]: {**t, "submission_ids": [ids[i] for i in t["submission_ids"]]}
              for t in json.loads((run / "themes.json").read_text())["themes"]}
    assert doc["schema"] == "innonlp.comparison/1"
    assert doc["summary"]["n_themes"] == 8 and doc["summary"]["n_framing"] == 2
    assert doc["figures"]["theme_recall"] == 1.0
    assert doc["figures"]["weighted_coverage"] >= 0.9
    planted = _planted()
    for h, key in zip(doc["human_themes"], OWN, strict=True):
        assert h["supported"], h["title"]
        if len(planted[key]) >= 8:  # the small personvern theme is absorbed by a larger one
            assert _majority(themes[h["best_match"]["theme_id"]], planted) == key, h["title"]
        for e in h["sentences"]:
            for seg in e["segments"]:
                assert seg["segment_id"].startswith(seg["submission_id"] + "#")
    manifest = json.loads((run / "manifest.json").read_text())
    assert manifest["summary"]["status"] == "compared"
    md = (run / "comparison.md").read_text(encoding="utf-8")
    assert "| Tema i oppsummeringen | Maskinelle temaer | Egen motpart | Støtte | Mangler |" \
        in md


def test_compare_command_gives_the_same_bytes(run: Path) -> None:
    before = (run / "comparison.json").read_bytes()
    compare_run(run, SAMPLE / "oppsummering.md")
    assert (run / "comparison.json").read_bytes() == before


def test_example_summary_finds_its_three_themes_and_lists_the_rest(run: Path,
                                                                    tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "run"
    shutil.copytree(run, copy)
    doc = compare_run(copy, shared_example("dialogsamling-innovasjon-oppsummering.txt"))
    ids = sample_truth_ids(copy)
    themes = {t["id"]: {**t, "submission_ids": [ids[i] for i in t["submission_ids"]]}
              for t in json.loads((copy / "themes.json").read_text())["themes"]}
    planted = _planted()
    assert doc["summary"]["n_themes"] == 3 and doc["figures"]["theme_recall"] == 1.0
    found = [_majority(themes[h["best_match"]["theme_id"]], planted)
             for h in doc["human_themes"]]
    assert found == ["samarbeid", "ledelse", "kultur"]
    omitted = {_majority(themes[m["theme_id"]], planted)
               for m in doc["figures"]["omitted_themes"]}
    assert {"digitalisering", "regelverk", "anskaffelser", "distrikt"} <= omitted
    # a planted theme the summary covers is never omitted as a whole: at most a smaller
    # split-off of it (the sample's social entrepreneurs, part of samarbeid) is listed
    matched = {_majority(themes[h["best_match"]["theme_id"]], planted):
               themes[h["best_match"]["theme_id"]]["n_submissions"]
               for h in doc["human_themes"]}
    for m in doc["figures"]["omitted_themes"]:
        key = _majority(themes[m["theme_id"]], planted)
        if key in matched:
            assert m["n_submissions"] < matched[key] / 2, (m, matched)
    sizes = [m["n_submissions"] for m in doc["figures"]["omitted_themes"]]
    assert sizes == sorted(sizes, reverse=True)


def test_invented_theme_is_flagged_unsupported(run: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "run"
    shutil.copytree(run, copy)
    s = tmp_path / "s.md"
    s.write_text("## Kompetanse og kultur\n\nMange mener at kultur og tankesett betyr like "
                 "mye som formell kompetanse.\n\n## Bompenger og veiutbygging\n\nFlere ønsker "
                 "lavere bompenger på riksveiene og raskere utbygging av motorvei.\n",
                 encoding="utf-8")
    doc = compare_run(copy, s)
    real, invented = doc["human_themes"]
    assert real["supported"] and not invented["supported"]
    assert invented["n_weak_sentences"] == 1
    assert any(w["human_theme"] == invented["id"] for w in doc["figures"]["weak_sentences"])
    assert "uten støtte i innspillene" in (copy / "comparison.md").read_text(encoding="utf-8")


def test_compare_refuses_a_folder_that_is_not_a_run(tmp_path: Path) -> None:
    from innonlp.errors import InputError

    with pytest.raises(InputError, match="not a finished innonlp run"):
        compare_run(tmp_path, SAMPLE / "oppsummering.md")
