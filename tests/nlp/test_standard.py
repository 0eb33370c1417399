"""Written-standard detection: hand-written sentences, mixed submissions, the gold dev file."""

import json

import pytest
from typer.testing import CliRunner

from innonlp.cli import app
from innonlp.ingest.segment import segment_submission
from innonlp.nlp.standard import annotate_standards, detect_standard, detect_standards
from innonlp.types import Part, Submission

from ..conftest import shared_file

NB = [
    "Kommunen mener at forslaget ikke tar hensyn til de minste skolene i distriktene.",
    "Vi ønsker at departementet ser nærmere på hvordan tilskuddene fordeles.",
    "Jeg synes det er viktig at innbyggerne blir hørt før vedtaket fattes.",
]
NN = [
    "Kommunen meiner at forslaget ikkje tek omsyn til dei minste skulane i distrikta.",
    "Vi ønskjer at departementet ser nærare på korleis tilskota blir fordelte.",
    "Eg synest det er viktig at innbyggjarane blir høyrde før vedtaket blir gjort.",
]


def test_bokmal_and_nynorsk_sentences() -> None:
    guesses = detect_standards(NB + NN)
    assert [g.label for g in guesses] == ["nb"] * 3 + ["nn"] * 3
    assert all(g.confidence > 0.9 for g in guesses)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("We think that the municipality should have more money, and it is important.",
         "other:en"),
        ("Vi tycker att kommunen inte har gjort tillräckligt och att det är för dyrt.",
         "other:sv"),
    ],
)
def test_other_languages_are_flagged_not_forced(text: str, label: str) -> None:
    assert detect_standard(text).label == label


def test_very_short_text_is_not_confident() -> None:
    assert detect_standard("Hei").confidence <= 0.6


def test_mixed_submission_is_judged_per_segment() -> None:
    text = " ".join(NB) + "\n\n" + " ".join(NN)
    sub = Submission(id="x", source="x.txt", parts=(Part(text),))
    segs = segment_submission("x", sub.parts)
    subs2, segs2 = annotate_standards([sub], segs, trust=1.01)
    assert [s.standard for s in segs2] == ["nb", "nn"]
    assert subs2[0].standard == "mixed"


def test_pure_submission_segments_inherit() -> None:
    sub = Submission(id="y", source="y.txt", parts=(Part("\n\n".join(NN)),))
    segs = segment_submission("y", sub.parts)
    subs2, segs2 = annotate_standards([sub], segs)
    assert subs2[0].standard == "nn"
    assert {s.standard for s in segs2} == {"nn"}


@pytest.mark.shared
def test_evaluate_standard_meets_the_target() -> None:
    path = shared_file("nb-nn", "labelled_sentences_dev.csv")
    res = CliRunner().invoke(app, ["evaluate", "standard", str(path), "--text-field", "text",
                                   "--label-field", "language"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["n"] == 4000
    assert out["accuracy"] >= 0.98
    assert set(out["per_class"]) == {"nob", "nno"}


def test_evaluate_standard_on_a_small_file(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "gull.csv"
    rows = ["text,language"] + [f'"{t}",nob' for t in NB] + [f'"{t}",nno' for t in NN]
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["evaluate", "standard", str(p)])
    out = json.loads(res.output)
    assert out["accuracy"] == 1.0
    assert out["per_class"]["nno"]["recall"] == 1.0
    res = CliRunner().invoke(app, ["evaluate", "standard", str(p), "--label-field", "x"])
    assert res.exit_code != 0
