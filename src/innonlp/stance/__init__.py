"""Stance: who supports, who opposes, who has no comments — per sentence, unit and theme."""

from .evaluate import evaluate_stance, scores
from .rollup import (
    SUBMISSION_STANCES,
    Evidence,
    StanceResult,
    StanceRow,
    Tally,
    ThemeStance,
    combine_stances,
    decide,
    merge_tallies,
    rollup,
    stance_of_text,
    tally,
    theme_stances,
)
from .rules import CueMatch, SentenceCue, sentence_cue, sentence_cues, text_sentences

__all__ = [
    "SUBMISSION_STANCES",
    "CueMatch",
    "Evidence",
    "SentenceCue",
    "StanceResult",
    "StanceRow",
    "Tally",
    "ThemeStance",
    "combine_stances",
    "decide",
    "evaluate_stance",
    "merge_tallies",
    "rollup",
    "scores",
    "sentence_cue",
    "sentence_cues",
    "stance_of_text",
    "tally",
    "text_sentences",
    "theme_stances",
]
