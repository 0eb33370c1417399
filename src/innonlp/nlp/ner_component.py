"""The embedded named-entity recogniser as a spaCy component: sets ``doc.ents``.

Entity labels are NorNE's (PER, ORG, LOC, GPE_LOC, GPE_ORG, PROD, EVT, DRV, MISC). The
entities are written with arrays (``ENT_IOB``/``ENT_TYPE``), not Span objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any, cast

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, ORTH, SENT_START
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.util import minibatch

from .ner import EntityRecognizer
from .ner_clusters import WordClusters
from .stopwords import BOKMAL, NYNORSK

_FUNCTION_WORDS = BOKMAL | NYNORSK

# spaCy's ENT_IOB codes: 1 inside, 2 outside, 3 begins
_IOB = {"O": 2, "B": 3, "I": 1}
# the treebank's headline end, opening quotes, and the marks a quoted sentence follows
_HEADLINE_END = ("|",)
_QUOTE_OPEN = ("«", '"')
_QUOTE_AFTER = (".", "!", "?", ":")


@lru_cache(maxsize=4)
def load_ner(standard: str) -> tuple[EntityRecognizer, dict]:
    """The shipped recogniser for ``nb`` or ``nn`` and its training record (once a process)."""
    data = resources.files("innonlp.nlp") / "data"
    with resources.as_file(data / "ner-clusters.npz") as path, \
            np.load(path, allow_pickle=False) as arrays:
        clusters = WordClusters.from_arrays(arrays)
    with resources.as_file(data / f"ner-{standard}.npz") as path, \
            np.load(path, allow_pickle=False) as arrays:
        info = json.loads(str(arrays["info"][0]))
        return EntityRecognizer.from_arrays(arrays, clusters), info


class EntityComponent:
    """Embedded NER for one written standard; sentence starts (if set) guide its features."""

    def __init__(self, standard: str, gate: bool = True):
        self.standard = standard
        self.model, self.info = load_ner(standard)
        self.gate = gate
        self._codes: np.ndarray | None = None
        self._marks: tuple[np.ndarray, ...] | None = None
        self._kinds: dict[int, int] = {}

    def _label_codes(self, doc: Doc) -> np.ndarray:
        """(n_labels, 2) spaCy ENT_IOB and ENT_TYPE values of the model's labels."""
        if self._codes is None:
            strings = doc.vocab.strings
            self._codes = np.array(
                [(_IOB[lab[0]], 0 if lab == "O" else strings.add(lab[2:]))
                 for lab in self.model.labels_], dtype=np.uint64)
        return self._codes

    def _sentence_starts(self, prev: np.ndarray, this: np.ndarray, starts: np.ndarray,
                         strings: StringStore) -> np.ndarray:
        """The sentence starts the recogniser sees, as the treebank it learned from splits
        sentences where a sentencizer may not: after a headline's end mark ``|``, and
        before an opening quote after ``.``/``!``/``?``/``:``; and not after a colon
        otherwise (a title such as «Guitar Hero: World Tour» is one name)."""
        if self._marks is None:
            self._marks = tuple(np.array([strings.add(m) for m in group], dtype=np.uint64)
                                for group in (_HEADLINE_END, _QUOTE_OPEN, _QUOTE_AFTER))
        headline, quote, stop = self._marks
        opens = np.isin(this, quote)
        colon = prev == np.uint64(strings.add(":"))
        return (starts & ~(colon & ~opens)) | np.isin(prev, headline) \
            | (opens & np.isin(prev, stop))

    def __call__(self, doc: Doc) -> Doc:
        self._tag([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Tag ``batch_size`` docs at a time in one pass (each doc its own text)."""
        for batch in minibatch(docs, size=batch_size):
            self._tag(batch)
            yield from batch

    def _tag(self, docs: list[Doc]) -> None:
        arrays = [d.to_array([ORTH, IS_SPACE, SENT_START]) if len(d) else
                  np.zeros((0, 3), dtype=np.uint64) for d in docs]
        keeps = [np.flatnonzero(a[:, 1] == 0) for a in arrays]
        sizes = [len(k) for k in keeps]
        if not sum(sizes):
            return
        orths = np.concatenate([a[k, 0] for a, k in zip(arrays, keeps, strict=True)])
        starts = np.concatenate([a[k, 2].astype(np.int64) == 1
                                 for a, k in zip(arrays, keeps, strict=True)])
        first = np.cumsum([0, *sizes[:-1]])
        starts[1:] = self._sentence_starts(orths[:-1], orths[1:], starts[1:],
                                           docs[0].vocab.strings)
        starts |= np.concatenate([_after_line_break(d, a)[k]
                                  for d, a, k in zip(docs, arrays, keeps, strict=True)])
        starts[first[np.array(sizes) > 0]] = True
        texts = np.repeat(np.arange(len(docs)), sizes)
        strings = docs[0].vocab.strings
        sel = self._sentences_with_names(orths, starts, strings) if self.gate else None
        if sel is None:
            labels = self.model.predict_ids(orths.tolist(), starts, texts=texts,
                                            text_of=strings.__getitem__)
        else:  # label index 0 is O
            labels = np.zeros(len(orths), dtype=np.int64)
            if sel.any():
                labels[sel] = self.model.predict_ids(orths[sel].tolist(), starts[sel],
                                                     texts=texts[sel],
                                                     text_of=strings.__getitem__)
        for doc, arr, keep, lo in zip(docs, arrays, keeps, first.tolist(), strict=True):
            if len(keep):
                self._set(doc, arr, keep, labels[lo: lo + len(keep)])

    def _sentences_with_names(self, orths: np.ndarray, starts: np.ndarray,
                              strings: StringStore) -> np.ndarray | None:
        """Per token: whether its sentence can hold a name, i.e. has a word with a capital
        letter (other than a function word opening the sentence: "Det", "Eg") or a word
        of letters mixed with digits or dots (``62n.fo``, ``10cc``). The other sentences
        are labelled O without being scored (27 % / 30 % of the words of the NDT dev
        sentences, nb / nn; 1 of their 2,942 names sits in them: "Den norske kirke" opening
        a sentence)."""
        uniq, inv = np.unique(orths, return_inverse=True)
        kinds = self._kinds  # per word form, kept over batches
        for o in uniq.tolist():
            if o not in kinds:
                kinds[o] = _word_kind(strings[o])
        code = np.array([kinds[o] for o in uniq.tolist()], dtype=np.int8)[inv.ravel()]
        name_like = (code == _NAME) | ((code == _FUNCTION_CAPITAL) & ~starts)
        sentence = np.cumsum(starts) - 1
        keep = np.zeros(int(sentence[-1]) + 1, dtype=bool)
        keep[sentence[name_like]] = True
        out = keep[sentence]
        return None if out.all() else out

    def _set(self, doc: Doc, arr: np.ndarray, keep: np.ndarray, labels: np.ndarray
             ) -> None:
        codes = self._label_codes(doc)
        out = np.empty((len(doc), 2), dtype=np.uint64)
        out[:, 0], out[:, 1] = 2, 0
        out[keep] = codes[labels]
        # a space token inside a name would split it: keep it inside
        inside = (out[:, 0] != 2)
        gap = np.flatnonzero(arr[:, 1] == 1)
        for i in gap.tolist():
            if 0 < i < len(doc) - 1 and inside[i - 1] and out[i + 1, 0] == 1 \
                    and "\n" not in doc[i].text:
                out[i] = (1, out[i - 1, 1])
        doc.from_array([ENT_IOB, ENT_TYPE], cast(Any, out))


_PLAIN, _NAME, _FUNCTION_CAPITAL = 0, 1, 2


def _word_kind(text: str) -> int:
    """_NAME for a word that can be (part of) a name, _FUNCTION_CAPITAL for a capitalised
    function word ("Det", "Hun": a name only inside a sentence), else _PLAIN."""
    if any(c.isupper() for c in text):
        return _FUNCTION_CAPITAL if text.lower() in _FUNCTION_WORDS else _NAME
    if any(c.isalpha() for c in text) and (any(c.isdigit() for c in text)
                                           or "." in text.rstrip(".")):
        return _NAME
    return _PLAIN


def _after_line_break(doc: Doc, arr: np.ndarray) -> np.ndarray:
    """Per token: True right after a whitespace token holding a line break (a name never
    runs over a line break: a heading's name and the next paragraph's first word)."""
    out = np.zeros(len(doc), dtype=bool)
    for i in np.flatnonzero(arr[:, 1] == 1).tolist():
        if i + 1 < len(doc) and "\n" in doc[i].text:
            out[i + 1] = True
    return out
