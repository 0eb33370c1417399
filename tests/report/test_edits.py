"""Analyst edits: rename, merge, promote, move, not relevant; report regenerates the
exports; a rerun with --edits carries them over by matching themes."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from innonlp import load_run
from innonlp.config import load_config
from innonlp.report.edits import match_themes
from innonlp.run.pipeline import analyze

from ..conftest import SAMPLE


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "innonlp", *args], capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("edits") / "run"
    analyze([SAMPLE / "innspill"], out, config=load_config(SAMPLE / "innonlp.toml"))
    return out


def _edits(doc: dict) -> tuple[str, dict]:
    t = doc["themes"]
    with_sub = next(x for x in t if len(x["subthemes"]) >= 2)
    info = {"rename": t[0]["id"], "merge": [t[1]["id"], t[2]["id"]],
            "promote": with_sub["subthemes"][1]["id"], "not_relevant": t[-1]["id"]}
    text = f"""
[[rename]]
theme = "{info['rename']}"
label = "Finansiering"

[[merge]]
themes = {json.dumps(info['merge'])}
label = "Sammenslått tema"

[[promote]]
subtheme = "{info['promote']}"
label = "Forfremmet undertema"

[[not_relevant]]
theme = "{info['not_relevant']}"
reason = "Gjelder en annen sak"

[[rename]]
theme = "T99"
label = "Finnes ikke"
"""
    return text, info


def test_edit_round_trip_through_report(base: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    shutil.copytree(base, run_dir)
    doc = json.loads((run_dir / "themes.json").read_text(encoding="utf-8"))
    machine = (run_dir / "themes.json").read_bytes()
    text, info = _edits(doc)
    (run_dir / "edits.toml").write_text(text, encoding="utf-8")
    res = _cli("report", str(run_dir))
    assert res.returncode == 0, res.stderr
    assert "Edit not applied (rename)" in res.stdout and "T99" in res.stdout
    assert (run_dir / "themes.json").read_bytes() == machine  # the machine result stays
    applied = json.loads((run_dir / "edits_applied.json").read_text(encoding="utf-8"))
    assert len(applied["applied"]) == 4 and len(applied["not_applied"]) == 1

    d = docx.Document(str(run_dir / "report.docx"))
    heads = [p.text for p in d.paragraphs if p.style.name == "Heading 3"]
    assert any(h.endswith(". Finansiering") for h in heads)
    assert any(h.endswith(". Sammenslått tema") for h in heads)
    assert any(h.endswith(". Forfremmet undertema") for h in heads)
    dropped = next(t for t in doc["themes"] if t["id"] == info["not_relevant"])["label"]
    assert not any(h.endswith(". " + dropped) for h in heads)

    wb = openpyxl.load_workbook(run_dir / "themes.xlsx")
    rows = list(wb["temaer"].iter_rows(values_only=True))
    col = {name: i for i, name in enumerate(rows[0])}
    by_id = {r[col["Tema-id"]]: r for r in rows[1:]}
    assert by_id[info["rename"]][col["Tema"]] == "Finansiering"
    assert info["merge"][1] not in by_id
    merged = set(doc["themes"][1]["submission_ids"]) | set(doc["themes"][2]["submission_ids"])
    run = load_run(run_dir)
    promoted = next(t for t in run.themes_doc["themes"] if t["label"] == "Forfremmet undertema")
    if info["promote"].split(".")[0] not in info["merge"]:
        merged_now = run.theme(info["merge"][0])["submission_ids"]
        assert set(merged_now) == merged
    assert by_id[info["not_relevant"]][col["Relevant"]] is False
    assert promoted["n_segments"] > 0
    seg = run.segments
    assert (seg["theme_id"] == promoted["id"]).sum() == promoted["n_segments"]


def test_move_segment_and_bad_edits(base: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    shutil.copytree(base, run_dir)
    run = load_run(run_dir)
    seg = run.segments[run.segments["bucket"] == "theme"].iloc[0]
    target = next(t["id"] for t in run.themes_doc["themes"] if t["id"] != seg["theme_id"])
    e = run_dir / "e.toml"
    e.write_text(f'[[move]]\nsegment = "{seg["id"]}"\ntheme = "{target}"\n\n'
                 f'[[move]]\nsegment = "finnes/ikke#1"\ntheme = "{target}"\n',
                 encoding="utf-8")
    moved = load_run(run_dir, edits=e)
    row = moved.segments[moved.segments["id"] == seg["id"]].iloc[0]
    assert row["theme_id"] == target
    assert moved.theme(target)["n_segments"] == run.theme(target)["n_segments"] + 1
    assert seg["submission_id"] in moved.theme(target)["submission_ids"]
    assert [x["reason"] for x in moved.edits.not_applied] == [
        "segment 'finnes/ikke#1' is not in this run"]
    bad = run_dir / "bad.toml"
    bad.write_text("[[rename]\n", encoding="utf-8")
    assert _cli("report", str(run_dir), "--edits", str(bad)).returncode == 2
    bad.write_text("[[unknown]]\nx = 1\n", encoding="utf-8")
    res = _cli("report", str(run_dir), "--edits", str(bad))
    assert res.returncode == 2 and "unknown section" in res.stderr


def test_rerun_with_edits_carries_them_over(base: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(base, old)
    doc = json.loads((old / "themes.json").read_text(encoding="utf-8"))
    text, info = _edits(doc)
    (old / "edits.toml").write_text(text, encoding="utf-8")
    inputs = tmp_path / "innspill"
    shutil.copytree(SAMPLE / "innspill", inputs)
    (inputs / "brev" / "ny-kommune.txt").write_text(
        "Ny kommune\n\nRegelverket er ofte en barriere for nye måter å organisere tjenestene "
        "på.\n\nVi ønsker regulatoriske sandkasser der nye løsninger kan testes under "
        "tilsyn.\n", encoding="utf-8")
    new = tmp_path / "new"
    res = _cli("analyze", str(inputs), "--out", str(new), "--config",
               str(SAMPLE / "innonlp.toml"), "--seed", "1", "--edits", str(old / "edits.toml"))
    assert res.returncode == 0, res.stderr
    manifest = json.loads((new / "manifest.json").read_text(encoding="utf-8"))
    edits = manifest["reports"]["edits"]
    assert edits["applied"] >= 3
    reasons = [e["reason"] for e in edits["not_applied"]]
    assert any("T99" in r or "matches no theme" in r for r in reasons)
    assert not (new / "edits.toml").exists()  # the analyst's file is theirs alone
    carried = (new / "edits.translated.toml").read_text(encoding="utf-8")
    assert "Finansiering" in carried and "T99" not in carried
    renamed = load_run(new)
    assert "Finansiering" in [t["label"] for t in renamed.themes_doc["themes"]]
    new_doc = json.loads((new / "themes.json").read_text(encoding="utf-8"))
    match = match_themes(doc, new_doc)
    assert info["rename"] in match
