"""The run an ``edits.toml`` was written for: a fingerprint of its themes (a hash of each
theme's submission ids and key phrases) in ``[source]``, the translation of its theme ids
to a changed run, and the commented template written into every run folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

TRANSLATED = "edits.translated.toml"
EXAMPLE = "edits.example.toml"


def theme_hash(theme: dict[str, Any]) -> str:
    """A short hash of a theme's submission ids and key phrases."""
    key = json.dumps([sorted(theme["submission_ids"]),
                      sorted(k["phrase"].lower() for k in theme["key_phrases"])])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def fingerprint(themes_doc: dict[str, Any]) -> str:
    """The run's fingerprint: a hash over its theme ids and theme hashes."""
    key = json.dumps(sorted((t["id"], theme_hash(t)) for t in themes_doc["themes"]))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _q(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False)


def source_toml(themes_doc: dict[str, Any], written_from: str | Path | None = None) -> str:
    """The ``[source]`` tables: the run's fingerprint and, per theme, what a changed run is
    matched against (submission ids, key phrases)."""
    lines = ["", "# The run these edits were written for (innonlp matches themes with it when",
             "# the run changes; do not edit).", "[source]",
             f"fingerprint = {_q(fingerprint(themes_doc))}"]
    if written_from is not None:
        lines.append(f"edits_file = {_q(str(written_from))}")
    for t in themes_doc["themes"]:
        lines += ["", f"[source.themes.{t['id']}]", f"hash = {_q(theme_hash(t))}",
                  f"label = {_q(t['label'])}",
                  f"submission_ids = {_q(sorted(t['submission_ids']))}",
                  f"key_phrases = {_q([k['phrase'] for k in t['key_phrases']])}"]
    return "\n".join(lines) + "\n"


def embedded_translation(edits: dict[str, Any], run_doc: dict[str, Any]
                         ) -> tuple[dict[str, str] | None, str | None] | bool:
    """``(translation, description)`` from the ``[source]`` tables of ``edits``: None when
    the fingerprint is this run's; False when the file records no run."""
    from .edits import match_themes

    src = edits.get("source", {})
    themes = src.get("themes") if isinstance(src, dict) else None
    if not isinstance(themes, dict) or not src.get("fingerprint"):
        return False
    if src["fingerprint"] == fingerprint(run_doc):
        return None, None
    old = {"themes": [{"id": tid, "submission_ids": t.get("submission_ids", []),
                       "key_phrases": [{"phrase": p} for p in t.get("key_phrases", [])]}
                      for tid, t in themes.items() if isinstance(t, dict)]}
    matched = match_themes(old, run_doc)
    return ({o: n for o, (n, _) in matched.items()},
            f"an earlier run, fingerprint {src['fingerprint']}")


TEMPLATE = '''\
# innonlp: analytikerens endringer / the analyst's edits
#
# Kopier denne fila til edits.toml i samme mappe, fjern # foran endringene du vil ha, og kjør
# `innonlp report MAPPE`. Copy this file to edits.toml, uncomment what you need and run
# `innonlp report FOLDER`. Maskinens themes.json endres aldri; rapportene, themes.csv,
# themes.xlsx og sammenligningen viser de endrede temaene.
# Rekkefølge / order: move, promote, merge, rename, not_relevant.
# Temaene i denne kjøringen / the themes of this run:
{themes}
#
# Gi et tema nytt navn / rename a theme:
# [[rename]]
# theme = "{t0}"
# label = "Finansiering"
#
# Slå sammen temaer (det første beholder id-en, de andre blir undertemaer; ikke et tema
# med seg selv) / merge themes (the first keeps its id, the others become sub-themes):
# [[merge]]
# themes = ["{t0}", "{t1}"]
# label = "Digitalisering"          # valgfritt / optional
#
# Gjør et undertema til eget tema / promote a sub-theme to a theme:
# [[promote]]
# subtheme = "{t0}.1"
# label = "Frivillig sektor"         # valgfritt / optional
#
# Flytt en tekstbit til et annet tema ("" = «Andre innspill») / move a segment:
# [[move]]
# segment = "brev/fjellvik-kommune#3"
# theme = "{t1}"
#
# Marker et tema som ikke relevant (vises under «Temaer markert som ikke relevante») /
# mark a theme not relevant:
# [[not_relevant]]
# theme = "{t1}"
# reason = "Handler om en annen høring"
#
# Ukjente nøkler gir en feilmelding som navngir dem / unknown keys are named in an error.
# Kjøres analysen på nytt, oversettes id-ene ved å matche temaene (blokken [source]
# nedenfor); det som ikke kan matches, brukes ikke og meldes / after a rerun, theme ids are
# translated by matching themes ([source] below); what cannot be matched is not applied.
'''


def template(themes_doc: dict[str, Any]) -> str:
    """The commented ``edits.example.toml`` for this run (with its ``[source]``)."""
    ids = [t["id"] for t in themes_doc["themes"]] or ["T01"]
    listing = "\n".join(f"#   {t['id']}  {t['label']} ({t['n_submissions']} innspill)"
                        for t in themes_doc["themes"]) or "#   (ingen temaer)"
    text = TEMPLATE.format(themes=listing, t0=ids[0], t1=ids[min(1, len(ids) - 1)])
    return text + source_toml(themes_doc)
