"""``evaluate summaries``: extractive drafts against human summaries, lead and human."""

import json
from pathlib import Path

import pytest

from innonlp.compare.calibrate import article_sentences, evaluate_summaries
from innonlp.errors import ConfigError, InputError

from ..conftest import shared_file


def _corpus(tmp_path: Path) -> Path:
    arts = [{
        "id": "a1",
        "article": "Ny bru over fjorden | Trafikk | Kommunestyret vedtok i går å bygge en ny "
                   "bru over fjorden. Brua skal stå ferdig om fire år. Bygget koster 800 "
                   "millioner kroner, og staten betaler halvparten. Ferjesambandet legges ned "
                   "når brua åpner. Mange pendlere ser fram til kortere reisetid.",
        "summaries_nb": [{"summary1": "Kommunestyret vil bygge ny bru over fjorden."},
                         {"summary2": "En ny bru over fjorden skal stå ferdig om fire år."},
                         {"summary3": "Brua koster 800 millioner, og ferja legges ned."}],
        "summaries_nn": [{"summary1": "Kommunestyret vil byggje ny bru over fjorden."},
                         {"summary2": "Ei ny bru over fjorden skal stå ferdig om fire år."},
                         {"summary3": "Brua kostar 800 millionar, og ferja vert lagd ned."}],
    }]
    p = tmp_path / "norsumm.json"
    p.write_text(json.dumps(arts, ensure_ascii=False), encoding="utf-8")
    return p


def test_crossheads_are_left_out() -> None:
    sents = article_sentences("Tittel på saken | Trafikk | Kommunestyret vedtok i går å bygge "
                              "en ny bru over fjorden. Brua skal stå ferdig om fire år.")
    assert sents == ["Kommunestyret vedtok i går å bygge en ny bru over fjorden.",
                     "Brua skal stå ferdig om fire år."]


def test_small_corpus_reports_all_systems(tmp_path: Path) -> None:
    p = _corpus(tmp_path)
    for std in ("nb", "nn"):
        r = evaluate_summaries(p, std)
        assert r["n_articles"] == 1 and r["standard"] == std
        for name in ("innonlp", "lead", "human"):
            assert set(r[name]) == {"rouge1", "rouge2", "rougeL"}
            assert all(0 <= v <= 1 for v in r[name].values())
        assert r["innonlp"]["rouge1"] > 0
    with pytest.raises(ConfigError):
        evaluate_summaries(p, "sv")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(InputError):
        evaluate_summaries(bad)


@pytest.mark.parametrize("standard", ["nb", "nn"])
def test_norsumm_dev_target(standard: str) -> None:
    r = evaluate_summaries(shared_file("norsumm", "NorSumm_dev.json"), standard)
    print(json.dumps(r))
    assert r["n_articles"] == 30
    assert r["innonlp"]["rouge1"] >= r["lead"]["rouge1"]
    assert r["innonlp"]["rougeL"] >= r["lead"]["rougeL"]
