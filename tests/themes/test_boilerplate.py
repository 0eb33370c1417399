"""Genre boilerplate as data: the lists, the line patterns and the label rule."""

from __future__ import annotations

import pytest

from innonlp.themes import boilerplate as bp


@pytest.mark.parametrize("text", [
    # numbers, dates, months
    "12", "2019", "1 020", "3.2", "2019/20", "3. juli 2019", "03.07.2019", "2019-07-03",
    "juli 2019", "Mai", "mai", "Jan", "Jan.", "desember", "Mai-juni", "tysdag",
    # section signs and references
    "§", "§ 4", "§§ 3-4", "nr.", "Nr.", "nr. 12", "kap. 4", "Kapittel 3", "jf. § 3",
    "jfr.", "ledd", "Bokstav", "punktum", "IV",
    # fragments and abbreviations
    "Vass-", "Helse-", "iflg.", "ikr", "f.eks.", "bl.a.", "mv.", "osv", "Red.",
    # single characters and stop words
    "x", "Å", "og", "ikkje", "det", "Vi",
    # genre lemmas and formulas of both standards
    "Forskrift", "føresegn", "Kraft", "Lov", "Følgende endringer", "følgjande endringar",
    "trer i kraft", "tek til å gjelde", "Vår ref.", "Dykkar ref.", "Side 3 av 12",
    "Endret ved lov 3. juli 2019", "",
])
def test_bad_labels(text: str) -> None:
    assert bp.is_bad_label(text)


@pytest.mark.parametrize("text", [
    "Innovative anskaffelser", "Personvern og kunstig intelligens",
    "Samarbeid med frivillig sektor", "Eiendomsskatt", "Forskrift om eiendomsskatt",
    "Barnehage", "Kommune", "Vedtak", "Liv", "Helse- og omsorgstjenester",
    "Plan- og bygningsloven", "Tilsyn", "Digitalisering", "Skule", "Vassforsyning",
])
def test_good_labels(text: str) -> None:
    assert not bp.is_bad_label(text)


@pytest.mark.parametrize("line", [
    "Endret ved forskrift 3. juli 2019 nr. 1020.", "0 Endra ved forskrift 1. mars 2020",
    "Tilføyd ved forskrift 12 des 2008 nr. 1376.", "Opphevet ved lov 20 juni 2014 nr. 40",
    "oppheva ved forskrift 1. jan 2021", "Vår ref.: 19/1234", "Dykkar referanse 2020/55",
    "Saksnr. 21/333", "Side 3 av 12", "3/12", "12. mai 2021",
])
def test_boilerplate_lines(line: str) -> None:
    assert bp.is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "Endringen gjelder skolen.", "Vi støtter forslaget om eiendomsskatt.",
    "Side om side med kommunen", "Opplæringa skal vere tilpassa.",
])
def test_content_lines(line: str) -> None:
    assert not bp.is_boilerplate_line(line)


def test_tokens() -> None:
    for tok in ("§", "§4", "nr.", "ledd", "iflg", "ikr.", "juni", "laurdag", "12", "jf."):
        assert bp.is_boilerplate_token(tok), tok
    for tok in ("kommune", "skole", "forskrift", "kraftverk"):
        assert not bp.is_boilerplate_token(tok), tok


def test_phrases() -> None:
    assert bp.is_boilerplate_phrase("Trer i kraft.")
    assert not bp.is_boilerplate_phrase("Forskriften trer i kraft straks")
    assert bp.contains_boilerplate_phrase("Forskriften trer i kraft straks")
    assert bp.contains_boilerplate_phrase("Forskrifta tek til å gjelde 1. juli")
    assert not bp.contains_boilerplate_phrase("Kraftverket trer fram")


def test_data_are_words_and_short_formulas_not_sentences() -> None:
    for name in ("MONTHS", "WEEKDAYS", "LEGAL_TOKENS", "GENRE_LABEL_LEMMAS"):
        words = getattr(bp, name)
        assert words and all(w == w.lower() and " " not in w for w in words), name
    for phrase in bp.BOILERPLATE_PHRASES:
        assert phrase == phrase.lower() and len(phrase.split()) <= 5, phrase
        assert not phrase.endswith((".", "!", "?")), phrase
    assert len(set(bp.BOILERPLATE_PHRASES)) == len(bp.BOILERPLATE_PHRASES)


def test_both_standards_present() -> None:
    assert {"mai", "juni", "desember"} <= bp.MONTHS
    assert {"endret", "endra", "opphevet", "oppheva"} <= bp.LEGAL_TOKENS
    assert {"forskrift", "føresegn"} <= bp.GENRE_LABEL_LEMMAS
    assert {"følgende endringer", "følgjande endringar", "vår ref",
            "dykkar ref"} <= set(bp.BOILERPLATE_PHRASES)
