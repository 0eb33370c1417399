"""Campaign detection, measured against the sample consultation's ground truth."""

import itertools
import json
from pathlib import Path

from innonlp import ingest, load_config
from innonlp.ingest.campaign import find_campaigns

from ..conftest import sample_truth_ids

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample-consultation"


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2)}


def test_precision_and_recall_on_the_sample() -> None:
    truth = json.loads((SAMPLE / "ground_truth.json").read_text(encoding="utf-8"))
    res = ingest([SAMPLE / "innspill"], load_config(SAMPLE / "innonlp.toml"))
    truth_id = sample_truth_ids(res.submissions)
    found = _pairs([[truth_id[m] for m in c.member_ids] for c in res.campaigns])
    gold = _pairs(list(truth["campaigns"].values()))
    tp = len(found & gold)
    precision = tp / len(found) if found else 0.0
    recall = tp / len(gold)
    print(f"campaign pairs: precision={precision:.3f} recall={recall:.3f}")
    assert precision >= 0.9
    assert recall >= 0.9
    members = {m for c in res.campaigns for m in c.member_ids}
    subs = {s.id: s for s in res.submissions}
    assert all(subs[m].campaign_id for m in members)
    assert sum(s.campaign_id is not None for s in res.submissions) == len(members)


def test_shared_text_and_additions() -> None:
    template = ("Vi krever at nærbutikken i bygda får beholde posttjenestene sine, fordi mange "
                "eldre ikke har bil og trenger å hente pakker og brev i nærheten av der de bor. "
                "Vi ber derfor kommunen om å ta saken opp med Posten og med fylket.")
    texts = {f"k{i}": template + (f" Personlig tillegg nummer {i} om bygda vår." if i % 2 else "")
             for i in range(6)}
    texts["annet"] = "Et helt annet innspill om skolestruktur og kollektivtrafikk i fylket vårt " \
                     "som ikke har noe med butikken å gjøre, men handler om busser og skoler."
    (camp,) = find_campaigns(texts)
    assert set(camp.member_ids) == {f"k{i}" for i in range(6)}
    assert camp.shared_text == template
    adds = dict(camp.additions)
    assert adds["k1"] == "Personlig tillegg nummer 1 om bygda vår."
    assert adds["k2"] == ""


def test_two_similar_letters_are_not_a_campaign() -> None:
    t = "Dette er et langt innspill om veien over fjellet og hvorfor den må holdes åpen " * 3
    assert find_campaigns({"a": t, "b": t}) == []
