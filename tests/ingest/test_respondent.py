import pytest

from innonlp.ingest.respondent import classify_respondent


@pytest.mark.parametrize(
    ("name", "org", "meta", "expected"),
    [
        (None, "Nordvik kommune", None, "kommune"),
        (None, "Vestland fylkeskommune", None, "fylkeskommune"),
        (None, "Direktoratet for byggkvalitet", None, "statlig virksomhet"),
        (None, "Høgskulen i Volda", None, "statlig virksomhet"),
        (None, "Statsforvalteren i Innlandet", None, "statlig virksomhet"),
        (None, "Norsk Sykepleierforbund", None, "organisasjon"),
        (None, "Bygdelaget Heia", None, "organisasjon"),
        (None, "Kodehuset AS", None, "næringsliv"),
        ("Kari Nordmann", None, None, "privatperson"),
        ("Kari Nordmann", None, "Kommune", "kommune"),
        (None, None, "Innbygger", "privatperson"),
        (None, None, None, "ukjent"),
        ("x", None, "vet ikke", "ukjent"),
    ],
)
def test_rules(name, org, meta, expected) -> None:  # noqa: ANN001
    rtype, reason = classify_respondent(name, org, meta)
    assert rtype == expected
    assert reason  # every decision says why


def test_an_organisation_named_only_in_the_text_is_found_by_the_recogniser(tmp_path) -> None:  # noqa: ANN001
    from innonlp import ingest
    from innonlp.nlp.loader import NorwegianNLP
    from innonlp.nlp.persons import organisation_finder

    (tmp_path / "svar.txt").write_text(
        "Innspill fra Statens vegvesen\n\nVi mener at sykkelveiene må bli tryggere.",
        encoding="utf-8")
    find = organisation_finder(NorwegianNLP("embedded"))
    plain = ingest([tmp_path]).submissions[0]
    found = ingest([tmp_path], org_finder=find).submissions[0]
    assert plain.organisation is None and plain.respondent_type == "ukjent"  # rules: nothing
    assert found.organisation == "Statens vegvesen"
    assert found.respondent_type == "statlig virksomhet"
    assert "named-entity recogniser" in found.respondent_type_reason
