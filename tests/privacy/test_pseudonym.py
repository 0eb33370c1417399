"""Private persons are never named in what is shared: pseudonymous ids, no submitter name,
their own name masked in their text; only submissions.parquet's ``source`` keeps the link."""

import json
import zipfile
from pathlib import Path

import pandas as pd

from innonlp import ingest
from innonlp.config import IngestConfig
from innonlp.privacy.pseudonym import known_names, mask_names
from innonlp.run.pipeline import analyze
from innonlp.themes.params import ThemeParams

NAMES = ("Sofie", "Lunde", "Halvor", "Myklebust")
LETTERS = {
    "epost/sofie-lunde.txt": "Jeg, Sofie Lunde, bor i Elvdal og støtter forslaget om flere "
                             "sykkelveier i sentrum.\n\nSykkelveiene må være trygge for barn "
                             "som sykler til skolen.\n\nMed vennlig hilsen\nSofie Lunde",
    "epost/halvor.txt": "Eg meiner at sykkelvegane må vere trygge for born som syklar til "
                        "skulen.\n\nHelsing\nHalvor Myklebust",
    "brev/elvdal-kommune.txt": "Elvdal kommune støtter forslaget om flere sykkelveier.\n\n"
                               "Sykkelveiene må være trygge for barn som sykler til skolen.\n\n"
                               "Med hilsen\nElvdal kommune",
}


def _inputs(tmp_path: Path) -> Path:
    src = tmp_path / "inn"
    for name, text in LETTERS.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    return src


def test_known_names_and_masking() -> None:
    from innonlp.types import Part, Submission

    sub = Submission("epost/sofie-lunde", "inn/epost/sofie-lunde.txt", (Part("x"),),
                     respondent_type="privatperson")
    assert "Sofie Lunde" in known_names(sub) and "Lunde, Sofie" in known_names(sub)
    text, n, edits = mask_names("Hilsen Sofie Lunde, og SOFIE LUNDE igjen.", ["Sofie Lunde"])
    assert text == "Hilsen [navn], og [navn] igjen." and n == 2 and len(edits) == 2


def test_ids_are_pseudonymous_and_stable(tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    a, b = ingest([src]), ingest([src])
    ids = sorted(s.id for s in a.submissions)
    assert ids == sorted(s.id for s in b.submissions)
    assert ids == ["brev/elvdal-kommune", "privatperson-001", "privatperson-002"]
    person = next(s for s in a.submissions if s.source.endswith("sofie-lunde.txt"))
    assert person.submitter is None and "Sofie" not in person.text
    assert "[navn]" in person.text
    assert a.personal_data["counts"]["pseudonymous_ids"] == 2
    kept = ingest([src], IngestConfig(keep_personal_data=True))
    assert "epost/sofie-lunde" in {s.id for s in kept.submissions}


def _texts_of(path: Path) -> list[str]:
    if path.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as z:
            return [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
        return [frame.drop(columns=[c for c in ("source",) if c in frame]).to_json()]
    return [path.read_text(encoding="utf-8", errors="replace")]


def test_no_private_name_in_any_shared_file(tmp_path: Path) -> None:
    src, out = _inputs(tmp_path), tmp_path / "run"
    analyze([src], out, themes=ThemeParams(n_themes=2, n_bootstrap=2))
    shared = [p for p in out.rglob("*") if p.is_file() and ".innonlp" not in p.parts]
    assert {p.name for p in shared} >= {"report.md", "themes.json", "manifest.json"}
    for path in shared:
        for text in _texts_of(path):
            for name in NAMES:
                assert name not in text, (path.name, name)
    subs = pd.read_parquet(out / "submissions.parquet")
    assert subs["source"].str.contains("sofie-lunde").any()  # the analyst can open it
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["personal_data"]["counts"]["name"] >= 1  # in the text; signatures removed


def test_names_in_running_text_are_masked_by_the_recogniser(tmp_path: Path) -> None:
    """Another person named in a private person's text ("min nabo Halvor Myklebust") is
    found by the embedded NER and masked; an organisation's letter is left as it is."""
    from innonlp.nlp.loader import NorwegianNLP
    from innonlp.nlp.persons import person_finder

    src = tmp_path / "inn"
    src.mkdir()
    (src / "sofie-lunde.txt").write_text(
        "Jeg og min nabo Halvor Myklebust mener at sykkelveiene må bli tryggere.\n\n"
        "Hilsen\nSofie Lunde", encoding="utf-8")
    (src / "elvdal-kommune.txt").write_text(
        "Elvdal kommune ved ordfører Halvor Myklebust støtter forslaget.", encoding="utf-8")
    find = person_finder(NorwegianNLP("embedded"))
    assert find("Min nabo Halvor Myklebust er enig.") == [(9, 25)]
    res = ingest([src], name_finder=find)
    by_file = {Path(s.source).name: s for s in res.submissions}
    person, body = by_file["sofie-lunde.txt"], by_file["elvdal-kommune.txt"]
    assert person.respondent_type == "privatperson"
    assert "Myklebust" not in person.text and "[navn]" in person.text
    assert body.respondent_type != "privatperson"
    assert "Halvor Myklebust" in body.text  # a body's letter: who signs for it may stay
