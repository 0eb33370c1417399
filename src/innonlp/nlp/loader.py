"""One loader for the Norwegian language layer: a spaCy ``Language`` per written standard.

Tiers, chosen with ``nlp=`` (``--nlp`` on the command line):

- ``embedded``: spaCy's ``nb`` tokenizer + innonlp's components (sentences, tagger and
  lemmatiser, named entities, all trained for Bokmål and for Nynorsk, compounds). Always
  available.
- ``auto``: an installed ``nb_core_news_lg``/``md``/``sm`` for Bokmål when present, else the
  embedded tier; the choice and its reason are recorded.
- a spaCy package name or a path: that pipeline for Bokmål. If it is not installed the run
  stops with :class:`~innonlp.errors.ModelNotFoundError` saying how to install it.

Nynorsk always runs on the embedded tier (spaCy's trained pipelines cover Bokmål only), and
texts detected as another language run on the Bokmål pipeline; both facts are recorded.
Pipelines are loaded once per process and cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ConfigError, ModelNotFoundError
from ..ingest.abbreviations import TOKENIZER_ABBREVIATIONS
from .components import EMBEDDED_VERSION, TextKeepingTokenizer  # registers the factories

NB_PACKAGES = ("nb_core_news_lg", "nb_core_news_md", "nb_core_news_sm")
STANDARDS = ("nb", "nn")
Ctx = TypeVar("Ctx")


@dataclass(frozen=True)
class PipelineChoice:
    """Which pipeline runs for one written standard, and why."""

    standard: str
    tier: str  # "embedded" or "spacy"
    model: str
    version: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _installed_version(name: str) -> str | None:
    if not spacy.util.is_package(name):
        return None
    return spacy.util.get_package_version(name) or "unknown"


def _embedded(standard: str, reason: str) -> PipelineChoice:
    from .._version import __version__

    return PipelineChoice(standard, "embedded", f"innonlp-embedded-{standard}",
                          f"{__version__}+model{EMBEDDED_VERSION}", reason)


def resolve(spec: str, standard: str) -> PipelineChoice:
    """The pipeline ``spec`` (auto | embedded | package | path) means for ``standard``."""
    if standard not in STANDARDS:
        raise ConfigError(f"Unknown written standard {standard!r}; expected nb or nn.")
    spec = (spec or "auto").strip()
    if spec == "embedded":
        return _embedded(standard, "asked for with --nlp embedded")
    if standard == "nn":
        why = ("spaCy's trained Norwegian pipelines cover Bokmål only"
               if spec != "auto" else "auto: the embedded tier is the Nynorsk pipeline")
        return _embedded("nn", why)
    if spec == "auto":
        for name in NB_PACKAGES:
            version = _installed_version(name)
            if version is not None:
                return PipelineChoice("nb", "spacy", name, version,
                                      f"auto: {name} {version} is installed")
        return _embedded("nb", "auto: no nb_core_news_* pipeline is installed "
                               f"(looked for {', '.join(NB_PACKAGES)})")
    path = Path(spec)
    if path.exists():
        if not (path / "config.cfg").is_file():
            raise ModelNotFoundError(
                f"{spec!r} is not a spaCy pipeline folder (it has no config.cfg). "
                "Give a folder saved with nlp.to_disk(), a package name, or --nlp embedded.")
        meta = spacy.util.load_meta(path / "meta.json") if (path / "meta.json").is_file() \
            else {}
        return PipelineChoice("nb", "spacy", str(path.resolve()),
                              str(meta.get("version", "unknown")), "asked for with --nlp")
    version = _installed_version(spec)
    if version is None:
        hint = ("pip install 'innonlp[nb-model]' (or python -m spacy download "
                f"{spec})" if spec.startswith("nb_core_news") else f"pip install {spec}")
        raise ModelNotFoundError(
            f"The spaCy pipeline {spec!r} is not installed. Install it with: {hint}; "
            "or run with --nlp embedded (built in, no download) or --nlp auto.")
    return PipelineChoice("nb", "spacy", spec, version, "asked for with --nlp")


def _add_abbreviations(nlp: Language) -> None:
    """Keep Norwegian abbreviations whole ("kap.", "jf.", "pkt.") in the tokenizer."""
    from spacy.symbols import ORTH

    tokenizer: Any = nlp.tokenizer
    for abbr in TOKENIZER_ABBREVIATIONS:
        for form in {abbr + ".", abbr.capitalize() + "."}:
            tokenizer.add_special_case(form, [{ORTH: form}])


# the named-entity recognisers of the embedded tier and of spaCy's trained pipelines
NER_COMPONENTS = frozenset({"innonlp_ner", "ner"})


def build_pipeline(choice: PipelineChoice) -> Language:
    """A newly built (uncached) pipeline for ``choice``; :func:`load_pipeline` caches."""
    return _load.__wrapped__(choice.tier, choice.model, choice.standard)


@lru_cache(maxsize=8)
def _load(tier: str, model: str, standard: str) -> Language:
    if tier == "embedded":
        nlp = spacy.blank("nb")
        _add_abbreviations(nlp)
        nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
        nlp.add_pipe("innonlp_sentences")
        nlp.add_pipe("innonlp_tagger", config={"standard": standard})
        nlp.add_pipe("innonlp_ner", config={"standard": standard})
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:  # pragma: no cover - resolve() checked it exists
            raise ModelNotFoundError(f"Could not load spaCy pipeline {model!r}: {exc}") from exc
    nlp.add_pipe("innonlp_compounds", config={"language": standard})
    return nlp


def load_pipeline(standard: str = "nb", nlp: str = "auto") -> Language:
    """The cached spaCy ``Language`` for ``standard`` under tier spec ``nlp``."""
    choice = resolve(nlp, standard)
    return _load(choice.tier, choice.model, standard)


class NorwegianNLP:
    """The language layer as one object: pipelines per standard, streaming, a run record."""

    def __init__(self, nlp: str = "auto", batch_size: int = 256):
        if batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1. Got {batch_size}.")
        self.nlp = nlp
        self.batch_size = batch_size
        self.choices = {s: resolve(nlp, s) for s in STANDARDS}
        self.docs: dict[str, int] = {}

    def language(self, standard: str) -> Language:
        c = self.choices[pipeline_standard(standard)]
        return _load(c.tier, c.model, c.standard)

    def pipe(self, items: Iterable[tuple[str, Ctx]], standard: str = "nb",
             entities: bool = False) -> Iterator[tuple[Doc, Ctx]]:
        """Stream ``(text, context)`` pairs through the pipeline of ``standard``, in this
        process (spaCy's own ``n_process`` is never used: parallel runs go through the
        run's executor, see :mod:`innonlp.parallel`). The named-entity recogniser runs
        only with ``entities``: the analyses made from these docs keep no entities (names
        are looked for at ingest, :mod:`innonlp.nlp.persons`), and it costs a quarter of
        the pipeline's time."""
        std = pipeline_standard(standard)
        lang = self.language(std)
        off = [] if entities else [n for n in lang.pipe_names if n in NER_COMPONENTS]
        for doc, ctx in lang.pipe(items, as_tuples=True, batch_size=self.batch_size,
                                  n_process=1, disable=off):
            self.docs[standard] = self.docs.get(standard, 0) + 1
            yield doc, ctx

    def pipe_mixed(self, items: Iterable[tuple[str, str, Ctx]], block: int = 4096,
                   entities: bool = False) -> Iterator[tuple[Doc, Ctx]]:
        """Stream ``(text, standard, context)`` triples; each runs on its standard's
        pipeline, and the output keeps the input order (``entities``: as in :meth:`pipe`)."""
        buf: list[tuple[str, str, Ctx]] = []
        for item in items:
            buf.append(item)
            if len(buf) >= block:
                yield from self._block(buf, entities)
                buf = []
        if buf:
            yield from self._block(buf, entities)

    def _block(self, buf: list[tuple[str, str, Any]], entities: bool
               ) -> Iterator[tuple[Doc, Any]]:
        out: list[Any] = [None] * len(buf)
        groups: dict[str, list[int]] = {}
        for i, (_, std, _) in enumerate(buf):
            groups.setdefault(std, []).append(i)
        for std, idx in groups.items():
            for doc, i in self.pipe(((buf[i][0], i) for i in idx), std, entities):
                out[i] = (doc, buf[i][2])
        yield from out

    def record(self) -> dict[str, Any]:
        """What ran: the choice per standard (tier, model, version, reason) and doc counts."""
        return {"spec": self.nlp,
                "pipelines": {s: c.as_dict() for s, c in self.choices.items()},
                "other_languages": "texts detected as another language run on the nb pipeline",
                "docs": dict(sorted(self.docs.items())),
                "batch_size": self.batch_size}


def pipeline_standard(standard: str) -> str:
    """nn runs on the Nynorsk pipeline; nb, mixed and other languages on Bokmål's."""
    return "nn" if standard == "nn" else "nb"
