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
