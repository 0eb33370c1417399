from pathlib import Path

import pytest

from innonlp.config import ColumnMapping, load_config, merge_columns, parse_size
from innonlp.errors import ConfigError


def test_parse_size() -> None:
    assert parse_size("50MB") == 50_000_000
    assert parse_size("2 GiB") == 2 * 2**30
    assert parse_size("200kb") == 200_000
    assert parse_size(123) == 123
    with pytest.raises(ConfigError, match="Got 'lots' instead"):
        parse_size("lots")


def test_toml_maps_to_the_dataclass_and_rejects_unknown_keys(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    p.write_text('[ingest]\nmax_file_size = "2MB"\n[ingest.columns]\ntext = "svar"\nid = "nr"\n',
                 encoding="utf-8")
    cfg = load_config(p)
    assert cfg.max_file_size == 2_000_000
    assert cfg.columns == ColumnMapping(text=("svar",), id="nr")
    p.write_text("[ingest.columns]\ntekst = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="Unknown key"):
        load_config(p)
    p.write_text("[ingst]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="Unknown table"):
        load_config(p)


def test_flags_override_the_file() -> None:
    base = ColumnMapping(text=("a",), id="x")
    assert merge_columns(base, text=["b", "c"], id=None) == ColumnMapping(text=("b", "c"), id="x")
