"""The summary's quantity words ("mange", "et flertall", "noen få", Nynorsk forms too)
checked against how many submissions support each human theme."""

from __future__ import annotations

import re
from typing import Any

# word or phrase → (lowest, highest) share of all submissions it fits; Bokmål and Nynorsk
QUANTITY_WORDS: dict[str, tuple[float, float]] = {
    "et flertall": (0.5, 1.0), "eit fleirtal": (0.5, 1.0), "flertallet": (0.5, 1.0),
    "fleirtalet": (0.5, 1.0), "de fleste": (0.5, 1.0), "dei fleste": (0.5, 1.0),
    "nesten alle": (0.75, 1.0), "mange": (0.2, 1.0), "flere": (0.05, 1.0),
    "fleire": (0.05, 1.0), "et mindretall": (0.0, 0.5), "eit mindretal": (0.0, 0.5),
    "et mindre antall": (0.0, 0.3), "eit mindre tal": (0.0, 0.3), "noen få": (0.0, 0.15),
    "nokre få": (0.0, 0.15), "et fåtall": (0.0, 0.15), "eit fåtal": (0.0, 0.15),
    "enkelte": (0.0, 0.2), "einskilde": (0.0, 0.2), "få": (0.0, 0.15),
}
_PATTERN = re.compile(r"\b(" + "|".join(sorted((re.escape(w) for w in QUANTITY_WORDS),
                                               key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def quantity_words(text: str) -> list[str]:
    """The quantity words in ``text``, lower-case, longest phrase first at each place."""
    return [m.group(1).lower() for m in _PATTERN.finditer(text)]


def quantity_mismatches(human_themes: list[dict[str, Any]], n_total: int
                        ) -> list[dict[str, Any]]:
    """Each quantity word whose range does not hold the human theme's share of support."""
    out = []
    for h in human_themes:
        share = h["n_submissions"] / max(n_total, 1)
        for word in dict.fromkeys(quantity_words(f"{h['title']} {h['text']}")):
            lo, hi = QUANTITY_WORDS[word]
            if not lo <= share <= hi:
                out.append({"human_theme": h["id"], "word": word,
                            "n_submissions": h["n_submissions"], "n_total": n_total,
                            "share": round(share, 4), "fits": [lo, hi]})
    return out
