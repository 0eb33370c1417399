"""evaluate_stance on a tiny hand-made JSONL (numbers checked by hand), the CLI command, and a
floor on the real development set (skipped without ../shared)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innonlp.cli import app
from innonlp.errors import ConfigError, InputError
from innonlp.stance import evaluate_stance

from ..conftest import shared_file

ROWS = [
    {"text": "Vi støtter forslaget.", "stance": "støtter"},            # → støtter
    {"text": "Vi går imot forslaget.", "stance": "imot"},              # → imot
    {"text": "Eg er ueinig i framlegget.", "stance": "imot"},          # → imot
    {"text": "Vi har ingen merknader.", "stance": "ingen_merknader"},  # → ingen_merknader
    {"text": "Kommunen har mange innbyggere.", "stance": "støtter"},   # → uklart
    {"text": "Vi støtter forslaget, men forutsetter at det følger penger med.",
     "stance": "imot"},                                                # → delvis
]


def _write(tmp_path: Path, rows: list[dict], name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_metrics_exact(tmp_path: Path) -> None:
    got = evaluate_stance(_write(tmp_path, ROWS))
    assert set(got) == {"n", "accuracy", "macro_f1", "macro_f1_3", "per_class", "confusion"}
    assert got["n"] == 6
    assert got["accuracy"] == round(4 / 6, 4)
    # støtter: P 1/1, R 1/2 → F1 2/3; imot: P 2/2, R 2/3 → 0.8; ingen_merknader 1; uklart 0;
    # delvis 0 (predicted once, never gold)
    assert got["per_class"]["støtter"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667,
                                           "support": 2}
    assert got["per_class"]["imot"] == {"precision": 1.0, "recall": 0.6667, "f1": 0.8,
                                        "support": 3}
    assert got["per_class"]["delvis"]["support"] == 0
    assert got["macro_f1"] == round((2 / 3 + 0.8 + 1 + 0 + 0) / 5, 4)
    assert got["macro_f1_3"] == round((2 / 3 + 0.8 + 0) / 3, 4)
    assert got["confusion"] == {"imot": {"delvis": 1, "imot": 2},
                                "ingen_merknader": {"ingen_merknader": 1},
                                "støtter": {"støtter": 1, "uklart": 1}}


def test_other_fields_and_errors(tmp_path: Path) -> None:
    rows = [{"body": r["text"], "gold": r["stance"]} for r in ROWS]
    got = evaluate_stance(_write(tmp_path, rows), text_field="body", label_field="gold")
    assert got["n"] == 6
    with pytest.raises(ConfigError):
        evaluate_stance(_write(tmp_path, rows, "b.jsonl"))
    with pytest.raises(ConfigError):
        evaluate_stance(_write(tmp_path, [{"text": "x", "stance": "kanskje"}], "c.jsonl"))
    with pytest.raises(InputError):
        evaluate_stance(tmp_path / "missing.jsonl")


def test_cli_command(tmp_path: Path) -> None:
    path = _write(tmp_path, [{"tekst": r["text"], "label": r["stance"]} for r in ROWS])
    res = CliRunner().invoke(app, ["evaluate", "stance", str(path), "--text-field", "tekst",
                                   "--label-field", "label"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.output)
    assert got["n"] == 6 and got["accuracy"] == round(4 / 6, 4)
    assert CliRunner().invoke(app, ["evaluate", "stance", "--help"]).exit_code == 0


def test_floor_on_real_development_set() -> None:
    path = shared_file("horingssvar", "dev.jsonl")
    got = evaluate_stance(path)
    assert got["n"] == 120
    # measured 0.775 / 0.7637 / 0.6228 (rules); the floors leave a margin for cue changes
    assert got["accuracy"] >= 0.72
    assert got["macro_f1_3"] >= 0.68
    assert got["per_class"]["støtter"]["recall"] >= 0.75
