"""The codebook: TOML and document readers (DOCX, PDF, both written standards), reference
and keyword hits, similarity across Bokmål and Nynorsk."""

from __future__ import annotations

from pathlib import Path

import pytest

from innonlp.codebook.match import lead_reference, match_segments
from innonlp.codebook.model import document_seeds, normalise_reference, read_codebook
from innonlp.errors import ConfigError

TOML = """
[[theme]]
label = "Krav til dokumentasjon"
description = "Hva virksomheten må dokumentere og oppbevare."
keywords = ["dokumentasjon", "oppbevaring"]
references = ["§ 4-2"]

[[theme]]
label = "Tilsyn og sanksjoner"
keywords = ["tilsyn"]
references = ["punkt 3.1"]
"""


def test_toml_codebook(tmp_path: Path) -> None:
    f = tmp_path / "kb.toml"
    f.write_text(TOML, encoding="utf-8")
    book = read_codebook(f)
    assert [s.id for s in book.seeds] == ["S1", "S2"]
    assert book.seeds[0].references == ("§ 4-2",)
    assert "oppbevaring" in book.seeds[0].text


def test_unknown_key_is_named(tmp_path: Path) -> None:
    f = tmp_path / "kb.toml"
    f.write_text('[[theme]]\nlabel = "A"\nstikkord = ["x"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="stikkord"):
        read_codebook(f)
    f.write_text('tema = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="tema"):
        read_codebook(f)


def test_missing_and_wrong_format(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        read_codebook(tmp_path / "nope.toml")
    (tmp_path / "kb.xlsx").write_bytes(b"x")
    with pytest.raises(ConfigError, match="must be a"):
        read_codebook(tmp_path / "kb.xlsx")


def test_references() -> None:
    assert normalise_reference("§ 4-2") == "§4-2"
    assert normalise_reference("Punkt 3.1") == "punkt3.1"
    assert lead_reference("Til punkt 3.2: vi er usikre.") == "punkt3.2"
    assert lead_reference("Kommentar til § 12 første ledd") == "§12"
    assert lead_reference("Kommentarar til punkt 4") == "punkt4"  # Nynorsk
    assert lead_reference("Vi viser til punkt 3.2 i notatet.") is None


def test_document_seeds_from_headings() -> None:
    seeds = document_seeds(["Høringsnotat", "1 Innledning", "Bakgrunnen for forslaget.",
                            "3 Forslag til endringer", "Departementet foreslår …",
                            "3.2 Krav til rapportering", "Rapportering skal skje årlig."])
    assert [s.label for s in seeds] == ["1 Innledning", "3 Forslag til endringer",
                                        "3.2 Krav til rapportering"]
    assert seeds[2].references == ("punkt 3.2",)
    assert "årlig" in seeds[2].section_text


def _docx(path: Path, rows: list[tuple[str, bool]]) -> None:
    import docx

    d = docx.Document()
    for text, heading in rows:
        d.add_heading(text, level=1) if heading else d.add_paragraph(text)
    d.save(str(path))


def test_docx_codebook_nynorsk(tmp_path: Path) -> None:
    f = tmp_path / "notat.docx"
    _docx(f, [("2 Framlegg om endringar", True), ("Departementet gjer framlegg om nye reglar.",
                                                   False),
              ("2.1 Krav til opplæring", True), ("Tilsette skal få opplæring kvart år.", False)])
    book = read_codebook(f)
    assert book.kind == "document"
    assert [s.label for s in book.seeds] == ["2 Framlegg om endringar",
                                             "2.1 Krav til opplæring"]


def test_pdf_codebook(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    f = tmp_path / "notat.pdf"
    c = canvas.Canvas(str(f), pagesize=A4)
    y = 800
    for line in ("3 Forslag til endringer", "", "Departementet foreslår nye regler.", "",
                 "3.1 Krav til tilsyn", "", "Tilsynet skal skje hvert annet år."):
        c.drawString(72, y, line)
        y -= 30
    c.save()
    labels = [s.label for s in read_codebook(f).seeds]
    assert "3.1 Krav til tilsyn" in labels


def test_matching_reference_keyword_and_nothing(tmp_path: Path) -> None:
    f = tmp_path / "kb.toml"
    f.write_text(TOML, encoding="utf-8")
    book = read_codebook(f)
    texts = ["Kommentar til § 4-2: fristen er for kort.", "Tilsyn må skje oftere.",
             "Vi har ingen flere merknader."]
    docs = [["frist", "kort"], ["tilsyn", "skje"], ["merknad"]]
    seed_docs = [["krav", "dokumentasjon", "oppbevaring"], ["tilsyn", "sanksjon"]]
    got = match_segments(texts, docs, book, seed_docs)
    assert got[0].seed_ids == ("S1",) and got[0].matched_by[0].startswith("reference")
    assert got[1].seed_ids == ("S2",) and "keyword" in got[1].matched_by[0]
    assert got[2].seed_ids == () and got[2].score == 0.0
    assert match_segments(texts, docs, book, seed_docs) == got  # deterministic


def test_shared_features_many_is_shared_features() -> None:
    """The memoised features of many segments are exactly the one-by-one ones."""
    from innonlp.codebook.match import shared_features, shared_features_many
    from innonlp.nlp.analysis import StringTable, from_doc
    from innonlp.nlp.loader import NorwegianNLP

    layer, strings = NorwegianNLP("embedded"), StringTable()
    texts = [("Datadelingen mellom etatene må bli bedre.", "nb"),
             ("Datadelinga mellom etatane må bli betre, og føresegna må endrast.", "nn"),
             ("Datadelingen krever nye forskrifter.", "nb")]
    got = [from_doc(doc, str(i), s, strings)
           for doc, (i, s) in layer.pipe_mixed((t, s, (i, s))
                                                for i, (t, s) in enumerate(texts))]
    many = shared_features_many(got)
    assert many == [shared_features(a) for a in got]
    assert any("data" in f for f in many[0])


def test_word_starts_is_the_lookbehind_pattern() -> None:
    """The substring search finds exactly the places ``(?<!\\w)word`` matches: word starts,
    after spaces, punctuation, separators and at the start of the text, never inside a
    word (Norwegian letters, digits and underscores count as word characters)."""
    import re

    from innonlp.codebook.match import word_starts

    text = ("tilsyn, tilsynet og «tilsynsmyndigheten» – men ikke fortilsyn, ætilsyn, "
            "_tilsyn eller 2tilsyn.\x00tilsyn\ntilsyntilsyn")
    want = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape("tilsyn"), text)]
    assert word_starts(text, "tilsyn") == want
    assert len(want) == 5
    assert word_starts("", "tilsyn") == [] and word_starts("abc", "tilsyn") == []


def _one_by_one(texts: list[str], docs: list[list[str]], book: object,
                seed_docs: list[list[str]]) -> list[tuple]:
    """The matching rule written segment by segment, as the module docstring states it:
    cosine plus the keyword weight per hit must reach both bars; a lead reference always
    matches (and adds 1 to the score)."""
    import re

    from innonlp.codebook.match import MATCHED_BY, MatchParams, _reference_hits, similarities
    from innonlp.nlp.nbnn import shared_feature

    p, seeds = MatchParams(), book.seeds  # type: ignore[attr-defined]
    sim = similarities(docs, seed_docs)
    refs = [{r for r in map(normalise_reference, s.references) if r} for s in seeds]
    out = []
    for i, text in enumerate(texts):
        low, feats = text.lower(), set(docs[i])
        ref_hits = _reference_hits(lead_reference(text), refs)
        n_kw = [sum(1 for k in s.keywords if shared_feature(k.lower()) in feats
                    or re.search(r"(?<!\w)" + re.escape(k.lower()), low)) for s in seeds]
        value = [float(sim[i, j]) + p.keyword_weight * n_kw[j] for j in range(len(seeds))]
        bar = max(p.min_similarity, p.relative * max(value))
        got = []
        for j, s in enumerate(seeds):
            hit = value[j] >= bar
            by = [b for b, on in zip(MATCHED_BY, (j in ref_hits, hit and n_kw[j] > 0,
                                                  hit and sim[i, j] > 0), strict=True) if on]
            if by:
                got.append((s.id, round(min(1.0, value[j] + (1.0 if j in ref_hits else 0.0)),
                                        4), "+".join(by)))
        out.append(tuple(got))
    return out


def test_matching_is_the_rule_segment_by_segment(tmp_path: Path) -> None:
    """The array form of the matching gives what the rule gives one segment at a time, on
    segments with keywords inside and at the start of words, lead references to a point and
    to a sub-point, in both written standards, and nothing."""
    f = tmp_path / "kb.toml"
    f.write_text(TOML, encoding="utf-8")
    book = read_codebook(f)
    texts = ["Til punkt 3.1.2: tilsynet kommer for sjelden.",
             "Dokumentasjonskravene er tunge, og oppbevaring i ti år er for lenge.",
             "Kommentar til § 4-2: vi støtter forslaget.",
             "Eigentilsyn er ikkje nok; det trengst meir tilsyn.",
             "Vi har ingen flere merknader.",
             "Krav om dokumentasjon og tilsyn bør samordnes.",
             "Ettersyn av anlegg skjer årlig."]
    docs = [["tilsyn", "sjelden"], ["dokumentasjonskrav", "dokumentasjon", "krav", "tung"],
            ["støtte", "forslag"], ["eigentilsyn", "tilsyn"], ["merknad"],
            ["krav", "dokumentasjon", "tilsyn", "samordne"], ["ettersyn", "anlegg"]]
    seed_docs = [["krav", "dokumentasjon", "oppbevaring"], ["tilsyn", "sanksjon"]]
    got = [tuple(zip(m.seed_ids, m.scores, m.matched_by, strict=True))
           for m in match_segments(texts, docs, book, seed_docs)]
    assert got == _one_by_one(texts, docs, book, seed_docs)
    assert got[4] == () and got[6] == ()  # nothing, and "ettersyn" is no "tilsyn"
    assert got[0][0][0] == "S2" and got[0][0][2].startswith("reference")  # 3.1.2 → 3.1
    assert got[2] == (("S1", 1.0, "reference"),)
    assert got[3][0][0] == "S2" and "keyword" in got[3][0][2]
