"""Cue patterns for endorsements ("slutter seg til KS' høringssvar"), Bokmål and Nynorsk:
each a regular expression whose group ``body`` is the endorsed body's name."""

from __future__ import annotations

# the name: up to six words, each starting with a capital letter or joined by og/for/i
NAME = (r"(?P<body>[A-ZÆØÅ][\w\-]*(?:'s?|s)?(?:\s+(?:og|for|i|til)?\s*"
        r"[A-ZÆØÅ][\w\-]*(?:'s?)?){0,5})")
WHAT = (r"(?:høringssvar(?:et)?|høyringssvar(?:et)?|høringsuttalelse(?:n)?|"
        r"høyringsfråsegn(?:a)?|uttalelse(?:n)?|uttale(?:n)?|fråsegn(?:a)?|innspill(?:et)?|"
        r"innspel(?:et)?|merknad(?:ene)?|merknad(?:ane)?|svar(?:et)?)")
CUES_NB = (
    rf"slutter (?:seg|vi oss|oss) (?:helt |fullt ut )?til {NAME}\s+{WHAT}",
    rf"slutter (?:seg|vi oss|oss) (?:helt |fullt ut )?til {WHAT} fra {NAME}",
    rf"(?:viser til og )?støtter {WHAT} fra {NAME}",
    rf"(?:viser til og )?støtter {NAME}\s+{WHAT}",
    rf"(?:vi )?(?:stiller oss bak|har samme syn som) {NAME}",
)
CUES_NN = (
    rf"sluttar (?:seg|oss) (?:heilt )?til {NAME}\s+{WHAT}",
    rf"sluttar (?:seg|oss) (?:heilt )?til {WHAT} frå {NAME}",
    rf"(?:viser til og )?støttar {WHAT} frå {NAME}",
    rf"(?:viser til og )?støttar {NAME}\s+{WHAT}",
    rf"(?:vi )?stiller oss bak {NAME}",
)
