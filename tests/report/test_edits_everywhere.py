"""Edits reach every export (the comparison recomputed on the edited themes, themes.csv,
the workbook), carry a fingerprint of their run, are translated or refused for a changed
run, and analyze applies the run folder's edits.toml (or says it did not)."""

import csv
import io
import json
from pathlib import Path

import docx
import openpyxl
import pytest

from innonlp import load_run
from innonlp.config import load_config
from innonlp.errors import ConfigError
from innonlp.report.build import report_run
from innonlp.report.edits import read_edits
from innonlp.report.edits_source import EXAMPLE, fingerprint, source_toml
from innonlp.run.pipeline import analyze

from ..conftest import SAMPLE


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("everywhere") / "run"
    analyze([SAMPLE / "innspill"], out, config=load_config(SAMPLE / "innonlp.toml"),
            summary=SAMPLE / "oppsummering.md")
    return out


def _doc(run_dir: Path) -> dict:
    return json.loads((run_dir / "themes.json").read_text(encoding="utf-8"))


def _texts(run_dir: Path) -> dict[str, str]:
    d = docx.Document(str(run_dir / "report.docx"))
    word = "\n".join([p.text for p in d.paragraphs]
                     + [c.text for t in d.tables for r in t.rows for c in r.cells])
    wb = openpyxl.load_workbook(run_dir / "themes.xlsx")
    xlsx = "\n".join(str(v) for ws in wb.worksheets for r in ws.iter_rows(values_only=True)
                     for v in r if v is not None)
    files = {n: (run_dir / n).read_text(encoding="utf-8") for n in (
        "report.md", "report.html", "themes.csv", "comparison.md", "comparison.json")}
    return {**files, "report.docx": word, "themes.xlsx": xlsx}


def test_rename_and_merge_reach_every_file(run_dir: Path) -> None:
    doc = _doc(run_dir)
    t = doc["themes"]
    gone, renamed = t[1], t[0]
    (run_dir / "edits.toml").write_text(
        f'[[rename]]\ntheme = "{renamed["id"]}"\nlabel = "Omdøpt hovedtema"\n\n'
        f'[[merge]]\nthemes = ["{t[2]["id"]}", "{gone["id"]}"]\nlabel = "Sammenslått tema"\n'
        + source_toml(doc), encoding="utf-8")
    report_run(run_dir)
    for name, text in _texts(run_dir).items():
        assert "Omdøpt hovedtema" in text, name
        assert "Sammenslått tema" in text, name
    # the merged-away theme is a sub-theme now, never a theme of its own
    rows = list(csv.DictReader(io.StringIO(_texts(run_dir)["themes.csv"])))
    assert {r["parent"] for r in rows if r["id"] == gone["id"]} == {t[2]["id"]}
    md = (run_dir / "comparison.md").read_text(encoding="utf-8")
    assert f"{gone['id']} {gone['label']}" not in md
    comp = json.loads((run_dir / "comparison.json").read_text(encoding="utf-8"))
    ids = {m["theme_id"] for m in comp["machine_themes"]}
    assert gone["id"] not in ids and comp["edits"]["applied"] == 2
    assert (run_dir / "comparison.machine.json").is_file()
    assert (run_dir / EXAMPLE).is_file()
    machine = json.loads((run_dir / "comparison.machine.json").read_text(encoding="utf-8"))
    assert gone["id"] in {m["theme_id"] for m in machine["machine_themes"]}
    (run_dir / "edits.toml").unlink()
    report_run(run_dir)
    assert not (run_dir / "comparison.machine.json").is_file()
    assert "Omdøpt hovedtema" not in (run_dir / "comparison.md").read_text(encoding="utf-8")


def test_edits_for_another_run_are_translated(run_dir: Path) -> None:
    doc = _doc(run_dir)
    a, b = doc["themes"][0], doc["themes"][1]
    old = json.loads(json.dumps(doc))
    old["themes"][0]["id"], old["themes"][1]["id"] = b["id"], a["id"]  # ids swapped
    path = run_dir / "edits.toml"
    path.write_text(f'[[rename]]\ntheme = "{b["id"]}"\nlabel = "Riktig tema"\n'
                    + source_toml(old), encoding="utf-8")
    before = path.read_bytes()
    run = load_run(run_dir)
    assert run.theme(a["id"])["label"] == "Riktig tema"
    assert run.theme(b["id"])["label"] == b["label"]
    assert path.read_bytes() == before
    unrelated = {"themes": [{"id": "T01", "label": "x", "submission_ids": ["nope"],
                             "key_phrases": [{"phrase": "zzz"}], "n_submissions": 1}]}
    path.write_text('[[rename]]\ntheme = "T01"\nlabel = "Feil"\n' + source_toml(unrelated),
                    encoding="utf-8")
    run = load_run(run_dir)
    assert all(t["label"] != "Feil" for t in run.themes_doc["themes"])
    assert run.edits.not_applied and run.edits.warnings
    path.unlink()


def test_bad_edits_are_named(tmp_path: Path) -> None:
    p = tmp_path / "edits.toml"
    p.write_text('[[rename]]\ntheme = "T01"\nlable = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="lable"):
        read_edits(p)
    p.write_text('[[merge]]\nthemes = ["T01", "T01"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="with itself"):
        read_edits(p)
    p.write_text('[[promote]]\nsubtheme = "T01.1"\nlabel = "Nytt"\n', encoding="utf-8")
    assert read_edits(p)["promote"][0]["label"] == "Nytt"


def test_analyze_applies_the_folders_edits(run_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    out.mkdir()
    doc = _doc(run_dir)
    text = (f'[[rename]]\ntheme = "{doc["themes"][0]["id"]}"\nlabel = "Fra analytikeren"\n'
            + source_toml(doc))
    (out / "edits.toml").write_text(text, encoding="utf-8")
    cfg = load_config(SAMPLE / "innonlp.toml")
    lines: list[str] = []
    analyze([SAMPLE / "innspill"], out, config=cfg, log=lines.append)
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["reports"]["edits"]["applied"] == 1
    assert any("edits.toml" in x and "applied" in x for x in lines)
    assert "Fra analytikeren" in (out / "report.md").read_text(encoding="utf-8")
    assert (out / "edits.toml").read_text(encoding="utf-8") == text
    assert (out / "edits.translated.toml").is_file()
    assert fingerprint(_doc(out)) in (out / "edits.translated.toml").read_text(
        encoding="utf-8")
    analyze([SAMPLE / "innspill"], out, config=cfg, ignore_edits=True, log=lines.append)
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["reports"]["edits"]["ignored"].endswith("edits.toml")
    assert "Fra analytikeren" not in (out / "report.md").read_text(encoding="utf-8")


def test_a_bad_folder_edits_file_stops_analyze_before_anything_goes(run_dir: Path,
                                                                    tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "run"
    shutil.copytree(run_dir, out)
    (out / "edits.toml").write_text('[[rename]]\ntheme = "T01"\nlable = "x"\n',
                                    encoding="utf-8")
    with pytest.raises(ConfigError, match="lable"):
        analyze([SAMPLE / "innspill"], out, config=load_config(SAMPLE / "innonlp.toml"))
    assert (out / "themes.json").is_file() and (out / "manifest.json").is_file()


def test_compare_honours_edits(run_dir: Path, tmp_path: Path) -> None:
    import shutil

    from innonlp.compare.run import compare_run
    from innonlp.report.edited_exports import compare_with_edits

    out = tmp_path / "run"
    shutil.copytree(run_dir, out)
    doc = _doc(out)
    (out / "edits.toml").write_text(f'[[rename]]\ntheme = "{doc["themes"][0]["id"]}"\n'
                                    f'label = "Omdøpt i sammenligningen"\n' + source_toml(doc),
                                    encoding="utf-8")
    compare_run(out, SAMPLE / "oppsummering.md")
    assert compare_with_edits(out) is not None
    assert "Omdøpt i sammenligningen" in (out / "comparison.md").read_text(encoding="utf-8")
    machine = (out / "comparison.machine.json").read_text(encoding="utf-8")
    assert "Omdøpt i sammenligningen" not in machine
