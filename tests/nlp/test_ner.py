"""The embedded named-entity recogniser: the shipped model in the pipeline, BIO decoding, a
tiny fit, the CoNLL reader and the metric, ``innonlp evaluate ner``."""

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from innonlp.cli import app
from innonlp.nlp.evaluate_ner import gold_entities, read_texts, score
from innonlp.nlp.loader import build_pipeline, load_pipeline, resolve
from innonlp.nlp.ner import TYPES, EntityRecognizer, learn_gazetteer
from innonlp.nlp.ner_consistency import propagate
from innonlp.nlp.ner_decode import allowed_mask, bio_labels, spans, spans_of_ids, viterbi

from ..conftest import SHARED_DATA, shared_file

runner = CliRunner()
LABELS = bio_labels(TYPES)

# Invented sentences and names.
NB_TEXT = ("Statsminister Kari Nordvik besøkte Bergen mandag sammen med ordfører Per Holmsen "
           "fra Arbeiderpartiet. Hun snakket med NRK om saken.")
NN_TEXT = ("Statsministeren Kari Nordvik vitja Bergen måndag saman med ordførar Per Holmsen "
           "frå Arbeidarpartiet. Ho snakka med NRK om saka.")

# A hand-made CoNLL-U file: two sentences in one paragraph, four gold entities.
CONLLU = """# newpar
# sent_id = 1
# text = Siri Fjellheim flyttet til Molde.
1\tSiri\tSiri\tPROPN\t_\t_\t3\tnsubj\t_\tname=B-PER
2\tFjellheim\tFjellheim\tPROPN\t_\t_\t1\tflat\t_\tname=I-PER
3\tflyttet\tflytte\tVERB\t_\t_\t0\troot\t_\tname=O
4\ttil\ttil\tADP\t_\t_\t5\tcase\t_\tname=O
5\tMolde\tMolde\tPROPN\t_\t_\t3\tobl\t_\tSpaceAfter=No|name=B-GPE_LOC
6\t.\t$.\tPUNCT\t_\t_\t3\tpunct\t_\tname=O

# sent_id = 2
# text = Hun jobber i Vestlandsbanken og leser Dagbladet.
1\tHun\thun\tPRON\t_\t_\t2\tnsubj\t_\tname=O
2\tjobber\tjobbe\tVERB\t_\t_\t0\troot\t_\tname=O
3\ti\ti\tADP\t_\t_\t4\tcase\t_\tname=O
4\tVestlandsbanken\tVestlandsbanken\tPROPN\t_\t_\t2\tobl\t_\tname=B-ORG
5\tog\tog\tCCONJ\t_\t_\t6\tcc\t_\tname=O
6\tleser\tlese\tVERB\t_\t_\t2\tconj\t_\tname=O
7\tDagbladet\tDagbladet\tPROPN\t_\t_\t6\tobj\t_\tSpaceAfter=No|name=B-PROD
8\t.\t$.\tPUNCT\t_\t_\t2\tpunct\t_\tname=O

"""


def _ents(standard: str, text: str) -> list[tuple[str, str]]:
    doc = load_pipeline(standard, "embedded")(text)
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(("standard", "text", "party"), [
    ("nb", NB_TEXT, "Arbeiderpartiet"), ("nn", NN_TEXT, "Arbeidarpartiet")])
def test_shipped_model_finds_obvious_names(standard: str, text: str, party: str) -> None:
    ents = _ents(standard, text)
    for found in [("Kari Nordvik", "PER"), ("Per Holmsen", "PER"), ("Bergen", "GPE_LOC"),
                  (party, "ORG"), ("NRK", "ORG")]:
        assert found in ents
    assert all(label in TYPES for _, label in ents)


def test_pipeline_is_deterministic_and_handles_edge_cases() -> None:
    nlp = load_pipeline("nb", "embedded")
    fresh = build_pipeline(resolve("embedded", "nb"))
    assert [(e.start_char, e.label_) for e in nlp(NB_TEXT).ents] == \
        [(e.start_char, e.label_) for e in fresh(NB_TEXT).ents]
    assert list(nlp("").ents) == []
    assert list(nlp("   \n ").ents) == []
    doc = nlp("Hilsen  Ola   Nordmann\n\nog Kari Nordvik.")  # runs of spaces between names
    assert all(not e.text[0].isspace() and not e.text[-1].isspace() for e in doc.ents)


def test_sentence_starts_the_recogniser_sees() -> None:
    from spacy.strings import StringStore

    from innonlp.nlp.ner_component import EntityComponent

    strings = StringStore()
    words = ["Nynazist", "arrestert", "|", "Han", "sa", ":", "«", "Ja", ".", "«", "Nei",
             "»", "om", "Guitar", "Hero", ":", "World", "Tour", ".", "Så"]
    ids = np.array([strings.add(w) for w in words], dtype=np.uint64)
    split = np.isin(words, ["World", "Så"])[1:]  # what a sentencizer might say
    starts = EntityComponent("nb")._sentence_starts(ids[:-1], ids[1:], split, strings)
    assert [words[i + 1] for i in np.flatnonzero(starts)] == ["Han", "«", "«", "Så"]


def _valid(tags: list[int]) -> bool:
    prev = "O"
    for k in tags:
        lab = LABELS[k]
        if lab.startswith("I-") and prev[2:] != lab[2:]:
            return False
        prev = lab
    return True


def _brute_force(emit: np.ndarray, trans: np.ndarray, mask: np.ndarray) -> float:
    n_lab = emit.shape[1]
    best = -np.inf
    for path in itertools.product(range(n_lab), repeat=len(emit)):
        prev, total = n_lab, 0.0
        for i, k in enumerate(path):
            total += emit[i, k] + trans[prev, k] + mask[prev, k]
            prev = k
        best = max(best, total)
    return best


def _path_score(tags: np.ndarray, emit: np.ndarray, trans: np.ndarray) -> float:
    prev, total = emit.shape[1], 0.0
    for i, k in enumerate(tags.tolist()):
        total += emit[i, k] + trans[prev, k]
        prev = k
    return total


def test_viterbi_is_exact_and_never_yields_invalid_spans() -> None:
    rng = np.random.default_rng(3)
    labels = bio_labels(("PER", "ORG"))
    mask = allowed_mask(labels)
    for _ in range(60):
        n = int(rng.integers(1, 7))
        emit = rng.normal(size=(n, len(labels))) * 3
        emit[:, 0] += rng.choice([0.0, 30.0], size=n)  # some tokens certainly outside
        trans = rng.normal(size=(len(labels) + 1, len(labels)))
        starts = np.zeros(n, dtype=bool)
        tags = viterbi(emit, starts, trans, mask)
        assert np.isclose(_path_score(tags, emit, trans), _brute_force(emit, trans, mask))
    big = bio_labels(TYPES)
    emit = rng.normal(size=(500, len(big))) * 5
    starts = rng.random(500) < 0.1
    tags = viterbi(emit, starts, rng.normal(size=(len(big) + 1, len(big))), allowed_mask(big))
    assert _valid(tags.tolist())
    assert all(0 <= a < b <= 500 for a, b, _ in spans(tags.tolist(), big))


def _fixture_sentences() -> tuple[list[list[str]], list[list[str]]]:
    sents = [("Ola Nordmann bor i Tromsø .", "B-PER I-PER O O B-GPE_LOC O"),
             ("Eg heiter Kari Nordvik og bur i Bergen .", "O O B-PER I-PER O O O B-GPE_LOC O"),
             ("Han jobber i Havbruk AS .", "O O O B-ORG I-ORG O"),
             ("Kommunen støtter forslaget .", "O O O O")]
    return [s.split() for s, _ in sents], [t.split() for _, t in sents]


def test_tiny_fit_is_deterministic_and_learns_the_fixtures() -> None:
    words, tags = _fixture_sentences()
    fits = [EntityRecognizer(n_buckets=1 << 14, epochs=5, n_folds=2, prune=0.0).fit(
        words, tags) for _ in range(2)]
    assert np.array_equal(fits[0].weights_, fits[1].weights_)
    assert np.array_equal(fits[0].transitions_, fits[1].transitions_)
    for w, t in zip(words, tags, strict=True):
        assert fits[0].predict(w) == t
    assert fits[0].entities(["Ola", "Nordmann", "bor", "i", "Tromsø"]) == [
        (0, 2, "PER"), (4, 5, "GPE_LOC")]
    restored = EntityRecognizer.from_arrays(fits[0].to_arrays(), None)
    assert restored.predict(words[2]) == tags[2]
    assert learn_gazetteer(words, tags)["Tromsø"] == "GPE_LOC"


def test_fit_with_sentences_of_the_other_standard() -> None:
    words, tags = _fixture_sentences()
    other = [False, True, False, True]  # the Nynorsk sentence and one more marked
    fit = EntityRecognizer(n_buckets=1 << 14, epochs=5, n_folds=2, prune=0.0).fit(
        words, tags, other_standard=other)
    plain = EntityRecognizer(n_buckets=1 << 14, epochs=5, n_folds=2, prune=0.0).fit(
        words, tags)
    assert not np.array_equal(fit.buckets_, plain.buckets_)  # the marked copies differ
    for w, t in zip(words, tags, strict=True):
        assert fit.predict(w) == t
    pruned = EntityRecognizer(n_buckets=1 << 14, epochs=5, n_folds=2, prune=0.5).fit(
        words, tags, other_standard=other)
    assert 0 < len(pruned.buckets_) < 0.6 * len(fit.buckets_)
    assert set(pruned.buckets_.tolist()) <= set(fit.buckets_.tolist())


def test_spans_of_label_ids_and_propagation_in_a_text() -> None:
    per, org = LABELS.index("B-PER"), LABELS.index("B-ORG")
    # words: Kari Nordvik . Kari Nordvik og NRK . NRK kari   (type ids 5 6 7 5 6 8 9 7 9 4)
    ids = np.array([5, 6, 7, 5, 6, 8, 9, 7, 9, 4])
    cap = np.zeros(10, dtype=bool)
    cap[[5, 6, 9]] = True
    lab = np.array([per, per + 1, 0, 0, 0, 0, org, 0, 0, 0])
    assert spans_of_ids(lab) == [(0, 2), (6, 7)]
    assert spans_of_ids(np.array([per, per, per + 1, 0])) == [(0, 1), (1, 3)]
    out = propagate(lab, ids, cap)
    assert out.tolist() == [per, per + 1, 0, per, per + 1, 0, org, 0, org, 0]
    assert lab[3] == 0  # the input is left as it was
    # another text does not inherit the names
    texts = np.array([0] * 5 + [1] * 5)
    assert propagate(lab, ids, cap, texts)[3] == per
    assert propagate(lab, ids, cap, texts)[8] == org
    split = np.array([0, 0, 0, 1, 1, 1, 1, 1, 1, 1])
    assert propagate(lab, ids, cap, split)[3:5].tolist() == [0, 0]


def test_conll_reader_and_metric_on_a_hand_made_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    groups = read_texts(path)
    assert len(groups) == 1 and len(groups[0]) == 2
    text = " ".join(s.text for s in groups[0])
    gold = gold_entities(text, groups[0])
    assert [(text[a:b], t) for a, b, t in gold] == [
        ("Siri Fjellheim", "PER"), ("Molde", "GPE_LOC"), ("Vestlandsbanken", "ORG"),
        ("Dagbladet", "PROD")]
    (a, b, _), molde, (c, d, _), (e, f, _) = gold
    # right: the person; wrong type: the bank (GPE_ORG), the paper (MISC); wrong span:
    # "Fjellheim" alone; missed: Molde
    pred = {(a, b, "PER"), (c, d, "GPE_ORG"), (e, f, "MISC"), (a + 5, b, "PER")}
    result = score([set(gold)], [pred])
    assert result["entities"] == 4
    assert result["precision"] == 0.25 and result["recall"] == 0.25 and result["f1"] == 0.25
    assert result["per_type"]["PER"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667,
                                         "support": 1}
    assert result["per_type"]["GPE_LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                             "support": 1}
    # collapsed: GPE_ORG → ORG matches the bank, PROD and MISC are both MISC: 3 of 4 right
    assert result["f1_collapsed"] == 0.75


def test_evaluate_ner_command_prints_the_fields(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    res = runner.invoke(app, ["evaluate", "ner", str(path), "--standard", "nb"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert set(out) == {"entities", "precision", "recall", "f1", "per_type", "f1_collapsed",
                        "words_per_second", "tier", "model"}
    assert out["entities"] == 4 and out["tier"] == "embedded"
    assert set(out["per_type"]["PER"]) == {"precision", "recall", "f1", "support"}
    bad = runner.invoke(app, ["evaluate", "ner", str(path), "--standard", "se"])
    assert bad.exit_code != 0


@pytest.mark.skipif(not SHARED_DATA.exists(), reason="../shared/data is absent")
@pytest.mark.parametrize(("name", "standard", "floor"), [
    ("ndt_nob_train_dev.conll.gz", "nb", 0.835), ("ndt_nno_train_dev.conll.gz", "nn", 0.815)])
def test_dev_split_of_the_treebank(name: str, standard: str, floor: float) -> None:
    from innonlp.nlp.evaluate_ner import evaluate_ner

    result = evaluate_ner(shared_file("ndt", name), "embedded", standard, split="dev")
    assert result["entities"] > 1000
    assert result["f1"] >= floor
    assert result["per_type"]["PER"]["f1"] >= 0.90


def test_a_name_never_runs_over_a_line_break() -> None:
    """A heading's organisation and the next paragraph's first word are two things."""
    from innonlp.nlp.loader import NorwegianNLP

    nlp = NorwegianNLP("embedded").language("nb")
    for text in ("Innspill fra Statens vegvesen\n\nVi mener at sykkelveiene må bli "
                 "tryggere.", "Innspill fra Statens vegvesen\nVi mener noe."):
        ents = [e.text for e in nlp(text).ents]
        assert ents and all("\n" not in e for e in ents), ents


def test_sentences_without_a_possible_name_are_not_scored() -> None:
    from spacy.strings import StringStore

    from innonlp.nlp.ner_component import EntityComponent

    strings = StringStore()
    sentences = [["Det", "var", "fint", "."], ["Vi", "møtte", "Kari", "."],
                 ["Filmen", "er", "god", "."], ["les", "meir", "på", "62n.fo", "."],
                 ["Hun", "så", "Det", "Norske", "Teatret", "."], ["og", "så", "10cc"]]
    words = [w for s in sentences for w in s]
    starts = np.array([i == 0 for s in sentences for i in range(len(s))])
    ids = np.array([strings.add(w) for w in words], dtype=np.uint64)
    keep = EntityComponent("nb")._sentences_with_names(ids, starts, strings)
    assert keep is not None
    sentence = np.cumsum(starts) - 1
    assert [bool(keep[sentence == k].all()) for k in range(len(sentences))] == \
        [False, True, True, True, True, True]
    assert all(len(set(keep[sentence == k].tolist())) == 1 for k in range(len(sentences)))


def test_the_gate_keeps_the_names_of_the_ungated_recogniser() -> None:
    from spacy.tokens import Doc

    from innonlp.nlp.ner_component import EntityComponent

    nlp = load_pipeline("nb", "embedded")
    texts = [NB_TEXT, "det var fint. Vi bodde i Tromsø og jobbet for Statoil. så gikk vi.",
             "Ingen navn her. Heller ikke her."]
    for text in texts:
        gated, plain = (EntityComponent("nb", gate=g) for g in (True, False))
        docs = []
        for comp in (gated, plain):
            doc = nlp.make_doc(text)
            for name, proc in nlp.pipeline:
                if name != "innonlp_ner":
                    doc = proc(doc)
            docs.append(comp(doc))
        assert isinstance(docs[0], Doc)
        assert [(e.text, e.label_) for e in docs[0].ents] == \
            [(e.text, e.label_) for e in docs[1].ents]
