from innonlp.ingest.segment import segment_submission
from innonlp.ingest.sentences import sentences
from innonlp.types import Part


def test_ids_offsets_and_headings() -> None:
    text = ("Digitalisering\n\nVi mener at felles løsninger er viktig for alle kommuner.\n\n"
            "Regelverk\n\nForsøksloven bør bli enklere å bruke for kommunene i landet.")
    segs = segment_submission("brev/x", (Part(text),))
    assert [s.id for s in segs] == ["brev/x#1", "brev/x#2"]
    assert [s.heading for s in segs] == ["Digitalisering", "Regelverk"]
    for s in segs:
        assert text[s.start : s.end] == s.text


def test_long_paragraphs_split_at_sentences_within_bound() -> None:
    sent = "Dette er en setning om innovasjon i offentlig sektor, f.eks. i kommunene. "
    text = sent * 40
    segs = segment_submission("s", (Part(text.strip()),), max_chars=300)
    assert len(segs) > 5
    for s in segs:
        assert len(s.text) <= 300
        assert s.text.endswith("kommunene.")
        assert text[s.start : s.end] == s.text


def test_numbering_runs_over_parts_and_keeps_questions() -> None:
    parts = (Part("Svar på første spørsmål som er langt nok.", question="spm1"),
             Part("Svar på andre spørsmål som også er langt nok.", question="spm2"))
    segs = segment_submission("skjema/S1", parts)
    assert [(s.id, s.part, s.question) for s in segs] == [
        ("skjema/S1#1", 0, "spm1"), ("skjema/S1#2", 1, "spm2")]


def test_one_huge_sentence_is_still_bounded() -> None:
    text = "ord " * 5000
    segs = segment_submission("s", (Part(text.strip()),), max_chars=500)
    assert all(len(s.text) <= 500 for s in segs)
    assert sum(len(s.text.split()) for s in segs) == 5000


def test_sentence_splitter_keeps_abbreviations() -> None:
    text = ("Vi viser til brev av 3. mars 2025. Kommunen mener bl.a. at f.eks. § 3-1 bør endres, "
            "jf. kap. 4 og pkt. 2. Se også nr. 5 mv. Dette er siste setning.")
    assert sentences(text) == [
        "Vi viser til brev av 3. mars 2025.",
        "Kommunen mener bl.a. at f.eks. § 3-1 bør endres, jf. kap. 4 og pkt. 2.",
        "Se også nr. 5 mv.",
        "Dette er siste setning.",
    ]
