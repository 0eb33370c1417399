"""``innonlp evaluate themes`` on a small labelled corpus written here, and the targets on
the Lovdata regulations in ../shared."""

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innonlp.cli import app
from innonlp.errors import ConfigError
from innonlp.themes.evaluate import evaluate_themes, read_labelled

from ..conftest import shared_file

runner = CliRunner()
TOPICS = {
    "skole": ["Skolen trenger flere lærere og mindre klasser.",
              "Elevene får for lite undervisning i praktiske fag.",
              "Rektor og lærerne ønsker bedre skolebygg.",
              "Leksehjelp på skolen hjelper elevene.",
              "Lærerne bruker for mye tid på rapportering i skolen.",
              "Klasserommene er for små for elevene."],
    "vei": ["Veien over fjellet må utbedres før vinteren.",
            "Bussen går for sjelden og ferjen er for dyr.",
            "Tunnelen trenger ny belysning og bedre ventilasjon.",
            "Trafikken gjennom sentrum krever en ny bru.",
            "Kollektivtilbudet må styrkes med flere bussruter.",
            "Veivedlikeholdet i distriktet er for dårlig."],
    "helse": ["Legevakten har for lang ventetid for pasientene.",
              "Sykehuset mangler sykepleiere om sommeren.",
              "Fastlegen har ikke tid til pasientene sine.",
              "Pasientene venter lenge på behandling ved sykehuset.",
              "Kommunen trenger flere fastleger og sykepleiere.",
              "Behandlingen på sykehuset må bli bedre for eldre pasienter."],
}


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "mini.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for label, texts in TOPICS.items():
            for t in texts:
                fh.write(json.dumps({"tekst": t, "tema": [label]}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"tekst": "To tema samtidig.", "tema": ["skole", "vei"]}) + "\n")
    return path


def test_evaluate_on_a_small_corpus(tmp_path: Path) -> None:
    path = _write(tmp_path)
    texts, labels = read_labelled(path, "tekst", "tema", 5)
    assert len(texts) == 18 and all(len(t.split()) <= 5 for t in texts)  # two labels: out
    res = runner.invoke(app, ["evaluate", "themes", str(path), "--text-field", "tekst",
                              "--label-field", "tema", "--seed", "1"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    for key in ("n_docs", "n_labels", "n_themes", "outlier_share", "nmi", "ari", "v_measure",
                "nmi_standard", "nmi_label_standard", "label_ok_share", "unstable_share",
                "seconds", "baseline_nmi", "baseline_ari"):
        assert key in out
    assert 0 <= out["label_ok_share"] <= 1 and len(out["labels"]) == out["n_themes"]
    assert out["choice"]["criterion"] == "stability" and out["choice"]["stability"]
    assert out["n_docs"] == 18 and out["n_labels"] == 3
    assert 0 <= out["outlier_share"] < 1 and out["nmi"] > 0.3


def test_evaluate_errors(tmp_path: Path) -> None:
    path = _write(tmp_path)
    with pytest.raises(ConfigError):
        evaluate_themes(path, "text", "tema")


def test_targets_on_lovdata() -> None:
    path = shared_file("lovdata", "forskrifter.jsonl.gz")
    res = evaluate_themes(path, "text", "departement", 1500, 0)
    assert res["n_themes"] <= 3 * res["n_labels"]
    assert res["nmi"] >= 1.5 * res["baseline_nmi"], res
    assert res["ari"] >= 1.8 * res["baseline_ari"], res
