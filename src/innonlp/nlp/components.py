"""innonlp's spaCy components, registered in this one module.

- ``innonlp_sentences``: sentence starts from the rule-based splitter that knows Norwegian
  abbreviations (f.eks., bl.a., jf., nr., kap., pkt., mv., §);
- ``innonlp_tagger``: the embedded perceptron tagger + lemmatiser for one written standard
  (sets ``token.pos_`` and ``token.lemma_``);
- ``innonlp_ner``: the embedded named-entity recogniser for one written standard (sets
  ``doc.ents`` with NorNE's labels; see :mod:`innonlp.nlp.ner`);
- ``innonlp_compounds``: ``token._.compound_head`` / ``token._.compound_modifier`` for
  compound nouns and adjectives (not names) (``innovasjonstakten`` → ``innovasjon`` + ``takt``).

Every pipeline gets ``token._.is_stop_lemma`` (stop word by lemma, nb + nn + consultation
boilerplate; see :mod:`innonlp.nlp.stopwords`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any, cast

import numpy as np
import spacy
from spacy.attrs import IDX, IS_SPACE, LEMMA, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.symbols import ADJ, NOUN
from spacy.tokens import Doc, Token

from ..ingest.sentences import split_sentences
from .compounds import split_compound
from .lemmatizer import Lemmatizer
from .stopwords import is_stop_lemma
from .tagger import PerceptronTagger

EMBEDDED_VERSION = "1"  # bump when the shipped embedded models change
POS_IDS = {name: spacy.parts_of_speech.IDS[name] for name in spacy.parts_of_speech.IDS}


def _compound_part(token: Token, part: int) -> str | None:
    if token.pos not in (NOUN, ADJ) or len(token.lemma_) < 7:
        return None
    parts = split_compound(token.lemma_.lower(), token.doc._.standard or "nb")
    return None if parts is None else parts[part]


if not Token.has_extension("compound_head"):
    Doc.set_extension("standard", default=None)
    Token.set_extension("compound_modifier", getter=lambda t: _compound_part(t, 0))
    Token.set_extension("compound_head", getter=lambda t: _compound_part(t, 1))
    Token.set_extension("is_stop_lemma", getter=lambda t: is_stop_lemma(t.lemma_))


@lru_cache(maxsize=4)
def load_embedded(standard: str) -> tuple[PerceptronTagger, Lemmatizer, dict]:
    """The shipped tagger and lemmatiser for ``nb`` or ``nn`` (loaded once per process)."""
    import json

    ref = resources.files("innonlp.nlp") / "data" / f"embedded-{standard}.npz"
    with resources.as_file(ref) as path, np.load(path, allow_pickle=False) as arrays:
        info = json.loads(str(arrays["info"][0]))
        return PerceptronTagger.from_arrays(arrays), Lemmatizer.from_arrays(arrays), info


class TextKeepingTokenizer:
    """Wraps a tokenizer and keeps the input text in ``doc.user_data`` (``Doc.text`` would
    rebuild it from a Token object per token, which costs more than tagging)."""

    def __init__(self, tokenizer):  # noqa: ANN001
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data["innonlp_text"] = text
        return doc

    def __getattr__(self, name: str):  # noqa: ANN204
        if name == "tokenizer":  # not set yet (copying): avoid recursing
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


class SentenceComponent:
    """Sets sentence starts from :func:`~innonlp.nlp.sentences.split_sentences`."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([IDX, IS_SPACE])
        text = doc.user_data.get("innonlp_text")
        if text is None:
            text = doc.text
        starts = np.fromiter((a for a, _ in split_sentences(text)), dtype=np.uint64)
        flags = np.isin(arr[:, 0], starts) & (arr[:, 1] == 0)
        flags[0] = True
        doc.from_array([SENT_START], cast(Any, np.where(flags, 1, -1).astype(np.uint64)[:, None]))
        return doc


class TaggerComponent:
    """Embedded tagger + lemmatiser: sets POS and LEMMA with arrays, not Token objects."""

    def __init__(self, standard: str):
        self.standard = standard
        self.tagger, self.lemmatizer, self.info = load_embedded(standard)
        # simplemma reads its dictionaries on first use: do it while loading, not mid-run
        import simplemma

        simplemma.lemmatize("innspill", lang=standard)
        self._pos = np.array([POS_IDS[t] for t in self.tagger.tags_] + [POS_IDS["SPACE"]],
                             dtype=np.uint64)
        self._n_lemmas = 0  # entries in the per-tag caches
        self._by_tag: list[dict[int, int]] = [{} for _ in range(len(self._pos))]

    def _lemma_hashes(self, doc: Doc, orths: list[int], tags: list[int]) -> list[int]:
        """Lemma string hashes, cached per (form, tag): one dict per tag, keyed by form."""
        if self._n_lemmas > 500_000:
            self._n_lemmas = 0
            self._by_tag = [{} for _ in range(len(self._pos))]
        by_tag = self._by_tag
        out = [by_tag[t].get(o) for o, t in zip(orths, tags, strict=True)]
        if None in out:
            strings = doc.vocab.strings
            space = len(self.tagger.tags_)
            for i, v in enumerate(out):
                if v is None:
                    o, t = orths[i], tags[i]
                    form = strings[o]
                    text = form if t == space else self.lemmatizer.lemmatize(
                        form, str(self.tagger.tags_[t]))
                    out[i] = by_tag[t][o] = strings.add(text)
                    self._n_lemmas += 1
        return cast(list[int], out)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        doc._.standard = self.standard
        arr = doc.to_array([ORTH, IS_SPACE, SENT_START])
        keep = np.flatnonzero(arr[:, 1] == 0)
        tags = np.full(len(doc), len(self.tagger.tags_), dtype=np.int64)  # SPACE
        if len(keep):
            orths = arr[keep, 0].tolist()
            starts = arr[keep, 2].astype(np.int64) == 1
            strings = doc.vocab.strings
            tags[keep] = self.tagger.predict_ids(orths, starts, text_of=strings.__getitem__)
        out = np.empty((len(doc), 2), dtype=np.uint64)
        out[:, 0] = self._pos[tags]
        out[:, 1] = self._lemma_hashes(doc, arr[:, 0].tolist(), tags.tolist())
        doc.from_array([POS, LEMMA], cast(Any, out))
        return doc


class CompoundComponent:
    """Marks the doc's written standard; ``token._.compound_head``/``_modifier`` are
    computed on first use (cached per lemma), so untouched tokens cost nothing."""

    def __init__(self, language: str):
        self.language = language
        split_compound("innovasjonstakt", language)  # loads the dictionaries it uses

    def __call__(self, doc: Doc) -> Doc:
        doc._.standard = self.language
        return doc


@Language.factory("innonlp_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceComponent:
    return SentenceComponent()


@Language.factory("innonlp_tagger", default_config={"standard": "nb"})
def make_tagger(nlp: Language, name: str, standard: str) -> TaggerComponent:
    return TaggerComponent(standard)


@Language.factory("innonlp_ner", default_config={"standard": "nb"})
def make_ner(nlp: Language, name: str, standard: str):  # noqa: ANN201
    """The embedded named-entity recogniser (``doc.ents``, NorNE's labels)."""
    from .ner_component import EntityComponent

    return EntityComponent(standard)


@Language.factory("innonlp_compounds", default_config={"language": "nb"})
def make_compounds(nlp: Language, name: str, language: str) -> CompoundComponent:
    return CompoundComponent(language)
