"""The stance stage in a run: columns in both tables, the "ingen merknader" bucket kept out
of the themes, per-theme stance in themes.json, and the report's words."""

import json
from pathlib import Path

import pandas as pd

from innonlp.run.pipeline import analyze
from innonlp.themes.params import ThemeParams

BODY = {
    "kommune-a.txt": "Kommunen støtter forslaget om felles digitale tjenester.\n\n"
                     "Deling av data mellom etatene gir bedre tjenester for innbyggerne, og "
                     "felles løsninger sparer kommunene for mye arbeid.",
    "kommune-b.txt": "Vi går imot forslaget om å samle de digitale tjenestene hos staten.\n\n"
                     "Deling av data mellom etatene må skje på kommunenes premisser, ellers "
                     "mister innbyggerne lokale tjenester.",
    "kommune-c.txt": "Kommunen stør framlegget om felles digitale tenester.\n\n"
                     "Deling av data mellom etatane gir betre tenester for innbyggjarane.",
    "lag-a.txt": "Laget støtter forslaget, men forutsetter at frivilligheten tas med tidlig.\n\n"
                 "Frivillige lag trenger faste møteplasser med kommunen og forutsigbare "
                 "tilskudd for å kunne bidra.",
    "lag-b.txt": "Frivillige lag trenger faste møteplasser med kommunen.\n\n"
                 "Tilskuddene til frivilligheten må være forutsigbare over flere år.",
    "lag-c.txt": "Frivillige lag og kommunen bør møtes jevnlig.\n\n"
                 "Forutsigbare tilskudd til frivilligheten er viktig for lagene.",
}
QUIET = {
    "etat-nb.txt": "Vi viser til høringsbrevet. Direktoratet har ingen merknader til høringen.",
    "etat-nn.txt": "Vi viser til høyringsbrevet. Direktoratet har inga merknader til høyringa.",
}
LOOKALIKE = {  # "no comments" to one part, a position on another: never the bucket
    "etat-x.txt": "Vi har ingen merknader til kapittel 3, men går imot forslaget i kapittel 4 "
                  "om å samle de digitale tjenestene.\n\nDeling av data mellom etatene må "
                  "skje på kommunenes premisser.",
}


def _run(tmp_path: Path) -> Path:
    src = tmp_path / "inn"
    src.mkdir()
    for name, text in {**BODY, **QUIET, **LOOKALIKE}.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "run"
    analyze([src], out, themes=ThemeParams(n_themes=2, n_bootstrap=2))
    return out


def test_stance_in_tables_manifest_themes_and_report(tmp_path: Path) -> None:
    out = _run(tmp_path)
    subs = pd.read_parquet(out / "submissions.parquet").set_index("id")
    assert subs.loc["kommune-a", "stance"] == "støtter"
    assert subs.loc["kommune-b", "stance"] == "imot"
    assert subs.loc["kommune-c", "stance"] == "støtter"  # Nynorsk
    assert subs.loc["lag-a", "stance"] == "delvis"
    assert subs.loc["etat-nb", "stance"] == subs.loc["etat-nn", "stance"] == "ingen_merknader"
    assert subs.loc["etat-x", "stance"] == "imot"
    # every figure traced to its sentence: the evidence is a sentence of the submission
    for sid, row in subs.iterrows():
        if row["stance"] != "uklart":
            assert row["stance_evidence"] and row["stance_evidence"] in row["text"], sid
    segs = pd.read_parquet(out / "segments.parquet")
    assert {"stance", "stance_evidence"} <= set(segs.columns)
    quiet = segs[segs["submission_id"].isin(["etat-nb", "etat-nn"])]
    assert set(quiet["bucket"]) == {"ingen_merknader"} and quiet["theme_id"].isna().all()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    st = manifest["stance"]
    assert st["submissions"]["ingen_merknader"] == 2
    assert sum(st["submissions"].values()) == len(subs)
    assert st["ingen_merknader"]["submission_ids"] == ["etat-nb", "etat-nn"]
    doc = json.loads((out / "themes.json").read_text(encoding="utf-8"))
    assert doc["ingen_merknader"]["n_submissions"] == 2
    for t in doc["themes"]:
        assert not {"etat-nb", "etat-nn"} & set(t["submission_ids"])
        s = t["stance"]
        assert sum(s["counts"].values()) == s["n_submissions"] == t["n_submissions"]
        assert s["controversy"] == round(2 * min(s["shares"]["støtter"], s["shares"]["imot"]),
                                         4)
        for side in ("quote_for", "quote_against"):
            if s[side]:
                assert s[side]["sentence"] in subs.loc[s[side]["submission_id"], "text"]
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "2 har ingen merknader" in report
    assert "sier bare at avsenderen ikke har merknader" in report
    assert "Av dem støtter" in report  # the stance sentence of a theme
