"""Endorsements in Bokmål and Nynorsk."""

from __future__ import annotations

from innonlp.codebook.endorse import endorsement_counts, find_endorsements


def test_bokmaal_cues() -> None:
    assert find_endorsements("Kommunen slutter seg til KS' høringssvar.") == ["KS"]
    assert find_endorsements("Vi viser til og støtter uttalelsen fra Norsk Friluftsliv.") \
        == ["Norsk Friluftsliv"]
    assert find_endorsements("Vi støtter høringssvaret fra Datatilsynet.") == ["Datatilsynet"]


def test_nynorsk_cues() -> None:
    assert find_endorsements("Fylkeskommunen sluttar seg til KS' høyringssvar.") == ["KS"]
    assert find_endorsements("Vi støttar fråsegna frå Noregs Bondelag.") == ["Noregs Bondelag"]


def test_no_endorsement_and_counts() -> None:
    assert find_endorsements("Vi støtter forslaget om nye regler.") == []
    got = endorsement_counts({"a": ["KS"], "b": ["KS", "KS"], "c": []})
    assert got["KS"] == 2
