"""Train the embedded Bokmål and Nynorsk tagger + lemmatiser shipped in nlp/data/.

    python -m innonlp.nlp.train_embedded [--shared ../shared/data] [--out DIR] [--epochs 10]

Training data: only the ``train`` sentences of the NDT treebank (``# ud_split = train``).
NDT uses Oslo-Bergen (OBT) tags, so a mapping OBT → UD UPOS is learned first from the NDT
``dev`` sentences, which are the same sentences as the UD dev file: each aligned token gives
(OBT POS, OBT features, lemma, NDT relation + the relations of its dependents) → UPOS, with
back-off to coarser keys. Lemma conventions that differ between NDT and UD (UD Bokmål writes
``den`` for ``det``) are learned from the same alignment. The UD dev sentences are used for
nothing else; the figures reported on them are therefore on sentences the tagger never saw.

The output holds hashed feature weights, a (form, UPOS) → lemma word list and tag names:
no sentence of the treebank.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from .components import EMBEDDED_VERSION
from .conll import Sentence, read_conll
from .lemmatizer import Lemmatizer
from .tagger import PerceptronTagger

STANDARDS = {"nb": ("ndt_nob_train_dev.conll.gz", "no_bokmaal-ud-dev.conllu.gz"),
             "nn": ("ndt_nno_train_dev.conll.gz", "no_nynorsk-ud-dev.conllu.gz")}
_CHILD_RELS = {"INFV": "I", "SPRED": "S", "PUTFYLL": "P", "DOBJ": "D", "IOBJ": "O"}


def _obt_keys(sent: Sentence) -> list[list[tuple[str, ...]]]:
    """Per token, mapping keys from most to least specific."""
    children: list[set[str]] = [set() for _ in sent.rows]
    for r in sent.rows:
        head = int(r[6]) if r[6].isdigit() else 0
        if head > 0:
            children[head - 1].add(r[7])
    keys = []
    for r, kids in zip(sent.rows, children, strict=True):
        pos, feats, lemma = r[3], r[5], r[2].lower()
        rel = r[7]
        if pos in ("verb", "prep"):
            rel += "/" + "".join(sorted(_CHILD_RELS[k] for k in kids if k in _CHILD_RELS))
        keys.append([(pos, feats, lemma, rel), (pos, feats, lemma), (pos, feats, rel),
                     (pos, feats), (pos,)])
    return keys


class ObtMapping:
    """OBT tags (+ lemma and relations) → UD UPOS and UD lemma, learned from aligned pairs."""

    def fit(self, pairs: list[tuple[Sentence, Sentence]]) -> ObtMapping:
        table: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        lemmas: dict[str, Counter] = defaultdict(Counter)
        for ndt, ud in pairs:
            for keys, n_row, u_row in zip(_obt_keys(ndt), ndt.rows, ud.rows, strict=True):
                for k in keys:
                    table[k][u_row[3]] += 1
                lemmas[n_row[2].lower()][u_row[2].lower()] += 1
        self.table_ = {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                       for k, c in table.items()}
        self.lemma_map_ = {}
        for src, c in lemmas.items():
            best, n = c.most_common(1)[0]
            if best != src and n >= 5 and n >= 0.9 * sum(c.values()):
                self.lemma_map_[src] = best
        return self

    def transform(self, sent: Sentence) -> list[tuple[str, str, str]]:
        out = []
        for keys, r in zip(_obt_keys(sent), sent.rows, strict=True):
            upos = next((self.table_[k] for k in keys if k in self.table_), "X")
            lemma = self.lemma_map_.get(r[2].lower(), r[2])
            out.append((r[1], lemma, upos))
        return out


def align(ndt_dev: list[Sentence], ud_dev: list[Sentence]) -> list[tuple[Sentence, Sentence]]:
    by_words = {tuple(s.words): s for s in ndt_dev}
    return [(by_words[tuple(u.words)], u) for u in ud_dev if tuple(u.words) in by_words]


def mapping_accuracy(pairs: list[tuple[Sentence, Sentence]]) -> float:
    """UPOS accuracy of a mapping learned on every other aligned sentence, on the rest."""
    mapping = ObtMapping().fit(pairs[::2])
    ok = n = 0
    for ndt, ud in pairs[1::2]:
        for (_, _, upos), u_row in zip(mapping.transform(ndt), ud.rows, strict=True):
            ok += upos == u_row[3]
            n += 1
    return ok / max(n, 1)


def train_standard(shared: Path, standard: str, epochs: int) -> tuple[dict, dict]:
    ndt_file, ud_file = STANDARDS[standard]
    ndt = list(read_conll(shared / "ndt" / ndt_file))
    train = [s for s in ndt if s.meta.get("ud_split") == "train"]
    dev = [s for s in ndt if s.meta.get("ud_split") == "dev"]
    pairs = align(dev, list(read_conll(shared / "ud-norwegian" / ud_file)))
    mapping = ObtMapping().fit(pairs)
    converted = [mapping.transform(s) for s in train]
    t0 = time.perf_counter()
    tagger = PerceptronTagger(epochs=epochs).fit(
        [[w for w, _, _ in s] for s in converted], [[t for _, _, t in s] for s in converted])
    lemmatizer = Lemmatizer(language=standard).fit(t for s in converted for t in s)
    info = {"standard": standard, "version": EMBEDDED_VERSION,
            "train_sentences": len(train), "train_tokens": sum(len(s) for s in converted),
            "aligned_dev_sentences": len(pairs),
            "obt_to_upos_held_apart_accuracy": round(mapping_accuracy(pairs), 4),
            "lemma_conventions": mapping.lemma_map_, "epochs": epochs,
            "features_kept": int(len(tagger.buckets_)), "lexicon_entries": len(
                lemmatizer.lexicon_), "train_seconds": round(time.perf_counter() - t0, 1)}
    arrays = {**tagger.to_arrays(), **lemmatizer.to_arrays(),
              "info": np.array([json.dumps(info, ensure_ascii=False)])}
    return arrays, info


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--standards", default="nb,nn")
    args = parser.parse_args(argv)
    for standard in args.standards.split(","):
        arrays, info = train_standard(args.shared, standard, args.epochs)
        path = args.out / f"embedded-{standard}.npz"
        np.savez_compressed(path, **arrays)
        print(json.dumps({**info, "file": str(path), "bytes": path.stat().st_size},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()
