"""``innonlp evaluate nlp``: a hand-written CoNLL-U file, and the targets on ../shared."""

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innonlp.cli import app
from innonlp.errors import InputError
from innonlp.nlp.evaluate import evaluate_nlp

from ..conftest import shared_file

runner = CliRunner()

# Two hand-written sentences in one paragraph, gold UD annotation.
CONLLU = """# newpar
# sent_id = 1
# text = Kommunen støtter forslaget.
1\tKommunen\tkommune\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tstøtter\tstøtte\tVERB\t_\t_\t0\troot\t_\t_
3\tforslaget\tforslag\tNOUN\t_\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t$.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# sent_id = 2
# text = Vi ønsker bedre samarbeid med staten.
1\tVi\tvi\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tønsker\tønske\tVERB\t_\t_\t0\troot\t_\t_
3\tbedre\tgod\tADJ\t_\t_\t4\tamod\t_\t_
4\tsamarbeid\tsamarbeid\tNOUN\t_\t_\t2\tobj\t_\t_
5\tmed\tmed\tADP\t_\t_\t6\tcase\t_\t_
6\tstaten\tstat\tNOUN\t_\t_\t4\tnmod\t_\tSpaceAfter=No
7\t.\t$.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


def test_evaluate_on_a_hand_written_file(tmp_path: Path) -> None:
    path = tmp_path / "mini.conllu.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(CONLLU)
    res = evaluate_nlp(path, "embedded", "nb")
    assert res["tokens"] == 11
    assert res["tier"] == "embedded" and res["model"] == "innonlp-embedded-nb"
    assert res["sentence_f1"] == 100.0
    assert res["lemma_acc"] >= 80 and res["upos_acc"] >= 80
    assert res["words_per_second"] > 0
    out = runner.invoke(app, ["evaluate", "nlp", str(path), "--standard", "nb"])
    assert out.exit_code == 0, out.output
    printed = json.loads(out.stdout)
    for key in ("tokens", "lemma_acc", "upos_acc", "sentence_f1", "words_per_second", "tier"):
        assert key in printed


def test_evaluate_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        evaluate_nlp(tmp_path / "missing.conllu")
    out = runner.invoke(app, ["evaluate", "nlp", str(tmp_path / "x.conllu"), "--standard",
                              "sv"])
    assert out.exit_code != 0


@pytest.mark.parametrize(("name", "standard", "lemma", "upos"), [
    ("no_bokmaal-ud-dev.conllu.gz", "nb", 97.5, 95.0),
    ("no_nynorsk-ud-dev.conllu.gz", "nn", 96.5, 94.0),
])
def test_targets_on_ud_dev(name: str, standard: str, lemma: float, upos: float) -> None:
    path = shared_file("ud-norwegian", name)
    res = evaluate_nlp(path, "embedded")  # the standard is detected from the text
    assert res["standard"] == standard
    assert res["lemma_acc"] >= lemma, res
    assert res["upos_acc"] >= upos, res
    assert res["sentence_f1"] >= 85.0, res
    assert res["token_alignment"] >= 99.0, res
