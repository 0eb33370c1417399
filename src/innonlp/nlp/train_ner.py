"""Train the embedded named-entity recognisers (Bokmål, Nynorsk) shipped in nlp/data/.

    python -m innonlp.nlp.train_ner [--shared ../shared/data] [--out DIR] [--epochs 12]

Labelled data: only the ``train`` sentences of the NDT treebank (``# ud_split = train``),
with NorNE's ``name=`` IOB2 tags in the last column; the ``dev`` sentences are for choosing
settings (``innonlp evaluate ner FILE --split dev``). Each standard's model learns from the
train sentences of both standards, the other standard's marked as such (some features have a
copy per standard, see :func:`~innonlp.nlp.ner_features.type_features`). Word clusters are
learned from the unlabelled text in the shared folder (Storting sentences, Lovdata, NoReC)
and the words of the NDT train sentences of both standards, and shipped once
(``ner-clusters.npz``).

The outputs hold hashed feature weights, transition weights, hashes of word forms with their
cluster ids and name-list types — no sentence of any source. Deterministic for a given
input and settings.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from .conll import Sentence, read_conll
from .ner import EntityRecognizer
from .ner_clusters import WordClusters, tokenize, unlabelled_lines

NER_VERSION = "3"  # bump when the shipped NER models change
TREEBANKS = {"nb": "ndt_nob_train_dev.conll.gz", "nn": "ndt_nno_train_dev.conll.gz"}
CLUSTERS_FILE = "ner-clusters.npz"


def entity_tags(sent: Sentence) -> list[str]:
    """The IOB2 tags of a sentence's words from ``name=`` in the last column (O without)."""
    out = []
    for r in sent.rows:
        tag = "O"
        for part in r[-1].split("|"):
            if part.startswith("name="):
                tag = part[5:]
        out.append(tag)
    return out


def treebank_split(path: Path, split: str) -> tuple[list[list[str]], list[list[str]],
                                                     list[int]]:
    """Words, tags and a document number of each sentence of ``split`` in an NDT file."""
    words, tags, groups = [], [], []
    doc = 0
    for s in read_conll(path):
        doc += "newdoc id" in s.meta
        if s.meta.get("ud_split") == split:
            words.append(s.words)
            tags.append(entity_tags(s))
            groups.append(doc)
    return words, tags, groups


def learn_clusters(shared: Path, max_chars: int, n_vocab: int) -> WordClusters:
    """Word clusters from the unlabelled text and the NDT train words (both standards)."""
    sents = [tokenize(line) for line in unlabelled_lines(shared, max_chars)]
    for name in TREEBANKS.values():
        sents.extend(treebank_split(shared / "ndt" / name, "train")[0])
    return WordClusters(n_vocab=n_vocab, min_count=3).fit(sents)


def train(shared: Path, out: Path, epochs: int = 12, max_chars: int = 120_000_000,
          n_vocab: int = 200_000, clusters_from: Path | None = None) -> dict:
    """Learn the clusters (or read them from ``clusters_from``) and one model per standard;
    write them to ``out`` and return what was trained."""
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    if clusters_from is not None:
        with np.load(clusters_from, allow_pickle=False) as arrays:
            clusters = WordClusters.from_arrays(arrays)
    else:
        clusters = learn_clusters(shared, max_chars, n_vocab)
    cluster_arrays = clusters.to_arrays()
    np.savez_compressed(out / CLUSTERS_FILE, **cluster_arrays)
    report: dict = {"clusters": {"forms": len(clusters.keys_),
                                 "seconds": round(time.perf_counter() - t0, 1)}}
    splits = {s: treebank_split(shared / "ndt" / name, "train")
              for s, name in TREEBANKS.items()}
    for standard, name in TREEBANKS.items():
        t1 = time.perf_counter()
        other = next(s for s in TREEBANKS if s != standard)
        (words, tags, own_groups), (o_words, o_tags, o_groups) = \
            splits[standard], splits[other]
        n_own = len(words)
        words, tags = words + o_words, tags + o_tags
        marks = [i >= n_own for i in range(len(words))]
        groups = own_groups + [g + len(words) for g in o_groups]
        model = EntityRecognizer(epochs=epochs, clusters=clusters).fit(words, tags, groups,
                                                                       marks)
        info = {"standard": standard, "version": NER_VERSION, "epochs": epochs,
                "train_sentences": len(words), "own_sentences": n_own,
                "source": f"{name} + {TREEBANKS[other]} (ud_split = train)"}
        arrays = {"info": np.array([json.dumps(info)]), **model.to_arrays()}
        np.savez_compressed(out / f"ner-{standard}.npz", **arrays)
        report[standard] = {**info, "buckets": len(model.buckets_),
                            "seconds": round(time.perf_counter() - t1, 1)}
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent / "data")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--max-chars", type=int, default=120_000_000,
                        help="characters read from each of Lovdata and NoReC")
    parser.add_argument("--clusters", type=Path, default=None,
                        help="reuse word clusters from this file instead of learning them")
    args = parser.parse_args(argv)
    report = train(args.shared, args.out, args.epochs, args.max_chars,
                   clusters_from=args.clusters)
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
