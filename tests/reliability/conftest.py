"""One full run over the sample consultation plus hostile submissions (Markdown and HTML
payloads, bidi controls, formulas, identity numbers and e-mail addresses in every spelling,
in text, subject lines and file names), shared by the output-safety and personal-data
tests; and helpers to read every output as text."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from innonlp.config import load_config
from innonlp.run.pipeline import analyze

from ..conftest import SAMPLE

RLO = "\u202e"
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def identity(base9: str) -> str:
    """An 11-digit identity number with valid control digits."""
    n = [int(c) for c in base9]
    k1 = 11 - sum(w * x for w, x in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), n, strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    k2 = 11 - sum(w * x for w, x in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), n + [k1],
                                        strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    assert k1 < 10 and k2 < 10
    return base9 + str(k1) + str(k2)


FNR = identity("010190124")
FNR2 = identity("150585123")
DNR = identity("410190123")
IN_NAME = identity("020295126")  # only ever in a file name
EMAIL_USER = "ola.nordmann"

PAYLOADS = (
    "[klikk her](javascript:alert(1))",
    "![sporing](http://evil.example/spor.png)",
    "<img src=http://evil.example/x.png>",
    "<javascript:alert(2)>",
    "<script>alert(3)</script>",
    "[ref]: javascript:alert(4)",
    '=HYPERLINK("http://evil.example","klikk")',
)

HOSTILE_LETTER = f"""Sak: Høring om sykkelveier – fnr {FNR[:6]}\u00a0{FNR[6:]}

Jeg mener kommunen må bygge flere sykkelveier og gjøre skoleveien trygg for barna.
{PAYLOADS[0]} og {PAYLOADS[1]} og {PAYLOADS[2]}.
Se også {PAYLOADS[3]} {PAYLOADS[4]} {PAYLOADS[5]}
Mitt fødselsnummer er {FNR2[:6]}-{FNR2[6:]}, D-nummer {DNR[:6]}.{DNR[6:]}, og
{FNR[:2]}.{FNR[2:4]}.{FNR[4:6]} {FNR[6:]}. Skriv til {EMAIL_USER}(at)eksempel.no eller
{EMAIL_USER} [at] eksempel [dot] no.
Høyre{RLO}venstre tekst med overstyring.

Med vennlig hilsen
Ola Nordmann
"""

FORMULA_LETTER = f"""{PAYLOADS[6]}
Flere sykkelveier og tryggere skolevei er det viktigste for oss i bydelen vår.
"""


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-run")
    inputs = root / "innspill"
    shutil.copytree(SAMPLE / "innspill", inputs)
    brev = inputs / "brev"
    (brev / "fiendtlig.txt").write_text(HOSTILE_LETTER, encoding="utf-8")
    (brev / f"svar [lenke](javascript:alert(9)) {RLO}gnp.txt").write_text(
        HOSTILE_LETTER.replace("Sak:", "Gjelder:"), encoding="utf-8")
    (brev / f"{IN_NAME}.txt").write_text(FORMULA_LETTER, encoding="utf-8")
    (brev / f"{EMAIL_USER}@eksempel.no.txt").write_text(
        FORMULA_LETTER.replace("bydelen", "nabolaget"), encoding="utf-8")
    out = root / "run"
    analyze([inputs], out, config=load_config(SAMPLE / "innonlp.toml"),
            summary=SAMPLE / "oppsummering.md")
    return out


def _zip_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                         if n.endswith(".xml"))


def _parquet_text(path: Path) -> str:
    frame = pd.read_parquet(path)
    return "\n".join(str(v) for col in frame.columns for v in frame[col].tolist())


def output_texts(run: Path) -> dict[str, str]:
    """Every output of a run folder as text (Word and Excel files by their XML, Parquet
    files by their cells)."""
    out = {}
    for path in sorted(run.iterdir()):
        if not path.is_file():
            continue
        if path.suffix in (".docx", ".xlsx"):
            out[path.name] = _zip_text(path)
        elif path.suffix == ".parquet":
            out[path.name] = _parquet_text(path)
        else:
            out[path.name] = path.read_text(encoding="utf-8")
    return out


def xlsx_cells(path: Path) -> list[str]:
    """Every text cell of a workbook, as openpyxl reads it."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
    return [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
            for v in row if isinstance(v, str)]
