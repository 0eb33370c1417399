"""Whole-stage reuse on a rerun: unchanged input reuses ingest, language analysis and
themes with identical outputs; a changed file or parameter is recomputed."""

from pathlib import Path

from innonlp.run.pipeline import analyze
from innonlp.themes.build import ThemeParams

TEXTS = {
    "a.txt": "Kommunen ønsker bedre samarbeid med staten om digitale tjenester.\n\n"
             "Vi trenger felles løsninger for deling av data mellom etatene.",
    "b.txt": "Innovasjon i offentlig sektor krever ledelse som tør å prøve nye ting.\n\n"
             "Regelverket for anskaffelser hindrer ofte nye løsninger.",
    "c.txt": "Distriktene må få del i satsingen på innovasjon og digitalisering.\n\n"
             "Små kommuner mangler kompetanse på anskaffelser.",
    "d.txt": "Samarbeid på tvers av sektorer gir bedre tjenester for innbyggerne.",
}


def _run(src: Path, out: Path, cache: Path, seed: int = 0):  # noqa: ANN202
    return analyze([src], out, nlp="embedded", cache=cache,
                   themes=ThemeParams(seed=seed, n_bootstrap=2))


def test_rerun_reuses_stages_and_misses_on_change(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    cache = tmp_path / "cache.sqlite"
    first = _run(src, tmp_path / "r1", cache)
    assert first.manifest["cache"]["stages_reused"] == []
    second = _run(src, tmp_path / "r2", cache)
    assert second.manifest["cache"]["stages_reused"] == ["standard", "stance", "themes"]
    assert second.manifest["cache"]["stages_skipped"] == ["ingest", "nlp"]
    assert second.manifest["nlp"]["reused_from_cache"] is True
    for name in ("themes.json", "themes.csv", "segments.parquet", "submissions.parquet"):
        assert (tmp_path / "r1" / name).read_bytes() == (tmp_path / "r2" / name).read_bytes()
    # another seed: the same ingest, new themes
    third = _run(src, tmp_path / "r3", cache, seed=1)
    assert third.manifest["cache"]["stages_reused"] == ["standard", "stance"]
    # an edited file: everything recomputed (per-segment analyses still come from the cache)
    (src / "d.txt").write_text(TEXTS["d.txt"] + " Og mer til.", encoding="utf-8")
    fourth = _run(src, tmp_path / "r4", cache)
    assert fourth.manifest["cache"]["stages_reused"] == []
    assert fourth.manifest["nlp"]["cache"]["hits"] > 0
