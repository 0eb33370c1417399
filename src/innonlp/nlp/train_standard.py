"""Train the nb/nn model shipped in innonlp/nlp/data/standard.npz.

    python -m innonlp.nlp.train_standard [--shared ../shared/data] [--out PATH]

Training data: the ``train`` sentences of the NDT treebank (Bokmål and Nynorsk) and the
unlabelled-but-separated nb-nn Storting sentences. Only the non-zero weights are stored (as
feature indices and float16 values): no sentence of the training data is in the file. The
labelled nb-nn dev file is never used for training.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

import numpy as np

from .standard import MODEL_FILE, _features


def ndt_train_sentences(path: Path) -> list[str]:
    sents: list[str] = []
    cur: list[str] = []
    split = None
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# ud_split"):
                split = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line:
                if cur and split == "train":
                    sents.append(" ".join(cur))
                cur = []
            else:
                cur.append(line.split("\t")[1])
    if cur and split == "train":
        sents.append(" ".join(cur))
    return sents


def train(shared: Path, out: Path, c: float = 10.0) -> dict[str, float]:
    from sklearn.linear_model import LogisticRegression

    nb = ndt_train_sentences(shared / "ndt" / "ndt_nob_train_dev.conll.gz")
    nn = ndt_train_sentences(shared / "ndt" / "ndt_nno_train_dev.conll.gz")
    for name, target in (("unlabelled_10k_nob.txt.gz", nb), ("unlabelled_10k_nno.txt.gz", nn)):
        with gzip.open(shared / "nb-nn" / name, "rt", encoding="utf-8") as fh:
            target.extend(line.strip() for line in fh if line.strip())
    x = _features(nb + nn)
    y = np.array([0] * len(nb) + [1] * len(nn))
    clf = LogisticRegression(C=c, max_iter=3000).fit(x, y)
    coef = clf.coef_[0]
    index = np.flatnonzero(np.abs(coef) > 1e-4).astype(np.int32)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, index=index, value=coef[index].astype(np.float16),
                        intercept=np.float64(clf.intercept_[0]),
                        trained_on=np.str_(f"NDT train nob {len(nb)} / nno {len(nn)} "
                                           "sentences incl. nb-nn unlabelled 10k each"),
                        version=np.str_("2"))
    return {"nb_sentences": len(nb), "nn_sentences": len(nn), "weights": len(index)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).resolve().parent / "data" / MODEL_FILE)
    args = ap.parse_args()
    print(train(args.shared, args.out))


if __name__ == "__main__":
    main()
