"""The stage cache holds data, never code, and is checked before use; the run folder is
innonlp's only where innonlp made it."""

import json
import sqlite3
from pathlib import Path

import pytest

from innonlp.errors import ConfigError, InputError
from innonlp.run import stagecache
from innonlp.run.pipeline import analyze, run_ingest
from innonlp.runfolder import RunFolder
from innonlp.themes.params import ThemeParams

SRC = Path(__file__).resolve().parents[2] / "src" / "innonlp"
TEXTS = {
    "a.txt": "Kommunen ønsker bedre samarbeid med staten om digitale tjenester.\n\n"
             "Vi trenger felles løsninger for deling av data mellom etatene.",
    "b.txt": "Innovasjon i offentlig sektor krever ledelse som tør å prøve nye ting.\n\n"
             "Regelverket for anskaffelser hindrer ofte nye løsninger.",
    "c.txt": "Distriktene må få del i satsingen på innovasjon og digitalisering.\n\n"
             "Små kommuner mangler kompetanse på anskaffelser.",
}
PARAMS = ThemeParams(n_themes=2, n_bootstrap=2)


def _inputs(tmp_path: Path) -> Path:
    src = tmp_path / "inn"
    src.mkdir(exist_ok=True)
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def _run(src: Path, out: Path, cache: Path | None):  # noqa: ANN202
    return analyze([src], out, cache=cache, themes=PARAMS)


def test_no_module_can_unpickle() -> None:
    """No module imports a code-running deserialiser; every np.load says allow_pickle=False."""
    import ast

    bad = []
    for f in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] in ("pickle", "dill", "joblib", "marshal", "shelve")
                   for n in names):
                bad.append(f"{f.name}: imports {names}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "load" and getattr(node.func.value, "id", "") == "np":
                safe = any(k.arg == "allow_pickle" and isinstance(k.value, ast.Constant)
                           and k.value.value is False for k in node.keywords)
                if not safe:
                    bad.append(f"{f.name}: np.load without allow_pickle=False")
    assert bad == []


def test_entries_are_checked_json_and_a_tampered_one_is_recomputed(tmp_path: Path) -> None:
    src, cache = _inputs(tmp_path), tmp_path / "c.sqlite"
    clean = _run(src, tmp_path / "r1", cache)
    db = sqlite3.connect(cache)
    blob = db.execute("SELECT value FROM stage_entries WHERE stage = 'themes'").fetchone()[0]
    data = json.loads(stagecache.zlib.decompress(blob))
    assert data["doc"]["themes"]  # plain JSON data
    # a forged label, the checksum left as it was: detected, recomputed
    data["doc"]["themes"][0]["label"] = "Forfalsket"
    with db:
        db.execute("UPDATE stage_entries SET value = ?, size = ? WHERE stage = 'themes'",
                   (b := stagecache.encode(data), len(b)))
    db.close()
    again = _run(src, tmp_path / "r2", cache)
    assert again.manifest["cache"]["bad_entries"] == ["themes"]
    assert "themes" not in again.manifest["cache"]["stages_reused"]
    assert (tmp_path / "r2" / "themes.json").read_bytes() == \
        (tmp_path / "r1" / "themes.json").read_bytes()
    assert "Forfalsket" not in (tmp_path / "r2" / "report.md").read_text(encoding="utf-8")
    assert clean.manifest["cache"]["status"] == "used"


def test_an_entry_of_the_wrong_shape_is_recomputed(tmp_path: Path) -> None:
    src, cache = _inputs(tmp_path), tmp_path / "c.sqlite"
    _run(src, tmp_path / "r1", cache)
    db = sqlite3.connect(cache)
    blob = stagecache.encode({"submissions": "not a list"})  # a valid checksum, wrong data
    with db:
        db.execute("UPDATE stage_entries SET value = ?, size = ?, sha256 = ? "
                   "WHERE stage = 'standard'",
                   (blob, len(blob), stagecache.hashlib.sha256(blob).digest()))
    db.close()
    again = _run(src, tmp_path / "r2", cache)
    assert "standard" in again.manifest["cache"]["bad_entries"]
    assert again.manifest["counts"]["processed"] == len(TEXTS)


@pytest.mark.parametrize("kind", ["garbage", "directory", "truncated"])
def test_an_unusable_cache_never_stops_a_run(tmp_path: Path, kind: str, capsys) -> None:  # noqa: ANN001
    src, cache = _inputs(tmp_path), tmp_path / "c.sqlite"
    if kind == "garbage":
        cache.write_bytes(b"this is not a database" * 100)
    elif kind == "directory":
        cache.mkdir()
    else:
        _run(src, tmp_path / "r0", cache)
        cache.write_bytes(cache.read_bytes()[:700])
    res = _run(src, tmp_path / "r", cache)
    assert res.manifest["counts"]["processed"] == len(TEXTS)
    assert (tmp_path / "r" / "themes.json").is_file()
    if kind != "truncated":
        assert res.manifest["cache"]["status"].startswith("not used")
        assert "cannot be used" in capsys.readouterr().err


def test_keys_hold_the_code_fingerprint(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    src = _inputs(tmp_path)
    before = stagecache.inputs_key([src], {"x": 1})
    monkeypatch.setattr(stagecache, "code_fingerprint", lambda: "other-code")
    assert stagecache.inputs_key([src], {"x": 1}) != before


def test_out_may_not_be_or_contain_an_input(tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    (src / "report.md").write_text("the analyst's own notes", encoding="utf-8")
    for out in (src, tmp_path):
        with pytest.raises(InputError, match="outside the inputs"):
            run_ingest([src], out)
    assert (src / "report.md").read_text(encoding="utf-8") == "the analyst's own notes"


def test_only_innonlps_own_files_are_removed(tmp_path: Path) -> None:
    src, out = _inputs(tmp_path), tmp_path / "run"
    run_ingest([src], out)
    mine = {"utkast.tmp": "x", ".utkast.tmp": "y", "notater.md": "z",
            "edits.toml": "# the analyst's own edits\n"}
    for name, text in mine.items():
        (out / name).write_text(text, encoding="utf-8")
    (out / ".innonlp-themes.json.abc.tmp").write_text("half-written", encoding="utf-8")
    run_ingest([src], out)
    for name, text in mine.items():
        assert (out / name).read_text(encoding="utf-8") == text
    assert not (out / ".innonlp-themes.json.abc.tmp").exists()


def test_a_second_run_into_a_locked_folder_is_refused(tmp_path: Path) -> None:
    src, out = _inputs(tmp_path), tmp_path / "run"
    run_ingest([src], out)
    with RunFolder(out).locked():  # another run is writing here
        with pytest.raises(InputError, match="another innonlp run"):
            run_ingest([src], out)
    assert (out / "manifest.json").is_file()  # the earlier run is untouched


def test_bad_summary_or_edits_are_refused_before_the_earlier_run_is_removed(
        tmp_path: Path) -> None:
    src, out = _inputs(tmp_path), tmp_path / "run"
    run_ingest([src], out)
    (tmp_path / "summary.rtf").write_text("x", encoding="utf-8")
    (tmp_path / "edits.toml").write_text("[[rename]\nbroken", encoding="utf-8")
    with pytest.raises(ConfigError, match="--summary must be"):
        analyze([src], out, summary=tmp_path / "summary.rtf")
    with pytest.raises(ConfigError, match="not valid TOML"):
        analyze([src], out, edits=tmp_path / "edits.toml")
    assert (out / "manifest.json").is_file()


def test_outputs_follow_the_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        run_ingest([_inputs(tmp_path)], tmp_path / "run")
    finally:
        os.umask(old)
    assert (tmp_path / "run" / "manifest.json").stat().st_mode & 0o777 == 0o644


def test_a_damaged_run_folder_is_one_clear_error(tmp_path: Path) -> None:
    from innonlp.compare.run import compare_run
    from innonlp.report.build import report_run

    src, out = _inputs(tmp_path), tmp_path / "run"
    analyze([src], out, themes=PARAMS)
    summary = tmp_path / "s.md"
    summary.write_text("# Samarbeid\n\nKommunene vil samarbeide.", encoding="utf-8")
    text = (out / "themes.json").read_text(encoding="utf-8")
    (out / "themes.json").write_text(text[: len(text) // 2], encoding="utf-8")  # half a file
    for call in (lambda: report_run(out), lambda: compare_run(out, summary)):
        with pytest.raises(InputError, match="damaged"):
            call()
    (out / "themes.json").write_text(text, encoding="utf-8")
    (out / "segments.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(InputError, match="damaged"):
        report_run(out)
    with pytest.raises(InputError, match="is not a folder"):
        report_run(tmp_path / "nothing-here")
    (out / "manifest.json").unlink()  # an interrupted run
    with pytest.raises(InputError, match="not a finished innonlp run"):
        report_run(out)
