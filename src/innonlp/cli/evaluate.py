"""``innonlp evaluate …``: measure innonlp against gold data; each command prints one JSON
object."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError
from .options import NlpOpt, SeedOpt

evaluate_app = typer.Typer(help="Measure innonlp against gold data; each command prints one "
                           "JSON object.", no_args_is_help=True)


@evaluate_app.command("standard")
def evaluate_standard_cmd(
    file: Annotated[Path, typer.Argument(help="CSV with a text and a label column.")],
    text_field: Annotated[str, typer.Option(help="Column with the text.")] = "text",
    label_field: Annotated[str, typer.Option(
        help="Column with the gold label (nob/nno).")] = "language",
) -> None:
    """Written-standard detection: accuracy and per-class precision/recall (nob, nno)."""
    import json

    from ..nlp.evaluate import evaluate_standard

    typer.echo(json.dumps(evaluate_standard(file, text_field, label_field), ensure_ascii=False))


@evaluate_app.command("themes")
def evaluate_themes_cmd(
    file: Annotated[Path, typer.Argument(help="JSONL file (.jsonl or .jsonl.gz), one labelled "
                                         "document a line.")],
    text_field: Annotated[str, typer.Option(help="Field with the text.")] = "text",
    label_field: Annotated[str, typer.Option(
        help="Field with the gold label (a list keeps only one-label documents).")] = "label",
    max_words: Annotated[int, typer.Option(help="Words kept from each document.")] = 1500,
    seed: SeedOpt = 0,
) -> None:
    """Themes against gold labels: n_docs, n_labels, n_themes, outlier_share, nmi, ari,
    v_measure, nmi_standard (themes vs written standard; nmi_label_standard: gold labels vs
    standard), labels, label_ok_share, unstable_share, seconds, baseline_nmi, baseline_ari
    (TF-IDF + KMeans with the true k), choice (the stability curve)."""
    import json

    from ..themes.evaluate import evaluate_themes

    if max_words < 1:
        raise ConfigError(f"--max-words must be positive. Got {max_words} instead.")
    typer.echo(json.dumps(evaluate_themes(file, text_field, label_field, max_words, seed),
                          ensure_ascii=False))


@evaluate_app.command("summaries")
def evaluate_summaries_cmd(
    file: Annotated[Path, typer.Argument(help="NorSumm-style JSON: a list of articles with "
                                         "'article', 'summaries_nb' and 'summaries_nn'.")],
    standard: Annotated[str, typer.Option(help="nb or nn: which references.")] = "nb",
    nlp: NlpOpt = "embedded",
) -> None:
    """Extractive drafts against human summaries: mean ROUGE-1/2/L F1 for innonlp, the lead
    baseline and the human agreement ceiling."""
    import json

    from ..compare.calibrate import evaluate_summaries

    typer.echo(json.dumps(evaluate_summaries(file, standard, nlp), ensure_ascii=False))


@evaluate_app.command("nlp")
def evaluate_nlp_cmd(
    file: Annotated[Path, typer.Argument(help="CoNLL-U treebank file (.conllu or .conllu.gz).")],
    nlp: NlpOpt = "embedded",
    standard: Annotated[str | None, typer.Option(
        help="nb or nn (default: detected from the text).")] = None,
) -> None:
    """Lemmas, UPOS, sentences and speed against gold: tokens, lemma_acc, upos_acc,
    sentence_f1, words_per_second, tier."""
    import json

    from ..nlp.evaluate import evaluate_nlp

    if standard is not None and standard not in ("nb", "nn"):
        raise ConfigError(f"--standard must be nb or nn. Got {standard!r} instead.")
    typer.echo(json.dumps(evaluate_nlp(file, nlp, standard), ensure_ascii=False))


@evaluate_app.command("ner")
def evaluate_ner_cmd(
    file: Annotated[Path, typer.Argument(help="CoNLL-U (.conllu[.gz]) or NDT file with "
                                         "name=B-PER-style tags in its last column.")],
    nlp: NlpOpt = "embedded",
    standard: Annotated[str | None, typer.Option(
        help="nb or nn (default: detected from the text).")] = None,
    split: Annotated[str | None, typer.Option(
        help="Only the sentences marked '# ud_split = SPLIT' (NDT: train or dev).")] = None,
) -> None:
    """Named entities against gold: entities, precision, recall, f1 (exact span and type),
    per_type, f1_collapsed, words_per_second, tier, model."""
    import json

    from ..nlp.evaluate_ner import evaluate_ner

    if standard is not None and standard not in ("nb", "nn"):
        raise ConfigError(f"--standard must be nb or nn. Got {standard!r} instead.")
    typer.echo(json.dumps(evaluate_ner(file, nlp, standard, split), ensure_ascii=False))


@evaluate_app.command("codebook")
def evaluate_codebook_cmd(
    file: Annotated[Path, typer.Argument(help="JSONL file (.jsonl or .jsonl.gz), one labelled "
                                         "document a line.")],
    codebook: Annotated[Path, typer.Option(help="The codebook (.toml, or a .docx/.pdf/.md/"
                                           ".txt document); seed labels are gold labels.")],
    text_field: Annotated[str, typer.Option(help="Field with the text.")] = "text",
    label_field: Annotated[str, typer.Option(
        help="Field with the gold label (a list: several).")] = "label",
    nlp: NlpOpt = "auto",
    max_words: Annotated[int, typer.Option(help="Words kept from each document.")] = 1500,
    min_similarity: Annotated[float, typer.Option(
        help="The cosine a seed must reach (one-line seeds over long texts: lower).")] = 0.12,
) -> None:
    """Seeds against gold labels: per-seed precision/recall/F1, micro_f1, macro_f1,
    unassigned_share and the TF-IDF nearest-seed baseline."""
    import json

    from ..codebook.evaluate import evaluate_codebook

    if max_words < 1:
        raise ConfigError(f"--max-words must be positive. Got {max_words} instead.")
    from ..codebook.match import MatchParams

    typer.echo(json.dumps(evaluate_codebook(file, codebook, text_field, label_field, nlp,
                                            max_words, MatchParams(min_similarity)),
                          ensure_ascii=False))


@evaluate_app.command("stance")
def evaluate_stance_cmd(
    file: Annotated[Path, typer.Argument(help="JSONL file (.jsonl or .jsonl.gz), one labelled "
                                         "answer a line.")],
    text_field: Annotated[str, typer.Option(help="Field with the answer text.")] = "text",
    label_field: Annotated[str, typer.Option(
        help="Field with the gold stance (støtter/imot/delvis/ingen_merknader/uklart).")
    ] = "stance",
) -> None:
    """Submission stance against gold: n, accuracy, macro_f1, macro_f1_3 (støtter/imot/delvis),
    per_class (precision/recall/f1/support), confusion (gold → predicted → count)."""
    import json

    from ..stance.evaluate import evaluate_stance

    typer.echo(json.dumps(evaluate_stance(file, text_field, label_field), ensure_ascii=False))
