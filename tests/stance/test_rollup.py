"""Roll-up rules on invented answers (Bokmål and Nynorsk): submission stance with its evidence,
the "ingen merknader" bucket and its look-alikes, segment tallies and theme aggregation."""

import json
from pathlib import Path

import pytest

from innonlp.stance import (
    StanceRow,
    combine_stances,
    decide,
    merge_tallies,
    scores,
    stance_of_text,
    tally,
    text_sentences,
    theme_stances,
)

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("text", "stance", "evidence_starts"), [
    ("Vi har lest høringsnotatet. Forbundet støtter forslaget.", "støtter", "Forbundet støtter"),
    ("Kommunen støttar framlegget om nye reglar for skuleskyss.", "støtter", "Kommunen støttar"),
    ("Vi går imot forslaget. Det blir for dyrt for kommunene.", "imot", "Vi går imot"),
    ("Eg er ueinig i framlegget. Det rammar bygdene.", "imot", "Eg er ueinig"),
    ("Vi støtter forslaget i kapittel 2. Vi går imot forslaget i kapittel 5.", "delvis",
     "Vi går imot"),
    ("Vi støtter forslaget, men forutsetter at staten dekker kostnadene.", "delvis",
     "Vi støtter forslaget, men forutsetter"),
    ("Vi støttar framlegget. Vi føreset at ordninga blir evaluert etter to år.", "delvis",
     "Vi føreset"),
    ("LHL forutsetter at pasientene blir spurt først.", "delvis", "LHL forutsetter"),
    ("Vi går imot forslaget. Dersom det vedtas, forutsetter vi en overgangsordning.", "imot",
     "Vi går imot"),
    ("Vi har ingen merknader til høringen.", "ingen_merknader", "Vi har ingen merknader"),
    ("Vi har inga merknader.\n\nMed venleg helsing\nFagavdelinga", "ingen_merknader",
     "Vi har inga merknader"),
    ("Vi har ingen merknader til kapittel 3, men går imot forslaget i kapittel 4.", "imot",
     "Vi har ingen merknader til kapittel 3, men går imot"),
    ("Kommunen har mange innbyggere og lange avstander.", "uklart", None),
])
def test_submission_rules(text: str, stance: str, evidence_starts: str | None) -> None:
    got = stance_of_text(text)
    assert got.stance == stance, got.rule
    if evidence_starts is None:
        assert got.evidence is None
    else:
        assert got.evidence is not None and got.evidence.sentence.startswith(evidence_starts)


def test_dominant_side_wins_over_delvis() -> None:
    text = ("Vi går imot forslaget. Vi fraråder sterkt at det vedtas. Vi avviser hele ordningen. "
            "Vi støtter at saken er utredet.")
    assert stance_of_text(text).stance == "imot"


def test_weak_cues_decide_only_without_strong_ones() -> None:
    assert stance_of_text("Ordningen er i strid med Grunnloven.").stance == "imot"
    text = "Vi støtter forslaget. Dagens praksis er i strid med loven."
    assert stance_of_text(text).stance == "støtter"


def test_svartype_uten_merknad_only_without_substance() -> None:
    assert stance_of_text("Se vedlegg.", svartype="Uten merknad").stance == "ingen_merknader"
    long = ("Kommunen har mange innbyggere og lange avstander, og skolene ligger spredt. " * 4)
    assert stance_of_text(long, svartype="Uten merknad").stance == "uklart"
    argued = "Vi går imot forslaget fordi det rammer de minste kommunene."
    assert stance_of_text(argued, svartype="Uten merknad").stance == "imot"
    got = stance_of_text("Se vedlegg.", svartype="Uten merknad")
    assert got.evidence is not None and got.evidence.index == -1


def test_no_comments_with_a_turn_is_not_the_bucket() -> None:
    text = ("Vi har ingen merknader til selve forslaget, men vil påpeke at kommunene trenger mer "
            "tid til opplæring.")
    assert stance_of_text(text).stance == "uklart"


def test_own_ingen_merknader_set_f1() -> None:
    rows = [json.loads(line) for line in (DATA / "ingen_merknader.jsonl").open(encoding="utf-8")]
    gold = [r["stance"] for r in rows]
    pred = [stance_of_text(r["text"]).stance for r in rows]
    result = scores(gold, pred)
    assert result["per_class"]["ingen_merknader"]["f1"] >= 0.95
    assert result["accuracy"] >= 0.9


def test_segment_tallies_merge_to_the_submission() -> None:
    seg1 = ["Vi støtter forslaget om nye ruter."]
    seg2 = ["Vi forutsetter at fylket dekker kostnadene.", "Takk for muligheten til å svare."]
    merged = decide(merge_tallies([tally(seg1), tally(seg2, offset=1)]))
    flat = decide(tally(seg1 + seg2))
    assert merged.stance == flat.stance == "delvis"
    assert merged.evidence == flat.evidence
    assert merged.evidence is not None and merged.evidence.index == 1


def test_text_sentences_split() -> None:
    assert text_sentences("Vi støtter forslaget. Det er bra.") == [
        "Vi støtter forslaget.", "Det er bra."]


def test_combine_stances() -> None:
    assert combine_stances(["støtter", "imot"]) == "delvis"
    assert combine_stances(["støtter", "uklart"]) == "støtter"
    assert combine_stances(["ingen_merknader", "imot"]) == "imot"
    assert combine_stances(["uklart"]) == "uklart"
    assert combine_stances([]) == "uklart"


def test_theme_stances() -> None:
    rows = [
        StanceRow("s1", "T1", "støtter", "kommune", "Vi støtter forslaget."),
        StanceRow("s2", "T1", "imot", "privatperson", "Jeg går imot."),
        ("s3", "T1", "imot", "privatperson"),
        ("s4", "T1", "delvis", "organisasjon"),
        ("s1", "T1", "uklart", "kommune"),  # a second segment of s1 on the same theme
        ("s5", "T2", "støtter", "kommune", "Kommunen støttar framlegget."),
    ]
    got = theme_stances(rows)
    assert list(got) == ["T1", "T2"]
    t1 = got["T1"]
    assert t1.n == 4
    assert t1.counts == {"støtter": 1, "imot": 2, "delvis": 1, "ingen_merknader": 0, "uklart": 0}
    assert t1.shares["imot"] == 0.5 and t1.shares["støtter"] == 0.25
    assert t1.controversy == 0.5
    assert t1.by_respondent["privatperson"]["imot"] == 2
    assert t1.by_respondent["kommune"]["støtter"] == 1
    assert t1.quote_for == ("s1", "Vi støtter forslaget.")
    assert t1.quote_against == ("s2", "Jeg går imot.")
    t2 = got["T2"]
    assert t2.controversy == 0.0 and t2.quote_against is None
    with pytest.raises(ValueError):
        theme_stances([("s1", "T1", "kanskje", "kommune")])
