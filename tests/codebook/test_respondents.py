"""Who said what: ministry order, persons counted and never named, best sentence kept."""

from __future__ import annotations

from innonlp.codebook.respondents import Mention, paragraph, respondents


def test_groups_in_ministry_order() -> None:
    doc = respondents([
        Mention("a", "Fjellvik kommune", "kommune", "Kort.", 0.2),
        Mention("a", "Fjellvik kommune", "kommune", "Beste setning om temaet.", 0.9),
        Mention("b", "Datatilsynet", "statlig virksomhet", "Vi støtter.", 0.5),
        Mention("c", "Ola Nordmann", "privatperson", "Hemmelig navn.", 0.9),
        Mention("d", None, "privatperson", "Også en person.", 0.4),
        Mention("e", "KS", "organisasjon", "Bra.", 0.3)])
    assert [g["respondent_type"] for g in doc["groups"]] == ["statlig virksomhet", "kommune",
                                                              "organisasjon"]
    assert doc["groups"][1]["bodies"][0]["evidence"] == "Beste setning om temaet."
    assert doc["n_private_persons"] == 2
    text = paragraph(doc)
    assert "Ola Nordmann" not in text
    assert text == ("Temaet tas opp av 1 statlig virksomhet: Datatilsynet; 1 kommune: "
                    "Fjellvik kommune; 1 organisasjon: KS; og 2 privatpersoner.")


def test_empty_theme() -> None:
    assert paragraph(respondents([])) == "Ingen høringsinstanser tok opp temaet."
