"""The Norwegian language layer: written standard, sentences, POS, lemmas, compounds, stop
words; pipelines per standard with tiers (embedded, installed spaCy pipelines)."""

from .loader import NorwegianNLP, PipelineChoice, load_pipeline, resolve

__all__ = ["NorwegianNLP", "PipelineChoice", "load_pipeline", "resolve"]
