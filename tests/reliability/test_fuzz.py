"""Property and fuzz tests (hypothesis) over ingest, the Norwegian layer and theme finding,
plus the edge-case consultations the issue lists, run end to end."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from innonlp import ingest
from innonlp.nlp.loader import load_pipeline
from innonlp.run.pipeline import analyze
from innonlp.themes.finder import OUTLIER, ThemeFinder

FUZZ = settings(deadline=None, max_examples=60,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
RTL = "שלום عربي ‏‎"
EMOJI = "👍🏽🇳🇴✨"
# letters Norwegian texts use, control characters, right-to-left text, emoji, and the rest
ALPHABET = st.one_of(st.sampled_from("æøåÆØÅ éü.,;:!?-–«»\n\t\r\x00\x07\x1b\u200b\ufeff"
                                     + RTL + EMOJI),
                     st.characters(blacklist_categories=("Cs",)))
TEXTS = st.text(alphabet=ALPHABET, max_size=400)


@FUZZ
@given(texts=st.lists(TEXTS, min_size=1, max_size=4),
       suffix=st.sampled_from([".txt", ".md", ".html", ".csv", ".json"]))
def test_ingest_accounts_for_every_input(tmp_path_factory: pytest.TempPathFactory,
                                         texts: list[str], suffix: str) -> None:
    d = tmp_path_factory.mktemp("fuzz")
    for i, t in enumerate(texts):
        (d / f"f{i}{suffix}").write_bytes(t.encode("utf-8", errors="surrogatepass"))
    res = ingest([d])
    seen = {e.input.split("#row")[0].split("#")[0] for e in res.entries + res.containers}
    assert {str(d / f"f{i}{suffix}") for i in range(len(texts))} <= seen  # every file
    c = res.counts()
    assert c["inputs"] == c["processed"] + c["skipped"] + c["failed"] == len(res.entries)
    for e in res.entries:
        assert e.status in ("processed", "skipped", "failed")
        assert e.status == "processed" or e.reason
    for s in res.segments:
        assert s.text.strip() and 0 <= s.start < s.end


@FUZZ
@given(text=TEXTS, standard=st.sampled_from(["nb", "nn"]))
def test_language_layer_never_crashes(text: str, standard: str) -> None:
    doc = load_pipeline(standard)(text)
    assert doc.text == text  # nothing lost or invented by the tokenizer
    for tok in doc:
        if not tok.is_space:
            assert tok.lemma_ is not None and tok.pos_


@FUZZ
@given(docs=st.lists(st.lists(st.sampled_from(["skole", "vei", "helse", "lege", "buss",
                                               "bru", "elev", "lærer", "ord"]),
                              max_size=8), min_size=1, max_size=40),
       seed=st.integers(0, 3))
def test_theme_finder_invariants(docs: list[list[str]], seed: int) -> None:
    f = ThemeFinder(random_state=seed, min_theme_size=2).fit(docs)
    assert len(f.labels_) == len(docs) == len(f.sublabels_) == len(f.similarity_)
    assert set(f.labels_.tolist()) <= set(range(f.n_themes_)) | {OUTLIER}
    assert ((f.labels_ >= 0).sum() + (f.labels_ == OUTLIER).sum()) == len(docs)
    again = ThemeFinder(random_state=seed, min_theme_size=2).fit(docs)
    assert np.array_equal(f.labels_, again.labels_)


def _consultation(tmp_path: Path, texts: dict[str, str]) -> Path:
    d = tmp_path / "inn"
    d.mkdir()
    for name, t in texts.items():
        (d / name).write_text(t, encoding="utf-8")
    return d


CAMPAIGN = ("Jeg skriver som innbygger i distriktet. Små kommuner har ikke kapasitet til å delta "
            "i store innovasjonsprosjekter, fordi de samme personene har ansvar for mange "
            "oppgaver. Jeg ber departementet sette av egne midler til innovasjon i små kommuner "
            "og gjøre søknadene enklere. {}")


@pytest.mark.parametrize("case", [
    "one", "two_identical", "only_campaign", "empty_and_blank", "megabyte_paragraph",
    "long_tokens", "mixed_languages"])
def test_edge_case_consultations_run_end_to_end(tmp_path: Path, case: str) -> None:
    long_text = ("Kommunen bør satse på kollektivtrafikk og sykkelveier. " * 20_000)[:1_000_000]
    texts = {
        "one": {"a.txt": "Vi ønsker bedre kollektivtilbud i kommunen."},
        "two_identical": {"a.txt": "Vi ønsker bedre kollektivtilbud.",
                          "b.txt": "Vi ønsker bedre kollektivtilbud."},
        "only_campaign": {f"k{i}.txt": CAMPAIGN.format(f"Hilsen innbygger {i}.")
                          for i in range(6)},
        "empty_and_blank": {"tom.txt": "", "blank.txt": "   \n\t\n",
                            "ok.txt": "Skolen trenger flere lærere."},
        "megabyte_paragraph": {"stor.txt": long_text, "liten.txt": "Flere busser, takk."},
        "long_tokens": {"lang.txt": "x" * 50_000 + " " + "æøå" * 10_000 + " slutt.",
                        "ok.txt": "Bedre veier i bygda."},
        "mixed_languages": {"en.txt": "We want better buses and safer roads in the town.",
                            "sv.txt": "Vi vill ha bättre bussar och säkrare vägar i staden.",
                            "nn.txt": "Vi vil ha betre bussar og tryggare vegar i bygda.",
                            "nb.txt": "Vi vil ha bedre busser og tryggere veier i byen."},
    }[case]
    out = tmp_path / "run"
    res = analyze([_consultation(tmp_path, texts)], out)
    c = res.manifest["counts"]
    assert c["inputs"] == len(texts) == c["processed"] + c["skipped"] + c["failed"]
    assert (out / "manifest.json").is_file() and (out / "themes.json").is_file()
    if case == "empty_and_blank":
        assert c["skipped"] == 2 and c["processed"] == 1
    if case == "only_campaign":
        assert res.manifest["campaign_summary"]["campaigns"] == 1
