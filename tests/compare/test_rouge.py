"""ROUGE with a tokenizer that keeps Norwegian letters."""

from innonlp.compare.rouge import cut_words, lcs_length, rouge, rouge_text, tokenize


def test_norwegian_letters_survive() -> None:
    assert tokenize("Økonomi på små bøker – «Ærlig» Åpenhet!") == [
        "økonomi", "på", "små", "bøker", "ærlig", "åpenhet"]
    # rouge-score's default would reduce "på" and "pa" to the same token; here they differ
    assert rouge_text("på", "pa")["rouge1"] == 0.0


def test_scores() -> None:
    assert rouge(["a", "b", "c"], ["a", "b", "c"]) == {"rouge1": 1.0, "rouge2": 1.0,
                                                        "rougeL": 1.0}
    r = rouge("kommunen trenger mer penger".split(), "kommunen trenger penger".split())
    assert round(r["rouge1"], 4) == round(2 * 1 * 0.75 / 1.75, 4)
    assert round(r["rouge2"], 4) == round(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3), 4)
    assert lcs_length("a b c d".split(), "b d a".split()) == 2
    assert rouge([], ["a"]) == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    assert cut_words("en to tre fire", 2) == "en to"
