"""Typed configuration: CLI flags and a TOML file map onto the same dataclasses."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "kib": 2**10, "m": 10**6, "mb": 10**6,
          "mib": 2**20, "g": 10**9, "gb": 10**9, "gib": 2**30}


def parse_size(value: str | int) -> int:
    """Parse ``"50MB"``, ``"2 GiB"`` or a plain byte count into bytes."""
    if isinstance(value, int):
        if value <= 0:
            raise ConfigError(f"A size must be positive. Got {value} instead.")
        return value
    m = _SIZE_RE.match(value)
    if not m or (m.group(2) or "").lower() not in _UNITS:
        raise ConfigError(
            f"A size must look like '50MB', '200KB' or '2GiB'. Got {value!r} instead."
        )
    return int(float(m.group(1)) * _UNITS[(m.group(2) or "").lower()])


def format_size(n: int) -> str:
    """Bytes as a short human string (decimal units, as in the flags)."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= factor:
            return f"{n / factor:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


@dataclass(frozen=True)
class ColumnMapping:
    """Which columns of a tabular export (CSV/XLSX/JSON) hold what.

    Empty ``text`` means: detect the text column by name (tekst, innspill, svar, text …);
    the choice is written to the manifest.
    """

    text: tuple[str, ...] = ()
    id: str | None = None
    submitter: str | None = None
    organisation: str | None = None
    respondent_type: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class IngestConfig:
    """Everything that controls ingest. Defaults are safe for untrusted dumps."""

    columns: ColumnMapping = field(default_factory=ColumnMapping)
    max_file_size: int = 50 * 10**6
    max_archive_members: int = 20_000
    max_uncompressed_total: int = 2 * 10**9
    max_compression_ratio: float = 200.0
    max_pdf_pages: int = 2_000
    strip_letters: bool = True
    detect_campaigns: bool = True
    campaign_threshold: float = 0.3
    campaign_min_size: int = 3
    campaign_min_words: int = 30
    max_segment_chars: int = 1_200
    min_segment_chars: int = 25
    follow_symlinks_outside: bool = False
    # personal data (identity numbers; phone, e-mail, street address of private persons)
    # is masked before anything is segmented or written, unless this is True
    keep_personal_data: bool = False


def _build(cls: type, data: dict[str, Any], where: str) -> Any:
    names = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - set(names))
    if unknown:
        raise ConfigError(
            f"Unknown key(s) {', '.join(map(repr, unknown))} in {where}. "
            f"Known keys: {', '.join(sorted(names))}."
        )
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key == "columns":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}.columns must be a table. Got {value!r} instead.")
            kwargs[key] = _build(ColumnMapping, value, f"{where}.columns")
        elif key == "text":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}.text must be a column name or a list of them. "
                                  f"Got {value!r} instead.")
            kwargs[key] = tuple(value)
        elif key in {"max_file_size", "max_uncompressed_total"}:
            if isinstance(value, bool) or not isinstance(value, str | int):
                raise ConfigError(f"{where}.{key} must be a size such as '50MB'. Got "
                                  f"{value!r} instead.")
            kwargs[key] = parse_size(value)
        else:
            kwargs[key] = _typed(value, names[key].type, f"{where}.{key}")
    return cls(**kwargs)


_TYPES: dict[str, tuple[type, ...]] = {"int": (int,), "float": (int, float), "bool": (bool,),
                                       "str | None": (str, type(None))}


def _typed(value: Any, annotation: Any, where: str) -> Any:
    """``value`` when it has the field's type (TOML gives ints, floats, bools, strings);
    else one clear error naming the key, the type and the value."""
    kinds = _TYPES.get(str(annotation))
    if kinds is None:
        return value
    ok = isinstance(value, kinds) and not (bool not in kinds and isinstance(value, bool))
    if not ok:
        want = {"int": "a whole number", "float": "a number", "bool": "true or false",
                "str | None": "a text"}[str(annotation)]
        raise ConfigError(f"{where} must be {want}. Got {value!r} instead.")
    if str(annotation) in ("int", "float") and value < 0:
        raise ConfigError(f"{where} must not be negative. Got {value!r} instead.")
    return float(value) if str(annotation) == "float" else value


def load_config(path: str | Path) -> IngestConfig:
    """Read an ``[ingest]`` table (and its ``[ingest.columns]``) from a TOML file.

    Unknown keys are an error, never silently ignored.
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"Config file {str(p)!r} does not exist.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Config file {str(p)!r} is not valid TOML: {exc}") from exc
    top_unknown = sorted(set(data) - {"ingest"})
    if top_unknown:
        raise ConfigError(
            f"Unknown table(s) {', '.join(map(repr, top_unknown))} in {str(p)!r}. "
            "Known tables: 'ingest'."
        )
    return _build(IngestConfig, data.get("ingest", {}), f"{p.name}[ingest]")


def merge_columns(base: ColumnMapping, **overrides: Any) -> ColumnMapping:
    """Flags given on the command line win over the config file."""
    changes = {k: v for k, v in overrides.items() if v not in (None, (), [])}
    if "text" in changes:
        changes["text"] = tuple(changes["text"])
    return dataclasses.replace(base, **changes)
