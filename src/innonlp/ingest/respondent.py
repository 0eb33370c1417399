"""Respondent type from names and metadata, with transparent, ordered rules.

Each rule is (type, pattern, description); the first rule that matches wins and its
description is stored as the reason, so an analyst can see why a submitter got its type.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from . import patterns as P

# Metadata values (a form's "type" column) mapped to our types; compared lower-case.
METADATA_SYNONYMS: dict[str, str] = {
    "kommune": "kommune", "kommuner": "kommune", "kommunal": "kommune", "bydel": "kommune",
    "fylkeskommune": "fylkeskommune", "fylkeskommunar": "fylkeskommune",
    "fylkeskommuner": "fylkeskommune", "fylke": "fylkeskommune",
    "statlig": "statlig virksomhet", "statlig virksomhet": "statlig virksomhet",
    "statleg verksemd": "statlig virksomhet", "stat": "statlig virksomhet",
    "statlig etat": "statlig virksomhet", "offentlig etat": "statlig virksomhet",
    "departement": "statlig virksomhet", "direktorat": "statlig virksomhet",
    "organisasjon": "organisasjon", "organisasjonar": "organisasjon",
    "organisasjoner": "organisasjon", "interesseorganisasjon": "organisasjon",
    "frivillig organisasjon": "organisasjon", "forening": "organisasjon",
    "fagforening": "organisasjon", "arbeidstakerorganisasjon": "organisasjon",
    "arbeidsgiverorganisasjon": "organisasjon", "frivillig": "organisasjon",
    "næringsliv": "næringsliv", "næringslivet": "næringsliv", "bedrift": "næringsliv",
    "selskap": "næringsliv", "virksomhet (privat)": "næringsliv", "privat virksomhet": "næringsliv",
    "næringsdrivende": "næringsliv", "leverandør": "næringsliv",
    "privatperson": "privatperson", "privat": "privatperson", "innbygger": "privatperson",
    "enkeltperson": "privatperson", "person": "privatperson", "innbyggar": "privatperson",
    "ukjent": "ukjent", "annet": "ukjent", "anna": "ukjent", "other": "ukjent",
}

RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("fylkeskommune", re.compile(r"\bfylkeskommune[n]?\b", re.I), "name contains 'fylkeskommune'"),
    ("kommune", re.compile(r"\bkommune[n]?\b|\bbydel\b|\bherad\b", re.I),
     "name contains 'kommune'/'bydel'/'herad'"),
    ("statlig virksomhet", re.compile(
        r"departement|direktorat|\btilsyn(?:et)?\b|tilsynet\b|\betaten\b|\betat\b|"
        r"statsforvalter|statsforvaltar|\bstatens\b|\bstatleg|\bnav\b|skatteetaten|"
        r"universitet|høgskole|høgskule|\bhelse\s+\w+\s*(?:rhf|hf)\b|\b(?:rhf|hf)\b|"
        r"riksrevisjonen|\bpolitiet\b|politidistrikt|sivilombudet|lånekassen|digdir|"
        r"brønnøysundregistrene|kartverket|\bforskningsrådet\b", re.I),
     "name of a state body (departement, direktorat, tilsyn, etat, universitet …)"),
    ("næringsliv", re.compile(r"\b(?:AS|ASA|ANS|DA|SA|ENK|NUF|Ltd|GmbH|AB)\b\.?$|\bAS\b|\bASA\b"),
     "company suffix (AS, ASA, ANS …)"),
    ("organisasjon", re.compile(
        r"forbund|forening|organisasjon|lag(?:et)?\b|stiftelse|råd(?:et)?\b|\bnorge$|\bnoreg$|"
        r"nettverk|\bnho\b|\blo\b|\bks\b|\bvirke\b|\bunio\b|\bys\b|akademikerne|spekter|"
        r"frivillighet|senter|klynge|allianse|samskipnad|norsk\s+\w+|norges\s+\w+|landslag",
        re.I),
     "name of an organisation (forbund, forening, lag, stiftelse, NHO, KS …)"),
)


def classify_respondent(
    name: str | None, organisation: str | None = None, metadata_type: str | None = None
) -> tuple[str, str]:
    """Return ``(respondent type, reason)``.

    Metadata wins when it maps to a known type; then the organisation's name, then the
    submitter's name; a name shaped like a person's (two to four capitalised words, no
    organisation words) is a private person.
    """
    if metadata_type:
        key = metadata_type.strip().lower()
        if key in METADATA_SYNONYMS:
            return METADATA_SYNONYMS[key], f"metadata says {metadata_type.strip()!r}"
    for label, value in (("organisation", organisation), ("name", name)):
        if not value:
            continue
        for rtype, pattern, why in RULES:
            if pattern.search(value):
                return rtype, f"{label} {value!r}: {why}"
    if name and not organisation and P.PERSONAL_NAME.match(name):
        return "privatperson", f"name {name!r} looks like a person's and no organisation is given"
    if metadata_type:
        return "ukjent", f"metadata type {metadata_type!r} is not a known respondent type"
    return "ukjent", "no name, organisation or metadata to classify"


TABLE_FORMATS = frozenset({"csv", "xlsx", "json", "jsonl"})


def with_found_organisation(sub: Any, find_organisations: Any) -> Any:
    """``sub`` with its organisation taken from the names a recogniser finds in the
    letter's first or last three lines, when the letterhead and signature rules found no
    organisation and no respondent type (the reason says so); else ``sub`` unchanged.
    ``find_organisations(text)`` gives organisation names in text order."""
    if sub.organisation or sub.respondent_type != "ukjent" or sub.format in TABLE_FORMATS:
        return sub  # a table row is no letter: its columns say who sent it
    lines = [ln.strip() for ln in sub.text.splitlines() if ln.strip()]
    found = find_organisations("\n".join(lines[:3] + lines[3:][-3:]))
    if not found:
        return sub
    org = found[0]
    rtype, why = classify_respondent(sub.submitter, org)
    return replace(sub, organisation=org, respondent_type=rtype,
                   respondent_type_reason=f"organisation {org!r} found by the named-entity "
                   f"recogniser in the letter's first or last lines; {why}")
