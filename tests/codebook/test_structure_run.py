"""``analyze`` with the consultation's structure: a codebook (seeds first, empty seeds kept,
reference hits), per-question views, a closed column, who said what and endorsements — on a
small web form and two letters written for the test."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from innonlp.config import ColumnMapping, IngestConfig
from innonlp.run.pipeline import analyze

KIND = ["kommune", "organisasjon", "privatperson", "statlig virksomhet"]
ORGS = {"kommune": "{}vik kommune", "organisasjon": "Foreningen {}", "privatperson": "",
        "statlig virksomhet": "Direktoratet for {}"}
PLACES = ["Aust", "Vest", "Nord", "Sør", "Midt", "Øvre", "Nedre", "Indre", "Ytre", "Store",
          "Lille", "Gamle", "Nye", "Berg"]
Q1 = ["Barnehagen trenger flere pedagoger og bedre bemanning i hverdagen.",
      "Bemanningen i barnehagen er for lav, og pedagogene blir slitne.",
      "Til punkt 2: Barnehagelærere må få mer tid til barna og mindre papirarbeid.",
      "Kollektivtransporten til skolen må bli bedre for elevene på bygda.",
      "Skolebussen går for sjelden, og elevene venter lenge etter skoletid.",
      "Elevene trenger tryggere skolevei med gang- og sykkelsti langs riksveien.",
      "Pedagogtettheten i barnehagene bør økes, særlig for de minste barna."]
Q2 = ["Bygg flere gang- og sykkelstier slik at barna kan gå trygt til skolen.",
      "Gi barnehagene penger til å ansette flere barnehagelærere.",
      "Skolebussene bør gå oftere om ettermiddagen.",
      "Øk grunnbemanningen i barnehagene med en ny pedagog per avdeling.",
      "Staten bør finansiere bedre skoleskyss i distriktene.",
      "La barnehagelærerne bruke mindre tid på rapportering.",
      "Lag trygge krysningspunkter ved skolene."]
ANSWERS = ["ja", "nei", "delvis", "ja", "Ja", ""]


def _form(folder: Path) -> Path:
    path = folder / "skjema.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["id", "navn", "organisasjon", "respondenttype", "enig", "spm1", "spm2"])
        for i, place in enumerate(PLACES):
            kind = KIND[i % len(KIND)]
            org = ORGS[kind].format(place)
            name = f"Person {place}" if kind == "privatperson" else ""
            w.writerow([f"R{i:02d}", name, org, kind, ANSWERS[i % len(ANSWERS)],
                        Q1[i % len(Q1)], Q2[(i * 3) % len(Q2)]])
    return path


def _letters(folder: Path) -> None:
    (folder / "ks.txt").write_text(
        "Høringssvar fra KS\n\nKS mener bemanningen i barnehagen må styrkes med flere "
        "pedagoger.\n\nMed vennlig hilsen\nKS", encoding="utf-8")
    (folder / "lia-kommune.txt").write_text(
        "Høringssvar fra Lia kommune\n\nLia kommune slutter seg til KS' høringssvar.\n\n"
        "Med vennlig hilsen\nLia kommune", encoding="utf-8")


CODEBOOK = """
[[theme]]
label = "Bemanning i barnehagen"
description = "Flere pedagoger og barnehagelærere, grunnbemanning og tid til barna."
keywords = ["barnehage", "pedagog", "bemanning"]
references = ["punkt 2"]

[[theme]]
label = "Skolevei og skoleskyss"
description = "Trygg vei til skolen, skolebuss, skyss og sykkelsti for elevene."
keywords = ["skolevei", "skolebuss", "skyss", "sykkelsti"]

[[theme]]
label = "Fyrtårn og havner"
description = "Fyrlykter, losing og havneanlegg langs kysten."
keywords = ["fyrtårn", "los", "havn"]
"""


def _config() -> IngestConfig:
    return IngestConfig(columns=ColumnMapping(text=("spm1", "spm2"), id="id",
                                              submitter="navn", organisation="organisasjon",
                                              respondent_type="respondenttype"))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("structure")
    inputs = root / "inn"
    inputs.mkdir()
    _form(inputs)
    _letters(inputs)
    book = root / "kodebok.toml"
    book.write_text(CODEBOOK, encoding="utf-8")
    out = root / "ut"
    analyze([inputs], out, config=_config(), codebook=book, closed_column="enig",
            count_endorsements=True, jobs=1)
    return {"out": out, "inputs": inputs, "book": book,
            "doc": json.loads((out / "themes.json").read_text(encoding="utf-8"))}


def test_seeds_first_never_dropped(run: dict[str, Any]) -> None:
    doc = run["doc"]
    seeds = [t for t in doc["themes"] if t["seeded"]]
    assert [t["id"] for t in seeds] == ["S1", "S2", "S3"]
    assert [t["label"] for t in seeds][:2] == ["Bemanning i barnehagen",
                                              "Skolevei og skoleskyss"]
    assert doc["themes"][:3] == seeds  # seeds first, in codebook order
    empty = seeds[2]
    assert empty["empty"] and empty["n_submissions"] == 0 and empty["quotes"] == []
    assert doc["codebook"]["empty_seeds"] == ["S3"]
    assert seeds[0]["n_submissions"] >= 8 and seeds[1]["n_submissions"] >= 8
    assert all(not t["seeded"] for t in doc["themes"][3:])
    manifest = json.loads((run["out"] / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["codebook"]["n_seeds"] == 3


def test_segments_carry_seeds_and_reasons(run: dict[str, Any]) -> None:
    segs = pd.read_parquet(run["out"] / "segments.parquet")
    ref = segs[segs["text"].str.startswith("Til punkt 2")]
    assert len(ref) and all("S1" in s for s in ref["seed_ids"])
    assert all("reference" in m for m in ref["seed_matched_by"])
    school = segs[segs["text"].str.contains("Skolebussen går")]
    assert all(s.split("; ")[0] == "S2" for s in school["seed_ids"])
    assert all(float(x.split("; ")[0]) > 0 for x in school["seed_scores"])
    matched = segs[segs["seed_ids"] != ""]
    assert set(matched["theme_id"]) <= {"S1", "S2"}
    subs = pd.read_parquet(run["out"] / "submissions.parquet")
    for ids, main in zip(subs["theme_ids"], subs["main_theme_id"], strict=True):
        if ids:
            assert main in ids.split("; ")


def test_per_question_views(run: dict[str, Any]) -> None:
    qs = run["doc"]["questions"]
    assert [q["question"] for q in qs] == ["spm1", "spm2"]
    for q in qs:
        ns = [t["n_submissions"] for t in q["themes"]]
        assert ns == sorted(ns, reverse=True)
        for t in q["themes"]:
            assert "counts" in t["stance"]
            assert len({x["submission_id"] for x in t["quotes"]}) == len(t["quotes"])
    first = {t["id"]: t for t in qs[0]["themes"]}
    assert first["S1"]["n_submissions"] > 0 and first["S2"]["n_submissions"] > 0


def test_closed_column_cross_tab(run: dict[str, Any]) -> None:
    closed = run["doc"]["closed"]
    assert closed["column"] == "enig"
    assert set(closed["values"]) == {"ja", "nei", "delvis", "(tomt)"}
    assert closed["n_submissions"]["ja"] == sum(
        1 for i in range(len(PLACES)) if ANSWERS[i % len(ANSWERS)].lower() == "ja")
    s1 = next(t for t in closed["themes"] if t["id"] == "S1")
    theme = next(t for t in run["doc"]["themes"] if t["id"] == "S1")
    assert sum(s1["counts"].values()) == theme["n_submissions"]


def test_who_said_what(run: dict[str, Any]) -> None:
    theme = next(t for t in run["doc"]["themes"] if t["id"] == "S1")
    r = theme["respondents"]
    kinds = [g["respondent_type"] for g in r["groups"]]
    order = ["statlig virksomhet", "fylkeskommune", "kommune", "organisasjon", "næringsliv"]
    assert kinds == sorted(kinds, key=lambda k: order.index(k) if k in order else 99)
    names = [b["name"] for g in r["groups"] for b in g["bodies"]]
    assert "KS" in names
    assert all(b["evidence"] for g in r["groups"] for b in g["bodies"])
    assert r["n_private_persons"] >= 1
    assert not any(n.startswith("Person ") for n in names)
    assert "Person " not in json.dumps(run["doc"], ensure_ascii=False)
    assert r["paragraph"].startswith("Temaet tas opp av ")
    assert "privatperson" in r["paragraph"]


def test_endorsements_linked_and_counted(run: dict[str, Any]) -> None:
    subs = pd.read_parquet(run["out"] / "submissions.parquet")
    by_org = dict(zip(subs["organisation"], subs["endorses"], strict=True))
    assert by_org["Lia kommune"] == "KS"
    e = run["doc"]["endorsements"]
    assert e["counted"] and e["bodies"][0]["name"] == "KS"
    s1 = next(t for t in run["doc"]["themes"] if t["id"] == "S1")
    assert s1["n_submissions_endorsing"] == 1
    assert s1["n_submissions_with_endorsements"] == s1["n_submissions"] + 1


def test_byte_identical_and_without_codebook(run: dict[str, Any], tmp_path: Path) -> None:
    again = tmp_path / "again"
    analyze([run["inputs"]], again, config=_config(), codebook=run["book"],
            closed_column="enig", count_endorsements=True, jobs=1, cache=None)
    assert (again / "themes.json").read_bytes() == (run["out"] / "themes.json").read_bytes()
    plain = tmp_path / "plain"
    analyze([run["inputs"]], plain, config=_config(), jobs=1)
    doc = json.loads((plain / "themes.json").read_text(encoding="utf-8"))
    assert "codebook" not in doc and "closed" not in doc
    assert all("seeded" not in t for t in doc["themes"])
    assert "seed_ids" not in pd.read_parquet(plain / "segments.parquet").columns


def test_missing_closed_column_is_a_warning(run: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "w"
    analyze([run["inputs"]], out, config=_config(), closed_column="finnes-ikke", jobs=1)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert any("--closed-column 'finnes-ikke'" in w for w in manifest["warnings"])
    assert "closed" not in json.loads((out / "themes.json").read_text(encoding="utf-8"))


def test_bad_codebook_is_a_usage_error(run: dict[str, Any], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[theme]]\nlabel = 3\n", encoding="utf-8")
    got = subprocess.run([sys.executable, "-m", "innonlp", "analyze", str(run["inputs"]),
                          "--out", str(tmp_path / "o"), "--codebook", str(bad)],
                         capture_output=True, text=True, timeout=300)
    assert got.returncode == 2
    lines = got.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("innonlp: error: --codebook 'bad.toml'")
    assert not (tmp_path / "o" / "manifest.json").exists()


NOTAT = """# Høringsnotat om oppvekst

1 Innledning

Departementet sender med dette forslag om endringer på høring.

2 Bemanning i barnehagen

Departementet foreslår en norm for pedagoger og grunnbemanning i barnehagene.

3 Trygg skolevei

Departementet foreslår at kommunene skal sikre trygg skolevei og skoleskyss for elevene.
"""


def test_consultation_document_as_codebook(run: dict[str, Any], tmp_path: Path) -> None:
    """The høringsnotat's numbered headings become the seeds; "Til punkt 2" goes to the
    seed of heading 2 by reference; a heading nobody commented on is kept as empty."""
    notat = tmp_path / "horingsnotat.md"
    notat.write_text(NOTAT, encoding="utf-8")
    out = tmp_path / "notat"
    analyze([run["inputs"]], out, config=_config(), codebook=notat, jobs=1)
    doc = json.loads((out / "themes.json").read_text(encoding="utf-8"))
    seeds = [t for t in doc["themes"] if t["seeded"]]
    assert [t["label"] for t in seeds] == ["1 Innledning", "2 Bemanning i barnehagen",
                                          "3 Trygg skolevei"]
    assert doc["codebook"]["kind"] == "document"
    assert seeds[1]["matched_by"]["reference"] >= 1
    assert seeds[1]["n_submissions"] >= 8 and seeds[2]["n_submissions"] >= 8
    assert seeds[0]["empty"] and doc["codebook"]["empty_seeds"] == ["S1"]
