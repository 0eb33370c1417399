"""An honest comparison: a human theme's support counts the submissions whose own segments
match it, shared machine themes are flagged, quantity words are checked, every figure is
explained in words, and comparison.json stays deterministic."""

import json

import pytest

from innonlp.compare.quantity import QUANTITY_WORDS, quantity_mismatches, quantity_words
from innonlp.compare.report import comparison_markdown
from innonlp.config import load_config
from innonlp.run.pipeline import analyze

from ..conftest import SAMPLE


@pytest.fixture(scope="module")
def comp(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("honest") / "run"
    analyze([SAMPLE / "innspill"], out, config=load_config(SAMPLE / "innonlp.toml"),
            summary=SAMPLE / "oppsummering.md")
    return json.loads((out / "comparison.json").read_text(encoding="utf-8"))


def test_support_is_submissions_with_matching_segments(comp: dict) -> None:
    sizes = {m["theme_id"]: m["n_submissions"] for m in comp["machine_themes"]}
    for h in comp["human_themes"]:
        assert h["n_submissions"] == len(h["submission_ids"])
        evidence = {s["submission_id"] for e in h["sentences"] for s in e["segments"]
                    if s["similarity"] >= comp["params"]["weak_below"]}
        assert evidence <= set(h["submission_ids"])
    # never the size of the matched machine themes taken whole
    assert any(h["n_submissions"] < sum(sizes[m["theme_id"]] for m in h["matches"])
               for h in comp["human_themes"] if h["matches"])


def test_shared_and_one_to_one_in_words(comp: dict) -> None:
    shared = [m for m in comp["machine_themes"] if len(m["covered_by"]) > 1]
    assert [m["theme_id"] for m in comp["figures"]["shared_themes"]] == \
        [m["theme_id"] for m in shared]
    md = comparison_markdown(comp)
    for h in comp["human_themes"]:
        if h["one_to_one"] is None:
            assert "ingen egen maskinell motpart" in md
    assert "Temadekning" in md and "Dekning av innspillene" in md
    assert "Vedlegg: maskinelle likhetstall" in md
    table = md.split("### Vedlegg")[0]
    assert "ROUGE" not in table and "(0," not in table  # cosines only in the appendix


def test_quantity_words() -> None:
    assert quantity_words("Et flertall mener dette, og noen få er imot. Mange og fleire.") \
        == ["et flertall", "noen få", "mange", "fleire"]
    assert {"de fleste", "et fåtall", "eit fleirtal", "et mindre antall"} <= set(QUANTITY_WORDS)
    human = [{"id": "H1", "title": "Et flertall vil ha mer penger", "text": "",
              "n_submissions": 2}, {"id": "H2", "title": "Noen få", "text": "",
                                    "n_submissions": 1}]
    bad = quantity_mismatches(human, 20)
    assert [(b["human_theme"], b["word"]) for b in bad] == [("H1", "et flertall")]


def test_deterministic(comp: dict) -> None:
    text = json.dumps(comp, sort_keys=True)
    assert "created" not in comp and "timestamp" not in text
