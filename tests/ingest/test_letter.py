from innonlp.ingest.letter import clean_letter


def test_bokmal_letter_is_stripped_and_submitter_extracted(letter_nb: str) -> None:
    res = clean_letter(letter_nb)
    assert res.text.startswith("Kommunen støtter forslaget")
    assert res.text.endswith("overgangsperiode for små kommuner.")
    for gone in ("Deres ref", "Vår ref", "Dato:", "Med vennlig hilsen", "Org.nr",
                 "elektronisk godkjent", "Postboks", "Kommunedirektør", "Rådhusgata"):
        assert gone not in res.text
    assert res.submitter == "Kari Nordvik"
    assert res.organisation == "Nordvik kommune"
    assert res.title and res.title.startswith("Høringssvar")
    kinds = {r.kind for r in res.removed}
    assert {"letterhead", "reference", "subject", "signature", "electronic-approval",
            "contact"} <= kinds


def test_removed_spans_point_into_the_original(letter_nb: str) -> None:
    res = clean_letter(letter_nb)
    for span in res.removed:
        assert letter_nb[span.start : span.end] == span.text
    # nothing lost: every non-blank original line is either kept or recorded as removed
    kept = set(res.text.split("\n"))
    removed = {r.text for r in res.removed}
    for line in letter_nb.split("\n"):
        if line.strip():
            assert line in kept or line in removed, line


def test_offsets_map_back_to_the_original(letter_nb: str) -> None:
    res = clean_letter(letter_nb)
    i = res.text.index("Kommunen ber")
    j = res.to_original(i)
    assert letter_nb[j : j + 12] == "Kommunen ber"


def test_nynorsk_letter(letter_nn: str) -> None:
    res = clean_letter(letter_nn)
    assert res.text.startswith("Kommunen meiner")
    assert "helsing" not in res.text.lower()
    assert "Dykkar ref" not in res.text
    assert "handskrivne" not in res.text
    assert res.submitter == "Sigrid Haugen"
    assert res.organisation == "Fjellheim kommune"


def test_plain_text_without_letter_furniture_is_untouched() -> None:
    text = "Digitalisering\n\nVi mener at felles løsninger må prioriteres av staten nå."
    res = clean_letter(text)
    assert res.text == text
    assert res.removed == []


def test_informal_email_greeting_and_signature() -> None:
    text = "Hei!\n\nJeg synes biblioteket bør ha lengre åpningstider om kvelden.\n\nMvh\nOla Dunk\n"
    res = clean_letter(text)
    assert res.text == "Jeg synes biblioteket bør ha lengre åpningstider om kvelden."
    assert res.submitter == "Ola Dunk"
    assert res.organisation is None
