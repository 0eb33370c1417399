"""The codebook: seeds read from a TOML file or from the consultation document's headings."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

TOML_KEYS = frozenset({"label", "description", "keywords", "references"})
DOCUMENT_FORMATS = (".docx", ".pdf", ".md", ".txt")
FORMATS = (".toml", *DOCUMENT_FORMATS)
_HEADING = re.compile(r"^\s*((?:\d{1,2})(?:\.\d{1,2}){0,3})\.?\s+(\S.{0,160})$")
_REF = re.compile(r"(§|punkt|kapittel|kap\.)\s*(\d+(?:[-.]\d+)*[a-z]?)", re.IGNORECASE)


@dataclass(frozen=True)
class Seed:
    """One theme the analyst names before the run.

    Attributes
    ----------
    id : str
        ``S1``, ``S2`` … in codebook order.
    label : str
        The theme's name, never changed by the run.
    description, keywords, references
        What the theme is about, words that mark it, and the document's points
        ("§ 4-2", "punkt 3.1") it stands for.
    section_text : str
        A document's section body (empty for a TOML codebook).
    """

    id: str
    label: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    section_text: str = ""

    @property
    def text(self) -> str:
        """The seed's text for similarity: label, description, keywords and section."""
        return " ".join(x for x in (self.label, self.description, " ".join(self.keywords),
                                    self.section_text) if x)

    def info(self) -> dict[str, Any]:
        """The seed as ``themes.json`` and ``codebook.json`` give it."""
        return {"id": self.id, "label": self.label, "description": self.description,
                "keywords": list(self.keywords), "references": list(self.references)}


@dataclass(frozen=True)
class Codebook:
    """The seeds of a run and the file they came from."""

    seeds: tuple[Seed, ...]
    source: str = ""
    kind: str = "toml"
    extra: dict[str, Any] = field(default_factory=dict)


def normalise_reference(ref: str) -> str | None:
    """"§ 4-2" → "§4-2", "Punkt 3.1" / "kapittel 3.1" → "punkt3.1" (None: no reference)."""
    m = _REF.search(ref)
    if m is None:
        return None
    kind = "§" if m.group(1) == "§" else "punkt"
    return f"{kind}{m.group(2).lower().rstrip('.')}"


def read_codebook(path: str | Path) -> Codebook:
    """The codebook in ``path`` (.toml, or a .docx/.pdf/.md/.txt consultation document).

    Raises
    ------
    ConfigError
        The file is missing, of another format, or its TOML is not a codebook (an
        unknown key is named).
    """
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"--codebook file {str(p)!r} does not exist.")
    suffix = p.suffix.lower()
    if suffix not in FORMATS:
        raise ConfigError(f"--codebook must be a {', '.join(FORMATS)} file. Got {str(p)!r} "
                          "instead.")
    if suffix == ".toml":
        return _from_toml(p)
    return _from_document(p)


def _from_toml(p: Path) -> Codebook:
    try:
        doc = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"--codebook {p.name!r} is not valid TOML ({exc}).") from None
    unknown = sorted(set(doc) - {"theme"})
    if unknown:
        raise ConfigError(f"--codebook {p.name!r}: unknown key {unknown[0]!r} (only "
                          "[[theme]] tables).")
    themes = doc.get("theme")
    if not isinstance(themes, list) or not themes:
        raise ConfigError(f"--codebook {p.name!r} has no [[theme]] tables.")
    return Codebook(tuple(_seed(p.name, i, t) for i, t in enumerate(themes, 1)), str(p))


def _seed(name: str, n: int, t: Any) -> Seed:
    where = f"--codebook {name!r}, theme {n}"
    if not isinstance(t, dict):
        raise ConfigError(f"{where}: not a table.")
    bad = sorted(set(t) - TOML_KEYS)
    if bad:
        raise ConfigError(f"{where}: unknown key {bad[0]!r} (allowed: "
                          f"{', '.join(sorted(TOML_KEYS))}).")
    label = t.get("label")
    if not isinstance(label, str) or not label.strip():
        raise ConfigError(f"{where}: 'label' must be a non-empty string.")
    desc = t.get("description", "")
    if not isinstance(desc, str):
        raise ConfigError(f"{where}: 'description' must be a string.")
    lists = {}
    for key in ("keywords", "references"):
        v = t.get(key, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            raise ConfigError(f"{where}: {key!r} must be a list of non-empty strings.")
        lists[key] = tuple(x.strip() for x in v)
    return Seed(f"S{n}", label.strip(), desc.strip(), lists["keywords"], lists["references"])


def _from_document(p: Path) -> Codebook:
    from ..ingest.paragraphs import read_paragraphs

    try:
        pars = read_paragraphs(p, "codebook")
    except Exception as exc:  # InputError and reader failures: one clear message
        raise ConfigError(f"--codebook {p.name!r} could not be read ({exc}).") from None
    texts = [x.text for x in pars]
    if p.suffix.lower() == ".pdf":  # the PDF reader joins a heading line to its text
        texts = [part for t in texts for part in split_run_in(t)]
    seeds = document_seeds(texts)
    if not seeds:
        raise ConfigError(f"--codebook {p.name!r} has no numbered headings (\"3 Forslag til "
                          "endringer\", \"3.2 Krav til …\").")
    return Codebook(tuple(seeds), str(p), "document")


_RUN_IN = re.compile(r"(?:^|(?<=[.!?] ))(?=\d{1,2}(?:\.\d{1,2}){0,3}\.? [A-ZÆØÅ])")


def split_run_in(text: str) -> list[str]:
    """A paragraph with run-in numbered headings ("3 Forslag Departementet foreslår … 3.1
    Krav til tilsyn") as heading and body parts: a heading runs to the next capitalised
    word (at most 12 words)."""
    out: list[str] = []
    for piece in (x.strip() for x in _RUN_IN.split(text)):
        if not piece:
            continue
        words = piece.split()
        if not _HEADING.match(piece.split(". ")[0]) and not re.match(r"\d", piece):
            out.append(piece)
            continue
        cut = next((k for k in range(2, min(len(words), 13)) if words[k][:1].isupper()),
                   len(words) if len(words) <= 12 else 0)
        if cut:
            out.append(" ".join(words[:cut]))
        if words[cut:]:
            out.append(" ".join(words[cut:]))
    return out


def document_seeds(paragraphs: list[str]) -> list[Seed]:
    """One seed per numbered heading, its text the paragraphs up to the next heading; the
    heading's number is the seed's reference ("punkt 3.2")."""
    heads = []
    for i, text in enumerate(paragraphs):
        m = _HEADING.match(text.strip())
        if m and not m.group(2).rstrip().endswith((".", ":", ";", ",")) \
                and len(m.group(2).split()) <= 20 and m.group(2)[:1].isupper():
            heads.append((i, m.group(1), m.group(2).strip()))
    seeds = []
    for n, (i, number, title) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(paragraphs)
        body = " ".join(paragraphs[i + 1:end])
        seeds.append(Seed(f"S{n + 1}", f"{number} {title}", references=(f"punkt {number}",),
                          section_text=body))
    return seeds
