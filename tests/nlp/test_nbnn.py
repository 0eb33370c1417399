"""The Nynorsk → Bokmål lemma map: shipped pairs, the lookup API and the builder."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from innonlp.nlp import build_nbnn as b
from innonlp.nlp import nbnn
from innonlp.nlp.nbnn_pairs import PAIRS_TEXT, hand_pairs

KNOWN = {
    "føresegn": "bestemmelse", "framlegg": "forslag", "løyve": "tillatelse",
    "verksemd": "virksomhet", "høyring": "høring", "tilråding": "anbefaling",
    "utgreiing": "utredning", "kunngjering": "kunngjøring", "fråsegn": "uttalelse",
    "røynsle": "erfaring", "naudsynt": "nødvendig", "eigedom": "eiendom", "ikkje": "ikke",
    "teneste": "tjeneste", "eg": "jeg", "ho": "hun", "dei": "de", "berre": "bare",
    "difor": "derfor", "kva": "hva", "kvar": "hver",
}
SHIPPED_RULES = {"vanleg": "vanlig", "auke": "øke", "straum": "strøm", "gjeldande": "gjeldende",
                 "helseteneste": "helsetjeneste", "eigedomsskatt": "eiendomsskatt",
                 "lovframlegg": "lovforslag", "arbeidstakar": "arbeidstaker"}
BOKMAAL = ["kommune", "forskrift", "eiendom", "virksomhet", "søknad", "vedtak", "krav",
           "forslag", "høring", "tjeneste", "barnehage", "ikke", "være", "tillatelse"]


@pytest.mark.parametrize(("nn", "nb"), sorted((KNOWN | SHIPPED_RULES).items()))
def test_known_pairs_map(nn: str, nb: str) -> None:
    assert nbnn.to_bokmaal(nn) == nb
    assert nbnn.shared_feature(nn.capitalize(), "nn") == nb


@pytest.mark.parametrize("word", BOKMAAL)
def test_bokmaal_maps_to_itself(word: str) -> None:
    assert nbnn.to_bokmaal(word) == word
    assert nbnn.shared_feature(word, "nb") == word
    assert not nbnn.is_mapped(word)


def test_shipped_targets_are_not_keys() -> None:
    """No chains: a Bokmål lemma of the map is never itself mapped on."""
    table = nbnn.nbnn_map()
    assert not {nb for nb in table.values()} & set(table)


def test_many_is_lookup_in_order() -> None:
    words = ["ikkje", "kommune", "eigedom", "ukjentord"]
    assert nbnn.to_bokmaal_many(words) == ["ikke", "kommune", "eiendom", "ukjentord"]
    assert nbnn.to_bokmaal_many(iter(words)) == nbnn.to_bokmaal_many(words)


def test_compound_fallback_only_for_nynorsk() -> None:
    word = "verksemdsplanen"  # not in the map; the parts are
    assert not nbnn.is_mapped(word)
    assert nbnn.map_compound("verksemdsplan") == "virksomhetsplan"
    assert nbnn.shared_feature("verksemdsplan", "nn") == "virksomhetsplan"
    assert nbnn.shared_feature("verksemdsplan", "nb") == "verksemdsplan"
    assert nbnn.shared_feature("talsmann", "nb") == "talsmann"


def test_merge_vocabulary() -> None:
    vocab = ["eigedom", "eiendom", "kommune", "ikkje", "ikke"]
    merged, ids = nbnn.merge_vocabulary(vocab)
    assert merged == ["eiendom", "kommune", "ikke"]
    assert ids.tolist() == [0, 0, 1, 2, 2] and ids.dtype == np.int64
    counts = np.zeros(len(merged))
    np.add.at(counts, ids, [1, 2, 3, 4, 5])
    assert counts.tolist() == [3, 3, 9]


def test_parse_map_skips_comments() -> None:
    assert nbnn.parse_map("# x\nkva\thva\thand\n\nikkje\tikke\n") == {"kva": "hva",
                                                                     "ikkje": "ikke"}


def test_shipped_data_is_words_not_sentences() -> None:
    text = (Path(b.__file__).parent / "data" / b.OUTPUT.name).read_text(encoding="utf-8")
    body = [ln for ln in text.splitlines() if not ln.startswith("#")]
    assert len(body) > 5000
    assert len(text.encode()) < 1_500_000
    word = re.compile(r"^[\wæøåéèêóòôü-]+$")
    for line in body:
        nn, nb, how = line.split("\t")
        assert word.match(nn) and word.match(nb), line
        assert how in ("hand", "rule", "compound")
    assert body == sorted(body)
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert any("CC0" in ln for ln in header) and any("simplemma" in ln for ln in header)


def test_hand_pairs_are_words() -> None:
    tokens = PAIRS_TEXT.split()
    assert all(t.count("=") == 1 for t in tokens)
    nn = Counter(t.partition("=")[0] for t in tokens)
    assert max(nn.values()) == 1  # each Nynorsk word once
    pairs = hand_pairs()
    assert all(" " not in k + v and k != v for k, v in pairs.items())
    assert pairs["føresegn"] == "bestemmelse"


# ---- the builder on tiny in-memory sources ------------------------------------------------

def _sources() -> b.Sources:
    nob = Counter({"vanlig": 50, "tjeneste": 40, "helsetjeneste": 5, "øke": 30, "hvit": 9,
                   "forslag": 60, "lovforslag": 4, "kommune": 90, "tillatelse": 20,
                   "byggesak": 3, "helse": 30, "lov": 70, "ikke": 900, "ikkje": 1, "løs": 5, "navn": 12})
    nno = Counter({"vanleg": 40, "teneste": 35, "auke": 20, "kvit": 8, "framlegg": 50,
                   "kommune": 80, "ikkje": 800, "byggjesak": 3, "laus": 4, "namn": 10,
                   "helseteneste": 2})
    return b.Sources(nob=nob, nno=nno, nb_lexicon=frozenset({"vanlig", "lovforslag"}),
                     nn_lexicon=frozenset({"lovframlegg", "byggjeløyve"}), credits=("test",))


def test_builder_on_tiny_input() -> None:
    pairs = {"framlegg": "forslag", "løyve": "tillatelse", "ikkje": "ikke"}
    got = {k: v for k, (v, _) in b.build_mapping(_sources(), pairs).items()}
    assert got["vanleg"] == "vanlig"  # -leg → -lig
    assert got["teneste"] == "tjeneste" and got["helseteneste"] == "helsetjeneste"
    assert got["auke"] == "øke" and got["laus"] == "løs" and got["kvit"] == "hvit"
    assert got["byggjesak"] == "byggesak" and got["namn"] == "navn"
    assert got["lovframlegg"] == "lovforslag"  # compound through a hand pair
    assert got["ikkje"] == "ikke"  # Nynorsk despite one Bokmål token
    assert "kommune" not in got  # Bokmål as well
    assert "byggjeløyve" not in got  # "byggetillatelse" is no Bokmål lemma here


def test_builder_is_deterministic() -> None:
    pairs = {"framlegg": "forslag", "ikkje": "ikke"}
    one = b.render(b.build_mapping(_sources(), pairs), ("test",)).encode()
    two = b.render(b.build_mapping(_sources(), dict(reversed(pairs.items()))),
                   ("test",)).encode()
    assert one == two
    assert one.startswith(b"# innonlp: Nynorsk lemma") and b"# Source: test" in one


def test_builder_main_writes_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(b, "load_sources", lambda shared: _sources())
    out = tmp_path / "nbnn.tsv"
    assert b.main(["--shared", str(tmp_path), "--out", str(out)]) == 0
    first = out.read_bytes()
    b.main(["--shared", str(tmp_path), "--out", str(out)])
    assert out.read_bytes() == first
    assert nbnn.parse_map(first.decode())["framlegg"] == "forslag"


def test_is_bokmaal_uses_treebank_shares() -> None:
    src = _sources()
    assert b.is_bokmaal("kommune", src) and not b.is_bokmaal("ikkje", src)
    assert b.is_bokmaal("lovforslag", src)  # dictionary only
    assert not b.is_bokmaal("lovframlegg", src)


def test_rewrites_breadth_first() -> None:
    got = dict((c, d) for d, c in b.rewrites("høyringsfråsegn"))
    assert got["høringsfråsegn"] == 1
    assert all(d <= b.MAX_DEPTH for d in got.values())
